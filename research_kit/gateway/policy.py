"""Host policies: the rules one outside service sets for the clients that call it.

The gateway is generic: it caches, spaces requests per host, honours robots.txt and caps
sizes for every host alike. What one service asks on top — SEC's shared budget of 10
requests/s across all of ``*.sec.gov``, its rule that a client names a contact, its "Request
Rate Threshold Exceeded" page, how long its documents stay fresh — is a
:class:`HostPolicy` that the source registers here (``sources/edgar/policy.py``).

Built-in sources register on first use of the registry (:data:`BUILTIN_POLICY_MODULES` are
imported by name, so the gateway never imports a source module statically); anyone else
calls :func:`register_host_policy` before making the gateway.
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

__all__ = ["HostPolicy", "register_host_policy", "policy_for_host", "policy_for_url",
           "host_policies", "rate_group", "block_page_policy", "cache_expiry",
           "NEVER_EXPIRE", "DEFAULT_EXPIRY"]

NEVER_EXPIRE = -1  # requests_cache.NEVER_EXPIRE, without importing requests-cache for it
DEFAULT_EXPIRY = timedelta(days=1)
BUILTIN_POLICY_MODULES = ("research_kit.sources.edgar.policy",)

Expiry = timedelta | int


@dataclass(frozen=True)
class HostPolicy:
    """What one service requires. ``hosts`` are domain names; a host matches when it is
    one of them or a subdomain ("sec.gov" covers www.sec.gov and data.sec.gov)."""

    name: str
    """Short name shown in messages, and the key of the hosts' shared rate budget."""
    hosts: tuple[str, ...]
    requests_per_second: float | None = None
    """The budget shared by all matching hosts together (None: the default per host)."""
    rate_setting: str | None = None
    """A :class:`~research_kit.settings.Settings` field that overrides the budget."""
    expire_after: Mapping[str, Expiry] = field(default_factory=dict)
    """URL glob (requests-cache ``urls_expire_after`` syntax) → how long a copy is fresh."""
    requires_contact: bool = False
    """Refuse to send anything without a contact e-mail in the User-Agent."""
    contact_help: str = ""
    block_page: Callable[[bytes], bool] | None = None
    """Recognises the page the service sends when it blocks a client. Checked on every
    response, from any host: mirrors and proxies pass the page on with status 200."""
    block_title: str = "its block page"
    """How messages name the block page."""
    block_seconds: float = 600.0
    block_help: str = ""

    def matches(self, host: str) -> bool:
        host = (host or "").lower().rstrip(".")
        return any(host == h or host.endswith("." + h) for h in self.hosts)


_policies: list[HostPolicy] = []
_lock = threading.Lock()
_builtins_loaded = False


def register_host_policy(policy: HostPolicy) -> None:
    """Add (or replace, by name) a policy. Gateways made afterwards apply it."""
    with _lock:
        _policies[:] = [p for p in _policies if p.name != policy.name] + [policy]


def host_policies() -> tuple[HostPolicy, ...]:
    global _builtins_loaded
    if not _builtins_loaded:
        _builtins_loaded = True
        for module in BUILTIN_POLICY_MODULES:
            importlib.import_module(module)  # each calls register_host_policy on import
    with _lock:
        return tuple(_policies)


def policy_for_host(host: str) -> HostPolicy | None:
    return next((p for p in host_policies() if p.matches(host)), None)


def policy_for_url(url: str) -> HostPolicy | None:
    return policy_for_host(urlsplit(url).hostname or "")


def rate_group(host: str) -> str:
    """The key of the rate budget ``host`` spends: its policy's name, else the host."""
    policy = policy_for_host(host)
    return policy.name if policy is not None else (host or "").lower().rstrip(".")


def block_page_policy(content: bytes | str | None) -> HostPolicy | None:
    """The policy whose block page ``content`` is, if any."""
    if not content:
        return None
    head = content[:4096]
    data = head.encode("utf-8", "replace") if isinstance(head, str) else head
    return next((p for p in host_policies() if p.block_page and p.block_page(data)), None)


def cache_expiry() -> dict[str, Expiry]:
    """``urls_expire_after`` for requests-cache: every policy's rules, then the default."""
    rules: dict[str, Expiry] = {}
    for policy in host_policies():
        rules.update(policy.expire_after)
    rules["*"] = DEFAULT_EXPIRY
    return rules


def rate_for(policy: HostPolicy, settings: object) -> float | None:
    if policy.rate_setting and hasattr(settings, policy.rate_setting):
        return float(getattr(settings, policy.rate_setting))
    return policy.requests_per_second


RateLookup = Callable[[str], float | None]
