"""The fixture annual reports, read once per test session (reading PMI takes a second)."""

from __future__ import annotations

import functools

from conftest import fixture_path

from research_kit.sources.annual_reports.pdf import read_annual_report_pdf

HAAGA = ("reports", "haaga-helia_annual_report_2022.pdf")
MSFT = ("reports", "microsoft_2023_annual_report.pdf")
PMI = ("reports", "pmi_2022_annual_report.pdf")
SHOE_19 = ("reports", "annual_reports_more", "StandardShoeSole_IN_AnnualReport_FY2018-19.pdf")
SHOE_20 = ("reports", "annual_reports_more", "StandardShoeSole_IN_AnnualReport_FY2019-20.pdf")
SHOE_23 = ("reports", "annual_reports_more", "StandardShoeSole_IN_AnnualReport_FY2022-23.pdf")
ALL = (HAAGA, MSFT, PMI, SHOE_19, SHOE_20, SHOE_23)


@functools.cache
def _read(path: str):
    return read_annual_report_pdf(path)


def report(parts: tuple[str, ...]):
    """The fixture's report (skips the test when the fixture is absent)."""
    return _read(str(fixture_path(*parts)))


def figure(rep, metric: str) -> dict:
    table = rep.key_figures()
    rows = table[table["metric"] == metric].to_dict("records")
    assert rows, f"no {metric} in {table['metric'].tolist()}"
    return rows[0]
