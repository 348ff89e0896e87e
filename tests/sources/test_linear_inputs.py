"""Inputs that used to take quadratic time now take linear time (or are refused at once).

Issue 18 measured: a 2 MB saved page of binary 38 s, 5,000 repeated "Item" headings 33 s,
a 120 KB brief cell of ``*word `` 39 s. Each bound here is ~10× what the input takes now
on a slow machine; ``benchmarks/bench_linear.py`` measures 1/2/4 MB.
"""

from __future__ import annotations

import random
import time

import pytest

from research_kit.errors import ParseError, ResearchKitError


def _seconds(call) -> float:
    start = time.perf_counter()
    try:
        call()
    except ResearchKitError:
        pass
    return time.perf_counter() - start


def test_binary_saved_page(tmp_path):
    from research_kit.sources.website import research_site

    page = tmp_path / "page.html"
    page.write_bytes(random.Random(7).randbytes(2 * 1024 * 1024))
    assert _seconds(lambda: research_site(page)) < 20


def test_five_thousand_item_headings():
    from research_kit.sources.edgar.sections import split_10k

    text = "FORM 10-K\n" + "Item 1. Business\nWe make things.\n" * 5000
    with pytest.raises(ParseError, match="5,000 lines that read like 'Item' headings"):
        split_10k(text)
    assert _seconds(lambda: split_10k(text)) < 3


def test_brief_cell_of_unclosed_emphasis():
    from research_kit.brief.markdown import parse_markdown, plain_text

    cell = "*word " * 20_000  # 120 KB
    assert _seconds(lambda: parse_markdown(cell)) < 3
    assert plain_text("*word *more* and [a link](https://x.example) <https://y.example>") == \
        "word *more and a link (https://x.example) https://y.example"


def test_brief_cell_of_unclosed_brackets_and_autolinks():
    from research_kit.brief.markdown import parse_markdown

    assert _seconds(lambda: parse_markdown("[word <http://x `a ![b " * 6000)) < 3


def test_job_page_nested_thousands_deep_is_refused_fast():
    from research_kit.provenance import Source
    from research_kit.sources.jobs import parse_job_content

    page = "<html><body>" + "<div>" * 5000 + "Senior Engineer. Requirements: Python."
    with pytest.raises(ParseError, match="5,00[0-9] levels deep"):
        parse_job_content(page, Source.for_text("t"))
    assert _seconds(lambda: parse_job_content("<html><body>" + "<p>" * 60_000,
                                              Source.for_text("t"))) < 3


def test_job_board_json_nested_deep():
    from research_kit.provenance import Source
    from research_kit.sources.jobs import parse_job_content

    with pytest.raises(ParseError):
        parse_job_content('{"jobs": ' + "[" * 100_000 + "]" * 100_000 + "}", Source.for_text("t"))


def test_yaml_alias_bomb_is_refused(tmp_path):
    from research_kit.sources.profiles import load_profile

    bomb = "name: Lol\n" + "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    path = tmp_path / "me.yaml"
    path.write_text(bomb)
    with pytest.raises(ParseError, match="aliases"):
        load_profile(path)


def test_deep_yaml_is_a_parse_error(tmp_path):
    from research_kit.sources.profiles import load_profile

    path = tmp_path / "me.yaml"
    path.write_text("name: X\nskills: " + "[" * 20_000 + "]" * 20_000 + "\n")
    with pytest.raises(ParseError):
        load_profile(path)
