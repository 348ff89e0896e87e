"""Workbench steps: the company — identity, profile, financials, annual report, press.

The steps ask the company sources this workspace has (:mod:`.sources`): SEC EDGAR for a
ticker, a PDF named by ``annual_report``, the website. Steps that only SEC can answer (the
SEC profile card, XBRL ratios) say so when there is no ticker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...errors import InputError
from ..step import Missing, found, step
from .website import WebsiteSteps

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

    from ...research.talking_points import Finding
    from ...sources.annual_reports.pdf import PdfAnnualReport
    from ...sources.edgar.company_source import EdgarCompanySource
    from ...sources.edgar.identify import CompanyId
    from ...sources.edgar.passage import Passage
    from ...sources.edgar.sections import AnnualReport
    from ...sources.edgar.submissions import CompanyProfile

__all__ = ["CompanySteps"]

_NO_TICKER = InputError("no ticker in target.toml (a private or non-US company?)",
                        suggestion='add ticker = "XYZ" (or a CIK); for a company that files '
                                   'no 10-K, save its annual report PDF and add '
                                   'annual_report = "notes/report.pdf"')


class CompanySteps(WebsiteSteps):
    def _edgar(self) -> EdgarCompanySource:
        source: EdgarCompanySource | None = self.company_source("edgar")
        if source is None:
            raise InputError(_NO_TICKER.message, suggestion=_NO_TICKER.suggestion)
        return source

    @step("company")
    def company(self) -> CompanyId | Missing:
        """The company's SEC identity: CIK, ticker, name."""
        return self._edgar().company

    @step("company profile")
    def company_profile(self) -> CompanyProfile | Missing:
        """SEC's profile card: name, SIC, state, fiscal year end, addresses, former names."""
        return self._edgar().profile

    def company_name(self) -> str:
        """The company's name as its best source writes it (SEC, the site), else the
        workspace's."""
        from ...errors import ResearchKitError

        for source in self.company_sources():
            try:
                identity = source.identity()
            except ResearchKitError:
                continue
            if identity is not None and identity.name:
                return identity.name
        return self.ws.name

    @step("company facts")
    def company_facts(self) -> pd.DataFrame:
        """Profile facts from every company source (fact, value, with its source)."""
        import pandas as pd

        from ...errors import ResearchKitError
        from ...sources.company import empty_facts

        tables = []
        for source in self.company_sources():
            try:
                tables.append(source.facts())
            except ResearchKitError:
                continue
        tables = [t for t in tables if len(t)]
        return pd.concat(tables, ignore_index=True) if tables else empty_facts()

    @step("financials")
    def financials(self) -> pd.DataFrame | Missing:
        """Annual financials (one row per fiscal year and metric, each sourced)."""
        if not self.company_sources():
            raise InputError(_NO_TICKER.message, suggestion=_NO_TICKER.suggestion)
        figures = self._first_answer("annual_figures")
        if figures is None:
            return Missing("financials", "no company source gives annual figures",
                           'add ticker = "XYZ" for a US public company')
        result: pd.DataFrame = figures
        return result

    @step("financial ratios")
    def financial_ratios(self) -> pd.DataFrame | Missing:
        """Revenue, growth, margins and R&D intensity per fiscal year."""
        from ...sources.edgar import financial_ratios

        fin = self.financials()
        if isinstance(fin, Missing):
            return fin
        if "cik" not in fin.columns:  # an annual report's figures: shown as printed instead
            return Missing("financial ratios", "ratios are computed from SEC XBRL figures; "
                           "the annual report's own figures are in research.financials()")
        return financial_ratios(fin)

    def financials_chart(self) -> Figure | Missing:
        """Revenue and net income over the last ten fiscal years, with a sourced caption."""
        from ...sources.edgar import financials_chart

        fin = self.financials()
        if isinstance(fin, Missing) or "cik" not in fin.columns:
            return self.financial_ratios() if not isinstance(fin, Missing) else fin
        return financials_chart(fin)

    @step("annual report")
    def annual_report(self) -> AnnualReport | PdfAnnualReport | Missing:
        """The latest annual report split into sections: the PDF named by ``annual_report``
        when there is one (its 10-K Items if it holds a 10-K), else the latest 10-K."""
        if not self.company_sources():
            raise InputError(_NO_TICKER.message, suggestion=_NO_TICKER.suggestion)
        report = self._first_answer("annual_report", prefer=("annual_report",))
        if report is None:
            return Missing("annual report", "no company source gives an annual report",
                           'add ticker = "XYZ", or annual_report = "notes/report.pdf"')
        return report

    def _ten_k(self) -> AnnualReport | Missing:
        from ...sources.edgar.sections import AnnualReport

        report = self.annual_report()
        if isinstance(report, Missing) or isinstance(report, AnnualReport):
            return report
        return Missing("annual report", "the annual report PDF holds no Form 10-K Items",
                       "see research.annual_report() sections")

    @step("business overview")
    def business_overview(self) -> Passage | Missing:
        """The first paragraphs of the 10-K's Item 1, verbatim, with their source."""
        from ...sources.edgar import business_overview

        report = self._ten_k()
        if isinstance(report, Missing):
            return report
        return business_overview(report) or Missing("business overview",
                                                    "Item 1 of the 10-K has no text")

    @step("risk factors")
    def risk_factors(self) -> pd.DataFrame | Missing:
        """The risk-factor headings of Item 1A (numbered, with their category)."""
        from ...sources.edgar import risk_factor_table

        report = self._ten_k()
        return report if isinstance(report, Missing) else risk_factor_table(report)

    @step("competitors named in the 10-K")
    def competitor_quotes(self) -> pd.DataFrame | Missing:
        """Each competitor the 10-K names, once (its first mention): name, the sentence
        that names it, and the section it sits in (Item 1's Competition part, Item 1A or
        Item 7) as its source. SEC's registrant names serve as extra evidence when the
        company is an SEC filer."""
        from ...sources.edgar.company_source import EdgarCompanySource

        report = self._ten_k()
        if isinstance(report, Missing):
            return report
        edgar: EdgarCompanySource | None = self.company_source("edgar")
        names = edgar.registrant_names() if edgar is not None else None
        return EdgarCompanySource.competitors_in(report, registrant_names=names)

    def competitors_named(self) -> list[str] | Missing:
        """Companies the 10-K names as competitors (a list of names, in order of first
        mention); :meth:`competitor_quotes` has the sentence and section of each."""
        mentions = self.competitor_quotes()
        return mentions if isinstance(mentions, Missing) else list(mentions["name"])

    def competition_source(self) -> Any:
        """The Source of the 10-K's Competition passage, when it has one."""
        from ...sources.edgar import competition_passage

        report = found(self._ten_k())
        passage = competition_passage(report) if report is not None else None
        return passage.source if passage is not None else None

    @step("press releases")
    def press_releases(self) -> pd.DataFrame | Missing:
        """Recent press releases (8-K EX-99.1 for SEC filers): date, title, summary, link."""
        return self._edgar().press_releases()

    @step("news")
    def news(self) -> pd.DataFrame | Missing:
        """Newsroom feed (discovered on the site), your feeds and press releases, merged."""
        from ...sources.news import read_news

        site = self.value("site")
        feeds = self.listing("feeds")
        press = found(self.press_releases())
        if not (site or feeds) and press is None:
            return Missing("news", "no site, feeds or press releases to read",
                           'add site = "https://…" or feeds = ["https://…/feed.xml"]')
        return read_news(feeds, site=site, press_releases=press, gateway=self.gateway)

    @step(None)
    def passages(self) -> pd.DataFrame:
        """Everything the company sources say in prose (10-K Items 1 and 7, press releases,
        the annual report's sections, the website's About and news), paragraph by
        paragraph, verbatim, each with its kind, date and source; plus the news feeds."""
        import pandas as pd

        from ...errors import ResearchKitError
        from ...sources.company import empty_passages

        tables = []
        for source in self.company_sources():
            try:
                tables.append(source.passages())
            except ResearchKitError:
                continue
        news = found(self.news())
        if news is not None and len(news):
            tables.append(_news_passages(news))
        tables = [t for t in tables if len(t)]
        return pd.concat(tables, ignore_index=True) if tables else empty_passages()

    @step(None)
    def company_findings(self) -> list[Finding]:
        """Findings for the talking points from the company steps that ran."""
        from ...research.company.findings import company_findings
        from ...research.normalize import short_company

        profile = found(self.company_profile())
        return company_findings(ratios=found(self.financial_ratios()),
                                overview=found(self.business_overview()),
                                risks=found(self.risk_factors()),
                                press=found(self.press_releases()),
                                company=short_company(profile.name) if profile else None)


def _news_passages(news: pd.DataFrame) -> pd.DataFrame:
    """Feed items (title and summary, dated) as passages of kind "news"; 8-K items are
    already passages of their own source."""
    from ...provenance import table_from_rows
    from ...sources.company import PASSAGE_COLUMNS

    rows = []
    for rec in news.to_dict("records"):
        if "8-K" in str(rec.get("feed") or ""):
            continue
        text = " ".join(str(x) for x in (rec.get("title"), rec.get("summary")) if x)
        rows.append({"kind": "news", "title": str(rec.get("feed") or "news feed"),
                     "date": str(rec.get("date") or "")[:10], "text": text,
                     "source_url": rec.get("link") or rec.get("source_url"),
                     "retrieved_at": rec.get("retrieved_at"), "section": rec.get("title"),
                     "from_cache": rec.get("from_cache")})
    return table_from_rows(rows, PASSAGE_COLUMNS)
