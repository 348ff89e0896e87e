"""Which URLs belong to the company's site.

A crawl fetches only from the origins it started on (scheme + host + port: the homepage
URL as given, and where it redirected to) — :class:`CrawlOrigins`. A link to another
subdomain, another port or another address is not followed (``skipped`` lists it), and
neither is a sitemap or a redirect there: a page must not be able to send research-kit to
another service. :func:`in_site` (the registrable domain and its subdomains) still
decides what counts as the company's own in what the pages say.

The registrable domain ("eTLD+1") needs the Public Suffix List: ``www.acme.co.uk`` belongs
to ``acme.co.uk``, not ``co.uk``; ``acme.github.io`` is a site of its own. We use the
``publicsuffixlist`` package: pure Python, no dependencies, the list bundled in the wheel
and never fetched at run time (``tldextract`` would pull in requests-file and filelock and
try a live download of the list unless configured not to). IP addresses and single-label
hosts (``localhost``) are their own "domain".
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from ...gateway.origin import Origin, origin_of, same_origin

__all__ = ["registrable_domain", "host_of", "in_site", "CrawlOrigins"]


@lru_cache(maxsize=1)
def _psl():
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()  # bundled snapshot; ~30 ms once per process


def host_of(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. "http://[::1" — a malformed link, not our error to raise
        return ""
    return host.lower().rstrip(".")


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """``www.investors.acme.com`` → ``acme.com``; an IP or ``localhost`` → itself."""
    host = (host or "").lower().rstrip(".")
    if not host:
        return ""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    if "." not in host:
        return host
    try:
        host_ascii = host.encode("idna").decode("ascii")
    except UnicodeError:
        host_ascii = host
    domain = _psl().privatesuffix(host_ascii)
    return domain or host_ascii


def in_site(url: str, domain: str) -> bool:
    """True when ``url`` is http(s) on ``domain`` or one of its subdomains."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return False
    if scheme not in ("http", "https"):
        return False
    host = host_of(url)
    if not host or not domain:
        return False
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return host == domain or host.endswith("." + domain)


class CrawlOrigins:
    """The origins one crawl may contact: where it started and where the homepage went."""

    def __init__(self, start_url: str) -> None:
        self.origins: list[Origin] = []
        self.add(start_url)

    def add(self, url: str) -> None:
        origin = origin_of(url)
        if origin is not None and origin not in self.origins:
            self.origins.append(origin)

    def url_for(self, url: str) -> str | None:
        """``url`` if the crawl may fetch it — an http link on a host the crawl reads over
        https becomes https (sites link to themselves both ways) — else None."""
        if any(same_origin(url, origin) for origin in self.origins):
            return url
        mine = origin_of(url)
        if mine is not None and mine[0] == "http" and mine[2] == 80 and \
                ("https", mine[1], 443) in self.origins:
            return "https" + url[len("http"):]
        return None

    def __contains__(self, url: object) -> bool:
        return isinstance(url, str) and self.url_for(url) is not None

    def __str__(self) -> str:
        return ", ".join(f"{s}://{h}:{p}" for s, h, p in self.origins)
