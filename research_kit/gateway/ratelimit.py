"""Per-host request spacing, shared by every thread of one process.

Hosts that a :class:`~.policy.HostPolicy` groups share one budget (all ``*.sec.gov`` hosts:
SEC's fair-access limit is per client, not per host), at the policy's rate. Other hosts get
their own budget: one request per second by default, or the robots.txt Crawl-delay when
that is slower.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from .policy import policy_for_host, rate_for, rate_group

__all__ = ["HostRateLimiter", "rate_key"]


def rate_key(host: str) -> str:
    """The budget a request to ``host`` spends (hosts of one policy share one)."""
    return rate_group(host)


class HostRateLimiter:
    """Blocks until the next request to a host may go out, then books that slot."""

    def __init__(self, default_per_second: float, settings: object = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._settings = settings
        self._default_interval = 1.0 / default_per_second
        self._crawl_delay: dict[str, float] = {}
        self._next_slot: dict[str, float] = {}
        self._blocked_until: dict[str, float] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._sleep = sleep

    def interval(self, host: str) -> float:
        policy = policy_for_host(host)
        rate = rate_for(policy, self._settings) if policy is not None else None
        if rate:
            return 1.0 / rate
        return max(self._default_interval, self._crawl_delay.get(rate_key(host), 0.0))

    def set_crawl_delay(self, host: str, seconds: float | None) -> None:
        if seconds:
            # a hostile Crawl-delay of hours would hang a notebook; 60 s is already very polite
            self._crawl_delay[rate_key(host)] = min(float(seconds), 60.0)

    def wait(self, host: str) -> float:
        """Wait for this host's next slot; returns the seconds slept."""
        key = rate_key(host)
        interval = self.interval(host)
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(key, now))
            self._next_slot[key] = slot + interval
        delay = slot - now
        if delay > 0:
            self._sleep(delay)
        return max(delay, 0.0)

    def push_back(self, host: str, seconds: float) -> None:
        """After a 429/503: nobody in this process talks to the host for ``seconds``."""
        key = rate_key(host)
        with self._lock:
            now = self._clock()
            self._next_slot[key] = max(self._next_slot.get(key, now), now + seconds)

    def block(self, host: str, seconds: float) -> None:
        """The host told us to go away (SEC's 403 page): refuse requests for ``seconds``."""
        with self._lock:
            self._blocked_until[rate_key(host)] = self._clock() + seconds

    def blocked_for(self, host: str) -> float:
        """Seconds left before ``host`` may be asked again (0 when not blocked)."""
        with self._lock:
            until = self._blocked_until.get(rate_key(host), 0.0)
        return max(0.0, until - self._clock())
