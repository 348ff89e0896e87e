"""Competitors named by the real fixture 10-Ks: one test per shape the extractor reads.

The full scores over all 34 fixture 10-Ks are in benchmarks/bench_competitors.py; these
tests pin the shapes (and the traps) so that a change to one rule shows where it breaks.
"""

from __future__ import annotations

from functools import cache

import pytest
from conftest import fixture_path

from research_kit.lexicon.company_names import company_key
from research_kit.sources.edgar.competitors import competitor_mentions, competitors_from_10k
from research_kit.sources.edgar.sections import split_10k

pytestmark = pytest.mark.fixtures


@cache
def report_of(folder: str, name: str):
    return split_10k(fixture_path("edgar", folder, name), allow_forms=["10-KSB"])


def keys(names):
    return {company_key(n) for n in names}


def test_bold_competition_heading_with_curly_apostrophes_and_dotted_names():
    found = competitors_from_10k(report_of("10k-more", "M_10K_FY2012.htm"))
    for name in ("Amazon", "Bed Bath & Beyond", "Dillard’s", "J.C. Penney", "Kohl’s", "Limited",
                 "Lord & Taylor", "TJ Maxx", "Wal-Mart"):
        assert name in found, name
    assert "Dillard" not in found and "J.C." not in found
    # the performance-graph peer index in Item 5 is not read
    assert len(found) == 18


def test_all_caps_run_in_heading_and_a_name_before_a_noun():
    """"COMPETITION – There is …"; "NS’ primary rail competitor is the CSX system"."""
    report = report_of("10k-more", "NSC_10K_2008.htm")
    assert competitors_from_10k(report) == ["CSX"]
    row = competitor_mentions(report).iloc[0]
    assert row["quote"].startswith("NS’ primary rail competitor is the CSX system")


def test_per_segment_competition_headings_aliases_owner_and_own_products():
    found = competitors_from_10k(report_of("10k-more", "AMD_10K_2022.htm"))
    for name in ("Intel Corporation", "NVIDIA Corporation", "Lattice Semiconductor Corporation",
                 "Microsemi Corporation", "Microchip", "Marvell Technology Group, Ltd.",
                 "Texas Instruments Incorporated", "NXP Semiconductors N.V."):
        assert name in found, name
    # "(Intel)" is an alias; "with our FPGA, Adaptive SoC, CPU …" lists AMD's own products
    assert "Intel" not in found and "Adaptive SoC" not in found and "ASICs" not in found


def test_risk_factor_paragraph_about_competition_names_producers():
    """Item 1A: "Large ethanol producers such as …, among others, are capable …"."""
    found = competitors_from_10k(report_of("10k-more", "SIRE_10K_FY2008.htm"))
    assert found == ["Abengoa Bioenergy Corp.", "Archer Daniels Midland",
                     "Aventine Renewable Energy, Inc.", "Cargill, Inc.", "New Energy Corp."]


def test_commas_inside_names_and_as_well_as():
    found = competitors_from_10k(report_of("10k", "gainsco-2009.htm"))
    assert "Affirmative Insurance Holdings, Inc." in found
    assert "Infinity Property & Casualty Corporation" in found
    assert "Permanent General Companies" in found  # split across source lines
    assert len(found) == 16 and "MGA Insurance Company, Inc." not in found


def test_lead_in_bullets_and_defined_aliases():
    found = competitors_from_10k(report_of("10k", "nvda-2025.htm"))
    assert keys(found) == keys(["Advanced Micro Devices, Inc.", "Huawei Technologies Co. Ltd.",
                                "Intel Corporation", "Alibaba Group", "Alphabet Inc.", "Amazon, Inc.",
                                "Baidu, Inc.", "Microsoft Corporation", "Ambarella, Inc.",
                                "Broadcom, Inc.", "Qualcomm Incorporated",
                                "Renesas Electronics Corporation", "Samsung", "Tesla, Inc.",
                                "Arista Networks", "Cisco Systems, Inc.",
                                "Hewlett Packard Enterprise Company", "Lumentum Holdings Inc.",
                                "Marvell Technology, Inc."])
    assert not {"AMD", "Huawei", "TSMC", "Wistron Corporation"} & set(found)  # aliases, suppliers


def test_elliptical_possessive_and_a_partner_in_the_competing_offer():
    found = competitors_from_10k(report_of("10k-more", "MRNA_10K_2024.htm"))
    assert set(found) == {"Pfizer", "BioNTech", "Sanofi", "Novavax", "GlaxoSmithKline", "CureVac",
                          "GSK"}
    assert "CAR-T" not in found and "Merck" not in found  # a kind of therapy; a collaborator


def test_for_example_clauses_after_a_competition_sentence():
    found = competitors_from_10k(report_of("10k-more", "VZ_10K_2008.htm"))
    assert found == ["AT&T", "Sprint Nextel", "T-Mobile", "US Cellular", "Metro PCS",
                     "Leap Wireless", "Alltel", "Apple Inc.", "Google Inc."]
    assert "Vodafone" not in found  # joint-venture partner


def test_competing_platforms_named_in_a_risk_factor():
    found = competitors_from_10k(report_of("10k", "aapl-2024.htm"))
    assert found == ["Android", "Windows", "PlayStation", "Nintendo", "Xbox"]


def test_own_products_named_in_competition_sections_are_not_competitors():
    found = competitors_from_10k(report_of("10k", "msft-2013.htm"))
    assert {"Apple", "Google", "Yahoo!", "Red Hat", "Ruby on Rails", "Salesforce.com",
            "Blackberry"} <= set(found)
    assert not {"Office", "Windows Phone", "Surface", "Bing", "Xbox", "Microsoft Dynamics",
                "Java", "SkyDrive"} & set(found)


@pytest.mark.parametrize("folder, name", [
    ("10k-more", "GOOG_10K_2024.html"),          # categories only
    ("10k-more", "PG_10K_FY2024.html"),          # "well-known global competitors", unnamed
    ("10k-more", "YUM_10K_2008.htm"),            # own concepts; market-share source note
    ("10k-more", "FordMotor_10K_1993.txt"),      # names only in market-share tables
    ("10k-more", "ForwardIndustries_10K_FY2016.htm"),
    ("10k", "txt-2001.txt"),                     # "two major U.S. competitors", unnamed
    ("10k", "wmt-2010.htm"),                     # licensed brands ("Rival"), own segments
    ("10k", "ibm-1997.txt"),                     # trademark notices in the exhibit
    ("10k", "tsla-2024.htm"),                    # own models compete with categories
    ("10k", "amzn-2024.htm"),                    # antitrust "competition rules", categories
    ("10k", "sigmarenopro-2019.htm"),            # officer named in a risk factor
])
def test_filings_that_name_no_competitor(folder, name):
    assert competitors_from_10k(report_of(folder, name)) == []


def test_mentions_table_quotes_each_sentence_with_its_section():
    report = report_of("10k", "ma-2024.htm")
    table = competitor_mentions(report)
    assert list(table.columns) == ["name", "quote", "source_url", "retrieved_at", "section",
                                   "from_cache"]
    visa = table[table["name"] == "Visa"].iloc[0]
    assert visa["quote"] == ("We compete worldwide with payments networks such as Visa, American "
                             "Express, JCB, China UnionPay and Discover, among others.")
    assert visa["section"] == "Item 1. BUSINESS — Competition"  # the filing's own title
    flat = " ".join(report.text.split())
    assert all(quote in flat for quote in table["quote"])  # verbatim
    assert table["source_url"].notna().all()


def test_10k_inside_an_annual_report_pdf():
    """PDF text: headings are lines inside long paragraphs; "plc" is written in lower case."""
    from research_kit.sources.annual_reports.pdf import read_annual_report_pdf

    report = read_annual_report_pdf(fixture_path("reports", "pmi_2022_annual_report.pdf")).ten_k()
    assert competitors_from_10k(report) == ["British American Tobacco plc", "Japan Tobacco Inc.",
                                            "Imperial Brands plc"]
    sections = set(competitor_mentions(report)["section"])
    assert "Item 1. Business. — Competition" in sections


def test_each_quote_cites_the_section_it_sits_in():
    """Not every name comes from Item 1's Competition part: Apple names its rivals' platforms
    in Item 1A, Microsoft some rivals in Item 7; a lead-in ("Our current competitors
    include") is not a section title, a segment's Competition heading is."""
    def sections(folder, name):
        table = competitor_mentions(report_of(folder, name))
        first: dict[str, str] = {}
        for row in table.to_dict("records"):
            first.setdefault(row["name"], row["section"])
        return first

    assert set(sections("10k", "aapl-2024.htm").values()) == {"Item 1A. Risk Factors"}
    assert set(sections("10k", "nvda-2025.htm").values()) == {"Item 1. Business — Competition"}
    amd = sections("10k-more", "AMD_10K_2022.htm")
    assert amd["Intel Corporation"] == "Item 1. BUSINESS — Competition in Data Center Segment"
    assert amd["ARM"] == "Item 1A. RISK FACTORS"  # named in a risk factor only
    msft = set(competitor_mentions(report_of("10k", "msft-2013.htm"))["section"])
    assert "Item 1. BUSINESS — Competition" in msft
    assert any(s.startswith("Item 7. MANAGEMENT") for s in msft)
