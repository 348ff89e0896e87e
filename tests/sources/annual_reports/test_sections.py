"""Sections by the report's own headings, each with a kind: one test per rule."""

from __future__ import annotations

import re

import pytest
from reports_support import HAAGA, MSFT, PMI, SHOE_19, SHOE_20, SHOE_23, report

from research_kit.sources.annual_reports.kinds import KINDS, is_salutation, kind_of_title
from research_kit.sources.annual_reports.sections import _entries

fixtures = pytest.mark.fixtures


@pytest.mark.parametrize("title, kind", [
    # letters, in several jurisdictions' words
    ("1. President’s review: Building a future-fit Haaga-Helia", "letter"),
    ("Chairman's Statement", "letter"), ("Letter to Shareholders", "letter"),
    ("Message from the CEO", "letter"), ("Dear Shareholder,", "letter"),
    ("The Ambitions That Drive Us", "strategy"), ("OUR OPPORTUNITY", "strategy"),
    ("Our Strategy", "strategy"), ("Business model", "strategy"),
    ("MANAGEMENT DISCUSSION AND ANALYSIS REPORT", "review"), ("Item 1. Business.", "review"),
    ("DIRECTORS’ REPORT", "review"), ("Segment Wise or Product wise Performance", "review"),
    ("Operating Results by Business Segment", "review"), ("7. Finance", "review"),
    ("HUMAN CAPITAL RESOURCES", "people"), ("5. Personnel and culture", "people"),
    ("Industry Structure and Development", "market"), ("Opportunities and Threats", "market"),
    ("Competition", "market"), ("Key Market Data", "market"),
    ("Item 1A. Risk Factors.", "risk"), ("RISK MANAGEMENT POLICY", "risk"),
    ("Risks Related to our Competitive Environment", "risk"),  # a risk before a market
    ("QUANTITATIVE AND QUALITATIVE DISCLOSURES ABOUT MARKET RISK", "risk"),
    ("Principal risks and uncertainties", "risk"),
    ("Outlook", "outlook"), ("Looking Ahead", "outlook"), ("Our Future Opportunity", "outlook"),
    ("CORPORATE GOVERNANCE", "governance"), ("COMMITTEES OF BOARD", "governance"),
    ("Item 9A. Controls and Procedures.", "governance"), ("Remuneration report", "governance"),
    ("Statement of Profit and Loss for the year ended 31st March, 2019", "financial_statements"),
    ("Consolidated Statements of Earnings", "financial_statements"),
    ("INDEPENDENT AUDITOR’S REPORT", "financial_statements"),
    ("Notes to Balance Sheet as at 31st March, 2019", "financial_statements"),
    ("Appendix: Haaga-Helia’s key figures 2022", "financial_statements"),
    ("NOTICE CONVENING ANNUAL GENERAL MEETING", "notice"), ("PROXY FORM", "notice"),
    ("Sub: Outcome of the Board Meeting held on August 10, 2023", "notice"),
    ("Contents", "other"), ("Item 5. Market for Registrant’s Common Equity", "other"),
    ("Note About Forward-Looking Statements", "other"), ("Corporate Social Responsibility", "other"),
    ("EXTRACT OF ANNUAL RETURN", "other"), ("Shareholder Information", "other"),
])
def test_kind_of_a_heading(title, kind):
    assert kind_of_title(title) == kind and kind in KINDS


def test_a_heading_that_does_not_say_has_no_kind():
    assert kind_of_title("2 Learning and guidance") is None
    assert kind_of_title("A NEW ERA OF AI") is None


def test_salutations():
    assert is_salutation("Dear shareholders, colleagues, customers, and partners,")
    assert is_salutation("Dear Shareholder(s),") and not is_salutation("Dear Sir, we write")


def test_contents_entries_with_bullets_dot_leaders_and_wrapped_lines():
    shoe = ["Contents", "• Notice 03", "• Proxy Form 09", "• Directors’ Report 12",
            "BOARD OF DIRECTORS"]
    assert [(e.title, e.page) for e in _entries(shoe)] == [
        ("Notice", 3), ("Proxy Form", 9), ("Directors’ Report", 12)]
    haaga = ["2 Learning and guidance......................... 3", "7. Finance........ 10"]
    assert [(e.title, e.page) for e in _entries(haaga)] == [
        ("2 Learning and guidance", 3), ("7. Finance", 10)]
    tenk = ["Item 5. Market for Registrant’s Common Equity, Related Stockholder Matters and Issuer",
            "Purchases of Equity Securities 19", "Item 6. [Reserved] 22"]
    assert [e.title for e in _entries(tenk)] == [
        "Item 5. Market for Registrant’s Common Equity, Related Stockholder Matters and Issuer "
        "Purchases of Equity Securities", "Item 6. [Reserved]"]


@fixtures
def test_contents_entries_are_found_as_body_headings_past_the_page_offset():
    # printed page + 1 (a scanned cover letter) in FY2018-19; the body's wording is the title
    rep = report(SHOE_19)
    by_title = {s.title: s for s in rep.sections if s.from_contents}
    assert by_title["NOTICE CONVENING ANNUAL GENERAL MEETING"].first_page == 4
    assert by_title["DIRECTORS’ REPORT"].first_page == 13
    assert by_title["Statement of Profit and Loss for the year ended 31st March, 2019"].first_page == 36
    # the 10-K's contents in PMI: printed page + 10
    pmi = {s.title: s for s in report(PMI).sections if s.from_contents}
    assert pmi["Item 7. Management’s Discussion and Analysis of Financial Condition and "
               "Results of Operations."].first_page == 32


@fixtures
@pytest.mark.parametrize("parts", [SHOE_19, SHOE_20, SHOE_23])
def test_table_rows_notice_items_and_signatures_are_not_headings(parts):
    titles = [s.title for s in report(parts).sections]
    assert not [t for t in titles if re.search(r"\d{1,3}(?:,\d{2,3})+|\d+\.\d\d\b", t)]  # figures
    assert not [t for t in titles if re.match(r"^\d+\.\s+(?:To|Appointment|Change|Increase)", t)]
    assert not [t for t in titles if t.startswith(("Sl. No.", "95, Park Street", "Sub-total",
                                                   "Name of Director", "Particulars Financial"))]
    assert "Particulars" not in titles
    assert "Independent Director" not in titles  # the second line of a resolution
    assert len(titles) < 140


@fixtures
@pytest.mark.parametrize("parts", [SHOE_19, SHOE_20, SHOE_23])
def test_management_discussion_subsections_and_their_kinds(parts):
    kinds = {s.title: s.kind for s in report(parts).sections}
    assert kinds["Industry Structure and Development"] == "market"
    assert kinds["Opportunities and Threats"] == "market"
    assert kinds["Outlook"] == "outlook"
    assert kinds["Risks and Concerns and Contingent Liability"] == "risk"
    assert kinds["Segment Wise or Product wise Performance"] == "review"
    assert kinds["RISK MANAGEMENT POLICY"] == "risk"


@fixtures
def test_a_salutation_makes_the_letter():
    msft = report(MSFT).sections
    assert msft[0].title == "Dear shareholders, colleagues, customers, and partners," and \
        msft[0].kind == "letter" and msft[0].first_page == 2
    assert msft[1].title == "A NEW ERA OF AI" and msft[1].kind == "letter"  # inherits
    shoe = report(SHOE_19)
    assert shoe.section("DIRECTORS’ REPORT").kind == "letter"  # "Dear Shareholders," under it
    late = [s for s in shoe.sections if s.title == "Dear Shareholder(s),"]
    assert late and late[0].kind == "other"  # a KYC form at the back, not a letter
    assert report(PMI).section("Dear Shareholder,").kind == "letter"


@fixtures
def test_italic_subheadings_above_running_text():
    pmi = {(s.title, s.first_page): s.kind for s in report(PMI).sections}
    assert pmi[("Competition", 14)] == "market" and pmi[("Human Capital", 15)] == "people"
    assert pmi[("Risks Related to our Competitive Environment", 24)] == "risk"
    msft = [(s.first_page, s.kind) for s in report(MSFT).sections if s.title == "Competition"]
    assert msft == [(18, "market"), (20, "market"), (22, "market")]


@fixtures
def test_notes_to_the_statements_stay_statements():
    kinds = {s.title: s.kind for s in report(PMI).sections}
    assert kinds["Employee benefit plans"] == "financial_statements"
    assert kinds["Notes to Consolidated Financial Statements"] == "financial_statements"


@fixtures
def test_chapters_without_a_telling_title_are_the_report_s_review():
    rep = report(HAAGA)
    assert rep.section("2 Learning and guidance").kind == "review"
    assert rep.section("Education export and extensive collaboration").kind == "review"
    assert rep.section("A responsible work community").kind == "people"  # its chapter's
