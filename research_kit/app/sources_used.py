"""Every source a workspace used: the web pages it fetched and the files it read.

Web pages come from the workspace's ledger (``.research-kit/fetched-urls.txt``, one URL per
line, written by its gateway); each is looked up in the workspace's cache, which says
when it was retrieved and whether a re-run would read it from there. Files are the ones
``target.toml`` names (posting, your profile, annual report, interviewers' exports) and
everything in ``notes/``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..workspace import Workspace

__all__ = ["UsedSource", "sources_used"]


@dataclass(frozen=True)
class UsedSource:
    kind: str
    """"web" or "file"."""
    location: str
    """The URL, or the file's path relative to the workspace."""
    retrieved: str
    """YYYY-MM-DD: first retrieved (web, from the cache) or last changed (file); "" unknown."""
    cached: bool | None
    """Web: in the cache now (a re-run reads it from there, also offline). Files: None."""
    status: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _file_date(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).date().isoformat()
    except OSError:
        return ""


def _named_files(ws: Workspace) -> list[Path]:
    names: list[Any] = [ws.get("job"), ws.get("me"), ws.get("annual_report")]
    for person in ws.interviewers:
        names += [person.get(k) for k in ("profile", "pdf", "file", "notes_file")]
    files = []
    for name in names:
        if isinstance(name, str) and name and "://" not in name:
            path = Path(name).expanduser()
            path = path if path.is_absolute() else ws.path / path
            if path.is_file():
                files.append(path)
    notes = ws.path / "notes"
    if notes.is_dir():
        files += sorted(p for p in notes.rglob("*") if p.is_file() and not p.name.startswith("."))
    return list(dict.fromkeys(p.resolve() for p in files))


def _shown_path(path: Path, ws: Workspace) -> str:
    try:
        return path.relative_to(ws.path.resolve()).as_posix()
    except ValueError:
        from ..provenance import display_path

        return display_path(path)


def sources_used(ws: Workspace, gateway: Any = None) -> list[UsedSource]:
    """Web sources from the ledger (with their cache state), then the files read."""
    out: list[UsedSource] = []
    urls = ws.fetched_urls()
    if urls:
        if gateway is None:
            from ..workbench.base import install_workspace_gateway

            gateway = install_workspace_gateway(ws)
        records, missing = gateway.export_responses(urls)
        by_url = {r["url"]: r for r in records}
        for url in urls:
            record = by_url.get(url)
            out.append(UsedSource("web", url, str(record["retrieved_at"])[:10] if record else "",
                                  record is not None,
                                  record.get("status") if record else None))
    out += [UsedSource("file", _shown_path(p, ws), _file_date(p), None)
            for p in _named_files(ws)]
    return out
