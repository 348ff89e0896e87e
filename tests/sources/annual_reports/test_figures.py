"""Key figures: from the income statement, summary tables and sentences, each as printed and
in base units, with its currency, scale, period, page, quote and prior year — and what the
reader does when a figure cannot be read or the report contradicts itself."""

from __future__ import annotations

import pandas as pd
import pytest
from reports_support import HAAGA, MSFT, PMI, SHOE_19, SHOE_20, SHOE_23, figure, report

from research_kit.sources.annual_reports.pages import Line, Token
from research_kit.sources.annual_reports.pdf import read_annual_report_pdf
from research_kit.sources.annual_reports.table_figures import _amount_columns, _cells, _split
from research_kit.sources.annual_reports.text_figures import _money

fixtures = pytest.mark.fixtures


@fixtures
def test_figures_from_a_us_income_statement():
    rep = report(MSFT)
    revenue = figure(rep, "revenue")
    assert (revenue["value"], revenue["value_as_printed"], revenue["page"]) == (211_915e6, "211,915", 44)
    assert (revenue["unit"], revenue["currency"], revenue["scale"]) == ("USD", "$", "millions")
    assert revenue["quote"] == "Total revenue 211,915 198,270 168,088"
    assert revenue["prior_value_as_printed"] == "198,270" and revenue["prior_value"] == 198_270e6
    assert (revenue["fiscal_year"], revenue["period_end"], revenue["period"]) == (2023, "2023-06-30", "2023")
    assert revenue["section"] == "INCOME STATEMENTS (p. 44)" and revenue["source_url"].endswith(".pdf")
    assert figure(rep, "operating_income")["value"] == 88_523e6
    assert figure(rep, "net_income")["value"] == 72_361e6


@fixtures
def test_the_net_line_and_the_owners_share_win():
    rep = report(PMI)
    revenue = figure(rep, "revenue")  # not "Revenues including excise taxes … 80,669"
    assert revenue["value"] == 31_762e6 and revenue["basis"].startswith("Net revenues")
    assert revenue["quote"].startswith("Net revenues (includes $3,658 in 2022")  # label on 2 lines
    net = figure(rep, "net_income")  # not "Net earnings 9,527" (before minorities)
    assert net["value"] == 9_048e6 and net["basis"] == "Net earnings attributable to PMI"
    assert net["prior_value"] == 9_109e6  # the pro-forma note (p. 93) is not a contradiction


@fixtures
def test_employees_say_what_they_count_and_when():
    msft = figure(report(MSFT), "employees")
    assert msft["value"] == 221_000 and msft["value_as_printed"] == "approximately 221,000"
    assert msft["unit"] == "people (full-time)" and msft["period"] == "As of June 30, 2023"
    pmi = figure(report(PMI), "employees")  # the dated head count, not "nearly 80,000" (p. 3)
    assert (pmi["value"], pmi["page"], pmi["period"]) == (79_800, 15, "At December 31, 2022")
    haaga = figure(report(HAAGA), "employees")  # "specialists" counts in a personnel sentence
    assert (haaga["value"], haaga["unit"], haaga["page"]) == (762, "specialists", 10)
    shoe = figure(report(SHOE_19), "employees")
    assert (shoe["value"], shoe["unit"], shoe["page"]) == (2, "permanent employees", 27)


@fixtures
def test_sentences_with_comparatives_in_brackets_and_the_scale_after_them():
    rep = report(HAAGA)  # the statements are pictures: the review's sentences are all there is
    revenue = figure(rep, "revenue")
    assert revenue["value"] == 67.5e6 and revenue["page"] == 11 and revenue["how"] == "sentence"
    assert revenue["value_as_printed"] == "EUR 67.5 (67.4 in 2021) and 65.8 in 2020) million"
    assert revenue["prior_value"] == 67.4e6 and revenue["basis"] == "earnings"
    operating = figure(rep, "operating_income")
    assert operating["value"] == -2.9e6 and operating["prior_value"] == 1.5e6
    net = figure(rep, "net_income")
    assert net["value"] == -9.7e6 and net["page"] == 12 and net["section"] == "7. Finance (p. 12)"


@fixtures
def test_indian_grouping_hundreds_and_the_substitute_for_operating_profit():
    rep = report(SHOE_19)
    revenue = figure(rep, "revenue")
    assert (revenue["value"], revenue["value_as_printed"], revenue["scale"]) == (1_486_125, "14,861.25", "'00")
    assert revenue["basis"] == "Revenue from operations"  # not "Total Revenue (I + II)"
    operating = figure(rep, "operating_income")
    assert operating["value"] == -5_271_915 and operating["page"] == 13
    assert operating["basis"] == "Profit before depreciation, finance cost and tax"
    assert "prints no operating profit line" in operating["note"]
    assert any(w.startswith("operating profit: the report prints no") for w in rep.warnings)
    summary = rep.figure_candidates
    row = summary[(summary["metric"] == "revenue") & (summary["page"] == 13)].iloc[0]
    assert row["value_as_printed"] == "14,86,125" and row["value"] == 1_486_125 and row["scale"] == ""


@fixtures
def test_cells_out_of_order_in_the_text_layer_are_read_in_printed_order():
    # the text layer reads "- 52,719.15 165,123.46 -"; printed: "-  165,123.46 | -  52,719.15"
    net = figure(report(SHOE_20), "net_income")
    assert net["value_as_printed"] == "- 165,123.46" and net["value"] == -16_512_346
    assert net["prior_value"] == -5_271_915 and net["page"] == 46


@fixtures
def test_contradictions_are_reported_not_chosen():
    rep = report(SHOE_23)
    net = figure(rep, "net_income")
    assert net["value"] == -3_144_166  # the year itself: statements and report agree
    assert net["prior_value_as_printed"] == "1,59,697.65" and net["prior_value"] != net["prior_value"]
    assert "contradicts itself" in net["note"] and "(1,59,69,765)" in net["note"]
    revenue = figure(rep, "revenue")
    assert revenue["value"] == 1_060_937 and "Rs. 47,11,745/-" in revenue["note"]  # stale MD&A
    assert any("prior year not given" in w for w in rep.warnings)


def test_a_row_s_cells_by_position():
    def line(*cells):
        return Line(" ".join(t for t, _, _ in cells), 1,
                    tokens=tuple(Token(t, x0, x1) for t, x0, x1 in cells), x0=28, x1=573,
                    top=100, bottom=110)

    row = line(("Profit", 40, 61), ("-", 359, 361), ("52,719.15", 536, 573),
               ("165,123.46", 421, 462), ("-", 470, 472))
    other = line(("Revenue", 40, 70), ("186,965.49", 422, 463), ("14,861.25", 537, 573))
    label, figures = _split(row)
    assert label == "Profit"
    cells = _cells(figures, _amount_columns([row, other]))
    assert [(p, v) for p, v, _ in cells] == [("- 165,123.46", -165123.46), ("- 52,719.15", -52719.15)]
    nil = line(("Other", 40, 60), ("13", 333, 341), ("-", 451, 453), ("2,826.09", 536, 573))
    total = line(("Total", 40, 60), ("190,376.19", 421, 462), ("14,861.25", 537, 573))
    cells = _cells(_split(nil)[1], _amount_columns([nil, other, total]))
    assert [(p, v) for p, v, _ in cells] == [("13", 13.0), ("-", None), ("2,826.09", 2826.09)]


@pytest.mark.parametrize("sentence, metric, value, prior", [
    ("Net revenues of $31.8 billion increased by 1.1%.", "revenue", 31.8e9, None),
    ("Operating income (OI) of $12.2 billion decreased by 5.6%.", "operating_income", 12.2e9, None),
    ("we delivered strong results in fiscal year 2023, including a record $211 billion in revenue",
     "revenue", 211e9, None),
    ("The result for the financial year showed a loss of EUR -9.7 (5.0; 4.0) million.",
     "net_income", -9.7e6, 5.0e6),
    ("Your Company’s Revenue from operations in the Financial Year 2018-19 was Rs. 14,86,125 as "
     "compared to Rs. 26,05,000 in the previous Financial Year 2017-18.", "revenue", 1486125, 2605000),
    ("The Company had incurred Loss of Rs. 52,71,915 in the Financial Year 2018-19 as compared to "
     "Loss of Rs. 15,20,989 in the previous Financial Year 2017-2018.", "net_income", -5271915, -1520989),
])
def test_a_figure_in_a_sentence(sentence, metric, value, prior):
    found = [c for c in _money(sentence, 2023, {"microsoft"}) if c.metric == metric]
    assert found and found[0].value == pytest.approx(value)
    assert found[0].prior_value == (pytest.approx(prior) if prior is not None else None)


@pytest.mark.parametrize("sentence", [
    "Microsoft Cloud revenue increased 22% to $111.6 billion.",  # a segment's
    "Revenue increased $13.6 billion or 7% driven by growth in Intelligent Cloud.",  # a change
    "Net revenues include $10.2 billion in 2022 and $9.3 billion in 2021 related to the sale of "
    "smoke-free products.",  # a part
    "which represented a revenue of approximately EUR 1.8 million for our university.",  # a part
    "Adjusted net revenues of $32.6 billion increased by 7.7%.",  # adjusted
    "the change in accounting estimate increased operating income by $3.7 billion",  # an effect
])
def test_amounts_that_are_not_the_year_s_figure(sentence):
    assert _money(sentence, 2023, {"microsoft"}) == []


def test_a_table_without_a_printed_unit_gives_no_value(tmp_path):
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) makes the test PDFs")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for text in ("Annual Report 2023", "Statement of Profit and Loss", "2023 2022",
                 "Revenue from operations 1,234 1,100", "Profit for the year 210 190",
                 "We had 35 employees at the end of the year.",
                 "Sample Widgets Limited makes widgets for the building trade in Finland and "
                 "Sweden and sells them through its own shops."):
        pdf.cell(text=text, new_x="LMARGIN", new_y="NEXT", h=8)
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    rep = read_annual_report_pdf(path)
    table = rep.figure_candidates
    row = table[table["metric"] == "revenue"].iloc[0]
    assert row["value_as_printed"] == "1,234" and pd.isna(row["value"])  # no unit, no value
    assert "no unit is printed" in row["note"]
    assert "revenue" not in set(rep.key_figures()["metric"])
    assert any(w.startswith("revenue: not found in the report's text with a unit") for w in rep.warnings)
    assert figure(rep, "employees")["value"] == 35
