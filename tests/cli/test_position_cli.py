"""``research-kit parse job|profile`` and ``research-kit match`` (stdout JSON / table, exit codes)."""

from __future__ import annotations

import json

from conftest import DEMO_ROOT, fixture_path

from research_kit.cli import main

DEMO = DEMO_ROOT
DEMO_JOB = DEMO / "web/boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345"
ALEX = DEMO / "files" / "alex-rivera-profile.pdf"


def test_parse_job_json(capsys):
    assert main(["parse", "job", str(DEMO_JOB), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("source", "title", "company", "location", "salary", "responsibilities",
                "required", "preferred", "skills"):
        assert key in data
    assert data["location"] == "Portland, OR" and data["salary"]["currency"] == "USD"
    assert data["required"][0] == "5+ years building production data pipelines in Python and SQL"
    assert "Kafka" in data["skills"]


def test_parse_job_from_stdin_keeps_the_contract(capsys, monkeypatch):
    import io

    text = ("Platform Engineer\nAcme · Remote\n\nRequirements:\n• Go\n• Terraform is a plus\n"
            "\nNice to have:\n• Rust\n")
    monkeypatch.setattr("sys.stdin", io.StringIO(text))
    assert main(["parse", "job", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("source", "title", "company", "location", "salary", "responsibilities",
                "required", "preferred", "skills", "employer_confidential", "company_from"):
        assert key in data
    assert data["required"] == ["Go", "Terraform is a plus"] and data["preferred"] == ["Rust"]
    assert [r["optional_hint"] for r in data["requirements"]] == [False, True, False]


def test_parse_job_board_needs_an_id(capsys):
    path = str(fixture_path("jobs", "ats", "lever_idealistconsulting_postings.json"))
    assert main(["parse", "job", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "--id" in captured.err
    assert main(["parse", "job", path, "--title", "Solution Architect"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].endswith("Solution Architect")


def test_parse_profile_json(capsys):
    assert main(["parse", "profile", str(ALEX), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("source", "name", "headline", "location", "experience", "education", "schools",
                "employers", "skills"):
        assert key in data
    assert data["schools"] == ["Oregon State University"]
    assert {"title", "company", "start", "end"} <= set(data["experience"][0])
    assert {"school", "degree", "start", "end"} <= set(data["education"][0])


def test_match_prints_the_table(capsys):
    assert main(["match", str(DEMO_JOB), str(ALEX)]) == 0
    out = capsys.readouterr().out
    assert "met: 8  partly met: 1  not met: 0  unknown: 1" in out
    assert "5+ years building production data pipelines in Python and SQL" in out
    assert "why: the profile does not mention it" in out  # Industrial IoT: silent, not ✘


def test_match_json(capsys):
    assert main(["match", str(DEMO_JOB), str(ALEX), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["profile"] == "Alex Rivera" and len(data["requirements"]) == 10
    assert data["requirements"][0]["status"] == "met"


def test_bad_profile_exits_2(capsys, tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-nope")
    assert main(["match", str(DEMO_JOB), str(bad)]) == 2
    assert "research-kit: error:" in capsys.readouterr().err
