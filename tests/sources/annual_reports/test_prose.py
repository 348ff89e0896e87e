"""Paragraphs rebuilt from wrapped PDF lines, and the passages of the report's own account."""

from __future__ import annotations

import json

import pytest
from conftest import PROJECT
from reports_support import ALL, HAAGA, MSFT, PMI, SHOE_19, report

from research_kit.sources.annual_reports.kinds import PROSE_KINDS
from research_kit.sources.annual_reports.lines import is_table_row
from research_kit.sources.annual_reports.pages import Line
from research_kit.sources.annual_reports.prose import _joined, report_passages
from research_kit.sources.company import PASSAGE_COLUMNS

fixtures = pytest.mark.fixtures
GOLD = json.loads((PROJECT / "benchmarks" / "data" / "annual_reports_gold.json").read_text())


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def test_words_broken_at_a_line_end():
    def lines(*texts):
        return [Line(t, 1) for t in texts]

    words = {"employment", "retailers"}
    assert _joined(lines("full employ\u00ad", "ment for all"), words) == "full employment for all"
    assert _joined(lines("from 'non\u00ad", "specialist' retailers"), words) == \
        "from 'non-specialist' retailers"  # no such word as "nonspecialist" in the report
    assert _joined(lines("a threat from 'non\u00adspecialist'"), words) == "a threat from 'non-specialist'"


@fixtures
def test_paragraphs_are_whole_and_verbatim():
    haaga = report(HAAGA)
    first = haaga.paragraphs(haaga.section("7. Finance"))[0].text
    assert first == ("Haaga-Helia’s earnings in 2022 were EUR 67.5 (67.4 in 2021) and 65.8 in 2020) "
                     "million, of which basic funding accounted for EUR 56.1 (59.1; 58.0) million, "
                     "or 83 per cent of the total earnings.")
    msft = report(MSFT)
    letter = [p.text for p in msft.paragraphs(msft.sections[0])]
    assert letter[0].startswith("We are living through a time of historic challenge") and \
        letter[0].endswith("help us address some of our most pressing challenges.")


@fixtures
def test_a_sentence_goes_on_past_a_footnote_a_caption_and_a_page_break():
    pmi = report(PMI)
    texts = [p.text for p in pmi.paragraphs(pmi.section("Delivering a Smoke-Free Future"))]
    joined = next(t for t in texts if t.startswith("Last year will be remembered"))
    assert "that unlock significant new growth opportunities. First," in joined
    assert "Calantzopoulos" not in joined and "References to" not in joined


@fixtures
def test_a_closing_figure_line_is_part_of_its_sentence():
    shoe = report(SHOE_19)
    texts = [p.text for p in shoe.paragraphs(shoe.section("Industry Structure and Development"))]
    assert any(t.endswith("holds a major share of about 50.34%.") for t in texts)


@fixtures
@pytest.mark.parametrize("parts", ALL)
def test_passages_are_the_report_s_prose(parts):
    rep = report(parts)
    table = report_passages(rep)
    assert list(table.columns)[:4] == PASSAGE_COLUMNS and len(table) > 20
    assert set(table["kind"]) <= set(PROSE_KINDS)
    assert table["source_url"].notna().all() and table["section"].str.contains(r"\(p\. \d+\)").all()
    assert not any(is_table_row(t) for t in table["text"])
    assert not table["text"].str.contains("forward-looking statements", case=False).any()
    assert table["text"].str.endswith((".", "!", "?", ".”", ".\"", ".)")).all()
    name = rep.company
    assert table["title"].str.startswith(f"{name} annual report").all()
    assert set(table["date"]) == {rep.period.end or str(rep.period.year)}


@fixtures
@pytest.mark.parametrize("parts", ALL)
def test_the_gold_market_passages_are_quoted_verbatim(parts):
    rel = "/".join(parts)
    texts = [_fold(t) for t in report_passages(report(parts))["text"]]
    for passage in GOLD[rel]["market_passages"]:
        if is_table_row(passage["quote"]):
            continue  # "Total International Market Share (1) 27.6 % 27.2 % 0.4": a table row
        assert any(_fold(passage["quote"]) in t for t in texts), passage["quote"]
