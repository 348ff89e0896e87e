"""What went wrong on the wire, in words a user can act on (part of the gateway).

requests reports a missing network, a refused connection and a broken server alike as
``ConnectionError: Max retries exceeded …``. We look at the cause and say which it was,
naming the host: a DNS failure, a refused connection, a TLS failure and a connect timeout
mean this machine cannot reach the host (it looks offline); a reset or a malformed answer
is the server's doing.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..errors import FetchError, FetchTimeoutError, NetworkError, short_reason

__all__ = ["classify_failure", "is_unreachable", "OFFLINE_HINT"]

OFFLINE_HINT = ("check this machine's network connection (Wi-Fi, VPN, proxy); to work without "
                "one, run with --offline from a warm cache or replay a pack")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything it wraps (args, .reason, __cause__, __context__), once each."""
    todo: list[BaseException] = [exc]
    seen: set[int] = set()
    while todo and len(seen) < 20:
        item = todo.pop(0)
        if id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        for nested in (*getattr(item, "args", ()), getattr(item, "reason", None),
                       item.__cause__, item.__context__):
            if isinstance(nested, BaseException):
                todo.append(nested)


def _has(exc: BaseException, *names_or_types) -> bool:
    for cause in _causes(exc):
        for wanted in names_or_types:
            if isinstance(wanted, str):
                if any(c.__name__ == wanted for c in type(cause).__mro__):
                    return True
            elif isinstance(cause, wanted):
                return True
    return False


def is_unreachable(error: FetchError) -> bool:
    """True for failures that will not go away within one run (no DNS, refused)."""
    return isinstance(error, NetworkError) and error.context.get("kind") in (
        "dns", "refused", "unreachable")


def classify_failure(exc: BaseException, url: str, attempts: int) -> FetchError:
    """The typed error for a requests/urllib3 failure of ``url``."""
    host = urlsplit(url).hostname or url
    tries = f" ({attempts} attempts)" if attempts > 1 else ""
    if _has(exc, "NameResolutionError", socket.gaierror):
        return NetworkError(
            f"could not look up {host} (DNS failure){tries}: this machine looks offline, or "
            f"the name is wrong", url=url, host=host, kind="dns", suggestion=OFFLINE_HINT)
    if _has(exc, ConnectionRefusedError):
        return NetworkError(
            f"{host} refused the connection{tries}: this machine looks offline, or the "
            f"server is down", url=url, host=host, kind="refused", suggestion=OFFLINE_HINT)
    # urllib3's NewConnectionError is a ConnectTimeoutError too: look for a real timeout
    if _has(exc, "ConnectTimeout") or (_has(exc, "ConnectTimeoutError")
                                       and _has(exc, socket.timeout, TimeoutError)):
        return FetchTimeoutError(
            f"could not connect to {host} in time{tries}: this machine looks offline, or "
            f"{host} is down", url=url, host=host, kind="connect-timeout",
            suggestion=OFFLINE_HINT)
    if _has(exc, "NewConnectionError"):  # no route, network unreachable …
        return NetworkError(
            f"could not connect to {host}{tries}: {short_reason(exc, 100)}; this machine "
            "looks offline", url=url, host=host, kind="unreachable", suggestion=OFFLINE_HINT)
    if _has(exc, ssl.SSLError, "SSLError", ssl.CertificateError):
        return NetworkError(
            f"a secure (TLS) connection to {host} failed{tries}: {short_reason(exc, 120)}; "
            "this machine looks offline or behind a network that intercepts HTTPS "
            "(hotel/airport Wi-Fi)", url=url, host=host, kind="tls", suggestion=OFFLINE_HINT)
    if _has(exc, "ReadTimeoutError", "ReadTimeout", socket.timeout, TimeoutError):
        return FetchTimeoutError(
            f"timed out waiting for {host} to send {url}{tries}", url=url, host=host,
            kind="read-timeout", suggestion="the server is slow or down; try again later")
    if _has(exc, "DecodeError", "ContentDecodingError"):
        return FetchError(f"{host} sent a body that does not decode ({short_reason(exc, 100)}) "
                          f"for {url}", url=url, host=host, kind="malformed",
                          suggestion="the server is broken; try again later")
    if _has(exc, http.client.HTTPException) and not _has(exc, ConnectionResetError,
                                                         http.client.RemoteDisconnected):
        return FetchError(f"{host} sent a malformed HTTP answer for {url}: "
                          f"{short_reason(exc, 120)}", url=url, host=host, kind="malformed",
                          suggestion="the server is broken; try again later")
    if _has(exc, ConnectionResetError, http.client.RemoteDisconnected, "ProtocolError"):
        return NetworkError(f"{host} closed the connection without a complete answer for "
                            f"{url}{tries}", url=url, host=host, kind="reset",
                            suggestion="the server is overloaded or down; try again later")
    return NetworkError(f"could not fetch {url}{tries}: {short_reason(exc)}", url=url,
                        host=host, kind="other", suggestion=OFFLINE_HINT)
