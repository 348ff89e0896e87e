"""Split a 10-K into its Items: any era, any layout, body not table of contents.

:func:`split_10k` takes the bytes or text of a 10-K — inline-XBRL HTML, 2000s HTML, a
1990s plain-text full submission with its exhibits, a 10-K405 — and returns an
:class:`AnnualReport` whose :attr:`~AnnualReport.items` each carry the item number, title,
text, character offsets into :attr:`AnnualReport.text` and a status:

``ok``            the item's own text;
``by_reference``  the item only points elsewhere ("incorporated herein by reference",
                  "see pages 17-23 of the Annual Report"): ``pointer`` quotes the pointer;
``missing``       no heading for an item the form requires (the text is empty, and says so);
``suspicious``    a size or content check failed; ``note`` says which.

Other forms (10-KSB, 10-Q, 20-F …) are refused with
:class:`~research_kit.errors.UnsupportedFormError` unless listed in ``allow_forms``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ParseError, UnsupportedFormError
from ...parse_guard import parse_guard
from ...provenance import Source, table_from_rows, utc_now_iso
from .documents import FilingText, normalize_form, read_filing
from .headings import (
    Heading,
    find_candidates,
    page_furniture,
    part_of,
    select_body_headings,
    signature_offsets,
)
from .item_titles import ItemScheme, item_rank, scheme_for_form

__all__ = ["Item", "AnnualReport", "split_10k", "is_pointer", "ANNUAL_REPORT_FORMS",
           "ITEM_STATUSES"]

ANNUAL_REPORT_FORMS = ("10-K", "10-K405", "10-KT", "10-K/A", "10-K405/A", "10-KT/A")
ITEM_STATUSES = ("ok", "by_reference", "missing", "suspicious")

_POINTER = re.compile(
    r"incorporated\s+(?:herein\s+|in\s+this\s+\w+\s+|into\s+this\s+[\w\s-]{0,40}?)?by\s+reference"
    r"|\b(?:is|are|will\s+be)\s+(?:included|contained|set\s+forth|presented|found|provided|"
    r"supplied|filed)\s+(?:in|under|on|by)\b|\bcan\s+be\s+found\s+in\b"
    r"|\b(?:refer|reference\s+is\s+made)\s+to\s"
    r"|\bsee\b[^.]{0,40}?\b(?:items?|pages?|notes?|part|index|exhibits?|sections?|caption)\b"
    r"|\bappear(?:s|ing)?\s+(?:in|on|under)\b|\bwill\s+appear\s+in\b"
    r"|\b(?:reported|begins?|beginning)\s+on\s+pages?\b|\bpages?\s+[A-Z]?-?\d"
    r"|\b(?:definitive\s+)?proxy\s+statement\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z(\"\u201c\d])")
_NOTHING_TO_REPORT = re.compile(
    r"\b(?:none|not\s+applicable|n/a|reserved|omitted|not\s+required|removed|no\s+matters|"
    r"smaller\s+reporting\s+compan)", re.I)
_BY_REFERENCE_MAX = 2500   # a pointer item is short; a long item that cites others is not one
_OWN_TEXT_MAX = 200        # …and has little text of its own besides the pointer
# the Part each 10-K item belongs to; Item 14 was in Part IV before 2003
_PART_OF_ITEM = {**dict.fromkeys(("1", "1A", "1B", "1C", "2", "3", "4"), {"I"}),
                 **dict.fromkeys(("5", "6", "7", "7A", "8", "9", "9A", "9B", "9C"), {"II"}),
                 **dict.fromkeys(("10", "11", "12", "13"), {"III"}), "14": {"III", "IV"},
                 "15": {"IV"}, "16": {"IV"}}
_SHORT_TEXT = 40


@dataclass
class Item:
    """One Item of an annual report; offsets index :attr:`AnnualReport.text`."""

    item: str
    title: str
    text: str
    start: int
    """Offset of the heading (-1 when missing)."""
    end: int
    """Offset just past the item's text (-1 when missing)."""
    status: str = "ok"
    pointer: str | None = None
    """For ``by_reference``: the words that point elsewhere."""
    note: str | None = None
    """Why an item is ``missing`` or ``suspicious``."""
    body_start: int = -1
    """Offset where :attr:`text` begins (after the heading)."""

    def to_dict(self) -> dict[str, Any]:
        return {"item": self.item, "title": self.title, "text": self.text,
                "status": self.status, "start": self.start, "end": self.end,
                "pointer": self.pointer, "note": self.note}


@dataclass
class AnnualReport:
    """A 10-K split into items, with what the document says about itself."""

    text: str
    items: list[Item]
    form: str | None
    company: str | None = None
    fiscal_year: int | None = None
    period_end: str | None = None
    cik: int | None = None
    source: Source | None = None
    warnings: list[str] = field(default_factory=list)
    emphasis: list[tuple[int, int]] = field(default_factory=list, repr=False)
    """Bold/italic paragraph openings in :attr:`text` (HTML filings): headings."""

    def item(self, key: str) -> Item | None:
        """The item with number ``key`` ("1A"), or None."""
        key = key.upper().removeprefix("ITEM").strip()
        return next((it for it in self.items if it.item == key), None)

    def text_of(self, key: str) -> str:
        """The item's own text; "" when it is missing or only points elsewhere."""
        found = self.item(key)
        return found.text if found is not None and found.status in ("ok", "suspicious") else ""

    def source_for(self, key: str | None = None) -> Source | None:
        if self.source is None:
            return None
        found = self.item(key) if key else None
        section = f"Item {found.item}. {found.title}".strip() if found else None
        return self.source.at(section) if section else self.source

    def items_table(self):
        """One row per item: item, title, status, chars, start, end, pointer, note + source."""
        rows = [{"item": it.item, "title": it.title, "status": it.status, "chars": len(it.text),
                 "start": it.start, "end": it.end, "pointer": it.pointer, "note": it.note,
                 "source": self.source_for(it.item)} for it in self.items]
        return table_from_rows(rows, ["item", "title", "status", "chars", "start", "end",
                                      "pointer", "note"])

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data (``research-kit parse annual-report`` adds the
        competitors it names)."""
        return {"source": self.source.url if self.source else None, "form": self.form,
                "company": self.company, "fiscal_year": self.fiscal_year,
                "period_end": self.period_end, "cik": self.cik,
                "items": [it.to_dict() for it in self.items],
                "warnings": list(self.warnings)}

    def __repr__(self) -> str:
        found = ", ".join(f"{it.item}:{it.status}" for it in self.items)
        return (f"AnnualReport(form={self.form!r}, company={self.company!r}, "
                f"fiscal_year={self.fiscal_year}, items=[{found}])")


def is_pointer(text: str) -> bool:
    """Does ``text`` mostly point elsewhere ("… incorporated herein by reference")?"""
    words = " ".join(text.split())
    pointers = [s for s in _SENTENCE_END.split(words) if _POINTER.search(s)]
    own = len(words) - sum(len(s) + 1 for s in pointers)
    return bool(pointers) and own <= max(_OWN_TEXT_MAX, len(words) // 3)


def _pointer_text(words: str) -> str:
    pointer = " ".join(s for s in _SENTENCE_END.split(words) if _POINTER.search(s))
    return pointer if len(pointer) <= 400 else pointer[:397] + "..."


def _form_accepted(form: str, allow_forms: Iterable[str]) -> bool:
    if form in ANNUAL_REPORT_FORMS:
        return True
    for allowed in allow_forms:
        allowed = normalize_form(allowed) or ""
        if allowed and (form == allowed or form.startswith(allowed)):
            return True
    return False


def _read_input(text_or_bytes, source) -> tuple[bytes | str, Source | None, str]:
    if isinstance(text_or_bytes, os.PathLike):
        path = Path(text_or_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read {path}: {exc.strerror}", path=str(path)) from None
        return data, source if isinstance(source, Source) else Source.for_file(path), str(path)
    if not isinstance(text_or_bytes, (bytes, bytearray, str)):
        raise ParseError(f"split_10k needs text, bytes or a path, not {type(text_or_bytes).__name__}")
    if isinstance(source, str):
        source = (Source.for_file(source) if Path(source).is_file()
                  else Source(url=source, retrieved_at=utc_now_iso()))
    where = source.url if isinstance(source, Source) else "the document"
    return bytes(text_or_bytes) if isinstance(text_or_bytes, bytearray) else text_or_bytes, \
        source, where


def split_10k(text_or_bytes, *, source: Source | str | None = None,
              allow_forms: Iterable[str] = ()) -> AnnualReport:
    """Split a 10-K (bytes, text or a path) into its Items.

    ``source``: where the document came from (a :class:`Source`, or a URL/path string),
    kept on the report for provenance. ``allow_forms``: other forms to split anyway
    ("10-KSB"); anything else that is not a 10-K raises UnsupportedFormError. Raises only
    research-kit errors, within a time bound per document.
    """
    what = str(text_or_bytes) if isinstance(text_or_bytes, os.PathLike) else "the 10-K"
    with parse_guard(what):
        return _split_10k(text_or_bytes, source, allow_forms)


MAX_ITEM_HEADINGS = 1500
"""Real 10-Ks have at most ~150 lines that read like "Item N" headings (table of contents,
body, cross-references); choosing among them compares every pair."""


def _split_10k(text_or_bytes, source: Source | str | None,
               allow_forms: Iterable[str]) -> AnnualReport:
    data, source, where = _read_input(text_or_bytes, source)
    allow_forms = tuple(allow_forms)
    wanted = ANNUAL_REPORT_FORMS + tuple(normalize_form(f) or "" for f in allow_forms)
    filing = read_filing(data, wanted_forms=wanted, where=where)
    form = filing.form
    if form is not None and not _form_accepted(form, allow_forms):
        hint = (f"pass allow_forms=('{form}',) (CLI: --allow-form {form}) to split it anyway"
                if form.startswith("10-K") else "give the company's 10-K annual report")
        raise UnsupportedFormError(f"{where} is a Form {form}, not a 10-K", form=form,
                                   suggestion=hint)
    scheme = scheme_for_form(form)
    candidates = find_candidates(filing.text, scheme)
    if len(candidates) > MAX_ITEM_HEADINGS:
        raise ParseError(f"{where} has {len(candidates):,} lines that read like 'Item' headings; "
                         "a 10-K has a few dozen, so this is not one research-kit can split",
                         suggestion="give the 10-K's primary document (.htm) or full "
                                    "submission (.txt)")
    signatures = signature_offsets(filing.text)
    chain = select_body_headings(candidates, len(filing.text), signatures)
    if len(chain) < 2 or (form is None and len(chain) < 4):
        raise ParseError(
            f"no 10-K Item headings found in {where}" + ("" if form else
                                                         " (and no 'Form 10-K' on its cover)"),
            suggestion="give the 10-K's primary document (.htm) or full submission (.txt)")
    _check_complete(filing, chain, signatures, where)
    report = AnnualReport(text=filing.text, items=[], form=form or "10-K",
                          company=filing.company, fiscal_year=filing.fiscal_year,
                          period_end=filing.period_end, cik=filing.cik, source=source,
                          emphasis=filing.emphasis)
    if form is None:
        report.warnings.append("no form type found on the cover; assumed 10-K")
    if filing.cut_after:
        report.warnings.append("the submission is cut off after the 10-K: exhibits are missing")
    report.items = _build_items(filing.text, chain, candidates, signatures, scheme,
                                filing.fiscal_year)
    return report


def _check_complete(filing: FilingText, chain: list[Heading], signatures: list[int],
                    where: str) -> None:
    """A cut-off file is an error, not a short 10-K: an SGML document without its closing
    tag, or a document that stops before the signatures and the later items."""
    last = chain[-1]
    signed = any(s > last.body_start for s in signatures)
    if filing.unterminated or (not signed and (filing.html_unclosed
                                                or last.rank < item_rank("9"))):
        raise ParseError(
            f"{where} appears truncated: it stops "
            + ("inside the 10-K document" if signed else
               f"after Item {last.item} without the remaining items or the signatures"),
            suggestion="download the filing again; a cut-off download is not cached as good data")


def _build_items(text: str, chain: list[Heading], candidates: list[Heading],
                 signatures: list[int], scheme: ItemScheme,
                 fiscal_year: int | None) -> list[Item]:
    candidate_lines = {c.line_start: c for c in candidates}
    items: list[Item] = []
    for index, heading in enumerate(chain):
        if index + 1 < len(chain):
            limit = chain[index + 1].line_start
        else:
            after = [s for s in signatures if s > heading.body_start]
            limit = after[0] if after else len(text)
        if scheme.name == "10-K":
            limit = _cut_at_next_part(text, heading, limit)
        if index + 1 == len(chain) and not scheme.title_matches("15", heading.title):
            limit = _cut_at_exhibit_index(text, heading, limit)
        body_start, end = _trim(text, heading, limit, candidate_lines)
        body = text[body_start:end]
        item = Item(item=heading.item,
                    title=" ".join(heading.title.split()) or scheme.canonical_title(heading.item),
                    text=body, start=heading.line_start, end=end, body_start=body_start)
        _judge(item, text, candidates, heading)
        items.append(item)
        for other in heading.covers[1:]:
            items.append(Item(item=other, title=scheme.canonical_title(other), text="",
                              start=heading.line_start, end=end, status="by_reference",
                              pointer=f"combined with Item {heading.item} ({heading.title})",
                              body_start=body_start))
    found = {it.item for it in items}
    for key in scheme.required_for(fiscal_year):
        if key not in found:
            items.append(Item(item=key, title=scheme.canonical_title(key), text="", start=-1,
                              end=-1, status="missing",
                              note=f"no heading for Item {key} found in the body"))
    items.sort(key=lambda it: item_rank(it.item))
    return items


def _cut_at_next_part(text: str, heading: Heading, limit: int) -> int:
    """End an item at a "PART III" heading of another Part (the Part's preamble or its
    contents list is not the item's text); running "PART II" page headers inside Part II
    items stay."""
    parts = _PART_OF_ITEM.get(heading.item)
    if not parts:
        return limit
    for match in re.finditer(r"^[ \t]*PART[ \t]+(?:IV|I{1,3})\b[^\n]*$",
                             text[heading.body_start:limit], re.M | re.I):
        part = part_of(match.group(0))
        if part is not None and part not in parts:
            return heading.body_start + match.start()
    return limit


def _cut_at_exhibit_index(text: str, heading: Heading, limit: int) -> int:
    """The exhibit index after the last item (Item 16 "Form 10-K Summary") is not its text."""
    match = re.search(r"^[ \t]*(?:EXHIBIT\s+INDEX|INDEX\s+TO\s+EXHIBITS)[ \t]*$",
                      text[heading.body_start:limit], re.M | re.I)
    return heading.body_start + match.start() if match else limit


def _trim(text: str, heading: Heading, limit: int,
          candidate_lines: dict[int, Heading]) -> tuple[int, int]:
    """Skip a repeated heading after the heading; drop page furniture and the next Part's
    heading (or a per-Part contents list) before the limit."""
    start = heading.body_start
    while start < limit:
        line_end = text.find("\n", start, limit)
        line_end = limit if line_end == -1 else line_end
        line = text[start:line_end]
        repeated = candidate_lines.get(start)
        if (page_furniture(line) or (repeated is not None and repeated.item == heading.item)
                or (heading.title and line.strip().lower() == heading.title.lower())):
            start = line_end + 1
            if repeated is not None and repeated.item == heading.item:
                start = max(start, repeated.body_start)
            continue
        break
    start = min(start, limit)
    end = limit
    while end > start:
        line_begin = text.rfind("\n", start, end - 1) + 1
        line_begin = max(line_begin, start)
        line = text[line_begin:end]
        if page_furniture(line) or line_begin in candidate_lines:
            end = line_begin
            continue
        break
    # exact offsets of the stripped text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _judge(item: Item, text: str, candidates: list[Heading], heading: Heading) -> None:
    """Set status/pointer/note from what the text says and how big it is."""
    body = item.text
    words = " ".join(body.split())
    if len(words) <= _BY_REFERENCE_MAX and is_pointer(words):
        item.status = "by_reference"
        item.pointer = _pointer_text(words)
        return
    if not words:
        if _NOTHING_TO_REPORT.search(item.title):
            return  # "Item 6. [Reserved]": nothing to say is the right content
        item.status, item.note = "suspicious", "no text under the heading"
        return
    if len(words) < _SHORT_TEXT and not _NOTHING_TO_REPORT.search(words + " " + item.title):
        item.status, item.note = "suspicious", f"only {len(words)} characters of text"
        return
    inside = sorted({c.item for c in candidates
                     if item.body_start <= c.line_start < item.end and c.strong
                     and not c.toc_like and c.item != item.item},
                    key=item_rank)
    if inside:
        item.status = "suspicious"
        item.note = ("contains what look like the headings of Item(s) " + ", ".join(inside)
                     + "; the split may be off")
        return
    if len(text) > 100_000 and len(body) > 0.6 * len(text) and item.item not in ("8", "15"):
        item.status = "suspicious"
        item.note = f"covers {len(body) / len(text):.0%} of the document"
