"""`run` and `brief` tell the truth: what was not found and why, exit 3 when the core failed,
Ctrl-C is "interrupted" (130) with nothing half-written, one run per workspace at a time,
a worse run keeps the last good brief, user data is private, names cannot inject TOML,
target.toml is checked, files given to `new` are found where typed, global flags count."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from research_kit.cli import main
from research_kit.workspace import open_workspace

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
       b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def _new(tmp_path, *args) -> Path:
    assert main(["new", *args, "--dir", str(tmp_path / "ws")]) == 0
    return next(p for p in (tmp_path / "ws").iterdir() if p.is_dir())


def _settings(ws: Path, **values) -> None:
    text = (ws / "target.toml").read_text() + "\n[settings]\n" + "".join(
        f"{k} = {json.dumps(v)}\n" for k, v in values.items())
    (ws / "target.toml").write_text(text)


# -- the summary and the exit status ---------------------------------------------------

def test_every_source_failing_exits_3_and_says_why(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posting.png").write_bytes(PNG)
    ws = _new(tmp_path, "Acme", "--job", "posting.png",
              "--site", f"http://127.0.0.1:{_closed_port()}/")
    _settings(ws, max_retries=0, connect_timeout=1.0)
    capsys.readouterr()
    code = main(["brief", str(ws)])
    out, err = capsys.readouterr()
    assert code == 3, err
    assert "Traceback" not in err
    assert "not found (" in err and "job posting:" in err
    assert "127.0.0.1 refused the connection" in err and "looks offline" in err
    assert "robots.txt" not in err  # the network is to blame, not a robots.txt
    assert "the job posting named in target.toml could not be read" in err
    assert "none of the company sources in target.toml answered" in err
    assert (ws / "out" / "brief.pdf").exists()  # the brief is still written


def test_run_in_the_kernel_reports_the_same(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "posting.png").write_bytes(PNG)
    ws = _new(tmp_path, "Acme", "--job", "posting.png")
    capsys.readouterr()
    code = main(["run", str(ws)])
    out, err = capsys.readouterr()
    assert code == 3, err
    assert "job posting:" in err and "executed" in out and "Traceback" not in err


def test_global_offline_flag_reaches_every_command(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("RESEARCH_KIT_OFFLINE", raising=False)
    ws = _new(tmp_path, "Acme", "--site", f"http://127.0.0.1:{_closed_port()}/")
    _settings(ws, offline=False)  # the workspace says online: the flag still wins
    capsys.readouterr()
    start = time.monotonic()
    code = main(["--offline", "brief", str(ws)])
    err = capsys.readouterr().err
    assert time.monotonic() - start < 30
    assert "offline mode" in err and "refused" not in err, err
    assert code == 3
    for argv in (["--offline", "run", "x"], ["run", "x", "--offline"], ["--offline", "pack", "x", "-o", "y"],
                 ["company", "X", "--offline"], ["--debug", "brief", "x"], ["brief", "x", "--debug"]):
        from research_kit.cli import build_parser

        args = build_parser().parse_args(argv)
        assert getattr(args, "offline", False) or getattr(args, "debug", False), argv


# -- a worse run keeps the last good brief --------------------------------------------

def test_a_vanished_cache_is_reported_and_the_good_brief_kept(tmp_path, capsys, httpserver):
    page = ("<html><head><title>Acme</title></head><body><main><h1>About Acme</h1><p>"
            + "Acme builds water sensors for utilities in 14 countries. " * 20
            + "</p></main></body></html>")
    httpserver.expect_request("/").respond_with_data(page, content_type="text/html")
    ws = _new(tmp_path, "Acme", "--site", httpserver.url_for("/"))
    _settings(ws, default_requests_per_second=50.0)
    assert main(["brief", str(ws)]) == 0
    good = (ws / "out" / "brief.pdf").read_bytes()
    first = json.loads((ws / ".research-kit" / "last-run.json").read_text())
    assert first["company"] == "ok" and first["cache_rows"] >= 2

    cache = Path(os.environ["RESEARCH_KIT_CACHE_DIR"])
    shutil.rmtree(cache)  # the cache vanishes, and we are offline
    capsys.readouterr()
    code = main(["--offline", "brief", str(ws)])
    err = capsys.readouterr().err
    assert code == 3
    assert "worse than the last good one" in err and "is gone or empty" in err
    assert (ws / "out" / "brief.previous.pdf").read_bytes() == good
    # a second bad run does not replace the kept good brief with the bad one
    main(["--offline", "brief", str(ws)])
    assert (ws / "out" / "brief.previous.pdf").read_bytes() == good


# -- Ctrl-C and the lock ------------------------------------------------------------------

def _slow_notebook(ws: Path, seconds: int) -> None:
    nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "id": "a", "metadata": {"tags": ["parameters"]}, "outputs": [],
         "execution_count": None, "source": "workspace = '.'"},
        {"cell_type": "code", "id": "b", "metadata": {}, "outputs": [], "execution_count": None,
         "source": f"import time\ntime.sleep({seconds})"}]}
    (ws / "research.ipynb").write_text(json.dumps(nb))


@pytest.mark.slow
def test_ctrl_c_says_interrupted_exits_130_and_writes_nothing(tmp_path):
    ws = _new(tmp_path, "Acme")
    _slow_notebook(ws, 60)
    (ws / "out").mkdir(exist_ok=True)
    (ws / "out" / "brief.pdf").write_bytes(b"%PDF the good one")
    proc = subprocess.Popen([sys.executable, "-m", "research_kit", "run", str(ws)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = ""
    deadline = time.monotonic() + 60
    while "[ 2/" not in line and time.monotonic() < deadline:
        line = proc.stderr.readline()
    time.sleep(1.0)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "research-kit: interrupted" in err and "Traceback" not in err
    assert "kernel failed" not in err and "AssertionError" not in err
    assert not (ws / "out" / "research.executed.ipynb").exists()
    assert (ws / "out" / "brief.pdf").read_bytes() == b"%PDF the good one"
    assert not list((ws / "out").glob("*.part"))


def test_a_second_run_on_the_same_workspace_is_refused(tmp_path, capsys):
    ws = _new(tmp_path, "Acme")
    capsys.readouterr()
    with open_workspace(ws).lock("research-kit run"):
        code = main(["brief", str(ws)])
        err = capsys.readouterr().err
        assert code == 2
        assert "another research-kit run is using" in err and "pid" in err
        code = main(["run", str(ws)])
        assert code == 2 and "another research-kit run" in capsys.readouterr().err
    assert main(["brief", str(ws)]) in (0, 3)  # free again


# -- private files, escaped names -------------------------------------------------------

def test_user_data_is_private(tmp_path, capsys):
    ws = _new(tmp_path, "Acme", "--interviewer", "Dana Okafor")
    assert stat.S_IMODE(ws.stat().st_mode) == 0o700
    assert stat.S_IMODE((ws / "notes").stat().st_mode) == 0o700
    assert stat.S_IMODE((ws / "target.toml").stat().st_mode) == 0o600
    main(["brief", str(ws)])
    for name in ("brief.pdf", "brief.html"):
        assert stat.S_IMODE((ws / "out" / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((ws / "out").stat().st_mode) == 0o700
    assert stat.S_IMODE((ws / ".research-kit" / "last-run.json").stat().st_mode) == 0o600


def test_a_company_name_cannot_add_keys_to_target_toml(tmp_path):
    name = 'Acme\nsite = "https://evil.example/"\n#'
    ws = _new(tmp_path, name)
    target = tomllib.loads((ws / "target.toml").read_text())
    assert target["name"] == name and "site" not in target
    ws2 = _new(tmp_path / "b", 'Q"uote\\d \x7f\x1b[31m')
    assert tomllib.loads((ws2 / "target.toml").read_text())["name"] == 'Q"uote\\d \x7f\x1b[31m'


def test_a_batch_row_cannot_add_keys_either(tmp_path):
    from research_kit.app.batch import run_batch

    csv = tmp_path / "targets.csv"
    csv.write_text('name,ticker,status\n"Evil\nsite = ""https://evil.example/""\n#",,idea\n',
                   encoding="utf-8")
    rows = run_batch(csv, directory=tmp_path / "ws", workers=1, notebooks=False, progress=None)
    assert rows[0].status == "ok", rows[0].reason
    target = tomllib.loads((Path(rows[0].workspace) / "target.toml").read_text())
    assert "site" not in target and target["name"].startswith("Evil\n")


# -- target.toml checked ----------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ('name = "Acme"\ntickr = "ACME"\n', "unknown key 'tickr' (did you mean 'ticker'?)"),
    ('nam = "Acme"\n', "unknown key 'nam' (did you mean 'name'?)"),
    ('name = "Acme"\nticker = 1234\n', 'ticker must be text: ticker = "1234"'),
    ('name = "Acme"\ninterviewers = "Dana"\n', "interviewers must be [[interviewers]] tables"),
    ('name = "Acme"\n[[interviewers]]\nnmae = "Dana"\n', "unknown key 'nmae' in [[interviewers]] #1 (did you mean 'name'?)"),
    ('name = "Acme"\ncompetitors = 3\n', "competitors must be text or a list of texts"),
    ('name = "Acme"\npaper = "A3"\n', 'paper must be "letter" or "a4"'),
    ('name = "Acme"\n[outreach]\nlimit = "two hundred"\n', "[outreach]: limit must be a positive whole number"),
])
def test_target_toml_is_checked(tmp_path, capsys, text, message):
    ws = _new(tmp_path, "Acme")
    (ws / "target.toml").write_text(text)
    capsys.readouterr()
    for command in (["brief", str(ws)], ["run", str(ws)], ["pack", str(ws), "-o", str(tmp_path / "p.zip")]):
        assert main(command) == 2
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and "AttributeError" not in err, err


def test_missing_files_are_named(tmp_path, capsys):
    ws = _new(tmp_path, "Acme")
    (ws / "target.toml").write_text('name = "Acme"\nme = "notes/cv.pdf"\n[[interviewers]]\n'
                                    'name = "Dana"\nprofile = "notes/dana.pdf"\n')
    capsys.readouterr()
    assert main(["run", str(ws)]) == 2
    err = capsys.readouterr().err
    assert "me = 'notes/cv.pdf': no such file" in err
    assert "[[interviewers]] #1 profile = 'notes/dana.pdf': no such file" in err


def test_new_finds_files_where_they_were_typed_and_copies_them(tmp_path, capsys, monkeypatch):
    downloads = tmp_path / "dl"
    downloads.mkdir()
    (downloads / "Profile.pdf").write_bytes(b"%PDF-1.4 me")
    monkeypatch.chdir(downloads)
    capsys.readouterr()
    assert main(["new", "Acme", "--me", "Profile.pdf", "--dir", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    ws = tmp_path / "ws" / "acme"
    assert f"copied  {downloads / 'Profile.pdf'} -> {ws / 'notes' / 'Profile.pdf'}" in out
    assert tomllib.loads((ws / "target.toml").read_text())["me"] == "notes/Profile.pdf"
    assert (ws / "notes" / "Profile.pdf").read_bytes() == b"%PDF-1.4 me"
    assert open_workspace(ws).me == str(ws / "notes" / "Profile.pdf")

    assert main(["new", "Beta", "--me", "nope.pdf", "--dir", str(tmp_path / "ws")]) == 2
    err = capsys.readouterr().err
    assert "me: no such file 'nope.pdf'" in err and str(downloads / "nope.pdf") in err
