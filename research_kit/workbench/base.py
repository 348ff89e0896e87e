"""The workbench a notebook drives: one object per workspace, one method per cell.

``research = rk.open_research(workspace)`` reads ``target.toml``; on the first step that
computes anything it installs a gateway with the workspace's settings (and a ledger of the
URLs it uses, for packs). Each notebook cell then calls one method —
``research.financials()``, ``research.swot()`` … — and shows its result. How a step is
memoised and how it fails gently is in :mod:`.step`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..display import Panel
from ..settings import Settings, load_settings
from ..workspace import Workspace
from .step import Missing

if TYPE_CHECKING:
    from ..gateway.client import Gateway
    from ..gateway.ratelimit import HostRateLimiter

__all__ = ["ResearchBase", "install_workspace_gateway"]


def install_workspace_gateway(ws: Workspace, *, limiter: HostRateLimiter | None = None,
                              this_thread_only: bool = False, settings: Settings | None = None,
                              **overrides: Any) -> Gateway:
    """A gateway with the workspace's settings (``settings``, when already loaded) that
    records every URL the workspace uses, installed as the default for this process (or
    only this thread, for batch workers)."""
    from ..gateway.client import Gateway, get_gateway, set_gateway

    if settings is None:
        settings = load_settings(ws.path, **overrides)
    current = None if this_thread_only else get_gateway(create=False)
    if current is not None and current.settings == settings and current.owner == str(ws.path):
        return current
    gateway = Gateway(settings, limiter=limiter, owner=str(ws.path))
    gateway.add_listener(ws.record_fetch)
    old = set_gateway(gateway, this_thread_only=this_thread_only)
    if old is not None and old is not gateway and not this_thread_only:
        old.close()
    return gateway


class ResearchBase:
    """Everything researched about one target, computed on demand and remembered."""

    def __init__(self, workspace: Workspace, *, gateway: Gateway | None = None,
                 **overrides: Any) -> None:
        self.ws = workspace
        self.overrides = {k: v for k, v in overrides.items() if v is not None}
        self._gateway = gateway
        self._settings = gateway.settings if gateway is not None else load_settings(
            workspace.path)
        self.missing: dict[str, Missing] = {}
        self.last_run: Any = None
        """The :class:`~.run_record.RunRecord` of the last brief written."""
        self._results: dict[Any, Any] = {}
        self.on_step: Callable[[str], None] | None = None
        """Called with a step's label as it starts computing (progress, e.g. on stderr)."""

    def _before_compute(self) -> None:
        self.gateway  # noqa: B018 - the workspace's gateway is installed before any fetch

    @property
    def gateway(self) -> Gateway:
        """The workspace's gateway, installed on first use."""
        if self._gateway is None:
            self._gateway = install_workspace_gateway(self.ws, settings=self._settings)
        return self._gateway

    def value(self, key: str) -> Any:
        """A target.toml value, unless the notebook's parameters override it."""
        value = self.overrides[key] if key in self.overrides else self.ws.get(key)
        if key in ("job", "me", "annual_report"):
            # a file named relative to the workspace, wherever the notebook runs from
            return self.ws.resolve_source(value)
        return value

    def listing(self, key: str) -> list[str]:
        """A target.toml value that may be one string or a list of them, as a list."""
        value = self.value(key) or []
        return [value] if isinstance(value, str) else [str(v) for v in value if v]

    @property
    def settings(self) -> Settings:
        return self._settings

    def __repr__(self) -> str:
        return f"<Research {self.ws.name!r} at {self.ws.path}>"

    # -- setup -------------------------------------------------------------------------
    def overview(self) -> Panel:
        """The target at a glance: what the workspace says and how it will run."""
        from ..provenance import display_path

        panel = Panel(f"Target: {self.ws.name}")
        panel.add("workspace", display_path(self.ws.path))
        for key in ("ticker", "site", "job", "me", "annual_report"):
            value = self.value(key)
            if key == "annual_report" and not value:
                continue
            if value and key in ("job", "me", "annual_report") and "://" not in str(value):
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
