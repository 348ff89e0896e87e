"""Merge news items from several feeds (and 8-K press releases) into one table.

The same story often arrives twice: a newsroom feed and a news aggregator carry the same
link (give or take ``utm_`` parameters, ``www.`` or a trailing slash), or a company's
newsroom and its SEC 8-K exhibit carry the same headline a day apart. :func:`merge_news`
keeps one row per story — the first source listed wins — records the other links in
``also_at``, and sorts newest first (undated items last).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ...provenance import SOURCE_COLUMNS, table_from_rows
from .feeds import ITEM_COLUMNS, html_to_text

__all__ = ["merge_news", "press_release_items", "NEWS_COLUMNS", "link_key"]

NEWS_COLUMNS = ["date", "title", "link", "summary", "feed", "also_at"]
SAME_STORY_DAYS = 3
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$|ito$)", re.I)


def link_key(url: Any) -> str | None:
    """A URL reduced to what identifies the page (scheme, www., tracking, slash dropped)."""
    if not isinstance(url, str) or not url.strip():
        return None
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


def _title_key(title: Any) -> str | None:
    if not isinstance(title, str):
        return None
    words = re.findall(r"\w+", title.lower())
    return " ".join(words) or None


def _column(frame, names: Iterable[str]):
    for name in names:
        if name in frame.columns:
            return frame[name]
    return None


def press_release_items(press_releases, *, feed: str = "SEC 8-K press release (EX-99.1)"):
    """An EDGAR press-release table in the news items shape (title, date, link, summary).

    Accepts the usual column names (title/headline/description, date/filed/filing_date,
    url/link/document_url, summary/first_paragraph/text) so that it works with any 8-K table
    that has a
    title and a date; its source columns are kept.
    """
    import pandas as pd

    if press_releases is None or len(press_releases) == 0:
        return table_from_rows([], ITEM_COLUMNS)
    frame = press_releases
    titles = _column(frame, ("title", "headline", "description", "subject"))
    dates = _column(frame, ("date", "filed", "filing_date", "report_date", "accepted"))
    links = _column(frame, ("url", "link", "document_url", "exhibit_url", "source_url"))
    texts = _column(frame, ("summary", "first_paragraph", "text", "body"))
    rows = []
    for i in range(len(frame)):
        row = {"title": titles.iloc[i] if titles is not None else None,
               "date": pd.to_datetime(dates.iloc[i], utc=True, errors="coerce")
               if dates is not None else None,
               "link": links.iloc[i] if links is not None else None,
               "summary": html_to_text(texts.iloc[i]) if texts is not None else None,
               "feed": feed, "feed_format": "sec-8k", "item_id": None}
        for col in SOURCE_COLUMNS:
            if col in frame.columns:
                row[col] = frame[col].iloc[i]
        rows.append(row)
    return table_from_rows(rows, ITEM_COLUMNS)


def merge_news(*tables, limit: int | None = None):
    """One row per story across item tables, newest first; ``also_at`` lists duplicates."""
    import pandas as pd

    frames = [t for t in tables if t is not None and len(t)]
    if not frames:
        return table_from_rows([], NEWS_COLUMNS)
    items = pd.concat([f.reindex(columns=ITEM_COLUMNS + SOURCE_COLUMNS) for f in frames],
                      ignore_index=True)
    items["date"] = pd.to_datetime(items["date"], utc=True, errors="coerce")
    kept: list[dict] = []
    by_link: dict[str, int] = {}
    by_title: dict[str, list[int]] = {}
    for row in items.to_dict("records"):  # in the order given: the first source listed wins
        lk, tk = link_key(row["link"]), _title_key(row["title"])
        twin = by_link.get(lk) if lk else None
        if twin is None and tk:
            twin = next((k for k in by_title.get(tk, []) if _near(kept[k]["date"], row["date"])),
                        None)
        if twin is not None:
            first = kept[twin]
            if lk and lk != link_key(first["link"]) and row["link"] not in first["also_at"]:
                first["also_at"].append(row["link"])
            continue
        row["also_at"] = []
        kept.append(row)
        if lk:
            by_link[lk] = len(kept) - 1
        if tk:
            by_title.setdefault(tk, []).append(len(kept) - 1)
    for row in kept:
        row["also_at"] = "; ".join(row["also_at"]) or None
    out = table_from_rows(kept, NEWS_COLUMNS)
    out = out.sort_values("date", ascending=False, na_position="last", kind="stable")
    out = out.reset_index(drop=True)
    return out.head(limit) if limit else out


def _near(a, b) -> bool:
    import pandas as pd

    if pd.isna(a) or pd.isna(b):
        return True
    return abs(a - b) <= timedelta(days=SAME_STORY_DAYS)
