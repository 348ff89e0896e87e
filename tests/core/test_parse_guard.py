"""parse_guard: only typed errors leave a parser, and a document has a time bound."""

from __future__ import annotations

import signal
import threading
import time
import zlib

import pytest

from research_kit.errors import ParseError, UnsupportedFormError
from research_kit.parse_guard import parse_guard


@pytest.mark.parametrize("make", [
    lambda: zlib.decompress(b"not zlib"),
    lambda: int("x"),
    lambda: __import__("json").loads("[" * 100_000),
    lambda: {}["missing"],
    lambda: __import__("datetime").datetime(99999, 1, 1),
])
def test_third_party_failures_become_parse_errors(make):
    with pytest.raises(ParseError) as info, parse_guard("resume.docx", path="/x/resume.docx"):
        make()
    assert info.value.message.startswith("resume.docx ")
    assert info.value.context["path"] == "/x/resume.docx"
    assert info.value.__cause__ is None and info.value.suggestion


def test_our_own_errors_pass_unchanged():
    with pytest.raises(UnsupportedFormError), parse_guard("x"):
        raise UnsupportedFormError("a 10-Q")


def test_keyboard_interrupt_is_not_swallowed():
    with pytest.raises(KeyboardInterrupt), parse_guard("x"):
        raise KeyboardInterrupt


def test_a_document_that_takes_too_long_is_stopped():
    start = time.monotonic()
    with pytest.raises(ParseError, match="took longer than 0.3 s"), parse_guard("slow.html", seconds=0.3):
        while True:
            pass
    assert time.monotonic() - start < 1.5


def test_a_library_catching_exception_cannot_swallow_the_time_bound():
    def stubborn():
        while True:
            try:
                time.sleep(0.01)
            except Exception:  # noqa: BLE001 - what careless libraries do
                pass

    with pytest.raises(ParseError, match="took longer"), parse_guard("x", seconds=0.2):
        stubborn()


def test_the_other_timer_keeps_its_time():
    fired = []
    old = signal.signal(signal.SIGALRM, lambda *a: fired.append(time.monotonic()))
    try:
        start = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with parse_guard("x", seconds=5):
            time.sleep(0.6)  # the other timer fires inside the guarded block
        assert fired and fired[0] - start < 0.5
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        with parse_guard("x", seconds=5):
            pass
        assert 0.5 < signal.getitimer(signal.ITIMER_REAL)[0] <= 1.0  # re-armed, not lost
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def test_nested_guards_time_once_and_name_the_inner_document():
    with pytest.raises(ParseError, match="^inner"), parse_guard("outer", seconds=None):
        with parse_guard("inner"):
            raise ValueError("boom")


def test_in_a_worker_thread_errors_are_still_typed():
    caught = []

    def work():
        try:
            with parse_guard("x", seconds=0.1):
                raise OverflowError("year 99999")
        except ParseError as exc:
            caught.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert caught and "OverflowError" in caught[0].message
