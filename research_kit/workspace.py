"""A workspace: one folder per target company.

```
notebooks/acme-corp/
  target.toml        name, ticker, site, job, me, interviewers, competitors, feeds
  research.ipynb     from templates/, parameters cell filled; the user's own cells are theirs
  notes/             interviewer PDFs, resume, interview notes for thank-you drafts
  out/               brief.pdf, brief.html, research.executed.ipynb
  .research-kit/     bookkeeping: which URLs this workspace fetched (for `pack`)
```

Creating one is :func:`research_kit.app.create.create_workspace` (it needs the notebook
templates); this module only reads them.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import WorkspaceError

__all__ = ["Workspace", "open_workspace", "to_toml", "NOTEBOOK_NAME", "TARGET_FILE"]

TARGET_FILE = "target.toml"
NOTEBOOK_NAME = "research.ipynb"
LEDGER = Path(".research-kit") / "fetched-urls.txt"
SHARED_NOTEBOOKS = ("me", "targets")


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    # a JSON string literal is a valid TOML basic string
    return json.dumps(str(value), ensure_ascii=False)


def to_toml(data: dict[str, Any]) -> str:
    """Serialise the simple shapes target.toml uses (scalars, lists, tables, arrays of tables)."""
    lines: list[str] = []
    tables, arrays = [], []
    for key, value in data.items():
        if value is None:
            continue
        if isinstance(value, dict):
            tables.append((key, value))
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            arrays.append((key, value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, table in tables:
        lines += ["", f"[{key}]"]
        lines += [f"{k} = {_toml_value(v)}" for k, v in table.items() if v is not None]
    for key, items in arrays:
        for item in items:
            lines += ["", f"[[{key}]]"]
            lines += [f"{k} = {_toml_value(v)}" for k, v in item.items() if v is not None]
    return "\n".join(lines) + "\n"


@dataclass
class Workspace:
    """An opened workspace folder and its parsed ``target.toml``."""

    path: Path
    target: dict[str, Any] = field(default_factory=dict)
    _known_urls: set[str] | None = field(default=None, repr=False, compare=False)

    # -- what the target says ----------------------------------------------------------
    @property
    def name(self) -> str:
        return str(self.target.get("name") or self.path.name)

    def get(self, key: str, default: Any = None) -> Any:
        value = self.target.get(key, default)
        return default if value in ("", None) else value

    @property
    def ticker(self) -> str | None:
        return self.get("ticker")

    @property
    def site(self) -> str | None:
        return self.get("site")

    @property
    def job(self) -> str | None:
        return self.resolve_source(self.get("job"))

    @property
    def me(self) -> str | None:
        return self.resolve_source(self.get("me"))

    @property
    def interviewers(self) -> list[dict[str, Any]]:
        return list(self.target.get("interviewers") or [])

    def resolve_source(self, value: str | None) -> str | None:
        """URLs stay URLs; relative file paths are relative to the workspace."""
        if not value:
            return None
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
            return value
        candidate = Path(value).expanduser()
        if not candidate.is_absolute():
            candidate = self.path / candidate
        return str(candidate)

    # -- folders -----------------------------------------------------------------------
    @property
    def notebook_path(self) -> Path:
        return self.path / NOTEBOOK_NAME

    @property
    def notes_dir(self) -> Path:
        return self.path / "notes"

    @property
    def out_dir(self) -> Path:
        return self.path / "out"

    def record_fetch(self, url: str) -> None:
        """Remember that this workspace used ``url`` (so `pack` can export its sources)."""
        if self._known_urls is None:
            self._known_urls = set(self.fetched_urls())
        if url in self._known_urls:
            return
        self._known_urls.add(url)
        ledger = self.path / LEDGER
        ledger.parent.mkdir(parents=True, exist_ok=True)
        with ledger.open("a", encoding="utf-8") as fh:
            fh.write(url + "\n")

    def fetched_urls(self) -> list[str]:
        ledger = self.path / LEDGER
        if not ledger.exists():
            return []
        return [line.strip() for line in ledger.read_text(encoding="utf-8").splitlines()
                if line.strip()]


def open_workspace(path: str | os.PathLike = ".") -> Workspace:
    """Open a workspace folder (the one holding ``target.toml``)."""
    folder = Path(path).expanduser()
    target_file = folder / TARGET_FILE
    if folder.is_file() and folder.name == TARGET_FILE:
        folder, target_file = folder.parent, folder
    if not target_file.exists():
        raise WorkspaceError(
            f"{folder} is not a research-kit workspace (no {TARGET_FILE})", path=str(folder),
            suggestion='create one with: research-kit new "Company Name" --ticker TICK')
    try:
        target = tomllib.loads(target_file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"{target_file} is not valid TOML: {exc}", path=str(target_file),
                             suggestion="fix the line named above; your file was not changed") \
            from None
    return Workspace(folder.resolve(), target)
