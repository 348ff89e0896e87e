"""The company's own website as a company source (``site = "https://…"``).

Marketing, but first-hand: what the company says it does, its facts (JSON-LD Organization,
meta tags, the footer), the people and places it names.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ...provenance import Source, table_from_rows
from ..company import FACT_COLUMNS, CompanyIdentity, CompanySourceBase

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
        return table_from_rows(rows, FACT_COLUMNS + ["method", "page_url"])
