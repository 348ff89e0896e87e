"""What writing a brief gives back: :class:`BriefFiles` (paths, page count, preview).

Apart from the renderers so that a stored brief reads back without importing them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["BriefFiles"]


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

    def with_preview(self) -> BriefFiles:
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
