"""The company's own website as a company source (``site = "https://…"``).

Marketing, but first-hand: what the company says it does, its facts (JSON-LD Organization,
meta tags, the footer), the people and places it names.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ...provenance import Source, table_from_rows
from ..company import FACT_COLUMNS, PASSAGE_COLUMNS, PRESS_COLUMNS, CompanyIdentity, CompanySourceBase

if TYPE_CHECKING:
    import pandas as pd

    from .site import SiteResearch

__all__ = ["WebsiteCompanySource"]


class WebsiteCompanySource(CompanySourceBase):
    key = "website"
    label = "company website"

    @cached_property
    def site(self) -> SiteResearch:
        from .research import research_site

        assert self.target.site  # the registry picks us only then
        return research_site(self.target.site, gateway=self.gateway)

    def identity(self) -> CompanyIdentity | None:
        facts = self.facts()
        names = facts[facts["fact"].isin(["legal_name", "name"])]
        if names.empty:
            return None
        row = names.iloc[0]
        return CompanyIdentity(str(row["value"]), {"site": self.site.domain},
                               Source.from_row(row, title="Company website"))

    def facts(self) -> pd.DataFrame:
        org = self.site.organization
        rows = [dict(r) for r in org.to_dict("records")]
        description = self.description()
        if description is not None:
            rows.insert(0, {**description, "fact": "what they do", "value": description["text"]})
        return table_from_rows(rows, FACT_COLUMNS + ["method", "page_url"])

    def description(self) -> dict | None:
        """The sentence that best says what the company does, in its own words (a row of
        the site's ``about`` table, its text cut to that sentence), or None."""
        from .about import best_description

        return best_description(self.site.about.to_dict("records"),
                                [self.target.name, *self._site_names()])

    def _site_names(self) -> list[str]:
        org = self.site.organization
        return [str(v) for v in org[org["fact"].isin(["name", "legal_name",
                                                      "alternate_name"])]["value"]]

    def press_releases(self) -> pd.DataFrame:
        """Dated news, press and event items on the site's own pages, newest first."""
        news = self.site.news
        rows = [{"date": r["date"], "title": r["title"], "summary": "", "url": r["url"],
                 "kind": r["kind"], **_source_columns(r)}
                for r in news.to_dict("records") if r["date"]]
        return table_from_rows(rows, PRESS_COLUMNS + ["kind"])

    def passages(self) -> pd.DataFrame:
        """The About page, homepage and declared description (kind "about"), and every
        dated or announced item (kind "news", the headline as its text)."""
        rows = []
        for r in self.site.about.to_dict("records"):
            rows.append({"kind": "about", "title": f"{self.target.name} website, {r['method']}",
                         "date": "", "text": r["text"], **_source_columns(r)})
        for r in self.site.news.to_dict("records"):
            if r["kind"] in ("advertisement", "video"):
                continue
            rows.append({"kind": "news", "title": f"{self.target.name} website, {r['kind']}",
                         "date": r["date"], "text": r["title"], **_source_columns(r)})
        return table_from_rows(rows, PASSAGE_COLUMNS)


def _source_columns(row: dict) -> dict:
    return {k: row.get(k) for k in ("source_url", "retrieved_at", "section", "from_cache")}
