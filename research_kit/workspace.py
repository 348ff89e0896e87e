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

import contextlib
import os
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import TargetFileError, WorkspaceBusyError, WorkspaceError
from .private_files import make_private, private_dir
from .target_schema import check_target, missing_files

__all__ = ["Workspace", "open_workspace", "to_toml", "toml_string", "one_line", "NOTEBOOK_NAME",
           "TARGET_FILE"]

TARGET_FILE = "target.toml"
NOTEBOOK_NAME = "research.ipynb"
LEDGER = Path(".research-kit") / "fetched-urls.txt"
SHARED_NOTEBOOKS = ("me", "targets")


_TOML_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n",
                 "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and every control character
    escaped (a company name with a newline must not add keys), lone surrogates replaced."""
    out = []
    for ch in str(text):
        code = ord(ch)
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else toml_string(key)


def one_line(text: str) -> str:
    """``text`` safe inside a TOML comment: control characters (line breaks) as spaces."""
    return "".join(" " if ord(ch) < 0x20 or ord(ch) == 0x7F or 0xD800 <= ord(ch) <= 0xDFFF
                   else ch for ch in str(text))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return toml_string(str(value))


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
            lines.append(f"{toml_key(key)} = {_toml_value(value)}")
    for key, table in tables:
        lines += ["", f"[{toml_key(key)}]"]
        lines += [f"{toml_key(k)} = {_toml_value(v)}" for k, v in table.items() if v is not None]
    for key, items in arrays:
        for item in items:
            lines += ["", f"[[{toml_key(key)}]]"]
            lines += [f"{toml_key(k)} = {_toml_value(v)}" for k, v in item.items()
                      if v is not None]
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
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value) or "\n" in value:
            return value  # a URL, or a posting's text pasted in
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
        private_dir(ledger.parent)
        with ledger.open("a", encoding="utf-8") as fh:
            fh.write(url + "\n")
        make_private(ledger)

    @contextlib.contextmanager
    def lock(self, what: str = "run") -> Iterator[None]:
        """Hold the workspace's lock (``.research-kit/run.lock``) for a run; a second
        research-kit process on the same workspace gets WorkspaceBusyError at once."""
        lock_file = self.path / ".research-kit" / "run.lock"
        try:
            private_dir(lock_file.parent)
            fh = open(lock_file, "a+", encoding="utf-8")
        except OSError as exc:
            raise WorkspaceError(f"cannot write in {self.path}: {exc.strerror or exc}",
                                 path=str(self.path),
                                 suggestion="a run writes out/ and .research-kit/ there: "
                                            "check the folder's permissions") from None
        try:
            if not _try_lock(fh):
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                raise WorkspaceBusyError(
                    f"another research-kit run is using {self.path} ({holder})",
                    path=str(self.path),
                    suggestion="wait for it to finish (or stop it), then try again")
            fh.seek(0)
            fh.truncate()
            fh.write(f"{what}, pid {os.getpid()}, since "
                     f"{datetime.now().astimezone().strftime('%Y-%m-%d %H:%M:%S')}")
            fh.flush()
            yield
        finally:
            fh.close()  # closing the file releases the lock

    def check_files(self) -> None:
        """Raise TargetFileError naming every file target.toml points to that is missing."""
        missing = missing_files(self.target, self.path)
        if missing:
            raise TargetFileError(
                f"{self.path / TARGET_FILE} names files that are not there: "
                + "; ".join(missing), path=str(self.path / TARGET_FILE), missing=missing,
                suggestion="fix the paths (relative to the workspace folder), or put the "
                           "files in its notes/ folder")

    def fetched_urls(self) -> list[str]:
        ledger = self.path / LEDGER
        if not ledger.exists():
            return []
        return [line.strip() for line in ledger.read_text(encoding="utf-8").splitlines()
                if line.strip()]


def _try_lock(fh) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; runs are not guarded
        return True
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


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
    problems = check_target(target)
    if problems:
        shown = "; ".join(problems[:8]) + (f"; and {len(problems) - 8} more" if len(problems) > 8
                                           else "")
        raise TargetFileError(
            f"{target_file}: {shown}", path=str(target_file), problems=problems,
            suggestion="fix target.toml (your file was not changed); the keys are listed in "
                       "docs/cli.md (target.toml)")
    return Workspace(folder.resolve(), target)
