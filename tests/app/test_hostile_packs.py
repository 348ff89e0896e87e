"""Packs are untrusted input: one test per hostile kind.

Every hostile pack ends in a typed error (exit 2, one line, no traceback) or is replayed
with its dangerous parts left out — and in every case nothing is written outside --out,
no code from the pack runs, and the replay stays offline with its cache inside --out.
"""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest

from research_kit.app import pack_reader
from research_kit.app.packs import PACK_NOTEBOOK, read_pack, replay_pack
from research_kit.cli import main
from research_kit.errors import InputError, WorkspaceError
from research_kit.settings import load_settings

GOOD_TARGET = 'name = "Evil Co"\n'


def _manifest(**changes) -> dict:
    manifest = {"format": "research-kit-pack", "version": 1, "workspace": "evil-co",
                "created": "2026-11-20T09:00:00+00:00",
                "responses": [{"url": "https://evil.example/", "status": 200,
                               "headers": {"Content-Type": "text/html"},
                               "retrieved_at": "2026-11-20T09:00:00+00:00",
                               "body": "bodies/000001.bin"}]}
    manifest.update(changes)
    return manifest


def _pack(path: Path, manifest=None, files=None, raw_manifest: bytes | None = None,
          extra: dict | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bodies/000001.bin", b"<html><body>Evil Co</body></html>")
        for name, content in (files if files is not None else {"target.toml": GOOD_TARGET}).items():
            zf.writestr("workspace/" + name, content)
        for name, content in (extra or {}).items():
            zf.writestr(name, content)
        zf.writestr("pack.json", raw_manifest if raw_manifest is not None
                    else json.dumps(manifest if manifest is not None else _manifest()))
    return path


@pytest.fixture
def room(tmp_path):
    """tmp_path/room/out is --out; everything else under tmp_path must stay as it was."""
    out = tmp_path / "room" / "out"
    out.mkdir(parents=True)
    neighbour = tmp_path / "room" / "other-workspace"
    neighbour.mkdir()
    (neighbour / "target.toml").write_text('name = "Mine"\n')
    (neighbour / "out").mkdir()
    (neighbour / "out" / "brief.pdf").write_bytes(b"%PDF my brief")
    return out


def _outside(tmp_path: Path, out: Path) -> dict[str, bytes]:
    """Every file under tmp_path that is not under --out (or the pack files themselves)."""
    return {str(p): p.read_bytes() for p in sorted(tmp_path.rglob("*"))
            if p.is_file() and not p.is_relative_to(out) and p.suffix != ".zip"}


def _cli_refuses(pack: Path, out: Path, capsys, match: str) -> str:
    code = main(["demo", "--pack", str(pack), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.startswith("research-kit: error: ")
    assert match in err, err
    return err


# -- paths ----------------------------------------------------------------------------

@pytest.mark.parametrize("member", ["workspace/../../escape.txt", "/etc/escape.txt",
                                    "workspace/notes/../../../escape.txt", "C:/escape.txt",
                                    "workspace\\..\\..\\escape.txt"])
def test_zip_slip(tmp_path, room, capsys, member):
    before = _outside(tmp_path, room)
    pack = _pack(tmp_path / "slip.zip", extra={member: b"owned"})
    _cli_refuses(pack, room, capsys, "unsafe path")
    assert _outside(tmp_path, room) == before and not list(room.iterdir())


def test_nul_in_a_name_is_cut_by_zipfile_and_the_rest_left_out(tmp_path, room):
    before = _outside(tmp_path, room)
    pack = _pack(tmp_path / "nul.zip", extra={"workspace/notes/a\x00/../../../x.txt": b"owned"})
    assert "notes/a" in read_pack(pack).skipped  # zipfile stops a name at NUL
    replay_pack(pack, room)
    assert _outside(tmp_path, room) == before


@pytest.mark.parametrize("name", ["..", ".", "../other-workspace", "/tmp/x", "a/b", "a\\b",
                                  "x\x00y", "\n", "." * 3, "a" * 101, 7, ["x"]])
def test_workspace_name_that_is_not_a_folder_name(tmp_path, room, capsys, name):
    before = _outside(tmp_path, room)
    pack = _pack(tmp_path / "name.zip", manifest=_manifest(workspace=name))
    _cli_refuses(pack, room, capsys, "not a plain folder name")
    assert _outside(tmp_path, room) == before


def test_symlink_in_the_zip(tmp_path, room, capsys):
    pack = tmp_path / "link.zip"
    _pack(pack)
    with zipfile.ZipFile(pack, "a") as zf:
        info = zipfile.ZipInfo("workspace/notes/link.pdf")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    _cli_refuses(pack, room, capsys, "symbolic link")


def test_destination_through_a_symlink(tmp_path, room):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (room / "evil-co").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(WorkspaceError, match="symbolic link"):
        replay_pack(_pack(tmp_path / "p.zip"), room)
    assert list(elsewhere.iterdir()) == []


def test_an_existing_symlink_inside_is_never_written_through(tmp_path, room):
    outside = tmp_path / "victim.txt"
    outside.write_text("untouched")
    (room / "evil-co" / "notes").mkdir(parents=True)
    (room / "evil-co" / "notes" / "cv.txt").symlink_to(outside)
    replay_pack(_pack(tmp_path / "p.zip", files={"target.toml": GOOD_TARGET,
                                                 "notes/cv.txt": "overwrite!"}), room)
    assert outside.read_text() == "untouched"


def test_target_naming_files_outside_the_workspace(tmp_path, room, capsys):
    for key, value in (("me", "/home/user/.ssh/id_rsa"), ("job", "../../secret.txt"),
                       ("annual_report", "~/report.pdf")):
        pack = _pack(tmp_path / f"{key}.zip", files={"target.toml": f'name = "E"\n{key} = "{value}"\n'})
        _cli_refuses(pack, room, capsys, "outside the workspace")
    interviewer = 'name = "E"\n[[interviewers]]\nname = "Dana"\nprofile = "/etc/passwd"\n'
    _cli_refuses(_pack(tmp_path / "i.zip", files={"target.toml": interviewer}), room, capsys,
                 "outside the workspace")


# -- settings ---------------------------------------------------------------------------

def test_absolute_cache_dir_in_the_packs_target(tmp_path, room, capsys):
    evil_cache = tmp_path / "evil-cache"
    target = f'name = "E"\n[settings]\ncache_dir = "{evil_cache}"\n'
    _cli_refuses(_pack(tmp_path / "c.zip", files={"target.toml": target}), room, capsys, "cache_dir")
    assert not evil_cache.exists()


def test_settings_that_turn_offline_off(tmp_path, room, capsys):
    target = 'name = "E"\n[settings]\noffline = false\n'
    _cli_refuses(_pack(tmp_path / "o.zip", files={"target.toml": target}), room, capsys, "offline")


def test_a_packs_own_research_kit_toml_and_cache_are_left_out(tmp_path, room):
    evil_cache = tmp_path / "evil-cache"
    files = {"target.toml": GOOD_TARGET,
             "research-kit.toml": f'offline = false\ncache_dir = "{evil_cache}"\n',
             ".cache/http-responses.sqlite": b"SQLite format 3\x00 pickled code",
             "evil.py": "import os; os.system('touch /tmp/owned')",
             "ipython_kernel_config.json": '{"InteractiveShellApp": {"exec_lines": ["1/0"]}}',
             "notes/helper.py": "print('owned')", "notes/.hidden.pdf": b"%PDF"}
    before = _outside(tmp_path, room)
    ws = replay_pack(_pack(tmp_path / "s.zip", files=files), room)
    settings = load_settings(ws.path)
    assert settings.offline and settings.cache_dir == (ws.path / ".cache").resolve()
    assert sorted(p.name for p in ws.path.iterdir()) == sorted(
        [".cache", "follow-up.ipynb", "research-kit.toml", "research.ipynb", "target.toml"])
    assert not (ws.path / "notes" / "helper.py").exists()
    assert (ws.path / "research-kit.toml").read_text().count("offline = true") == 1
    assert _outside(tmp_path, room) == before and not evil_cache.exists()
    assert sorted(read_pack(tmp_path / "s.zip").skipped) == sorted([".cache/http-responses.sqlite", "evil.py",
                                      "ipython_kernel_config.json", "notes/.hidden.pdf",
                                      "notes/helper.py", "research-kit.toml"])


def test_environment_offline_is_not_undone_by_a_workspace(tmp_path, monkeypatch):
    (tmp_path / "target.toml").write_text('name = "E"\n[settings]\noffline = false\n')
    monkeypatch.setenv("RESEARCH_KIT_OFFLINE", "1")
    assert load_settings(tmp_path).offline


# -- bombs and floods -----------------------------------------------------------------

def test_zip_bomb_ratio(tmp_path, room, capsys):
    pack = tmp_path / "bomb.zip"
    _pack(pack)
    with zipfile.ZipFile(pack, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("workspace/notes/bomb.txt", b"\0" * (40 * 1024 * 1024))
    assert pack.stat().st_size < 200_000
    _cli_refuses(pack, room, capsys, "zip bomb")


def test_total_expanded_size_is_capped(tmp_path, room, capsys, monkeypatch):
    monkeypatch.setattr(pack_reader, "MAX_TOTAL_BYTES", 3 * 1024 * 1024)
    pack = tmp_path / "big.zip"
    _pack(pack, files={"target.toml": GOOD_TARGET,
                       **{f"notes/n{i}.txt": os.urandom(1024 * 1024) for i in range(4)}})
    with pytest.raises(InputError, match="unpacks to more than 3 MB"):
        read_pack(pack)


def test_too_many_entries(tmp_path, monkeypatch):
    monkeypatch.setattr(pack_reader, "MAX_ENTRIES", 10)
    pack = _pack(tmp_path / "many.zip", files={f"notes/{i}.txt": "x" for i in range(20)})
    with pytest.raises(InputError, match="holds 22 files"):
        read_pack(pack)


# -- malformed ---------------------------------------------------------------------------

MALFORMED = {
    "no pack.json": dict(raw_manifest=None, drop_manifest=True),
    "not JSON": dict(raw_manifest=b"{not json"),
    "JSON nested 100,000 deep": dict(raw_manifest=b"[" * 100_000 + b"]" * 100_000),
    "a list": dict(raw_manifest=b"[]"),
    "another format": dict(manifest=_manifest(format="zip")),
    "version 2": dict(manifest=_manifest(version=2)),
    "responses not a list": dict(manifest=_manifest(responses={"a": 1})),
    "a response not an object": dict(manifest=_manifest(responses=["x"])),
    "file URL": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "url": "file:///etc/passwd"}])),
    "javascript URL": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "url": "javascript:alert(1)"}])),
    "status as text": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "status": "200"}])),
    "status 99999": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "status": 99999}])),
    "headers a list": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "headers": ["a"]}])),
    "header injection": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "headers": {"X": "a\r\nSet-Cookie: x"}}])),
    "date not a date": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "retrieved_at": "yesterday"}])),
    "body missing": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "body": "bodies/nope.bin"}])),
    "body outside bodies/": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "body": "pack.json"}])),
    "body not text": dict(manifest=_manifest(responses=[{**_manifest()["responses"][0], "body": 12}])),
    "mtimes not times": dict(manifest=_manifest(file_mtimes={"target.toml": "noon"})),
    "mtimes infinite": dict(manifest=_manifest(file_mtimes={"target.toml": 1e309})),
    "target.toml not TOML": dict(files={"target.toml": "name = [unclosed"}),
    "target.toml not UTF-8": dict(files={"target.toml": b"name = \"\xff\xfe\""}),
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_malformed_manifests_are_typed_errors(tmp_path, room, capsys, kind):
    spec = dict(MALFORMED[kind])
    pack = tmp_path / "bad.zip"
    if spec.pop("drop_manifest", False):
        with zipfile.ZipFile(pack, "w") as zf:
            zf.writestr("workspace/target.toml", GOOD_TARGET)
    else:
        _pack(pack, **spec)
    before = _outside(tmp_path, room)
    _cli_refuses(pack, room, capsys, "pack")
    assert _outside(tmp_path, room) == before and not list(room.iterdir())


@pytest.mark.parametrize("damage", ["truncated", "empty", "garbage", "crc", "folder"])
def test_damaged_zip_files(tmp_path, room, capsys, damage):
    pack = _pack(tmp_path / "d.zip")
    data = pack.read_bytes()
    if damage == "truncated":
        pack.write_bytes(data[: len(data) // 2])
    elif damage == "empty":
        pack.write_bytes(b"")
    elif damage == "garbage":
        pack.write_bytes(os.urandom(5000))
    elif damage == "crc":
        at = data.index(b"<html>") if b"<html>" in data else 40
        pack.write_bytes(data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1:])
    else:
        pack.unlink()
        pack.mkdir()
    _cli_refuses(pack, room, capsys, "pack")


# -- code -------------------------------------------------------------------------------

def _notebook_with_code(marker: Path) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": None, "outputs": [],
         "source": f"open({str(marker)!r}, 'w').write('code from the pack ran')\n"
                   "import research_kit as rk\nrk.open_research('.').write_brief()"},
        {"cell_type": "markdown", "id": "m1", "metadata": {"tags": ["brief"]},
         "source": "**Point from the pack's author**"}]})


@pytest.mark.slow
def test_a_notebook_carrying_code_runs_only_when_trusted(tmp_path, room):
    from research_kit.app.demo import run_demo

    marker = tmp_path / "PWNED"
    pack = _pack(tmp_path / "nb.zip", files={"target.toml": GOOD_TARGET,
                                             "research.ipynb": _notebook_with_code(marker)})
    before = _outside(tmp_path, room)
    result = run_demo(room, pack=str(pack), progress=None)
    assert not marker.exists()  # the installed template ran, not the pack's code
    assert "Point from the pack" in result.html.read_text(encoding="utf-8")
    assert (result.workspace / PACK_NOTEBOOK).exists()
    assert _outside(tmp_path, room) == before

    run_demo(room, pack=str(pack), trust_notebook=True, progress=None)
    assert marker.read_text() == "code from the pack ran"


def test_trust_notebook_is_explained_in_help(capsys):
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--trust-notebook" in text and "only for packs from people you trust" in text
    assert "the pack's own notebook is not run" in text
