"""Stored step results: reused on an unchanged re-run, dropped when anything they came from
changes, never unpickled from a file we did not sign, not saved after an online failure."""

from __future__ import annotations

import os
import pickle
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from research_kit.app.demo import prepare_demo_workspace
from research_kit.errors import (FetchTimeoutError, HTTPStatusError, RateLimitedError,
    RobotsDisallowedError)
from research_kit.gateway.client import Gateway
from research_kit.research._stored_results import KEYS_FILE, NOTHING, StoredResults, store_dir
from research_kit.workbench.research import open_research
from research_kit.settings import load_settings
from research_kit.workspace import open_workspace


@pytest.fixture
def demo_ws(tmp_path):
    return prepare_demo_workspace(tmp_path)


def _entries():
    return sorted(store_dir().glob("*.pickle")) if store_dir().exists() else []


def _first_run(folder):
    research = open_research(folder)
    match = research.match()
    files = research.write_brief()
    return research, match, files


def test_an_unchanged_rerun_reuses_results_and_the_brief(demo_ws):
    first, match, files = _first_run(demo_ws)
    assert len(_entries()) == 1 and (demo_ws / KEYS_FILE).is_file()
    pdf_stamp = files.pdf_path.stat().st_mtime_ns
    match.loc[0, "status"] = "edited in the notebook"  # must not reach the store

    again = open_research(demo_ws)
    reused = again.match()
    assert again._stored.hits >= 1
    assert reused.loc[0, "status"] != "edited in the notebook"
    assert list(reused["requirement"]) == list(match["requirement"])
    assert again._gateway is None  # nothing computed, so no gateway (no HTTP stack import)
    files2 = again.write_brief()
    assert files2.pdf_path.stat().st_mtime_ns == pdf_stamp  # kept, not drawn again
    assert files2.pages == 1 and files2.preview and "<img" in files2._repr_html_()


def test_a_changed_input_means_computing_again(demo_ws):
    _first_run(demo_ws)
    target = demo_ws / "target.toml"
    target.write_text(target.read_text(encoding="utf-8").replace(
        'interview_date = "2026-12-03"', 'interview_date = "2026-12-04"'), encoding="utf-8")
    after_target = open_research(demo_ws)
    after_target.match()
    assert after_target._stored.hits == 0
    after_target.write_brief()
    assert len(_entries()) == 1  # the new entry replaced the one it superseded

    notes = demo_ws / "notes" / "alex-rivera-profile.pdf"
    stamp = notes.stat().st_mtime + 60
    os.utime(notes, (stamp, stamp))  # touched, same bytes: still the same input
    touched = open_research(demo_ws)
    touched.match()
    assert touched._stored.hits >= 1
    (demo_ws / "notes" / "interview-dana-okafor.md").write_text("Asked about Kafka.\n")
    after_file = open_research(demo_ws)
    after_file.match()
    assert after_file._stored.hits == 0


def test_a_changed_http_cache_means_computing_again(demo_ws):
    _first_run(demo_ws)
    ws = open_workspace(demo_ws)
    gateway = Gateway(load_settings(ws.path))
    try:
        gateway.import_responses([{"url": "https://www.brightwater-instruments.example/new",
                                   "status": 200, "headers": {"Content-Type": "text/html"},
                                   "retrieved_at": "2026-11-01T00:00:00+00:00",
                                   "content": b"<p>new page</p>"}])
    finally:
        gateway.close()
    research = open_research(demo_ws)
    research.match()
    assert research._stored.hits == 0


def test_replaying_the_same_records_leaves_the_cache_and_the_results_alone(demo_ws):
    _first_run(demo_ws)
    prepare_demo_workspace(demo_ws.parent)  # the demo does this on every run
    research = open_research(demo_ws)
    research.match()
    assert research._stored.hits >= 1


def test_a_file_we_did_not_sign_is_never_unpickled(demo_ws, tmp_path):
    _first_run(demo_ws)
    marker = tmp_path / "pwned"

    class Payload:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for entry in _entries():
        body = pickle.dumps({"format": 2, "key": entry.stem, "entries": {"k": b""},
                             "payload": Payload()})
        entry.write_bytes(b"\0" * 32 + body)  # a forged signature
    research = open_research(demo_ws)
    assert len(research.match()) == 10
    assert research._stored.hits == 0
    assert not marker.exists()


def test_the_same_inputs_in_another_folder_share_results_and_brief(demo_ws, tmp_path,
                                                                   monkeypatch):
    monkeypatch.chdir(demo_ws)  # as in a notebook: file sources are relative to the folder
    _, _, files = _first_run(demo_ws)
    other = prepare_demo_workspace(tmp_path / "elsewhere")
    monkeypatch.chdir(other)
    research = open_research(other)
    research.match()
    assert research._stored.hits >= 1
    files2 = research.write_brief()
    assert files2.pdf_path.parent == other / "out"
    assert files2.pdf_path.read_bytes() == files.pdf_path.read_bytes()
    assert files2.html_path.read_bytes() == files.html_path.read_bytes()


def test_results_that_name_their_folder_are_filed_under_it(tmp_path):
    first = _store(tmp_path / "a", offline=True)
    first.remember(("step", (), ()), {"file": tmp_path / "a" / "notes" / "cv.pdf"})
    assert first.save() and first._located
    key = first._key(first.fingerprint(), located=True)
    assert (store_dir() / f"{key}.pickle").is_file()
    # the same inputs elsewhere: not reused, since the result names the first folder
    assert _store(tmp_path / "b", offline=True).lookup(("step", (), ())) is NOTHING
    assert _store(tmp_path / "a", offline=True).lookup(("step", (), ())) is not NOTHING


def test_switched_off_nothing_is_kept(demo_ws, monkeypatch):
    monkeypatch.setenv("RESEARCH_KIT_REUSE_RESULTS", "0")
    research = open_research(demo_ws)
    research.match()
    research.write_brief()
    assert not _entries() and not (demo_ws / KEYS_FILE).exists()


def test_missing_results_are_computed_every_time(demo_ws):
    target = demo_ws / "target.toml"
    target.write_text(target.read_text(encoding="utf-8").replace('ticker = "BWTR"\n', ""),
                      encoding="utf-8")
    first = open_research(demo_ws)
    first.write_brief()
    again = open_research(demo_ws)
    assert "job posting" not in again.missing
    assert not again.company_profile()  # a Missing: not stored, found missing again
    assert any("company" in label for label in again.missing)


def _store(folder, *, offline: bool) -> StoredResults:
    folder.mkdir(parents=True, exist_ok=True)
    ws = SimpleNamespace(path=folder, target={})
    settings = load_settings(cache_dir=folder.parent / "shared-cache", offline=offline)
    return StoredResults(ws, settings, {})


def test_an_online_failure_means_nothing_is_saved(tmp_path):
    store = _store(tmp_path, offline=False)
    store.remember(("step", (), ()), {"answer": 42})
    store.failed("https://example.com/", ConnectionError("reset"))
    assert store.save() is False
    assert not _entries()
    offline = _store(tmp_path, offline=True)
    offline.remember(("step", (), ()), {"answer": 42})
    offline.failed("https://example.com/", LookupError("not cached"))  # a fact about the cache
    assert offline.save() is True
    assert _store(tmp_path, offline=True).lookup(("step", (), ())) == {"answer": 42}


@pytest.mark.parametrize("error, kept", [
    (HTTPStatusError("gone", url="u", status=404), True),
    (RobotsDisallowedError("no", url="u", rule="Disallow: /private"), True),
    (HTTPStatusError("down", url="u", status=503), False),
    (RateLimitedError("slow down", url="u"), False),
    (FetchTimeoutError("timed out", url="u"), False),
    (RobotsDisallowedError("no", url="u", rule="robots.txt unreachable (server error)"), False),
])
def test_only_passing_online_failures_keep_results_from_being_saved(tmp_path, error, kept):
    store = _store(tmp_path / "ws", offline=False)
    store.remember(("step", (), ()), 1)
    store.failed("https://example.com/", error)
    assert store.save() is kept


@pytest.mark.parametrize("minutes, reused", [(60, True), (-1, False)])
def test_online_results_lapse_with_the_first_stale_response(tmp_path, minutes, reused):
    store = _store(tmp_path, offline=False)
    store.remember(("step", (), ()), [1, 2, 3])
    expires = datetime.now(timezone.utc) + timedelta(minutes=minutes)
    store.served(SimpleNamespace(expires=expires))
    store.served(SimpleNamespace(expires=None))  # never expires: does not shorten it
    assert store.save() is True
    value = _store(tmp_path, offline=False).lookup(("step", (), ()))
    assert (value == [1, 2, 3]) if reused else (value is NOTHING)


def test_forget_deletes_stored_results(demo_ws):
    from research_kit.app.forget import forget_person

    _first_run(demo_ws)
    stored = _entries()
    plan = forget_person(demo_ws, "Miguel Santos")
    deleted = [p.resolve() for p in plan.deleted]
    assert stored and all(p.resolve() in deleted for p in stored)
    assert not _entries() and not (demo_ws / KEYS_FILE).exists()


def test_a_workbench_opened_again_is_not_kept_alive_by_the_gateway(demo_ws):
    import gc
    import weakref

    first = open_research(demo_ws)
    gateway = first.gateway
    ref = weakref.ref(first._stored)
    del first
    gc.collect()
    assert ref() is None
    second = open_research(demo_ws)
    assert second.gateway is gateway  # same settings, same workspace: the gateway is reused
