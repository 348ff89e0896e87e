"""The gateway's transport, used only on cache misses.

Rate limit per host, bounded retries with backoff (honouring Retry-After), a total
deadline per request (:mod:`.deadline`), the streamed size cap, truthful network errors
(:mod:`.failures`), and the block pages host policies register (SEC's 403 threshold page). It lives
apart from :mod:`.client` so that importing the gateway (which every source module does)
does not import requests: a command that never fetches never loads the HTTP stack.
"""

from __future__ import annotations

import random
import threading
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter

from ..errors import (
    FetchTimeoutError,
    RateLimitedError,
    ResearchKitError,
    ResponseTooLargeError,
)
from ..settings import Settings
from .deadline import POOL_CLASSES, Deadline
from .failures import classify_failure
from .policy import block_page_policy
from .ratelimit import HostRateLimiter

__all__ = ["PoliteAdapter"]

_RETRY_STATUSES = (429, 503)
_CHUNK = 64 * 1024


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class PoliteAdapter(HTTPAdapter):
    """Transport used only on cache misses: rate limit, retries, size cap, SEC 403 page."""

    def __init__(self, settings: Settings, limiter: HostRateLimiter) -> None:
        super().__init__(max_retries=0)
        self.settings = settings
        self.limiter = limiter
        self.network_requests = 0
        self._count_lock = threading.Lock()

    def _backoff(self, attempt: int) -> float:
        base = self.settings.backoff_base * (2 ** attempt)
        return base + random.uniform(0, base / 2)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        # connections a Deadline can cut off (see .deadline)
        self.poolmanager.pool_classes_by_scheme = dict(POOL_CLASSES)

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        host = urlsplit(request.url).hostname or ""
        attempts = self.settings.max_retries + 1
        blocked = self.limiter.blocked_for(host)
        if blocked:
            raise RateLimitedError(
                f"{host} blocked us for exceeding its rate limit; not asking again for another "
                f"{blocked / 60:.0f} min ({request.url})", url=request.url, retry_after=blocked)
        deadline = None
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self.limiter.wait(host)
            with self._count_lock:
                self.network_requests += 1
            # one deadline for the whole request, retries included; it starts with the
            # first attempt (waiting for our own rate limit is not the server's time)
            deadline = deadline or Deadline(self.settings.total_timeout)
            try:
                response = self._attempt(request, deadline, timeout, verify, cert, proxies)
            except ResearchKitError:
                raise
            except Exception as exc:  # requests/urllib3/http.client: classified below
                if deadline.expired:
                    raise self._too_slow(request.url) from None
                error = classify_failure(exc, request.url, attempt + 1)
                # no name, no route, nobody listening, a broken handshake: asking again
                # in a second will not change that, and offline runs must fail fast
                retry = error.context.get("kind") not in ("dns", "refused", "unreachable",
                                                          "tls", "malformed")
                if last or not retry or deadline.remaining() < self._backoff(attempt):
                    raise error from None
                time.sleep(self._backoff(attempt))
                continue

            blocker = block_page_policy(response.content) if response.status_code in (200, 403) \
                else None
            if blocker is not None:
                # Retrying only makes the block longer: nobody asks this host for a while.
                self.limiter.block(host, blocker.block_seconds)
                raise RateLimitedError(
                    f"{blocker.name} refused the request: {blocker.block_title} ({request.url})",
                    url=request.url, status=response.status_code,
                    suggestion=blocker.block_help or None)
            if response.status_code in _RETRY_STATUSES:
                wait = _retry_after_seconds(response.headers.get("Retry-After"))
                wait = self._backoff(attempt) if wait is None else wait
                if last or wait > self.settings.max_retry_wait or wait > deadline.remaining():
                    raise RateLimitedError(
                        f"{host} answered {response.status_code} "
                        f"{'(too many requests)' if response.status_code == 429 else '(unavailable)'}"
                        f" for {request.url} after {attempt + 1} attempt(s)",
                        url=request.url, status=response.status_code, retry_after=wait,
                    )
                self.limiter.push_back(host, wait)
                continue
            return response
        raise AssertionError("unreachable")  # pragma: no cover

    def _attempt(self, request, deadline: Deadline, timeout, verify, cert, proxies):
        """One try: send, read the body under the size cap, all within ``deadline``."""
        remaining = max(0.05, deadline.remaining())
        connect, read = timeout if isinstance(timeout, tuple) else (timeout, timeout)
        timeout = (min(connect or remaining, remaining), min(read or remaining, remaining))
        with deadline:
            response = super().send(request, stream=True, timeout=timeout, verify=verify,
                                    cert=cert, proxies=proxies)
            try:
                self._read_capped(response, deadline)
            except BaseException:
                response.close()
                raise
        if deadline.expired:  # the cut-off may look like a clean end of the body
            response.close()
            raise self._too_slow(request.url)
        return response

    def _too_slow(self, url: str) -> FetchTimeoutError:
        host = urlsplit(url).hostname or url
        return FetchTimeoutError(
            f"{host} took longer than {self.settings.total_timeout:g} s to send {url} "
            "(the total deadline per request)", url=url, host=host, kind="deadline",
            suggestion="the server is very slow, or this machine's network is; try again "
                       "later, or raise total_timeout in the settings")

    def _read_capped(self, response: requests.Response, deadline: Deadline) -> None:
        cap = self.settings.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            response.close()
            raise ResponseTooLargeError(
                f"{response.url} is {int(declared):,} bytes, over the {cap:,}-byte cap",
                url=response.url, size=int(declared), cap=cap)
        chunks, size = [], 0
        for chunk in response.raw.stream(_CHUNK, decode_content=True):
            size += len(chunk)
            if size > cap:
                response.close()
                raise ResponseTooLargeError(
                    f"{response.url} exceeded the {cap:,}-byte cap while downloading",
                    url=response.url, cap=cap)
            chunks.append(chunk)
            if deadline.expired:
                break
        response._content = b"".join(chunks)
        response._content_consumed = True
