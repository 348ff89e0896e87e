"""The workbench a notebook drives: one object per workspace, one method per cell.

``research = rk.open_research(workspace)`` reads ``target.toml``, installs a gateway with
the workspace's settings (and a ledger of the URLs it uses, for packs), and then each
notebook cell calls one method — ``research.financials()``, ``research.swot()`` … — and
shows its result. Results are memoised, so later steps (talking points, the brief) reuse
what earlier cells computed instead of fetching or parsing again.

A step that cannot run (no ticker for a private company, a posting that is gone, offline
and not cached) does not stop the notebook: it returns a :class:`Missing` that displays the
reason and the suggestion, and the brief prints a "not found" line for it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Callable

from ..display import escape
from ..errors import ResearchKitError
from ..workspace import Workspace
from ..research._stored_results import NOTHING

__all__ = ["ResearchBase", "Missing", "install_workspace_gateway", "step", "found"]


@dataclass(frozen=True)
class Missing:
    """What a step could not find, and what to do about it. Falsy; displays as a note."""

    step: str
    reason: str
    suggestion: str = ""

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:  # so `len(result)` works uniformly with tables
        return 0

    @property
    def empty(self) -> bool:  # DataFrame-like
        return True

    def __str__(self) -> str:
        text = f"Not found ({self.step}): {self.reason}"
        return text + (f"\n  → {self.suggestion}" if self.suggestion else "")

    __repr__ = __str__

    def _repr_html_(self) -> str:
        hint = f"<br><small>→ {escape(self.suggestion)}</small>" if self.suggestion else ""
        return (f"<div style='border-left:4px solid #c90;padding:4px 8px'>"
                f"<b>Not found</b> ({escape(self.step)}): {escape(self.reason)}{hint}</div>")


def found(value: Any) -> Any:
    """A step's result, or None when the step found nothing (None or a :class:`Missing`)."""
    return None if value is None or isinstance(value, Missing) else value


def step(label: str | None, *, store: bool = True) -> Callable:
    """Memoise a workbench method (in memory, and in the workspace's stored results) and
    turn our errors into a :class:`Missing`.

    ``label=None`` marks a derived step: one computed from other steps' results only (the
    findings behind talking points), memoised the same way, whose errors propagate.
    ``store=False`` keeps a result in memory only: for steps that read something the stored
    results' fingerprint does not cover (the notebook itself)."""

    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def wrapper(self: "ResearchBase", *args: Any, **kwargs: Any) -> Any:
            key = (method.__name__, args, tuple(sorted(kwargs.items())))
            if key in self._results:
                return self._results[key]
            result = self._stored.lookup(key) if store else NOTHING
            if result is not NOTHING:
                self._results[key] = result
                return result
            self.gateway  # noqa: B018 - the workspace's gateway is installed before any fetch
            try:
                result = method(self, *args, **kwargs)
            except ResearchKitError as exc:
                if label is None:
                    raise
                result = Missing(label, exc.message, exc.suggestion)
            if isinstance(result, Missing):
                if label is not None:  # a derived step passes on another step's Missing
                    self.missing[label] = result
            elif store:
                self._stored.remember(key, result)
            self._results[key] = result
            return result

        return wrapper

    return decorate


def install_workspace_gateway(ws: Workspace, *, limiter=None, this_thread_only: bool = False,
                              settings=None, **overrides: Any):
    """A gateway with the workspace's settings (``settings``, when already loaded) that
    records every URL the workspace uses, installed as the default for this process (or
    only this thread, for batch workers)."""
    from ..gateway.client import Gateway, get_gateway, set_gateway
    from ..settings import load_settings

    if settings is None:
        settings = load_settings(ws.path, **overrides)
    current = None if this_thread_only else get_gateway(create=False)
    if current is not None and current.settings == settings and \
            getattr(current, "_workspace_path", None) == ws.path:
        return current
    gateway = Gateway(settings, limiter=limiter)
    gateway._workspace_path = ws.path
    gateway.add_listener(ws.record_fetch)
    old = set_gateway(gateway, this_thread_only=this_thread_only)
    if old is not None and old is not gateway and not this_thread_only:
        old.close()
    return gateway


class ResearchBase:
    """Everything researched about one target, computed on demand and remembered."""

    def __init__(self, workspace: Workspace, *, gateway=None, **overrides: Any) -> None:
        from ..settings import load_settings
        from ..research._stored_results import StoredResults

        self.ws = workspace
        self.overrides = {k: v for k, v in overrides.items() if v is not None}
        self._gateway = gateway
        self._settings = gateway.settings if gateway is not None else load_settings(
            workspace.path)
        self.missing: dict[str, Missing] = {}
        self._results: dict[Any, Any] = {}
        self._stored = StoredResults(workspace, self._settings, self.overrides)
        if gateway is not None:
            gateway.watch(served=self._stored.served, failed=self._stored.failed)

    @property
    def gateway(self):
        """The workspace's gateway, installed on first use: a re-run served from stored
        results never needs it (nor the import of the HTTP stack)."""
        if self._gateway is None:
            self._gateway = install_workspace_gateway(self.ws, settings=self._settings)
            self._gateway.watch(served=self._stored.served, failed=self._stored.failed)
        return self._gateway

    def value(self, key: str) -> Any:
        """A target.toml value, unless the notebook's parameters override it."""
        if key in self.overrides:
            return self.overrides[key]
        if key in ("job", "me"):
            return getattr(self.ws, key)
        return self.ws.get(key)

    @property
    def settings(self):
        return self._settings

    def __repr__(self) -> str:
        return f"<Research {self.ws.name!r} at {self.ws.path}>"

    # -- setup -------------------------------------------------------------------------
    def overview(self):
        """The target at a glance: what the workspace says and how it will run."""
        from ..display import Panel

        from ..provenance import display_path

        panel = Panel(f"Target: {self.ws.name}")
        panel.add("workspace", display_path(self.ws.path))
        for key in ("ticker", "site", "job", "me"):
            value = self.value(key)
            if value and key in ("job", "me") and "://" not in str(value):
                value = display_path(value)
            panel.add(key, value or "—")
        names = [i.get("name", "?") for i in self.ws.interviewers]
        panel.add("interviewers", names or "—")
        mode = "offline (cache only)" if self.settings.offline else "online, cached"
        panel.add("mode", mode)
        if not self.settings.offline and not self.settings.contact_email:
            panel.note = ("No contact e-mail set: SEC data needs RESEARCH_KIT_CONTACT="
                          "\"Your Name you@example.com\".")
        return panel
