"""Serve SEC files over loopback at their real paths (tests and benchmarks).

``serve_sec(httpserver, files)`` answers ``/<host>/<path>`` from ``files`` (URL path →
file or bytes, e.g. ``"/data.sec.gov/submissions/CIK0000320193.json"``) and returns a
context manager that points research-kit's SEC endpoints at the server, so the code under
test asks for ``https://data.sec.gov/...`` and gets the loopback copy.
"""

from __future__ import annotations

import mimetypes
import re
from contextlib import contextmanager
from pathlib import Path

from conftest import DEMO_ROOT
from werkzeug import Response as WResponse

DEMO_WEB = DEMO_ROOT / "web"
SEC_HOSTS = ("www.sec.gov", "data.sec.gov")


def demo_sec_files() -> dict[str, Path]:
    """URL path → file for the demo company's SEC footprint."""
    files = {}
    for host in SEC_HOSTS:
        for path in sorted((DEMO_WEB / host).rglob("*")):
            if path.is_file():
                files["/" + path.relative_to(DEMO_WEB).as_posix()] = path
    return files


def serve_sec(httpserver, files: dict[str, Path | bytes], *,
              statuses: dict[str, int] | None = None, log: list | None = None):
    """Install the handler; returns a context manager redirecting SEC URLs to the server."""
    from research_kit.sources.edgar.client import sec_endpoints

    def handler(request):
        if log is not None:
            log.append(request.path)
        item = files.get(request.path)
        if item is None:
            return WResponse("not found", status=404)
        body = item if isinstance(item, bytes) else item.read_bytes()
        name = request.path.rsplit("/", 1)[-1]
        ctype = mimetypes.guess_type(name)[0] or "text/plain"
        return WResponse(body, status=(statuses or {}).get(request.path, 200),
                         content_type=ctype + ("; charset=utf-8" if "html" in ctype else ""))

    httpserver.expect_request(re.compile(r"/(?:www|data)\.sec\.gov/.*")).respond_with_handler(handler)
    base = httpserver.url_for("/").rstrip("/")

    @contextmanager
    def endpoints():
        with sec_endpoints(www=f"{base}/www.sec.gov", data=f"{base}/data.sec.gov") as chosen:
            yield chosen

    return endpoints()
