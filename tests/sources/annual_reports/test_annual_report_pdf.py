"""Annual report PDFs: cleaned text by page, sections by heading, an embedded Form 10-K, the
CLI, and what a damaged or random file does."""

from __future__ import annotations

import json

import pytest
from conftest import fixture_path
from hypothesis import given, settings
from hypothesis import strategies as st
from reports_support import HAAGA, MSFT, PMI, report

from research_kit.errors import ParseError, ResearchKitError
from research_kit.sources.annual_reports.pdf import read_annual_report_pdf


@pytest.mark.fixtures
def test_sections_from_the_table_of_contents_with_lost_ligatures_restored():
    rep = report(HAAGA)
    assert rep.toc_based and len(rep.pages) == 21
    chapters = [s.title for s in rep.sections if s.from_contents]
    assert chapters[:4] == ["Contents", "1. President’s review: Building a future-fit Haaga-Helia",
                            "2 Learning and guidance", "3 Research and development"]
    assert "4 Commercial and international operations" in chapters  # 'interna\ufffdonal' fixed
    assert "\ufffd" not in rep.text
    finance = rep.section("7. Finance")
    assert finance.first_page == 11 and finance.kind == "review" and len(finance.text) > 1000
    table = rep.sections_table()
    assert list(table.columns)[:6] == ["title", "kind", "level", "first_page", "last_page", "chars"]
    assert table.iloc[0]["section"].startswith("Annual Report 2022") and \
        table["source_url"].str.endswith(".pdf").all()


@pytest.mark.fixtures
def test_sections_from_headings_without_contents():
    rep = report(MSFT)
    assert not rep.toc_based
    titles = {s.title: s for s in rep.sections}
    assert titles["RESEARCH AND DEVELOPMENT"].kind == "review"
    assert titles["HUMAN CAPITAL RESOURCES"].kind == "people"
    md_a = rep.section("MANAGEMENT’S DISCUSSION AND ANALYSIS")
    assert md_a.first_page == 28 and md_a.title.endswith("RESULTS OF OPERATIONS")  # on 2 lines
    # page numbers that stand alone at the top of each page are not text
    assert not any(p.split("\n", 1)[0].strip().isdigit() for p in rep.pages[1:20])


@pytest.mark.fixtures
def test_embedded_form_10k_is_split_into_items():
    rep = report(PMI)
    assert len(rep.pages) == 164 and rep.title == "PHILIP MORRIS INTERNATIONAL"
    tenk = rep.ten_k()
    assert tenk.company == "PHILIP MORRIS INTERNATIONAL INC." and tenk.fiscal_year == 2022
    assert tenk.item("1").text.split()[:4] == ["General", "Development", "of", "Business"]
    assert tenk.item("1A").status == "ok" and len(tenk.item("1A").text) > 20_000
    assert tenk.item("7").status == "ok"


@pytest.mark.fixtures
def test_cli_parse_annual_report_pdf(capsys):
    from research_kit.cli import main

    assert main(["parse", "annual-report", str(fixture_path(*HAAGA))]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"] == [] and data["competitors"] == [] and data["pages"] == 21
    learning = next(s for s in data["sections"] if s["title"] == "2 Learning and guidance")
    assert learning["kind"] == "review" and learning["first_page"] == 4
    assert data["unreadable_pages"] == list(range(13, 22))


def test_bad_pdfs():
    for data in (b"", b"not a pdf at all", b"%PDF-1.7\n1 0 obj <<>> garbage"):
        with pytest.raises(ParseError):
            read_annual_report_pdf(data)


@pytest.mark.fixtures
def test_truncated_pdf():
    data = fixture_path(*HAAGA).read_bytes()
    try:
        rep = read_annual_report_pdf(data[: len(data) // 3])
    except ResearchKitError:
        return
    assert len(rep.pages) <= 21  # pdfium may recover some pages; never a crash


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000).map(lambda b: b"%PDF-1.4\n" + b))
def test_random_pdf_bytes_raise_only_our_errors(data):
    try:
        read_annual_report_pdf(data)
    except ResearchKitError:
        pass
