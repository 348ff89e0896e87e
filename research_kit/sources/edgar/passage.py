"""A verbatim passage from a filing (:class:`Passage`), apart from the parsers that find it
so that a stored result reads back without importing them."""

from __future__ import annotations

from dataclasses import dataclass

from ...display import Panel
from ...provenance import Source

__all__ = ["Passage"]


@dataclass
class Passage:
    """Verbatim paragraphs from a filing, with where they came from."""

    title: str
    text: str
    start: int
    end: int
    source: Source | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    def to_panel(self) -> Panel:
        note = ""
        if self.source is not None:
            note = f"Source: {self.source.label()}"
            if self.source.title and self.source.url not in note:
                note += f" ({self.source.url})"
        return Panel(self.title, paragraphs=self.paragraphs, note=note)

    def _repr_html_(self) -> str:
        return self.to_panel()._repr_html_()

    def __str__(self) -> str:
        return self.text
