"""Sections of an annual report, by the report's own headings, each with a kind.

Two sources of headings, used together:

* **the table of contents**, when the report has one in its first pages (``3 Research and
  development ....... 5``, ``• Directors' Report 12``, ``Item 7. Management's Discussion …
  22``, an entry may wrap onto a second line). Printed page numbers are usually offset
  from PDF pages (a cover, a scanned letter in front); the offset most entries agree on is
  used, and each entry is found as a heading line on or near its page. Such sections are
  level 1, and their titles are the headings as printed in the body, not the contents line.
* **heading-like lines**: set in bold or clearly larger than the body text, or in capitals
  and standing apart; short, not ending like a sentence, holding no figures, not a
  ``Label: value`` line, not the header of a table (the lines after it are figures), not a
  numbered item that runs on like a sentence, not the cells of a table row (words set
  apart by wide gaps). An italic line counts only when it stands apart, in title case,
  above running text. A heading set on two lines is one heading. A bold or capitalised
  line that no prose follows (a signature, a caption, a form's field) is dropped. A
  salutation ("Dear shareholders,") opens a letter where no heading does; on a scanned
  page (no type to go by) only a letter's subject line and salutation count.

Each section gets a kind (:mod:`.kinds`) from its title; a section whose title does not say
takes its parent's (the nearest earlier section of a higher level); a section that opens
with "Dear …," in the first half of the report is a letter. Levels without contents come
from the headings' type (larger before bold before capitals).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .headings import Layout, opens_letter
from .kinds import PROSE_KINDS, kind_of_title
from .lines import is_prose
from .pages import Line, Page

__all__ = ["PdfSection", "find_sections", "TocEntry", "table_of_contents"]

_TOC_ENTRY = re.compile(r"^(?:[•·▪\-–]\s*)?(?P<title>\S.{1,150}?)\s*(?:\.{2,}|…+|\s)\s*"
                        r"(?P<page>\d{1,3})$")
_TOC_HEADING = re.compile(r"^(?:table\s+of\s+)?contents?$|^index$|^in\s+this\s+report$", re.I)
_ENTRY_START = re.compile(r"^(?:[•·▪\-–]|item\s+\d|part\s+[ivx]+\b|\d{1,2}\.?\s|[IVX]{1,4}\.\s)", re.I)
_CLOSED_PARTS = ("financial_statements", "notice")
"""Parts whose sub-headings stay of the part's kind (a note, a resolution)."""
_SUBJECT = re.compile(r"^(?:sub|subject|re)\s*[:.]\s*\S", re.I)


@dataclass
class PdfSection:
    title: str
    first_page: int
    """1-based PDF page number where the heading is."""
    last_page: int
    text: str
    kind: str = "other"
    level: int = 1
    parent: str | None = None
    """Title of the enclosing section (None for a top-level one)."""
    from_contents: bool = False
    """True when the table of contents lists it."""
    lines: list[Line] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class TocEntry:
    title: str
    page: int
    """The page number printed in the contents."""


# -- the table of contents ---------------------------------------------------------------

def table_of_contents(pages: list[Page]) -> tuple[list[TocEntry], set[int]]:
    """The contents entries in the report's first pages, and the pages they are on."""
    limit = max(12, len(pages) // 10)
    for page in pages[:limit]:
        if not page.readable:
            continue
        texts = [ln.text for ln in page.lines]
        entries = _entries(texts)
        titled = any(_TOC_HEADING.match(t.strip()) for t in texts)
        leaders = sum(bool(re.search(r"\.{4,}|…{2,}", t)) for t in texts)
        numbers = [e.page for e in entries]
        ordered = sum(b >= a for a, b in zip(numbers, numbers[1:])) >= 0.8 * max(1, len(numbers) - 1)
        if len(entries) >= 4 and ordered and (titled or leaders >= 3):
            return entries, {page.number}
    return [], set()


def _entries(texts: list[str]) -> list[TocEntry]:
    entries: list[TocEntry] = []
    pending = ""
    for text in texts:
        text = text.strip()
        match = _TOC_ENTRY.match(text)
        if match and re.search(r"[A-Za-z]{3}", match.group("title")):
            title = match.group("title").strip(" .…")
            if pending and not _ENTRY_START.match(text):
                title = f"{pending} {title}"
            entries.append(TocEntry(title, int(match.group("page"))))
            pending = ""
        elif re.search(r"[A-Za-z]{3}", text) and len(text) < 150 and not _TOC_HEADING.match(text):
            # an entry that wraps: its first line has no page number
            pending = text if _ENTRY_START.match(text) or not pending else f"{pending} {text}"
        else:
            pending = ""
    return entries


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", re.sub(r"['’]", "", text.lower())).strip()


def _title_key(text: str) -> str:
    """A heading's words without numbering ("Item 7.", "3", "Annexure-1")."""
    return _norm(re.sub(r"^\s*(?:item\s+\d+[a-c]?\.?|\d{1,2}(?:\.\d{1,2})*\.?)\s+", "", text,
                        flags=re.I))


def _toc_starts(entries: list[TocEntry], flat: list[Line], toc_pages: set[int],
                headingish: list[bool], layout: Layout) -> list[tuple[int, int]]:
    """(index in ``flat`` of the heading line, lines it spans) for each entry found."""
    candidates: list[list[int]] = []
    keys = [_title_key(line.text) for line in flat]
    for entry in entries:
        key = _title_key(entry.title)
        found = []
        for i, line in enumerate(flat):
            if line.page in toc_pages or line.page < entry.page or line.page > entry.page + 25:
                continue
            own = keys[i]
            if own.startswith(key) or (len(own) >= 12 and key.startswith(own) and headingish[i]):
                found.append(i)
        candidates.append(found)
    offsets = Counter(flat[c[0]].page - e.page for e, c in zip(entries, candidates) if c)
    offset = offsets.most_common(1)[0][0] if offsets else 0
    starts: list[tuple[int, int]] = []
    last = -1
    for entry, found in zip(entries, candidates):
        near = [i for i in found if i > last and abs(flat[i].page - (entry.page + offset)) <= 2]
        if not near:
            continue
        best = min(near, key=lambda i: (not headingish[i], abs(flat[i].page - entry.page - offset), i))
        span = 2 if layout.wraps(best) else 1
        starts.append((best, span))
        last = best
    return starts


# -- sections ------------------------------------------------------------------------------

def find_sections(pages: list[Page]) -> tuple[list[PdfSection], list[TocEntry]]:
    """The report's sections in order, each with its kind; and its contents entries."""
    flat = [ln for p in pages if p.status not in ("noisy_ocr",) for ln in p.lines if ln.text]
    if not flat:
        return [], []
    layout = Layout(flat)
    entries, toc_pages = table_of_contents(pages)
    scans = {p.number for p in pages if p.status == "scan"}
    candidates = [layout.heading(i) if flat[i].page not in toc_pages else None
                  for i in range(len(flat))]
    toc = _toc_starts(entries, flat, toc_pages, [c is not None for c in candidates],
                      layout) if entries else []
    starts: dict[int, tuple[int, int, bool]] = {}  # index → (span, style rank, from contents)
    for index, span in toc:
        starts[index] = (span, -1, True)
    for index, line in enumerate(flat):  # the contents page is a part of its own
        if line.page in toc_pages and _TOC_HEADING.match(line.text.strip()):
            starts[index] = (1, -1, True)
            break
    current: str | None = None  # the kind of the part we are in
    i = 0
    while i < len(flat):
        if i in starts:
            current = kind_of_title(flat[i].text) or current
            i += starts[i][0]
            continue
        style = candidates[i]
        if style is not None and current == "notice":
            style = layout.heading(i, in_notice=True)
        if style is not None and flat[i].page in scans and style[1] not in ("salutation",
                                                                             "subject"):
            style = None  # OCR text has no type to go by
        if style is None or flat[i].page in toc_pages:
            i += 1
            continue
        span = 2 if style[1] not in ("salutation", "subject") and layout.wraps(i) else 1
        starts[i] = (span, style[0], False)
        if style[0] <= 2 or not toc:  # with contents, only strong headings change the part
            current = kind_of_title(" ".join(ln.text for ln in flat[i:i + span])) or current
        i += span
    _drop_empty_headings(flat, starts)
    return _build(flat, starts, bool(toc), len(pages), _asides(flat, starts)), entries


def _asides(flat: list[Line], starts: dict[int, tuple[int, int, bool]]) -> dict[int, int]:
    """Boxes set beside the running text come after it in the text layer: their heading
    sits higher on the page than the line before it, in the same column. The page after
    such a box goes on with the section the box interrupted. Returns {index of the first
    line on that next page: index of the interrupted section's start}."""
    reopen: dict[int, int] = {}
    asides: set[int] = set()
    order = sorted(starts)
    for n, index in enumerate(order):
        span, _, from_toc = starts[index]
        if from_toc or n == 0:
            continue
        line, before = flat[index], flat[index - 1]
        if not (line.placed and before.placed and line.page == before.page):
            continue
        height = max(1.0, line.bottom - line.top)
        if not (line.top < before.top - 2 * height and abs(line.x0 - before.x0) <= 20):
            continue
        asides.add(index)
        end = order[n + 1] if n + 1 < len(order) else len(flat)
        nxt = next((k for k in range(index + span, end) if flat[k].page > line.page), None)
        interrupted = next((order[m] for m in range(n - 1, -1, -1) if order[m] not in asides),
                           None)
        if nxt is not None and interrupted is not None:
            reopen[nxt] = interrupted
    return reopen


def _drop_empty_headings(flat: list[Line], starts: dict[int, tuple[int, int, bool]]) -> None:
    """A bold or capitalised line that no prose follows before the next heading is a
    label (a signature, a table caption, a form field), unless it sits right above a
    heading that is kept (headings stacked: "Annexure-1" / "MANAGEMENT DISCUSSION …")."""
    next_kept = len(flat)
    for index in sorted(starts, reverse=True):
        span, rank, from_toc = starts[index]
        strong = from_toc or rank <= 1
        body = flat[index + span:next_kept]
        prose = sum(len(ln.text) for ln in body if is_prose(ln))
        if strong or prose >= 100 or (next_kept < len(flat) and len(body) <= 1):
            next_kept = index
        else:
            del starts[index]


def _build(flat: list[Line], starts: dict[int, tuple[int, int, bool]], with_toc: bool,
           page_count: int, reopen: dict[int, int] | None = None) -> list[PdfSection]:
    reopen = reopen or {}
    order = sorted(set(starts) | set(reopen))
    ranks = sorted({rank for _, rank, toc in starts.values() if not toc})
    sections: list[PdfSection] = []
    for n, index in enumerate(order):
        origin = reopen.get(index, index)  # a section going on after a box re-opens
        span, rank, from_toc = starts[origin]
        heading = flat[origin:origin + span]
        title = " ".join(ln.text.strip() for ln in heading)
        title = re.sub(r"\u00ad\s*", "", title)
        if index in reopen:
            span = 0
        end = order[n + 1] if n + 1 < len(order) else len(flat)
        body = flat[index + span:end]
        opens = opens_letter(title) or _SUBJECT.match(title)
        level = 1 if from_toc or opens else ranks.index(rank) + (2 if with_toc else 1)
        sections.append(PdfSection(
            title=title, first_page=flat[index].page,
            last_page=body[-1].page if body else flat[index].page,
            text=_join(body), level=level, from_contents=from_toc, lines=body,
            kind=kind_of_title(title) or ""))
    if not order or order[0] > 0:
        # text before the first heading (a cover, or a report with no headings at all)
        body = flat[:order[0]] if order else flat
        sections.insert(0, PdfSection(
            title="(before the first heading)" if order else "(the whole report)",
            first_page=body[0].page, last_page=body[-1].page, text=_join(body), level=1,
            lines=body, kind="other" if order else "review"))
    _merge_salutations(sections)
    _resolve_kinds(sections, page_count)
    return sections


def _merge_salutations(sections: list[PdfSection]) -> None:
    """A salutation right under a heading belongs to that heading's section: it makes
    the section a letter ("DIRECTORS' REPORT" / "Dear Shareholders,")."""
    i = 1
    while i < len(sections):
        current, previous = sections[i], sections[i - 1]
        if opens_letter(current.title) and not previous.lines and \
                current.first_page == previous.first_page:
            previous.lines = [Line(current.title, current.first_page)] + current.lines
            previous.text = _join(previous.lines)
            previous.last_page = current.last_page
            del sections[i]
            continue
        i += 1


def _opens_with_salutation(section: PdfSection) -> bool:
    return opens_letter(section.title) or any(opens_letter(ln.text) for ln in section.lines[:2])


def _resolve_kinds(sections: list[PdfSection], page_count: int) -> None:
    """Each section's kind: its title's; else its chapter's (the nearest earlier section of a
    higher level); a part that opens with "Dear shareholders," in the first half of the
    report is the letter."""
    own = [s.kind for s in sections]
    for i, section in enumerate(sections):
        if _opens_with_salutation(section) and section.kind != "notice":
            # the chair's letter opens a report; a "Dear Shareholder" form at the back is not
            own[i] = section.kind = "letter" if section.first_page <= page_count / 2 else "other"
        parent = next((s for s in reversed(sections[:i]) if s.level < section.level), None)
        section.parent = parent.title if parent is not None else None
        if parent is not None and parent.kind in _CLOSED_PARTS and (
                not section.kind or section.kind in PROSE_KINDS):
            # inside the statements or a notice, "Employee benefit plans" is a note
            own[i] = section.kind = parent.kind
            continue
        if section.kind:
            continue
        donor = _donor(sections, own, i)
        if donor:
            section.kind = donor
        elif section.from_contents and sum(is_prose(ln) for ln in section.lines) >= 15:
            section.kind = "review"  # a chapter of the report's own account of its year
        else:
            section.kind = "other"


def _donor(sections: list[PdfSection], own: list[str], i: int) -> str | None:
    """The kind an untitled section takes: its chapter's (the nearest earlier section of a
    higher level). Sections of the same level inherit nothing from each other."""
    level = sections[i].level
    for j in range(i - 1, -1, -1):
        if sections[j].level < level:
            return sections[j].kind or own[j] or None
    return None


def _join(lines: list[Line]) -> str:
    text = "\n".join(ln.text for ln in lines)
    return re.sub(r"\u00ad\s*\n\s*", "", text).replace("\u00ad", "").strip()
