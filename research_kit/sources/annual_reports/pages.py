"""The pages of an annual report PDF: positioned, styled lines, and whether each page can be read.

pypdfium2 gives each page's text in reading order. Each line keeps what later steps need:
its place on the page (headings stand apart, paragraphs are separated by a gap, the columns
of a table are told apart by x), its type size and whether it is bold (a heading), and for
lines with figures, where each word sits (so a table row whose cells come out of the text
layer in the wrong order is read in the printed order).

Each page also gets a **status**, from what the page is made of, so that the report can say
what it could not read instead of guessing:

``text``       born-digital text (possibly with pictures beside it: ``image_cover``)
``images``     the content is pictures — tables or charts as images; only captions are text
``scan``       a scanned page with an OCR text layer under the picture
``noisy_ocr``  a scan whose OCR text is mostly not words (set by :mod:`.cleaning`)
``no_text``    nothing to read: a blank page, or a cover whose title is a picture

Refuses, with typed errors, a file that is not a PDF, a password-protected PDF, a damaged
one, and a PDF with no text layer at all.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

from ...errors import DocumentTooLongError, EncryptedDocumentError, NoTextLayerError, ParseError

__all__ = ["Line", "Token", "Page", "open_pdf", "read_pages", "page_list", "MAX_PAGES",
           "UNREADABLE"]

MAX_PAGES = 1000
UNREADABLE = ("images", "noisy_ocr", "no_text")
"""Page statuses whose content cannot be read from the text layer."""
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique", re.I)
_ITALIC_FLAG = 0x40  # PDF font descriptor flag 7: Italic
_DIGIT = re.compile(r"\d")
_IMAGES_MAX_CHARS = 500
"""Fewer letters and digits than this beside pictures covering much of a page: the page's
content is the pictures (charts, scanned tables), its text only their captions."""
_MIN_TEXT_CHARS = 15


@dataclass(frozen=True)
class Token:
    """One whitespace-separated word of a line, with its horizontal extent on the page."""

    text: str
    x0: float
    x1: float


@dataclass
class Line:
    text: str
    page: int
    """1-based PDF page index."""
    size: float = 0.0
    bold: bool = False
    italic: bool = False
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    """Distance from the top of the page to the top of the line (grows downwards)."""
    bottom: float = 0.0
    baseline: float = 0.0
    """Distance from the top of the page to the first character's baseline."""
    tokens: tuple[Token, ...] = ()
    """Words with their positions, for lines that hold a digit (table rows)."""
    invisible: bool = False
    """Set in text render mode 3: an OCR layer or a production slug nobody sees."""

    @property
    def placed(self) -> bool:
        return self.bottom > 0.0


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)
    width: float = 612.0
    height: float = 792.0
    status: str = "text"
    note: str = ""
    chars: int = 0
    """Letters and digits in the page's text layer."""
    image_cover: float = 0.0
    """Share of the page covered by pictures (0–1)."""

    @property
    def readable(self) -> bool:
        return self.status not in UNREADABLE

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def open_pdf(data: bytes, label: str):
    """The pdfium document, or the typed error saying why it cannot be opened."""
    import pypdfium2 as pdfium

    if not data.strip():
        raise ParseError(f"{label} is empty", suggestion="give the annual report's PDF file")
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ParseError(f"{label} is not a PDF (it does not start with %PDF)",
                         suggestion="give the annual report's PDF file, not a web page or "
                                    "a Word document; save it from the company's site as PDF")
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
            raise EncryptedDocumentError(f"{label} is password-protected", file=label) from None
        raise ParseError(f"{label} is not a readable PDF ({exc})",
                         suggestion="download it again; the file may be damaged") from None


def read_pages(data: bytes, label: str) -> tuple[list[Page], dict[str, str]]:
    """Every page of the PDF as positioned lines with a status, and the document's metadata."""
    pdf = open_pdf(data, label)
    try:
        if len(pdf) > MAX_PAGES:
            raise DocumentTooLongError(f"{label} has {len(pdf)} pages, more than an annual "
                                       "report", suggestion="give the annual report itself")
        metadata: dict[str, str] = {}
        try:
            metadata = {k: v for k, v in pdf.get_metadata_dict().items() if v}
        except Exception:  # a damaged info dictionary: metadata is optional
            metadata = {}
        pages = [_read_page(pdf, index) for index in range(len(pdf))]
    finally:
        pdf.close()
    if not any(p.chars >= _MIN_TEXT_CHARS for p in pages):
        raise NoTextLayerError(
            f"{label} has no text layer: its {len(pages)} page(s) are pictures (a scan?)",
            file=label, suggestion="run OCR on it first (e.g. ocrmypdf), or save the "
                                   "company's report again from its website as a text PDF")
    return pages, metadata


def _read_page(pdf, index: int) -> Page:
    page = pdf[index]
    try:
        width, height = page.get_size()
        cover, invisible_objects, text_objects = _objects(page)
        textpage = page.get_textpage()
        try:
            lines = _lines(textpage, index + 1, height)
        finally:
            textpage.close()
    finally:
        page.close()
    result = Page(number=index + 1, lines=lines, width=width, height=height,
                  image_cover=cover,
                  chars=sum(sum(map(str.isalnum, ln.text)) for ln in lines))
    _set_status(result, scanned=cover >= 0.8 and text_objects > 0
                and invisible_objects >= 0.8 * text_objects)
    return result


def _objects(page) -> tuple[float, int, int]:
    """(share of the page under pictures, invisible text objects, text objects), through
    pdfium's C API (the object wrappers cost more than the page's text on busy pages)."""
    import pypdfium2.raw as raw

    width, height = page.get_size()
    area = width * height or 1.0
    box = [ctypes.c_float() for _ in range(4)]  # left, bottom, right, top
    counts = {"covered": 0.0, "invisible": 0, "texts": 0}

    def visit(handle, kind_count, get, depth: int) -> None:
        for n in range(kind_count(handle)):
            obj = get(handle, n)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                if raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(b) for b in box)):
                    left, bottom, right, top = (b.value for b in box)
                    w = max(0.0, min(right, width) - max(left, 0.0))
                    h = max(0.0, min(top, height) - max(bottom, 0.0))
                    counts["covered"] += w * h
            elif kind == raw.FPDF_PAGEOBJ_TEXT:
                counts["texts"] += 1
                if raw.FPDFTextObj_GetTextRenderMode(obj) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                    counts["invisible"] += 1
            elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 4:
                visit(obj, raw.FPDFFormObj_CountObjects, raw.FPDFFormObj_GetObject, depth + 1)

    try:
        visit(page.raw, raw.FPDFPage_CountObjects, raw.FPDFPage_GetObject, 1)
    except Exception:  # a damaged content stream: judge the page by its text alone
        return 0.0, 0, 0
    return min(1.0, counts["covered"] / area), int(counts["invisible"]), int(counts["texts"])


def _set_status(page: Page, *, scanned: bool) -> None:
    if scanned:
        page.status, page.note = "scan", "a scanned page with an OCR text layer"
    elif page.chars < _MIN_TEXT_CHARS:
        page.status = "no_text"
        page.note = ("no text layer: the page is a picture" if page.image_cover >= 0.05
                     else "no text: a blank page, or text drawn as shapes")
    elif page.image_cover >= 0.15 and page.chars < _IMAGES_MAX_CHARS and page.number > 1:
        # the cover (page 1) has its title as text and a photo beside it: nothing is lost
        page.status = "images"
        page.note = (f"pictures cover {page.image_cover:.0%} of the page and its text layer "
                     f"holds only {page.chars} letters and digits (captions): the tables or "
                     "charts on it are images")
    elif page.image_cover >= 0.25 and page.number > 1:
        page.note = f"pictures cover {page.image_cover:.0%} of the page (not read)"


# -- lines ------------------------------------------------------------------------------

class _Reader:
    """Per-character look-ups on one text page (pdfium's C API through ctypes)."""

    def __init__(self, textpage, height: float) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        self.handle = textpage.raw
        self.height = height
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.box = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        self.rect = raw.FS_RECTF()

    def style(self, index: int) -> tuple[bool, bool]:
        """(bold, italic) from the font's name and flags."""
        self.raw.FPDFText_GetFontInfo(self.handle, index, self.name, 128, ctypes.byref(self.flags))
        name = self.name.value.decode("latin-1", "replace")
        return (bool(_BOLD_NAME.search(name)),
                bool(_ITALIC_NAME.search(name)) or bool(self.flags.value & _ITALIC_FLAG))

    def size(self, index: int) -> float:
        """The glyph's loose box height: the type size as set on the page (the font size
        pdfium reports ignores the text matrix, so it is 1.0 in many exports)."""
        if not self.raw.FPDFText_GetLooseCharBox(self.handle, index, ctypes.byref(self.rect)):
            return 0.0
        return abs(self.rect.top - self.rect.bottom)

    def extent(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, top, bottom) of one character, top-down coordinates."""
        left, right, bottom, top = self.box
        self.raw.FPDFText_GetCharBox(self.handle, index, left, right, bottom, top)
        return left.value, right.value, self.height - top.value, self.height - bottom.value

    def baseline(self, index: int) -> float:
        x, y = ctypes.c_double(), ctypes.c_double()
        self.raw.FPDFText_GetCharOrigin(self.handle, index, x, y)
        return self.height - y.value

    def invisible(self, index: int) -> bool:
        obj = self.raw.FPDFText_GetTextObject(self.handle, index)
        return bool(obj) and self.raw.FPDFTextObj_GetTextRenderMode(obj) == \
            self.raw.FPDF_TEXTRENDERMODE_INVISIBLE


def _lines(textpage, page_number: int, height: float) -> list[Line]:
    text = textpage.get_text_range()
    exact = len(text) == textpage.count_chars()
    reader = _Reader(textpage, height) if exact else None
    lines: list[Line] = []
    for match in re.finditer(r"[^\r\n]+", text):
        raw_line = match.group(0)
        stripped = raw_line.strip()
        if not stripped:
            continue
        line = Line(text=stripped, page=page_number)
        if reader is not None:
            _place(line, reader, match.start(), raw_line)
        lines.append(line)
    return lines


def _place(line: Line, reader: _Reader, start: int, raw_line: str) -> None:
    first = start + len(raw_line) - len(raw_line.lstrip())
    last = start + len(raw_line.rstrip()) - 1
    if last < first:
        return
    middle = next((i for i in range((first + last) // 2, last + 1)
                   if not raw_line[i - start].isspace()), last)
    samples = sorted({first, middle, last})
    styles = [reader.style(i) for i in samples]
    line.bold = sum(b for b, _ in styles) >= 0.8 * len(samples)
    line.italic = sum(i for _, i in styles) >= 0.8 * len(samples)
    sizes = sorted(reader.size(i) for i in samples)
    line.size = round(sizes[len(sizes) // 2], 1)
    left, _, top_a, bottom_a = reader.extent(first)
    _, right, top_b, bottom_b = reader.extent(last)
    line.x0, line.x1 = left, right
    line.top, line.bottom = min(top_a, top_b), max(bottom_a, bottom_b)
    line.baseline = reader.baseline(first)
    line.invisible = reader.invisible(first)
    # word positions: for table rows (figures), and for short or styled lines (a heading
    # candidate must not be the cells of a table row)
    if _DIGIT.search(raw_line) or line.bold or line.italic or len(raw_line) <= 60 or \
            raw_line.isupper():
        tokens = []
        for word in re.finditer(r"\S+", raw_line):
            x0 = reader.extent(start + word.start())[0]
            x1 = reader.extent(start + word.end() - 1)[1]
            tokens.append(Token(word.group(0), x0, x1))
        line.tokens = tuple(tokens)


def page_list(numbers: list[int]) -> str:
    """[13, 14, 15, 17] → "pages 13–15, 17"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(parts)
