"""The result of researching a website: :class:`SiteResearch` (tables, panel, JSON).

Apart from :mod:`.research` (the crawl and the extractors) so that reading a stored result
back needs this small module only, not the crawler, its parsers and the HTTP stack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["SiteResearch", "PAGE_COLUMNS", "SKIPPED_COLUMNS"]

PAGE_COLUMNS = ["kind", "title", "url", "text", "headings", "word_count", "language",
                "last_modified", "depth", "found_via"]
SKIPPED_COLUMNS = ["url", "kind", "reason"]

@dataclass
class SiteResearch:
    """What a company says about itself on its website, every row with its page.

    Tables (pandas DataFrames, fixed columns plus ``source_url, retrieved_at, section,
    from_cache``): ``pages``, ``organization`` (fact, value, method, page_url), ``people``,
    ``locations``, ``offerings``, ``skipped`` (pages we could not read, and why).
    """

    source: str
    domain: str
    pages: Any
    organization: Any
    people: Any
    locations: Any
    offerings: Any
    skipped: Any
    feeds: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    requests: int = 0
    news: Any = None
    """Dated items on the site's own pages (news, press, events, its history timeline)."""
    about: Any = None
    """What the company says it does, verbatim: About page, homepage, its declared
    description."""

    def __post_init__(self) -> None:
        from ...provenance import table_from_rows
        from .about import ABOUT_COLUMNS
        from .news import NEWS_COLUMNS

        if self.news is None:
            self.news = table_from_rows([], NEWS_COLUMNS)
        if self.about is None:
            self.about = table_from_rows([], ABOUT_COLUMNS)

    def organization_dict(self) -> dict[str, Any]:
        from .organization import facts_to_dict

        return facts_to_dict(self.organization.to_dict("records"))

    def to_dict(self) -> dict[str, Any]:
        """The ``site`` object of docs/cli.md (plus a few extra fields)."""
        def records(df, cols):
            return [{c: _plain(row.get(c)) for c in cols} for row in df.to_dict("records")]

        return {
            "source": self.source,
            "domain": self.domain,
            "pages": records(self.pages, ["url", "kind", "title", "text", "headings",
                                          "word_count", "language", "last_modified"]),
            "organization": self.organization_dict(),
            "people": records(self.people, ["name", "title", "url"]),
            "locations": records(self.locations, ["name", "address", "city", "country",
                                                  "telephone", "page_url"]),
            "offerings": records(self.offerings, ["name", "category", "url"]),
            "feeds": list(self.feeds),
            "skipped": records(self.skipped, SKIPPED_COLUMNS),
        }

    def to_panel(self):
        """The notebook's "What they say about themselves" panel (escaped; see display)."""
        from .panel import site_panel

        return site_panel(self)

    def _repr_html_(self) -> str:
        # in a notebook the result shows as its (escaped) panel, never as page HTML
        return self.to_panel()._repr_html_()

    def __repr__(self) -> str:
        return (f"SiteResearch({self.source!r}: {len(self.pages)} pages, "
                f"{len(self.organization)} facts, {len(self.people)} people, "
                f"{len(self.locations)} locations, {len(self.offerings)} offerings, "
                f"{len(self.skipped)} skipped)")


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if hasattr(value, "item") and not isinstance(value, (list, str)):
        try:
            return value.item()
        except (ValueError, AttributeError):
            return value
    return value
