"""Create a workspace: ``research-kit new`` and :func:`create_workspace`.

Nothing here ever overwrites the user's files: creating a workspace that exists keeps what
is there; ``force=True`` first moves each replaced file to a timestamped backup.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError
from ..lexicon.text import slugify
from ..workspace import (
    NOTEBOOK_NAME,
    SHARED_NOTEBOOKS,
    TARGET_FILE,
    Workspace,
    open_workspace,
    to_toml,
)

__all__ = ["create_workspace", "CreateResult"]


def _backup(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    n = 1
    while backup.exists():
        backup = path.with_name(f"{path.stem}.backup-{stamp}-{n}{path.suffix}")
        n += 1
    shutil.move(str(path), str(backup))
    return backup


@dataclass
class CreateResult:
    workspace: Workspace
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    backups: list[Path] = field(default_factory=list)


def create_workspace(name: str, *, ticker: str | None = None, site: str | None = None,
                     job: str | None = None, me: str | None = None,
                     interviewers: list[str] | None = None, directory: str | os.PathLike =
                     "notebooks", force: bool = False, extra: dict[str, Any] | None = None,
                     slug: str | None = None, annual_report: str | os.PathLike | None = None
                     ) -> CreateResult:
    """Create ``<directory>/<slug>/`` with target.toml, research.ipynb and notes/.

    ``annual_report`` (a PDF, for a company that files nothing with the SEC) is copied into
    ``notes/`` and named in target.toml, so the workspace carries it. Existing files are
    kept as they are (the user's work); with ``force`` each is moved to a timestamped
    backup first and written afresh.
    """
    from . import templates

    if not name or not name.strip():
        raise WorkspaceError("a workspace needs a company name",
                             suggestion='research-kit new "Acme Corp"')
    folder = Path(directory).expanduser() / (slug or slugify(name, default="company"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notes").mkdir(exist_ok=True)
    result = CreateResult(Workspace(folder.resolve()))

    target: dict[str, Any] = {"name": name.strip(), "ticker": ticker, "site": site,
                              "job": job, "me": me}
    if annual_report:
        target["annual_report"] = _copy_into_notes(Path(annual_report), folder)
    target.update(extra or {})
    if interviewers:
        target["interviewers"] = [{"name": n} for n in interviewers]
    files = {
        folder / TARGET_FILE: _target_header(name) + to_toml(target),
        folder / NOTEBOOK_NAME: templates.render_notebook("research", {"workspace": "."}),
        folder / "follow-up.ipynb": templates.render_notebook("follow-up", {"workspace": "."}),
    }
    for path, content in files.items():
        if path.exists() and not force:
            result.kept.append(path)
            continue
        if path.exists():
            result.backups.append(_backup(path))
        path.write_text(content, encoding="utf-8")
        result.written.append(path)
    # notebooks shared by all targets live beside the workspaces; created once, never replaced
    for shared in SHARED_NOTEBOOKS:
        path = folder.parent / f"{shared}.ipynb"
        if not path.exists() and shared in templates.template_names():
            path.write_text(templates.render_notebook(shared), encoding="utf-8")
            result.written.append(path)
    result.workspace = open_workspace(folder)
    return result


def _target_header(name: str) -> str:
    return (f"# research-kit target: {name}\n"
            "# Edit freely: the notebook reads this file on every run. Paths are relative to\n"
            "# this folder. Add interviewers as [[interviewers]] tables (name, title, profile,\n"
            "# notes, context) and competitors = [\"...\"] for your own competitor list.\n\n")


def _copy_into_notes(path: Path, folder: Path) -> str:
    """Copy a file the user named into the workspace's notes/ (kept if already there);
    returns the path target.toml should hold."""
    source = path.expanduser()
    if not source.is_file():
        raise WorkspaceError(f"{path} is not a file", path=str(path),
                             suggestion="give the path of the annual report PDF you saved")
    destination = folder / "notes" / source.name
    if source.resolve() != destination.resolve() and not destination.exists():
        shutil.copy2(source, destination)
    return f"notes/{destination.name}"
