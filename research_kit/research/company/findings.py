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

__all__ = ["company_findings"]


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
    if overview is not None and getattr(overview, "text", "") and overview.source is not None:
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
