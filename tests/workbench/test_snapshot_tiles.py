"""The snapshot's tiles read alone: annual-report figures on one footing (one scale per
report, currency as printed, a loss with a minus sign, never cut), profile facts under a
whole label. Small self-written tables (the real report: tests/sources/annual_reports/
test_company_source.py; the rendered tile: tests/brief/test_render.py)."""

from __future__ import annotations

import pandas as pd

from research_kit.workbench.brief_builder import _report_cards, snapshot_for

MINUS = "\u2212"
SRC = {"source_url": "notes/report.pdf", "retrieved_at": "2026-11-30", "section": "p. 1",
       "from_cache": False}


def _figures(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{**SRC, "fiscal_year": 2023, "unit": "INR", **r} for r in rows])


def _by_label(cards) -> dict[str, tuple[str, str]]:
    return {c.label: (c.value, c.note) for c in cards}


def test_the_same_loss_reads_the_same_whatever_scale_each_table_prints():
    """"(31,441.66)" in a table "in '00" and "(31,44,166)" in one "in Rs." are one loss."""
    cards = _by_label(_report_cards(_figures(
        {"metric": "revenue", "value": 1060937.0, "value_as_printed": "10,609.37",
         "currency": "Rs.", "scale": "'00", "period": "2023", "prior_value": 4711745.0,
         "prior_value_as_printed": "47,117.45"},
        {"metric": "operating_income", "value": -3144166.0, "value_as_printed": "(31,44,166)",
         "currency": "Rs.", "scale": "", "period": "31.03.2023",
         "basis": "Profit before depreciation, finance cost and tax"},
        {"metric": "net_income", "value": -3144166.0, "value_as_printed": "(31,441.66)",
         "currency": "Rs.", "scale": "'00", "period": "2023", "prior_value": None,
         "prior_value_as_printed": "1,59,697.65", "basis": "Profit or (Loss) for the period"},
    )))
    assert cards["Revenue 2023"] == ("Rs. 1,060,937", "prior year 4,711,745")
    # a line that only stands in for operating profit says what it is
    assert cards["Profit before depreciation, finance cost and tax 31.03.2023"] == (
        f"Rs. {MINUS}3,144,166", "")
    # the same amount again (net profit = profit before depreciation here) is one tile
    assert "Net profit 2023" not in cards


def test_one_scale_per_report_and_one_way_of_writing_its_currency():
    cards = _by_label(_report_cards(pd.DataFrame([
        {**SRC, "fiscal_year": 2022, "metric": "revenue", "value": 31.762e9, "unit": "USD",
         "currency": "dollars", "value_as_printed": "31,762", "prior_value": 31.405e9},
        {**SRC, "fiscal_year": 2022, "metric": "net_income", "value": -412e6, "unit": "USD",
         "currency": "$", "value_as_printed": "(412)"},
        {**SRC, "fiscal_year": 2022, "metric": "operating_income", "value": 40e6,
         "unit": "USD", "currency": "$", "value_as_printed": "40"},
    ])))
    assert cards["Revenue 2022"] == ("$31.8 billion", "prior year 31.4 billion")
    assert cards["Net profit 2022"] == (f"{MINUS}$0.41 billion", "")
    assert cards["Operating profit 2022"][0] == "$0.04 billion"


def test_a_figure_without_a_printed_unit_says_so():
    [card] = _report_cards(_figures(
        {"metric": "revenue", "value": None, "value_as_printed": "(14,86,125)",
         "currency": "Rs.", "scale": None, "period": "2019"}))
    assert (card.value, card.note) == (f"Rs. {MINUS}1,486,125", "scale not printed")


def test_fact_tiles_have_whole_labels():
    facts = pd.DataFrame([{**SRC, "fact": f, "value": v} for f, v in (
        ("full name", "Chunghwa Telecom Global"),
        ("founded", "2002"),
        ("headquarters", "San Jose, United States"),
        ("leader", "Joe Ming-Hsien Yang, CEO/President"),
        ("offices", "2: San Jose, Diamond Bar"),
        ("offerings", "22: Intl Private Lines, Global Ethernet, Global MPLS-VPN, "
                      "Global EZ-VPN …"),
    )])
    cards = {c.label: (c.value, c.note) for c in snapshot_for(facts=facts).figures}
    assert cards == {
        "Full name": ("Chunghwa Telecom Global", ""),
        "Founded": ("2002", ""),
        "Headquarters": ("San Jose", "United States"),
        "CEO/President": ("Joe Ming-Hsien Yang", ""),
        "Offices: San Jose, Diamond Bar": ("2", ""),
        "Offerings, e.g. Intl Private Lines": ("22", ""),
    }


def test_swot_cells_start_with_the_fact_not_the_talking_point_voice():
    import pandas as pd

    from research_kit.workbench import brief_builder as bb

    row = {"quadrant": "Opportunities", "basis": "company fact", "prompt": "",
           "item": "I saw Brightwater Instruments' announcement on 2025-09-08: “Brightwater "
                   "Instruments Opens European Service Center in Rotterdam”.",
           "source_url": "https://www.example.com/news", "retrieved_at": "2026-11-20",
           "section": "news"}
    swot = bb.swot_for(pd.DataFrame([row]))
    [item] = swot.opportunities
    assert item.text.startswith("2025-09-08: “Brightwater Instruments Opens European")
    assert "Rotterdam" in item.text


def test_a_routine_results_release_is_no_opportunity_but_an_opening_is():
    from research_kit.research.position.swot import _company_quadrant

    results = "I saw Acme's announcement on 2026-02-19: “Acme Reports Fourth Quarter and " \
              "Full Year 2025 Results”."
    opening = "I saw Acme's announcement on 2025-09-08: “Acme Opens European Service Center " \
              "in Rotterdam”."
    assert _company_quadrant({"kind": "press_release"}, results) is None
    assert _company_quadrant({"kind": "press_release"}, opening) == "Opportunities"
