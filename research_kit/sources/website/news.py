"""Dated items on a company's own pages: press releases, news, events, its history.

Company sites list their news as lines that start or end with a date — "February 1, 2011 |
CHT Global Launches Net2Compute", "12.03.2024 – Neues Büro in Wien", "2011 Jun - Los
Angeles Office opens" on a history timeline — often several to a line. Every such item
becomes a row: the date as printed and as ISO (day or month precision), the title
verbatim, the page's link for that title when there is one, and the kind the page or the
heading above it says (press release, article, event, milestone).
"""

from __future__ import annotations

import re
from typing import Any

from .document import HtmlDocument

__all__ = ["NEWS_COLUMNS", "extract_news", "parse_date"]

NEWS_COLUMNS = ["date", "date_text", "title", "url", "kind", "page_url"]
NEWS_PAGE_KINDS = ("newsroom", "history", "home", "about", "investors")

_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january", "januar", "janvier", "enero"), ("feb", "february", "februar", "fevrier",
                                                         "février", "febrero"),
     ("mar", "march", "märz", "maerz", "mars", "marzo"), ("apr", "april", "avril", "abril"),
     ("may", "mai", "mayo"), ("jun", "june", "juni", "juin", "junio"),
     ("jul", "july", "juli", "juillet", "julio"), ("aug", "august", "août", "aout", "agosto"),
     ("sep", "sept", "september", "septembre", "septiembre"),
     ("oct", "october", "oktober", "octobre", "octubre"), ("nov", "november", "novembre",
                                                           "noviembre"),
     ("dec", "december", "dezember", "décembre", "decembre", "diciembre")], start=1)
    for m in names}
_MONTH = r"(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d\d"
_DATE_PATTERNS = [
    # February 1, 2011 / Feb. 1 2011
    ("mdy", rf"(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>{_YEAR})"),
    # 1 February 2011 / 1. Februar 2011
    ("dmy", rf"(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})"),
    # 2011-02-01
    ("iso", rf"(?P<y3>{_YEAR})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})"),
    # 01.02.2011 (day first, as written in Europe)
    ("dots", rf"(?P<d4>\d{{1,2}})\.(?P<m4>\d{{1,2}})\.(?P<y4>{_YEAR})"),
    # 2011 Jun / 2011 June (timelines)
    ("ym", rf"(?P<y5>{_YEAR})\s+(?P<m5>{_MONTH})(?![a-z])"),
    # June 2011
    ("my", rf"(?P<m6>{_MONTH})\s+(?P<y6>{_YEAR})"),
]
_DATE = re.compile("|".join(f"(?:{p})" for _, p in _DATE_PATTERNS), re.I)
_SEPARATOR = re.compile(r"^\s*(?:[|:–—\-•·]\s*)+")
_TRAILING_SEPARATOR = re.compile(r"\s*(?:[|:–—\-•·(]\s*)+$")
_HEADING_KINDS = [("press", r"press|news\s+release|announcement|pressemitteilung"),
                  ("article", r"article|coverage|in\s+the\s+news|media"),
                  ("event", r"event|webinar|conference|veranstaltung"),
                  ("video", r"video"), ("advertisement", r"advert"),
                  ("milestone", r"history|timeline|milestone|geschichte|historie")]
_MIN_TITLE_WORDS = 3
# an undated headline on the homepage that announces something ("🎉 We're joining MuleSoft!")
_ANNOUNCEMENT = re.compile(r"\b(?:joining|acquired|acquires|acquisition|merg(?:es|er|ing)|raised|"
                           r"raises|funding|series\s+[a-f]\b|launch(?:es|ed)?|introduc(?:es|ing)|"
                           r"announc(?:es|ing|ed)|now\s+available|partner(?:s|ship)\s+with|"
                           r"named\s+(?:a\s+)?leader|award)\b", re.I)


def parse_date(match: re.Match[str]) -> str | None:
    """ISO date (YYYY-MM-DD, or YYYY-MM for a month) of a :data:`_DATE` match."""
    g = {k: v for k, v in match.groupdict().items() if v}
    year = next((g[k] for k in ("y1", "y2", "y3", "y4", "y5", "y6") if k in g), None)
    month_text = next((g[k] for k in ("m1", "m2", "m3", "m4", "m5", "m6") if k in g), None)
    day = next((g[k] for k in ("d1", "d2", "d3", "d4") if k in g), None)
    if year is None or month_text is None:
        return None
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text.lower().rstrip("."))
    if not month or not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year}-{month:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


def _kind_for(heading: str | None, page_kind: str) -> str:
    for kind, words in _HEADING_KINDS:
        if heading and re.search(words, heading, re.I):
            return kind
    return "milestone" if page_kind == "history" else "news"


def _link_for(title: str, doc: HtmlDocument) -> str | None:
    want = " ".join(title.lower().split())[:60]
    for link in doc.links:
        text = " ".join(link.text.lower().split())
        if len(text) >= 12 and (text.startswith(want[:40]) or want.startswith(text[:40])):
            return link.url
    return None


def _items_in_line(line: str) -> list[tuple[str, str, str]]:
    """(date as printed, ISO date, title) for each dated item of one line of text."""
    matches = [m for m in _DATE.finditer(line) if parse_date(m)]
    items = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(line)
        after = line[m.end():end]
        title = _TRAILING_SEPARATOR.sub("", _SEPARATOR.sub("", after)).strip()
        if len(title.split()) < _MIN_TITLE_WORDS and i == 0 and m.start() > 0:
            # "Title (June 2011)": the title is before the date
            title = _TRAILING_SEPARATOR.sub("", line[:m.start()]).strip()
        if len(title.split()) >= _MIN_TITLE_WORDS and len(title) <= 220:
            items.append((m.group(0), parse_date(m) or "", title))
    return items


def extract_news(doc: HtmlDocument, text: str, page_kind: str) -> list[dict[str, Any]]:
    """Dated items of one page (its main ``text``, one block a line)."""
    if page_kind not in NEWS_PAGE_KINDS:
        return []
    rows = []
    heading: str | None = None
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        found = _items_in_line(line)
        if not found:
            words = len(line.split())
            if page_kind == "home" and 3 <= words <= 25 and _ANNOUNCEMENT.search(line):
                rows.append({"date": "", "date_text": "", "title": line.strip(" |–-"),
                             "url": _link_for(line, doc) or doc.url, "kind": "announcement",
                             "page_url": doc.url})
            elif words <= 6 and not line.endswith("."):
                heading = line  # "Press Releases", "Articles", "TimeLine"
            continue
        for date_text, iso, title in found:
            rows.append({"date": iso, "date_text": date_text, "title": title,
                         "url": _link_for(title, doc) or doc.url,
                         "kind": _kind_for(heading, page_kind), "page_url": doc.url})
    return rows
