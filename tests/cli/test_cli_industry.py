"""`research-kit occupation` and `research-kit peers` (text and JSON)."""

from __future__ import annotations

import json

from conftest import LOCAL

from research_kit.cli import main


def test_occupation_text(capsys):
    assert main(["occupation", "Senior Software Engineer, Backend",
                 "--skills", "Python, dbt"]) == 0
    out = capsys.readouterr().out
    assert "Software Developers (15-1252.00)" in out
    assert "Wages (BLS)" in out and "May 2023" in out
    assert "CC BY 4.0" in out  # attribution wherever the data are shown
    assert "Python" in out and "HOT" in out and "dbt" in out and "not listed" in out


def test_occupation_json(capsys):
    assert main(["occupation", "15-1252", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["soc_code"] == "15-1252.00" and doc["candidates"] == []
    assert doc["wages"]["median"] == 132270 and "Python" in doc["hot_technologies"]
    assert doc["skills"][0] == {"skill": "Programming", "importance": 4.0, "level": 4.75}
    assert "CC BY 4.0" in doc["attribution"]


def test_occupation_unknown_title_exits_2(capsys):
    assert main(["occupation", "xyzzy qwerty"]) == 2
    err = capsys.readouterr().err
    assert "no O*NET occupation" in err and "suggestion" in err


def test_occupation_with_a_full_release_folder(capsys):
    assert main(["occupation", "Application Developer", "--onet-dir",
                 str(LOCAL / "onet" / "release_old"), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["soc_code"] == "15-1132.00" and doc["wages"] == {}
