"""Stored results: step results kept between runs and reused while their inputs are unchanged.

A notebook re-run with nothing changed — you edited a markdown cell, or an advisor replays
the demo — should not parse the same 10-K, posting and PDFs again, nor draw the same brief.
Each step's result is pickled the moment it is computed (so edits made in the notebook to a
returned table never reach the store), and the store is written when the brief is written.

**The key** is a fingerprint of everything a result can depend on:

* the code: research-kit's version, the size and mtime of every file of the package, the
  versions of Python and of every installed distribution, the time zone;
* the inputs: the content of every file in the workspace (notebooks, ``out/`` and caches
  aside; files over 2 MB by size and mtime), every local file or folder ``target.toml``
  names, the notebook's parameters, the workspace folder's name, and where the working
  folder is relative to it (file sources are written relative to it);
* the settings (offline, contact …; a cache inside the workspace counts by its place in
  it) and today's date;
* the HTTP cache: a cache inside the workspace (the demo, a replayed pack) by the content
  of its rows; a shared cache by its path, row counts and newest rows (every fetch
  changes them).

Online, an entry also lapses when the first response it used goes stale (the gateway would
fetch that page again). A run in which a fetch failed online saves nothing (its answers may
be incomplete), nor does one that mixed stored results with results computed after the
HTTP cache changed.

**The store** is content-addressed, in the user's cache folder (``derived/results/``; a
workspace's new entry replaces its previous one, and at most the 100 most recently used
are kept): the same inputs give the same results, so the demo unpacked in a
new folder, or a pack replayed twice, finds what an earlier run computed. Results that
mention their workspace's own path are filed under a key that includes that path. Each
workspace lists the entries it wrote (``.research-kit/results-keys``) so that ``forget``
can delete them. With the results goes the brief each run wrote (PDF and HTML bytes): the
same research, ``brief`` cells and paper make the same files, byte for byte.

Entries are signed (HMAC-SHA256) with a key in the user's cache folder: bytes we did not
write — planted by a pack, copied from someone else — are never unpickled.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import io
import os
import pickle
import secrets
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path, PurePath
from typing import Any

from ._results_fingerprint import FORMAT, results_fingerprint

__all__ = ["StoredResults", "KEYS_FILE", "NOTHING", "store_dir", "stored_result_files"]

KEYS_FILE = Path(".research-kit") / "results-keys"
_KEY_FILE = "results-signing.key"
_STORE_LIMIT = 100
NOTHING = object()
"""What :meth:`StoredResults.lookup` returns when there is no valid stored result."""


def _user_cache() -> Path:
    # the user's own cache folder (their config and environment only, never a workspace's
    # settings: a pack must not be able to choose where our signing key lives)
    from ..settings import load_settings

    return load_settings().cache_dir


def store_dir() -> Path:
    return _user_cache() / "derived" / "results"


def _signing_key() -> bytes | None:
    """This user's key for signing stored results (made on first use, readable by them only)."""
    path = _user_cache() / _KEY_FILE
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


def _passing(error: Exception) -> bool:
    """Might the same request succeed if asked again later?"""
    from ..errors import (ContactMissingError, HTTPStatusError, RobotsDisallowedError,
        TooManyRedirectsError, UnsupportedURLError)

    if isinstance(error, HTTPStatusError):
        return int(getattr(error, "status", None) or error.context.get("status") or 500) >= 500
    if isinstance(error, RobotsDisallowedError):
        return "unreachable" in str(error.context.get("rule") or "")
    return not isinstance(error, (UnsupportedURLError, TooManyRedirectsError,
                                  ContactMissingError))


class _LocatingPickler(pickle.Pickler):
    """Pickles, noting whether the object holds a path inside the workspace."""

    def __init__(self, file, roots: tuple[str, ...]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.roots = roots
        self.located = False

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, PurePath) and str(obj).startswith(self.roots):
            self.located = True
        return NotImplemented


class StoredResults:
    """The stored results of one workspace (one per workbench)."""

    def __init__(self, ws, settings, overrides: dict[str, Any]) -> None:
        self.ws = ws
        self.settings = settings
        self.overrides = overrides
        self.enabled = bool(settings.reuse_results)
        self.tainted = False
        self.hits = 0
        self._loaded = False
        self._opened_as: str | None = None
        self._stored: dict[Any, bytes] = {}
        self._new: dict[Any, bytes] = {}
        self._located = False
        self._brief: dict[str, Any] = {}
        self._brief_changed = False
        self._valid_until: datetime | None = None
        self._roots = tuple(sorted({str(ws.path.resolve()), str(ws.path.absolute())}))

    @cached_property
    def _folder(self) -> Path:
        return store_dir()

    @cached_property
    def _secret(self) -> bytes | None:
        return _signing_key()

    # -- what the gateway tells us --------------------------------------------------------
    def served(self, response) -> None:
        expires = getattr(response, "expires", None)
        if expires is not None and (self._valid_until is None or expires < self._valid_until):
            self._valid_until = expires

    def failed(self, url: str, error: Exception) -> None:
        # offline, a miss is a fact about the cache (which the fingerprint covers); online,
        # a passing failure (network, timeout, 5xx, rate limit) must not be kept as an
        # answer, while a definite one (404, robots.txt says no) is the answer
        if not self.settings.offline and _passing(error):
            self.tainted = True

    # -- the fingerprint ------------------------------------------------------------------
    def fingerprint(self) -> str:
        """What the results depend on, wherever the workspace is."""
        return results_fingerprint(self.ws, self.settings, self.overrides)

    def _key(self, fingerprint: str, located: bool) -> str:
        if not located:
            return fingerprint
        return hashlib.sha256(f"{fingerprint}\0{self._roots[0]}".encode("utf-8",
                                                                       "surrogatepass")).hexdigest()

    # -- reading --------------------------------------------------------------------------
    def _read(self, key: str) -> dict | None:
        path = self._folder / f"{key}.pickle"
        try:
            blob = path.read_bytes()
        except OSError:
            return None
        secret = self._secret
        if secret is None or len(blob) < 32:
            return None
        signature, payload = blob[:32], blob[32:]
        if not hmac.compare_digest(signature, hmac.new(secret, payload, hashlib.sha256).digest()):
            return None  # not written by us: never unpickled
        try:
            stored = pickle.loads(payload)
        except Exception:  # written by an incompatible version: recompute
            return None
        if stored.get("format") != FORMAT or stored.get("key") != key:
            return None
        try:
            os.utime(path)  # recently used: kept when the store is pruned
        except OSError:
            pass
        return stored

    def _load(self) -> None:
        self._loaded = True
        self._opened_as = self.fingerprint()
        for located in (False, True):
            stored = self._read(self._key(self._opened_as, located))
            if stored is not None:
                break
        else:
            return
        valid_until = stored.get("valid_until")
        if valid_until is not None and not self.settings.offline and \
                datetime.now(timezone.utc) >= valid_until:
            return  # a page it used is stale: the gateway would fetch it again
        self._stored = dict(stored.get("entries") or {})
        self._brief = dict(stored.get("brief") or {})
        self._located = bool(stored.get("located"))
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

    def _pickle(self, value: Any) -> tuple[bytes, bool]:
        buffer = io.BytesIO()
        pickler = _LocatingPickler(buffer, self._roots)
        pickler.dump(value)
        data = buffer.getvalue()
        located = pickler.located or any(root.encode("utf-8", "surrogatepass") in data
                                         for root in self._roots)
        return data, located

    def remember(self, key: Any, value: Any) -> None:
        """Keep a result just computed (as bytes now: later edits in the notebook don't count)."""
        if not self.enabled or key in self._stored:
            return
        try:
            data, located = self._pickle(value)
        except Exception:  # not everything pickles (a figure's callbacks): recomputed next run
            return
        self._new[key] = data
        self._located = self._located or located

    # -- the brief ------------------------------------------------------------------------
    def stored_brief(self, key: str, out_dir: Path) -> Any:
        """The brief a run with the same research wrote, put in ``out_dir`` (files that are
        already there byte for byte are left alone); :data:`NOTHING` if there is none."""
        if not self.enabled or self.tainted:
            return NOTHING
        if not self._loaded:
            self._load()
        record = self._brief.get(key)
        if not record:
            return NOTHING
        try:
            from ..brief.files import BriefFiles

            out_dir.mkdir(parents=True, exist_ok=True)
            for name, data in record["files"].items():
                target = out_dir / name
                if target.is_file() and target.stat().st_size == len(data) and \
                        target.read_bytes() == data:
                    continue
                temp = target.with_name(f".{name}.{os.getpid()}.tmp")
                temp.write_bytes(data)
                os.replace(temp, target)
            fields = pickle.loads(record["fields"])
            return BriefFiles(pdf_path=out_dir / record["pdf"], html_path=out_dir / record["html"],
                              **fields)
        except Exception:  # anything odd: draw it again
            return NOTHING

    def remember_brief(self, key: str, files) -> None:
        """Keep the brief just written (its bytes, and its result without the paths)."""
        if not self.enabled:
            return
        try:
            fields = {f.name: getattr(files, f.name) for f in dataclasses.fields(files)
                      if f.name not in ("pdf_path", "html_path")}
            record = {"pdf": files.pdf_path.name, "html": files.html_path.name,
                      "files": {files.pdf_path.name: files.pdf_path.read_bytes(),
                                files.html_path.name: files.html_path.read_bytes()},
                      "fields": pickle.dumps(fields, protocol=pickle.HIGHEST_PROTOCOL)}
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return
        self._brief = {key: record}
        self._brief_changed = True

    # -- writing --------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the store if this run's results may be reused; True when written."""
        if not self.enabled or self.tainted:
            return False
        if not self._loaded:
            self._load()
        if not self._new and not self._brief_changed:
            return False  # nothing new since the entry was read or last written
        now = self.fingerprint()
        if self.hits and now != self._opened_as:
            return False  # stored answers next to ones computed after the cache changed
        entries = {**self._stored, **self._new}
        key = self._key(now, self._located)
        payload = pickle.dumps({"format": FORMAT, "key": key, "located": self._located,
                                "entries": entries, "brief": self._brief,
                                "valid_until": self._valid_until},
                               protocol=pickle.HIGHEST_PROTOCOL)
        secret = self._secret
        if secret is None:
            return False
        folder = self._folder
        try:
            folder.mkdir(parents=True, exist_ok=True)
            temp = folder / f".{key}.{os.getpid()}.tmp"
            temp.write_bytes(hmac.new(secret, payload, hashlib.sha256).digest() + payload)
            os.replace(temp, folder / f"{key}.pickle")
            self._list_key(key)
            _prune(folder)
        except OSError:
            return False
        self._stored, self._new, self._opened_as = entries, {}, now
        self._brief_changed = False
        return True

    def _list_key(self, key: str) -> None:
        """Name this workspace's entry in its list, and drop the entries it superseded (the
        store keeps about one entry per workspace; an identical workspace elsewhere that
        shared one just computes it again)."""
        for old in stored_result_files(self.ws.path):
            if old.suffix == ".pickle" and old.stem != key:
                old.unlink(missing_ok=True)
        index = self.ws.path / KEYS_FILE
        index.parent.mkdir(parents=True, exist_ok=True)
        index.write_text(key + "\n", encoding="utf-8")


def _prune(folder: Path) -> None:
    """Keep the most recently used entries (another process may be pruning too)."""
    entries = []
    for path in folder.glob("*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    for _, old in sorted(entries)[:-_STORE_LIMIT]:
        old.unlink(missing_ok=True)


def stored_result_files(workspace_path: Path) -> list[Path]:
    """The stored results this workspace wrote, and their list (for ``forget``)."""
    index = workspace_path / KEYS_FILE
    if not index.is_file():
        return []
    keys = [k for k in index.read_text(encoding="utf-8").split()
            if len(k) == 64 and all(c in "0123456789abcdef" for c in k)]
    return [p for p in (store_dir() / f"{k}.pickle" for k in keys) if p.is_file()] + [index]
