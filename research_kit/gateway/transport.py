"""The gateway's transport, used only on cache misses.

Rate limit per host, bounded retries with backoff (honouring Retry-After), the streamed
size cap, and the block pages host policies register (SEC's 403 threshold page). It lives
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
from urllib3.exceptions import HTTPError as Urllib3HTTPError
from urllib3.exceptions import ProtocolError, ReadTimeoutError

from ..errors import (
    FetchError,
    FetchTimeoutError,
    RateLimitedError,
    ResponseTooLargeError,
    short_reason,
)
from ..settings import Settings
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

    def send(self, request, stream=False, timeout=None, verify=True, cert=None, proxies=None):
        host = urlsplit(request.url).hostname or ""
        attempts = self.settings.max_retries + 1
        blocked = self.limiter.blocked_for(host)
        if blocked:
            raise RateLimitedError(
                f"{host} blocked us for exceeding its rate limit; not asking again for another "
                f"{blocked / 60:.0f} min ({request.url})", url=request.url, retry_after=blocked)
        for attempt in range(attempts):
            last = attempt == attempts - 1
            self.limiter.wait(host)
            with self._count_lock:
                self.network_requests += 1
            try:
                response = super().send(request, stream=True, timeout=timeout, verify=verify,
                                        cert=cert, proxies=proxies)
                self._read_capped(response)
            except (requests.Timeout, ReadTimeoutError) as exc:
                if last:
                    raise FetchTimeoutError(
                        f"timed out fetching {request.url} after {attempts} attempt(s)",
                        url=request.url, suggestion="the server is slow or unreachable; try later",
                    ) from exc
                time.sleep(self._backoff(attempt))
                continue
            except (requests.ConnectionError, ProtocolError, Urllib3HTTPError) as exc:
                if last:
                    raise FetchError(
                        f"connection failed for {request.url} after {attempts} attempt(s): "
                        f"{short_reason(exc)}", url=request.url,
                        suggestion="check your network, or use offline mode with a warm cache",
                    ) from exc
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
                if last or wait > self.settings.max_retry_wait:
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

    def _read_capped(self, response: requests.Response) -> None:
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
        response._content = b"".join(chunks)
        response._content_consumed = True
