"""One call for both outputs: ``render_brief(model, out_dir)`` → brief.pdf + brief.html."""

from __future__ import annotations

import os
from pathlib import Path

from ..private_files import private_dir, replacing
from .files import BriefFiles
from .html import render_html
from .model import BriefModel
from .pdf import render_pdf

__all__ = ["BriefFiles", "render_brief"]


def render_brief(model: BriefModel, out_dir: str | os.PathLike, *, paper: str = "letter",
                 stem: str = "brief") -> BriefFiles:
    """Write ``out_dir/brief.pdf`` (exactly one page, ``paper`` "letter" or "a4") and
    ``out_dir/brief.html`` (self-contained), both showing the same items and footnotes."""
    out = Path(out_dir)
    private_dir(out)
    pdf_path, html_path = out / f"{stem}.pdf", out / f"{stem}.html"
    # both drawn under temporary names and renamed into place at the end: an interrupted
    # run leaves the previous brief whole, never half a file or a PDF without its HTML
    with replacing(pdf_path) as pdf_tmp, replacing(html_path) as html_tmp:
        pdf = render_pdf(model, pdf_tmp, paper=paper)
        html = render_html(pdf.model or model, trimmed=pdf.trimmed, charts=pdf.charts,
                           paper=paper, columns=pdf.columns)
        html_tmp.write_text(html, encoding="utf-8")
    return BriefFiles(pdf_path, html_path, pdf.pages, pdf.trimmed_items, pdf.body_size,
                      dict(pdf.trimmed))
