"""Industry-area findings for the talking points: competitors' own figures, the occupation's
wage, and the position's skills O*NET flags as hot technologies.

Each :class:`~research_kit.research.talking_points.Finding` holds only values from one
sourced row, so the sentence templates cannot state anything the row does not hold.
"""

from __future__ import annotations

from typing import Any

from ...lexicon.company_names import short_company
from ...provenance import Source
from ..talking_points import Finding, as_number

__all__ = ["industry_findings"]


def _source(row: dict[str, Any], title: str) -> Source | None:
    """The row's source, its section naming the filing when the row has an accession."""
    if row.get("accession"):
        row = dict(row, section=f"{row.get('form') or 'filing'} {row['accession']}")
    return Source.from_row(row, title=title)




def industry_findings(peers=None, occupation=None, overlap=None) -> list[Finding]:
    """Findings from a PeerComparison, an OccupationProfile and a hot_skill_overlap table."""
    findings: list[Finding] = []

    def add(kind: str, facts: dict[str, Any], source: Source | None, weight: float) -> None:
        if source is not None:  # nothing uncited
            findings.append(Finding("industry", kind, facts, source, weight))

    if peers is not None and not peers.facts.empty:
        facts = peers.facts
        competitors = facts[facts["role"] == "competitor"]
        for _cik, rows in competitors.groupby("cik", sort=False):
            by_metric = {r["metric"]: r for r in rows.to_dict("records")}
            revenue = by_metric.get("revenue")
            if revenue is None:
                continue
            growth = by_metric.get("revenue_growth", {}).get("value")
            values = {"competitor": revenue["company"], "revenue": as_number(revenue["value"]),
                      "growth": as_number(growth), "fiscal_year": revenue["fiscal_year"]}
            add("competitor_figure", values,
                _source(revenue, f"{revenue['company']} 10-K FY{revenue['fiscal_year']}"), weight=1.2)
    if peers is not None:
        findings += _named_competitors(peers, {f.facts["competitor"] for f in findings})
    if occupation is not None and _weak_match(occupation):
        occupation = None  # "Engineers, All Other" for a DevOps title: no market line beats a wrong one
    if occupation is not None:
        wages = occupation.wage_summary()
        if wages.get("median") is not None:
            row = occupation.wages.iloc[0].to_dict()
            add("occupation_wage", {"occupation": occupation.title, "median_wage": wages["median"]},
                _source(row, f"BLS OEWS {row.get('survey')}"), weight=0.8)
    if overlap is not None and occupation is not None:
        for row in overlap.to_dict("records"):
            if row.get("hot_technology") is True:
                add("hot_skill", {"skill": row["skill"], "occupation": occupation.title},
                    _source(row, "O*NET Technology Skills"), weight=0.9)
    return findings


def _named_competitors(peers: Any, with_figures: set[str]) -> list[Finding]:
    """Competitors the target's own 10-K names (not SIC neighbours, not the user's list),
    each cited to the 10-K passage that names it: something to ask about even when no
    figures of theirs are at hand."""
    table = getattr(peers, "competitors", None)
    if table is None or table.empty:
        return []
    target = ""
    if not peers.facts.empty and "role" in peers.facts:
        rows = peers.facts[peers.facts["role"] == "target"]
        target = str(rows["company"].iloc[0]) if len(rows) else ""
    company = short_company(target)
    out = []
    for order, row in enumerate(table.to_dict("records")):
        names = {str(row.get("name") or ""), str(row.get("sec_name") or "")}
        if "10-K" not in str(row.get("origin") or "").split("; ") or names & with_figures:
            continue
        title = f"{company} 10-K" if company else "10-K"
        source = Source.from_row(row, title=title) if row.get("source_url") else None
        if source is not None:
            out.append(Finding("industry", "competitor_named",
                               {"competitor": short_company(row["name"]), "company": company},
                               source, weight=0.6 / (order + 1)))
    return out


def _weak_match(occupation: Any) -> bool:
    """The occupation was matched from the job title with weak confidence (below 80)."""
    candidates = getattr(occupation, "candidates", None)
    if candidates is None or not len(candidates) or "confidence" not in candidates.columns:
        return False  # chosen by SOC code, not guessed from a title
    return bool(candidates["confidence"].iloc[0] == "weak")
