"""Shared test setup.

Real-world fixtures live outside the project, in ``../shared/fixtures`` (override with
``RESEARCH_KIT_FIXTURES``); tests that need them skip with a clear reason when absent.
Every test runs with its own cache dir and config dir, no contact and no offline flag, and
nothing in the suite touches the internet: network tests use a loopback server.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
FIXTURES = Path(os.environ.get("RESEARCH_KIT_FIXTURES") or PROJECT.parent / "shared" / "fixtures")
LOCAL = Path(__file__).resolve().parent / "data"
DEMO_ROOT = PROJECT / "research_kit" / "app" / "demo"


def fixture_path(*parts: str) -> Path:
    """Path to a real-world fixture, or skip the test saying where it was looked for."""
    path = FIXTURES.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real-world fixture {'/'.join(parts)} not found under {FIXTURES} "
                    "(put ../shared/fixtures beside the project or set RESEARCH_KIT_FIXTURES)")
    return path


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("RESEARCH_KIT_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("RESEARCH_KIT_CONTACT", raising=False)
    monkeypatch.delenv("RESEARCH_KIT_OFFLINE", raising=False)
    from research_kit.gateway import client as http

    old = http.set_gateway(None)
    yield
    gw = http.set_gateway(old)
    if gw is not None:
        gw.close()


@pytest.fixture
def make_gateway(tmp_path):
    """Build a Gateway with fast test settings over a private cache dir."""
    from research_kit.gateway.client import Gateway
    from research_kit.settings import load_settings

    made = []

    def make(**overrides):
        values = dict(cache_dir=tmp_path / "cache", default_requests_per_second=50.0,
                      backoff_base=0.01, connect_timeout=2.0, read_timeout=2.0,
                      contact="Test Runner test@example.com")
        values.update(overrides)
        gw = Gateway(load_settings(**values))
        made.append(gw)
        return gw

    yield make
    for gw in made:
        gw.close()


@pytest.fixture
def httpserver(httpserver):
    """pytest-httpserver, answering 404 (not 500) for paths without a handler — like a real
    site without a robots.txt."""
    httpserver.no_handler_status_code = 404
    return httpserver
