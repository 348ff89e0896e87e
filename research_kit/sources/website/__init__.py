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

from ..._lazy import lazy_exports

__all__ = ["SiteResearch", "research_site"]

# loaded on first use: `import research_kit.sources.website.jsonld` (job postings use it)
# must not bring the crawler and the HTTP stack with it
__getattr__, __dir__ = lazy_exports(__name__, {"SiteResearch": "site",
                                                "research_site": "research"})
