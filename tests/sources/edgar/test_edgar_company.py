"""Identity, profile, filings, financials and press releases over a loopback SEC mirror."""

from __future__ import annotations

import json

import pytest
from conftest import fixture_path
from edgar_support import serve_sec

from research_kit import errors
from research_kit.sources.edgar.client import archives_url, cik10, fetch_frames, fetch_submissions
from research_kit.sources.edgar.financials import (
    FINANCIAL_COLUMNS,
    annual_financials,
    annual_financials_from_facts,
    financial_ratios,
)
from research_kit.sources.edgar.identify import resolve_company
from research_kit.sources.edgar.press import press_releases
from research_kit.sources.edgar.submissions import company_profile, filings_table

pytestmark = pytest.mark.fixtures


def fx(*parts):
    return fixture_path("edgar", *parts)


@pytest.fixture
def sec(httpserver):
    files = {"/www.sec.gov/files/company_tickers.json": fx("company_tickers.json")}
    for name in ("CIK0000320193.json", "CIK0001045810.json", "CIK0001318605.json",
                 "CIK0001318605-submissions-001.json", "CIK0001835632.json",
                 "CIK0001465740.json"):
        files[f"/data.sec.gov/submissions/{name}"] = fx("submissions", name)
    for name in ("CIK0000320193.json", "CIK0001045810.json", "CIK0001835632.json"):
        files[f"/data.sec.gov/api/xbrl/companyfacts/{name}"] = fx("companyfacts", name)
    log: list[str] = []
    with serve_sec(httpserver, files, log=log):
        yield log


def test_resolve_by_ticker_name_and_cik(sec, make_gateway):
    gw = make_gateway()
    assert resolve_company("nvda", gateway=gw).cik == 1045810
    apple = resolve_company("Apple", gateway=gw)
    assert (apple.cik, apple.ticker, apple.name) == (320193, "AAPL", "Apple Inc.")
    assert resolve_company("The Home Depot, Inc.", gateway=gw).ticker == "HD"
    assert resolve_company("brk.b", gateway=gw).cik == resolve_company("BRK-B", gateway=gw).cik
    assert resolve_company(1318605, gateway=gw).ticker == "TSLA"
    assert resolve_company("CIK0000320193", gateway=gw).name == "Apple Inc."
    assert resolve_company("Microsfot", gateway=gw).ticker == "MSFT"  # one clear fuzzy match


def test_unknown_and_ambiguous_names_list_candidates(sec, make_gateway):
    gw = make_gateway()
    with pytest.raises(errors.CompanyNotFoundError) as info:
        resolve_company("ZZZZQ", gateway=gw)
    assert "ZZZZQ" in info.value.message
    with pytest.raises(errors.CompanyNotFoundError) as info:
        resolve_company("First Financial", gateway=gw)
    assert len(info.value.candidates) >= 2
    assert all("CIK" in c for c in info.value.candidates)
    assert "did you mean" in info.value.suggestion
    with pytest.raises(errors.CompanyNotFoundError):
        resolve_company("   ", gateway=gw)


def test_profile_card(sec, make_gateway):
    profile = company_profile("TSLA", gateway=make_gateway())
    assert profile.name == "Tesla, Inc." and profile.tickers == ["TSLA"]
    assert (profile.sic, profile.sic_description) == ("3711", "Motor Vehicles & Passenger Car Bodies")
    assert profile.fiscal_year_end == "12-31" and profile.state_of_incorporation == "TX"
    assert profile.business_address == "1 TESLA ROAD, AUSTIN, TX 78725"
    assert profile.former_names[0]["name"] == "TESLA MOTORS INC"
    assert profile.source.url.endswith("/submissions/CIK0001318605.json")
    text = str(profile.to_panel())
    assert "Tesla, Inc." in text and "3711" in text and "TESLA MOTORS INC" in text
    html = profile.to_panel()._repr_html_()
    assert "<script" not in html and "Tesla, Inc." in html
    two = company_profile("TWO", gateway=make_gateway())  # several tickers
    assert len(two.tickers) > 1 and len(two.exchanges) == len(two.tickers)


def test_filings_table_follows_pages(sec, make_gateway):
    table = filings_table("TSLA", gateway=make_gateway())
    recent = json.loads(fx("submissions", "CIK0001318605.json").read_text())
    page = json.loads(fx("submissions", "CIK0001318605-submissions-001.json").read_text())
    assert len(table) == len(recent["filings"]["recent"]["form"]) + len(page["form"])
    assert list(table.columns)[:9] == ["cik", "form", "filed", "report_date", "accession",
                                       "primary_document", "description", "items", "url"]
    assert table["filed"].is_monotonic_decreasing
    assert table["filed"].min() == "2005-02-17"  # from the paged file
    tenk = table[table["form"] == "10-K"].iloc[0]
    assert tenk["url"] == archives_url(1318605, tenk["accession"], tenk["primary_document"])
    assert any(s.endswith("-submissions-001.json") for s in table["source_url"].unique())
    only = filings_table("TSLA", forms=["10-K"], all_pages=False, gateway=make_gateway())
    assert set(only["form"]) == {"10-K"}


def test_annual_financials_reproduce_the_reported_figures(sec, make_gateway):
    gw = make_gateway()
    apple = annual_financials("AAPL", gateway=gw)
    assert list(apple.columns)[:len(FINANCIAL_COLUMNS)] == FINANCIAL_COLUMNS
    revenue = apple[apple["metric"] == "revenue"].set_index("period_end")["value"]
    assert revenue["2024-09-28"] / 1e6 == 391_035
    assert revenue["2018-09-29"] / 1e6 == 265_595
    nvda = annual_financials("NVDA", gateway=gw)
    rev = nvda[nvda["metric"] == "revenue"].set_index("period_end")
    assert rev.loc["2025-01-26", "value"] / 1e6 == 130_497
    assert rev.loc["2021-01-31", "value"] / 1e6 == 16_675
    assert rev.loc["2025-01-26", "fiscal_year"] == 2025
    mrvl = annual_financials("MRVL", gateway=gw)
    rev = mrvl[mrvl["metric"] == "revenue"].set_index("period_end")
    assert rev.loc["2025-02-01", "value"] / 1e6 == pytest.approx(5_767.3)
    assert mrvl["source_url"].str.contains("companyfacts/CIK0001835632.json").all()


def _facts(name):
    return json.loads(fx("companyfacts", name).read_text())


def test_quarter_values_tagged_fy_and_abandoned_tags_are_not_annual():
    apple = annual_financials_from_facts(_facts("CIK0000320193.json"))
    rev = apple[apple["metric"] == "revenue"]
    assert rev["period_end"].is_unique and rev["fiscal_year"].is_unique
    # Apple's Revenues facts with fp=FY include Q4 values (e.g. 62.9 bn for Q4 2018)
    assert 62_900_000_000 not in set(rev["value"])
    for row in rev.itertuples():
        assert 350 <= (_d(row.period_end) - _d(row.period_start)).days <= 380
    # tag switch: SalesRevenueNet up to FY2017 style years, the new tag afterwards
    assert rev.set_index("fiscal_year").loc[2024, "concept"].endswith(
        "RevenueFromContractWithCustomerExcludingAssessedTax")
    assert rev.set_index("fiscal_year").loc[2012, "concept"].endswith("SalesRevenueNet")
    nvda = annual_financials_from_facts(_facts("CIK0001045810.json"))
    years = nvda[nvda["metric"] == "revenue"]["fiscal_year"].tolist()
    assert years == sorted(set(years)) and years[-1] == 2026  # no stale tag, no gaps doubled


def _d(text):
    from datetime import date
    return date.fromisoformat(text)


def test_latest_filing_wins_and_instants_are_year_ends():
    apple = annual_financials_from_facts(_facts("CIK0000320193.json"))
    row = apple[(apple["metric"] == "revenue") & (apple["fiscal_year"] == 2024)].iloc[0]
    assert row["filed"] == "2025-10-31"  # repeated in the FY2025 10-K: the latest word
    assets = apple[apple["metric"] == "total_assets"]
    revenue_ends = set(apple[apple["metric"] == "revenue"]["period_end"])
    assert set(assets["period_end"]) <= revenue_ends and assets["period_start"].isna().all()
    shares = apple[apple["metric"] == "shares_outstanding"]
    assert (shares["unit"] == "shares").all() and shares["fiscal_year"].is_unique


def test_ratios_wide_per_year():
    ratios = financial_ratios(annual_financials_from_facts(_facts("CIK0001045810.json")))
    fy25 = ratios.set_index("fiscal_year").loc[2025]
    assert fy25["revenue"] == 130_497_000_000
    assert fy25["revenue_growth"] == pytest.approx(130_497 / 60_922 - 1)
    assert fy25["operating_margin"] == pytest.approx(fy25["operating_income"] / fy25["revenue"])
    assert 0 < fy25["rd_intensity"] < 0.2 and 0 < fy25["net_margin"] < 1
    assert "source_url" in ratios.columns
    empty = financial_ratios(annual_financials_from_facts({"facts": {}}))
    assert len(empty) == 0 and "revenue_growth" in empty.columns


def test_financials_of_bad_facts_json():
    with pytest.raises(errors.ParseError):
        annual_financials_from_facts({"cik": 1})
    table = annual_financials_from_facts({"facts": {"us-gaap": {"Revenues": {"units": {
        "USD": [{"end": "2024-12-31", "val": 5, "form": "10-K"}, "junk", {"val": None}]}}}}})
    assert len(table) == 0 and list(table.columns)[:3] == ["cik", "company", "fiscal_year"]


def test_chart_has_a_sourced_caption():
    from research_kit.sources.edgar.charts import financials_chart

    fin = annual_financials_from_facts(_facts("CIK0001835632.json"))
    figure = financials_chart(fin, years=5)
    texts = [t.get_text() for t in figure.texts]
    assert any("SEC EDGAR XBRL company facts" in t and "CIK 1835632" in t for t in texts)
    assert figure.axes[0].get_title().startswith("MARVELL TECHNOLOGY, INC: revenue and net")
    empty = financials_chart(fin.iloc[0:0])
    assert "No annual revenue" in empty.axes[0].texts[0].get_text()


def test_sec_rate_limit_page_stops_and_is_not_cached(httpserver, make_gateway):
    page = fx("errors", "rate-exceeded-403.html").read_bytes()
    log: list[str] = []
    with serve_sec(httpserver, {"/data.sec.gov/submissions/CIK0000320193.json": page},
                   statuses={"/data.sec.gov/submissions/CIK0000320193.json": 403}, log=log):
        gw = make_gateway()
        with pytest.raises(errors.RateLimitedError):
            fetch_submissions(320193, gateway=gw)
    assert not gw.session.cache.contains(url=httpserver.url_for(
        "/data.sec.gov/submissions/CIK0000320193.json"))


def test_frames_table(httpserver, make_gateway):
    frame = {"taxonomy": "us-gaap", "tag": "Revenues", "ccp": "CY2024", "uom": "USD",
             "data": [{"accn": "0000000001-25-000001", "cik": 1, "entityName": "One Co",
                       "loc": "US-CA", "start": "2024-01-01", "end": "2024-12-31", "val": 10},
                      {"cik": "bad"}]}
    with serve_sec(httpserver, {"/data.sec.gov/api/xbrl/frames/us-gaap/Revenues/USD/CY2024.json":
                                json.dumps(frame).encode()}):
        table = fetch_frames("Revenues", "USD", "CY2024", gateway=make_gateway())
    assert table[["cik", "value", "end"]].values.tolist() == [[1, 10, "2024-12-31"]]
    assert table["source_url"].iloc[0].endswith("CY2024.json")
    with pytest.raises(errors.InputError):
        fetch_frames("Revenues", "USD", "2024")
    with pytest.raises(errors.InputError):
        cik10("abc")


def test_press_releases_from_8k_exhibits(httpserver, make_gateway):
    submissions = {
        "cik": "0000796343", "name": "ADOBE INC.",
        "filings": {"recent": {
            "accessionNumber": ["0000796343-23-000050", "0000796343-23-000044",
                                "0000796343-23-000040"],
            "filingDate": ["2023-04-20", "2023-03-15", "2023-03-01"],
            "reportDate": ["2023-04-20", "2023-03-15", "2023-03-01"],
            "form": ["8-K", "8-K", "4"], "items": ["5.07", "2.02,9.01", ""],
            "primaryDocument": ["a.htm", "adbe-20230315.htm", "x.xml"],
            "primaryDocDescription": ["8-K", "8-K", "4"]}, "files": []}}
    folder = "/www.sec.gov/Archives/edgar/data/796343/000079634323000044"
    text = fx("8k", "adbe-2023-03-15-0000796343-23-000044.txt").read_text("utf-8", "replace")
    exhibit = text[text.index("<TYPE>EX-99.1"):]
    exhibit = exhibit[exhibit.index("<TEXT>") + 6:exhibit.index("</TEXT>")]
    files = {"/data.sec.gov/submissions/CIK0000796343.json": json.dumps(submissions).encode(),
             f"{folder}/0000796343-23-000044-index.htm": fx("8k", "adbe-2023-03-15-index.html"),
             f"{folder}/adbeex991q123.htm": exhibit.encode("utf-8")}
    log: list[str] = []
    with serve_sec(httpserver, files, log=log):
        table = press_releases(796343, limit=3, gateway=make_gateway())
    assert len(table) == 1
    row = table.iloc[0]
    assert row["title"] == "Adobe Reports Record Revenue in Q1 Fiscal 2023"
    assert row["date"] == "2023-03-15"
    assert row["first_paragraph"].startswith("SAN JOSE, Calif. – March 15, 2023 – Adobe")
    assert row["url"].endswith("/000079634323000044/adbeex991q123.htm")
    assert row["section"] == "EX-99.1"
    assert not any("000079634323000050" in p for p in log)  # 5.07 only: no exhibit, not fetched
