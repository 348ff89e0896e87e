"""Create a workspace: ``research-kit new`` and :func:`create_workspace`.

Nothing here ever overwrites the user's files: creating a workspace that exists keeps what
is there; ``force=True`` first moves each replaced file to a timestamped backup.

Files given for ``job``, ``me`` and ``annual_report`` are found where the user typed them
(relative to the current folder, or ``base_dir``: a batch CSV's folder), must exist, and
are **copied into the workspace's notes/**; target.toml names the copy ("notes/cv.pdf").
A workspace then stands on its own: it can be moved, packed and replayed, and editing the
original later does not change research already done. URLs stay URLs.

Folders are created readable by the user only (0700) and files 0600: a workspace holds
people's names and profiles.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import TargetFileError, WorkspaceError
from ..lexicon.text import slugify
from ..private_files import make_private, private_dir, write_private
from ..workspace import (
    NOTEBOOK_NAME,
    SHARED_NOTEBOOKS,
    TARGET_FILE,
    Workspace,
    one_line,
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
    copied: list[tuple[Path, Path]] = field(default_factory=list)
    """(the file the user named, its copy in notes/)."""


_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def _bring_file(value: str | None, key: str, notes: Path, base_dir: Path,
                result: CreateResult) -> str | None:
    """A URL as it is; a file path resolved from ``base_dir``, copied into ``notes``;
    returns what target.toml records."""
    if not value:
        return None
    if _URL.match(value):
        return value
    source = Path(value).expanduser()
    if not source.is_absolute():
        source = base_dir / source
    if not source.is_file():
        raise TargetFileError(
            f"{key}: no such file {value!r} (looked for {source})", path=str(source),
            suggestion=f"give the path of the file as seen from {base_dir}, or a URL")
    try:
        if source.resolve().parent == notes.resolve():
            return f"notes/{source.name}"  # already in this workspace's notes
        copy = notes / source.name
        n = 2
        while copy.exists() and copy.read_bytes() != source.read_bytes():
            copy = notes / f"{source.stem}-{n}{source.suffix}"
            n += 1
        if not copy.exists():
            shutil.copyfile(source, copy)
            make_private(copy)
    except OSError as exc:
        raise TargetFileError(f"{key}: cannot copy {source} into {notes}: "
                              f"{exc.strerror or exc}", path=str(source)) from None
    result.copied.append((source, copy))
    return f"notes/{copy.name}"


def create_workspace(name: str, *, ticker: str | None = None, site: str | None = None,
                     job: str | None = None, me: str | None = None,
                     annual_report: str | None = None,
                     interviewers: list[str] | None = None, directory: str | os.PathLike =
                     "notebooks", force: bool = False, extra: dict[str, Any] | None = None,
                     slug: str | None = None,
                     base_dir: str | os.PathLike | None = None) -> CreateResult:
    """Create ``<directory>/<slug>/`` with target.toml, research.ipynb and notes/.

    Existing files are kept as they are (the user's work); with ``force`` each is moved to a
    timestamped backup first and written afresh. ``job``, ``me`` and ``annual_report`` files
    are resolved from ``base_dir`` (default: the current folder) and copied into notes/.
    """
    from . import templates

    if not name or not name.strip():
        raise WorkspaceError("a workspace needs a company name",
                             suggestion='research-kit new "Acme Corp"')
    folder = Path(directory).expanduser() / (slug or slugify(name, default="company"))
    private_dir(folder / "notes")
    result = CreateResult(Workspace(folder.resolve()))
    base = Path(base_dir) if base_dir is not None else Path.cwd()
    notes = folder / "notes"
    job, me, annual_report = (_bring_file(v, k, notes, base, result) for k, v in (
        ("job", job), ("me", me), ("annual_report", annual_report)))

    target: dict[str, Any] = {"name": name.strip(), "ticker": ticker, "site": site,
                              "job": job, "me": me, "annual_report": annual_report}
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
        write_private(path, content)
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
    return (f"# research-kit target: {one_line(name)}\n"
            "# Edit freely: the notebook reads this file on every run. Paths are relative to\n"
            "# this folder. Add interviewers as [[interviewers]] tables (name, title, profile,\n"
            "# notes, context) and competitors = [\"...\"] for your own competitor list.\n"
            "# Where the match says \"?\" for something you have done, add it in your own words\n"
            "# at the END of this file (cited to you, not to your profile; docs/position.md):\n"
            "#   [my_evidence]\n"
            "#   \"a phrase of the requirement\" = \"what you did, with a number\"\n\n")
