"""Find the pages that matter on a company site, politely.

From the homepage: its links (text, URL, position in the navigation menus), the XML
sitemaps named in robots.txt (or ``/sitemap.xml``), sitemap indexes, and an HTML site map
when there is no XML one. Candidates are ranked by kind (About, Leadership, Products,
Careers, Contact, … — see :mod:`.classify`) and fetched best first, at most
``KIND_LIMITS[kind]`` of each kind, ``max_pages`` in all, ``max_depth`` links away from the
homepage, only on the homepage's own origin (scheme, host, port).

When a key page was not linked from anywhere we looked (old sites forget to link their
leadership page), a few conventional addresses are tried in the style of the site's own
URLs (``/about/leadership.html`` next to ``/about/history.html``) — at most
``MAX_PROBES`` requests, each robots.txt-checked and rate-limited like any other.

Only the origins the crawl started on are contacted (:class:`.domain.CrawlOrigins`):
links, sitemaps (also those a sitemap index or robots.txt names) and redirects to another
host, port or scheme are skipped before anything is sent there.

All requests go through the gateway: robots.txt, per-host rate limit (1/s or the
Crawl-delay), cache, size cap, redirect limit, offline mode.
"""

from __future__ import annotations

import heapq
import itertools
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from ...errors import FetchError, HTTPStatusError, ParseError
from ...parse_guard import parse_guard
from .classify import (
    KIND_LIMITS,
    classify_link,
    classify_text,
    classify_url,
    is_skippable_url,
    kind_priority,
)
from .document import HtmlDocument, normalize_url, parse_html
from .domain import CrawlOrigins, host_of, registrable_domain
from .sitemaps import parse_sitemap, sitemaps_in_robots

if TYPE_CHECKING:
    from ...provenance import Source

__all__ = ["FetchedPage", "SkippedPage", "Discovery", "discover_site", "MAX_PROBES",
           "MAX_HTML_BYTES"]

MAX_PROBES = 6
MAX_SITEMAP_FILES = 4
MAX_SITEMAP_CANDIDATES = 10_000
MAX_HTML_BYTES = 5 * 1024 * 1024
"""Parse at most this much of one page: 5 MB of HTML is far more text than any company
page has; the rest of a 20 MB page is data dumps or inline images."""

_PROBE_SLUGS = {
    "leadership": ("leadership", "team", "management"),
    "about": ("about", "about-us", "company"),
    "careers": ("careers", "jobs"),
    "contact": ("contact", "contact-us"),
}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass
class FetchedPage:
    url: str
    """Final URL after redirects."""
    kind: str
    depth: int
    found_via: str
    doc: HtmlDocument
    source: Source
    lastmod: str | None = None
    truncated: bool = False


@dataclass(frozen=True)
class SkippedPage:
    url: str
    kind: str | None
    reason: str


@dataclass
class Discovery:
    start_url: str
    domain: str
    pages: list[FetchedPage] = field(default_factory=list)
    skipped: list[SkippedPage] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    sitemap_urls: int = 0
    probed: list[str] = field(default_factory=list)
    requests: int = 0


@dataclass(order=True)
class _Candidate:
    rank: tuple
    url: str = field(compare=False)
    kind: str = field(compare=False)
    depth: int = field(compare=False)
    via: str = field(compare=False)


def _key(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or "/"
    for suffix in ("/index.html", "/index.htm", "/index.php", "/default.aspx"):
        if path.endswith(suffix):
            path = path[: -len(suffix)] or "/"
    return f"{(parts.hostname or '').removeprefix('www.')}{path}?{parts.query}"


class _Crawl:
    def __init__(self, gateway, start_url: str, max_pages: int, max_depth: int) -> None:
        self.gateway = gateway
        self.max_pages = max_pages
        self.max_depth = max_depth
        self.queue: list[_Candidate] = []
        self.counter = itertools.count()
        self.seen: set[str] = set()
        self.lastmod: dict[str, str] = {}
        self.kind_count: dict[str, int] = {}
        self.kind_tried: dict[str, int] = {}
        self.result = Discovery(start_url=start_url, domain="")
        self.origins = CrawlOrigins(start_url)

    # -- fetching ---------------------------------------------------------------------
    def fetch(self, url: str):
        self.result.requests += 1
        # refuse off-site redirects before their target (or its robots.txt) is contacted;
        # the homepage itself may redirect anywhere (e.g. example.com -> example.co.uk):
        # that is where the user's address leads, and the crawl then stays there
        return self.gateway.get(url, follow=(lambda target: target in self.origins)
                                if self.result.pages else None)

    def fetch_page(self, url: str, kind: str, depth: int, via: str,
                   strict: bool = False) -> FetchedPage | None:
        """Fetch and parse one page; failures are recorded as skipped, or raised when
        ``strict`` (the homepage: without it there is nothing to research)."""
        try:
            response = self.fetch(url)
        except FetchError as exc:
            if strict:
                raise
            self.result.skipped.append(SkippedPage(url, kind, exc.message))
            return None
        final = response.url
        if strict:
            self.result.domain = registrable_domain(host_of(final)) or self.result.domain
            self.origins.add(final)
        if final not in self.origins:
            self.result.skipped.append(SkippedPage(url, kind, f"redirected off the site to {final}"))
            return None
        ctype = response.content_type.split(";")[0].strip().lower()
        if ctype not in _HTML_TYPES:
            if strict:
                raise ParseError(f"{final} is not a web page ({ctype})", url=final,
                                 suggestion="give the company's homepage URL")
            self.result.skipped.append(SkippedPage(url, kind, f"not a web page ({ctype})"))
            return None
        content = response.content
        truncated = len(content) > MAX_HTML_BYTES
        try:
            with parse_guard(final, url=final):
                doc = parse_html(content[:MAX_HTML_BYTES], final, response.content_type,
                                 last_modified=response.headers.get("last-modified"))
        except ParseError as exc:
            if strict:
                raise
            self.result.skipped.append(SkippedPage(url, kind, exc.message))
            return None
        self.seen.add(_key(final))
        lastmod = self.lastmod.get(_key(final)) or self.lastmod.get(_key(url))
        page = FetchedPage(final, kind, depth, via, doc, response.source,
                           lastmod=lastmod or doc.last_modified, truncated=truncated)
        self.result.pages.append(page)
        self.kind_count[kind] = self.kind_count.get(kind, 0) + 1
        return page

    # -- candidates -------------------------------------------------------------------
    def offer(self, url: str | None, kind: str | None, depth: int, via: str) -> None:
        if not url or kind is None or kind == "home" or depth > self.max_depth:
            return
        if is_skippable_url(url):
            return
        fetchable = self.origins.url_for(url)
        if fetchable is None:
            self._off_site(url, kind)
            return
        url = fetchable
        key = _key(url)
        if key in self.seen:
            return
        self.seen.add(key)
        rank = (kind_priority(kind), depth, next(self.counter))
        heapq.heappush(self.queue, _Candidate(rank, url, kind, depth, via))

    def _off_site(self, url: str, kind: str | None) -> None:
        key = "off-site " + _key(url)
        if key in self.seen or len(self.result.skipped) >= 200:
            return
        self.seen.add(key)
        self.result.skipped.append(SkippedPage(
            url, kind, f"on another site or service (the crawl reads only {self.origins})"))

    def offer_links(self, page: FetchedPage) -> None:
        depth = page.depth + 1
        if depth > self.max_depth:
            return
        labels = {link.submenu_of for link in page.doc.links if link.submenu_of}
        for link in page.doc.links:
            kind = classify_link(link.url, link.text, link.submenu_of)
            if kind is None and link.text in labels and link.in_nav:
                # the head of a navigation menu that is none of the known kinds
                # ("Enterprise", "Small Business", "Industries"): a section of offerings
                kind = "products" if classify_text(link.text) is None else None
            via = f"link '{link.text[:60]}'" if link.text else "link"
            self.offer(link.url, kind, depth, via)

    def html_sitemap_links(self, page: FetchedPage) -> list[str]:
        return [link.url for link in page.doc.links
                if "site map" in link.text.lower() or "sitemap" in link.text.lower()
                or posixpath.basename(urlsplit(link.url).path).lower().startswith(("sitemap", "site-map"))]

    def read_sitemaps(self, home: str) -> None:
        try:
            robots_text = self.gateway.robots_rules(home).text
        except FetchError:
            robots_text = None
        todo = [u for u in map(self.origins.url_for, sitemaps_in_robots(robots_text)) if u]
        if not todo:
            todo = [urljoin(home, "/sitemap.xml")]
        fetched = 0
        while todo and fetched < MAX_SITEMAP_FILES:
            url = todo.pop(0)
            fetched += 1
            try:
                response = self.fetch(url)
            except FetchError:
                continue
            try:
                with parse_guard(response.url, url=response.url):
                    sitemap = parse_sitemap(response.content)
            except ParseError:
                continue
            if sitemap.urls or sitemap.sitemaps:
                self.result.sitemaps.append(response.url)
            # child sitemaps named like pages/company first, posts and products last
            children = [u for u in map(self.origins.url_for, sitemap.sitemaps) if u]
            children.sort(key=lambda u: (not any(w in u.lower()
                                                 for w in ("page", "about", "company", "main")),
                                         any(w in u.lower() for w in ("post", "product", "blog", "news"))))
            todo.extend(children)
            for entry in sitemap.urls[:MAX_SITEMAP_CANDIDATES]:
                page_url = normalize_url(entry.url, response.url)
                if page_url is None:
                    continue
                self.result.sitemap_urls += 1
                if entry.lastmod:
                    self.lastmod[_key(page_url)] = entry.lastmod
                kind, _ = classify_url(page_url)
                self.offer(page_url, kind, 1, "sitemap")

    # -- probing ----------------------------------------------------------------------
    def probe_missing(self) -> None:
        if self.max_depth < 1:
            return  # a probed page counts as one link away from the homepage
        found = {p.kind for p in self.result.pages}
        about = next((p.url for p in self.result.pages if p.kind == "about"), None)
        dirs = []
        if about:
            path = urlsplit(about).path
            dirs.append(path if path.endswith("/") else posixpath.dirname(path) + "/")
        dirs.append("/")
        for kind, slugs in _PROBE_SLUGS.items():
            if kind in found:
                continue
            for directory in dict.fromkeys(dirs):
                style = self._url_style(directory)
                for slug in slugs:
                    if len(self.result.probed) >= MAX_PROBES or len(self.result.pages) >= self.max_pages:
                        return
                    url = normalize_url(directory + slug + style, self.result.pages[0].url)
                    if url is None or _key(url) in self.seen:
                        continue
                    self.seen.add(_key(url))
                    self.result.probed.append(url)
                    page = self._probe(url, kind)
                    if page is not None:
                        break
                if kind in {p.kind for p in self.result.pages}:
                    break

    def _probe(self, url: str, kind: str) -> FetchedPage | None:
        try:
            response = self.fetch(url)
        except HTTPStatusError:
            return None  # a 404 is the expected answer to a guess
        except FetchError as exc:
            self.result.skipped.append(SkippedPage(url, kind, exc.message))
            return None
        if response.url not in self.origins or _key(response.url) in {
                _key(p.url) for p in self.result.pages}:
            return None
        try:
            with parse_guard(response.url, url=response.url):
                doc = parse_html(response.content[:MAX_HTML_BYTES], response.url,
                                 response.content_type,
                                 last_modified=response.headers.get("last-modified"))
        except ParseError:
            return None
        page = FetchedPage(response.url, kind, 1, "probe (not linked from the pages read)", doc,
                           response.source, lastmod=doc.last_modified)
        self.result.pages.append(page)
        return page

    def _url_style(self, directory: str) -> str:
        """".html" when the site's pages in ``directory`` end in .html, else "/"."""
        exts = [posixpath.splitext(urlsplit(p.url).path)[1].lower() for p in self.result.pages
                if posixpath.dirname(urlsplit(p.url).path) + "/" == directory]
        exts = [e for e in exts if e]
        return max(set(exts), key=exts.count) if exts else "/"

    # -- main loop --------------------------------------------------------------------
    def run(self) -> Discovery:
        start = self.result.start_url
        self.result.domain = registrable_domain(host_of(start))
        home = self.fetch_page(start, "home", 0, "start", strict=True)
        assert home is not None  # strict: a failure raises; the domain follows the final URL
        self.seen.add(_key(start))
        self.offer_links(home)
        self.read_sitemaps(home.url)
        if not self.result.sitemaps:
            for url in self.html_sitemap_links(home)[:1]:
                if url in self.origins and _key(url) not in self.seen:
                    self.seen.add(_key(url))
                    try:
                        response = self.fetch(url)
                        with parse_guard(response.url, url=response.url):
                            doc = parse_html(response.content[:MAX_HTML_BYTES], response.url,
                                             response.content_type)
                    except (FetchError, ParseError):
                        continue
                    self.result.sitemaps.append(response.url)
                    for link in doc.links:
                        self.offer(link.url, classify_link(link.url, link.text), 2, "site map page")
        while self.queue and len(self.result.pages) < self.max_pages:
            cand = heapq.heappop(self.queue)
            limit = KIND_LIMITS.get(cand.kind, 1)
            tried = self.kind_tried.get(cand.kind, 0)
            if self.kind_count.get(cand.kind, 0) >= limit or tried >= 2 * limit + 1:
                continue  # enough of this kind, or enough dead links to it
            self.kind_tried[cand.kind] = tried + 1
            page = self.fetch_page(cand.url, cand.kind, cand.depth, cand.via)
            if page is not None:
                self.offer_links(page)
        self.probe_missing()
        return self.result


def discover_site(start_url: str, *, gateway=None, max_pages: int = 25,
                  max_depth: int = 2) -> Discovery:
    """Fetch the homepage and the pages that matter; see the module docstring."""
    from ...gateway.client import get_gateway

    gateway = gateway or get_gateway()
    return _Crawl(gateway, start_url, max(1, max_pages), max(0, max_depth)).run()
