"""``Research``: the workbench class, assembled from one mixin of steps per area.

Each area's steps live in their own module (``steps_*.py``) and only add methods; the
shared machinery (memoising, Missing, the workspace gateway) is in ``workbench.py``.
"""

from __future__ import annotations

import os
from typing import Any

from ..workspace import Workspace, open_workspace
from .steps.brief import BriefSteps
from .steps.company import CompanySteps
from .steps.industry import IndustrySteps
from .steps.people import InterviewerSteps, WebsiteSteps
from .steps.position import PositionSteps
from .base import ResearchBase

__all__ = ["Research", "open_research"]


class Research(PositionSteps, CompanySteps, IndustrySteps, WebsiteSteps, InterviewerSteps,
               BriefSteps, ResearchBase):
    """Everything researched about one target, computed on demand and remembered.

    Open with :func:`open_research`; each notebook cell calls one method.
    """


def open_research(workspace: str | os.PathLike | Workspace = ".", *, gateway=None,
                  **overrides: Any) -> Research:
    """Open the workbench for a workspace folder; keyword overrides beat target.toml."""
    ws = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    return Research(ws, gateway=gateway, **overrides)
