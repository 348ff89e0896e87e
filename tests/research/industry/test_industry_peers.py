"""Competitor set, same-SIC peers ranked by size, peer comparison and its charts.

The EDGAR layer is built in parallel; these tests build its documented outputs directly
(CompanyId, annual_financials rows, frames rows). The Apple / NVIDIA / Marvell figures are
the values in their 10-K XBRL facts (companyfacts fixtures), FY2025 / FY2026 / FY2026.
"""

from __future__ import annotations

import io
from collections import namedtuple

import pandas as pd
import pytest

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.research.industry.competitor_set import (
    COMPETITOR_COLUMNS,
    competitor_set,
    normalize_company_name,
    sic_peers,
)
from research_kit.research.industry.peer_charts import growth_margin_scatter, peer_bar_chart
from research_kit.research.industry.peers import (
    PEER_FACT_COLUMNS,
    PEER_TABLE_COLUMNS,
    compare_peers,
    format_peer_table,
    peer_facts,
    peer_table,
)
from research_kit.sources.edgar.sic_companies import (
    browse_url,
    companies_by_sic,
    parse_company_list,
)

CompanyId = namedtuple("CompanyId", "cik ticker name")
TARGET = CompanyId("0009999901", "BWTR", "Brightwater Instruments, Inc.")
REGISTRANTS = {
    "clearline analytics corp": CompanyId("0009999902", "CLRA", "Clearline Analytics Corp"),
    "harbor sensing technologies, inc.": CompanyId("0009999903", "HRBS",
                                                   "Harbor Sensing Technologies, Inc."),
    "alphabet inc.": CompanyId("0001652044", "GOOGL", "Alphabet Inc."),
    "brightwater instruments": TARGET,
    "samsung": CompanyId("0001969863", "SUGP", "SU Group Holdings Ltd"),  # a fuzzy miss
}


def resolver(name):
    key = str(name).strip().lower()
    by_ticker = {c.ticker.lower(): c for c in REGISTRANTS.values()}
    hit = REGISTRANTS.get(key) or by_ticker.get(key) or next(
        (c for k, c in REGISTRANTS.items() if normalize_company_name(k)
         == normalize_company_name(key)), None)
    if hit is None:
        raise errors.CompanyNotFoundError(f"no company named {name!r}")
    return hit


def test_company_name_normalisation():
    assert normalize_company_name("NVIDIA CORP /DE/") == "nvidia"
    assert normalize_company_name("Alphabet Inc.") == normalize_company_name("ALPHABET INC") \
        == "alphabet"
    assert normalize_company_name("The Procter & Gamble Company") == "procter and gamble"
    assert normalize_company_name("Tidewater Metrics GmbH") == "tidewater metrics"
    assert normalize_company_name("Amazon.com, Inc.") == normalize_company_name("Amazon")
    assert normalize_company_name(None) == ""


def test_competitor_set_merges_origins_aliases_and_keeps_unresolved():
    tenk = pd.DataFrame({"name": ["Clearline Analytics Corp", "Harbor Sensing Technologies, Inc.",
                                  "Tidewater Metrics GmbH", "Brightwater Instruments"],
                         "source_url": ["https://www.sec.gov/Archives/bwtr-20251231.htm"] * 4,
                         "retrieved_at": ["2026-02-21T00:00:00+00:00"] * 4,
                         "section": ["Item 1 — Competition"] * 4, "from_cache": [True] * 4})
    sic = pd.DataFrame({"cik": ["0009999903", "0009999977"],
                        "name": ["HARBOR SENSING TECHNOLOGIES INC", "AQUA GAUGE CORP"],
                        "size_rank": [1, 2], "revenue": [268.9e6, 120.0e6],
                        "revenue_period": ["CY2025", "CY2025"],
                        "source_url": ["https://www.sec.gov/cgi-bin/browse-edgar?SIC=3823"] * 2,
                        "retrieved_at": ["2026-02-21T00:00:00+00:00"] * 2,
                        "section": ["EDGAR companies with SIC 3823"] * 2, "from_cache": [True] * 2})
    comp = competitor_set(TARGET, tenk_names=tenk, sic_peer_table=sic, resolver=resolver,
                          user_names=["Google", "Alphabet", "clearline analytics", "Samsung",
                                      "CLRA"])
    assert list(comp.columns) == COMPETITOR_COLUMNS + SOURCE_COLUMNS
    by_name = {r["name"]: r for r in comp.to_dict("records")}
    assert "Brightwater Instruments" not in by_name and TARGET.cik not in set(comp["cik"])
    google = by_name["Google"]  # "Google" and "Alphabet" are one competitor
    assert google["cik"] == "0001652044" and google["also_named"] == "Alphabet"
    assert "alias" in google["note"]
    clear = by_name["clearline analytics"]  # user's spelling first, 10-K merged in
    assert clear["origin"] == "your list; 10-K" and clear["ticker"] == "CLRA"
    assert clear["section"] == "Item 1 — Competition"  # the filing is cited, not "your list"
    harbor = by_name["Harbor Sensing Technologies, Inc."]
    assert harbor["origin"] == "10-K; same SIC" and harbor["size_rank"] == 1
    assert harbor["section"] == "Item 1 — Competition"  # first origin's source kept
    tide = by_name["Tidewater Metrics GmbH"]
    assert tide["resolved"] is False and tide["cik"] is None and "unresolved" in tide["note"]
    assert by_name["AQUA GAUGE CORP"]["origin"] == "same SIC"
    samsung = by_name["Samsung"]  # the resolver's unrelated guess is not accepted
    assert samsung["resolved"] is False and "SU Group" in samsung["note"]
    assert "CLRA" in clear["also_named"]  # a ticker resolves and merges too
    assert list(comp["name"])[:2] == ["Google", "clearline analytics"]  # user's list first
    assert comp["source_url"].notna().all()
    empty = competitor_set(TARGET, resolver=resolver)
    assert empty.empty and list(empty.columns) == COMPETITOR_COLUMNS + SOURCE_COLUMNS


def _frames(concept, unit, period):
    assert unit == "USD"
    if period != "CY2025":
        raise errors.HTTPStatusError("frame not published", status=404)
    if concept == "Revenues":  # raw frames JSON shape
        return {"data": [{"cik": 1000 + i, "entityName": f"Co {i}", "val": 1e6 * i,
                          "end": "2025-12-31", "accn": f"acc-{i}"} for i in range(0, 4000, 7)]}
    if concept == "RevenueFromContractWithCustomerExcludingAssessedTax":  # table shape
        return pd.DataFrame({"cik": [1003, 9999901], "value": [9e12, 5e8], "end": ["2025-12-31"] * 2})
    return pd.DataFrame(columns=["cik", "value"])


def test_sic_with_thousands_of_filers_is_ranked_and_capped():
    companies = pd.DataFrame({"cik": [str(1000 + i).zfill(10) for i in range(4000)] + [TARGET.cik],
                              "name": [f"Co {i}" for i in range(4000)] + ["Brightwater"],
                              "sic": "7372"})
    companies.attrs["capped"] = True
    peers = sic_peers(TARGET.cik, "7372", max_peers=8, companies=companies, frames=_frames,
                      year=2025)
    assert len(peers) == 8 and list(peers["size_rank"]) == list(range(1, 9))
    assert peers.iloc[0]["cik"] == "0000001003"  # the largest revenue, from either concept
    assert peers.iloc[0]["revenue_concept"] == "RevenueFromContractWithCustomerExcludingAssessedTax"
    assert peers["revenue"].is_monotonic_decreasing
    assert TARGET.cik not in set(peers["cik"])
    assert peers.attrs["capped"] and peers.attrs["filers"] == 4000
    assert peers.attrs["ranked_by"] == "annual revenue, XBRL frames CY2025"
    # no frames at all: still capped, in name order, and says so
    unranked = sic_peers(TARGET.cik, "7372", max_peers=3, companies=companies.head(10),
                         frames=lambda *a: (_ for _ in ()).throw(errors.FetchError("down")),
                         year=2025)
    assert len(unranked) == 3 and unranked["revenue"].isna().all()
    assert unranked.attrs["ranked_by"] is None


def _atom_page(start: int, count: int) -> bytes:
    entries = "".join(
        f"""<entry><content type="text/xml"><company-info><cik>{1000 + i:010d}</cik>
        <name>TEST COMPANY {i} INC</name><state>OR</state></company-info></content>
        <id>urn:tag:www.sec.gov:cik={1000 + i:010d}</id>
        <link href="https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&amp;CIK={1000 + i:010d}"/>
        <title>TEST COMPANY {i} INC</title></entry>""" for i in range(start, start + count))
    return (f'<?xml version="1.0" encoding="ISO-8859-1" ?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>EDGAR company list (test data)</title>{entries}</feed>").encode("latin-1")


def test_sic_company_list_parsing_and_paging(httpserver, make_gateway):
    rows = parse_company_list(_atom_page(0, 3), sic="3823")
    assert [r["cik"] for r in rows] == ["0000001000", "0000001001", "0000001002"]
    assert rows[0]["name"] == "TEST COMPANY 0 INC" and rows[0]["state"] == "OR"
    with pytest.raises(errors.ParseError):
        parse_company_list(b"<html><body>busy</body></html>")
    assert "SIC=3823" in browse_url(3823) and "output=atom" in browse_url("3823", 100)

    # a loopback "sec.gov": the gateway rewrites nothing, so serve the browse path itself
    for page, count in ((0, 100), (1, 100), (2, 40)):
        httpserver.expect_request("/cgi-bin/browse-edgar", query_string={
            "action": "getcompany", "SIC": "3823", "type": "10-K", "dateb": "",
            "owner": "include", "count": "100", "start": str(page * 100), "output": "atom"}
        ).respond_with_data(_atom_page(page * 100, count), content_type="application/atom+xml")
    import research_kit.sources.edgar.sic_companies as sc

    base = httpserver.url_for("/cgi-bin/browse-edgar")
    original = sc.BROWSE
    sc.BROWSE = base
    try:
        full = companies_by_sic("3823", max_pages=5, gateway=make_gateway())
        capped = companies_by_sic("3823", max_pages=2, gateway=make_gateway())
    finally:
        sc.BROWSE = original
    assert len(full) == 240 and full.attrs["capped"] is False
    assert len(capped) == 200 and capped.attrs["capped"] is True
    assert full["section"].iloc[0] == "EDGAR companies with SIC 3823"


# -- peer comparison -----------------------------------------------------------------------
FILINGS = {  # cik: (company, accession, filed, {fiscal_year: (period_end, metrics)})
    "0000320193": ("Apple Inc.", "0000320193-25-000079", "2025-10-31", {
        2024: ("2024-09-28", dict(revenue=391_035e6, operating_income=123_216e6,
                                  net_income=93_736e6, rd_expense=31_370e6)),
        2025: ("2025-09-27", dict(revenue=416_161e6, operating_income=133_050e6,
                                  net_income=112_010e6, rd_expense=34_550e6))}),
    "0001045810": ("NVIDIA Corp", "0001045810-26-000021", "2026-02-25", {
        2025: ("2025-01-26", dict(revenue=130_497e6, operating_income=81_453e6,
                                  net_income=72_880e6, rd_expense=12_914e6)),
        2026: ("2026-01-25", dict(revenue=215_938e6, operating_income=130_387e6,
                                  net_income=120_067e6, rd_expense=18_497e6))}),
    "0001835632": ("Marvell Technology, Inc.", "0001835632-26-000011", "2026-03-11", {
        2025: ("2025-02-01", dict(revenue=5_767.3e6, operating_income=-720.3e6,
                                  net_income=-885.0e6, rd_expense=1_950.4e6)),
        2026: ("2026-01-31", dict(revenue=8_194.6e6, operating_income=1_322.9e6,
                                  net_income=2_670.1e6, rd_expense=2_075.2e6))}),
}


def annual_financials(cik):
    """annual_financials(cik)'s documented shape, holding values from the 10-K filings."""
    company, accession, filed, years = FILINGS[cik]
    rows = []
    for fy, (end, values) in years.items():
        for metric, value in values.items():
            rows.append({"cik": cik, "company": company, "fiscal_year": fy, "period_start": None,
                         "period_end": end, "metric": metric, "value": value, "unit": "USD",
                         "concept": "us-gaap:" + metric, "form": "10-K", "filed": filed,
                         "accession": accession,
                         "source_url": f"https://data.sec.gov/api/xbrl/companyfacts/CIK{cik}.json",
                         "retrieved_at": "2026-06-01T00:00:00+00:00", "section": metric,
                         "from_cache": True})
    return pd.DataFrame(rows)


COMPANIES = pd.DataFrame({"cik": ["0001045810", "0000320193", "0001835632"],
                          "role": ["target", "competitor", "competitor"]})


def test_peer_facts_match_the_filings():
    m = peer_facts(COMPANIES, annual_financials)
    assert list(m.columns) == PEER_FACT_COLUMNS + SOURCE_COLUMNS
    val = {(r["cik"], r["metric"]): r for r in m.to_dict("records")}
    nv = "0001045810"
    assert val[(nv, "revenue")]["value"] == 215_938e6 and val[(nv, "revenue")]["fiscal_year"] == 2026
    assert val[(nv, "revenue")]["period_end"] == "2026-01-25"  # fiscal year end shown
    assert val[(nv, "revenue_growth")]["value"] == pytest.approx(215_938 / 130_497 - 1)
    assert val[(nv, "operating_margin")]["value"] == pytest.approx(130_387 / 215_938)
    assert val[("0000320193", "net_margin")]["value"] == pytest.approx(112_010 / 416_161)
    assert val[("0000320193", "rd_intensity")]["value"] == pytest.approx(34_550 / 416_161)
    assert val[("0001835632", "revenue_growth")]["value"] == pytest.approx(8_194.6 / 5_767.3 - 1)
    assert val[("0000320193", "revenue")]["period_end"] == "2025-09-27"
    assert (m["accession"].notna() & m["source_url"].notna()).all()  # every value sourced
    assert not any(metric == "employees" for _, metric in val)  # not reported: not invented
    assert (m.loc[m["cik"] == nv, "role"] == "target").all()


def test_restated_years_use_the_latest_filing_and_missing_companies_are_listed():
    fin = annual_financials("0001835632")
    restated = fin[(fin["fiscal_year"] == 2026) & (fin["metric"] == "revenue")].assign(
        value=8_200e6, filed="2027-03-10", accession="0001835632-27-000009")
    m = peer_facts(COMPANIES.iloc[[2]], pd.concat([fin, restated]))
    rev = m[m["metric"] == "revenue"].iloc[0]
    assert rev["value"] == 8_200e6 and rev["accession"] == "0001835632-27-000009"
    gone = pd.DataFrame({"cik": ["0000000001"], "role": ["competitor"], "name": ["Gone Corp"]})
    m2 = peer_facts(gone, {})
    assert m2.empty and "Gone Corp" in m2.attrs["missing"][0]


def test_peer_table_and_charts():
    m = peer_facts(COMPANIES, annual_financials)
    table = peer_table(m, {"0001045810": "NVDA"})
    assert list(table.columns) == PEER_TABLE_COLUMNS + SOURCE_COLUMNS
    assert table.iloc[0]["is_target"] and not table.iloc[1]["is_target"]
    assert table["source_url"].str.contains("companyfacts").all()  # each row sourced
    assert list(table["company"]) == ["NVIDIA Corp", "Apple Inc.", "Marvell Technology, Inc."]
    assert table.iloc[0]["ticker"] == "NVDA" and table.iloc[0]["fiscal_year_end"] == "2026-01-25"
    assert "0001045810-26-000021" in table.iloc[0]["sources"]

    bar = peer_bar_chart(m, "revenue")
    ax = bar.axes[0]
    colors = {p.get_facecolor()[:3] for p in ax.patches}
    assert len(colors) == 2  # the target stands out
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("NVIDIA Corp\nFY2026, ends 2026-01-25" == label for label in labels)
    assert any("SEC EDGAR" in t.get_text() for t in bar.texts)
    scatter = growth_margin_scatter(m)
    assert len(scatter.axes[0].collections) == 3
    for fig in (bar, scatter):
        buf = io.BytesIO()
        fig.savefig(buf, format="png")
        assert buf.getvalue()[:4] == b"\x89PNG"
    with pytest.raises(errors.ResearchKitError):
        peer_bar_chart(m, "profit")
    with pytest.raises(errors.ResearchKitError):
        growth_margin_scatter(m[m["metric"] == "revenue"])


def test_compare_peers_and_text_output():
    comp = pd.DataFrame({"name": ["Apple", "Marvell", "Private Co"], "resolved": [True, True, False],
                         "cik": ["0000320193", "0001835632", None], "ticker": ["AAPL", "MRVL", None],
                         "sec_name": ["Apple Inc.", "Marvell Technology, Inc.", None],
                         "origin": ["your list", "same SIC", "10-K"]})
    target = CompanyId("0001045810", "NVDA", "NVIDIA Corp")
    result = compare_peers(target, comp, financials=annual_financials,
                           industry="Semiconductors & Related Devices")
    assert len(result.table) == 3 and result.table.iloc[0]["role"] == "target"
    assert any("Private Co" in n for n in result.notes)
    text = format_peer_table(result)
    assert "NVIDIA Corp (target)" in text and "2026-01-25" in text
    assert "215,938" in text and "65.5%" in text  # revenue $M and growth
    assert "unresolved" in text
    doc = result.to_json()
    assert doc["target"]["ticker"] == "NVDA" and len(doc["comparison"]) == 3
    html = result._repr_html_()
    assert "Semiconductors &amp; Related Devices" in html and "Private Co" in html
    assert result.bar_chart("operating_margin").axes and result.scatter().axes


def test_industry_findings_feed_verified_talking_points():
    from research_kit.research.industry.findings import industry_findings
    from research_kit.research.industry.occupation import hot_skill_overlap, occupation_panel
    from research_kit.research.talking_points import (
        compose_market_context,
        compose_talking_points,
        verify_point,
    )

    comp = pd.DataFrame({"name": ["Apple"], "resolved": [True], "cik": ["0000320193"],
                         "ticker": ["AAPL"], "sec_name": ["Apple Inc."], "origin": ["10-K"]})
    peers = compare_peers(CompanyId("0001045810", "NVDA", "NVIDIA Corp"), comp,
                          financials=annual_financials)
    profile = occupation_panel("15-1252")
    overlap = hot_skill_overlap(["Python", "dbt"], profile)
    findings = industry_findings(peers, profile, overlap)
    assert [f.kind for f in findings] == ["competitor_figure", "occupation_wage", "hot_skill"]
    assert findings[0].facts["competitor"] == "Apple Inc."  # the target is not a competitor
    assert findings[0].source.section == "10-K 0000320193-25-000079"
    points = compose_talking_points(findings, limit=5)
    # labour-market lines are context, never talking points: at most one, on its own line
    assert [p.kind for p in points] == ["competitor_figure"]
    context = compose_market_context(findings)
    assert context is not None and context.kind in ("occupation_wage", "hot_skill")
    for point in [*points, context]:
        assert verify_point(point) == [], point.text
    texts = " ".join(p.text for p in [*points, context])
    assert "$416.2 billion" in texts and ("$132,270" in texts or "Python" in texts)
