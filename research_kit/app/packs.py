"""Workspace packs: record at home, present offline.

A pack is a zip file::

    pack.json             {"format": "research-kit-pack", "version": 1, "created", "workspace",
                           "responses": [{"url", "status", "headers", "retrieved_at", "body"}]}
    bodies/000001.bin     response bodies, byte for byte
    workspace/...         target.toml, research.ipynb, notes/… (not out/, not the cache)

`export_pack` writes one from a workspace and the cache entries of every URL it used;
`replay_pack` unpacks it into a folder with its own cache and offline settings, so that
`research-kit run` there works with no network and gives the same brief.

The bundled demo is the same thing in folder form: `research_kit/app/demo/web/<host>/<path>`
holds the response for `https://<host>/<path>` (see docs/demo-company.md).
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import InputError, WorkspaceError
from ..gateway.cache_admin import cache_rows_state
from ..workspace import Workspace, open_workspace

__all__ = ["export_pack", "replay_pack", "read_pack", "demo_records", "PackInfo",
           "DEMO_RETRIEVED_AT", "WORKSPACE_SETTINGS_FILE"]

PACK_FORMAT = "research-kit-pack"
PACK_VERSION = 1
DEMO_RETRIEVED_AT = "2026-11-20T09:00:00+00:00"
WORKSPACE_SETTINGS_FILE = "research-kit.toml"
_SKIP_DIRS = {"out", ".cache", ".ipynb_checkpoints", "__pycache__"}
_MAX_PACK_BYTES = 500 * 1024 * 1024


@dataclass
class PackInfo:
    path: Path
    responses: int
    files: int
    missing: list[str] = field(default_factory=list)


def _workspace_files(ws: Workspace) -> Iterable[Path]:
    for path in sorted(ws.path.rglob("*")):
        rel = path.relative_to(ws.path)
        if path.is_file() and not (set(rel.parts[:-1]) & _SKIP_DIRS) and \
                ".backup-" not in path.name:
            yield path


def export_pack(workspace: str | os.PathLike | Workspace, output: str | os.PathLike,
                *, gateway=None) -> PackInfo:
    """Write ``workspace`` and the cached responses it used to the zip file ``output``."""
    from ..gateway.client import get_gateway

    ws = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    gateway = gateway or get_gateway()
    urls = ws.fetched_urls()
    if not urls:
        raise WorkspaceError(
            f"{ws.path.name} has not fetched anything yet, so there is nothing to replay",
            path=str(ws.path), suggestion=f"run it first: research-kit run {ws.path}")
    records, missing = gateway.export_responses(urls)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    manifest: dict[str, Any] = {
        "format": PACK_FORMAT, "version": PACK_VERSION, "workspace": ws.path.name,
        "created": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "responses": [],
    }
    files = 0
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zf:
        for i, rec in enumerate(records, 1):
            body = f"bodies/{i:06d}.bin"
            zf.writestr(body, rec["content"])
            manifest["responses"].append({k: v for k, v in rec.items() if k != "content"}
                                         | {"body": body})
        mtimes = {}
        for path in _workspace_files(ws):
            rel = path.relative_to(ws.path).as_posix()
            zf.write(path, "workspace/" + rel)
            mtimes[rel] = path.stat().st_mtime  # file sources cite their date: keep it
            files += 1
        manifest["file_mtimes"] = mtimes
        zf.writestr("pack.json", json.dumps(manifest, indent=1, ensure_ascii=False))
    return PackInfo(output, len(records), files, missing)


def read_pack(path: str | os.PathLike) -> tuple[dict[str, Any], list[dict[str, Any]],
                                                dict[str, bytes]]:
    """(manifest, response records with content, workspace files) from a pack zip."""
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise InputError(f"{path} is not a research-kit pack ({exc})", path=str(path),
                         suggestion="make one with: research-kit pack WORKSPACE -o FILE") \
            from None
    with zf:
        if sum(i.file_size for i in zf.infolist()) > _MAX_PACK_BYTES:
            raise InputError(f"{path} unpacks to more than 500 MB; refusing", path=str(path))
        try:
            manifest = json.loads(zf.read("pack.json"))
        except (KeyError, ValueError):
            raise InputError(f"{path} has no valid pack.json", path=str(path)) from None
        if manifest.get("format") != PACK_FORMAT:
            raise InputError(f"{path} is not a research-kit pack", path=str(path))
        records = []
        for entry in manifest.get("responses", []):
            rec = {k: v for k, v in entry.items() if k != "body"}
            rec["content"] = zf.read(entry["body"])
            records.append(rec)
        files = {}
        for name in zf.namelist():
            if name.startswith("workspace/") and not name.endswith("/"):
                rel = PurePosixPath(name[len("workspace/"):])
                if rel.is_absolute() or ".." in rel.parts:  # zip-slip guard
                    raise InputError(f"{path} contains an unsafe path {name!r}", path=str(path))
                files[str(rel)] = zf.read(name)
    return manifest, records, files


def install_offline_workspace(folder: Path, files: dict[str, bytes],
                              records: list[dict[str, Any]], *, stamp: float | None = None,
                              mtimes: dict[str, float] | None = None) -> Workspace:
    """Unpack workspace files (keeping any the user already has) and fill its own cache."""
    from ..gateway.client import Gateway
    from ..settings import load_settings

    folder.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        target = folder / rel
        if target.exists():
            continue  # the user's edits win over the pack
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        when = (mtimes or {}).get(rel, stamp)
        if when is not None:  # files cite their date: keep it the same on every machine
            os.utime(target, (when, when))
    settings_file = folder / WORKSPACE_SETTINGS_FILE
    if not settings_file.exists():
        settings_file.write_text(
            "# Written by research-kit: this workspace replays a pack with no network.\n"
            "offline = true\ncache_dir = \".cache\"\n", encoding="utf-8")
    # the workspace's own cache, even when RESEARCH_KIT_CACHE_DIR points elsewhere
    settings = load_settings(folder, cache_dir=folder / ".cache", offline=True)
    cache_file = settings.http_cache_path
    marker = settings.cache_dir / _IMPORTED_MARKER
    digest = _records_digest(records)
    if _marker_matches(marker, digest, cache_file):
        return open_workspace(folder)  # replayed before, cache untouched since: nothing to do
    gateway = Gateway(settings)
    try:
        gateway.import_responses(records)
    finally:
        gateway.close()
    state = cache_rows_state(cache_file)
    if state is not None:
        marker.write_text(f"{digest} {state!r}\n", encoding="utf-8")
    return open_workspace(folder)


_IMPORTED_MARKER = "imported-records.txt"


def _records_digest(records: list[dict[str, Any]]) -> str:
    digest = hashlib.sha256()
    for rec in records:
        head = {k: v for k, v in rec.items() if k != "content"}
        digest.update(json.dumps(head, sort_keys=True, default=str).encode("utf-8"))
        digest.update(hashlib.sha256(rec.get("content") or b"").digest())
    return digest.hexdigest()


def _marker_matches(marker: Path, digest: str, cache_file: Path) -> bool:
    """These very records were imported, and the cache has not been written to since."""
    try:
        recorded = marker.read_text(encoding="utf-8").strip()
    except OSError:
        return False
    state = cache_rows_state(cache_file)
    return state is not None and recorded == f"{digest} {state!r}"


def replay_pack(pack: str | os.PathLike, destination: str | os.PathLike) -> Workspace:
    """Unpack ``pack`` under ``destination`` as an offline workspace; returns it."""
    manifest, records, files = read_pack(pack)
    name = str(manifest.get("workspace") or "workspace")
    folder = Path(destination) / Path(name).name
    return install_offline_workspace(folder, files, records,
                                     mtimes=manifest.get("file_mtimes") or {})


def _content_type(path: Path, content: bytes) -> str:
    guessed, _ = mimetypes.guess_type(path.name)
    if path.suffix in (".htm", ".html"):
        guessed = "text/html"
    if guessed is None:
        head = content.lstrip()[:1]
        guessed = "application/json" if head in (b"{", b"[") else "text/plain"
    if guessed.startswith("text/") or guessed in ("application/json", "application/xml"):
        guessed += "; charset=utf-8"
    return guessed


def demo_records(web_root: Path | None = None) -> list[dict[str, Any]]:
    """Response records for the bundled fictional demo company (research_kit/app/demo/web)."""
    root = web_root or Path(__file__).resolve().parent / "demo" / "web"
    overrides_file = root / "_responses.json"
    overrides = json.loads(overrides_file.read_text("utf-8")) if overrides_file.exists() else {}
    records = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path == overrides_file:
            continue
        rel = path.relative_to(root).as_posix()
        urls = ["https://" + rel]
        if rel.endswith("/index.html"):
            urls.append("https://" + rel[: -len("index.html")])  # the folder URL, as servers do
        content = path.read_bytes()
        for url in urls:
            record = {"url": url, "status": 200, "retrieved_at": DEMO_RETRIEVED_AT,
                      "headers": {"Content-Type": _content_type(path, content)},
                      "content": content}
            record.update(overrides.get(url, {}))
            records.append(record)
    for url, extra in overrides.items():
        if not any(r["url"] == url for r in records):
            records.append({"url": url, "status": 200, "retrieved_at": DEMO_RETRIEVED_AT,
                            "headers": {}, "content": b""} | extra)
    return records
