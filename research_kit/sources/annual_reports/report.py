"""An annual report PDF, read: cleaned pages, titled sections with kinds, what could not be
read, and (computed on first use) the organisation's name and period, key figures, prose
passages, profile facts and competitors.

:func:`read_annual_report_pdf` is the entry point. Each step lives in its own module:
:mod:`.pages` (text, layout and page status), :mod:`.cleaning`, :mod:`.sections` and
:mod:`.kinds`, :mod:`.profile` (name, period, what it does, employees, competitors),
:mod:`.figures` (revenue, operating and net profit, employees), :mod:`.prose` (paragraphs).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...errors import ParseError
from ...parse_guard import parse_guard
from ...provenance import Source, table_from_rows
from .cleaning import clean_pages
from .pages import Page, page_list, read_pages
from .sections import PdfSection, TocEntry, find_sections

if TYPE_CHECKING:
    import pandas as pd

    from ..edgar.sections import AnnualReport
    from .periods import Period

__all__ = ["PdfAnnualReport", "read_annual_report_pdf", "SECTION_COLUMNS", "PAGE_COLUMNS"]

SECTION_COLUMNS = ["title", "kind", "level", "first_page", "last_page", "chars"]
PAGE_COLUMNS = ["page", "status", "chars", "image_cover", "note"]


@dataclass
class PdfAnnualReport:
    """An annual report PDF as cleaned page texts and titled sections."""

    pages: list[str]
    sections: list[PdfSection]
    title: str | None = None
    source: Source | None = None
    toc_based: bool = False
    metadata: dict[str, str] = field(default_factory=dict)
    page_info: list[Page] = field(default_factory=list, repr=False)
    contents: list[TocEntry] = field(default_factory=list, repr=False)
    name_hint: str | None = None
    """The workspace's name for the organisation: the fallback for :attr:`company`."""

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    def section(self, query: str) -> PdfSection | None:
        """The first section whose title contains ``query`` (case-insensitive)."""
        low = query.lower()
        return next((s for s in self.sections if low in s.title.lower()), None)

    def sections_of(self, *kinds: str) -> list[PdfSection]:
        return [s for s in self.sections if s.kind in kinds]

    def source_at(self, section: str) -> Source | None:
        return self.source.at(section) if self.source is not None else None

    def sections_table(self) -> pd.DataFrame:
        """One row per section: title, kind, level, first_page, last_page, chars + source
        columns (section = the title and page, so each row cites its place in the PDF)."""
        rows = [{"title": s.title, "kind": s.kind, "level": s.level, "first_page": s.first_page,
                 "last_page": s.last_page, "chars": len(s.text), "parent": s.parent,
                 "source": self.source_at(f"{s.title} (p. {s.first_page})")}
                for s in self.sections]
        return table_from_rows(rows, SECTION_COLUMNS + ["parent"])

    # -- what could not be read ------------------------------------------------------------

    @property
    def unreadable_pages(self) -> list[int]:
        """Pages whose content cannot be read from the text layer (pictures, a blank or
        image-only page, a scan whose OCR is noise)."""
        return [p.number for p in self.page_info if not p.readable]

    def pages_table(self) -> pd.DataFrame:
        """One row per page: status (text, images, scan, noisy_ocr, no_text), letters and
        digits in its text layer, share under pictures, and why it could not be read."""
        rows = [{"page": p.number, "status": p.status, "chars": p.chars,
                 "image_cover": round(p.image_cover, 2), "note": p.note,
                 "source": self.source_at(f"page {p.number}")} for p in self.page_info]
        return table_from_rows(rows, PAGE_COLUMNS)

    @property
    def warnings(self) -> list[str]:
        """What could not be read, and figures the report contradicts itself on, in words."""
        out = []
        groups: dict[str, list[int]] = {}
        for page in self.page_info:
            if not page.readable:
                groups.setdefault(_reason(page), []).append(page.number)
        for reason, numbers in groups.items():
            out.append(f"{page_list(numbers)}: {reason}")
        out.extend(self.figure_warnings)
        return out

    # -- what the report says --------------------------------------------------------------

    @cached_property
    def _paragraphs(self) -> dict[int, list]:
        from .cleaning import vocabulary
        from .prose import paragraphs

        words = vocabulary(self.page_info)
        return {id(s): paragraphs(s, words) for s in self.sections}

    def paragraphs(self, section: PdfSection) -> list:
        """The section's prose as paragraphs (:class:`~.prose.Paragraph`), rebuilt once."""
        return self._paragraphs.get(id(section), [])

    @cached_property
    def company(self) -> str | None:
        """The organisation's name as the report writes it most often (None if unsure)."""
        from .profile import organisation_name

        return organisation_name(self, hint=self.name_hint)

    @cached_property
    def period(self) -> Period:
        """The period the report covers: its end date as printed and as ISO, the year."""
        from .periods import report_period

        return report_period(self)

    @property
    def period_end(self) -> str | None:
        return self.period.end

    @property
    def fiscal_year(self) -> int | None:
        return self.period.year

    @cached_property
    def _candidates(self) -> list:
        from .figures import read_candidates

        return read_candidates(self)

    @cached_property
    def figure_candidates(self) -> pd.DataFrame:
        """Every revenue, operating profit, net profit and employee figure found, with where
        it was read (a table row or a sentence) — see :mod:`.figures`."""
        from .figures import candidates_table

        return candidates_table(self, self._candidates)

    @cached_property
    def _key_figures(self) -> tuple[pd.DataFrame, list[str]]:
        from .figures import key_figures

        return key_figures(self, self._candidates)

    def key_figures(self) -> pd.DataFrame:
        """One row per metric for the report's year: the best-placed figure, its prior-year
        comparative, and notes where the report contradicts itself."""
        return self._key_figures[0]

    @property
    def figure_warnings(self) -> list[str]:
        return self._key_figures[1]

    def ten_k(self) -> AnnualReport:
        """The Form 10-K inside the report, split into Items (raises if there is none)."""
        from ..edgar.sections import split_10k

        return split_10k(self.text, source=self.source)

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source.url if self.source else None, "title": self.title,
                "pages": len(self.pages), "unreadable_pages": self.unreadable_pages,
                "sections": [{"title": s.title, "kind": s.kind, "level": s.level,
                              "first_page": s.first_page, "last_page": s.last_page,
                              "text": s.text} for s in self.sections]}


def _reason(page: Page) -> str:
    if page.status == "images":
        return "tables or charts are pictures, not text (only captions can be read)"
    if page.status == "noisy_ocr":
        return "a scanned page whose OCR text layer is noise (not words)"
    return "no text layer (a picture, a blank page, or text drawn as shapes)"


def read_annual_report_pdf(path_or_bytes: str | os.PathLike | bytes, *,
                           source: Source | str | None = None,
                           name: str | None = None) -> PdfAnnualReport:
    """Read an annual report PDF (path or bytes) into cleaned pages and titled sections.

    ``name`` is what the workspace calls the organisation (the fallback when the report
    does not say its own name clearly). Raises ParseError (not a PDF, damaged),
    EncryptedDocumentError (password) or NoTextLayerError (pictures only); nothing else
    gets out, and one document has a time budget (:mod:`research_kit.parse_guard`)."""
    what = "the PDF" if isinstance(path_or_bytes, (bytes, bytearray)) else \
        Path(path_or_bytes).name
    with parse_guard(what):
        return _read(path_or_bytes, source, name)


def _read(path_or_bytes: str | os.PathLike | bytes, source: Source | str | None,
          name: str | None) -> PdfAnnualReport:
    if isinstance(path_or_bytes, (bytes, bytearray)):
        data, label = bytes(path_or_bytes), "the PDF"
    else:
        path = Path(path_or_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read {path}: {exc.strerror}",
                             suggestion="check the annual_report path in target.toml") from None
        label = path.name
        source = source or Source.for_file(path)
    if isinstance(source, str):
        source = Source(url=source, retrieved_at="", title=label)
    page_info, metadata = read_pages(data, label)
    clean_pages(page_info)
    sections, contents = find_sections(page_info)
    texts = [_page_text(p) for p in page_info]
    title = metadata.get("Title") or _first_big_line(page_info)
    return PdfAnnualReport(pages=texts, sections=sections, title=title, source=source,
                           toc_based=any(s.from_contents for s in sections), metadata=metadata,
                           page_info=page_info, contents=contents, name_hint=name)


def _page_text(page: Page) -> str:
    text = "\n".join(ln.text for ln in page.lines)
    return re.sub(r"\u00ad\s*\n\s*", "", text).replace("\u00ad", "").strip()


def _first_big_line(pages: list[Page]) -> str | None:
    for page in pages[:2]:
        if not page.readable:
            continue
        sized = [(ln.size, ln.text) for ln in page.lines if ln.text and len(ln.text) <= 100]
        if sized:
            return max(sized, key=lambda st: st[0])[1]
    return None
