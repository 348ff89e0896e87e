"""Workspace packs: record at home, present offline.

A pack is a zip file::

    pack.json             {"format": "research-kit-pack", "version": 1, "created", "workspace",
                           "responses": [{"url", "status", "headers", "retrieved_at", "body"}]}
    bodies/000001.bin     response bodies, byte for byte
    workspace/...         target.toml, research.ipynb, notes/… (not out/, not the cache)

`export_pack` writes one from a workspace and the cache entries of every URL it used;
`replay_pack` unpacks it into a folder with its own cache and offline settings, so that
`research-kit run` there works with no network and gives the same brief.

A pack comes from someone else: :mod:`.pack_reader` checks all of it before anything is
written, files are created only inside the destination (never through a symlink, never
over a file that is there), and the pack's own notebook is kept as ``research.pack.ipynb``
— data to read, executed only when the user asks (``demo --pack --trust-notebook``). The
notebook a replay runs is the installed template, with the pack's ``brief`` markdown cells.

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

from ..errors import WorkspaceError
from ..gateway.cache_admin import cache_rows_state
from ..private_files import private_dir
from ..workspace import NOTEBOOK_NAME, TARGET_FILE, Workspace, open_workspace
from .pack_reader import (
    PACK_FORMAT,
    PACK_VERSION,
    PackContents,
    allowed_workspace_file,
    read_pack,
    safe_workspace_name,
)

__all__ = ["export_pack", "replay_pack", "unpack_pack", "read_pack", "demo_records", "PackInfo",
           "DEMO_RETRIEVED_AT", "WORKSPACE_SETTINGS_FILE", "PACK_NOTEBOOK"]

DEMO_RETRIEVED_AT = "2026-11-20T09:00:00+00:00"
WORKSPACE_SETTINGS_FILE = "research-kit.toml"
PACK_NOTEBOOK = "research.pack.ipynb"
"""Where a replay keeps the pack's own notebook (never executed unless trusted)."""


@dataclass
class PackInfo:
    path: Path
    responses: int
    files: int
    missing: list[str] = field(default_factory=list)


def _workspace_files(ws: Workspace) -> Iterable[Path]:
    """What a pack carries: the files a replay accepts (see pack_reader), no backups."""
    for path in sorted(ws.path.rglob("*")):
        rel = PurePosixPath(path.relative_to(ws.path).as_posix())
        if path.is_file() and not path.is_symlink() and allowed_workspace_file(rel) and \
                ".backup-" not in path.name:
            yield path


def _check_exportable(ws: Workspace) -> None:
    settings = ws.target.get("settings")
    if isinstance(settings, dict) and {"offline", "cache_dir"} & set(settings):
        raise WorkspaceError(
            f"{ws.path / TARGET_FILE} sets offline or cache_dir in [settings]; a pack's "
            "replay must not take these from the pack, so it would be refused",
            path=str(ws.path), suggestion=f"move them to {ws.path / WORKSPACE_SETTINGS_FILE} "
                                          "(not packed), then pack again")


def export_pack(workspace: str | os.PathLike | Workspace, output: str | os.PathLike,
                *, gateway=None) -> PackInfo:
    """Write ``workspace`` and the cached responses it used to the zip file ``output``."""
    from ..gateway.client import get_gateway

    ws = workspace if isinstance(workspace, Workspace) else open_workspace(workspace)
    _check_exportable(ws)
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
        "format": PACK_FORMAT, "version": PACK_VERSION,
        "workspace": safe_workspace_name(ws.path.name) or "workspace",
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


def install_offline_workspace(folder: Path, files: dict[str, bytes],
                              records: list[dict[str, Any]], *, stamp: float | None = None,
                              mtimes: dict[str, float] | None = None) -> Workspace:
    """Unpack workspace files (keeping any the user already has) and fill its own cache.

    Files are created only inside ``folder``: a path that would leave it, or pass through a
    symlink, is refused; an existing file (or symlink) is never written over."""
    from ..gateway.client import Gateway
    from ..settings import load_settings

    private_dir(folder)
    if folder.is_symlink():
        raise WorkspaceError(f"{folder} is a symbolic link; a pack is only unpacked into a "
                             "real folder", path=str(folder))
    root = folder.resolve()
    for rel, content in files.items():
        target = folder / rel
        if os.path.lexists(target):
            continue  # the user's edits win over the pack
        _create_inside(root, target, content)
        when = (mtimes or {}).get(rel, stamp)
        if when is not None:  # files cite their date: keep it the same on every machine
            os.utime(target, (when, when), follow_symlinks=False)
    settings_file = folder / WORKSPACE_SETTINGS_FILE
    if not os.path.lexists(settings_file):
        _create_inside(root, settings_file, (
            b"# Written by research-kit: this workspace replays a pack with no network.\n"
            b"offline = true\ncache_dir = \".cache\"\n"))
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


def _create_inside(root: Path, target: Path, content: bytes) -> None:
    """Create ``target`` (a new file, 0600) whose real path is inside ``root``."""
    parent = target.parent
    private_dir(parent)
    if not parent.resolve().is_relative_to(root):
        raise WorkspaceError(f"{target} would be written outside {root} (a symlink on the "
                             "way?); nothing was written there", path=str(target))
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(target, flags, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(content)


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
    """Unpack ``pack`` under ``destination`` as an offline workspace; returns it.

    The pack's own notebook is kept as :data:`PACK_NOTEBOOK` (run only on request:
    ``demo --pack --trust-notebook``); ``research.ipynb`` is the installed template with
    the pack's ``brief`` markdown cells, so running the workspace runs no code from the pack.
    """
    return unpack_pack(pack, destination)[0]


def unpack_pack(pack: str | os.PathLike,
                destination: str | os.PathLike) -> tuple[Workspace, PackContents]:
    """:func:`replay_pack`, also returning what was read (``.skipped`` names the files
    left out)."""
    contents = read_pack(pack)
    folder = Path(destination) / contents.workspace_name
    files = _notebooks_for_replay(contents)
    ws = install_offline_workspace(folder, files, contents.records,
                                   mtimes=contents.manifest.get("file_mtimes") or {})
    return ws, contents


def _notebooks_for_replay(contents: PackContents) -> dict[str, bytes]:
    files = dict(contents.files)
    theirs = files.pop(NOTEBOOK_NAME, None)
    files.pop("follow-up.ipynb", None)  # code too: the installed one instead
    from .templates import render_notebook

    files["follow-up.ipynb"] = render_notebook("follow-up", {"workspace": "."}).encode("utf-8")
    if theirs is not None:
        files[PACK_NOTEBOOK] = theirs
    files[NOTEBOOK_NAME] = _template_with_brief_cells(theirs).encode("utf-8")
    return files


def _template_with_brief_cells(pack_notebook: bytes | None) -> str:
    """The installed research template, plus the pack notebook's markdown cells tagged
    ``brief`` (text the brief prints; markdown never runs)."""
    from .templates import render_notebook

    notebook = json.loads(render_notebook("research", {"workspace": "."}))
    cells = []
    if pack_notebook is not None:
        try:
            theirs = json.loads(pack_notebook)
            cells = [c for c in theirs.get("cells", []) if isinstance(c, dict)
                     and c.get("cell_type") == "markdown"
                     and "brief" in ((c.get("metadata") or {}).get("tags") or [])]
        except (ValueError, RecursionError, AttributeError, TypeError):
            cells = []
    if cells:
        notebook["cells"] = [c for c in notebook["cells"]
                             if "brief" not in (c.get("metadata", {}).get("tags") or [])]
        notebook["cells"].extend({"cell_type": "markdown", "metadata": {"tags": ["brief"]},
                                  "source": c.get("source", "")
                                  if isinstance(c.get("source", ""), (str, list)) else "",
                                  **({"id": f"pack-brief-{i}"}
                                     if notebook.get("nbformat_minor", 0) >= 5 else {})}
                                 for i, c in enumerate(cells))
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


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
