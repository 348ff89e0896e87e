"""The fictional demo company's SEC footprint works through every EDGAR function, offline.

The demo files (research_kit/app/demo/web/{www,data}.sec.gov/...) are loaded into an offline
gateway's cache exactly as the demo workspace loads them, so the real SEC URLs are served
from the cache and nothing touches the network. The figures must match docs/demo-company.md.
"""

from __future__ import annotations

import json

import pytest
from edgar_support import DEMO_WEB

from research_kit import errors
from research_kit.app.packs import demo_records
from research_kit.gateway.client import set_gateway
from research_kit.sources import edgar


@pytest.fixture
def offline_demo(make_gateway):
    gateway = make_gateway(offline=True)
    records = [r for r in demo_records() if "sec.gov/" in r["url"]]
    assert gateway.import_responses(records) == len(records)
    set_gateway(gateway)
    yield gateway
    assert gateway.network_requests == 0


def test_every_demo_file_says_it_is_fictional():
    for path in DEMO_WEB.glob("*sec.gov/**/*"):
        if path.is_file():
            text = path.read_text("utf-8")
            assert "fictional" in text.lower(), path
    tenk = DEMO_WEB / "www.sec.gov/Archives/edgar/data/9999901/000999990126000004/bwtr-20251231.htm"
    assert tenk.stat().st_size <= 60_000


def test_demo_identity_profile_and_filings(offline_demo):
    company = edgar.resolve_company("BWTR")
    assert (company.cik, company.ticker, company.name) == (9999901, "BWTR",
                                                           "Brightwater Instruments, Inc.")
    assert edgar.resolve_company("Clearline Analytics").ticker == "CLRA"
    assert edgar.resolve_company("harbor sensing technologies").cik == 9999903
    with pytest.raises(errors.CompanyNotFoundError):
        edgar.resolve_company("AAPL")  # the demo knows only its three fictional companies
    profile = edgar.company_profile("BWTR")
    assert profile.sic == "3823" and profile.state_of_incorporation == "DE"
    assert profile.fiscal_year_end == "12-31" and profile.phone == "(503) 555-0142"
    assert profile.business_address == "1200 NW Riverside Drive, Portland, OR 97209"
    assert profile.website == "https://www.brightwater-instruments.example"
    assert profile.source.url == "https://data.sec.gov/submissions/CIK0009999901.json"
    filings = edgar.filings_table("BWTR")
    latest = filings[filings["form"] == "10-K"].iloc[0]
    assert (latest["filed"], latest["accession"], latest["primary_document"]) == (
        "2026-02-20", "0009999901-26-000004", "bwtr-20251231.htm")


DEMO_FINANCIALS = {  # docs/demo-company.md, $ millions
    2021: (298.4, 27.5, 18.2, 41.8, 530.8, 88.1), 2022: (341.7, 35.8, 24.9, 47.2, 590.1, 95.6),
    2023: (389.2, 44.3, 31.6, 53.1, 655.4, 104.9), 2024: (436.9, 53.9, 38.4, 60.4, 731.0, 118.7),
    2025: (497.3, 65.2, 47.1, 68.9, 812.6, 142.3)}


def test_demo_financials_match_the_facts_sheet(offline_demo):
    fin = edgar.annual_financials("BWTR")
    wide = fin.pivot_table(index="fiscal_year", columns="metric", values="value")
    for year, values in DEMO_FINANCIALS.items():
        got = tuple(round(wide.at[year, m] / 1e6, 1) for m in
                    ("revenue", "operating_income", "net_income", "rd_expense",
                     "total_assets", "cash"))
        assert got == values, year
    revenue = fin[fin["metric"] == "revenue"].set_index("fiscal_year")
    assert revenue.at[2021, "concept"] == "us-gaap:Revenues"  # the tag switch
    assert revenue.at[2022, "concept"].endswith("RevenueFromContractWithCustomerExcludingAssessedTax")
    assert 81_900_000 not in set(revenue["value"])  # the Q4 value tagged fp=FY is not a year
    cover = fin.set_index("metric")
    assert cover.at["shares_outstanding", "value"] == 48_215_000
    assert cover.at["employees", "value"] == 1240
    ratios = edgar.financial_ratios(fin).set_index("fiscal_year")
    assert ratios.at[2025, "revenue_growth"] == pytest.approx(497.3 / 436.9 - 1)
    figure = edgar.financials_chart(fin)
    assert "Brightwater" in figure.axes[0].get_title()
    clra = edgar.annual_financials("CLRA").pivot_table(index="fiscal_year", columns="metric",
                                                      values="value")
    assert clra.at[2025, "revenue"] == 612_000_000 and clra.at[2024, "revenue"] == 570_400_000
    hrbs = edgar.annual_financials("HRBS")
    assert set(hrbs[hrbs["metric"] == "revenue"]["value"]) == {268_900_000, 251_000_000}


def test_demo_10k_sections_competitors_risks_overview(offline_demo):
    report = edgar.latest_10k("BWTR")
    assert (report.form, report.company, report.fiscal_year) == ("10-K", "Brightwater Instruments, Inc.", 2025)
    assert report.source.url.endswith("/000999990126000004/bwtr-20251231.htm")
    statuses = {it.item: it.status for it in report.items}
    assert statuses["1"] == statuses["1A"] == statuses["7"] == "ok"
    assert statuses["11"] == "by_reference"
    assert " ".join(report.item("1").text.split()[:4]) == "Overview Brightwater Instruments, Inc."
    assert edgar.competitors_from_10k(report) == [
        "Clearline Analytics Corp", "Harbor Sensing Technologies, Inc.", "Tidewater Metrics GmbH"]
    passage = edgar.competition_passage(report)
    assert "large diversified industrial companies" in passage.text
    headings = edgar.risk_factor_headings(report)
    assert len(headings) == 6 and headings[1].startswith("Competition could reduce our prices")
    table = edgar.risk_factor_table(report)
    assert table.iloc[0]["category"] == "Risks Related to Our Business and Industry"
    overview = edgar.business_overview(report)
    assert overview.text.startswith("Brightwater Instruments, Inc. (“Brightwater,” “we” or “us”)")
    assert "Item 1" in overview.source.section
    assert "FICTIONAL" not in overview.text
    assert edgar.competitors_from_10k(report)[2] == "Tidewater Metrics GmbH"
    json.dumps(report.to_dict())


def test_demo_press_releases(offline_demo):
    releases = edgar.press_releases("BWTR", limit=5)
    assert list(releases["title"]) == [
        "Brightwater Instruments Reports Fourth Quarter and Full Year 2025 Results",
        "Brightwater Instruments Opens European Service Center in Rotterdam"]
    assert list(releases["date"]) == ["2026-02-19", "2025-09-08"]
    assert releases.iloc[0]["first_paragraph"].startswith("PORTLAND, Ore., Feb. 19, 2026")
    assert releases.iloc[1]["url"] == ("https://www.sec.gov/Archives/edgar/data/9999901/"
                                       "000999990125000011/bwtr-ex991_20250908.htm")
    assert len(edgar.press_releases("CLRA")) == 0  # no 8-Ks: an empty table with columns
    assert "first_paragraph" in edgar.press_releases("CLRA").columns


def test_demo_cli_company_card(offline_demo, capsys):
    from research_kit.cli import main

    assert main(["company", "BWTR"]) == 0
    out = capsys.readouterr().out
    assert "Brightwater Instruments, Inc." in out and "3823" in out
    assert "revenue" in out and "497.3" in out and "FY2025" in out
    assert main(["company", "NOPE-XYZ"]) == 2
    assert "research-kit: error:" in capsys.readouterr().err
