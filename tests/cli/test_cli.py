import subprocess
import sys

from research_kit.cli import main


def test_version(capsys):
    try:
        main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert "research-kit" in capsys.readouterr().out


def test_ordinary_mistake_is_one_line_and_exit_2(tmp_path, capsys):
    code = main(["run", str(tmp_path / "nope")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("research-kit: error:")
    assert "suggestion:" in err and "Traceback" not in err


def test_debug_shows_traceback(tmp_path, capsys):
    assert main(["--debug", "run", str(tmp_path / "nope")]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_config_names_origins(monkeypatch, capsys):
    monkeypatch.setenv("RESEARCH_KIT_CONTACT", "Jane Doe jane@example.com")
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "jane@example.com" in out and "RESEARCH_KIT_CONTACT" in out


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "research_kit", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("new", "run", "brief", "demo", "pack", "config", "cache", "parse"):
        assert command in out
