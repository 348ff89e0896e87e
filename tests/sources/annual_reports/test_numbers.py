"""Numbers, scales, currencies and periods as annual reports print them."""

from __future__ import annotations

import pytest

from research_kit.sources.annual_reports.lines import is_amount, is_date_row, is_prose, is_table_row
from research_kit.sources.annual_reports.numbers import find_currency, find_scale, parse_number
from research_kit.sources.annual_reports.periods import parse_date, year_of


@pytest.mark.parametrize("printed, value", [
    ("211,915", 211915.0), ("14,86,125", 1486125.0), ("1,86,96,549", 18696549.0),  # Indian
    ("186,965.49", 186965.49), ("67 470 154,97", 67470154.97), ("4,2", 4.2),
    ("(52,71,915)", -5271915.0), ("-2.9", -2.9), ("−3", -3.0), ("$ 72,361", 72361.0),
    ("Rs. 47,11,745/-", 4711745.0), ("1.234.567", 1234567.0), ("(0.0102)", -0.0102),
    ("-", None), ("Nil", None), ("12.5%", None), ("1,2,3", None),
])
def test_parse_number(printed, value):
    assert parse_number(printed) == value


@pytest.mark.parametrize("line, printed, multiplier", [
    ("(In millions, except per share amounts)", "millions", 1e6),
    ("(in millions of dollars, except per share data)", "millions", 1e6),
    ("(Rs. In '00)", "'00", 1e2), ("₹ in lakhs", "lakhs", 1e5), ("Rs. in crores", "crores", 1e7),
    ("EUR million", "million", 1e6), ("(€ thousand)", "thousand", 1e3), ("$211 billion", "billion", 1e9),
])
def test_find_scale(line, printed, multiplier):
    scale = find_scale(line)
    assert scale is not None and scale.printed == printed and scale.multiplier == multiplier


def test_no_scale_in_a_currency_only_unit_line():
    assert find_scale("(Amount in Rs.)") is None


@pytest.mark.parametrize("text, printed, iso", [
    ("(Amount in Rs.)", "Rs.", "INR"), ("₹ in lakhs", "₹", "INR"), ("EUR 67.5", "EUR", "EUR"),
    ("€ 12", "€", "EUR"), ("US$ 17.85 bn", "US$", "USD"), ("$ 72,361", "$", "USD"),
    ("in millions of dollars", "dollars", "USD"), ("£3m", "£", "GBP"),
])
def test_find_currency(text, printed, iso):
    assert find_currency(text) == (printed, iso)


@pytest.mark.parametrize("printed, iso", [
    ("June 30, 2023", "2023-06-30"), ("31st March, 2019", "2019-03-31"),
    ("31 December 2022", "2022-12-31"), ("31.03.2019", "2019-03-31"), ("Sept. 30, 2021", "2021-09-30"),
    ("2023", None), ("31.13.2019", None),
])
def test_parse_date(printed, iso):
    assert parse_date(printed) == iso


@pytest.mark.parametrize("printed, year", [
    ("2023", 2023), ("2018-19", 2019), ("FY 2018-19", 2019), ("2021-2022", 2022),
    ("31.03.2019", 2019), ("31st March 2020", 2020), ("1999-00", 2000), ("figures", None),
])
def test_year_of(printed, year):
    assert year_of(printed) == year


def test_what_a_line_is():
    assert is_amount("211,915") and is_amount("(52,71,915)") and not is_amount("2022")
    assert not is_amount("31.03.2019") and not is_amount("12")
    assert is_table_row("Revenue from Operations 14,86,125 26,05,000")
    assert is_table_row("Operating profit Margin -354.74% -58.39%")
    # a sentence with figures in it is prose, not a table row
    line = "Haaga-Helia’s earnings in 2022 were EUR 67.5 (67.4 in 2021) and 65.8 in 2020) million, of"
    assert not is_table_row(line) and is_prose(line)
    assert is_date_row("31.03.2019 31.03.2018") and is_date_row("Year Ended June 30, 2023 2022 2021")
    assert not is_date_row("Revenue 2023")
