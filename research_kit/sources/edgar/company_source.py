"""SEC EDGAR as a company source (a US public company: ticker or CIK in target.toml)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ...provenance import SOURCE_COLUMNS, table_from_rows
from ..company import (
    COMPETITOR_COLUMNS,
    FACT_COLUMNS,
    FIGURE_COLUMNS,
    PRESS_COLUMNS,
    CompanyIdentity,
    CompanySourceBase,
    empty_passages,
)

if TYPE_CHECKING:
    import pandas as pd

    from .identify import CompanyId
    from .sections import AnnualReport
    from .submissions import CompanyProfile

__all__ = ["EdgarCompanySource"]


class EdgarCompanySource(CompanySourceBase):
    key = "edgar"
    label = "SEC EDGAR"

    @cached_property
    def company(self) -> CompanyId:
        """SEC's identity for the ticker (or CIK): raises when SEC does not know it."""
        from .identify import resolve_company

        return resolve_company(str(self.target.ticker), gateway=self.gateway)

    @cached_property
    def profile(self) -> CompanyProfile:
        from .submissions import company_profile

        return company_profile(self.company, gateway=self.gateway)

    @cached_property
    def report(self) -> AnnualReport:
        from .latest import latest_10k

        return latest_10k(self.company, gateway=self.gateway)

    def identity(self) -> CompanyIdentity:
        company = self.company
        ids = {"cik": company.cik10}
        if company.ticker:
            ids["ticker"] = company.ticker
        return CompanyIdentity(company.name, ids, self.profile.source)

    def facts(self) -> pd.DataFrame:
        profile = self.profile
        values: list[tuple[str, Any]] = [
            ("legal name", profile.name),
            ("industry (SIC)", f"{profile.sic} {profile.sic_description}".strip()
             if profile.sic else None),
            ("state of incorporation", profile.state_of_incorporation),
            ("fiscal year end", profile.fiscal_year_end),
            ("business address", profile.business_address),
            ("website", profile.website),
            ("tickers", ", ".join(profile.tickers) if profile.tickers else None),
        ]
        rows = [{"fact": k, "value": v, "source": profile.source} for k, v in values if v]
        return table_from_rows(rows, FACT_COLUMNS)

    def annual_figures(self) -> pd.DataFrame:
        from .financials import annual_financials

        fin = annual_financials(self.company, gateway=self.gateway)
        keep = FIGURE_COLUMNS + [c for c in fin.columns if c not in FIGURE_COLUMNS]
        return fin.reindex(columns=keep)

    def annual_report(self) -> AnnualReport:
        return self.report

    def competitors(self) -> pd.DataFrame:
        return self.competitors_in(self.report, registrant_names=self.registrant_names())

    def registrant_names(self) -> list[str] | None:
        """SEC's registrant names (already fetched to resolve the ticker): extra evidence
        for the competitor reader; None when they cannot be had."""
        from ...errors import ResearchKitError
        from .identify import company_index

        try:
            return [title for _cik, _ticker, title in company_index(gateway=self.gateway).rows]
        except ResearchKitError:
            return None

    @staticmethod
    def competitors_in(report: AnnualReport, *,
                       registrant_names: Iterable[str] | None = None) -> pd.DataFrame:
        """The competitors a 10-K names, one row each, with the sentence that first names it
        (its quote) and the section it is in."""
        from .competitors import competitor_mentions

        mentions = competitor_mentions(report, registrant_names=registrant_names)
        first = mentions.drop_duplicates("name", keep="first").reset_index(drop=True)
        return first.reindex(columns=COMPETITOR_COLUMNS + SOURCE_COLUMNS)

    @cached_property
    def press(self) -> pd.DataFrame:
        from .press import press_releases

        return press_releases(self.company, limit=5, gateway=self.gateway)

    def press_releases(self) -> pd.DataFrame:
        table = self.press.rename(columns={"first_paragraph": "summary"})
        keep = PRESS_COLUMNS + [c for c in table.columns if c not in PRESS_COLUMNS]
        return table.reindex(columns=keep)

    def passages(self) -> pd.DataFrame:
        """Items 1 and 7 of the latest 10-K, then recent press releases. A part that
        cannot be had (offline, not cached) is left out; the others still count."""
        import pandas as pd

        from ...errors import ResearchKitError
        from .passages import press_passages, report_passages

        tables = []
        for part in (lambda: report_passages(self.report), lambda: press_passages(self.press)):
            try:
                tables.append(part())
            except ResearchKitError:
                continue
        tables = [t for t in tables if len(t)]
        return pd.concat(tables, ignore_index=True) if tables else empty_passages()
