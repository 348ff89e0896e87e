"""Footnote numbers and source-list lines, shared by the PDF and the HTML renderer.

Numbers are given in reading order of first citation over the model the renderers draw
(after trimming), so the PDF and the HTML of one render carry the same ``[n]`` for the
same source. Two sources with the same URL/file and section share a number.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from ..provenance import Source
from ..source_titles import shown_section, source_title, titles_by_url
from .model import BriefModel, Sources, as_sources

__all__ = ["Numbering", "SourceLine", "source_key", "source_line", "shorten_location"]


def source_key(source: Source) -> tuple[str, str]:
    """Sources that read the same share a number: a section only a program reads (an XBRL
    concept name) does not make a new footnote."""
    return (source.url, shown_section(source.section))


class Numbering:
    """Footnote numbers of one model."""

    def __init__(self, model: BriefModel) -> None:
        self._numbers: dict[tuple[str, str], int] = {}
        self.sources: list[Source] = []
        cited = list(model.cited_in_order())
        self.titles = titles_by_url(cited)
        """URL → title, for a cited source that has none of its own."""
        for source in cited:
            key = source_key(source)
            if key not in self._numbers:
                self.sources.append(source)
                self._numbers[key] = len(self.sources)

    def of(self, sources: Sources | Iterable[Source]) -> list[int]:
        """Sorted, distinct footnote numbers of one entry's sources."""
        keys = map(source_key, as_sources(sources))
        return sorted({self._numbers[k] for k in keys if k in self._numbers})

    def number(self, source: Source) -> int | None:
        return self._numbers.get(source_key(source))

    def __len__(self) -> int:
        return len(self.sources)


def shorten_location(url: str, limit: int = 44) -> str:
    """A short, recognisable form of a URL or path for print: host and last path segment
    ("sec.gov/…/bwtr-20251231.htm"), never longer than ``limit`` characters."""
    if url.startswith("user-provided:"):
        return "typed by you"
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        host = parts.netloc.removeprefix("www.")
        segments = [p for p in unquote(parts.path).split("/") if p]
        text = host
        if len(segments) == 1:
            text += "/" + segments[0]
        elif segments:
            text += "/…/" + segments[-1]
    else:
        path = unquote(parts.path) if parts.scheme == "file" else url
        text = path.replace("\\", "/")
        if len(text) > limit:
            text = "…/" + text.rstrip("/").rsplit("/", 1)[-1]
    if len(text) > limit:
        head = limit * 2 // 5
        text = text[:head] + "…" + text[-(limit - head - 1):]
    return text


@dataclass(frozen=True)
class SourceLine:
    number: int
    title: str
    """Title and section, e.g. "Brightwater 10-K FY2025, Item 1A"; may be empty."""
    location: str
    """Shortened URL or file name."""
    retrieved: str
    """YYYY-MM-DD."""
    url: str
    """The full URL (the HTML links it when it is http(s))."""


def source_line(number: int, source: Source, borrowed: dict[str, str] | None = None
                ) -> SourceLine:
    """The footnote line of one source; ``borrowed`` (URL → title, see
    :attr:`Numbering.titles`) names a source that has no title of its own."""
    title = source_title(source, borrowed)
    return SourceLine(number=number, title=title, location=shorten_location(source.url),
                      retrieved=(source.retrieved_at or "")[:10], url=source.url)
