"""Company-area findings for the talking points: the revenue trend, margins, R&D, the
business overview, risk factors and press releases — each from one sourced row.

Each :class:`~research_kit.research.talking_points.Finding` holds only values its source
row holds, so a sentence template cannot state anything the filing does not.
"""

from __future__ import annotations

import re
from typing import Any

from ...provenance import Source
from ...source_titles import filing_title, financials_title, press_release_title
from ..talking_points import Finding, as_number
from .facts import STALE_DAYS

__all__ = ["company_findings", "fact_findings", "doc_phrase", "tag_role_terms"]


def _row_source(row: dict[str, Any], title: str, section: str | None = None) -> Source:
    return Source.from_row(row, title=title, section=section) or Source(
        url="", retrieved_at="", section=section, title=title)


# a parenthetical that only defines how the filing names the company: (“Acme,” “we” or “us”)
_DEFINITIONS = re.compile(r"\s*\((?:the\s+)?[“\"][^()]{0,80}[”\"][^()]{0,40}\)")
_SENTENCE = re.compile(r"(.{40,400}?[.!?])(?=\s+[A-Z“\"(]|$)")
# words of direction: sentences worth a question ("where does this team fit in that?")
_STRATEGY = re.compile(r"\b(?:strateg\w*|we believe|we plan|plans? to|focus(?:ed|ing)? on|"
                       r"invest(?:ing|ments?)? in|grow(?:s|ing|th)?|expand(?:s|ed|ing)?|"
                       r"priorit(?:y|ies|ize)|goals?|recurring|launch(?:ed|es|ing)?)\b",
                       re.I)


def sentences(text: str) -> list[str]:
    """Sentences of filing prose, without "(“Acme,” “we” or “us”)"-style definitions."""
    flat = _DEFINITIONS.sub("", " ".join(text.split()))
    return [m.group(1).strip() for m in _SENTENCE.finditer(flat)]


def _strategy_sentence(text: str) -> str | None:
    """The first sentence that says where the company is heading, if any does."""
    return next((s for s in sentences(text) if _STRATEGY.search(s)), None)


def company_findings(ratios=None, overview=None, risks=None, press=None,
                     company: str | None = None) -> list[Finding]:
    """Findings from :func:`financial_ratios`, :func:`business_overview`,
    :func:`risk_factor_table` and :func:`press_releases` results (any may be None)."""
    findings: list[Finding] = []
    if ratios is not None and len(ratios):
        rows = ratios.sort_values("fiscal_year").to_dict("records")
        latest = rows[-1]
        name = company or str(latest.get("company") or "")
        year = int(latest["fiscal_year"])
        source = _row_source(latest, financials_title(name, year))
        revenue = as_number(latest.get("revenue"))
        growth = as_number(latest.get("revenue_growth"))
        if revenue is not None and growth is not None:
            findings.append(Finding("company", "revenue_trend",
                                    {"company": name, "revenue": revenue, "growth": growth,
                                     "fiscal_year": year}, source, weight=1.3))
        for kind, key in (("operating_margin", "operating_margin"),
                          ("rd_intensity", "rd_intensity")):
            value = as_number(latest.get(key))
            if value is not None:
                findings.append(Finding("company", kind, {"company": name, key: value,
                                                          "fiscal_year": year}, source))
    if overview is not None and getattr(overview, "text", None) and overview.source is not None:
        # a question about direction needs a sentence about direction, not the legal name
        sentence = _strategy_sentence(overview.text)
        if sentence:
            findings.append(Finding("company", "business_overview", {"sentence": sentence},
                                    overview.source, weight=0.9))
    if risks is not None and len(risks):
        for row in risks.head(3).to_dict("records"):
            findings.append(Finding("company", "risk_factor", {"heading": row["heading"]},
                                    _row_source(row, filing_title(company) if company else
                                                "Annual report"),
                                    weight=0.8))
    if press is not None and len(press):
        for row in press.head(2).to_dict("records"):
            if row.get("title"):
                findings.append(Finding("company", "press_release",
                                        {"company": company or row.get("company"),
                                         "title": row["title"], "date": row.get("date")},
                                        _row_source(row, press_release_title(
                                            company or row.get("company"), row.get("date"))),
                                        weight=1.0))
    return findings


def doc_phrase(company: str | None, passage_kind: str, title: str, when: str) -> str:
    """How a candidate names where they read a fact: "NVIDIA's FY2025 10-K", "Acme's press
    release of 2025-02-26", "Acme's website"."""
    owner = _possessive(company) if company else "the company's"
    title = str(title or "")
    if passage_kind in ("business", "results"):
        m = re.search(r"\b(10-K\w*|20-F|40-F)\b(?:\s+(FY\d{4}))?", title)
        if m:
            return f"{owner} {m.group(2) + ' ' if m.group(2) else ''}{m.group(1)}"
        return f"{owner} annual report"
    if passage_kind == "press":
        return f"{owner} press release of {when[:10]}" if when else f"{owner} press release"
    if passage_kind == "news":
        page = "history page" if "milestone" in title else "news page"
        return f"{owner} {page} ({when[:10]})" if when else f"{owner} {page}"
    if passage_kind in ("letter", "strategy", "outlook", "review", "market", "report",
                        "people", "risk") or "annual report" in title.lower():
        year = re.search(r"\b(?:FY\s?)?((?:19|20)\d\d(?:[-/]\d{2,4})?)\b", title)
        return f"{owner} annual report {year.group(1)}" if year else f"{owner} annual report"
    return f"{owner} website"


def _short_doc(phrase: str) -> str:
    """ "NVIDIA's FY2025 10-K" → "10-K"; "Acme's annual report 2022" → "annual report"."""
    for kind in ("10-K", "20-F", "40-F", "annual report", "press release", "news page",
                 "history page", "website"):
        if kind in phrase:
            return kind
    return ""


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


_NEAR_DUPLICATE = 82.0
_FIGURE = re.compile(r"[$€£₹]\s?\d[\d,.]*(?:\s?(?:billion|million|thousand|bn|m)\b)?|"
                     r"\d[\d,.]*\s?%")


def figures_in(text: str) -> set[str]:
    """The money amounts and percentages a sentence states ("$497.3 million", "13.8%")."""
    return {" ".join(m.group(0).split()) for m in _FIGURE.finditer(text)}


def _same_news(a: str, b: str) -> bool:
    """Two sentences that state the same figures say the same thing, however worded."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    shared = figures_in(a) & figures_in(b)
    return len(shared) >= 2 or \
        fuzz.token_set_ratio(a, b, processor=default_process) >= _NEAR_DUPLICATE


MIN_FACT_SCORE = 3.0
"""Below this a sentence is not worth saying in an interview (a hedge, an old launch)."""


def _is_stale(row: dict[str, Any]) -> bool:
    return (as_number(row.get("age_days")) or 0) > STALE_DAYS


def fact_findings(facts, company: str | None = None, *, limit: int = 12,
                  per_kind: int = 3, per_document: int = 3) -> list[Finding]:
    """Findings ("company_fact") from a salient-facts table, best first, spread across
    kinds of fact and documents (a first pass keeps to ``per_document``, a second fills
    the rest from any document), near-duplicates left out ("Mac net sales increased …" and
    "iPad net sales increased …" are one finding)."""
    if facts is None or not len(facts):
        return []
    rows = [r for r in facts.to_dict("records") if (as_number(r["score"]) or 0) >= MIN_FACT_SCORE]
    chosen: list[dict[str, Any]] = []
    kinds: dict[str, int] = {}
    documents: dict[str, int] = {}
    for document_cap in (per_document, limit):
        for row in rows:
            if len(chosen) >= limit:
                break
            sentence = str(row["fact"])
            if any(c is row for c in chosen) or kinds.get(row["kind"], 0) >= per_kind \
                    or documents.get(row["title"], 0) >= document_cap:
                continue
            if any(_same_news(sentence, c["fact"]) for c in chosen):
                continue
            kinds[row["kind"]] = kinds.get(row["kind"], 0) + 1
            documents[row["title"]] = documents.get(row["title"], 0) + 1
            chosen.append(row)
    # old news is background: after what the company says of itself today, whatever its
    # score (a 2011 launch does not go before "… is the US subsidiary of Chunghwa Telecom")
    chosen.sort(key=lambda r: (_is_stale(r), -(as_number(r["score"]) or 0)))
    findings = []
    for rank, row in enumerate(chosen):
        phrase = doc_phrase(company, str(row["passage_kind"]), str(row["title"]),
                            str(row["date"] or ""))
        source = _row_source(row, str(row["title"] or phrase))
        findings.append(Finding("company", "company_fact",
                                {"sentence": str(row["fact"]), "doc": phrase,
                                 "doc_short": _short_doc(phrase),
                                 "fact_kind": row["kind"], "date": row["date"],
                                 "role_terms": row["role_terms"],
                                 "relevance": as_number(row["relevance"]) or 0.0,
                                 "stale": _is_stale(row)},
                                source, weight=2.0 - rank * 0.05))
    return findings


def tag_role_terms(findings: list[Finding], terms: Any) -> list[Finding]:
    """Risk findings with the role's terms they share (``role_terms``): a risk is a
    question for this interview only when it touches the role's own domain."""
    import dataclasses

    out = []
    for finding in findings:
        if finding.kind == "risk_factor" and terms:
            _, matched = terms.match(str(finding.facts.get("heading") or ""))
            finding = dataclasses.replace(finding, facts={**finding.facts,
                                                          "role_terms": ", ".join(matched)})
        out.append(finding)
    return out
