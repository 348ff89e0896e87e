"""The fingerprint of a workspace's step results: everything they can depend on.

Part of :mod:`._stored_results` (which says what is covered and why).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import secrets
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from .._version import __version__
from ..gateway.cache_admin import cache_rows_state
from ..provenance import path_within

__all__ = ["results_fingerprint"]

FORMAT = 2
_SKIP_DIRS = {"out", ".cache", ".research-kit", ".ipynb_checkpoints", "__pycache__", ".git"}
_MAX_ENTRIES = 20_000  # files per fingerprint; past this we simply do not reuse
_HASH_FILE_LIMIT = 2 * 1024 * 1024
_HASH_TOTAL_LIMIT = 64 * 1024 * 1024


class _Walk:
    """What files hold: content hashes for small files, size and mtime for big ones."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int, Any]] = []
        self.hashed = 0
        self.overflow = False

    def add_file(self, path: Path, label: str, *, content: bool = True) -> None:
        try:
            st = path.stat()
            if content and st.st_size <= _HASH_FILE_LIMIT and \
                    self.hashed + st.st_size <= _HASH_TOTAL_LIMIT:
                self.hashed += st.st_size
                self.items.append((label, st.st_size,
                                   hashlib.sha256(path.read_bytes()).hexdigest()))
            else:
                self.items.append((label, st.st_size, st.st_mtime_ns))
        except OSError:
            self.items.append((label, -1, -1))

    def add_tree(self, root: Path, label: str, *, skip_dirs=frozenset(), content: bool = True,
                 skip_files=lambda name: False) -> None:
        stack = [(root, label)]
        while stack:
            folder, prefix = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                continue
            for entry in entries:
                if len(self.items) > _MAX_ENTRIES:
                    self.overflow = True
                    return
                name = f"{prefix}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in skip_dirs:
                        stack.append((Path(entry.path), name))
                elif entry.is_file() and not skip_files(entry.name):
                    self.add_file(Path(entry.path), name, content=content)


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _http_cache_state(path: Path, own: bool) -> tuple:
    """A cache of the workspace's own: its rows' content. A shared one: where it is, and its
    row counts and newest rows (any write changes them)."""
    import sqlite3

    if not path.exists():
        return ("no cache",)
    if not own:
        return ("shared", str(path.resolve()), cache_rows_state(path) or secrets.token_hex(8))
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2)
        try:
            digest = hashlib.sha256()
            for table in ("responses", "redirects"):
                for row in db.execute(f"SELECT * FROM {table} ORDER BY key"):
                    for value in row:
                        digest.update(value if isinstance(value, bytes) else
                                      repr(value).encode("utf-8", "surrogatepass"))
                        digest.update(b"\0")
            return ("own", digest.hexdigest())
        finally:
            db.close()
    except sqlite3.Error as exc:  # locked, or not a requests-cache file: never reuse
        return ("unreadable", type(exc).__name__, secrets.token_hex(8))


def _installed_packages() -> tuple:
    """Every installed distribution and its version (an upgrade of pandas, fpdf2, lxml …
    can change results or the brief's bytes): the ``*.dist-info`` folder names on sys.path,
    one directory listing each instead of ~20 metadata lookups."""
    found = []
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as it:
                found.extend(e.name for e in it if e.name.endswith((".dist-info", ".egg-info")))
        except OSError:  # a zip, a missing folder
            continue
    return tuple(sorted(found))


def results_fingerprint(ws, settings_in, overrides: dict[str, Any]) -> str:
    """What a workspace's step results depend on, wherever the workspace is (see
    :mod:`._stored_results`)."""
    walk = _Walk()
    package = Path(__file__).resolve().parent.parent
    walk.add_tree(package, "<research_kit>", skip_dirs={"__pycache__"}, content=False)
    settings = settings_in
    skip = set(_SKIP_DIRS)
    own_cache = path_within(Path(settings.cache_dir), ws.path)
    if own_cache is not None:
        skip.add(own_cache.parts[0] if own_cache.parts else "")
        settings = dataclasses.replace(settings, cache_dir=Path("<workspace>") / own_cache)
    walk.add_tree(ws.path, "<workspace>", skip_dirs=skip,
                  skip_files=lambda name: name.endswith(".ipynb"))
    for text in sorted(set(_strings(ws.target))):
        if "://" in text or not text.strip() or len(text) > 1024 or "\n" in text:
            continue
        candidate = Path(text).expanduser()
        candidate = candidate if candidate.is_absolute() else ws.path / candidate
        try:
            if candidate.is_file():
                walk.add_file(candidate, text)
            elif candidate.is_dir() and path_within(candidate, ws.path) is None:
                walk.add_tree(candidate, text, skip_dirs=_SKIP_DIRS,
                              skip_files=lambda name: name.endswith(".ipynb"))
        except OSError:
            continue
    if walk.overflow:
        return "too many files: " + secrets.token_hex(8)
    # file sources are written relative to the working folder (or ~) when made
    cwd = Path.cwd()
    here = path_within(cwd, ws.path)
    place = ("cwd in workspace", here.as_posix()) if here is not None else (
        "cwd", str(cwd.resolve()))
    parts = (FORMAT, __version__, sys.version, _installed_packages(), time.tzname,
             time.timezone, ws.path.resolve().name, place, str(Path.home()),
             repr(settings), repr(sorted(overrides.items(), key=str)),
             date.today().isoformat(),
             _http_cache_state(settings_in.http_cache_path, own_cache is not None),
             walk.items)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()
