"""Competition passages, competitor names, risk-factor headings and overviews of real 10-Ks."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import fixture_path

from research_kit.sources.edgar.competition import (
    business_overview,
    competition_passage,
    competitors_from_10k,
    risk_factor_headings,
    risk_factor_table,
)
from research_kit.sources.edgar.competitor_names import names_in_passage
from research_kit.sources.edgar.sections import split_10k

pytestmark = pytest.mark.fixtures


@cache
def report_of(name: str):
    return split_10k(fixture_path("edgar", "10k", name))


# "Apache" and "Linux" used to be here; the gold labels (benchmarks/data/
# competitors_10k_gold.json) count competing products a filing names as such
GENERIC = ("large technology companies", "local retailers", "banks", "Company", "Internet",
           "ATM", "Java", "Office", "GPUs")


@pytest.mark.parametrize("name, must_have", [
    ("msft-2013.htm", ["Apple", "Google", "IBM", "Oracle", "SAP", "Hewlett-Packard", "Red Hat",
                       "VMware", "Adobe", "Cisco", "Nintendo", "Sony", "Blackberry", "Yahoo!"]),
    ("nvda-2025.htm", ["Advanced Micro Devices, Inc.", "Intel Corporation", "Broadcom, Inc.",
                       "Qualcomm Incorporated", "Huawei Technologies Co. Ltd.", "Tesla, Inc.",
                       "Cisco Systems, Inc.", "Marvell Technology, Inc.", "Samsung"]),
    ("ma-2024.htm", ["Visa", "American Express", "JCB", "China UnionPay", "Discover"]),
])
def test_competitors_named(name, must_have):
    found = competitors_from_10k(report_of(name))
    for company in must_have:
        assert company in found, (name, company, found)
    for generic in GENERIC:
        assert generic not in found
    assert len(found) == len({n.lower() for n in found})


def test_aliases_are_not_listed_twice():
    found = competitors_from_10k(report_of("nvda-2025.htm"))
    assert "AMD" not in found and "Huawei" not in found and "Intel" not in found
    assert found.count("Advanced Micro Devices, Inc.") == 1
    assert "NVIDIA" not in " ".join(found)


# aapl-2024 and jnj-2016 were here: their Item 1 Competition sections name nobody, but
# Apple's Item 1A names "competitors' platforms, such as Android …" and J&J's names Pfizer's
# biosimilar (see benchmarks/data/competitors_10k_notes.json)
@pytest.mark.parametrize("name", ["amzn-2024.htm", "wfc-2008.htm"])
def test_competition_sections_that_name_no_company(name):
    report = report_of(name)
    passage = competition_passage(report)
    assert passage is not None and "compet" in passage.text.lower()
    assert competitors_from_10k(report) == []


def test_passage_spans_per_segment_sections_and_is_sourced():
    passage = competition_passage(report_of("msft-2013.htm"))
    assert passage.text.count("\n\n") > 5
    assert "Nintendo" in passage.text and "Oracle" in passage.text
    assert "Table of Contents" not in passage.text  # page furniture dropped
    assert passage.source.section.endswith("Competition")
    assert "Competition" in str(passage.to_panel())


def test_names_in_passage_grammar():
    text = ("We compete with Acme Widgets, Inc., or Acme, Beta Corp. and Gamma LLC in most "
            "markets. Our products also compete with open source software such as Linux. "
            "Competition from large technology companies and local retailers is intense. "
            "Vendors such as Delta Systems compete on price. We compete against ATM networks.")
    # "Linux" was excluded as a product; competing products named as such now count
    assert names_in_passage(text, own_name="Zeta Inc.") == [
        "Acme Widgets, Inc.", "Beta Corp.", "Gamma LLC", "Linux", "Delta Systems"]
    assert names_in_passage("Zeta Cloud competes with Omega.", own_name="Zeta Inc.") == ["Omega"]
    assert names_in_passage("") == []


@pytest.mark.parametrize("name, count, first", [
    ("aapl-2024.htm", 28, "The Company’s operations and performance depend significantly"),
    ("msft-2013.htm", 20, "We face intense competition across all markets"),
    ("nvda-2025.htm", 23, "Failure to meet the evolving needs of our industry"),
    ("wmt-2010.htm", 12, "General economic factors, both domestically and internationally"),
    ("spatializer-2014.htm", 16, "The Company Has No Means to Generate Revenue"),
])
def test_risk_factor_headings(name, count, first):
    headings = risk_factor_headings(report_of(name))
    assert len(headings) == count, headings[:3]
    assert headings[0].startswith(first)
    assert not any(h.startswith(("Risks Related", "Business Risks")) for h in headings)


def test_risk_headings_empty_when_1a_points_elsewhere_or_predates_it():
    assert risk_factor_headings(report_of("wfc-2008.htm")) == []  # by reference
    assert risk_factor_headings(report_of("ibm-1997.txt")) == []  # no Item 1A in 1997
    table = risk_factor_table(report_of("ibm-1997.txt"))
    assert len(table) == 0 and list(table.columns)[:3] == ["number", "category", "heading"]
    table = risk_factor_table(report_of("aapl-2024.htm"))
    assert table.iloc[0]["category"] == "Macroeconomic and Industry Risks"
    assert table["source_url"].notna().all() and table.iloc[0]["section"].startswith("Item 1A")


@pytest.mark.parametrize("name, first", [
    ("aapl-2024.htm", "The Company designs, manufactures and markets smartphones"),
    ("amzn-2024.htm", "We seek to be Earth’s most customer-centric company."),
    ("msft-2013.htm", "Microsoft was founded in 1975."),
    ("ibm-1997.txt", "IBM develops, manufactures and sells advanced information"),
    ("tgt-2002.htm", "The Registrant's retail merchandising business is conducted"),
])
def test_business_overview_is_verbatim_and_sourced(name, first):
    report = report_of(name)
    overview = business_overview(report)
    assert overview.text.startswith(first)
    assert len(overview.text) <= 1800
    for paragraph in overview.paragraphs:  # verbatim: every paragraph is in Item 1
        assert paragraph in " ".join(report.item("1").text.split())
    assert overview.source is not None and "Item 1" in overview.source.section
    html = overview._repr_html_()
    assert "<script" not in html and first[:10] in html
