"""The company's own website as a company source (``site = "https://…"``).

Marketing, but first-hand: what the company says it does, its facts (JSON-LD Organization,
meta tags, the footer), the people and places it names.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from ...provenance import Source, table_from_rows
from ..company import (
    DESCRIPTION_FACT,
    FACT_COLUMNS,
    PASSAGE_COLUMNS,
    PRESS_COLUMNS,
    CompanyIdentity,
    CompanySourceBase,
)

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
        """What the site states: what the company does (its own sentence), when it was
        founded, where it is, who leads it, its offices and offerings, then every
        organization fact (JSON-LD, meta tags, the footer)."""
        org = self.site.organization
        rows = []
        description = self.description()
        if description is not None:
            rows.append({**description, "fact": DESCRIPTION_FACT, "value": description["text"]})
        rows += self._profile_rows()
        rows += [dict(r) for r in org.to_dict("records")]
        return table_from_rows(rows, FACT_COLUMNS + ["method", "page_url"])

    def _profile_rows(self) -> list[dict]:
        from .about import full_name

        site, rows = self.site, []
        named = full_name(site.about.to_dict("records"), [self.target.name, *self._site_names()])
        if named is not None:
            rows.append({"fact": "full name", "value": named["value"],
                         "method": named.get("method"), **_source_columns(named)})
        founded = _founded(site)
        if founded is not None:
            rows.append(founded)
        locations = site.locations.to_dict("records")
        if locations:
            first = locations[0]
            where = ", ".join(str(x) for x in (first.get("city"), first.get("country")) if x)
            if where:
                rows.append({"fact": "headquarters", "value": where, "method": "locations",
                             **_source_columns(first)})
            if len(locations) > 1:
                cities = [str(r.get("city") or r.get("name")) for r in locations]
                rows.append({"fact": "offices", "value": f"{len(locations)}: "
                             + ", ".join(dict.fromkeys(cities)), "method": "locations",
                             **_source_columns(first)})
        leaders = [r for r in site.people.to_dict("records")
                   if re.search(r"\b(?:ceo|chief executive|president|founder|managing director|"
                                r"geschäftsführer)", str(r.get("title") or ""), re.I)]
        if leaders:
            lead = leaders[0]
            rows.append({"fact": "leader", "value": f"{lead['name']}, {lead['title']}",
                         "method": "people", **_source_columns(lead)})
        offerings = site.offerings.to_dict("records")
        if offerings:
            names = [str(r["name"]) for r in offerings[:4]]
            rows.append({"fact": "offerings", "value": f"{len(offerings)}: " + ", ".join(names)
                         + (" …" if len(offerings) > 4 else ""), "method": "offerings",
                         **_source_columns(offerings[0])})
        return rows

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


_FOUNDED = re.compile(r"\b(?:founded|established|incorporated|started|launched)\s+(?:in\s+)?"
                      r"((?:18|19|20)\d\d)\b|\bsince\s+((?:18|19|20)\d\d)\b", re.I)


def _founded(site: SiteResearch) -> dict | None:
    """The founding year: the site's JSON-LD foundingDate, else "Established in 2002" in
    its own words (About page first, then its history)."""
    org = site.organization
    declared = org[org["fact"] == "founding_date"]
    if len(declared):
        row = declared.iloc[0].to_dict()
        return {"fact": "founded", "value": str(row["value"])[:4], "method": row.get("method"),
                **_source_columns(row)}
    candidates = list(site.about.to_dict("records"))
    candidates += [{**r, "text": r["title"]} for r in site.news.to_dict("records")
                   if r["kind"] == "milestone"]
    for row in candidates:
        m = _FOUNDED.search(str(row.get("text") or ""))
        if m:
            return {"fact": "founded", "value": m.group(1) or m.group(2),
                    "method": "in its own words", **_source_columns(row)}
    return None
