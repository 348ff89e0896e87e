"""10-K splitter on the real fixture filings (1993–2025) and on bad input."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from conftest import LOCAL, fixture_path

from research_kit import errors
from research_kit.sources.edgar.sections import ITEM_STATUSES, split_10k

EXPECTED = json.loads((LOCAL / "edgar" / "expected_items.json").read_text("utf-8"))
FILES = sorted(k for k in EXPECTED if not k.startswith("_"))


@cache
def report_of(name: str):
    return split_10k(fixture_path("edgar", "10k", name))


def words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


@pytest.mark.fixtures
@pytest.mark.parametrize("name", FILES)
def test_items_start_where_the_body_does(name):
    report = report_of(name)
    for key, (status, first_words) in EXPECTED[name].items():
        item = report.item(key)
        assert item is not None, f"{name}: Item {key} not found"
        assert item.status == status, (name, key, item.status, item.note or item.pointer)
        assert words(item.text, len(first_words.split())) == first_words, (name, key)
        # offsets index the report text exactly
        assert report.text[item.body_start:item.end] == item.text
        assert item.start <= item.body_start <= item.end


@pytest.mark.fixtures
@pytest.mark.parametrize("name", FILES)
def test_every_item_is_body_text_with_a_known_status(name):
    report = report_of(name)
    keys = [it.item for it in report.items]
    assert len(keys) == len(set(keys))
    assert keys.index("1") < keys.index("7")
    for item in report.items:
        assert item.status in ITEM_STATUSES
        assert item.status != "missing", (name, item.item)
        if item.status == "by_reference":
            assert item.pointer  # never silently empty
        if item.status == "ok" and not re.search(r"reserved", item.title, re.I):
            assert item.text.strip(), (name, item.item)
        # an item never runs on into the next item's heading
        later = [k for k in keys if keys.index(k) > keys.index(item.item)]
        for line in item.text.splitlines()[1:]:
            m = re.match(r"\s*ITEM\s+(\d{1,2}[A-C]?)[.:]\s+[A-Z]", line, re.I)
            assert not (m and m.group(1).upper() in later and len(line) < 120), \
                (name, item.item, line)


@pytest.mark.fixtures
def test_form_company_and_year_come_from_the_filing():
    cases = {"aapl-2024.htm": ("10-K", "Apple Inc.", 2024, "2024-09-28"),
             "ibm-1997.txt": ("10-K405", "INTERNATIONAL BUSINESS MACHINES CORP", 1997, None),
             "txt-2001.txt": ("10-K405", "TEXTRON INC.", 2001, "2001-12-29"),
             "jnj-2016.htm": ("10-K", "JOHNSON & JOHNSON", 2016, "2017-01-01"),
             "hd-2024.htm": ("10-K", "HOME DEPOT, INC.", 2024, "2025-02-02"),
             "tgt-2002.htm": ("10-K", "TARGET CORPORATION", 2002, "2003-02-01"),
             "wmt-2010.htm": ("10-K", "WAL-MART STORES, INC.", 2010, "2010-01-31"),
             "msft-2013.htm": ("10-K", "MICROSOFT CORPORATION", 2013, "2013-06-30")}
    for name, (form, company, year, period) in cases.items():
        report = report_of(name)
        assert (report.form, report.company, report.fiscal_year) == (form, company, year), name
        if period:
            assert report.period_end == period


@pytest.mark.fixtures
def test_full_submission_takes_the_10k_not_the_exhibits():
    report = report_of("ibm-1997.txt")  # 10-K405 + EX-13 annual report + others
    assert report.form == "10-K405"
    assert "<TYPE>" not in report.text
    assert report.item("8").status == "by_reference"
    assert "Annual Report to Stockholders" in report.item("8").pointer
    # the EX-13's own headings must not become items
    assert len(report.text) < 100_000


@pytest.mark.fixtures
def test_part_ii_by_reference_in_old_and_new_layouts():
    wmt = report_of("wmt-2010.htm")
    assert [wmt.item(k).status for k in ("6", "7", "7A", "8")] == ["by_reference"] * 4
    tgt = report_of("tgt-2002.htm")
    assert tgt.item("3").status == "by_reference"
    assert "Page 30" in tgt.item("3").pointer
    # a Part preamble after the last item of a Part is not that item's text
    assert "PART III" not in report_of("nvda-2025.htm").item("9C").text


@pytest.mark.fixtures
def test_running_page_headers_and_part_contents_lists_are_not_items():
    ma = report_of("ma-2024.htm")  # "ITEM 1. BUSINESS" on every page; per-Part contents
    assert ma.item("5").text.startswith("Our Class A common stock trades")
    assert "Item 6. Reserved" not in ma.item("4").text
    assert ma.item("16").text == "None."  # the exhibit index after it is not Item 16
    msft = report_of("msft-2013.htm")  # "PART II / Item 7" page headers
    assert len(msft.item("7").text) > 50_000


@pytest.mark.fixtures
def test_heading_variants():
    reac = report_of("reac-2015.htm")  # "Item 1 - Business"
    assert reac.item("1").title == "Business"
    spatializer = report_of("spatializer-2014.htm")  # "Item N." alone, title in next block
    assert spatializer.item("1A").title.startswith("Risk Factors")
    assert report_of("sandston-2021.htm").item("9A").title.startswith("Controls")  # 9A(T)


@pytest.mark.fixtures
def test_10ksb_is_refused_unless_allowed():
    path = fixture_path("edgar", "10k", "24holdings-2007-10ksb.txt")
    with pytest.raises(errors.UnsupportedFormError) as info:
        split_10k(path)
    assert "10-KSB" in info.value.message and "allow_forms" in info.value.suggestion
    report = split_10k(path, allow_forms=["10-KSB"])
    assert report.form == "10-KSB"
    assert report.item("6").title.startswith("PLAN OF OPERATION")  # 10-KSB numbering
    assert report.item("1").status == "ok"


@pytest.mark.fixtures
def test_item_table_and_json_shape():
    report = report_of("aapl-2024.htm")
    table = report.items_table()
    assert list(table.columns)[:8] == ["item", "title", "status", "chars", "start", "end",
                                       "pointer", "note"]
    assert "source_url" in table.columns and len(table) == len(report.items)
    from research_kit.sources.edgar.report_json import annual_report_json

    data = annual_report_json(report)
    for key in ("source", "form", "company", "fiscal_year", "items", "competitors"):
        assert key in data
    assert data["items"][1]["item"] == "1A" and data["items"][1]["title"] == "Risk Factors"
    json.dumps(data)


# -- bad input ---------------------------------------------------------------------------

@pytest.mark.fixtures
def test_sec_rate_limit_page_is_not_a_filing():
    page = fixture_path("edgar", "errors", "rate-exceeded-403.html").read_bytes()
    with pytest.raises(errors.ParseError) as info:
        split_10k(page)
    assert "Request Rate Threshold Exceeded" in info.value.message


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (bytes(range(256)) * 20, "binary"),
    (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
])
def test_empty_and_binary_input(data, expected):
    with pytest.raises(errors.ParseError) as info:
        split_10k(data)
    assert expected in info.value.message


@pytest.mark.fixtures
def test_html_that_is_not_a_10k():
    page = fixture_path("edgar", "8k", "bke-2024-11-22-ex99-1.htm").read_bytes()
    with pytest.raises((errors.ParseError, errors.UnsupportedFormError)):
        split_10k(page)
    eight_k = fixture_path("edgar", "8k", "adbe-2023-03-15-8k.htm").read_bytes()
    with pytest.raises(errors.UnsupportedFormError) as info:
        split_10k(eight_k)
    assert "8-K" in info.value.message
    with pytest.raises(errors.ParseError):
        split_10k("<html><body><h1>Welcome to our store</h1><p>Item 3 is on sale.</p></body></html>")


@pytest.mark.fixtures
@pytest.mark.parametrize("name, keep", [("nvda-2025.htm", 0.25), ("ge-1993.txt", 0.15),
                                        ("ge-1993.txt", 0.3), ("msft-2013.htm", 0.4),
                                        ("txt-2001.txt", 0.5), ("aapl-2024.htm", 0.9)])
def test_truncated_filing_is_refused(name, keep):
    data = fixture_path("edgar", "10k", name).read_bytes()
    with pytest.raises(errors.ParseError) as info:
        split_10k(data[:int(len(data) * keep)])
    assert "truncated" in info.value.message


@pytest.mark.fixtures
def test_submission_cut_in_its_exhibits_keeps_the_10k_and_says_so():
    data = fixture_path("edgar", "10k", "ge-1993.txt").read_bytes()
    cut = data.index(b"</DOCUMENT>") + len(b"</DOCUMENT>") + 2000  # inside the first exhibit
    report = split_10k(data[:cut])
    assert report.item("14").status == "ok"
    assert any("exhibits are missing" in w for w in report.warnings)


def test_unreadable_path_and_wrong_type():
    with pytest.raises(errors.ParseError):
        split_10k(Path("/nonexistent/10k.htm"))
    with pytest.raises(errors.ParseError):
        split_10k(12345)


# -- CLI --------------------------------------------------------------------------------

@pytest.mark.fixtures
def test_cli_parse_annual_report_json(capsys):
    from research_kit.cli import main

    path = fixture_path("edgar", "10k", "nvda-2025.htm")
    assert main(["parse", "annual-report", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["form"] == "10-K" and data["company"] == "NVIDIA CORP"
    assert data["fiscal_year"] == 2025
    assert [i["item"] for i in data["items"]][:3] == ["1", "1A", "1B"]
    assert "Intel Corporation" in data["competitors"]


@pytest.mark.fixtures
@pytest.mark.parametrize("source", [
    ("edgar", "errors", "rate-exceeded-403.html"),
    ("edgar", "10k", "24holdings-2007-10ksb.txt"),
    ("edgar", "8k", "bke-2024-11-22-ex99-1.htm"),
    ("edgar", "8k", "adbe-2023-03-15-8k.htm"),
])
def test_cli_bad_input_exits_2_with_one_line(capsys, source):
    from research_kit.cli import main

    assert main(["parse", "annual-report", str(fixture_path(*source))]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("research-kit: error: ")


def test_cli_missing_file_and_allow_form(capsys, tmp_path):
    from research_kit.cli import main

    assert main(["parse", "annual-report", str(tmp_path / "nope.htm")]) == 2
    assert "no such file" in capsys.readouterr().err
    empty = tmp_path / "empty.htm"
    empty.write_bytes(b"")
    assert main(["parse", "annual-report", str(empty)]) == 2
