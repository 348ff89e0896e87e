"""A small rich-text engine on top of fpdf2: styled spans → wrapped lines → drawn text.

fpdf2's own ``multi_cell(markdown=True)`` would read ``**``, ``__`` and ``[x](y)`` inside
scraped text as formatting and links; here every span is literal text, and styling comes
only from the :class:`Span` objects the layout builds. Measuring and drawing share the
same line breaking, so a block drawn is exactly as tall as it was measured.

Breaks happen at spaces and between CJK characters; a word wider than the line (a long
URL) is cut at character level. ``max_lines`` clips a paragraph with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fonts import FAKE_BOLD, FontBook

__all__ = ["Span", "Para", "Laid", "lay_out", "draw"]

Color = tuple[int, int, int]
ELLIPSIS = "…"


@dataclass(frozen=True)
class Span:
    text: str
    style: str = ""
    """"", "B", "I" or "BI"."""
    color: Color = (34, 34, 34)
    scale: float = 1.0
    """Size relative to the paragraph's size (footnote markers are smaller)."""


@dataclass
class Para:
    spans: list[Span]
    size: float
    """Base font size in points."""
    leading: float = 1.25
    indent: float = 0.0
    """Left indent (mm) of every line; a ``bullet`` is drawn inside it."""
    bullet: str = ""
    bullet_color: Color = (34, 34, 34)
    max_lines: int | None = None


@dataclass
class _Piece:
    x: float
    text: str
    key: str
    size: float
    color: Color


@dataclass
class Laid:
    """A paragraph broken into lines for one width."""

    para: Para
    lines: list[list[_Piece]] = field(default_factory=list)
    line_height: float = 0.0
    clipped: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3 or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF)


def _atoms(para: Para, fonts: FontBook):
    """Yield (text, key, size, color, is_space, break_after) atoms for the paragraph."""
    for span in para.spans:
        size = para.size * span.scale
        for key, piece in fonts.split_by_font(span.text.replace("\n", " "), span.style):
            word: list[str] = []
            for ch in piece:
                if ch.isspace():
                    if word:
                        yield "".join(word), key, size, span.color, False, False
                        word = []
                    yield " ", key, size, span.color, True, True
                elif _is_cjk(ch):
                    if word:
                        yield "".join(word), key, size, span.color, False, False
                        word = []
                    yield ch, key, size, span.color, False, True
                else:
                    word.append(ch)
            if word:
                yield "".join(word), key, size, span.color, False, False


def _boxes(para: Para, fonts: FontBook):
    """Group atoms into unbreakable boxes; yield (atoms, width, space_before)."""
    box: list[tuple] = []
    width = 0.0
    space = None
    for text, key, size, color, is_space, break_after in _atoms(para, fonts):
        if is_space:
            if box:
                yield box, width, space
                box, width = [], 0.0
            space = (key, size, color)
            continue
        w = fonts.width(text, key, size)
        box.append((text, key, size, color, w))
        width += w
        if break_after:
            yield box, width, space
            box, width, space = [], 0.0, None
    if box:
        yield box, width, space


def _split_wide(box, limit: float, fonts: FontBook):
    """Cut a box wider than the line into character-level chunks that fit."""
    chunks: list[tuple[list[tuple], float]] = []
    current: list[tuple] = []
    width = 0.0
    for text, key, size, color, _ in box:
        for ch in text:
            w = fonts.width(ch, key, size)
            if current and width + w > limit:
                chunks.append((current, width))
                current, width = [], 0.0
            current.append((ch, key, size, color, w))
            width += w
    if current:
        chunks.append((current, width))
    return chunks


def lay_out(para: Para, width: float, fonts: FontBook) -> Laid:
    """Break ``para`` into lines no wider than ``width`` (mm)."""
    k = fonts.pdf.k
    laid = Laid(para, line_height=para.size * para.leading / k)
    avail = max(width - para.indent, 1.0)
    lines: list[list[tuple]] = []
    line: list[tuple] = []
    x = 0.0
    for box, box_w, space in _boxes(para, fonts):
        pieces = [(box, box_w)] if box_w <= avail else _split_wide(box, avail, fonts)
        for i, (chunk, chunk_w) in enumerate(pieces):
            gap = 0.0
            if line and space is not None and i == 0:
                gap = fonts.width(" ", space[0], space[1])
            if line and x + gap + chunk_w > avail:
                lines.append(line)
                line, x, gap = [], 0.0, 0.0
            if gap:
                line.append((" ", space[0], space[1], space[2], gap))
                x += gap
            line.extend(chunk)
            x += chunk_w
    if line:
        lines.append(line)
    if para.max_lines and len(lines) > para.max_lines:
        lines = lines[:para.max_lines]
        last = lines[-1]
        _, key, size, color, _ = last[-1]
        dots = fonts.width(ELLIPSIS, key, size)
        while last and sum(a[4] for a in last) + dots > avail:
            last.pop()
        while last and last[-1][0] == " ":
            last.pop()
        last.append((ELLIPSIS, key, size, color, dots))
        laid.clipped = True
    laid.lines = [_merge(atoms, para.indent) for atoms in lines]
    return laid


def _merge(atoms: list[tuple], indent: float) -> list[_Piece]:
    """Join neighbouring atoms of one font, size and colour into one drawn piece."""
    pieces: list[_Piece] = []
    x = indent
    for text, key, size, color, w in atoms:
        last = pieces[-1] if pieces else None
        if last is not None and (last.key, last.size, last.color) == (key, size, color):
            last.text += text
        else:
            pieces.append(_Piece(x, text, key, size, color))
        x += w
    # a trailing space adds nothing visible
    if pieces and pieces[-1].text.endswith(" "):
        pieces[-1].text = pieces[-1].text.rstrip(" ")
    return [p for p in pieces if p.text]


def draw(laid: Laid, x: float, y: float, fonts: FontBook) -> float:
    """Draw the laid-out paragraph with its top-left corner at (x, y); return its height."""
    pdf = fonts.pdf
    para = laid.para
    k = pdf.k
    size_mm = para.size / k
    # baseline: text box centred in the line, ascent ≈ 0.78 em for DejaVu Sans
    offset = (laid.line_height - size_mm) / 2 + 0.78 * size_mm
    if para.bullet and laid.lines:
        key = fonts.key_for(para.bullet[0], "B")
        fonts.use(key, para.size)
        pdf.set_text_color(*para.bullet_color)
        pdf.text(x + max(para.indent - fonts.width(para.bullet, key, para.size) - 1.0, 0),
                 y + offset, para.bullet)
    current = None
    for n, pieces in enumerate(laid.lines):
        baseline = y + n * laid.line_height + offset
        for piece in pieces:
            state = (piece.key, piece.size, piece.color)
            if state != current:
                fonts.use(piece.key, piece.size)
                pdf.set_text_color(*piece.color)
                current = state
            if piece.key.endswith(FAKE_BOLD):
                # q … Q around it: the stroke settings must not leak into later drawing
                with pdf.local_context(text_mode="FILL_STROKE", draw_color=piece.color,
                                       line_width=piece.size * 0.045 / k):
                    pdf.text(x + piece.x, baseline, piece.text)
            else:
                pdf.text(x + piece.x, baseline, piece.text)
    return laid.height
