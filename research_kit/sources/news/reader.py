"""Find and read news feeds over the HTTP gateway.

* :func:`discover_feeds` — the feeds an HTML page advertises with
  ``<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href=…>``;
* :func:`find_feeds` — the same for a site URL (fetches its homepage);
* :func:`fetch_feed` — one feed URL → items table;
* :func:`read_news` — a site's feeds, extra feed URLs and 8-K press releases → one table,
  deduplicated, newest first. A feed that fails does not sink the others: its error is
  listed in ``table.attrs["problems"]``; only when every source fails is the first error
  raised.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import urljoin

from ...errors import ParseError, ResearchKitError
from ...provenance import table_from_rows
from .feeds import parse_feed
from .items import merge_news, press_release_items

__all__ = ["discover_feeds", "find_feeds", "fetch_feed", "read_news", "FEED_LINK_COLUMNS"]

FEED_LINK_COLUMNS = ["url", "type", "title"]
FEED_TYPES = {
    "application/rss+xml": "rss", "application/rdf+xml": "rss", "application/atom+xml": "atom",
    "application/feed+json": "json", "application/json": "json", "text/xml": "xml",
    "application/xml": "xml",
}


def _attr(tag: Any, name: str) -> str:
    """A single-valued attribute of a bs4 tag; "" when it is missing."""
    value = tag.get(name)
    return value if isinstance(value, str) else ""


def discover_feeds(html: str | bytes, base_url: str, *, source=None):
    """Feed links an HTML page declares in its ``<head>`` (``rel="alternate"``).

    Generic ``application/json``/``xml`` alternates count only when their title or URL
    says feed/rss/atom (pages also link JSON APIs and sitemaps that way).
    """
    from bs4 import BeautifulSoup

    if isinstance(html, bytes):
        from ...gateway.client import decode_body

        html = decode_body(html)
    soup = BeautifulSoup(html or "", "lxml")
    base = soup.find("base", href=True)
    base_url = urljoin(base_url, _attr(base, "href")) if base else base_url
    rows, seen = [], set()
    for link in soup.find_all("link", href=True):
        rels = [r.lower() for r in (link.get("rel") or [])]
        kind = FEED_TYPES.get(_attr(link, "type").split(";")[0].strip().lower())
        if "alternate" not in rels or kind is None:
            continue
        url = urljoin(base_url, _attr(link, "href").strip())
        title = _attr(link, "title").strip() or None
        if kind in ("json", "xml") and _attr(link, "type").lower() in (
                "application/json", "text/xml", "application/xml"):
            hint = f"{title or ''} {url}".lower()
            if not any(w in hint for w in ("feed", "rss", "atom")):
                continue
        if url in seen:
            continue
        seen.add(url)
        rows.append({"url": url, "type": kind, "title": title,
                     "source": source.at("feed links") if source else None})
    return table_from_rows(rows, FEED_LINK_COLUMNS)


def _gateway(gateway):
    if gateway is not None:
        return gateway
    from ...gateway.client import get_gateway

    return get_gateway()


def find_feeds(site_url: str, *, gateway=None):
    """The feeds a site's homepage (or any page) links to."""
    response = _gateway(gateway).get(site_url)
    return discover_feeds(response.content, response.url, source=response.source)


def fetch_feed(url: str, *, gateway=None):
    """Fetch one feed URL through the gateway and parse it (see :func:`parse_feed`)."""
    response = _gateway(gateway).get(url)
    return parse_feed(response.content, url=response.url, source=response.source,
                      content_type=response.content_type)


def read_news(feeds: Iterable[str] = (), *, site: str | None = None, press_releases=None,
              gateway=None, limit: int | None = 50):
    """News about a company: its site's feeds, extra feed URLs, and 8-K press releases.

    Returns date, title, link, summary, feed, also_at + source columns, one row per story,
    newest first (at most ``limit`` rows).
    """
    gateway = _gateway(gateway)
    problems: list[str] = []
    errors: list[ResearchKitError] = []
    urls = list(dict.fromkeys(u for u in feeds if u))
    if site:
        try:
            found = find_feeds(site, gateway=gateway)
            urls = list(dict.fromkeys(list(found["url"]) + urls))
            if found.empty:
                problems.append(f"{site}: no feed links (<link rel=\"alternate\">) found")
        except ResearchKitError as exc:
            errors.append(exc)
            problems.append(f"{site}: {exc.message}")
    tables = []
    for url in urls:
        try:
            tables.append(fetch_feed(url, gateway=gateway))
        except ResearchKitError as exc:
            errors.append(exc)
            problems.append(f"{url}: {exc.message}")
    tables.append(press_release_items(press_releases))
    news = merge_news(*tables, limit=limit)
    if news.empty and errors:
        raise errors[0]
    if news.empty and not urls and press_releases is None:
        raise ParseError("no news sources: give feed URLs, a site with a feed link, or "
                         "press releases", suggestion="pass site='https://…' or feeds=[…]")
    news.attrs["problems"] = problems
    return news
