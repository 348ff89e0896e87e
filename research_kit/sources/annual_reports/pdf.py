"""Annual reports as PDF (non-US or private companies, glossy reports): text by page and
sections by heading.

pypdfium2 gives each page's text. It is cleaned the way such PDFs need: typographic
ligatures (ﬁ) become letters, ligatures that lost their character mapping (``interna�onal``)
are restored from the document's own vocabulary, words hyphenated across lines are joined,
letter-spaced cover text (``A N N U A L  R E P O R T``) is closed up, and lines that repeat on
most pages (running headers, page numbers) are dropped.

Sections come from the report's own table of contents when it has one (``3 Research and
development ....... 5``: each title is looked up on or after its page), otherwise from
heading-like lines (numbered, ALL CAPS, or set clearly larger than the body text). A report
that contains a Form 10-K (many US annual reports wrap one) can also be split into Items
with :meth:`PdfAnnualReport.ten_k`.
"""

from __future__ import annotations

import ctypes
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...parse_guard import parse_guard
from ...provenance import Source, table_from_rows

__all__ = ["PdfAnnualReport", "PdfSection", "read_annual_report_pdf", "SECTION_COLUMNS"]

SECTION_COLUMNS = ["title", "first_page", "last_page", "chars"]
MAX_PAGES = 1000
_LOST_LIGATURE = "\ufffd"
_LIGATURE_GUESSES = ("ti", "tt", "ft", "ff", "fi", "fl", "ffi", "ffl", "tf")
_TOC_LINE = re.compile(r"^(?P<title>\S.{2,120}?)\s*(?:\.{3,}|\u2026{2,}|\s{2,}|\t)\s*"
                       r"(?P<page>\d{1,3})\s*$")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.)\s+[A-Z\u00C0-\u024F].{2,90}$")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)
_SIZE_RATIO = 1.3


@dataclass
class PdfSection:
    title: str
    first_page: int
    """1-based page number where the heading is."""
    last_page: int
    text: str


@dataclass
class PdfAnnualReport:
    """An annual report PDF as cleaned page texts and titled sections."""

    pages: list[str]
    sections: list[PdfSection]
    title: str | None = None
    source: Source | None = None
    toc_based: bool = False
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    def section(self, query: str) -> PdfSection | None:
        """The first section whose title contains ``query`` (case-insensitive)."""
        low = query.lower()
        return next((s for s in self.sections if low in s.title.lower()), None)

    def sections_table(self):
        """One row per section: title, first_page, last_page, chars + source columns
        (section = the title, so each row cites its place in the PDF)."""
        rows = [{"title": s.title, "first_page": s.first_page, "last_page": s.last_page,
                 "chars": len(s.text),
                 "source": self.source.at(f"{s.title} (p. {s.first_page})") if self.source
                 else None} for s in self.sections]
        return table_from_rows(rows, SECTION_COLUMNS)

    def ten_k(self):
        """The Form 10-K inside the report, split into Items (raises if there is none)."""
        from ..edgar.sections import split_10k

        return split_10k(self.text, source=self.source)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.url if self.source else None, "title": self.title,
                "pages": len(self.pages),
                "sections": [{"title": s.title, "first_page": s.first_page,
                              "last_page": s.last_page, "text": s.text} for s in self.sections]}


# -- reading ---------------------------------------------------------------------------

def _open(data: bytes, label: str):
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ParseError(f"{label} is not a PDF", suggestion="give the annual report's PDF file")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise ParseError(f"{label} is password-protected",
                             suggestion="save an unprotected copy and try again") from None
        raise ParseError(f"{label} is not a readable PDF ({exc})",
                         suggestion="download it again; the file may be damaged") from None


def _page_lines(textpage) -> list[tuple[str, float]]:
    """(line text, effective size) for each line of a page, size from the loose glyph box."""
    import pypdfium2.raw as raw

    text = textpage.get_text_range()
    exact = len(text) == textpage.count_chars()
    rect = raw.FS_RECTF()
    lines, start = [], 0
    for end in [m.start() for m in re.finditer(r"\r\n|\n|\r", text)] + [len(text)]:
        line = text[start:end]
        stripped = line.strip()
        size = 0.0
        if stripped and exact:
            index = start + len(line) - len(line.lstrip())
            if raw.FPDFText_GetLooseCharBox(textpage.raw, index, ctypes.byref(rect)):
                size = round(abs(rect.top - rect.bottom), 1)
        lines.append((line.rstrip(), size))
        start = end + (2 if text.startswith("\r\n", end) else 1)
    return lines


def read_annual_report_pdf(path_or_bytes: str | os.PathLike | bytes, *,
                           source: Source | str | None = None) -> PdfAnnualReport:
    """Read an annual report PDF (path or bytes) into cleaned pages and titled sections.

    Raises only research-kit errors (a page pdfium cannot load is a ParseError naming the
    file), within a time bound per document."""
    what = "the PDF" if isinstance(path_or_bytes, (bytes, bytearray)) else \
        Path(path_or_bytes).name
    with parse_guard(what):
        return _read_annual_report_pdf(path_or_bytes, source)


def _read_annual_report_pdf(path_or_bytes: str | os.PathLike | bytes,
                            source: Source | str | None) -> PdfAnnualReport:
    if isinstance(path_or_bytes, (bytes, bytearray)):
        data, label = bytes(path_or_bytes), "the PDF"
    else:
        path = Path(path_or_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read {path}: {exc.strerror}") from None
        label = path.name
        source = source or Source.for_file(path)
    if isinstance(source, str):
        source = Source(url=source, retrieved_at="", title=label)
    if not data.strip():
        raise ParseError(f"{label} is empty")
    pdf = _open(data, label)
    try:
        if len(pdf) > MAX_PAGES:
            raise ParseError(f"{label} has {len(pdf)} pages, more than an annual report")
        metadata = {}
        try:
            metadata = {k: v for k, v in pdf.get_metadata_dict().items() if v}
        except Exception:  # a damaged info dictionary: metadata is optional
            metadata = {}
        raw_pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            raw_pages.append(_page_lines(textpage))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if sum(len(t.strip()) for lines in raw_pages for t, _ in lines) < 50:
        raise ParseError(f"{label} has no text layer: its pages are images (a scan?)",
                         suggestion="run OCR on it first, or use the company's HTML report")
    pages_lines = _drop_running_lines(raw_pages)
    vocabulary = _vocabulary(pages_lines)
    pages_lines = [[(_clean_line(t, vocabulary), s) for t, s in lines] for lines in pages_lines]
    pages = [_join_hyphenated("\n".join(t for t, _ in lines)).strip() for lines in pages_lines]
    sections, toc_based = _sections(pages_lines)
    title = metadata.get("Title") or _first_big_line(pages_lines)
    return PdfAnnualReport(pages=pages, sections=sections, title=title, source=source,
                           toc_based=toc_based, metadata=metadata)


# -- cleaning --------------------------------------------------------------------------

def _drop_running_lines(pages: list[list[tuple[str, float]]]) -> list[list[tuple[str, float]]]:
    """Lines that repeat on many pages (running headers/footers) and bare page numbers."""
    if len(pages) >= 4:
        counts: Counter = Counter()
        for lines in pages:
            counts.update({t.strip() for t, _ in lines if t.strip()})
        running = {t for t, n in counts.items() if n >= max(3, len(pages) * 0.3)}
    else:
        running = set()
    return [[(t, s) for t, s in lines if t.strip() not in running and not _PAGE_NUMBER.match(t)]
            for lines in pages]


_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\ufffd]+")


def _vocabulary(pages: list[list[tuple[str, float]]]) -> set[str]:
    words: set[str] = set()
    for lines in pages:
        for text, _ in lines:
            words.update(w.lower() for w in _WORD.findall(unicodedata.normalize("NFKC", text))
                         if _LOST_LIGATURE not in w)
    return words


def _restore_ligature(match: re.Match, vocabulary: set[str]) -> str:
    word = match.group(0)
    for guess in _LIGATURE_GUESSES:
        candidate = word.replace(_LOST_LIGATURE, guess)
        if candidate.lower() in vocabulary:
            return candidate
    # "ti" is by far the commonest ligature that loses its mapping (Calibri, Word exports)
    return word.replace(_LOST_LIGATURE, "ti")


def _clean_line(text: str, vocabulary: set[str]) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\ufffe", "\u00ad").replace("\x02", "\u00ad")
    if _LOST_LIGATURE in text:
        text = re.sub(r"[A-Za-z]*\ufffd[A-Za-z\ufffd]*",
                      lambda m: _restore_ligature(m, vocabulary)
                      if re.search(r"[A-Za-z]", m.group(0)) else m.group(0), text)
    # letter-spaced display text: "A N N U A L  R E P O R T" → "ANNUAL REPORT"
    if re.search(r"(?:\b\w ){3,}\w\b", text):
        words = re.split(r"\s{2,}", text.strip())
        if all(re.fullmatch(r"(?:\w )+\w", w) for w in words if w):
            text = " ".join(w.replace(" ", "") for w in words)
    return text.rstrip()


def _join_hyphenated(text: str) -> str:
    # pdfium marks a line-end hyphenation with a soft hyphen: join the word
    return re.sub(r"\u00ad\s*\n\s*", "", text).replace("\u00ad", "")


# -- sections --------------------------------------------------------------------------

def _first_big_line(pages: list[list[tuple[str, float]]]) -> str | None:
    for lines in pages[:2]:
        sized = [(s, t.strip()) for t, s in lines if t.strip() and len(t.strip()) <= 100]
        if sized:
            return max(sized, key=lambda st: st[0])[1]
    return None


def _toc(pages: list[list[tuple[str, float]]]) -> list[tuple[str, int]]:
    """(title, page) entries of a table of contents in the first pages, if there is one."""
    for lines in pages[:6]:
        entries = []
        for text, _ in lines:
            match = _TOC_LINE.match(text.strip())
            if match and re.search(r"[A-Za-z]{3}", match.group("title")):
                entries.append((match.group("title").strip(" .\u2026"), int(match.group("page"))))
        pages_listed = [p for _, p in entries]
        if len(entries) >= 3 and pages_listed == sorted(pages_listed):
            return entries
    return []


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def _sections(pages: list[list[tuple[str, float]]]) -> tuple[list[PdfSection], bool]:
    flat = [(page, text.strip(), size) for page, lines in enumerate(pages, start=1)
            for text, size in lines if text.strip()]
    if not flat:
        return [], False
    toc = _toc(pages)
    starts: list[tuple[int, str]] = []
    if toc:
        cursor = 0
        for title, page in toc:
            wanted = _norm(title)
            for index in range(cursor, len(flat)):
                line_page, text, _ = flat[index]
                if line_page >= min(page, line_page) and _norm(text).startswith(wanted[:40]) \
                        and not _TOC_LINE.match(text):
                    starts.append((index, title))
                    cursor = index + 1
                    break
    toc_based = len(starts) >= max(2, len(toc) // 2)
    if not toc_based:
        starts = _heading_lines(flat)
    sections = []
    for number, (index, title) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(flat)
        body = [t for _, t, _ in flat[index + 1:end]]
        sections.append(PdfSection(title=title, first_page=flat[index][0],
                                   last_page=flat[end - 1][0] if end > index else flat[index][0],
                                   text=_join_hyphenated("\n".join(body)).strip()))
    return sections, toc_based


def _heading_lines(flat: list[tuple[int, str, float]]) -> list[tuple[int, str]]:
    sizes = Counter()
    for _, text, size in flat:
        if size:
            sizes[size] += len(text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    found: list[tuple[int, str]] = []
    for index, (_, text, size) in enumerate(flat):
        letters = sum(ch.isalpha() for ch in text)
        if len(text) > 90 or letters < 4 or text.endswith((".", ",", ";", ":")) \
                or _TOC_LINE.match(text):
            continue
        upper = sum(ch.isupper() for ch in text) / letters
        numbered = _NUMBERED.match(text) is not None
        big = body and size >= body * _SIZE_RATIO
        caps = upper > 0.9 and len(text.split()) >= 2
        if numbered or big or caps:
            if found and found[-1][0] == index - 1 and len(found[-1][1]) + len(text) <= 120:
                found[-1] = (found[-1][0], f"{found[-1][1]} {text}")  # a heading set on 2 lines
            else:
                found.append((index, text))
    return found
