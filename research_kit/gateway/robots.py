"""robots.txt decisions (RFC 9309) with protego, one parsed file per origin.

The file itself is fetched through the gateway's cached, rate-limited session, so it is
also available offline and obeys the same politeness as everything else.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

__all__ = ["RobotsRules", "RobotsCache", "ROBOTS_AGENT", "robots_text", "MAX_ROBOTS_BYTES"]

ROBOTS_AGENT = "research-kit"
MAX_ROBOTS_BYTES = 500 * 1024
"""RFC 9309: crawlers must read at least 500 KiB; we read no more (a flood is not rules)."""


def robots_text(content: bytes) -> str:
    """The text of a robots.txt body: the first 500 KiB, UTF-8 (RFC 9309), NULs dropped."""
    return content[:MAX_ROBOTS_BYTES].decode("utf-8", "replace").replace("\x00", "")


@dataclass
class RobotsRules:
    """What one origin's robots.txt says; ``text`` is None when it does not exist (4xx)."""

    origin: str
    text: str | None
    failure: str | None = None
    """Why robots.txt could not be read ("HTTP 503"): RFC 9309 then says assume complete
    disallow. The gateway reports this as such, never as a rule that says no."""

    def __post_init__(self) -> None:
        self._parser = Protego.parse(self.text) if self.text else None

    def allowed(self, url: str, agent: str = ROBOTS_AGENT) -> bool:
        if self.failure is not None:
            return False
        if self._parser is None:
            return True
        return self._parser.can_fetch(url, agent)

    def crawl_delay(self, agent: str = ROBOTS_AGENT) -> float | None:
        if self._parser is None:
            return None
        delay = self._parser.crawl_delay(agent)
        return float(delay) if delay is not None else None

    def blocking_rule(self, url: str, agent: str = ROBOTS_AGENT) -> str:
        """The Disallow line that blocks ``url`` (best effort, for the error message)."""
        if self.failure is not None:
            return f"robots.txt could not be read ({self.failure}): RFC 9309 says assume disallow"
        path = urlsplit(url).path or "/"
        best = ""
        for raw in (self.text or "").splitlines():
            line = raw.split("#", 1)[0].strip()
            if line.lower().startswith("disallow:"):
                rule = line.split(":", 1)[1].strip()
                prefix = rule.split("*", 1)[0].rstrip("$")
                if rule and path.startswith(prefix) and len(rule) > len(best):
                    best = rule
        return f"Disallow: {best}" if best else "a Disallow rule for this path"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class RobotsCache:
    """Parsed robots.txt per origin, loaded on first use through ``load(origin)``."""

    def __init__(self, load: Callable[[str], RobotsRules]) -> None:
        self._load = load
        self._rules: dict[str, RobotsRules] = {}
        self._lock = threading.Lock()

    def rules_for(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        with self._lock:
            cached = self._rules.get(origin)
        if cached is not None:
            return cached
        rules = self._load(origin)
        with self._lock:
            self._rules.setdefault(origin, rules)
        return rules
