"""Annual report PDFs: cleaned text by page, sections by heading, an embedded Form 10-K."""

from __future__ import annotations

import json

import pytest
from conftest import fixture_path
from hypothesis import given, settings
from hypothesis import strategies as st

from research_kit.errors import ParseError, ResearchKitError
from research_kit.sources.annual_reports.pdf import read_annual_report_pdf


def pdf(name):
    return fixture_path("reports", name)


@pytest.mark.fixtures
def test_sections_from_the_table_of_contents_with_lost_ligatures_restored():
    report = read_annual_report_pdf(pdf("haaga-helia_annual_report_2022.pdf"))
    assert report.toc_based and len(report.pages) == 21
    titles = [s.title for s in report.sections]
    assert titles[:3] == ["1. President’s review: Building a future-fit Haaga-Helia",
                          "2 Learning and guidance", "3 Research and development"]
    assert "4 Commercial and international operations" in titles  # 'interna\ufffdonal' fixed
    assert "\ufffd" not in report.text
    finance = report.section("finance")
    assert finance.first_page == 11 and len(finance.text) > 1000
    table = report.sections_table()
    assert list(table.columns)[:4] == ["title", "first_page", "last_page", "chars"]
    assert table.iloc[0]["section"].startswith("1. President’s review") and \
        table["source_url"].str.endswith(".pdf").all()


@pytest.mark.fixtures
def test_sections_from_headings_without_contents():
    report = read_annual_report_pdf(pdf("microsoft_2023_annual_report.pdf"))
    assert not report.toc_based
    titles = [s.title for s in report.sections]
    assert "RESEARCH AND DEVELOPMENT" in titles and "HUMAN CAPITAL RESOURCES" in titles
    md_a = report.section("MANAGEMENT’S DISCUSSION")
    assert md_a.first_page >= 20 and "revenue" in md_a.text.lower()
    # page numbers that stand alone at the top of each page are not text
    assert not any(p.split("\n", 1)[0].strip().isdigit() for p in report.pages[1:20])


@pytest.mark.fixtures
def test_embedded_form_10k_is_split_into_items():
    report = read_annual_report_pdf(pdf("pmi_2022_annual_report.pdf"))
    assert len(report.pages) == 164 and report.title == "PHILIP MORRIS INTERNATIONAL"
    tenk = report.ten_k()
    assert tenk.company == "PHILIP MORRIS INTERNATIONAL INC." and tenk.fiscal_year == 2022
    assert tenk.item("1").text.split()[:4] == ["General", "Development", "of", "Business"]
    assert tenk.item("1A").status == "ok" and len(tenk.item("1A").text) > 20_000
    assert tenk.item("7").status == "ok"


@pytest.mark.fixtures
def test_cli_parse_annual_report_pdf(capsys):
    from research_kit.cli import main

    assert main(["parse", "annual-report", str(pdf("haaga-helia_annual_report_2022.pdf"))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"] == [] and data["competitors"] == [] and data["pages"] == 21
    assert data["sections"][1]["title"] == "2 Learning and guidance"


def test_bad_pdfs():
    for data in (b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj <<>> garbage"):
        with pytest.raises(ParseError):
            read_annual_report_pdf(data)


@pytest.mark.fixtures
def test_truncated_pdf():
    data = pdf("haaga-helia_annual_report_2022.pdf").read_bytes()
    try:
        report = read_annual_report_pdf(data[: len(data) // 3])
    except ParseError:
        return
    assert len(report.pages) <= 21  # pdfium may recover some pages; never a crash


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b))
def test_random_pdf_bytes_raise_only_our_errors(data):
    try:
        read_annual_report_pdf(data)
    except ResearchKitError:
        pass
