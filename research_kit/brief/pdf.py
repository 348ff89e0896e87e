"""The one-page PDF brief, drawn with fpdf2 (pure Python) and embedded Unicode fonts.

:func:`render_pdf` fits the model to one page (see :mod:`research_kit.brief.layout`) and
writes it. Text is drawn as literal strings — nothing in a scraped string is interpreted
— in DejaVu Sans with CJK/Hangul fallbacks (:mod:`research_kit.brief.fonts`); only the
glyphs used are embedded.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

from .charts import ChartImage, chart_image
from .fonts import FontBook
from .layout import DrawnPart, FitResult, cap_model, fit_page
from .model import BriefModel, Chart
from .style import paper_size

__all__ = ["PdfResult", "render_pdf", "prepare_charts"]


@dataclass
class PdfResult:
    path: Path
    pages: int
    body_size: float
    """The body text size the page was fitted at (pt)."""
    trimmed: Counter = field(default_factory=Counter)
    """Section key → items left out of the page (shown as "+ N more in the notebook")."""
    model: BriefModel | None = None
    """The model as printed (after trimming): the HTML renders this same model."""
    charts: dict[int, ChartImage] = field(default_factory=dict)
    """id(chart) → its image bytes, so the HTML does not rasterise a Figure twice."""
    columns: list[list[DrawnPart]] = field(default_factory=list)
    """The two columns as drawn, so the HTML continues sections where the PDF does."""

    @property
    def trimmed_items(self) -> int:
        return sum(self.trimmed.values())


def prepare_charts(model: BriefModel, cache: dict[int, ChartImage] | None = None
                   ) -> list[tuple[Chart, ChartImage]]:
    """Each chart with its image bytes (a Figure is rasterised once; ``cache`` reuses)."""
    cache = {} if cache is None else cache
    prepared = []
    for chart in model.charts:
        if id(chart) not in cache:
            cache[id(chart)] = chart_image(chart.image)
        prepared.append((chart, cache[id(chart)]))
    return prepared


def _new_document(paper: str):
    from fpdf import FPDF

    size = paper_size(paper)
    pdf = FPDF(orientation="P", unit="mm", format=(size.width, size.height))
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    pdf.set_compression(True)
    return pdf, size


def _as_datetime(value: str):
    from datetime import datetime

    try:
        when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def render_pdf(model: BriefModel, path: str | os.PathLike, *, paper: str = "letter",
               charts: dict[int, ChartImage] | None = None) -> PdfResult:
    """Write ``model`` as a one-page PDF at ``path`` (``paper``: "letter" or "a4")."""
    pdf, size = _new_document(paper)
    fonts = FontBook(pdf)
    capped, pre_trimmed = cap_model(model)
    cache = {} if charts is None else charts
    fit: FitResult = fit_page(capped, size, fonts, prepare_charts(capped, cache), pre_trimmed)
    drawn = fit.model or capped

    header = model.header
    pdf.set_title(f"Interview brief: {header.company}" + (f", {header.role}" if header.role
                                                           else ""))
    pdf.set_author("research-kit")
    pdf.set_creator("research-kit")
    pdf.set_subject("One-page interview preparation brief" + (" (fictional demo)"
                                                              if header.fictional_demo else ""))
    pdf.set_lang("en")
    if model.as_of:
        pdf.set_creation_date(_as_datetime(model.as_of))
    pdf.add_page()
    clipped = fit.layout.draw(fit.charts_on, fit.trimmed_items)
    trimmed = Counter(fit.trimmed)
    if clipped:
        trimmed["clipped"] += clipped
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return PdfResult(out, pdf.pages_count, fit.body_size, trimmed, drawn, cache,
                     fit.layout.drawn_columns)
