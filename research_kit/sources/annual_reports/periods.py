"""Periods as annual reports print them, and the period a report covers.

"June 30, 2023" · "31st March, 2019" · "31 December 2022" · "31.03.2019" · "2018-19" ·
"FY 2018-19" · "fiscal year 2023". A split year ("2018-19") ends in its second year.

The report's period is the "year ended …" date it states most (the latest year among those
stated at least twice, so a 10-K's comparatives do not win; "year ending" looks ahead and
does not count), else the year on its cover ("Annual Report 2022", "Annual Report 2018-19").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .report import PdfAnnualReport

__all__ = ["Period", "report_period", "parse_date", "year_of", "YEAR_TOKEN"]

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+"
        rf"(?:19|20)\d\d|\d{{1,2}}[./-]\d{{1,2}}[./-](?:19|20)\d\d)")
_YEAR_ENDED = re.compile(rf"\b(?:fiscal\s+|financial\s+)?(?:year|period)\s+ended\s+"
                         rf"(?:on\s+)?(?P<date>{DATE})", re.I)
_COVER_YEAR = re.compile(r"\bannual\s+report\s+(?P<year>(?:19|20)\d\d(?:\s*[-–/]\s*\d{2,4})?)\b",
                         re.I)
YEAR_TOKEN = re.compile(r"^\(?(?:FY\s?)?(?P<y>(?:19|20)\d\d)(?:[-–/](?P<end>\d{2}|(?:19|20)\d\d))?"
                        r"\)?[.,:;]?$")


@dataclass(frozen=True)
class Period:
    label: str | None = None
    """As printed: "year ended June 30, 2023", "2022", "2018-19"."""
    end: str | None = None
    """ISO date of the period's end, when printed."""
    year: int | None = None


def parse_date(text: str) -> str | None:
    """ISO date of a printed date ("June 30, 2023", "31st March, 2019", "31.03.2019")."""
    text = text.strip().rstrip(".,")
    m = re.fullmatch(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<y>\d{{4}})", text, re.I)
    if not m:
        m = re.fullmatch(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})",
                         text, re.I)
    if m:
        month = next((n for name, n in _MONTHS.items()
                      if name.startswith(m.group("m").lower().rstrip(".")[:3])), None)
        day, year = int(m.group("d")), int(m.group("y"))
    else:
        m = re.fullmatch(r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})", text)
        if not m:
            return None
        day, month, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
    if not month or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def year_of(text: str) -> int | None:
    """The year a printed period ends in: "2023", "2018-19" → 2019, "31.03.2019" → 2019."""
    text = text.strip()
    iso = parse_date(text)
    if iso:
        return int(iso[:4])
    m = YEAR_TOKEN.match(text.replace(" ", "")) or YEAR_TOKEN.match(text)
    if not m:
        m = re.search(r"(?P<y>(?:19|20)\d\d)(?:\s*[-–/]\s*(?P<end>\d{2}|(?:19|20)\d\d))?\b", text)
        if not m:
            return None
    year = int(m.group("y"))
    end = m.group("end")
    if end:
        end_year = int(end) if len(end) == 4 else (year // 100) * 100 + int(end)
        if end_year < year:
            end_year += 100
        return end_year if end_year - year == 1 else year
    return year


def report_period(report: PdfAnnualReport) -> Period:
    found: Counter = Counter()
    printed: dict[str, str] = {}
    for page in report.page_info:
        if not page.readable:
            continue
        for match in _YEAR_ENDED.finditer(" ".join(ln.text for ln in page.lines)):
            iso = parse_date(match.group("date"))
            if iso:
                found[iso] += 1
                printed.setdefault(iso, match.group(0))
    if found:
        top = max(found.values())
        common = [iso for iso, n in found.items() if n >= min(2, top)]
        best = max(common)
        return Period(label=" ".join(printed[best].split()), end=best, year=int(best[:4]))
    for page in report.page_info[:4]:
        cover = _COVER_YEAR.search(" ".join(ln.text for ln in page.lines))
        if cover:
            label = cover.group("year").replace(" ", "")
            return Period(label=label, year=year_of(label))
    return Period()
