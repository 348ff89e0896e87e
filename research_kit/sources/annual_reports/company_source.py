"""An annual report PDF as a company source (``annual_report = "notes/report.pdf"``).

For companies that file nothing with the SEC: a non-US listed company, a private company
that publishes a report, a university or public body.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ...errors import ParseError
from ...provenance import table_from_rows
from ..company import COMPETITOR_COLUMNS, CompanyIdentity, CompanySourceBase

if TYPE_CHECKING:
    import pandas as pd

    from ..edgar.sections import AnnualReport
    from .pdf import PdfAnnualReport

__all__ = ["PdfReportSource"]


class PdfReportSource(CompanySourceBase):
    key = "annual_report"
    label = "annual report (PDF)"

    @cached_property
    def report(self) -> PdfAnnualReport:
        from .pdf import read_annual_report_pdf

        assert self.target.annual_report is not None  # the registry picks us only then
        return read_annual_report_pdf(self.target.annual_report)

    @cached_property
    def ten_k(self) -> AnnualReport | None:
        """The Form 10-K inside the PDF, when it holds one (many US glossy reports do)."""
        try:
            return self.report.ten_k()
        except ParseError:
            return None

    def identity(self) -> CompanyIdentity:
        return CompanyIdentity(self.target.name, {}, self.report.source)

    def annual_report(self) -> PdfAnnualReport | AnnualReport:
        return self.ten_k if self.ten_k is not None else self.report

    def competitors(self) -> pd.DataFrame:
        if self.ten_k is None:
            return table_from_rows([], COMPETITOR_COLUMNS)
        from ..edgar.company_source import EdgarCompanySource

        return EdgarCompanySource.competitors_in(self.ten_k)
