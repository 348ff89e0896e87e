"""The ``me.ipynb`` workbench: your own profile set against every posting you target.

Know yourself: a SWOT against each posting, strengths tied to its requirements, weaknesses
with how you overcome them. ``open_me(folder)`` reads your profile once and the posting of
every workspace in ``folder`` (the folder holding your company workspaces); each method is
one notebook cell.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError, ResearchKitError
from .step import Missing

if TYPE_CHECKING:
    import pandas as pd

    from ..display import Panel
    from ..research.position.swot_grid import SwotFigure
    from ..sources.profiles.model import Profile
    from ..workspace import Workspace

__all__ = ["MyTargets", "open_me"]


class MyTargets:
    def __init__(self, folder: str | os.PathLike = ".", profile: str | None = None) -> None:
        self.folder = Path(folder)
        self.profile_path = profile
        self._profile: Any = None
        self._jobs: dict[str, Any] | None = None
        self.missing: dict[str, Missing] = {}

    def workspaces(self) -> list[Workspace]:
        from ..workspace import open_workspace

        found = []
        for target in sorted(self.folder.glob("*/target.toml")):
            try:
                found.append(open_workspace(target.parent))
            except ResearchKitError as exc:
                self.missing[target.parent.name] = Missing(target.parent.name, exc.message,
                                                           exc.suggestion)
        return found

    def me(self) -> Profile | Missing:
        """Your profile: ``profile`` if given, else the ``me`` of your first workspace."""
        from ..sources.profiles import load_profile

        if self._profile is None:
            path = self.profile_path
            if not path:
                path = next((ws.me for ws in self.workspaces() if ws.me), None)
            if not path:
                return Missing("profile", "no profile given and no workspace names one",
                               'set profile = "Profile.pdf" in the parameters cell')
            try:
                self._profile = load_profile(path)
            except ResearchKitError as exc:
                return Missing("profile", exc.message, exc.suggestion)
        return self._profile

    def profile(self) -> Panel | Missing:
        """Your profile at a glance (check that it was read right)."""
        from ..sources.profiles import profile_panel

        me = self.me()
        return profile_panel(me) if not isinstance(me, Missing) else me

    def jobs(self) -> dict[str, Any]:
        """label → posting, one per workspace that names a job (read through its cache)."""
        from ..sources.jobs import load_job_posting
        from .base import install_workspace_gateway

        if self._jobs is None:
            self._jobs = {}
            for ws in self.workspaces():
                if not ws.job:
                    continue
                install_workspace_gateway(ws)  # each workspace's own settings and cache
                try:
                    self._jobs[ws.name] = load_job_posting(ws.job, posting_id=ws.get("job_id"))
                except ResearchKitError as exc:
                    self.missing[ws.name] = Missing(f"posting of {ws.name}", exc.message,
                                                    exc.suggestion)
        return self._jobs

    def _with_jobs(self, function):
        me = self.me()
        if not me:
            return me
        jobs = self.jobs()
        if not jobs:
            return Missing("targets", f"no workspace in {self.folder} names a job posting",
                           'create one: research-kit new "Acme" --job URL')
        return function(me, jobs)

    def compare_targets(self) -> pd.DataFrame | Missing:
        """One row per target posting: how much of it I meet, and my required gaps."""
        from ..research.position.targets import compare_targets

        return self._with_jobs(compare_targets)

    def skills_across_targets(self) -> pd.DataFrame | Missing:
        """The skills my postings ask for, most-asked first, with my best evidence."""
        from ..research.position.targets import targets_overview

        return self._with_jobs(targets_overview)

    def swot(self, target: str | None = None) -> pd.DataFrame | Missing:
        """My SWOT against one target's posting (the first by default)."""
        from ..research.position.swot import swot

        def one(me, jobs):
            label = target or next(iter(jobs))
            if label not in jobs:
                raise InputError(f"no target called {label!r}",
                                 suggestion="one of: " + ", ".join(jobs))
            return swot(jobs[label], me)

        try:
            return self._with_jobs(one)
        except ResearchKitError as exc:
            return Missing("swot", exc.message, exc.suggestion)

    def swot_figure(self, target: str | None = None) -> SwotFigure | Missing:
        from ..research.position.swot_grid import swot_figure

        table = self.swot(target)
        return swot_figure(table) if not isinstance(table, Missing) else table


def open_me(folder: str | os.PathLike = ".", *, profile: str | None = None) -> MyTargets:
    """Your profile and the postings of every workspace in ``folder``."""
    return MyTargets(folder, profile)
