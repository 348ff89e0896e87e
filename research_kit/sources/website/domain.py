"""Which URLs belong to the company's site: its registrable domain and every subdomain.

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

__all__ = ["registrable_domain", "host_of", "in_site"]


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
