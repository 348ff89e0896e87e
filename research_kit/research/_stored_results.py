"""Stored results: a workspace's step results kept between runs, reused while still valid.

A notebook re-run with nothing changed — you edited a markdown cell, or an advisor
replays the demo — should not parse the same 10-K, posting and PDFs again. Each step's
result is pickled the moment it is computed (so edits made in the notebook to a returned
table never leak into the store) and the store is written to
``<workspace>/.research-kit/results.pickle`` when the brief is written.

Stored results are reused only while everything they came from is unchanged. The store's
*fingerprint* covers:

* the code: research-kit's version, the size and mtime of every file in the package, and
  the versions of Python and pandas;
* the inputs: ``target.toml``, every file in the workspace (notebooks, ``out/`` and caches
  aside), every local file or folder that ``target.toml`` names, the notebook's parameters;
* the settings (offline, cache folder, contact …) and today's date;
* the HTTP cache: its number of rows and its newest row (every fetch changes them).

Online, the store also lapses when the first response it used goes stale (the gateway
would fetch that page again). A run in which a fetch failed online saves nothing: its
answers may be incomplete. So does a run that mixed stored results with results computed
after the HTTP cache changed.

The file is signed (HMAC-SHA256) with a key kept in the user's cache folder, so a
workspace from someone else — a pack, a shared folder — can never make us unpickle its
bytes: a file without our signature is ignored, like a stale one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from .._version import __version__

__all__ = ["StoredResults", "RESULTS_FILE", "NOTHING"]

FORMAT = 1
RESULTS_FILE = Path(".research-kit") / "results.pickle"
_KEY_FILE = "results-signing.key"
_SKIP_DIRS = {"out", ".cache", ".research-kit", ".ipynb_checkpoints", "__pycache__", ".git"}
_MAX_ENTRIES = 20_000  # stat() calls per fingerprint; past this we simply do not reuse
NOTHING = object()
"""What :meth:`StoredResults.lookup` returns when there is no valid stored result."""


def _signing_key() -> bytes | None:
    """This user's key for signing stored results (made on first use, readable by them only)."""
    from ..settings import default_cache_dir

    path = default_cache_dir() / _KEY_FILE
    try:
        return path.read_bytes()
    except FileNotFoundError:
        pass
    except OSError:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now
        return path.read_bytes()
    except OSError:
        return None
    with os.fdopen(fd, "wb") as fh:
        key = secrets.token_bytes(32)
        fh.write(key)
    return key


class _Walk:
    """(relative path, size, mtime) of files, with a cap on how many we are willing to stat."""

    def __init__(self) -> None:
        self.items: list[tuple[str, int, int]] = []
        self.overflow = False

    def add_file(self, path: Path, label: str) -> None:
        try:
            st = path.stat()
        except OSError:
            self.items.append((label, -1, -1))
            return
        self.items.append((label, st.st_size, st.st_mtime_ns))

    def add_tree(self, root: Path, label: str, *, skip_files=lambda name: False,
                 skip_dirs: frozenset[str] | set[str] = frozenset()) -> None:
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
                    st = entry.stat()
                    self.items.append((name, st.st_size, st.st_mtime_ns))


def _strings(value: Any):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


def _http_cache_state(path: Path) -> tuple:
    """Row counts and newest rows of the HTTP cache: any write to it changes them."""
    import sqlite3

    if not path.exists():
        return ("no cache",)
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2)
        try:
            return tuple(db.execute(f"SELECT count(*), max(rowid) FROM {table}").fetchone()
                         for table in ("responses", "redirects"))
        finally:
            db.close()
    except sqlite3.Error as exc:  # locked, or not a requests-cache file: never reuse
        return ("unreadable", type(exc).__name__, secrets.token_hex(8))


def _package_versions() -> tuple:
    from importlib import metadata

    versions = []
    for name in ("pandas", "numpy"):
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, None))
    return tuple(versions)


class StoredResults:
    """The stored results of one workspace (one per workbench)."""

    def __init__(self, ws, settings, overrides: dict[str, Any]) -> None:
        self.ws = ws
        self.settings = settings
        self.overrides = overrides
        self.enabled = bool(settings.reuse_results)
        self.path = ws.path / RESULTS_FILE
        self.tainted = False
        self.hits = 0
        self._loaded = False
        self._opened_as: str | None = None
        self._stored: dict[Any, bytes] = {}
        self._new: dict[Any, bytes] = {}
        self._brief: dict[str, Any] = {}
        self._brief_changed = False
        self._valid_until: datetime | None = None

    # -- what the gateway tells us --------------------------------------------------------
    def served(self, response) -> None:
        expires = getattr(response, "expires", None)
        if expires is not None and (self._valid_until is None or expires < self._valid_until):
            self._valid_until = expires

    def failed(self, url: str, error: Exception) -> None:
        # offline, a miss is a fact about the cache (which the fingerprint covers); online,
        # a failure may be passing, and the answers built around it must not be kept
        if not self.settings.offline:
            self.tainted = True

    # -- the fingerprint ------------------------------------------------------------------
    def fingerprint(self) -> str:
        ws = self.ws
        walk = _Walk()
        package = Path(__file__).resolve().parent.parent
        walk.add_tree(package, "<research_kit>", skip_dirs={"__pycache__"})
        walk.add_file(ws.path / "target.toml", "<target.toml>")
        cache_dir = Path(self.settings.cache_dir)
        skip = set(_SKIP_DIRS)
        try:
            if cache_dir.resolve().parent == ws.path.resolve():
                skip.add(cache_dir.name)
        except OSError:
            pass
        walk.add_tree(ws.path, "<workspace>", skip_dirs=skip,
                      skip_files=lambda name: name.endswith(".ipynb"))
        for text in sorted(set(_strings(ws.target))):
            if "://" in text or not text.strip() or len(text) > 1024 or "\n" in text:
                continue
            candidate = Path(text).expanduser()
            candidate = candidate if candidate.is_absolute() else ws.path / candidate
            try:
                if candidate.is_file():
                    walk.add_file(candidate, str(candidate))
                elif candidate.is_dir() and text.strip() not in (".", "./"):
                    walk.add_tree(candidate, str(candidate), skip_dirs=_SKIP_DIRS,
                                  skip_files=lambda name: name.endswith(".ipynb"))
            except OSError:
                continue
        if walk.overflow:
            return "too many files: " + secrets.token_hex(8)
        parts = (FORMAT, __version__, sys.version, _package_versions(), str(ws.path),
                 str(ws.path.resolve()),
                 repr(self.settings), repr(sorted(self.overrides.items(), key=str)),
                 date.today().isoformat(), _http_cache_state(self.settings.http_cache_path),
                 walk.items)
        return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()

    # -- reading --------------------------------------------------------------------------
    def _load(self) -> None:
        self._loaded = True
        self._opened_as = self.fingerprint()
        try:
            blob = self.path.read_bytes()
        except OSError:
            return
        key = _signing_key()
        if key is None or len(blob) < 32:
            return
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
            return  # not written by us (a pack, a copied folder): never unpickled
        try:
            stored = pickle.loads(payload)
        except Exception:  # written by an incompatible version: recompute
            return
        if stored.get("format") != FORMAT or stored.get("fingerprint") != self._opened_as:
            return
        valid_until = stored.get("valid_until")
        if valid_until is not None and not self.settings.offline and \
                datetime.now(timezone.utc) >= valid_until:
            return  # a page it used is stale: the gateway would fetch it again
        self._stored = dict(stored.get("entries") or {})
        self._brief = dict(stored.get("brief") or {})
        self._valid_until = valid_until

    def lookup(self, key: Any) -> Any:
        """The stored result for ``key``, or :data:`NOTHING`."""
        if not self.enabled:
            return NOTHING
        if not self._loaded:
            self._load()
        data = self._stored.get(key)
        if data is None:
            return NOTHING
        try:
            value = pickle.loads(data)
        except Exception:
            self._stored.pop(key, None)
            return NOTHING
        self.hits += 1
        return value

    def remember(self, key: Any, value: Any) -> None:
        """Keep a result just computed (as bytes now: later edits in the notebook don't count)."""
        if not self.enabled or key in self._stored:
            return
        try:
            self._new[key] = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # not everything pickles (a figure's callbacks): recomputed next run
            pass

    # -- the brief ------------------------------------------------------------------------
    def stored_brief(self, key: str, out_dir: Path) -> Any:
        """The files a previous run wrote for the same brief, if they are still as written."""
        if not self.enabled or self.tainted:
            return NOTHING
        if not self._loaded:
            self._load()
        record = self._brief.get(key)
        if not record:
            return NOTHING
        for name, (size, mtime_ns) in record["files"].items():
            try:
                st = (out_dir / name).stat()
            except OSError:
                return NOTHING
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                return NOTHING  # replaced or edited since: write it again
        try:
            return pickle.loads(record["result"])
        except Exception:
            return NOTHING

    def remember_brief(self, key: str, out_dir: Path, names: list[str], result: Any) -> None:
        if not self.enabled:
            return
        try:
            files = {}
            for name in names:
                st = (out_dir / name).stat()
                files[name] = (st.st_size, st.st_mtime_ns)
            self._brief = {key: {"files": files, "result": pickle.dumps(result)}}
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            self._brief = {}
        self._brief_changed = True

    # -- writing --------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the store if this run's results may be reused; True when written."""
        if not self.enabled or self.tainted:
            return False
        if not self._loaded:
            self._load()
        if not self._new and not self._brief_changed:
            return False  # nothing new since the file was read or last written
        now = self.fingerprint()
        if self.hits and now != self._opened_as:
            return False  # stored answers next to ones computed after the cache changed
        entries = {**self._stored, **self._new}
        if not entries:
            return False
        payload = pickle.dumps({"format": FORMAT, "fingerprint": now, "entries": entries,
                                "brief": self._brief, "valid_until": self._valid_until},
                               protocol=pickle.HIGHEST_PROTOCOL)
        key = _signing_key()
        if key is None:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
            temp.write_bytes(hmac.new(key, payload, hashlib.sha256).digest() + payload)
            os.replace(temp, self.path)
        except OSError:
            return False
        self._stored, self._new, self._opened_as = entries, {}, now
        self._brief_changed = False
        return True
