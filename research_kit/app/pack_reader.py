"""Reading a workspace pack: a file from someone else, so untrusted input.

A pack is shared and downloaded; opening one must never write outside the folder the user
named, run code, or exhaust the machine. :func:`read_pack` checks everything before a
byte is written:

* the zip itself — at most :data:`MAX_ENTRIES` entries, no symlinks, names without ``..``,
  absolute paths, drive letters, backslashes or NUL, each part ≤ 255 characters; the
  total expanded size ≤ :data:`MAX_TOTAL_BYTES`, each entry ≤ :data:`MAX_ENTRY_BYTES`, and
  no more than :data:`MAX_RATIO` times its compressed size (a zip bomb) — counted on the
  bytes actually inflated, not the sizes the zip claims;
* ``pack.json`` — its shape (format, version, a workspace name that is one plain folder
  name, responses with http(s) URLs, statuses, string headers, ISO dates, bodies inside
  the pack);
* the workspace files — only what a workspace holds (``target.toml``, the notebooks,
  ``notes/`` documents); anything else (``.py`` files the kernel would import, an IPython
  config, a SQLite cache) is left out and named in ``skipped``;
* ``target.toml`` — valid TOML, no ``[settings]`` that would turn the replay's offline mode
  off or move its cache, and every file it names inside the workspace.

Every problem is an :class:`~research_kit.errors.InputError` saying what is wrong.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
import tomllib
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from ..errors import InputError

__all__ = ["read_pack", "PackContents", "safe_workspace_name", "allowed_workspace_file",
           "MAX_TOTAL_BYTES", "MAX_ENTRY_BYTES", "MAX_RATIO", "MAX_ENTRIES"]

PACK_FORMAT = "research-kit-pack"
PACK_VERSION = 1
MAX_ENTRIES = 20_000
MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""A workspace's sources (10-Ks, XBRL facts, pages) come to a few tens of MB."""
MAX_ENTRY_BYTES = 64 * 1024 * 1024
MAX_MANIFEST_BYTES = 32 * 1024 * 1024
MAX_RATIO = 100
"""Text compresses 3-20×; 100× only from runs of the same bytes (a zip bomb). Checked on
entries over 1 MB expanded."""
_RATIO_FLOOR = 1024 * 1024
_ROOT_FILES = {"target.toml", "research.ipynb", "follow-up.ipynb"}
_NOTE_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".yaml", ".yml", ".json", ".html", ".htm",
                  ".csv", ".xml", ".rss", ".atom"}
_LEDGER = ".research-kit/fetched-urls.txt"
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_SETTINGS_A_PACK_MAY_NOT_SET = {"offline", "cache_dir"}
_PATH_KEYS = ("me", "job", "annual_report")
_HELP = "ask for the pack again, or make one with: research-kit pack WORKSPACE -o FILE"


@dataclass
class PackContents:
    manifest: dict[str, Any]
    records: list[dict[str, Any]]
    files: dict[str, bytes]
    skipped: list[str] = field(default_factory=list)
    """Workspace files left out: not something a workspace holds."""

    @property
    def workspace_name(self) -> str:
        return self.manifest["workspace"]

    def __iter__(self):  # (manifest, records, files), as read_pack returned before
        return iter((self.manifest, self.records, self.files))


def _refuse(path: Path, problem: str, **context: Any) -> InputError:
    return InputError(f"{path.name} is not a usable research-kit pack: {problem}",
                      path=str(path), suggestion=_HELP, **context)


def safe_workspace_name(name: Any) -> str | None:
    """``name`` if it is one plain folder name (no separators, not . or .., no NUL or
    control characters, ≤ 100 characters), else None."""
    if not isinstance(name, str) or not 0 < len(name) <= 100:
        return None
    if name in (".", "..") or name.startswith(".") or any(ord(c) < 32 or c in '/\\:*?"<>|\x7f'
                                                          for c in name):
        return None
    return name


def _safe_member_path(name: str) -> PurePosixPath | None:
    if not name or len(name) > 1024 or "\x00" in name or "\\" in name or name.startswith("/") \
            or _WINDOWS_DRIVE.match(name):
        return None
    path = PurePosixPath(name)
    if path.is_absolute() or any(p in ("", ".", "..") or len(p) > 255 for p in path.parts):
        return None
    return path


def allowed_workspace_file(rel: PurePosixPath) -> bool:
    """What a workspace holds: target.toml, its notebooks, documents under notes/, and the
    list of URLs it fetched. No code (the kernel imports ``.py`` files from its folder), no
    hidden files, no caches."""
    text = rel.as_posix()
    if text in _ROOT_FILES or text == _LEDGER:
        return True
    return (len(rel.parts) >= 2 and rel.parts[0] == "notes"
            and not any(p.startswith(".") for p in rel.parts)
            and rel.suffix.lower() in _NOTE_SUFFIXES)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, budget: list[int],
                 cap: int = MAX_ENTRY_BYTES) -> bytes:
    """The entry's bytes, inflated under the caps (never trusting the sizes it claims);
    ``budget`` is what the pack may still expand to, in total."""
    limit = min(cap, budget[0])
    try:
        with zf.open(info) as fh:
            data = fh.read(limit + 1)
    except Exception as exc:  # noqa: BLE001 - CRC, zlib.error, encryption, methods, EOF …
        raise _refuse(path, f"{info.filename!r} cannot be unpacked ({type(exc).__name__}: "
                            f"{str(exc)[:100]})") from None
    if len(data) > limit:
        if limit == budget[0]:
            raise _refuse(path, f"it unpacks to more than {MAX_TOTAL_BYTES // 2**20} MB")
        raise _refuse(path, f"{info.filename!r} unpacks to more than {cap // 2**20} MB")
    if len(data) > _RATIO_FLOOR and len(data) > MAX_RATIO * max(1, info.compress_size):
        raise _refuse(path, f"{info.filename!r} expands {len(data) // max(1, info.compress_size)}×"
                            " (a zip bomb?)")
    budget[0] -= len(data)
    return data


def _check_entries(zf: zipfile.ZipFile, path: Path) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise _refuse(path, f"it holds {len(infos):,} files (at most {MAX_ENTRIES:,})")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise _refuse(path, f"{info.filename!r} is a symbolic link")
        if _safe_member_path(info.filename.rstrip("/") if info.is_dir() else info.filename) \
                is None:
            raise _refuse(path, f"it contains an unsafe path {info.filename!r}")
        if info.filename in by_name:
            raise _refuse(path, f"{info.filename!r} is in it twice")
        by_name[info.filename] = info
    return by_name


def _text(value: Any, what: str, path: Path, limit: int = 8192) -> str:
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise _refuse(path, f"{what} must be text (at most {limit} characters)")
    return value


def _check_record(entry: Any, index: int, path: Path, names: dict[str, zipfile.ZipInfo]) \
        -> tuple[dict[str, Any], str]:
    where = f"response {index + 1} in pack.json"
    if not isinstance(entry, dict):
        raise _refuse(path, f"{where} is not an object")
    url = _text(entry.get("url"), f"{where}: url", path)
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refuse(path, f"{where}: {url[:80]!r} is not an http(s) URL")
    status = entry.get("status", 200)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise _refuse(path, f"{where}: status must be a number from 100 to 599")
    headers = entry.get("headers") or {}
    if not isinstance(headers, dict) or len(headers) > 200 or not all(
            isinstance(k, str) and isinstance(v, str) and len(k) < 256 and len(v) < 8192
            and "\n" not in k + v and "\r" not in k + v for k, v in headers.items()):
        raise _refuse(path, f"{where}: headers must be a table of short one-line texts")
    retrieved = entry.get("retrieved_at")
    if retrieved is not None:
        try:
            datetime.fromisoformat(_text(retrieved, f"{where}: retrieved_at", path, 64))
        except ValueError:
            raise _refuse(path, f"{where}: retrieved_at {retrieved!r} is not a date") from None
    body = _text(entry.get("body"), f"{where}: body", path, 1024)
    if not body.startswith("bodies/") or body not in names or names[body].is_dir():
        raise _refuse(path, f"{where}: its body {body!r} is not in the pack")
    record = {"url": url, "status": status, "headers": dict(headers), "retrieved_at": retrieved}
    return record, body


def _check_target(data: bytes, path: Path) -> None:
    try:
        target = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as exc:
        raise _refuse(path, f"its target.toml is not valid TOML ({str(exc)[:100]})") from None
    settings = target.get("settings")
    if settings is not None:
        bad = sorted(_SETTINGS_A_PACK_MAY_NOT_SET & set(settings)) if isinstance(settings, dict) \
            else ["settings"]
        if bad:
            raise _refuse(path, f"its target.toml sets {', '.join(bad)} in [settings]: a "
                                "replay is always offline and keeps its cache beside it")
    named = [(k, target.get(k)) for k in _PATH_KEYS]
    for table in target.get("interviewers") or []:
        if isinstance(table, dict):
            named.append(("interviewers.profile", table.get("profile")))
    if isinstance(target.get("coordinator"), dict):
        named.append(("coordinator.profile", target["coordinator"].get("profile")))
    for key, value in named:
        if not isinstance(value, str) or not value or re.match(r"^https?://", value):
            continue
        rel = _safe_member_path(value.removeprefix("./"))
        if rel is None or value.startswith("~"):
            raise _refuse(path, f"its target.toml names {key} = {value[:80]!r}, outside the "
                                "workspace: a pack only reads its own files")


def read_pack(path: str | os.PathLike) -> PackContents:
    """Check and read a pack (see the module docstring); nothing is written."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise InputError(f"{path} is not a research-kit pack ({str(exc)[:120]})",
                         path=str(path), suggestion=_HELP) from None
    with zf:
        names = _check_entries(zf, path)
        budget = [MAX_TOTAL_BYTES]
        if "pack.json" not in names:
            raise _refuse(path, "it has no pack.json")
        raw = _read_member(zf, names["pack.json"], path, budget, cap=MAX_MANIFEST_BYTES)
        try:
            manifest = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise _refuse(path, f"pack.json is not valid JSON ({str(exc)[:100]})") from None
        if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
            raise InputError(f"{path} is not a research-kit pack (pack.json says something "
                             "else)", path=str(path), suggestion=_HELP)
        if manifest.get("version", PACK_VERSION) != PACK_VERSION:
            raise _refuse(path, f"it is version {manifest.get('version')!r}; this research-kit "
                                f"reads version {PACK_VERSION}")
        name = manifest.get("workspace") or "workspace"
        if safe_workspace_name(name) is None:
            raise _refuse(path, f"its workspace name {str(name)[:80]!r} is not a plain folder name")
        manifest["workspace"] = name
        mtimes = manifest.get("file_mtimes") or {}
        if not isinstance(mtimes, dict) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
                and 0 <= v < 2**33 for v in mtimes.values()):
            raise _refuse(path, "file_mtimes in pack.json must map files to times")
        manifest["file_mtimes"] = mtimes
        responses = manifest.get("responses") or []
        if not isinstance(responses, list):
            raise _refuse(path, "responses in pack.json must be a list")
        records = []
        for index, entry in enumerate(responses):
            record, body = _check_record(entry, index, path, names)
            record["content"] = _read_member(zf, names[body], path, budget)
            records.append(record)
        files: dict[str, bytes] = {}
        skipped: list[str] = []
        for member, info in names.items():
            if not member.startswith("workspace/") or info.is_dir():
                continue
            rel = PurePosixPath(member[len("workspace/"):])
            if not allowed_workspace_file(rel):
                skipped.append(rel.as_posix())
                continue
            files[rel.as_posix()] = _read_member(zf, info, path, budget)
        if "target.toml" in files:
            _check_target(files["target.toml"], path)
    return PackContents(manifest, records, files, skipped)
