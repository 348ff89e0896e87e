"""One call for both outputs: ``render_brief(model, out_dir)`` → brief.pdf + brief.html."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .html import render_html
from .model import BriefModel
from .pdf import render_pdf

__all__ = ["BriefFiles", "render_brief"]


@dataclass(frozen=True)
class BriefFiles:
    pdf_path: Path
    html_path: Path
    pages: int
    """Always 1."""
    trimmed_items: int
    """How many lower-ranked items were left out to fit one page (0 = everything shown)."""
    body_size: float = 0.0
    """Body text size the PDF was fitted at, in points."""
    trimmed: dict[str, int] = field(default_factory=dict)
    """Per section key, how many items were left out."""
    preview: bytes | None = field(default=None, repr=False, compare=False)
    """The page as PNG, when already drawn (see :meth:`with_preview`)."""

    def __str__(self) -> str:
        from ..provenance import display_path

        note = f", {self.trimmed_items} items trimmed" if self.trimmed_items else ""
        return (f"{display_path(self.pdf_path)} ({self.pages} page{note})\n"
                f"{display_path(self.html_path)}")

    __repr__ = __str__

    def preview_png(self, dpi: int = 60) -> bytes:
        """The PDF's page as PNG bytes (pypdfium2), for a look without leaving Jupyter."""
        import io

        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(str(self.pdf_path))
        try:
            image = doc[0].render(scale=dpi / 72).to_pil()
        finally:
            doc.close()
        buffer = io.BytesIO()
        image.save(buffer, format="PNG", optimize=True)
        return buffer.getvalue()

    def with_preview(self) -> "BriefFiles":
        """A copy that carries its preview, so that showing it again needs no PDF renderer
        (the workbench keeps it with the stored results of the run that wrote the brief)."""
        import dataclasses

        try:
            return dataclasses.replace(self, preview=self.preview_png())
        except (ImportError, OSError, ValueError, RuntimeError):
            return self

    def _repr_html_(self) -> str:
        import base64

        from ..display import escape
        from ..provenance import display_path

        note = f" · {self.trimmed_items} lower-ranked items left for the notebook" \
            if self.trimmed_items else ""
        try:
            image = base64.b64encode(self.preview or self.preview_png()).decode("ascii")
            preview = (f"<img alt='brief preview' style='max-width:520px;border:1px solid #ccc'"
                       f" src='data:image/png;base64,{image}'>")
        except (ImportError, OSError, ValueError, RuntimeError):  # PdfiumError is a RuntimeError
            # a preview is a nicety: the files are written; say so rather than fail the cell
            preview = ""
        return (f"<div><b>Brief written</b> ({self.pages} page{escape(note)}):<br>"
                f"<code>{escape(display_path(self.pdf_path))}</code> · "
                f"<code>{escape(display_path(self.html_path))}</code><br>{preview}</div>")


def render_brief(model: BriefModel, out_dir: str | os.PathLike, *, paper: str = "letter",
                 stem: str = "brief") -> BriefFiles:
    """Write ``out_dir/brief.pdf`` (exactly one page, ``paper`` "letter" or "a4") and
    ``out_dir/brief.html`` (self-contained), both showing the same items and footnotes."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    pdf = render_pdf(model, out / f"{stem}.pdf", paper=paper)
    html = render_html(pdf.model or model, trimmed=pdf.trimmed, charts=pdf.charts, paper=paper)
    html_path = out / f"{stem}.html"
    html_path.write_text(html, encoding="utf-8")
    return BriefFiles(pdf.path, html_path, pdf.pages, pdf.trimmed_items, pdf.body_size,
                      dict(pdf.trimmed))
