"""The rules on a report none of them were written against: a small Nordic-style report made
here (EUR, decimal commas, spaces grouping thousands, EBIT, "attributable to owners of the
parent"), so that a rule keyed to one fixture would show."""

from __future__ import annotations

import pytest

from research_kit.sources.annual_reports.company_source import PdfReportSource
from research_kit.sources.company import CompanyTarget


def _write(path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) makes the test PDF")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)

    def page(lines):
        pdf.add_page()
        y = 20.0
        for text, style, size in lines:
            if text is None:
                y += 6
                continue
            pdf.set_font("helvetica", style=style, size=size)
            pdf.set_xy(20, y)
            pdf.cell(text=text)
            y += size * 0.55

    page([("Nordic Widgets Oyj", "B", 22), (None, "", 0), ("Annual Report 2023", "", 16)])
    page([("Contents", "B", 14), (None, "", 0),
          ("CEO's review ........................................ 3", "", 11),
          ("Strategy ............................................ 3", "", 11),
          ("Outlook for 2024 .................................... 4", "", 11),
          ("Consolidated income statement ....................... 5", "", 11)])
    page([("CEO's review", "B", 14), (None, "", 0),
          ("Nordic Widgets Oyj is a leading manufacturer of industrial widgets for the", "", 11),
          ("construction and shipbuilding industries in Northern Europe.", "", 11), (None, "", 0),
          ("In 2023, revenue was EUR 1 512,3 million (1 480,1), and operating profit (EBIT)", "", 11),
          ("was EUR 45,6 million (40,2). At the end of the year, the Group had 1 250", "", 11),
          ("employees (1 180).", "", 11), (None, "", 0),
          ("Our main competitors include Acme Widgets AB and Widgetco GmbH, as well as", "", 11),
          ("several smaller local manufacturers.", "", 11), (None, "", 0),
          ("Strategy", "B", 14), (None, "", 0),
          ("We focus on energy-efficient widgets and on growing our service business in", "", 11),
          ("Germany and Poland.", "", 11)])
    page([("Outlook for 2024", "B", 14), (None, "", 0),
          ("We expect revenue to grow in 2024, and the operating margin to improve as the", "", 11),
          ("new plant in Tampere reaches full capacity.", "", 11)])
    page([("Consolidated income statement", "B", 14), ("EUR million", "", 10),
          ("2023 2022", "B", 10), ("Revenue 1 512,3 1 480,1", "", 10),
          ("Cost of sales -1 401,2 -1 380,0", "", 10), ("Operating profit (EBIT) 45,6 40,2", "", 10),
          ("Profit for the year attributable to owners of the parent 30,1 28,0", "", 10),
          ("Profit for the year attributable to non-controlling interests 1,2 1,0", "", 10)])
    pdf.output(str(path))


def test_a_report_the_rules_were_not_written_against(tmp_path):
    path = tmp_path / "nordic.pdf"
    _write(path)
    source = PdfReportSource(CompanyTarget(name="Nordic Widgets", annual_report=path))
    report = source.report
    assert [(s.title, s.kind) for s in report.sections if s.from_contents] == [
        ("Contents", "other"), ("CEO's review", "letter"), ("Strategy", "strategy"),
        ("Outlook for 2024", "outlook"), ("Consolidated income statement", "financial_statements")]
    figures = {r["metric"]: r for r in source.annual_figures().to_dict("records")}
    assert figures["revenue"]["value"] == pytest.approx(1512.3e6)
    assert figures["revenue"]["value_as_printed"] == "1 512,3" and figures["revenue"]["page"] == 5
    assert figures["revenue"]["prior_value"] == pytest.approx(1480.1e6)
    assert (figures["revenue"]["unit"], figures["revenue"]["scale"]) == ("EUR", "million")
    assert figures["operating_income"]["value"] == pytest.approx(45.6e6)
    assert figures["operating_income"]["basis"] == "Operating profit (EBIT)"
    assert figures["net_income"]["value"] == pytest.approx(30.1e6)
    assert figures["employees"]["value"] == 1250 and figures["employees"]["page"] == 3
    assert report.warnings == []  # the sentence and the statement agree
    assert source.identity().name == "Nordic Widgets Oyj"
    assert source.competitors()["name"].tolist() == ["Acme Widgets AB", "Widgetco GmbH"]
    facts = source.facts()
    assert facts[facts["fact"] == "what it does"]["value"].iloc[0].startswith(
        "Nordic Widgets Oyj is a leading manufacturer of industrial widgets")
    assert set(source.passages()["kind"]) == {"letter", "strategy", "outlook"}


def _write_uk(path) -> None:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) makes the test PDF")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(False)

    def page(lines):
        pdf.add_page()
        y = 20.0
        for text, style, size in lines:
            if text is None:
                y += 6
                continue
            pdf.set_font("helvetica", style=style, size=size)
            pdf.set_xy(20, y)
            pdf.cell(text=text)
            y += size * 0.55

    page([("Brightstone plc", "B", 22), ("Annual Report and Accounts 2023", "", 16)])
    page([("Chair's statement", "B", 14), (None, "", 0),
          ("Brightstone plc is a UK-based supplier of building stone and aggregates to the", "", 11),
          ("housing and infrastructure markets.", "", 11), (None, "", 0),
          ("Group revenue increased by 6% to £412.5m (2022: £389.1m). Operating profit was", "", 11),
          ("£51.2m (2022: £47.9m).", "", 11), (None, "", 0),
          ("Principal risks", "B", 14), (None, "", 0),
          ("Demand for new housing depends on interest rates and on government support for", "", 11),
          ("home buyers, which could change.", "", 11)])
    page([("Consolidated income statement", "B", 14), ("for the year ended 31 December 2023", "", 10),
          ("2023 2022", "B", 10), ("£m £m", "B", 10),
          ("Revenue 412.5 389.1", "", 10), ("Operating profit 51.2 47.9", "", 10),
          ("Profit before tax 48.0 45.1", "", 10), ("Profit for the year 37.4 35.0", "", 10),
          (None, "", 0), ("Employees", "B", 14), (None, "", 0),
          ("The average number of employees during the year was 2,340 (2022: 2,210).", "", 11)])
    pdf.output(str(path))


def test_a_uk_report_with_the_scale_in_the_column_header(tmp_path):
    path = tmp_path / "uk.pdf"
    _write_uk(path)
    source = PdfReportSource(CompanyTarget(name="Brightstone", annual_report=path))
    report = source.report
    assert report.period.end == "2023-12-31"
    kinds = {s.title: s.kind for s in report.sections}
    assert kinds["Chair's statement"] == "letter" and kinds["Principal risks"] == "risk"
    assert kinds["Consolidated income statement"] == "financial_statements"  # over a subtitle
    figures = {r["metric"]: r for r in source.annual_figures().to_dict("records")}
    revenue = figures["revenue"]
    assert (revenue["value"], revenue["page"], revenue["scale"], revenue["unit"]) == (
        pytest.approx(412.5e6), 3, "£m", "GBP")
    assert revenue["prior_value"] == pytest.approx(389.1e6)
    # the period is the column's, not the subtitle's "… 31 December 2023" above the second
    assert figures["operating_income"]["value"] == pytest.approx(51.2e6)
    assert figures["net_income"]["value"] == pytest.approx(37.4e6)  # not "before tax"
    assert figures["employees"]["value"] == 2340
    assert figures["employees"]["unit"] == "employees (average)"
    assert report.warnings == []  # "£412.5m (2022: £389.1m)" agrees with the statement
