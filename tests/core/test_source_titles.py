"""Sources read like sources: human titles, never a program's names."""

from research_kit.provenance import Source
from research_kit.source_titles import (
    clean_title,
    filing_title,
    financials_title,
    posting_title,
    profile_title,
    shown_section,
    source_title,
    titles_by_url,
)

FACTS = "https://data.sec.gov/api/xbrl/companyfacts/CIK0000320193.json"
TENK = "https://www.sec.gov/Archives/edgar/data/320193/000032019324000123/aapl-20240928.htm"


def _src(url=TENK, title=None, section=None):
    return Source(url=url, retrieved_at="2024-11-02T10:00:00+00:00", title=title, section=section)


def test_builders():
    assert filing_title("Apple Inc.", "10-K", 2024) == "Apple Inc. 10-K FY2024"
    assert filing_title("Apple Inc.", filed="2024-11-01") == "Apple Inc. 10-K filed 2024-11-01"
    assert financials_title("Apple Inc.", "FY2024") == "Apple Inc. 10-K financials FY2024"
    assert posting_title("Acme", "Data Engineer") == "Job posting: Data Engineer at Acme"
    assert posting_title() == "Job posting"
    assert profile_title(kind="LinkedIn profile") == "Your LinkedIn profile"
    assert profile_title("Dana Okafor") == "Dana Okafor's profile"


def test_filing_items_join_with_a_comma_other_sections_with_a_dash():
    assert source_title(_src(title="Apple 10-K FY2024", section="Item 7")) == "Apple 10-K FY2024, Item 7"
    assert source_title(_src(url="notes/me.pdf", title="Your LinkedIn profile",
                             section="Experience")) == "Your LinkedIn profile — Experience"


def test_program_names_never_show():
    cases = [
        _src(FACTS, "SEC XBRL company facts FY2025", "derived from annual_financials"),
        _src(FACTS, "Apple Inc. XBRL company facts",
             "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
        _src(FACTS, "Apple Inc. 10-K FY2024", "10-K 0000320193-24-000123"),
        _src(TENK, "Apple press release (8-K, 2024-10-31)", "EX-99.1"),
    ]
    for source in cases:
        title = source_title(source)
        for bad in ("us-gaap", "annual_financials", "derived from", "XBRL company facts",
                    "0000320193-24-000123", "EX-99.1"):
            assert bad not in title, (title, bad)
    assert source_title(cases[0]) == "10-K financials FY2025 (SEC)"
    assert source_title(cases[1]) == "Apple Inc. 10-K financials"
    assert clean_title("Apple Inc. XBRL company facts FY2023") == "Apple Inc. 10-K financials FY2023"


def test_shown_section_keeps_human_sections():
    assert shown_section("Item 1A. Risk Factors") == "Item 1A. Risk Factors"
    assert shown_section("What you'll need") == "What you'll need"
    assert shown_section("dei:EntityCommonStockSharesOutstanding") == ""
    assert shown_section(None) == ""


def test_one_document_reads_the_same_in_every_footnote():
    first = _src(title="Apple Inc. 10-K filed 2024-11-01", section="Item 1. Business")
    later = _src(title=None, section="Item 1A. Risk Factors")
    other = _src(title="Apple 10-K", section="Item 7")
    borrowed = titles_by_url([first, later, other])
    assert source_title(later, borrowed) == "Apple Inc. 10-K filed 2024-11-01, Item 1A. Risk Factors"
    assert source_title(other, borrowed) == "Apple Inc. 10-K filed 2024-11-01, Item 7"


def test_untitled_sources_say_what_kind_of_place_they_are():
    assert source_title(_src(FACTS)) == "10-K financials (SEC)"
    assert source_title(_src(TENK, section="Item 7")) == "SEC filing, Item 7"
    assert source_title(_src("notes/dana-linkedin.pdf", section="Education")) == \
        "LinkedIn profile — Education"
    assert source_title(_src("https://example.com/about")) == ""
    # a section that starts with the title says it all
    assert source_title(_src("https://www.onetcenter.org/database.html", "O*NET Skills",
                             "O*NET Skills (2019 taxonomy)")) == "O*NET Skills (2019 taxonomy)"
