"""Date ranges as profiles and resumes write them ("September 2014 - Present", "2013–2017",
"Oct 2017- Till Date", "(2018 - 2022)") → ("2014-09", "present")."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE_RANGE", "parse_range", "find_range", "years_between", "MONTHS"]

MONTHS = {
    # English, then Portuguese, Spanish, French, German month names LinkedIn uses
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "abril": 4, "maio": 5, "junho": 6, "julho": 7,
    "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9,
    "octubre": 10, "noviembre": 11, "diciembre": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
}
_PRESENT = (r"present|current|now|today|till date|to date|ongoing|presente|atual|"
            r"actualidad|aujourd'hui|heute")
_MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_POINT = rf"(?:(?:{_MONTH})\s*(?:de\s+)?\d{{4}}|\d{{1,2}}/\d{{4}}|\d{{4}}-\d{{2}}|\d{{4}})"
DATE_RANGE = re.compile(
    rf"(?P<start>{_POINT})\s*(?:-|–|—|to|until|até|a|bis|au)\s*(?P<end>{_POINT}|{_PRESENT})"
    r"(?:\s*\((?P<duration>[^)]*)\))?", re.I)
_SINGLE_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def _point(text: str) -> str | None:
    text = text.strip().lower().rstrip(".")
    if re.fullmatch(_PRESENT, text):
        return "present"
    m = re.fullmatch(rf"({_MONTH})\s*(?:de\s+)?(\d{{4}})", text, re.I)
    if m:
        month = MONTHS.get(m.group(1).rstrip(".").lower())
        return f"{m.group(2)}-{month:02d}" if month else m.group(2)
    m = re.fullmatch(r"(\d{1,2})/(\d{4})", text)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m:
        return text
    m = re.fullmatch(r"\d{4}", text)
    return text if m else None


def parse_range(text: str) -> tuple[str | None, str | None]:
    """(start, end) of the first date range in ``text``; (None, None) when there is none."""
    m = DATE_RANGE.search(text or "")
    if not m:
        return None, None
    return _point(m.group("start")), _point(m.group("end"))


def find_range(text: str):
    return DATE_RANGE.search(text or "")


def _as_date(value: str | None, today: date) -> date | None:
    if not value:
        return None
    if value == "present":
        return today
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if not m:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), 1)


def years_between(start: str | None, end: str | None, today: date | None = None) -> float:
    """Length of a role in years (0 when unknown); "present" means today."""
    today = today or date.today()
    a, b = _as_date(start, today), _as_date(end, today)
    if a is None or b is None or b < a:
        return 0.0
    months = (b.year - a.year) * 12 + (b.month - a.month)
    if end and re.fullmatch(r"\d{4}", end) and start and re.fullmatch(r"\d{4}", start):
        months = max(months, 0)  # "2017 - 2021": four years, not counting the end year
    return months / 12.0
