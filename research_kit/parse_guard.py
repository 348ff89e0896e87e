"""The boundary of every parser: only research-kit's own errors get out, in bounded time.

Parsers stand on third-party code (pypdfium2, zipfile/zlib, PyYAML, json, lxml, feedparser,
dateutil) whose exceptions are its own: ``PdfiumError: Failed to load page``, ``zlib.error``,
``RecursionError`` from a document nested 5,000 deep, ``ValueError`` from lxml on a control
character, ``OverflowError`` from the year 99999. Each source's public entry point runs its
parsing inside :func:`parse_guard`, which turns any of them into a
:class:`~research_kit.errors.ParseError` that names the document, and bounds the time one
document may take (``seconds``; a backstop — the parsers themselves are linear and capped).

The time bound uses ``SIGALRM``, so it applies in the main thread (the CLI, a notebook
kernel); elsewhere (batch workers) only the parsers' own size caps bound the time. It
cooperates with another timer already set (pytest-timeout): the earlier one fires, the
other keeps its time.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from .errors import ParseError, ResearchKitError, short_reason

__all__ = ["parse_guard", "DOCUMENT_SECONDS"]

DOCUMENT_SECONDS = 60.0
"""The most one document may take to parse (a 300-page annual report takes ~10 s)."""

_REPORT = ("if the file opens normally in its own program, this is a research-kit bug: "
           "please report it with the file")
_local = threading.local()


class _OverBudget(BaseException):
    """Raised by the timer inside the parser; a BaseException so that no ``except
    Exception`` in a library swallows it on its way out."""


@contextlib.contextmanager
def parse_guard(what: str, *, seconds: float | None = DOCUMENT_SECONDS,
                **context: Any) -> Iterator[None]:
    """``with parse_guard("resume.pdf", path=...):`` — parse; anything but a
    ResearchKitError becomes a ParseError about ``what``; ``seconds=None``: no time bound
    (the block also waits on the network)."""
    # the first guard with a time bound times the document; guards inside it (an entry
    # point calling another) only translate errors
    timer = _Timer(seconds) if seconds and not getattr(_local, "timing", False) else None
    try:
        if timer is not None:
            _local.timing = True
            timer.start()
        yield
    except ResearchKitError:
        raise
    except _OverBudget as over:
        raise ParseError(f"{what} took longer than {over.args[0]:g} s to read; gave up",
                         suggestion="the document is unusually large or damaged; " + _REPORT,
                         **context) from None
    except RecursionError:
        raise ParseError(f"{what} is nested too deeply to read (damaged, or built to break "
                         "parsers)", suggestion=_REPORT, **context) from None
    except MemoryError:
        raise ParseError(f"{what} is too large to read in memory", **context) from None
    except Exception as exc:  # noqa: BLE001 - the point of this boundary
        raise ParseError(f"{what} could not be read: it is damaged or not what it claims to "
                         f"be ({type(exc).__name__}: {short_reason(exc, 120)})",
                         suggestion=_REPORT, **context) from None
    finally:
        if timer is not None:
            timer.stop()
            _local.timing = False


class _Timer:
    """SIGALRM after ``seconds``, sharing the real-time timer with whoever set it before."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False

    def start(self) -> None:
        if threading.current_thread() is not threading.main_thread() or \
                not hasattr(signal, "setitimer"):
            return
        self.ends = time.monotonic() + self.seconds
        self.old_handler = signal.getsignal(signal.SIGALRM)
        self.old_left, self.old_interval = signal.getitimer(signal.ITIMER_REAL)
        self.old_ends = time.monotonic() + self.old_left if self.old_left else None
        try:
            signal.signal(signal.SIGALRM, self._fire)
        except ValueError:  # not the main interpreter
            return
        self.armed = True
        self._arm()

    def _arm(self) -> None:
        now = time.monotonic()
        due = [self.ends] + ([self.old_ends] if self.old_ends is not None else [])
        signal.setitimer(signal.ITIMER_REAL, max(0.001, min(due) - now))

    def _fire(self, signum: int, frame: Any) -> None:
        now = time.monotonic()
        if now >= self.ends - 0.001:
            raise _OverBudget(self.seconds)
        if self.old_ends is not None and now >= self.old_ends - 0.001:
            self.old_ends = None  # the other timer's turn: hand the signal to its handler
            if callable(self.old_handler):
                self._arm()
                self.old_handler(signum, frame)
                return
        self._arm()

    def stop(self) -> None:
        if not self.armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.old_handler)
        if self.old_ends is not None:
            left = max(0.001, self.old_ends - time.monotonic())
            signal.setitimer(signal.ITIMER_REAL, left, self.old_interval)
        self.armed = False
