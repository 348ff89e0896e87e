"""``Research``: the workbench class a notebook drives, and :func:`open_research`.

Its steps come from one module per area, each extending the one before it, so a later area
calls an earlier area's steps as plain methods (the order is the order research needs):
sources → website → company → position → people → industry → brief.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..workspace import Workspace, open_workspace
from .steps.brief import BriefSteps

if TYPE_CHECKING:
    from ..gateway.client import Gateway

__all__ = ["Research", "open_research"]


class Research(BriefSteps):
    """Everything researched about one target, computed on demand and remembered.

    Open with :func:`open_research`; each notebook cell calls one method.
    """


def open_research(workspace: str | os.PathLike[str] | Workspace = ".", *,
                  gateway: Gateway | None = None, **overrides: Any) -> Research:
    """Open the workbench for a workspace folder; keyword overrides beat target.toml."""
    ws = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    return Research(ws, gateway=gateway, **overrides)
