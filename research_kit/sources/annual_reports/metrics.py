"""How annual reports name the key figures, in tables and in sentences.

Each metric has labels ranked by how squarely they name it; a lower rank wins when a report
prints several ("Net revenues" over "Revenues including excise taxes"; "Net earnings
attributable to PMI" over "Net earnings"). ``operating_income`` has a *substitute* label
for reports that print no operating profit line: "Profit before depreciation, finance cost
and tax" (EBITDA-like). A substitute is used only when no real operating line exists, and
the figure says so in its note.

Labels that only look like a metric are refused: per-share, margin and ratio lines,
adjusted / non-GAAP / underlying measures, amounts attributable to non-controlling
interests, comprehensive income, changes ("Revenue growth").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Label", "match_label", "METRICS", "SUBSTITUTE_NOTE", "REFUSED"]

METRICS = ("revenue", "operating_income", "net_income", "employees")


@dataclass(frozen=True)
class Label:
    metric: str
    rank: int
    printed: str
    """The label as printed (the row's words before its figures)."""
    substitute: bool = False


_ENUMERATION = re.compile(r"^\s*(?:[IVX]{1,5}\s*[.)]|\(?[a-z]\)|\(?\d{1,2}[.)]|[A-Z]\.)\s*")
REFUSED = re.compile(
    r"\bper\s+(?:equity\s+)?share\b|\beps\b|\bmargins?\b|\bratios?\b|\badjusted\b|"
    r"\bnon-?gaap\b|\bunderlying\b|\bcomparable\b|\borganic\b|\bexcluding\b|"
    r"\bnon-?\s*controlling\b|\bminority\b|\bcomprehensive\b|\bgrowth\b|\bchange\b|"
    r"\bcarried\s+to\b|\bbefore\s+(?:income\s+)?tax|%|\bguidance\b|\bforecast\b|\bbudget|"
    r"\btarget\b", re.I)

_TABLE_LABELS: list[tuple[str, int, str]] = [
    # "Revenue from operations" before "Total revenue (I + II)", which adds other income
    ("revenue", 0, r"revenues?\s+from\s+(?:contracts\s+with\s+customers|operations)|"
                   r"total\s+income\s+from\s+operations"),
    ("revenue", 1, r"total\s+(?:net\s+)?revenues?|net\s+revenues?|(?:total\s+)?net\s+sales|"
                   r"(?:total\s+)?turnover"),
    ("revenue", 2, r"revenues?|sales"),
    ("revenue", 3, r"revenues?\s+including\b.*"),
    ("operating_income", 1, r"operating\s+(?:income|profit|result)(?:\s*[/(]\s*\(?loss\)?\)?)?|"
                            r"operating\s+loss|profit\s*(?:/\s*\(loss\)\s*)?from\s+operations|"
                            r"income\s+from\s+operations|ebit(?!da)|earnings\s+before\s+interest\s+"
                            r"and\s+(?:income\s+)?taxes|profit\s+before\s+interest\s+and\s+tax"),
    ("net_income", 0, r"net\s+(?:income|earnings|profit)(?:\s*\(loss\))?\s+attributable\s+to\b.*|"
                      r"(?:profit|income|earnings)(?:\s+for\s+the\s+(?:year|period))?\s+"
                      r"attributable\s+to\s+(?:owners|shareholders|equity\s+holders|stockholders|"
                      r"the\s+parent)\b.*"),
    ("net_income", 1, r"net\s+(?:income|earnings|profit)(?:\s*\(loss\))?|net\s+loss|"
                      r"(?:profit|loss|surplus|deficit|result)\s*(?:/|or)?\s*\(?(?:loss|profit|"
                      r"deficit)?\)?\s+for\s+the\s+(?:financial\s+)?(?:year|period)|"
                      r"profit\s*/?\s*\(?loss\)?\s+after\s+tax(?:ation)?|profit\s+after\s+tax(?:ation)?"),
]
_SUBSTITUTES: list[tuple[str, str]] = [
    ("operating_income", r"profit\s*/?\s*\(?(?:loss)?\)?\s+before\s+depreciation,?\s+(?:finance\s+"
                         r"costs?|interest)(?:,|\s+and)?\s+(?:and\s+)?tax(?:ation|es)?|ebitda|pbdit"),
]
SUBSTITUTE_NOTE = ("the report prints no operating profit line (operating income, operating "
                   "profit or result, EBIT); this is the closest line it prints: {label!r}")
_COMPILED = [(m, r, re.compile(rf"(?:{p})\b", re.I)) for m, r, p in _TABLE_LABELS]
_SUBSTITUTE = [(m, re.compile(rf"(?:{p})\b", re.I)) for m, p in _SUBSTITUTES]


def match_label(label: str) -> Label | None:
    """The metric a table row's label names, or None. ``label`` is the row's text before its
    figures; it must start with the metric's words (after any enumeration: "VII.", "(a)")."""
    text = _ENUMERATION.sub("", label.strip())
    text = re.sub(r"^total\s+(?=net\s+income|net\s+earnings)", "", text, flags=re.I)
    if not text or REFUSED.search(text):
        return None
    for metric, rank, pattern in _COMPILED:
        match = pattern.match(text)
        if match and _only_notes_after(text[match.end():]):
            return Label(metric, rank, label.strip())
    for metric, pattern in _SUBSTITUTE:
        match = pattern.match(text)
        if match and _only_notes_after(text[match.end():]):
            return Label(metric, 9, label.strip(), substitute=True)
    return None


def _only_notes_after(rest: str) -> bool:
    """After the metric's words only notes may follow: "(Note 18)", "(includes $3,658 in
    2022 … from related parties)", "(I + II)", "(V - VI)", a colon, a currency sign."""
    rest = re.sub(r"\([^()]*\)", "", rest)
    rest = re.sub(r"\bnotes?\s*\d+(?:\s*[&,]\s*\d+)*", "", rest, flags=re.I)
    return not re.search(r"[A-Za-z]{3,}", rest)


@dataclass
class Candidate:
    """One key figure read from the report: a table row's cell or a sentence's amount."""

    metric: str
    value: float | None
    """In base units (currency units, people); None when the scale is not printed."""
    value_as_printed: str
    page: int
    quote: str
    """The table row or the sentence, verbatim."""
    basis: str
    """The label or phrase as printed ("Net revenues", "operating result")."""
    how: str
    """"table" or "sentence"."""
    priority: int
    """3 a row of the income statement, 2 a row of another table, 1 a sentence."""
    rank: int = 1
    number: float | None = None
    """The value in the printed scale."""
    currency: str | None = None
    """As printed: "$", "EUR", "Rs."."""
    unit: str | None = None
    """ISO currency code, or what is counted for employees ("people", "person-years")."""
    scale: str | None = None
    """As printed: "In millions", "million", "'00"; "" for units."""
    multiplier: float | None = None
    period: str | None = None
    """The period as printed: the column's header, the sentence's year."""
    year: int | None = None
    prior_value_as_printed: str | None = None
    prior_value: float | None = None
    prior_period: str | None = None
    substitute: bool = False
    note: str = ""
    section: str = ""
