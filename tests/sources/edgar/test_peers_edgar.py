"""Peers through the real EDGAR layer: Apple, NVIDIA and Marvell company facts over a loopback
SEC mirror, NVIDIA's real 10-K for the competitor names; the table must match the filings."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("research_kit.sources.edgar.client",
                    reason="the EDGAR layer (research_kit.sources.edgar) is not on this branch")

from conftest import fixture_path  # noqa: E402
from edgar_support import serve_sec  # noqa: E402

from research_kit.cli import main  # noqa: E402
from research_kit.research.industry.peers import build_peer_comparison, peers_for_ticker  # noqa: E402

pytestmark = pytest.mark.fixtures
COMPANIES = {"0000320193": "AAPL", "0001045810": "NVDA", "0001835632": "MRVL"}


def _frame(concept: str, period: str) -> bytes:
    """An XBRL frame (API shape) holding the three companies' values of that concept,
    taken from their company facts — the frames API publishes exactly these facts."""
    data = []
    for cik in COMPANIES:
        facts = json.loads(fixture_path("edgar", "companyfacts", f"CIK{cik}.json").read_bytes())
        for fact in facts["facts"].get("us-gaap", {}).get(concept, {}).get("units", {}).get(
                "USD", []):
            if fact.get("frame") == period:
                data.append({"accn": fact["accn"], "cik": int(cik), "entityName":
                             facts["entityName"], "loc": "US-CA", "end": fact["end"],
                             "val": fact["val"]})
                break
    return json.dumps({"taxonomy": "us-gaap", "tag": concept, "ccp": period, "uom": "USD",
                       "label": concept, "description": "test frame", "pts": len(data),
                       "data": data}).encode()


def _browse(ciks) -> bytes:
    entries = "".join(f"<entry><content type='text/xml'><company-info><cik>{c}</cik>"
                      f"<name>{COMPANIES.get(c, 'OTHER')} TEST NAME</name></company-info>"
                      f"</content><title>{COMPANIES.get(c, 'OTHER')}</title></entry>"
                      for c in ciks)
    return f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>{entries}</feed>".encode()


@pytest.fixture
def sec(httpserver):
    files = {"/www.sec.gov/files/company_tickers.json": fixture_path("edgar",
                                                                     "company_tickers.json")}
    for cik in COMPANIES:
        files[f"/data.sec.gov/submissions/CIK{cik}.json"] = fixture_path(
            "edgar", "submissions", f"CIK{cik}.json")
        files[f"/data.sec.gov/api/xbrl/companyfacts/CIK{cik}.json"] = fixture_path(
            "edgar", "companyfacts", f"CIK{cik}.json")
    for concept in ("RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues"):
        for year in (2024, 2025):
            files[f"/data.sec.gov/api/xbrl/frames/us-gaap/{concept}/USD/CY{year}.json"] = \
                _frame(concept, f"CY{year}")
    files["/www.sec.gov/cgi-bin/browse-edgar"] = _browse(["0001045810", "0001835632",
                                                          "0000000001"])
    with serve_sec(httpserver, files):
        yield


def _nvidia_10k_names():
    from research_kit.sources.edgar import competitors_from_10k, split_10k

    report = split_10k(fixture_path("edgar", "10k", "nvda-2025.htm").read_bytes())
    return competitors_from_10k(report)


def test_peer_table_matches_the_filings(sec, make_gateway):
    from research_kit.sources.edgar import company_profile, resolve_company

    gw = make_gateway()
    nvda = resolve_company("NVDA", gateway=gw)
    names = _nvidia_10k_names()
    assert names  # NVIDIA's 10-K names its competitors
    result = build_peer_comparison(nvda, company_profile(nvda, gateway=gw), tenk_names=names,
                                   user_names=["Apple", "Google"], gateway=gw)
    comp = result.competitors
    by_cik = {r["cik"]: r for r in comp.to_dict("records") if r["resolved"]}
    assert "0000320193" in by_cik and by_cik["0000320193"]["origin"].startswith("your list")
    assert by_cik["0001835632"]["origin"].endswith("same SIC")  # Marvell, ranked by frames
    assert "0001045810" not in by_cik  # the target is not its own competitor
    google = comp[comp["name"] == "Google"].iloc[0]
    assert google["resolved"] and google["sec_name"].upper().startswith("ALPHABET")
    table = result.table.set_index("ticker")
    assert table.loc["NVDA", "role"] == "target"
    # NVIDIA FY2026 (ended 2026-01-25), Apple FY2025 (2025-09-27), Marvell FY2026 (2026-01-31)
    assert table.loc["NVDA", "revenue"] == 215_938e6
    assert table.loc["NVDA", "fiscal_year_end"] == "2026-01-25"
    assert table.loc["NVDA", "revenue_growth"] == pytest.approx(215_938 / 130_497 - 1)
    assert table.loc["NVDA", "operating_margin"] == pytest.approx(130_387 / 215_938)
    assert table.loc["AAPL", "revenue"] == 416_161e6
    assert table.loc["AAPL", "net_margin"] == pytest.approx(112_010 / 416_161)
    assert table.loc["AAPL", "rd_intensity"] == pytest.approx(34_550 / 416_161)
    assert table.loc["MRVL", "revenue"] == 8_194.6e6
    assert table.loc["MRVL", "fiscal_year_end"] == "2026-01-31"
    assert result.facts["accession"].notna().all()
    assert result.metrics["source_url"].notna().all()
    assert any("no annual" in n.lower() or "financials" in n.lower() or "CIK" in n
               for n in result.notes)  # named rivals not served here are listed, not dropped


def test_peers_cli_over_loopback(sec, make_gateway, capsys):
    from research_kit.gateway.client import set_gateway

    set_gateway(make_gateway())  # the CLI uses the process gateway (restored by conftest)
    assert main(["peers", "AAPL", "--competitor", "NVIDIA", "--no-10k",
                 "--max-sic-peers", "0"]) == 0
    out = capsys.readouterr().out
    assert "Apple Inc. (target)" in out and "NVIDIA" in out and "2025-09-27" in out
    result = peers_for_ticker("MRVL", competitors=["Apple"], use_10k=False, max_sic_peers=0,
                              gateway=make_gateway())
    assert list(result.table["ticker"]) == ["MRVL", "AAPL"]
