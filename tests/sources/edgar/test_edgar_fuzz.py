"""Random input raises only research-kit's own errors from the EDGAR parsers."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit.errors import ResearchKitError
from research_kit.sources.edgar.competitor_names import names_in_passage
from research_kit.sources.edgar.financials import annual_financials_from_facts
from research_kit.sources.edgar.press import exhibit_links, press_release_from_document
from research_kit.sources.edgar.sections import split_10k

FAST = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HEADINGS = ["ITEM 1. BUSINESS", "Item 1A.\tRisk Factors\t12", "PART II", "Item 7 - MD&A",
            "ITEMS 1 AND 2. BUSINESS AND PROPERTIES", "SIGNATURES", "<DOCUMENT>", "<TYPE>10-K",
            "</DOCUMENT>", "FORM 10-K", "FORM 10-KSB", "incorporated herein by reference",
            "<p><b>Item 8.</b></p>", "<table><tr><td>Item 9A(T)</td><td>Controls</td></tr>",
            "Competition", "We compete with Acme, Inc., or Acme, and Beta Corp.", "\x00", "•",
            "<html>", "</html>", "Request Rate Threshold Exceeded", "Item 16.", "Table of Contents"]
structured = st.lists(st.one_of(st.sampled_from(HEADINGS), st.text(max_size=80)),
                      max_size=40).map("\n".join)


def _split(data):
    try:
        report = split_10k(data, allow_forms=["10-KSB", "10-Q"])
    except ResearchKitError:
        return
    for item in report.items:
        assert report.text[item.body_start:item.end] == item.text or item.start == -1 \
            or item.status == "by_reference"
    json.dumps(report.to_dict())


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _split(data)


@FAST
@given(structured)
def test_heading_soup(text):
    _split(text)
    _split(text.encode("utf-8"))
    names_in_passage(text)


def _fixture_bytes():
    folder = FIXTURES / "edgar" / "10k"
    return [p.read_bytes() for p in sorted(folder.glob("*"))[:21]] if folder.exists() else []


FIXTURE_BYTES = _fixture_bytes()


@pytest.mark.skipif(not FIXTURE_BYTES, reason="real-world fixtures not present")
@FAST
@given(st.data())
def test_slices_of_real_filings(data):
    doc = data.draw(st.sampled_from(FIXTURE_BYTES))
    start = data.draw(st.integers(0, len(doc) - 1))
    size = data.draw(st.integers(0, 60_000))
    _split(doc[start:start + size])


@FAST
@given(st.one_of(st.binary(max_size=2000), structured))
def test_press_and_index_parsers(data):
    try:
        press_release_from_document(data)
    except ResearchKitError:
        pass
    exhibit_links(data if isinstance(data, bytes) else data.encode(), "https://www.sec.gov/")


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=10),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                        st.sampled_from(["facts", "us-gaap", "dei", "Revenues", "units", "USD",
                                         "end", "start", "val", "form", "fy", "accn", "filed",
                                         "frame", "cik", "entityName"]), inner, max_size=5),
                    max_leaves=30))
def test_company_facts_shapes(data):
    try:
        annual_financials_from_facts(data)
    except ResearchKitError:
        pass


fact = st.fixed_dictionaries({}, optional={
    "start": st.one_of(st.none(), st.integers(), st.sampled_from(["2024-01-01", "2023-12-30", "x"])),
    "end": st.one_of(st.integers(), st.sampled_from(["2024-12-31", "2025-01-02", "", "bad"])),
    "val": st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3)),
    "form": st.sampled_from(["10-K", "10-Q", "20-F", ""]), "fy": st.one_of(st.integers(), st.text()),
    "accn": st.one_of(st.integers(), st.sampled_from(["a", "b"])),
    "frame": st.sampled_from(["CY2024", "CY2024Q4I", 7]), "filed": st.sampled_from(["2025-02-01", 3])})


@FAST
@given(st.lists(fact, max_size=12), st.sampled_from(["Revenues", "Assets", "NetIncomeLoss"]))
def test_company_facts_values(facts, concept):
    data = {"cik": 1, "entityName": "X", "facts": {"us-gaap": {concept: {"units": {"USD": facts}}},
                                                   "dei": {"EntityCommonStockSharesOutstanding":
                                                           {"units": {"shares": facts}}}}}
    table = annual_financials_from_facts(data)
    assert list(table.columns)[:3] == ["cik", "company", "fiscal_year"]
