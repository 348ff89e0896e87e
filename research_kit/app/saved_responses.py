"""Saved responses: web pages kept as files, loaded into a cache as if fetched.

The format (documented in docs/saved-responses.md) is JSON Lines, one response per line::

    {"url": "https://www.acme.example/about", "status": 200,
     "headers": {"Content-Type": "text/html; charset=utf-8"},
     "retrieved_at": "2026-03-02T09:00:00+00:00", "body": "pages/about.html"}

``body`` is a file path relative to the ``.jsonl`` file's folder. ``status`` defaults to
200, ``headers`` to a Content-Type guessed from the body's extension, ``retrieved_at`` to
the body file's modification time. A folder stands for every ``*.jsonl`` file in it.
Loaded with :meth:`research_kit.gateway.client.Gateway.import_responses`, a response is
served exactly like a fetched one — offline too, dated as given.
"""

from __future__ import annotations

import json
import mimetypes
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["read_saved_responses", "write_saved_responses"]


def _jsonl_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError(f"{path} holds no .jsonl file",
                             suggestion="put a responses.jsonl (one JSON object per line: url, "
                                        "status, headers, retrieved_at, body) in the folder")
        return files
    if not path.is_file():
        raise InputError(f"no such file or folder: {path}",
                         suggestion="give a .jsonl file of saved responses, or a folder of them")
    return [path]


def _record(entry: Any, folder: Path, where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise InputError(f"{where}: expected a JSON object", suggestion="see docs/saved-responses.md")
    url = entry.get("url")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")):
        raise InputError(f"{where}: 'url' must be an http(s) URL, got {url!r}",
                         suggestion="each line needs the URL the page was saved from")
    body_name = entry.get("body")
    if not isinstance(body_name, str) or not body_name:
        raise InputError(f"{where}: no 'body' (the saved file, relative to the .jsonl)",
                         suggestion='add "body": "pages/about.html"')
    body = (folder / body_name).resolve()
    if not body.is_file():
        raise InputError(f"{where}: body file {body_name} not found in {folder}",
                         suggestion="paths in 'body' are relative to the .jsonl file's folder")
    headers = entry.get("headers") or {}
    if not isinstance(headers, dict):
        raise InputError(f"{where}: 'headers' must be an object")
    headers = {str(k): str(v) for k, v in headers.items()}
    if not any(k.lower() == "content-type" for k in headers):
        guessed = mimetypes.guess_type(body.name)[0] or "application/octet-stream"
        headers["Content-Type"] = guessed + ("; charset=utf-8" if guessed.startswith("text/")
                                             else "")
    retrieved = entry.get("retrieved_at")
    if not retrieved:
        mtime = datetime.fromtimestamp(body.stat().st_mtime, UTC).replace(microsecond=0)
        retrieved = mtime.isoformat()
    try:
        status = int(entry.get("status", 200))
    except (TypeError, ValueError):
        raise InputError(f"{where}: 'status' must be a number") from None
    return {"url": url, "status": status, "headers": headers, "retrieved_at": str(retrieved),
            "content": body.read_bytes()}


def read_saved_responses(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Records ready for ``Gateway.import_responses`` from a ``.jsonl`` file or a folder."""
    records = []
    for jsonl in _jsonl_files(Path(path).expanduser()):
        for number, line in enumerate(jsonl.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{jsonl.name}, line {number}"
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: not JSON ({exc.msg})",
                                 suggestion="one JSON object per line") from None
            records.append(_record(entry, jsonl.parent, where))
    return records


def write_saved_responses(records: list[dict[str, Any]], folder: str | os.PathLike[str]) -> Path:
    """The reverse: ``folder/responses.jsonl`` and ``folder/bodies/NNNNNN.bin`` from records
    (e.g. ``Gateway.export_responses``), for a test's fixture or an advisor's pack."""
    out = Path(folder)
    (out / "bodies").mkdir(parents=True, exist_ok=True)
    lines = []
    for n, rec in enumerate(records, 1):
        body = f"bodies/{n:06d}.bin"
        (out / body).write_bytes(rec.get("content") or b"")
        lines.append(json.dumps({"url": rec["url"], "status": rec.get("status", 200),
                                 "headers": rec.get("headers") or {},
                                 "retrieved_at": rec.get("retrieved_at"), "body": body}))
    target = out / "responses.jsonl"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
