"""What a line of an annual report is: a table row, a figure, prose, a heading's neighbour.

Small predicates shared by the section finder, the paragraph builder and the figure reader,
so that all three agree on what a table row is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .pages import Line

__all__ = ["AMOUNT", "is_amount", "amount_count", "is_table_row", "is_prose", "is_date_row",
           "CONNECTORS"]

# 1,234 · 14,86,125 · 186,965.49 · 67 470 154,97 · (52,719.15) · -2.9 · 67,5 · $211,915 · 7%
AMOUNT = re.compile(r"^[(\[]?[-−–]?[$€£¥₹]?[(]?[-−–]?(?:\d{1,3}(?:[,.]\d{2,3})+(?:[.,]\d+)?|"
                    r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?|\d+[.,]\d+|\d{3,})[)\]]?%?[)]?,?$")
_YEAR = re.compile(r"^[(]?(?:19|20)\d\d[)]?[.,:;]?$|^(?:19|20)\d\d[-–/](?:\d\d|(?:19|20)\d\d)$")
_FIGURE_TOKEN = re.compile(r"^(?:\(?[-−–]?[$€£¥₹]?\d[\d,._]*\)?%?|[-−–—%]|nil|US\$|\$|€|£|₹|Rs\.?)$",
                           re.I)
_SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?![\d.,])")
_CURRENCY_TOKEN = re.compile(r"^(?:US\$|\$|€|£|¥|₹|Rs\.?)$", re.I)
_DATE_TOKEN = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}[.,]?$")
_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d\d\b|\b(?:19|20)\d\d\b")
_MONTHS = (r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?")
CONNECTORS = {"of", "and", "the", "for", "to", "in", "on", "&", "-", "–", "with", "by", "a", "an",
              "or", "at", "from", "its", "our"}


def is_amount(token: str) -> bool:
    """A figure as printed in a table or a sentence (not a year, not a 1–2 digit number)."""
    token = token.strip()
    if _YEAR.match(token) or _DATE_TOKEN.match(token):
        return False
    return bool(AMOUNT.match(token))


def amount_count(text: str) -> int:
    return sum(is_amount(t) for t in text.split())


def is_date_row(text: str) -> bool:
    """A column header made of dates or years only ("31.03.2019 31.03.2018", "2023 2022",
    "FY 2018-19 FY 2017-18", "As at 31st March, 2019")."""
    if not _DATE.search(text):
        return False
    rest = _DATE.sub(" ", text)
    rest = re.sub(rf"\b(?:{_MONTHS}|fy|as|at|on|of|the|year|years|ended|ending|period|"
                  r"\d+(?:st|nd|rd|th))\b", " ", rest, flags=re.I)
    return not re.search(r"[A-Za-z]{3,}", rest)


def is_table_row(line: Line | str) -> bool:
    """Two or more figures, or a line that is mostly figures."""
    return _table_row(line.text if isinstance(line, Line) else line)


@lru_cache(maxsize=65536)
def _table_row(text: str) -> bool:
    # "1 250" (a space grouping thousands) is one figure, not two columns
    tokens = _SPACE_GROUPED.sub(lambda m: m.group(0).replace(" ", "_"), text).split()
    trailing = 0
    for token in reversed(tokens):
        if _FIGURE_TOKEN.match(token) and not _YEAR.match(token):
            trailing += 0 if _CURRENCY_TOKEN.match(token) or token == "%" else 1
        else:
            break
    if trailing >= 2:
        return True  # a label and its columns of figures
    letters = sum(map(str.isalpha, text))
    return amount_count(text) >= 1 and letters < 0.5 * len(text.replace(" ", ""))


def is_prose(line: Line | str) -> bool:
    """A line of running text: several words, mostly letters, not a table row."""
    return _prose(line.text if isinstance(line, Line) else line)


@lru_cache(maxsize=65536)
def _prose(text: str) -> bool:
    words = text.split()
    if is_table_row(text):
        return False
    letters = sum(map(str.isalpha, text))
    if letters < 0.5 * len(text.replace(" ", "")):
        return False
    return len(words) >= 7 or (len(words) >= 4 and text.rstrip().endswith((".", "!", "?")))
