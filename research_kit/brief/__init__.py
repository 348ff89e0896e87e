"""The one-page prep brief: a layout model, rendered to PDF (fpdf2) and HTML.

Build a :class:`BriefModel` from findings (every item ranked and cited), then::

    from research_kit.brief import render_brief
    files = render_brief(model, "notebooks/acme-corp/out", paper="letter")
    files.pdf_path, files.html_path, files.pages, files.trimmed_items

See docs/brief.md and :func:`research_kit.brief.sample.sample_brief` for a full example.
Importing this package is cheap: fpdf2 and matplotlib load only when a brief is rendered.
"""

from __future__ import annotations

from .._lazy import lazy_exports

# loaded on first use: a stored brief reads back with .files alone (no renderer, no fonts)
_EXPORTS = {
    "BriefModel": "model", "Header": "model", "Snapshot": "model", "KeyFigure": "model",
    "Chart": "model", "Requirement": "model", "Item": "model", "Competitor": "model",
    "Swot": "model", "Note": "model", "BriefFiles": "files", "render_brief": "render",
    "render_html": "html", "render_pdf": "pdf", "sample_brief": "sample",
    "small_figure": "charts",
}

__all__ = list(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
