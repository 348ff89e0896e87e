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

__all__ = ["RobotsRules", "RobotsCache", "ROBOTS_AGENT"]

ROBOTS_AGENT = "research-kit"


@dataclass
class RobotsRules:
    """What one origin's robots.txt says; ``text`` is None when it does not exist (4xx)."""

    origin: str
    text: str | None
    unreachable: bool = False
    """True when robots.txt answered 5xx: RFC 9309 says assume complete disallow."""

    def __post_init__(self) -> None:
        self._parser = Protego.parse(self.text) if self.text else None

    def allowed(self, url: str, agent: str = ROBOTS_AGENT) -> bool:
        if self.unreachable:
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
        if self.unreachable:
            return "robots.txt unreachable (server error): RFC 9309 says assume disallow"
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
