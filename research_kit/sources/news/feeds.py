"""Parse one news feed — RSS 0.9x/1.0/2.0, Atom or JSON Feed — into an items table.

XML feeds go through feedparser (given bytes, never a URL, so it cannot fetch anything);
JSON Feed (https://jsonfeed.org, versions 1 and 1.1) is read here. Whatever the format, the
result has the columns of :data:`ITEM_COLUMNS`: ``date`` is a UTC timestamp (NaT when the
feed gives none we can read), ``summary`` is plain text. Feeds that are not feeds (an HTML
page, an error page), that are empty or too broken to yield any item raise
:class:`~research_kit.errors.FeedError`; a feed that is merely sloppy (wrong declared
encoding, stray markup) is read as far as it goes.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ...errors import FeedError, ParseError
from ...parse_guard import parse_guard
from ...provenance import Source, table_from_rows, utc_now_iso

__all__ = ["parse_feed", "ITEM_COLUMNS", "parse_feed_date", "html_to_text"]

ITEM_COLUMNS = ["title", "date", "link", "summary", "feed", "feed_format", "item_id"]
SUMMARY_CHARS = 400

# month names of feeds that localise RFC 822 dates ("mer, 16 nov 2022", "Seg, 24 Set 2018"):
# Italian, Portuguese, Spanish, French, German, Dutch abbreviations → English
_MONTHS = {
    "gen": "Jan", "ene": "Jan", "janv": "Jan", "jän": "Jan",
    "fev": "Feb", "févr": "Feb", "fevr": "Feb",
    "mars": "Mar", "mär": "Mar", "mrt": "Mar",
    "abr": "Apr", "avr": "Apr",
    "mag": "May", "mai": "May", "mei": "May",
    "giu": "Jun", "juin": "Jun",
    "lug": "Jul", "juil": "Jul",
    "ago": "Aug", "août": "Aug", "aout": "Aug",
    "set": "Sep", "sept": "Sep",
    "ott": "Oct", "out": "Oct", "okt": "Oct",
    "dic": "Dec", "dez": "Dec", "déc": "Dec",
}
_LOCAL_DATE = re.compile(r"^\s*(?:[^\W\d_]{2,9}\.?,\s*)?(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+"
                         r"(\d{4})(.*)$", re.U)


def parse_feed_date(text: Any) -> datetime | None:
    """A feed date as aware UTC datetime: RFC 822 (also localised), ISO 8601; else None."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = text.strip()
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        when = None
    if when is None:
        m = _LOCAL_DATE.match(text)
        name = m.group(2).lower() if m else ""
        month = _MONTHS.get(name) or _MONTHS.get(name[:3]) or (name[:3].title() if m else None)
        if m and month:
            try:
                when = parsedate_to_datetime(f"{m.group(1)} {month} {m.group(3)}{m.group(4)}")
            except (TypeError, ValueError, IndexError):
                when = None
    if when is None:
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def html_to_text(fragment: Any, limit: int = SUMMARY_CHARS) -> str | None:
    """Plain text of an HTML fragment, whitespace collapsed, cut at a word near ``limit``."""
    if not isinstance(fragment, str) or not fragment.strip():
        return None
    text = fragment
    if "<" in fragment or "&" in fragment:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(fragment, "lxml")
        for tag in soup(["script", "style"]):
            tag.decompose()
        text = soup.get_text(" ")
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"
    return text or None


def _sniff(content: bytes) -> str:
    head = content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return "json"
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return "html"
    return "xml"


def parse_feed(content: bytes | str, *, url: str | None = None, source: Source | None = None,
               content_type: str | None = None):
    """Items of one feed, in feed order, as a table with :data:`ITEM_COLUMNS` + source.

    ``url`` resolves relative links and names the source; ``source`` (e.g. a gateway
    response's) wins when given. Raises only research-kit errors (FeedError), within a
    time bound per feed.
    """
    where = url or (source.url if source else "the feed")
    with parse_guard(where, url=url):
        try:
            return _parse_feed(content, url=url, source=source, content_type=content_type)
        except ParseError as exc:
            if isinstance(exc, FeedError):
                raise
            raise FeedError(exc.message, suggestion=exc.suggestion, **exc.context) from None


def _parse_feed(content: bytes | str, *, url: str | None, source: Source | None,
                content_type: str | None):
    if isinstance(content, str):
        content = content.encode("utf-8")
    where = url or (source.url if source else "the feed")
    if source is None:
        source = Source(url=url, retrieved_at=utc_now_iso()) if url else Source.for_text(where)
    if not content or not content.strip():
        raise FeedError(f"{where} is empty", url=url)
    kind = _sniff(content)
    if kind == "html":
        raise FeedError(f"{where} is an HTML page, not a feed", url=url,
                        suggestion="use discover_feeds() on the site's homepage to find its "
                                   "RSS/Atom/JSON feed link")
    if kind == "json":
        feed_title, fmt, items = _json_feed(content, where)
    else:
        feed_title, fmt, items = _xml_feed(content, where, url, content_type)
    rows = [dict(item, feed=feed_title, feed_format=fmt, source=source.at("feed item"))
            for item in items]
    return table_from_rows(rows, ITEM_COLUMNS)


def _xml_feed(content: bytes, where: str, url: str | None, content_type: str | None):
    import feedparser

    headers = {}
    if url:
        headers["content-location"] = url
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(content, response_headers=headers or None,
                                  resolve_relative_uris=True, sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - feedparser's internals may raise anything
        raise FeedError(f"{where} could not be read as a feed ({type(exc).__name__}: {exc})",
                        url=url) from None
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        if not parsed.get("version"):
            reason = f"not an RSS or Atom feed ({_short(problem)})" if problem else \
                "not an RSS, Atom or JSON feed"
            raise FeedError(f"{where} is {reason}", url=url)
        if problem:
            raise FeedError(f"{where} is a malformed {parsed.get('version')} feed: "
                            f"{_short(problem)}", url=url,
                            suggestion="the publisher's feed is broken; try again later or "
                                       "tell the site owner")
        return (parsed.feed.get("title"), parsed.get("version"), [])
    items = []
    for entry in entries:
        when = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            stamp = dict.get(entry, key)  # plain lookup: no feedparser fallback warnings
            if stamp:
                try:
                    when = datetime(*stamp[:6]).replace(tzinfo=UTC)
                except (TypeError, ValueError):
                    when = None
                if when:
                    break
        if when is None:  # feedparser skips localised day/month names
            for key in ("published", "updated", "created"):
                when = parse_feed_date(dict.get(entry, key))
                if when:
                    break
        summary = entry.get("summary")
        if not summary and entry.get("content"):
            summary = entry["content"][0].get("value")
        item = {"title": html_to_text(entry.get("title"), 300), "date": when,
                "link": entry.get("link"), "summary": html_to_text(summary),
                "item_id": entry.get("id") or entry.get("link")}
        if item["title"] or item["link"] or item["summary"]:  # a cut-off stub says nothing
            items.append(item)
    if not items and parsed.get("bozo_exception"):
        raise FeedError(f"{where} is a malformed {parsed.get('version') or 'XML'} feed: "
                        f"{_short(parsed.get('bozo_exception'))}", url=url)
    return parsed.feed.get("title"), parsed.get("version") or "unknown", items


def _short(exc: Any) -> str:
    text = str(exc or "").strip()
    return text if len(text) < 140 else text[:137] + "..."


def _json_feed(content: bytes, where: str):
    try:
        doc = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise FeedError(f"{where} is not valid JSON ({_short(exc)})") from None
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or "jsonfeed.org/version/" not in version:
        raise FeedError(f"{where} is JSON but not a JSON Feed (no jsonfeed.org version)",
                        suggestion="JSON Feed documents declare "
                                   "\"version\": \"https://jsonfeed.org/version/1.1\"")
    raw_items = doc.get("items")
    if not isinstance(raw_items, list):
        raise FeedError(f"{where} is a JSON Feed without an items list")
    fmt = "json" + version.rsplit("/", 1)[-1]
    items = []
    for item in raw_items:
        if not isinstance(item, dict):
            continue
        summary = item.get("summary") or item.get("content_text") or item.get("content_html")
        link = item.get("url") or item.get("external_url")
        items.append({"title": html_to_text(_text(item.get("title")), 300),
                      "date": parse_feed_date(_text(item.get("date_published"))
                                              or _text(item.get("date_modified"))),
                      "link": link if isinstance(link, str) else None,
                      "summary": html_to_text(_text(summary)),
                      "item_id": _text(item.get("id")) or (link if isinstance(link, str)
                                                           else None)})
    return _text(doc.get("title")), fmt, items


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value if isinstance(value, str) else None
