"""Headless Chromium driven over the DevTools protocol on a pipe: no extra Python package.

Chromium started with ``--remote-debugging-pipe`` reads protocol commands (JSON, each
ended by a NUL byte) from file descriptor 3 and writes replies and events to 4. That is
all a test needs to open a page at a given width, run a script in it and take a
screenshot. Used by the brief's browser test and by ``tools/screenshots.py``.

The browser is Debian's ``chromium`` (``apt-get install chromium``) or any Chromium-like
binary named by ``RESEARCH_KIT_CHROMIUM``; :func:`find_chromium` says why none was found.
No page it opens reaches the network: the flags below turn off every background service,
and the pages tested are local files with a Content-Security-Policy of their own.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

__all__ = ["find_chromium", "Chromium", "BrowserError"]

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--hide-scrollbars", "--remote-debugging-pipe"]
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable",
         "chrome-headless-shell")


class BrowserError(RuntimeError):
    pass


def find_chromium() -> tuple[str | None, str]:
    """(path to a Chromium binary, or None with the reason)."""
    named = os.environ.get("RESEARCH_KIT_CHROMIUM")
    if named:
        path = shutil.which(named) or (named if Path(named).is_file() else None)
        return (path, "") if path else (None, f"RESEARCH_KIT_CHROMIUM={named} is not a program")
    for name in NAMES:
        path = shutil.which(name)
        if path:
            return path, ""
    return None, ("no Chromium found (install Debian's 'chromium' — .ci/run does — or set "
                  "RESEARCH_KIT_CHROMIUM to a Chromium binary)")


class Chromium:
    """One headless browser with one page. Use as a context manager."""

    def __init__(self, binary: str, timeout: float = 60.0) -> None:
        self.timeout = timeout
        self._profile = tempfile.mkdtemp(prefix="rk-chromium-")
        # our ends stay here; the browser's ends are moved above 9, then a tiny Python
        # trampoline puts them on 3 and 4 and becomes the browser (subprocess itself would
        # close a 3 and 4 set up before exec)
        read_end, self._to_browser = os.pipe()
        self._from_browser, write_end = os.pipe()
        to_browser_r = fcntl.fcntl(read_end, fcntl.F_DUPFD_CLOEXEC, 10)
        from_browser_w = fcntl.fcntl(write_end, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(read_end)
        os.close(write_end)
        trampoline = ("import os, sys; r, w = int(sys.argv[1]), int(sys.argv[2]); "
                      "os.dup2(r, 3); os.dup2(w, 4); os.close(r); os.close(w); "
                      "os.execv(sys.argv[3], sys.argv[3:])")
        self._proc = subprocess.Popen(
            [sys.executable, "-c", trampoline, str(to_browser_r), str(from_browser_w), binary,
             *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=_stderr(),
            pass_fds=(to_browser_r, from_browser_w))
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        self._session = self.call("Target.attachToTarget", targetId=target,
                                  flatten=True)["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    # -- protocol -------------------------------------------------------------------------
    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise BrowserError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise BrowserError("Chromium closed the protocol pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def _wait_event(self, name: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for n, event in enumerate(self._events):
                if event["method"] == name:
                    del self._events[: n + 1]
                    return
            self._events.append(self._read_message(deadline))

    # -- page -----------------------------------------------------------------------------
    def open(self, url: str, width: int, height: int = 900) -> None:
        """Load ``url`` in a viewport ``width`` CSS pixels wide (a phone below 500)."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width,
                  height=height, deviceScaleFactor=1, mobile=width < 500)
        self._events.clear()
        self.call("Page.navigate", session=True, url=url)
        self._wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session=True, expression=expression,
                           returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise BrowserError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def screenshot(self, path: str | os.PathLike[str]) -> Path:
        """The whole page (not just the viewport) as a PNG."""
        width = self.evaluate("document.documentElement.scrollWidth")
        height = self.evaluate("Math.max(document.documentElement.scrollHeight, "
                               "document.body ? document.body.scrollHeight : 0)")
        data = self.call("Page.captureScreenshot", session=True, format="png",
                         captureBeyondViewport=True,
                         clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1})
        out = Path(path)
        out.write_bytes(base64.b64decode(data["data"]))
        return out

    # -- lifetime -------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self._proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait(timeout=10)
        for fd in (self._to_browser, self._from_browser):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stderr():
    """Chromium's chatter goes nowhere unless RESEARCH_KIT_BROWSER_LOG names a file."""
    log = os.environ.get("RESEARCH_KIT_BROWSER_LOG")
    return open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - the child owns it
