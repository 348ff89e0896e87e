"""The SWOT as a 2×2 figure: an HTML grid in Jupyter, a matplotlib Figure on request.

Four quadrants of sentences are text, not a chart: as HTML they wrap to the notebook's
width, can be copied and read by a screen reader, and cost nothing to draw (the matplotlib
version takes about 0.2 s to lay out and rasterise, on every run). ``to_figure()`` and
``savefig()`` give the same grid as a matplotlib Figure, for a slide or a file.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import pandas as pd

from ...display import escape

__all__ = ["SwotFigure", "swot_figure", "QUADRANTS"]

QUADRANTS = ("Strengths", "Weaknesses", "Opportunities", "Threats")

COLORS = {"Strengths": "#e3f1e6", "Weaknesses": "#fbeee0", "Opportunities": "#e4eef8",
          "Threats": "#f8e3e3"}
_NO_THREAT = ("No hard sticking point found in the posting; check location, work "
              "authorisation and seniority yourself.")


@dataclass(frozen=True)
class Quadrant:
    name: str
    items: list[str]
    """The items shown (at most ``max_items``)."""
    more: int
    """How many further items only the table has."""
    empty_text: str
    """What to show when there are no items (the first prompt)."""

    @property
    def title(self) -> str:
        return f"{self.name} ({len(self.items) + self.more})"


def quadrants(swot_df: pd.DataFrame, max_items: int = 8) -> list[Quadrant]:
    """Strengths, Weaknesses, Opportunities, Threats: their items, prompts aside."""
    out = []
    for name in QUADRANTS:
        rows = swot_df[swot_df["quadrant"] == name] if len(swot_df) else swot_df
        records = rows.to_dict("records")
        items = [str(r["item"]) for r in records if r.get("basis") not in ("prompt", "missing")]
        # an empty quadrant says what is missing (basis "missing"), else the first prompt
        prompts = [str(r["prompt"]) for r in records if r.get("basis") == "missing"] + \
            [str(r["prompt"]) for r in records if r.get("basis") == "prompt"]
        empty = prompts[0] if prompts else _NO_THREAT
        out.append(Quadrant(name, items[:max_items], max(0, len(items) - max_items), empty))
    return out


@dataclass(frozen=True)
class SwotFigure:
    """A personal SWOT as a 2×2 grid (the table, ``swot()``, has every column)."""

    table: pd.DataFrame
    max_items: int = 8

    @cached_property  # html and text reprs both need it (a frozen instance still has a __dict__)
    def quadrants(self) -> list[Quadrant]:
        return quadrants(self.table, self.max_items)

    def _repr_html_(self) -> str:
        cells = []
        for q in self.quadrants:
            if q.items:
                body = "".join(f"<li>{escape(item)}</li>" for item in q.items)
                body = f"<ul style='margin:4px 0 0 0;padding-left:18px'>{body}</ul>"
                if q.more:
                    body += (f"<p style='margin:4px 0 0 0'><i>… and {q.more} more "
                             "(see the table)</i></p>")
            else:
                body = f"<p style='margin:4px 0 0 0'><i>{escape(q.empty_text)}</i></p>"
            cells.append(f"<td style='background:{COLORS[q.name]};vertical-align:top;"
                         f"text-align:left;width:50%;padding:8px 10px'>"
                         f"<b>{escape(q.title)}</b>{body}</td>")
        rows = f"<tr>{cells[0]}{cells[1]}</tr><tr>{cells[2]}{cells[3]}</tr>"
        return ("<div class='rk-swot'><b>Personal SWOT against the posting</b>"
                "<table style='border-collapse:separate;border-spacing:4px;width:100%;"
                f"table-layout:fixed'>{rows}</table></div>")

    def __str__(self) -> str:
        lines = ["Personal SWOT against the posting"]
        for q in self.quadrants:
            lines += ["", q.title]
            lines += [f"  • {item}" for item in q.items] or [f"  {q.empty_text}"]
            if q.more:
                lines.append(f"  … and {q.more} more (see the table)")
        return "\n".join(lines)

    __repr__ = __str__

    def to_figure(self, *, width: int = 58):
        """The same grid as a matplotlib Figure (items shortened to fit their quadrant)."""
        from ...display import notebook_figure

        fig = notebook_figure(figsize=(11, 7.5), layout="constrained")
        for k, q in enumerate(self.quadrants):
            ax = fig.add_subplot(2, 2, k + 1)
            ax.set_xticks([])
            ax.set_yticks([])
            ax.set_facecolor(COLORS[q.name])
            ax.set_title(q.title, loc="left", fontsize=13, fontweight="bold")
            lines: list[str] = []
            for text in q.items:
                text = text if len(text) <= 110 else text[:107] + "…"
                wrapped = textwrap.wrap(text, width=width) or [""]
                lines.append("• " + wrapped[0])
                lines.extend("   " + w for w in wrapped[1:])
            if q.more:
                lines.append(f"  … and {q.more} more (see the table)")
            if not q.items:
                lines.extend(textwrap.wrap(q.empty_text, width=width)[:4])
            ax.text(0.02, 0.97, "\n".join(lines), va="top", ha="left", fontsize=10,
                    family="DejaVu Sans", transform=ax.transAxes, wrap=False)
        fig.suptitle("Personal SWOT against the posting", fontsize=14)
        return fig

    def savefig(self, fname: Any, **kwargs: Any) -> None:
        """Save the grid as an image (PNG, SVG, PDF …: matplotlib's ``savefig``)."""
        self.to_figure().savefig(fname, **kwargs)


def swot_figure(swot_df: pd.DataFrame, *, max_items: int = 8) -> SwotFigure:
    """The SWOT as a 2×2 figure: HTML in a notebook; ``.to_figure()`` / ``.savefig()``."""
    return SwotFigure(swot_df, max_items)
