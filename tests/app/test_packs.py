"""Record online (loopback), pack, replay offline elsewhere: same bytes, same dates."""

import zipfile

import pytest
from werkzeug import Response as WResponse

from research_kit.app.create import create_workspace
from research_kit.app.packs import demo_records, export_pack, read_pack, replay_pack
from research_kit.errors import InputError, NotCachedError, WorkspaceError
from research_kit.gateway.client import Gateway
from research_kit.settings import load_settings
from research_kit.workbench.base import install_workspace_gateway
from research_kit.workspace import open_workspace


def test_pack_roundtrip(httpserver, tmp_path, monkeypatch):
    httpserver.expect_request("/about").respond_with_data("<h1>About Łódź</h1>",
                                                           content_type="text/html; charset=utf-8")
    httpserver.expect_request("/old").respond_with_response(
        WResponse("", status=301, headers={"Location": "/about"}))
    ws = create_workspace("Acme", directory=tmp_path / "home").workspace
    (ws.notes_dir / "me.yaml").write_text("name: Me\n")
    gateway = install_workspace_gateway(ws, default_requests_per_second=50.0,
                                        contact="T t@example.com")
    first = gateway.get(httpserver.url_for("/old"))
    assert ws.fetched_urls() == [httpserver.url_for("/old"), httpserver.url_for("/about")]

    info = export_pack(ws, tmp_path / "acme.zip", gateway=gateway)
    assert info.responses == 2 and info.missing == []
    names = zipfile.ZipFile(info.path).namelist()
    assert "workspace/target.toml" in names and "workspace/notes/me.yaml" in names

    httpserver.clear()
    replayed = replay_pack(info.path, tmp_path / "room")
    # another machine: the recording's cache is not there, only the pack (and whatever
    # RESEARCH_KIT_CACHE_DIR says, the replayed workspace reads its own cache)
    offline = Gateway(load_settings(replayed.path))
    assert offline.settings.offline
    assert offline.settings.cache_dir == (replayed.path / ".cache").resolve()
    again = offline.get(httpserver.url_for("/old"))
    assert again.content == first.content
    assert again.source.retrieved_at == first.source.retrieved_at
    assert "Łódź" in again.text
    with pytest.raises(NotCachedError):
        offline.get(httpserver.url_for("/elsewhere"))
    assert len(httpserver.log) == 0
    offline.close()


def test_replay_keeps_the_users_edits(tmp_path, httpserver):
    httpserver.expect_request("/x").respond_with_data("x")
    ws = create_workspace("Acme", directory=tmp_path / "home").workspace
    gateway = install_workspace_gateway(ws, default_requests_per_second=50.0)
    gateway.get(httpserver.url_for("/x"))
    pack = export_pack(ws, tmp_path / "p.zip", gateway=gateway).path
    first = replay_pack(pack, tmp_path / "room")
    (first.path / "target.toml").write_text('name = "Edited"\n')
    second = replay_pack(pack, tmp_path / "room")
    assert second.name == "Edited"


def test_bad_packs(tmp_path):
    (tmp_path / "not.zip").write_text("hello")
    with pytest.raises(InputError, match="not a research-kit pack"):
        read_pack(tmp_path / "not.zip")
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("pack.json", '{"format": "research-kit-pack", "responses": []}')
        zf.writestr("workspace/../../escape.txt", "x")
    with pytest.raises(InputError, match="unsafe path"):
        read_pack(evil)


def test_nothing_fetched_means_nothing_to_pack(tmp_path):
    ws = create_workspace("Acme", directory=tmp_path).workspace
    with pytest.raises(WorkspaceError, match="nothing to replay"):
        export_pack(ws, tmp_path / "p.zip")


def test_demo_records_are_fictional_and_well_formed():
    records = demo_records()
    if not records:
        pytest.skip("demo web files not written yet")
    for rec in records:
        assert rec["url"].startswith("https://")
        assert rec["status"] in (200, 301, 302, 404)


def test_pack_after_demo_carries_every_source_the_demo_used(tmp_path):
    """`research-kit demo` then `research-kit pack`: the ledger of fetched URLs is written
    by the gateway on every response it serves, cached or not, so a run served from the
    cache (the demo is offline) records its sources like any other."""
    from research_kit.app.demo import run_demo
    from research_kit.app.packs import export_pack, read_pack

    result = run_demo(tmp_path / "demo", progress=None)
    ws = open_workspace(result.workspace)
    assert len(ws.fetched_urls()) >= 10
    gateway = install_workspace_gateway(ws)
    info = export_pack(ws, tmp_path / "demo.zip", gateway=gateway)
    assert info.responses == len(ws.fetched_urls()) and not info.missing
    manifest, records, files = read_pack(tmp_path / "demo.zip")
    assert "target.toml" in files and len(records) == info.responses


def test_the_http_cache_stores_json_never_pickles(tmp_path):
    """What a pack or a shared cache folder carries is data: requests-cache's JSON
    serializer, so opening a cache file never unpickles anything."""
    import sqlite3

    from research_kit.app.demo import prepare_demo_workspace
    from research_kit.settings import load_settings

    folder = prepare_demo_workspace(tmp_path)
    cache_file = load_settings(folder).http_cache_path
    db = sqlite3.connect(cache_file)
    try:
        values = [row[0] for row in db.execute("SELECT value FROM responses")]
    finally:
        db.close()
    assert values
    for value in values:
        text = value.decode("utf-8") if isinstance(value, bytes) else value
        assert text.lstrip().startswith("{"), text[:40]
    gateway = Gateway(load_settings(folder))
    try:  # a working cache, offline
        assert gateway.get("https://www.brightwater-instruments.example/").status == 200
    finally:
        gateway.close()
