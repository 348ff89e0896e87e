"""Company website research: the pages that matter, their main text, facts and people.

    from research_kit.sources.website import research_site
    site = research_site("https://www.example.com")   # or a saved .html file
    site.pages, site.organization, site.people, site.locations, site.offerings
    site.to_panel()      # "What they say about themselves"
    site.to_dict()       # the `site` JSON of docs/cli.md

Modules: :mod:`.discover` (crawl), :mod:`.classify` (page kinds), :mod:`.sitemaps`,
:mod:`.domain` (registrable domain), :mod:`.document` (parsing), :mod:`.maintext`
(boilerplate removal), :mod:`.language`, :mod:`.organization` (JSON-LD/meta facts),
:mod:`.people`, :mod:`.locations`, :mod:`.offerings`, :mod:`.research`, :mod:`.panel`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["SiteResearch", "research_site"]


def __getattr__(name: str) -> Any:
    # loaded on first use: `import research_kit.sources.website.jsonld` (job postings use
    # it) must not bring the crawler and the HTTP stack with it
    if name in __all__:
        from . import research

        value = getattr(research, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
