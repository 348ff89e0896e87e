"""What people see of the CLI: help with descriptions and examples, `sources`, `cache
import`, `new` again, `parse` of the wrong kind of file."""

from __future__ import annotations

import argparse
import json

import pytest
from conftest import fixture_path

from research_kit.cli import build_parser, main
from research_kit.cli._help import EXAMPLES


def _commands(parser, prefix=""):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix}{name}", sub
                yield from _commands(sub, f"{prefix}{name} ")


def test_every_command_has_a_description_and_an_example():
    commands = dict(_commands(build_parser()))
    assert {"new", "run", "brief", "demo", "sources", "cache", "note check"} <= set(commands)
    for name, sub in commands.items():
        text = sub.format_help()
        assert sub.description and sub.description in text, name
        assert "example:\n  research-kit " in text, f"{name} --help shows no example"
        assert name in EXAMPLES
    top = build_parser().format_help()
    assert "research-kit demo" in top and ".venv/bin/activate" in top


def test_sources_lists_web_and_files_with_dates_and_cache_state(tmp_path, capsys):
    from research_kit.app.demo import prepare_demo_workspace
    from research_kit.workbench.research import open_research

    folder = prepare_demo_workspace(tmp_path)
    open_research(folder).job()  # uses the posting's URL (served from the demo's cache)
    assert main(["sources", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "cached" in out and "https://boards-api.greenhouse.io/" in out
    assert "notes/alex-rivera-profile.pdf" in out
    assert main(["sources", str(folder), "--json"]) == 0
    used = json.loads(capsys.readouterr().out)
    web = [u for u in used if u["kind"] == "web"]
    assert web and all(u["cached"] and len(u["retrieved"]) == 10 for u in web)


def test_cache_import_serves_saved_pages_offline(tmp_path, capsys, monkeypatch):
    from research_kit.gateway.client import Gateway
    from research_kit.settings import load_settings

    saved = tmp_path / "saved"
    (saved / "pages").mkdir(parents=True)
    (saved / "pages" / "about.html").write_text("<h1>About Acme</h1><p>We make $5 widgets.</p>")
    (saved / "responses.jsonl").write_text(json.dumps({
        "url": "https://www.acme.example/about", "retrieved_at": "2026-03-02T09:00:00+00:00",
        "body": "pages/about.html"}) + "\n")
    assert main(["cache", "import", str(saved)]) == 0
    assert "imported 1 response(s)" in capsys.readouterr().out
    gateway = Gateway(load_settings(offline=True))
    try:
        response = gateway.get("https://www.acme.example/about")
        assert b"About Acme" in response.content
        assert response.source.retrieved_at.startswith("2026-03-02")
        assert response.content_type.startswith("text/html")
    finally:
        gateway.close()


def test_cache_import_names_the_bad_line(tmp_path, capsys):
    bad = tmp_path / "r.jsonl"
    bad.write_text('{"url": "https://a.example/", "body": "missing.html"}\n')
    assert main(["cache", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "r.jsonl, line 1" in err and "missing.html" in err


def test_new_again_says_what_it_kept(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "Acme Corp", "--ticker", "ACME"]) == 0
    capsys.readouterr()
    assert main(["new", "Acme Corp", "--ticker", "ACMX"]) == 0
    err = capsys.readouterr().err
    assert "ticker: kept 'ACME', you asked for 'ACMX'" in err and "--force" in err


def test_parse_annual_report_refuses_a_profile(capsys):
    profile = fixture_path("profiles", "linkedin")
    pdf = sorted(profile.glob("*.pdf"))[0]
    assert main(["parse", "annual-report", str(pdf)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "does not look like an annual report" in captured.err
    assert "parse profile" in captured.err


@pytest.mark.parametrize("name", ["haaga-helia_annual_report_2022.pdf",
                                  "microsoft_2023_annual_report.pdf"])
def test_parse_annual_report_still_reads_annual_reports(name, capsys):
    assert main(["parse", "annual-report", str(fixture_path("reports", name))]) == 0
    assert json.loads(capsys.readouterr().out)["pages"] > 1
