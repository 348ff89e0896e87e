import json
import tomllib

import pytest

from research_kit.app.create import create_workspace
from research_kit.errors import WorkspaceError
from research_kit.lexicon.text import slugify
from research_kit.workspace import open_workspace, to_toml


def test_slugify():
    assert slugify("Acme Corp, Inc.") == "acme-corp-inc"
    assert slugify("Łódź Zürich Tech") == "lodz-zurich-tech"
    assert slugify("Acme Corp, Inc.", default="company") == "acme-corp-inc"
    # names without Latin letters get distinct folders, never one shared "company/"
    assert slugify("日本", default="company").startswith("company-")
    assert slugify("北京科技", default="company") != slugify("東京エレクトロン", default="company")
    assert slugify("..", default="company") == slugify("..", default="company") != "company"


def test_toml_roundtrip_with_unicode_and_quotes():
    data = {"name": 'The "Best" Co — Łódź', "competitors": ["A", "B\\C"],
            "interviewers": [{"name": "Zoë", "notes": "line1\nline2"}], "settings": {"x": 1}}
    assert tomllib.loads(to_toml(data)) == data


def test_new_twice_keeps_the_users_edits(tmp_path):
    first = create_workspace("Acme Corp", ticker="ACME", interviewers=["Jane Roe"],
                             directory=tmp_path)
    ws = first.workspace
    assert ws.path.name == "acme-corp"
    assert ws.ticker == "ACME" and ws.interviewers == [{"name": "Jane Roe"}]
    nb = json.loads(ws.notebook_path.read_text())
    assert any("parameters" in c["metadata"].get("tags", []) for c in nb["cells"])
    assert all(c.get("outputs", []) == [] for c in nb["cells"])
    # the user edits both files and keeps notes
    ws.notebook_path.write_text(ws.notebook_path.read_text().replace("Interview research",
                                                                      "MY OWN TITLE"))
    (ws.path / "target.toml").write_text('name = "Acme Corp"\nticker = "ACMX"\n')
    (ws.notes_dir / "mine.md").write_text("my notes")

    again = create_workspace("Acme Corp", ticker="OTHER", directory=tmp_path)
    assert again.written == [] and len(again.kept) == 3
    assert "MY OWN TITLE" in ws.notebook_path.read_text()
    assert open_workspace(ws.path).ticker == "ACMX"
    assert (ws.notes_dir / "mine.md").read_text() == "my notes"

    forced = create_workspace("Acme Corp", ticker="NEW", directory=tmp_path, force=True)
    assert len(forced.backups) == 3
    backup_nb = next(p for p in forced.backups if p.suffix == ".ipynb")
    assert "MY OWN TITLE" in backup_nb.read_text()  # nothing lost
    assert open_workspace(ws.path).ticker == "NEW"
    assert (ws.notes_dir / "mine.md").read_text() == "my notes"


def test_open_workspace_errors(tmp_path):
    with pytest.raises(WorkspaceError, match="not a research-kit workspace") as info:
        open_workspace(tmp_path)
    assert "research-kit new" in info.value.suggestion
    (tmp_path / "target.toml").write_text("name = \n")
    with pytest.raises(WorkspaceError, match="not valid TOML"):
        open_workspace(tmp_path)
    with pytest.raises(WorkspaceError):
        create_workspace("   ", directory=tmp_path)


def test_sources_resolve_relative_to_the_workspace(tmp_path):
    ws = create_workspace("X", directory=tmp_path).workspace
    (ws.path / "target.toml").write_text(
        'name = "X"\njob = "postings/job.html"\nme = "https://example.com/me.yaml"\n')
    ws = open_workspace(ws.path)
    assert ws.job == str(ws.path / "postings" / "job.html")
    assert ws.me == "https://example.com/me.yaml"


def test_fetch_ledger(tmp_path):
    ws = create_workspace("X", directory=tmp_path).workspace
    for url in ["https://a.example/1", "https://a.example/2", "https://a.example/1"]:
        ws.record_fetch(url)
    assert open_workspace(ws.path).fetched_urls() == ["https://a.example/1", "https://a.example/2"]


def test_new_target_toml_shows_my_evidence_as_it_must_be_written(tmp_path):
    """The hint in a new target.toml, uncommented at the end as it says, is valid."""
    ws = create_workspace("Acme Corp", ticker="ACME", directory=tmp_path).workspace
    path = ws.path / "target.toml"
    text = path.read_text(encoding="utf-8")
    hint = [line[4:] for line in text.splitlines() if line.startswith("#   ")]
    assert hint[0] == "[my_evidence]"
    path.write_text(text + "\n" + "\n".join(hint) + "\n", encoding="utf-8")
    assert open_workspace(ws.path).get("my_evidence") == {
        "a phrase of the requirement": "what you did, with a number"}
