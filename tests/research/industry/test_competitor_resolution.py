"""Competitor names from real 10-Ks resolved against SEC's real ticker list: products stand
for their makers ("Alphabet (Android)"), and a short or foreign name never becomes an
unrelated registrant ("Nintendo" is not NI Holdings, "Sears" is not Sea Ltd)."""

from __future__ import annotations

import pytest
from conftest import fixture_path
from edgar_support import serve_sec

from research_kit import errors
from research_kit.lexicon.company_names import may_be_registrant, product_maker
from research_kit.research.industry.competitor_set import competitor_set
from research_kit.sources.edgar.competitors import competitor_mentions
from research_kit.sources.edgar.identify import CompanyId, resolve_company
from research_kit.sources.edgar.sections import split_10k

APPLE = CompanyId(320193, "AAPL", "Apple Inc.")


def test_products_have_makers_and_short_names_are_not_other_registrants():
    assert product_maker("Android") == "Alphabet Inc."
    assert product_maker("Xbox") == product_maker("Windows") == "Microsoft Corporation"
    assert product_maker("PlayStation") == "Sony Group Corporation"
    assert product_maker("Microsoft") is None and product_maker("Office") is None
    assert not may_be_registrant("Nintendo", "NI Holdings, Inc.")  # a prefix, not a name
    assert not may_be_registrant("Sears", "Sea Ltd")
    assert not may_be_registrant("Apache", "APA Corp")
    assert not may_be_registrant("Yahoo!", "Yahoo! Japan Corp")  # another country's company
    assert not may_be_registrant("Xbox", "BOX INC")
    assert may_be_registrant("Cisco", "CISCO SYSTEMS, INC.")
    assert may_be_registrant("Kohl’s", "KOHLS Corp")
    assert may_be_registrant("Microsfot", "MICROSOFT CORP")  # a typo in a long word
    assert may_be_registrant("Alibaba Group", "Alibaba Group Holding Ltd")


@pytest.fixture
def sec_resolver(httpserver, make_gateway):
    tickers = fixture_path("edgar", "company_tickers.json")
    with serve_sec(httpserver, {"/www.sec.gov/files/company_tickers.json": tickers}):
        gw = make_gateway()
        yield lambda query: resolve_company(query, gateway=gw)


@pytest.mark.fixtures
@pytest.mark.parametrize("name", ["Nintendo", "Sears", "Apache", "Yahoo!", "Samsung",
                                  "Linux", "FedNow"])
def test_names_from_fixture_10ks_with_no_us_registrant_do_not_resolve(sec_resolver, name):
    with pytest.raises(errors.CompanyNotFoundError):
        sec_resolver(name)


@pytest.mark.fixtures
def test_names_from_fixture_10ks_that_are_registrants_still_resolve(sec_resolver):
    assert sec_resolver("Microsfot").ticker == "MSFT"  # one clear fuzzy match
    assert sec_resolver("Marvell Technology Group, Ltd.").ticker == "MRVL"
    assert sec_resolver("Alibaba Group").ticker == "BABA"
    assert sec_resolver("Sony").ticker == "SONY"  # files 20-F, listed in the ticker file


@pytest.mark.fixtures
def test_apples_platform_competitors_are_their_makers(sec_resolver):
    report = split_10k(fixture_path("edgar", "10k", "aapl-2024.htm"))
    mentions = competitor_mentions(report).drop_duplicates("name")
    table = competitor_set(APPLE, tenk_names=mentions, resolver=sec_resolver)
    rows = {r["name"]: r for r in table.to_dict("records")}
    assert set(rows) == {"Alphabet (Android)", "Microsoft (Windows, Xbox)",
                         "Sony Group (PlayStation)", "Nintendo"}
    assert rows["Alphabet (Android)"]["ticker"] == "GOOGL"
    assert rows["Microsoft (Windows, Xbox)"]["ticker"] == "MSFT"
    assert rows["Sony Group (PlayStation)"]["ticker"] == "SONY"
    nintendo = rows["Nintendo"]
    assert nintendo["cik"] is None and "not an SEC filer" in nintendo["note"]
    assert "NI Holdings" not in str(table.to_dict("records"))
    for row in rows.values():  # the sentence that names them, where it sits
        assert "competitors’ platforms, such as Android" in row["quote"]
        assert row["section"] == "Item 1A. Risk Factors"


def test_a_ticker_match_needs_a_ticker_or_the_registrants_name():
    sunoco = CompanyId(1552275, "SUN", "Sunoco LP")
    clra = CompanyId(9999902, "CLRA", "Clearline Analytics Corp")

    def resolver(query):
        by_ticker = {"sun": sunoco, "clra": clra}
        if query.lower() not in by_ticker:
            raise errors.CompanyNotFoundError(f"no company named {query!r}")
        return by_ticker[query.lower()]

    table = competitor_set(APPLE, tenk_names=["Sun", "CLRA"], resolver=resolver)
    rows = {r["name"]: r for r in table.to_dict("records")}
    assert rows["Sun"]["cik"] is None and "Sunoco" in rows["Sun"]["note"]
    assert rows["CLRA"]["ticker"] == "CLRA"
