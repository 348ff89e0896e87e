"""An annual report PDF as a company source (``annual_report = "notes/report.pdf"``).

For organisations that file nothing with the SEC: a non-US listed company (IFRS, Ind AS …),
a private company that publishes a report, a university or public body. What it gives:

* ``identity()`` — the name the report prints most (not a garbled cover line), else the
  workspace's name;
* ``facts()`` — name, reporting period, what it does (verbatim), employees, founded,
  headquarters / registered office, listing — each with its quote and page;
* ``annual_figures()`` — revenue, operating income, net income and employees for the
  report's year, as printed and in base units, with currency, scale, period, page, the
  row or sentence quoted, the prior-year comparative and notes (see :mod:`.figures`);
* ``competitors()`` — companies the report names as competitors, each with its sentence;
* ``passages()`` — the prose of the letter, strategy, review, people, market, outlook and
  risk sections, paragraph by paragraph;
* ``warnings`` — pages that could not be read and why, figures the report contradicts
  itself on.

A PDF that holds a Form 10-K also gives the 10-K's Items (``annual_report()``).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ParseError
from ...provenance import table_from_rows
from ..company import COMPETITOR_COLUMNS, FACT_COLUMNS, CompanyIdentity, CompanySourceBase

if TYPE_CHECKING:
    import pandas as pd

    from ..edgar.sections import AnnualReport
    from .report import PdfAnnualReport

__all__ = ["PdfReportSource"]


class PdfReportSource(CompanySourceBase):
    key = "annual_report"
    label = "annual report (PDF)"

    @property
    def path(self) -> Path:
        assert self.target.annual_report is not None  # the registry picks us only then
        path = Path(self.target.annual_report).expanduser()
        if not path.is_absolute() and self.target.workspace is not None:
            path = Path(self.target.workspace) / path
        return path

    @cached_property
    def report(self) -> PdfAnnualReport:
        from .report import read_annual_report_pdf

        return read_annual_report_pdf(self.path, name=self.target.name)

    @cached_property
    def ten_k(self) -> AnnualReport | None:
        """The Form 10-K inside the PDF, when it holds one (many US glossy reports do)."""
        try:
            return self.report.ten_k()
        except ParseError:
            return None

    @property
    def warnings(self) -> list[str]:
        """What could not be read (pages and why) and what the report contradicts itself on."""
        return self.report.warnings

    def identity(self) -> CompanyIdentity:
        name = self.report.company or self.target.name
        where = "name as printed in the report" if self.report.company else "workspace name"
        return CompanyIdentity(name, {}, self.report.source_at(where))

    def facts(self) -> pd.DataFrame:
        from .profile import profile_facts

        report = self.report
        rows = []
        for fact in profile_facts(report):
            place = fact.pop("place")
            where = f"{place} (p. {fact['page']})" if fact.get("page") else place
            rows.append({**fact, "source": report.source_at(where)})
        figures = report.key_figures()
        for rec in figures[figures["metric"] == "employees"].to_dict("records"):
            value = f"{rec['value_as_printed']} {rec['unit']}".strip()
            if rec.get("period"):
                value += f" ({rec['period']})"
            rows.append({"fact": "employees", "value": value, "quote": rec["quote"],
                         "page": rec["page"], "section": rec["section"],
                         "source_url": rec["source_url"], "retrieved_at": rec["retrieved_at"],
                         "from_cache": rec["from_cache"]})
        return table_from_rows(rows, FACT_COLUMNS + ["quote", "page"])

    def annual_figures(self) -> pd.DataFrame:
        return self.report.key_figures()

    def annual_report(self) -> PdfAnnualReport | AnnualReport:
        return self.ten_k if self.ten_k is not None else self.report

    def competitors(self) -> pd.DataFrame:
        from .profile import competitor_rows

        report = self.report
        rows = []
        for row in competitor_rows(report):
            place = row.pop("place")
            rows.append({**row, "source": report.source_at(f"{place} (p. {row['page']})")})
        if not rows and self.ten_k is not None:
            from ..edgar.company_source import EdgarCompanySource

            return EdgarCompanySource.competitors_in(self.ten_k)
        return table_from_rows(rows, COMPETITOR_COLUMNS + ["page"])

    def passages(self) -> pd.DataFrame:
        from .prose import report_passages

        return report_passages(self.report)
