"""Notebook views: readable HTML, the frame whole for analysis, no MathJax on "$"."""

import pandas as pd

from research_kit.display import NO_MATH, Panel, escape_markdown
from research_kit.display_frames import ShownFrame, frame_html, shown
from research_kit.workbench.views import financials_view, match_view, money, present, wide_financials

SRC = {"source_url": "https://www.sec.gov/Archives/edgar/data/1/x-20251231.htm",
       "retrieved_at": "2026-02-24T15:02:11+00:00", "section": "Item 7", "from_cache": True}


def _match():
    return pd.DataFrame([
        {"rank": 1, "kind": "required", "requirement": "5+ years of Python", "status": "met",
         "evidence": "Built pipelines in Python <script>alert(1)</script> for $497.3 million in 2025 "
                     "from $436.9 million " + "x" * 300,
         "evidence_source": "Experience · Data Engineer", "score": 0.95, **SRC},
        {"rank": 1, "kind": "preferred", "requirement": "Kafka", "status": "not met",
         "evidence": None, "evidence_source": None, "score": 0.0, **SRC},
    ])


def test_shown_frame_is_the_frame_and_operations_give_plain_frames():
    frame = _match()
    view = present("match", frame)
    assert isinstance(view, ShownFrame) and isinstance(view, pd.DataFrame)
    pd.testing.assert_frame_equal(view.to_dataframe(), frame)
    assert type(view.to_dataframe()) is pd.DataFrame
    assert type(view[view["kind"] == "required"]) is pd.DataFrame
    assert type(view.head()) is pd.DataFrame
    assert view["rank"].sum() == 2 and len(view) == 2
    assert present("match", view) is view


def test_match_view_shows_verdicts_full_quotes_and_a_source_link_escaped():
    html = match_view(_match())
    assert NO_MATH in html
    assert "✓" in html and "✗" in html
    assert "x" * 300 in html  # never cut
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<a href="https://www.sec.gov/Archives/edgar/data/1/x-20251231.htm"' in html
    assert "SEC filing, Item 7" in html  # the human title as the tooltip
    assert "$497.3 million" in html
    assert "no evidence in your profile yet" in html


def test_financials_view_is_wide_with_human_units_and_one_sourced_caption():
    rows = []
    for year, value in ((2024, 436_900_000), (2025, 497_300_000)):
        rows.append({"fiscal_year": year, "metric": "revenue", "value": value, "unit": "USD",
                     "cik": 9999901, "company": "Brightwater Instruments, Inc.",
                     **{**SRC, "source_url": "https://data.sec.gov/api/xbrl/companyfacts/CIK0009999901.json",
                        "section": "us-gaap:Revenues"}})
    rows.append({"fiscal_year": 2025, "metric": "employees", "value": 1240, "unit": "pure",
                 "cik": 9999901, "company": "Brightwater Instruments, Inc.", **SRC})
    frame = pd.DataFrame(rows)
    html = financials_view(frame)
    assert html.index("FY2024") < html.index("FY2025")
    assert "$436.9M" in html and "$497.3M" in html and "1,240" in html
    assert html.count("9999901") <= 2  # the caption link and its tooltip, not every row
    assert "us-gaap" not in html
    assert html.count("Brightwater Instruments, Inc.") <= 2
    wide = wide_financials(frame)
    assert list(wide.columns) == ["FY2024", "FY2025"]
    assert wide.loc["revenue", "FY2025"] == 497_300_000


def test_money():
    assert money(497_300_000) == "$497.3M"
    assert money(-2_500_000_000) == "-$2.5B"
    assert money(48_200_000, "shares") == "48.2M"
    assert money(1240, "pure") == "1,240"
    assert money(float("nan")) == ""


def test_default_view_and_long_tables():
    frame = pd.DataFrame({"point": [f"point {n} costs $5 and $6" for n in range(100)], **{
        k: [v] * 100 for k, v in SRC.items()}})
    html = frame_html(frame)
    assert "first 60 of 100 rows" in html and "source_url" not in html
    assert shown(frame)._repr_html_() == html


def test_panels_and_markdown_keep_dollars_literal():
    assert NO_MATH in Panel("Business", paragraphs=["$497.3 million from $436.9"])._repr_html_()
    assert escape_markdown("$497.3 million from $436.9 *net*") == \
        r"\$497.3 million from \$436.9 \*net\*"
