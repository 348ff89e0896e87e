"""Sizes, colours and paper of the PDF brief. Every size derives from the body size, so
shrinking the page is one number (:class:`Style` ``body``) going down."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

__all__ = ["Paper", "paper_size", "Style", "BODY_SIZES", "FLOOR_PT", "SOURCES_FLOOR_PT", "Color"]

Color = tuple[int, int, int]

INK: Color = (33, 37, 41)
MUTED: Color = (92, 101, 112)
ACCENT: Color = (24, 55, 96)
FOOTNOTE: Color = (38, 104, 158)
RULE: Color = (196, 205, 216)
TINT: Color = (240, 244, 249)
DEMO_FILL: Color = (255, 243, 205)
DEMO_EDGE: Color = (222, 170, 50)
DEMO_INK: Color = (102, 70, 0)
STATUS: dict[str, tuple[str, Color, str]] = {
    "met": ("✓", (40, 122, 60), "met"),
    "partial": ("◐", (190, 120, 0), "partly"),
    "gap": ("✗", (190, 50, 40), "gap"),
    "unknown": ("?", (120, 128, 138), "not shown"),
}
SWOT_COLORS: dict[str, Color] = {
    "strengths": (40, 122, 60), "weaknesses": (190, 50, 40),
    "opportunities": (38, 104, 158), "threats": (150, 95, 0),
}

FLOOR_PT = 8.0
"""Body text never gets smaller than this; past it, low-ranked items are trimmed (a brief
is read on paper: fewer items, readable, beats everything in 6 pt)."""
SOURCES_FLOOR_PT = 7.0
"""The sources list, the smallest text on the page, never below this."""
BODY_SIZES = tuple(9.5 - 0.25 * i for i in range(int((9.5 - FLOOR_PT) / 0.25) + 1))


@dataclass(frozen=True)
class Paper:
    name: str
    width: float
    height: float
    """mm, portrait."""


_PAPERS = {"letter": Paper("letter", 215.9, 279.4), "a4": Paper("a4", 210.0, 297.0)}


def paper_size(name: str) -> Paper:
    try:
        return _PAPERS[str(name).strip().lower()]
    except KeyError:
        raise InputError(f"unknown paper size {name!r}",
                         suggestion="use paper=\"letter\" or paper=\"a4\"") from None


@dataclass(frozen=True)
class Style:
    """All sizes of one layout attempt, derived from the body size in points."""

    body: float

    # font sizes (pt)
    @property
    def title(self) -> float:
        return self.body * 2.0

    @property
    def role(self) -> float:
        return self.body * 1.2

    @property
    def heading(self) -> float:
        return self.body * 1.08

    @property
    def small(self) -> float:
        return max(self.body * 0.88, FLOOR_PT - 0.5)

    @property
    def figure_value(self) -> float:
        return self.body * 1.3

    @property
    def sources(self) -> float:
        return max(self.body * 0.75, SOURCES_FLOOR_PT)

    # spacing (mm)
    @property
    def margin_x(self) -> float:
        return 12.0

    @property
    def margin_y(self) -> float:
        return 10.0

    @property
    def gutter(self) -> float:
        return 3.0 + self.body * 0.45

    @property
    def item_gap(self) -> float:
        return self.body * 0.09

    @property
    def section_gap(self) -> float:
        return self.body * 0.36

    @property
    def leading(self) -> float:
        return 1.24
