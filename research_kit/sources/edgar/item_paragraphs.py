"""The paragraphs of a 10-K item and which of them are headings.

Shared by the Competition passage, the risk-factor headings (:mod:`.competition`) and the
competitor finder (:mod:`.competitor_passages`). Headings are found from the filing's own
typography where there is one (bold or italic paragraph openings recorded by
:mod:`.html_text`), else from layout (a short line on its own).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...provenance import Source
from .headings import page_furniture
from .sections import AnnualReport

__all__ = ["paragraphs", "Headings", "item_span", "is_running_header", "section_source"]


def paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of the blank-line separated paragraphs in ``text[start:end]``."""
    position = start
    for match in re.finditer(r"\n[ \t]*\n", text[start:end] + "\n\n"):
        stop = start + match.start()
        chunk = text[position:stop]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            yield position + lead, stop, chunk.strip()
        position = start + match.end()


class Headings:
    """Decides whether a paragraph is a heading: emphasised as a whole, or a short line."""

    def __init__(self, report: AnnualReport) -> None:
        self.emphasis = dict(report.emphasis)

    def emphasised(self, start: int, text: str) -> bool:
        length = self.emphasis.get(start, 0)
        return length >= 0.9 * len(text)

    def opening(self, start: int) -> int:
        """Length of the emphasised run that opens the paragraph at ``start`` (0 if none)."""
        return self.emphasis.get(start, 0)

    def is_heading(self, start: int, text: str) -> bool:
        if page_furniture(text) or "\n" in text.strip() and len(text) > 120:
            return False
        if len(text) <= 120 and self.emphasised(start, text):
            return True
        words = text.split()
        return (len(text) <= 80 and len(words) <= 10 and "\n" not in text
                and not text.rstrip().endswith((".", ",", ";")) and text[:1].isupper()
                and not text.startswith(("\u2022", "\u25cf", "(")))


def item_span(report: AnnualReport, key: str) -> tuple[int, int] | None:
    """(body start, end) of an item with text of its own; None when missing."""
    item = report.item(key)
    if item is None or item.status == "missing" or item.body_start < 0:
        return None
    return item.body_start, item.end


def is_running_header(text: str) -> bool:
    """A repeated "Item 1. Business" / "PART I Item 1" page header inside an item."""
    return bool(re.fullmatch(r"(?:part\s+[iv]+\s*)?item\s+\d{1,2}[a-c]?(?:[\s,]+\d{1,2}[a-c]?)*"
                             r"(?:\.?\s+[A-Z][^\n]{0,100})?", text.strip(), re.I)) and len(text) < 130


def section_source(report: AnnualReport, key: str, section: str | None) -> Source | None:
    """The report's Source pointing at "Item N. Title — section" (or the item alone)."""
    base = report.source_for(key)
    if base is None or not section:
        return base
    return base.at(f"{base.section} — {section}") if base.section else base
