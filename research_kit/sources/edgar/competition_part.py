"""The Competition part of a 10-K's Item 1, verbatim: from its heading ("Competition",
"COMPETITION", "Competition in Client Segment", a run-in "Competition:") to the next heading
that does not speak of competition; in older filings with no such heading, the paragraphs
of Item 1 that name rivals.
"""

from __future__ import annotations

import re

from .competitor_passages import COMPETITION_TITLE as _COMPETITION_HEADING
from .headings import page_furniture
from .item_paragraphs import Headings, is_running_header, item_span, section_source
from .item_paragraphs import paragraphs as split_paragraphs
from .passage import Passage
from .sections import AnnualReport

__all__ = ["competition_passage"]

_COMPETITION_WORD = re.compile(r"compet", re.I)
_PASSAGE_LIMIT = 20_000


def competition_passage(report: AnnualReport) -> Passage | None:
    """The Competition part(s) of Item 1, verbatim; None when Item 1 has none."""
    span = item_span(report, "1")
    if span is None:
        return None
    headings = Headings(report)
    paragraphs = list(split_paragraphs(report.text, *span))
    chunks: list[tuple[int, int, str]] = []
    index = 0
    while index < len(paragraphs):
        start, end, text = paragraphs[index]
        first_line = text.split("\n", 1)[0].strip()
        if not (_COMPETITION_HEADING.match(first_line) and len(first_line) <= 60):
            index += 1
            continue
        remainder = text[len(text.split("\n", 1)[0]):].strip()
        if remainder:
            chunks.append((start, end, remainder))  # "Competition:" run into its text
        index += 1
        size = len(remainder)
        while index < len(paragraphs) and size < _PASSAGE_LIMIT:
            p_start, p_end, p_text = paragraphs[index]
            if page_furniture(p_text) or is_running_header(p_text):
                index += 1
                continue
            if headings.is_heading(p_start, p_text) and not _COMPETITION_WORD.search(p_text):
                following = next((p for p in paragraphs[index + 1:index + 4]
                                  if not page_furniture(p[2]) and not is_running_header(p[2])),
                                 None)
                if following is None or not _COMPETITION_WORD.search(following[2][:600]):
                    break
            chunks.append((p_start, p_end, p_text))
            size += len(p_text)
            index += 1
    if not chunks:
        return _competition_sentences(report, paragraphs)
    return Passage(title="Competition", text="\n\n".join(c[2] for c in chunks),
                   start=chunks[0][0], end=chunks[-1][1],
                   source=section_source(report, "1", "Competition"))


def _competition_sentences(report: AnnualReport,
                           paragraphs: list[tuple[int, int, str]]) -> Passage | None:
    """No Competition heading (older filings): the paragraphs of Item 1 that name rivals."""
    cue = re.compile(r"\bcompetitors?\s+(?:include|are|such\s+as)|\bcompetes?\s+(?:primarily\s+|"
                     r"directly\s+)?with\s+[A-Z]|\bcompetition\s+(?:primarily\s+)?from\s+[A-Z]")
    chosen = [p for p in paragraphs if cue.search(" ".join(p[2].split()))][:8]
    if not chosen:
        return None
    return Passage(title="Competition", text="\n\n".join(p[2] for p in chosen),
                   start=chosen[0][0], end=chosen[-1][1],
                   source=section_source(report, "1", "Competition"))
