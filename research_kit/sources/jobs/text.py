"""A posting pasted or saved as plain text (copied from a careers page).

The first short line is the title when it does not read like a heading or a sentence; a
"Company · Location" / "Company | Location" line right after it is split into both.
"""

from __future__ import annotations

import re

from .blocks import clean_text, text_lines
from .build import PostingRecord
from .headings import classify_heading, is_heading

__all__ = ["text_record"]

_SEPARATORS = re.compile(r"\s+[|\u00b7\u2022\u2013\u2014]\s+|\s+-\s+|\t")
_LOCATION_HINT = re.compile(r"\b(remote|hybrid|on-?site)\b|,\s*[A-Z]{2}\b|,\s*[A-Z][a-z]+", re.I)


def text_record(text: str) -> PostingRecord:
    lines = text_lines(text)
    title, company, locations = "", None, []
    body_start = 0
    if lines:
        first = lines[0]
        nxt = lines[1] if len(lines) > 1 else None
        if (first.kind == "para" and len(first.text.split()) <= 14 and len(first.text) <= 120
                and not first.text.endswith((".", ":")) and not (
                    is_heading(first, nxt) and classify_heading(first.text))):
            title = first.text
            body_start = 1
            if nxt is not None and nxt.kind == "para" and len(nxt.text) <= 100 and \
                    not is_heading(nxt, lines[2] if len(lines) > 2 else None):
                parts = [clean_text(p) for p in _SEPARATORS.split(nxt.text) if clean_text(p)]
                if len(parts) >= 2:
                    company = parts[0]
                    locations = [p for p in parts[1:] if _LOCATION_HINT.search(p)] or parts[1:2]
                    body_start = 2
    body = "\n".join(_raw_lines_after(text, body_start, lines))
    return PostingRecord(title=title, company=company, locations=locations,
                         description_text=body, reader="text")


def _raw_lines_after(text: str, count: int, lines) -> list[str]:
    """The original text minus its first ``count`` non-empty lines (keeps markers, blanks)."""
    raw = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    skipped = 0
    for i, line in enumerate(raw):
        if skipped >= count:
            return raw[i:]
        if line.strip():
            skipped += 1
    return [] if count else raw
