from pathlib import Path

import pytest

from research_kit.errors import ConfigError
from research_kit.settings import load_settings


def test_precedence_and_origins(tmp_path, monkeypatch):
    user = tmp_path / "user.toml"
    user.write_text('contact = "User File u@example.com"\nmax_retries = 2\n')
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "target.toml").write_text('name = "X"\n[settings]\nmax_retries = 1\ncache_dir = ".c"\n')
    monkeypatch.setenv("RESEARCH_KIT_CONTACT", "Env Person env@example.com")
    s = load_settings(ws, config_file=user, read_timeout=5)
    assert s.contact == "Env Person env@example.com"
    assert s.origins["contact"] == "RESEARCH_KIT_CONTACT"
    assert s.max_retries == 1 and "target.toml" in s.origins["max_retries"]
    # the workspace's own setting beats RESEARCH_KIT_CACHE_DIR, relative to the workspace
    assert s.cache_dir == (ws / ".c").resolve()
    assert s.read_timeout == 5 and s.origins["read_timeout"] == "argument"
    assert s.contact_email == "env@example.com"
    assert "env@example.com" in s.user_agent


def test_offline_env_values(monkeypatch):
    for raw, expected in [("1", True), ("true", True), ("0", False), ("no", False)]:
        monkeypatch.setenv("RESEARCH_KIT_OFFLINE", raw)
        assert load_settings().offline is expected
    monkeypatch.setenv("RESEARCH_KIT_OFFLINE", "maybe")
    with pytest.raises(ConfigError, match="RESEARCH_KIT_OFFLINE"):
        load_settings()


def test_bad_files_and_limits(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("contact = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(config_file=bad)
    unknown = tmp_path / "unknown.toml"
    unknown.write_text("colour = 'blue'\n")
    with pytest.raises(ConfigError, match="unknown setting"):
        load_settings(config_file=unknown)
    with pytest.raises(ConfigError, match="SEC fair-access"):
        load_settings(sec_requests_per_second=20)
    with pytest.raises(ConfigError, match="max_retries"):
        load_settings(max_retries=10)


def test_default_cache_dir_is_the_user_cache_dir(monkeypatch):
    monkeypatch.delenv("RESEARCH_KIT_CACHE_DIR")
    s = load_settings()
    assert "research-kit" in str(s.cache_dir)
    assert s.origins.get("cache_dir", "default") == "default"
    assert isinstance(s.cache_dir, Path)
