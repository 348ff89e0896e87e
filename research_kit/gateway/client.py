"""The HTTP gateway: the only code in research-kit that touches the network.

One :class:`Gateway` owns one requests session backed by a persistent SQLite cache
(requests-cache, JSON serialised: a cache file carries data, never code). Around it:

* **cache first** — a cache hit returns at once and never waits on a rate limit (the rate
  limiter lives in the transport adapter, which requests-cache only calls on a miss);
* **politeness** — identifying User-Agent, robots.txt (RFC 9309, via protego), per-host
  spacing (1/s or the Crawl-delay), and what each service's :class:`~.policy.HostPolicy`
  adds (SEC: all sec.gov hosts together ≤ 10/s, a contact e-mail, its block page);
* **bounded retries** — at most 3, exponential backoff with jitter on 429/503/connection
  errors, honouring Retry-After; a service's block page stops at once and is never cached;
* **limits** — streamed size cap, connect/read timeouts and a total deadline per request,
  at most N redirects, http(s) only;
* **truthful failures** — no network, a refused connection, a broken TLS handshake are
  :class:`~research_kit.errors.NetworkError` naming the host (a host that cannot be looked
  up or refuses is not asked again in the same run); robots.txt is blamed only when one was
  read and says no;
* **offline mode** — cache only; a miss raises :class:`NotCachedError`;
* **provenance** — every :class:`Response` carries a :class:`~research_kit.provenance.Source`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal, overload
from urllib.parse import urljoin, urlsplit

from ..errors import (
    CacheError,
    ContactMissingError,
    FetchError,
    HTTPStatusError,
    NetworkError,
    NotCachedError,
    ResearchKitError,
    RobotsDisallowedError,
    RobotsUnavailableError,
    TooManyRedirectsError,
    UnsupportedURLError,
    short_reason,
)
from ..provenance import Source
from ..settings import Settings, load_settings
from . import robots as _robots
from .charset import decode_body
from .failures import is_unreachable
from .origin import same_origin
from .policy import block_page_policy, cache_expiry, policy_for_url
from .ratelimit import HostRateLimiter

__all__ = ["Gateway", "Response", "get_gateway", "set_gateway", "fetch", "decode_body"]

CACHEABLE_STATUSES = (200, 203, 300, 301, 302, 303, 307, 308, 404, 410)
_REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Response:
    """A fetched document: final URL, status, headers, body bytes and its provenance."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    source: Source
    expires: datetime | None = None
    """When the cached copy goes stale (None: never, or not cached)."""

    @property
    def from_cache(self) -> bool:
        return self.source.from_cache

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def text(self) -> str:
        return decode_body(self.content, self.content_type)

    def json(self) -> Any:
        try:
            return json.loads(self.content)
        except (ValueError, UnicodeDecodeError) as exc:
            from ..errors import ParseError

            raise ParseError(f"{self.url} did not return JSON ({exc})", url=self.url,
                             suggestion="check the URL; the server may have sent an error page") from None


def _cacheable(response: Any) -> bool:
    # requests-cache calls this for new and cached responses alike: a service's block page
    # is an error, never data
    return block_page_policy(getattr(response, "content", b"")) is None


class Gateway:
    """Cached, polite HTTP access. One per process is typical: see :func:`get_gateway`."""

    def __init__(self, settings: Settings | None = None, *,
                 limiter: HostRateLimiter | None = None, owner: str | None = None) -> None:
        self.settings = settings or load_settings()
        # gateways that run side by side (batch workers) share one limiter: per-host
        # politeness is about what this process sends, not what one workspace sends
        self.limiter = limiter or HostRateLimiter(self.settings.default_requests_per_second,
                                                  self.settings)
        self.owner = owner
        """Who made this gateway (a workspace path), so it can be recognised and reused."""
        self._session: Any = None  # requests_cache.CachedSession, made on first use
        self._adapter: Any = None
        self._robots = _robots.RobotsCache(self._load_robots)
        self._session_lock = threading.Lock()
        self._listeners: list[Callable[[str], None]] = []
        self._unreachable: dict[str, NetworkError] = {}
        """host → why it could not be reached: not asked again by this gateway."""

    # -- plumbing -----------------------------------------------------------------------
    @property
    def session(self):
        """The requests-cache session (requests is imported here, on first use)."""
        with self._session_lock:
            if self._session is None:
                import requests_cache

                from ..private_files import make_private, private_dir
                from .transport import PoliteAdapter

                private_dir(self.settings.cache_dir)
                try:
                    session = requests_cache.CachedSession(
                        str(self.settings.http_cache_path), backend="sqlite",
                        serializer="json", urls_expire_after=cache_expiry(),
                        allowable_codes=CACHEABLE_STATUSES, stale_if_error=True,
                        cache_control=False, filter_fn=_cacheable,
                        allowable_methods=("GET", "HEAD"),
                    )
                except sqlite3.Error as exc:
                    raise self._cache_error(exc) from None
                make_private(self.settings.http_cache_path)
                self._adapter = PoliteAdapter(self.settings, self.limiter)
                session.mount("http://", self._adapter)
                session.mount("https://", self._adapter)
                session.headers["User-Agent"] = self.settings.user_agent
                session.headers["Accept-Encoding"] = "gzip, deflate"
                self._session = session
            return self._session

    @property
    def network_requests(self) -> int:
        """Requests that actually went to the network (cache misses, retries included)."""
        return self._adapter.network_requests if self._adapter else 0

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None

    # -- public -------------------------------------------------------------------------
    def get(self, url: str, *, headers: Mapping[str, str] | None = None,
            robots: bool = True, ok_statuses: tuple[int, ...] = (),
            follow: Callable[[str], bool] | None = None) -> Response:
        """GET ``url`` through cache and politeness rules; follow redirects (http/https only).

        ``follow(target)`` may veto a redirect before anything is sent to its target (a
        crawler staying on one site); a vetoed redirect raises ``UnsupportedURLError``.
        Raises a :class:`~research_kit.errors.FetchError` subclass for anything that is not a
        2xx (or a status listed in ``ok_statuses``).
        """
        return self._get(url, headers, robots, ok_statuses, follow)

    def _get(self, url: str, headers: Mapping[str, str] | None, robots: bool,
             ok_statuses: tuple[int, ...], follow: Callable[[str], bool] | None) -> Response:
        self._check_url(url)
        policy = policy_for_url(url)
        if policy is not None and policy.requires_contact and not self.settings.offline \
                and not self.settings.contact_email:
            raise ContactMissingError(policy.contact_help or
                                      f"{policy.name} requires a contact e-mail", url=url)
        seen = [url]
        current = url
        while True:
            if robots and self.settings.respect_robots:
                self._check_robots(current)
            raw = self._send(current, headers)
            if raw.status_code in _REDIRECTS and raw.headers.get("Location"):
                target = urljoin(current, raw.headers["Location"])
                self._check_url(target, redirected_from=current)
                if follow is not None and not follow(target):
                    raise UnsupportedURLError(
                        f"{current} redirects to {target}, which this step does not follow",
                        url=current, target=target)
                if target in seen or len(seen) > self.settings.max_redirects:
                    raise TooManyRedirectsError(
                        f"too many redirects (or a loop) starting at {url}", url=url,
                        chain=" -> ".join(seen + [target]))
                seen.append(target)
                current = target
                continue
            break
        response = self._wrap(current, raw)
        for listener in self._listeners:
            for hop in seen:
                listener(hop)
        if 200 <= response.status < 300 or response.status in ok_statuses:
            return response
        raise HTTPStatusError(
            f"{current} answered HTTP {response.status}", url=current, status=response.status,
            suggestion="check the URL" if response.status in (404, 410) else None)

    def is_cached(self, url: str) -> bool:
        return self.session.cache.contains(url=url)

    def import_responses(self, records: Iterable[dict[str, Any]]) -> int:
        """Store recorded responses (packs, the demo) in the cache; returns how many."""
        from .cache_store import import_records

        return import_records(self.session, records)

    def export_responses(self, urls: Iterable[str]) -> tuple[list[dict[str, Any]], list[str]]:
        """Cached responses for ``urls`` as records, plus the URLs that are not cached."""
        from .cache_store import export_records

        return export_records(self.session, urls)

    def add_listener(self, callback: Callable[[str], None]) -> None:
        """Call ``callback(url)`` for every URL served, from the cache or the network, and
        for each hop of a redirect (workspaces record what they used, for packs)."""
        self._listeners.append(callback)

    # -- internals ----------------------------------------------------------------------
    @staticmethod
    def _check_url(url: str, redirected_from: str | None = None) -> None:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https") or not urlsplit(url).hostname:
            where = f" (redirect from {redirected_from})" if redirected_from else ""
            raise UnsupportedURLError(
                f"only http(s) URLs are fetched, not {url!r}{where}", url=url,
                suggestion="for a local file, pass its path instead of a URL")

    def _send(self, url: str, headers: Mapping[str, str] | None):
        try:
            return self._send_unchecked(url, headers)
        except ResearchKitError:
            raise
        except sqlite3.Error as exc:
            raise self._cache_error(exc) from None
        except (ValueError, TypeError, KeyError) as exc:
            # a cache row that does not decode (edited, truncated, an older format)
            raise self._cache_error(exc) from None

    def _send_unchecked(self, url: str, headers: Mapping[str, str] | None):
        session = self.session
        kwargs: dict[str, Any] = {"allow_redirects": False, "headers": dict(headers or {}),
                                  "timeout": (self.settings.connect_timeout,
                                              self.settings.read_timeout)}
        if self.settings.offline:
            raw = session.get(url, only_if_cached=True, **kwargs)
            if raw.status_code == 504 and getattr(raw, "reason", "") == "Not Cached":
                raise NotCachedError(f"offline mode: {url} is not in the cache", url=url,
                                     cache=str(self.settings.http_cache_path))
            return raw
        host = (urlsplit(url).hostname or "").lower()
        known = self._unreachable.get(host)
        if known is not None and not session.cache.contains(url=url):
            raise NetworkError(known.message, suggestion=known.suggestion,
                               **{**known.context, "url": url})
        import requests

        try:
            return session.get(url, **kwargs)
        except NetworkError as exc:
            if is_unreachable(exc):
                self._unreachable[host] = exc
            raise
        except requests.exceptions.InvalidURL as exc:
            raise UnsupportedURLError(f"invalid URL {url!r}: {short_reason(exc)}", url=url) from None
        except requests.RequestException as exc:
            raise FetchError(f"could not fetch {url}: {short_reason(exc)}", url=url) from exc

    def _cache_error(self, exc: BaseException) -> CacheError:
        path = self.settings.http_cache_path
        return CacheError(f"the HTTP cache {path} cannot be read: {short_reason(exc, 120)}",
                          path=str(path),
                          suggestion=f"delete {path} (for your own cache: research-kit cache "
                                     "clear --yes); it is filled again on the next online run, "
                                     "or by replaying the pack")

    def _wrap(self, url: str, raw) -> Response:
        from_cache = bool(getattr(raw, "from_cache", False))
        created = getattr(raw, "created_at", None)
        expires = getattr(raw, "expires", None)
        key = getattr(raw, "cache_key", None)
        if not from_cache and key:
            # use the stored timestamp so that offline re-runs show the very same date
            stored = self.session.cache.get_response(key)
            created = getattr(stored, "created_at", created)
            expires = getattr(stored, "expires", expires)
        if expires is not None and expires.tzinfo is None:
            expires = expires.replace(tzinfo=UTC)
        created = created or datetime.now(UTC)
        if created.tzinfo is None:
            created = created.replace(tzinfo=UTC)
        source = Source(url=url, retrieved_at=created.replace(microsecond=0).isoformat(),
                        from_cache=from_cache, status=raw.status_code)
        headers = {k.lower(): v for k, v in raw.headers.items()}
        return Response(url=url, status=raw.status_code, headers=headers,
                        content=raw.content or b"", source=source,
                        expires=expires if isinstance(expires, datetime) else None)

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.path == "/robots.txt":
            return
        rules = self._robots.rules_for(url)
        if rules.failure is not None:
            raise RobotsUnavailableError(
                f"robots.txt of {parts.netloc} could not be read ({rules.failure}), so "
                f"RFC 9309 asks crawlers to fetch nothing from {parts.netloc} for now; "
                f"{url} was not fetched", url=url, host=parts.hostname)
        self.limiter.set_crawl_delay(parts.hostname or "", rules.crawl_delay())
        if not rules.allowed(url):
            rule = rules.blocking_rule(url)
            raise RobotsDisallowedError(
                f"robots.txt of {parts.netloc} disallows {url} ({rule})", url=url, rule=rule)

    def _load_robots(self, origin: str) -> _robots.RobotsRules:
        """The rules of ``origin``. A network failure propagates (it is not a disallow);
        a redirect is followed only on the same host (http → https)."""
        robots_url = origin + "/robots.txt"
        try:
            raw = self._send(robots_url, None)
            hops = 0
            while raw.status_code in _REDIRECTS and raw.headers.get("Location") and hops < 5:
                target = urljoin(robots_url, raw.headers["Location"])
                if not same_origin(target, robots_url):
                    return _robots.RobotsRules(origin, None)  # elsewhere: treated as absent
                raw = self._send(target, None)
                hops += 1
        except NotCachedError:
            # offline and never fetched: whatever is cached was fetched while allowed
            return _robots.RobotsRules(origin, None)
        except (NetworkError, UnsupportedURLError):
            raise
        except FetchError as exc:  # e.g. a robots.txt over the size cap
            return _robots.RobotsRules(origin, None, failure=exc.message)
        if 200 <= raw.status_code < 300:
            return _robots.RobotsRules(origin, _robots.robots_text(raw.content or b""))
        if 400 <= raw.status_code < 500 or raw.status_code in _REDIRECTS:
            return _robots.RobotsRules(origin, None)  # no robots.txt: everything allowed
        return _robots.RobotsRules(origin, None, failure=f"HTTP {raw.status_code}")

    def robots_rules(self, url: str) -> _robots.RobotsRules:
        """The robots.txt rules that apply to ``url`` (fetched and cached on first use)."""
        return self._robots.rules_for(url)


_default: Gateway | None = None
_default_lock = threading.Lock()
_thread_gateway = threading.local()


@overload
def get_gateway(*, create: Literal[True] = True) -> Gateway: ...


@overload
def get_gateway(*, create: bool) -> Gateway | None: ...


def get_gateway(*, create: bool = True) -> Gateway | None:
    """This thread's gateway if one is set (batch runs), else the process-wide one, built
    from :func:`load_settings` on first use (``create=False``: None if there is none yet)."""
    global _default
    local = getattr(_thread_gateway, "gateway", None)
    if local is not None:
        return local
    with _default_lock:
        if _default is None and create:
            _default = Gateway()
        return _default


def set_gateway(gateway: Gateway | None, *, this_thread_only: bool = False) -> Gateway | None:
    """Install ``gateway`` as the process-wide one (or only for the calling thread, as batch
    workers do); returns the one it replaces."""
    global _default
    if this_thread_only:
        old = getattr(_thread_gateway, "gateway", None)
        _thread_gateway.gateway = gateway
        return old
    with _default_lock:
        old, _default = _default, gateway
        return old


def fetch(url: str, **kw: Any) -> Response:
    """GET ``url`` through the process-wide gateway."""
    return get_gateway().get(url, **kw)
