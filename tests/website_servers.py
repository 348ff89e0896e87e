"""Serve a saved web site over loopback at its original paths (tests and benchmarks).

The fixture site was saved from ``http://www.chtglobal.com``; its absolute links and its
sitemap name that host. We rewrite that origin to the loopback server's own, so that the
crawler meets the site as it would live: same paths, same link structure, same sitemap.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote

from werkzeug import Response as WResponse

CHT_ORIGIN = "http://www.chtglobal.com"
CHT_ZH_PATH = "/中華電信全球/企業服務/關於中華/"
"""Upstream path of the Chinese page (saved as zh/about_chunghwa_index.html)."""


def site_files(root: Path, extra: dict[str, Path] | None = None) -> dict[str, Path]:
    """URL path → file for every file under ``root`` (``x/index.html`` answers ``/x/``)."""
    files: dict[str, Path] = {}
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        rel = "/" + path.relative_to(root).as_posix()
        files[rel] = path
        if rel.endswith("/index.html"):
            files[rel[: -len("index.html")]] = path
    files.update(extra or {})
    return files


def serve_site(httpserver, files: dict[str, Path], *, robots: str | None = None,
               origin: str | None = None, headers: dict[str, dict] | None = None) -> str:
    """Install a catch-all handler on ``httpserver``; returns the site's base URL."""
    base = httpserver.url_for("/").rstrip("/")

    def handler(request):
        path = unquote(request.path)
        if path == "/robots.txt" and robots is not None:
            return WResponse(robots.replace("{base}", base), content_type="text/plain")
        file = files.get(path)
        if file is None:
            return WResponse("not found", status=404)
        body = file.read_bytes()
        if origin:
            body = body.replace(origin.encode(), base.encode())
        ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if ctype == "text/html":
            ctype = "text/html; charset=utf-8"
        extra = (headers or {}).get(path, {})
        return WResponse(body, content_type=ctype, headers=extra)

    httpserver.expect_request(re.compile(".*")).respond_with_handler(handler)
    return base
