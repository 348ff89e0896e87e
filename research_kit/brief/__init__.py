"""The one-page prep brief: a layout model, rendered to PDF (fpdf2) and HTML.

Build a :class:`BriefModel` from findings (every item ranked and cited), then::

    from research_kit.brief import render_brief
    files = render_brief(model, "notebooks/acme-corp/out", paper="letter")
    files.pdf_path, files.html_path, files.pages, files.trimmed_items

See docs/brief.md and :func:`research_kit.brief.sample.sample_brief` for a full example.
Importing this package is cheap: fpdf2 and matplotlib load only when a brief is rendered.
"""

from .model import (BriefModel, Chart, Competitor, Header, Item, KeyFigure, Note, Requirement,
                    Snapshot, Swot)
from .render import BriefFiles, render_brief

__all__ = [
    "BriefModel", "Header", "Snapshot", "KeyFigure", "Chart", "Requirement", "Item",
    "Competitor", "Swot", "Note", "BriefFiles", "render_brief", "render_html", "render_pdf",
    "sample_brief", "small_figure",
]


def __getattr__(name: str):
    # the less common entry points load on first use
    if name == "render_html":
        from .html import render_html
        return render_html
    if name == "render_pdf":
        from .pdf import render_pdf
        return render_pdf
    if name == "sample_brief":
        from .sample import sample_brief
        return sample_brief
    if name == "small_figure":
        from .charts import small_figure
        return small_figure
    raise AttributeError(f"module 'research_kit.brief' has no attribute {name!r}")
