"""Fonts for the PDF brief: DejaVu Sans from matplotlib, CJK and Hangul fallbacks from here.

:class:`FontBook` registers fonts with one ``FPDF`` document and answers two questions for
the text engine: which font draws a character, and how wide a string is. Fallback fonts
and the bold-italic face are added to a document only when its text needs them, so a
Latin-only brief never pays for parsing the CJK font (about 0.1 s).

Widths come straight from the fonts' advance widths (the same numbers fpdf2 uses to
draw), so measured layout and drawn layout agree to the hundredth of a millimetre.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # pragma: no cover
    from fpdf import FPDF
    from fpdf.fonts import TTFFont

__all__ = ["FontBook", "dejavu_dir", "FALLBACK_FONTS", "STYLES", "FAKE_BOLD"]

HERE = Path(__file__).resolve().parent
# (family name in the PDF, file in this folder); tried in this order for a missing glyph
FALLBACK_FONTS = (("rkcjk", "DroidSansFallback-CJK-subset.ttf"),
                  ("rkhangul", "RKHangulSubset.ttf"))
STYLES = ("", "B", "I", "BI")
_DEJAVU_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf",
                 "I": "DejaVuSans-Oblique.ttf", "BI": "DejaVuSans-BoldOblique.ttf"}
MAIN = "dejavu"
FAKE_BOLD = "+B"
"""Suffix of a font key whose text is drawn filled and stroked (fallbacks have no bold)."""


@lru_cache(maxsize=1)
def dejavu_dir() -> Path:
    import matplotlib

    return Path(matplotlib.get_data_path()) / "fonts" / "ttf"


def _is_hangul(code: int) -> bool:
    return 0xAC00 <= code <= 0xD7A3 or 0x3130 <= code <= 0x318F or 0x1100 <= code <= 0x11FF


class FontBook:
    """The fonts of one PDF document."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self._loaded: set[str] = set()
        self._font_for: dict[tuple[str, str], str] = {}
        self._widths: dict[tuple[str, str], float] = {}
        self._ensure(MAIN, "")
        self._ensure(MAIN, "B")
        self.main_cover = self._font(MAIN).cmap

    # -- loading ---------------------------------------------------------------------
    def _ensure(self, family: str, style: str) -> str:
        key = family + style
        if key not in self._loaded:
            if family == MAIN:
                path = dejavu_dir() / _DEJAVU_FILES[style]
            else:
                path = HERE / dict(FALLBACK_FONTS)[family]
            self.pdf.add_font(family, style, str(path))
            self._loaded.add(key)
        return key

    def _font(self, key: str) -> TTFFont:
        # every font of the book is added from a .ttf file (see _ensure), never a core font
        return cast("TTFFont", self.pdf.fonts[key])

    # -- questions -------------------------------------------------------------------
    def key_for(self, char: str, style: str) -> str:
        """fpdf2 font key ("dejavuB", "rkcjk" …) that draws ``char`` in ``style``."""
        cached = self._font_for.get((char, style))
        if cached is not None:
            return cached
        code = ord(char)
        key = None
        if code in self.main_cover or code < 0x2E80:
            key = self._ensure(MAIN, style)
        else:
            # try the likelier fallback first: each one costs a parse when first used
            families = [family for family, _ in FALLBACK_FONTS]
            if _is_hangul(code):
                families.reverse()
            for family in families:
                candidate = self._ensure(family, "")  # fallbacks have one face
                if code in self._font(candidate).cmap:
                    # bold is imitated with an outline stroke (see textflow.draw)
                    key = candidate + (FAKE_BOLD if "B" in style else "")
                    break
            if key is None:
                key = self._ensure(MAIN, style)  # prints a missing-glyph box
        self._font_for[(char, style)] = key
        return key

    def split_by_font(self, text: str, style: str) -> list[tuple[str, str]]:
        """``text`` cut into (font key, piece) runs that one font can draw."""
        pieces: list[tuple[str, str]] = []
        start = 0
        current = None
        for i, ch in enumerate(text):
            key = self.key_for(ch, style)
            if key != current:
                if current is not None:
                    pieces.append((current, text[start:i]))
                current, start = key, i
        if current is not None:
            pieces.append((current, text[start:]))
        return pieces

    def width(self, text: str, key: str, size_pt: float) -> float:
        """Width in the document's unit (mm) of ``text`` drawn in font ``key``."""
        units = self._widths.get((key, text))
        if units is None:
            cw = self._font(key.removesuffix(FAKE_BOLD)).cw
            units = sum(cw[ord(c)] for c in text)
            self._widths[(key, text)] = units
        return units * size_pt / 1000.0 / self.pdf.k

    def use(self, key: str, size_pt: float) -> None:
        """Select font ``key`` at ``size_pt`` for drawing."""
        key = key.removesuffix(FAKE_BOLD)
        family = key.rstrip("BI") if key.startswith(MAIN) else key
        style = key[len(family):]
        self.pdf.set_font(family, style, size_pt)
