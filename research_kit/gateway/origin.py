"""Origins (RFC 6454): scheme + host + port, the unit a crawl, a redirect or a robots.txt
stays within (part of the gateway).

127.0.0.1:8000 and 127.0.0.1:8001 are different origins, and so are 127.0.0.1 and
127.0.0.2: a page may not send us to another service on the same machine. The one
allowance is the upgrade from http to https on the same host with default ports, which is
how sites move to https.
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["Origin", "origin_of", "same_origin"]

Origin = tuple[str, str, int]
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url: str) -> Origin | None:
    """(scheme, host, port) of an http(s) URL, the port filled in; None for anything else."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # "http://host:99999/" or a broken IPv6 literal
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return scheme, host, port if port is not None else _DEFAULT_PORTS[scheme]


def same_origin(url: str, other: str | Origin | None, *, upgrade: bool = True) -> bool:
    """True when ``url`` is on the origin of ``other`` (a URL or an origin); with
    ``upgrade``, https on the same host also counts when ``other`` is plain http on the
    default port."""
    mine = origin_of(url)
    theirs = origin_of(other) if isinstance(other, str) else other
    if mine is None or theirs is None:
        return False
    if mine == theirs:
        return True
    return upgrade and theirs == ("http", mine[1], 80) and mine == ("https", mine[1], 443)
