"""``research-kit note check|draft`` and ``research-kit forget``; no network anywhere."""

from __future__ import annotations

import io
import json
import socket
import sys

import pytest
from outreach_helpers import DEMO_TARGET, alex, make_workspace

from research_kit import errors
from research_kit.app.forget import forget_person, plan_forget
from research_kit.cli import main


def _run(capsys, *argv, stdin: str | None = None, monkeypatch=None):
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --- note check --------------------------------------------------------------------------

def test_note_check_json_is_exactly_the_contract(capsys):
    code, out, _ = _run(capsys, "note", "check", "I'd like to add you to my professional "
                        "network on LinkedIn.", "--json")
    data = json.loads(out)
    assert code == 1 and set(data) == {"ok", "chars", "limit", "problems"}
    assert data["ok"] is False and data["limit"] == 200 and data["chars"] == 59
    assert data["problems"] == [{"code": "default-text", "message": data["problems"][0]["message"]}]


def test_note_check_ok_file_stdin_and_limit(capsys, tmp_path, monkeypatch):
    good = ("Hi Dana, we're both Oregon State alumni and Code for PDX mentors. I'm "
            "interviewing for the Senior Data Engineer role on your team and would really "
            "value hearing how you think about growing engineers there. Alex")
    note = tmp_path / "note.txt"
    note.write_text(good + "\n")
    code, out, _ = _run(capsys, "note", "check", "--file", str(note), "--limit", "300", "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "chars": len(good), "limit": 300,
                                             "problems": []}
    code, out, _ = _run(capsys, "note", "check", "--json", stdin=good, monkeypatch=monkeypatch)
    assert code == 1 and [p["code"] for p in json.loads(out)["problems"]] == ["too-long"]
    code, out, _ = _run(capsys, "note", "check", good, "--limit", "300")
    assert code == 0 and out.startswith("ok")


def test_note_check_bad_input_exits_2(capsys, tmp_path):
    code, out, err = _run(capsys, "note", "check", "--file", str(tmp_path / "missing.txt"))
    assert code == 2 and out == "" and "no such file" in err
    code, _, err = _run(capsys, "note", "check", "hi", "--limit", "0")
    assert code == 2


# --- note draft --------------------------------------------------------------------------

def test_note_draft_connection_and_thank_you(capsys, tmp_path):
    ws = make_workspace(tmp_path, DEMO_TARGET + '\n[me]\nname = "Alex Rivera"\n'
                        'employers = ["Northstar Logistics"]\n')
    code, out, _ = _run(capsys, "note", "draft", str(ws), "--to", "Miguel")
    assert code == 0 and out.startswith("Hi Miguel,") and "Northstar Logistics" in out
    code, out, _ = _run(capsys, "note", "draft", str(ws), "--to", "Miguel Santos", "--kind",
                        "thank-you", "--json", "--save")
    data = json.loads(out)
    assert data["ok"] and "Kafka streams" in data["text"] and data["saved"]
    saved = ws / "notes" / "thank-you-miguel-santos.md"
    assert saved.read_text().startswith("Dear Miguel")
    saved.write_text("my own words\n")
    _run(capsys, "note", "draft", str(ws), "--to", "Miguel Santos", "--kind", "thank-you", "--save")
    assert saved.read_text() == "my own words\n"  # never overwritten
    code, _, err = _run(capsys, "note", "draft", str(ws), "--to", "Maya Chen")
    assert code == 2 and "Dana Okafor" in err


# --- forget ------------------------------------------------------------------------------

def _populated(tmp_path):
    target = DEMO_TARGET.replace('name = "Miguel Santos"',
                                 'name = "Miguel Santos"\nprofile = "notes/MiguelSantos_Profile.pdf"')
    target += '\n[[interviewers]]\nname = "Ana Li"\ntitle = "Analyst"\n'
    target += '\n[[interviewers]]\nname = "Ana Li Chen"\ntitle = "Director"\n'
    ws = make_workspace(tmp_path, target)
    (ws / "notes" / "MiguelSantos_Profile.pdf").write_bytes(b"%PDF-1.4 fictional")
    (ws / "notes" / "thank-you-miguel-santos.md").write_text("Dear Miguel …")
    (ws / "out").mkdir()
    (ws / "out" / "miguel_santos_commonalities.csv").write_text("x")
    (ws / "out" / "brief.html").write_text("<p>Miguel Santos and Dana Okafor</p>")
    (ws / "research.ipynb").write_text('{"cells": ["Miguel Santos"]}')
    (ws / "notes" / "interview-ana-li.md").write_text("point: x")
    (ws / "notes" / "interview-ana-li-chen.md").write_text("point: y")
    return ws


def test_forget_plan_lists_exactly_their_files(tmp_path):
    ws = _populated(tmp_path)
    plan = plan_forget(ws, "miguel santos").to_dict()
    assert [d["path"] for d in plan["delete"]] == [
        "notes/MiguelSantos_Profile.pdf", "notes/interview-miguel-santos.md",
        "notes/thank-you-miguel-santos.md", "out/miguel_santos_commonalities.csv"]
    kept = {k["path"]: k["why"] for k in plan["kept"]}
    assert set(kept) == {"target.toml", "out/brief.html", "research.ipynb"}
    assert kept["target.toml"].startswith("lines ")


def test_forget_never_touches_a_person_with_a_longer_similar_name(tmp_path):
    ws = _populated(tmp_path)
    plan = forget_person(ws, "Ana Li")
    assert [p.name for p in plan.deleted] == ["interview-ana-li.md"]
    assert (ws / "notes" / "interview-ana-li-chen.md").exists()
    assert plan_forget(ws, "Ana Li Chen").to_dict()["delete"] == [
        {"path": "notes/interview-ana-li-chen.md", "why": "their interview notes"}]


def test_forget_deletes_and_edits_target_only_when_asked(tmp_path, capsys, monkeypatch):
    ws = _populated(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _, err = _run(capsys, "forget", str(ws), "Miguel Santos")
    assert code == 1 and "--yes" in err and (ws / "notes" / "interview-miguel-santos.md").exists()
    code, out, _ = _run(capsys, "forget", str(ws), "Miguel Santos", "--dry-run")
    assert code == 0 and "notes/interview-miguel-santos.md" in out
    assert (ws / "notes" / "interview-miguel-santos.md").exists()
    before = (ws / "target.toml").read_text()
    code, out, _ = _run(capsys, "forget", str(ws), "Miguel Santos", "--yes", "--edit-target",
                        "--json")
    data = json.loads(out)
    assert code == 0 and len(data["deleted"]) == 4 and data["target_edited"]
    after = (ws / "target.toml").read_text()
    assert "Miguel Santos" not in after and "PyData" not in after
    assert after.count("[[interviewers]]") == before.count("[[interviewers]]") - 1
    assert "Dana Okafor" in after and "[coordinator]" in after
    assert (ws / "out" / "brief.html").exists() and (ws / "research.ipynb").exists()
    assert (ws / "notes" / "interview-dana-okafor.md").exists()


def test_forget_refuses_vague_names(tmp_path):
    ws = _populated(tmp_path)
    with pytest.raises(errors.WorkspaceError, match="too short"):
        plan_forget(ws, "Li")


# --- privacy -----------------------------------------------------------------------------

def test_whole_outreach_workflow_runs_without_any_network(tmp_path, monkeypatch):
    from research_kit.research.people import commonalities, interviewers, outreach, thank_you

    def no_network(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    ws = make_workspace(tmp_path)
    interviewers.interviewers_table(ws)
    interviewers.interviewer_card(ws, "Dana Okafor")
    commonalities.commonalities(ws, me=alex())
    outreach.connection_notes(ws)
    thank_you.thank_you_notes(ws)
    thank_you.thank_you_check(ws)
    plan_forget(ws, "Dana Okafor")


def test_outreach_modules_never_import_the_http_gateway():
    import re
    from pathlib import Path

    import research_kit

    root = Path(research_kit.__file__).parent
    network = re.compile(r"^\s*(from|import)\s+(\.+gateway\b|research_kit\.gateway\b|requests|"
                         r"urllib\.request|http\.client|socket)", re.M)
    for rel in ("research/people/interviewers.py", "research/people/commonalities.py",
                "research/people/outreach.py", "research/people/thank_you.py",
                "research/people/note_checker.py", "research/normalize.py", "app/forget.py",
                "cli/_outreach.py"):
        assert not network.search((root / rel).read_text()), rel
