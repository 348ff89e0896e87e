"""PDF text as positioned lines (pypdfium2): size, boldness, colour, column.

Profile exports are laid out, not just written: LinkedIn's current export puts contact,
skills and languages in a left sidebar beside the main column, and tells a company name from
a job title by font size alone. So this module keeps, per line, where it sits and how it is
set. Characters are grouped into lines by baseline; a wide horizontal gap on one baseline
starts a new line (that is how a sidebar item and a main-column heading that share a
baseline come apart); a vertical band that no line crosses splits the page into columns.

Refuses, with a typed error, what it cannot read: a password-protected file, a scan without
a text layer, and a document too long to be a profile.
"""

from __future__ import annotations

import ctypes
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import DocumentTooLongError, EncryptedDocumentError, NoTextLayerError, ParseError

__all__ = ["PdfLine", "PdfText", "read_pdf", "MAX_PROFILE_PAGES"]

MAX_PROFILE_PAGES = 40
"""LinkedIn exports of even very long careers stay under ~15 pages."""
_SOFT_HYPHENS = {"\x02": "-", "\ufffe": "-", "\u00ad": "-"}
_FOOTER = re.compile(r"^Page\s*\d+(\s+of\s+\d+)?$", re.I)


@dataclass
class PdfLine:
    text: str
    page: int
    x0: float
    x1: float
    top: float
    """Distance of the line's top from the top of the page (grows downwards)."""
    bottom: float
    size: float
    bold: bool = False
    color: tuple[int, int, int] | None = None
    column: int = 0
    """0 = the only or the left column, 1 = the right (main) column of a two-column page."""

    @property
    def gray(self) -> bool:
        """Light grey text: LinkedIn sets locations and secondary facts in it."""
        if not self.color:
            return False
        r, g, b = self.color
        return abs(r - g) < 12 and abs(g - b) < 12 and 120 <= r <= 215


@dataclass
class PdfText:
    lines: list[PdfLine] = field(default_factory=list)
    pages: int = 0
    width: float = 612.0
    height: float = 792.0
    metadata: dict[str, str] = field(default_factory=dict)
    column_split: float | None = None
    margin_lines: list[PdfLine] = field(default_factory=list)
    """Page numbers and notes set in the bottom margin, outside the text flow."""

    def stream(self, column: int) -> list[PdfLine]:
        return [ln for ln in self.lines if ln.column == column]

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


def read_pdf(source: str | os.PathLike | bytes, *, max_pages: int = MAX_PROFILE_PAGES) -> PdfText:
    import pypdfium2 as pdfium

    label = "the PDF" if isinstance(source, (bytes, bytearray)) else Path(source).name
    try:
        pdf = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedDocumentError(f"{label} is password-protected", file=label) from None
        raise ParseError(f"{label} is not a readable PDF ({exc})", file=label,
                         suggestion="export it again, or save the text as a .txt file") from None
    try:
        pages = len(pdf)
        if pages > max_pages:
            raise DocumentTooLongError(
                f"{label} has {pages} pages; a profile or resume has at most {max_pages}",
                file=label, pages=pages,
                suggestion="give the profile export or resume itself, not a longer document")
        out = PdfText(pages=pages, metadata=_metadata(pdf))
        chars_total = 0
        for index in range(pages):
            page = pdf[index]
            width, height = page.get_size()
            out.width, out.height = width, height
            textpage = page.get_textpage()
            lines, count = _page_lines(textpage, index, height)
            chars_total += count
            out.lines.extend(lines)
            textpage.close()
            page.close()
    finally:
        pdf.close()
    if chars_total < 20:
        raise NoTextLayerError(f"{label} has no text layer: its pages are images (a scan?)",
                               file=label)
    _assign_columns(out)
    out.margin_lines = [ln for ln in out.lines if _in_margin(ln, out.height)]
    out.lines = [ln for ln in out.lines if not _in_margin(ln, out.height)]
    return out


def _in_margin(line: PdfLine, height: float) -> bool:
    return bool(_FOOTER.match(line.text)) or line.bottom > height - _MARGIN


_MARGIN = 22.0
"""Points from the bottom edge: page numbers and notes live there, text does not."""


def _metadata(pdf) -> dict[str, str]:
    try:
        return {k: v for k, v in pdf.get_metadata_dict().items() if v}
    except Exception:  # damaged info dictionary: metadata is optional
        return {}


def _page_lines(textpage, page_index: int, height: float) -> tuple[list[PdfLine], int]:
    import pypdfium2.raw as raw

    handle = textpage.raw
    count = raw.FPDFText_CountChars(handle)
    lines: list[PdfLine] = []
    # (char, left, right, bottom, top, size, bold, colour, baseline)
    chars: list[tuple] = []
    name_buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    rgba = [ctypes.c_uint() for _ in range(4)]
    left, right, bottom, top, origin_x, origin_y = (ctypes.c_double() for _ in range(6))
    visible = 0
    for i in range(count):
        code = raw.FPDFText_GetUnicode(handle, i)
        ch = chr(code) if code else ""
        ch = _SOFT_HYPHENS.get(ch, ch)
        if ch in ("\r", "\n", ""):
            _flush(chars, lines, page_index, height)
            continue
        raw.FPDFText_GetCharBox(handle, i, left, right, bottom, top)
        raw.FPDFText_GetCharOrigin(handle, i, origin_x, origin_y)
        size = raw.FPDFText_GetFontSize(handle, i)
        bold = False
        if not ch.isspace():
            raw.FPDFText_GetFontInfo(handle, i, name_buf, 128, ctypes.byref(flags))
            name = name_buf.value.decode("latin-1", "replace").lower()
            bold = "bold" in name or "black" in name or raw.FPDFText_GetFontWeight(handle, i) >= 600
        raw.FPDFText_GetFillColor(handle, i, *(ctypes.byref(c) for c in rgba))
        color = (rgba[0].value, rgba[1].value, rgba[2].value)
        if not ch.isspace():
            visible += 1
        chars.append((ch, left.value, right.value, bottom.value, top.value, size, bold, color,
                      origin_y.value))
    _flush(chars, lines, page_index, height)
    return lines, visible


def _flush(chars: list, lines: list[PdfLine], page_index: int, height: float) -> None:
    """Turn a run of characters into lines: split on baseline changes and wide gaps."""
    if not chars:
        return
    current: list = []
    for ch in chars:
        if current:
            prev = next((c for c in reversed(current) if not c[0].isspace()), None)
            if prev is not None and not ch[0].isspace():
                size = max(prev[5], ch[5], 1.0)
                same_row = abs(ch[8] - prev[8]) < 0.45 * size  # baselines
                gap = ch[1] - prev[2]
                if not same_row or gap > 3.0 * size or gap < -2.0 * size:
                    _emit(current, lines, page_index, height)
                    current = []
        current.append(ch)
    _emit(current, lines, page_index, height)
    chars.clear()


def _emit(chars: list, lines: list[PdfLine], page_index: int, height: float) -> None:
    ink = [c for c in chars if not c[0].isspace()]
    if not ink:
        return
    text = re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", "".join(c[0] for c in chars)).strip()
    sizes = sorted(c[5] for c in ink)
    size = sizes[len(sizes) // 2]
    bold = sum(1 for c in ink if c[6]) > len(ink) / 2
    colors = [c[7] for c in ink]
    color = max(set(colors), key=colors.count)
    lines.append(PdfLine(
        text=text, page=page_index, x0=min(c[1] for c in ink), x1=max(c[2] for c in ink),
        top=height - max(c[4] for c in ink), bottom=height - min(c[3] for c in ink),
        size=round(size, 1), bold=bold, color=color))


def _assign_columns(doc: PdfText) -> None:
    """Find a vertical band no line crosses with real text on both sides: two columns."""
    body = [ln for ln in doc.lines if not _in_margin(ln, doc.height)]
    first_page = [ln for ln in body if ln.page == 0]
    if len(first_page) < 6:
        return
    best: tuple[int, float] | None = None
    x = doc.width * 0.15
    while x < doc.width * 0.5:
        crossing = sum(1 for ln in first_page if ln.x0 < x < ln.x1)
        if crossing <= 1:  # one overlong sidebar item (an e-mail address) may spill over
            left = sum(1 for ln in first_page if ln.x1 <= x)
            right = sum(1 for ln in first_page if ln.x0 >= x)
            balance = min(left, right)
            if left >= 3 and right >= 3 and (best is None or balance > best[0]):
                best = (balance, x)
        x += 2.0
    if best is None:
        return
    split = best[1]
    # the band must stay clear on the other pages too (a sidebar only beside the main text)
    crossing_elsewhere = sum(1 for ln in body if ln.page > 0 and ln.x0 < split < ln.x1)
    if crossing_elsewhere > max(2, len(body) // 50):
        return
    doc.column_split = split
    for ln in doc.lines:
        ln.column = 1 if ln.x0 >= split - 1.0 else 0
    doc.lines.sort(key=lambda ln: (ln.column, ln.page, round(ln.top, 1), ln.x0))
