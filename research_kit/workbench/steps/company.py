"""Workbench steps: the company as SEC EDGAR records it (profile, financials, 10-K, 8-Ks).

Each step is one notebook cell. A company without a ticker (private, or foreign without a
US listing) gets a "not found" note with what to do instead (an annual report PDF named
``annual_report = "notes/report.pdf"`` in target.toml).
"""

from __future__ import annotations

from ...errors import InputError
from ..base import Missing, found, step


class CompanySteps:
    def _ticker(self) -> str:
        ticker = self.value("ticker")
        if not ticker:
            raise InputError("no ticker in target.toml (a private or non-US company?)",
                             suggestion='add ticker = "XYZ" (or a CIK); for a company that '
                                        'files no 10-K, save its annual report PDF and add '
                                        'annual_report = "notes/report.pdf"')
        return str(ticker)

    @step("company")
    def company(self):
        """The company's SEC identity: CIK, ticker, name."""
        from ...sources.edgar import resolve_company

        return resolve_company(self._ticker(), gateway=self.gateway)

    @step("company profile")
    def company_profile(self):
        """SEC's profile card: name, SIC, state, fiscal year end, addresses, former names."""
        from ...sources.edgar import company_profile

        company = self.company()
        return company_profile(company, gateway=self.gateway) if company else company

    @step("financials")
    def financials(self):
        """Annual financials from XBRL (one row per fiscal year and metric, each sourced)."""
        from ...sources.edgar import annual_financials

        company = self.company()
        return annual_financials(company, gateway=self.gateway) if company else company

    @step("financial ratios")
    def financial_ratios(self):
        """Revenue, growth, margins and R&D intensity per fiscal year."""
        from ...sources.edgar import financial_ratios

        fin = self.financials()
        return financial_ratios(fin) if fin is not None and not isinstance(fin, Missing) else fin

    def financials_chart(self):
        """Revenue and net income over the last ten fiscal years, with a sourced caption."""
        from ...sources.edgar import financials_chart

        fin = self.financials()
        return financials_chart(fin) if not isinstance(fin, Missing) else fin

    @step("annual report")
    def annual_report(self):
        """The latest 10-K split into Items (or the PDF named by ``annual_report``)."""
        pdf = self.value("annual_report")
        if pdf:
            from ...sources.annual_reports.pdf import read_annual_report_pdf

            return read_annual_report_pdf(self.ws.path / str(pdf))
        from ...sources.edgar import latest_10k

        company = self.company()
        return latest_10k(company, gateway=self.gateway) if company else company

    def _ten_k(self):
        report = self.annual_report()
        if isinstance(report, Missing):
            return report
        if hasattr(report, "ten_k"):  # a PDF annual report: its embedded 10-K, if any
            from ...errors import ParseError

            try:
                return report.ten_k()
            except ParseError:
                return Missing("annual report", "the annual report PDF holds no Form 10-K "
                                                "Items", "see research.annual_report() sections")
        return report

    @step("business overview")
    def business_overview(self):
        """The first paragraphs of the 10-K's Item 1, verbatim, with their source."""
        from ...sources.edgar import business_overview

        report = self._ten_k()
        if isinstance(report, Missing):
            return report
        return business_overview(report) or Missing("business overview",
                                                    "Item 1 of the 10-K has no text")

    @step("risk factors")
    def risk_factors(self):
        """The risk-factor headings of Item 1A (numbered, with their category)."""
        from ...sources.edgar import risk_factor_table

        report = self._ten_k()
        return report if isinstance(report, Missing) else risk_factor_table(report)

    @step("competitors named in the 10-K")
    def competitors_named(self):
        """Companies the 10-K's Competition passage names (a list of names)."""
        from ...sources.edgar import competitors_from_10k

        report = self._ten_k()
        return report if isinstance(report, Missing) else competitors_from_10k(report)

    @step("press releases")
    def press_releases(self):
        """Recent 8-K press releases (EX-99.1): date, title, first paragraph, link."""
        from ...sources.edgar import press_releases

        company = self.company()
        return press_releases(company, limit=5, gateway=self.gateway) if company else company

    @step(None)
    def company_findings(self):
        """Findings for the talking points from the company steps that ran."""
        from ...research.company.findings import company_findings
        from ...research.normalise import short_company

        profile = found(self.company_profile())
        return company_findings(ratios=found(self.financial_ratios()),
                                overview=found(self.business_overview()),
                                risks=found(self.risk_factors()), press=found(self.press_releases()),
                                company=short_company(profile.name) if profile else None)
