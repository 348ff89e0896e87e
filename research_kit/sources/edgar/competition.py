"""What a candidate reads in a 10-K: the business overview, the Competition passage and the
competitors it names, and the risk-factor headings — each verbatim and sourced.

Headings are found from the filing's own typography where there is one (bold or italic
paragraph openings recorded by :mod:`.html_text`), else from layout (a short line on its
own). Nothing here paraphrases: passages are the filing's paragraphs, in order.
"""

from __future__ import annotations

import re

from ...provenance import table_from_rows
from .competition_part import competition_passage
from .competitors import competitor_mentions, competitors_from_10k
from .headings import page_furniture
from .item_paragraphs import Headings, is_running_header, item_span
from .item_paragraphs import paragraphs as split_paragraphs
from .passage import Passage
from .sections import AnnualReport, Item, is_pointer

__all__ = ["Passage", "competition_passage", "competitors_from_10k", "competitor_mentions",
           "risk_factor_headings", "risk_factor_table", "business_overview"]

_FORWARD_LOOKING = re.compile(r"forward-looking\s+statements|safe\s+harbor", re.I)
_CATEGORY = re.compile(r"^(?:risks?\b|(?:\S+\s+){0,5}risks?$)", re.I)
_NOT_A_RISK = re.compile(
    r"^(?:the\s+following|you\s+should|in\s+addition|investing\s+in|before\s+you|"
    r"this\s+section|risk\s+factors?(?:\s+summary)?$|summary\b)", re.I)
# a risk factor heading is a statement; a category heading ("Business and Operations") is not
_STATEMENT = re.compile(
    r"\b(?:may|might|could|can|cannot|will|would|should|must|is|are|was|were|has|have|had|be|"
    r"been|depends?|faces?|rel(?:y|ies)|requires?|subjects?|exposes?|affects?|impacts?|harms?|"
    r"involves?|continues?|needs?|competes?|fails?|includes?|presents?|makes?|poses?|remains?|"
    r"increases?|reduces?|limits?|results?)\b", re.I)


def _risk_headings(report: AnnualReport) -> list[tuple[str | None, str, int]]:
    """(category, heading, offset) of each risk factor in Item 1A."""
    item = report.item("1A")
    if item is None or item.status not in ("ok", "suspicious"):
        return []
    headings = Headings(report)
    paragraphs = list(split_paragraphs(report.text, item.body_start, item.end))
    found: list[tuple[str | None, str, int]] = []
    category: str | None = None
    use_emphasis = any(item.body_start <= start < item.end for start, _ in report.emphasis)
    for index, (start, _end, text) in enumerate(paragraphs):
        flat = " ".join(text.split())
        if page_furniture(text) or is_running_header(text) or not flat[:1].isupper():
            continue
        if use_emphasis:
            length = headings.emphasis.get(start, 0)
            if length < 15:
                continue
            heading = " ".join(text[:length].split())
        else:
            following = paragraphs[index + 1][2] if index + 1 < len(paragraphs) else ""
            if not (40 <= len(flat) <= 400 and flat.endswith(".") and flat.count(". ") <= 1
                    and len(following) > len(flat)) and not headings.is_heading(start, text):
                continue
            heading = flat
        if _NOT_A_RISK.match(heading):
            continue
        words = heading.split()
        if not heading.endswith(".") and (_CATEGORY.match(heading) or (
                len(words) <= 8 and not _STATEMENT.search(heading))):
            category = heading
            continue
        if len(words) < 5:
            continue
        found.append((category, heading, start))
    return found


def risk_factor_headings(report: AnnualReport) -> list[str]:
    """The risk-factor headings of Item 1A, in order (empty when 1A is missing or a pointer)."""
    return [heading for _, heading, _ in _risk_headings(report)]


def risk_factor_table(report: AnnualReport):
    """One row per risk factor: number, category, heading, plus source columns."""
    source = report.source_for("1A")
    rows = [{"number": n, "category": category, "heading": heading, "source": source}
            for n, (category, heading, _) in enumerate(_risk_headings(report), start=1)]
    return table_from_rows(rows, ["number", "category", "heading"])


def business_overview(report: AnnualReport, *, max_paragraphs: int = 3,
                      max_chars: int = 1500) -> Passage | None:
    """The first paragraphs of Item 1, verbatim (headings and forward-looking boilerplate
    skipped); None when Item 1 is missing."""
    span = item_span(report, "1")
    if span is None:
        return None
    headings = Headings(report)
    chosen: list[tuple[int, int, str]] = []
    size = 0
    for start, end, text in split_paragraphs(report.text, *span):
        flat = " ".join(text.split())
        if (page_furniture(text) or is_running_header(text) or headings.is_heading(start, text)
                or len(flat) < 60 or _FORWARD_LOOKING.search(flat) or "\t" in text
                or is_pointer(flat)):
            continue
        if chosen and size + len(flat) > max_chars:
            break
        chosen.append((start, end, text))
        size += len(flat)
        if len(chosen) >= max_paragraphs:
            break
    if not chosen:
        return None
    item: Item | None = report.item("1")
    title = f"{report.company or 'The company'}: {item.title if item else 'Business'} (overview)"
    return Passage(title=title, text="\n\n".join(" ".join(c[2].split()) for c in chosen),
                   start=chosen[0][0], end=chosen[-1][1], source=report.source_for("1"))
