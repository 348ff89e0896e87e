"""The company-source contract, checked for every registered source (like requests-cache's
backend tests): tables keep their columns even when empty, every row carries its source,
bad input raises our typed errors. A new source passes this suite by being registered and
given a real input below."""

from __future__ import annotations

import pytest
from conftest import DEMO_ROOT, fixture_path

from research_kit.errors import ResearchKitError
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.sources.company import ALL_COLUMNS, DESCRIPTION_FACT, CompanyTarget
from research_kit.sources.registry import company_sources_for, registered_sources

TABLES = ("facts", "annual_figures", "competitors", "press_releases", "passages")


def _demo_gateway(make_gateway):
    from research_kit.app.packs import demo_records

    gateway = make_gateway(offline=True)
    gateway.import_responses(demo_records())
    return gateway


def _targets(tmp_path):
    """One real input per registered source (the demo company's SEC filings and site; a
    real annual report PDF when the fixtures are present)."""
    targets = {
        "edgar": CompanyTarget("Brightwater Instruments, Inc.", ticker="BWTR"),
        "website": CompanyTarget("Brightwater Instruments",
                                 site="https://www.brightwater-instruments.example/"),
    }
    try:
        targets["annual_report"] = CompanyTarget(
            "Haaga-Helia", annual_report=fixture_path("reports",
                                                      "haaga-helia_annual_report_2022.pdf"))
    except pytest.skip.Exception:
        pass
    return targets


def test_every_registered_source_has_a_test_input(tmp_path):
    assert {e.key for e in registered_sources()} <= set(_targets(tmp_path)) | {"annual_report"}


@pytest.mark.parametrize("key", [e.key for e in registered_sources()])
def test_tables_keep_their_columns_and_cite_every_row(key, tmp_path, make_gateway):
    target = _targets(tmp_path).get(key)
    if target is None:
        pytest.skip(f"no input for {key} here (real-world fixtures absent)")
    [source] = [s for s in company_sources_for(target, _demo_gateway(make_gateway))
                if s.key == key]
    assert source.label and source.key == key
    for name in TABLES:
        table = getattr(source, name)()
        for column in ALL_COLUMNS[name]:
            assert column in table.columns, (key, name, column)
        if len(table):
            assert table["source_url"].notna().all(), (key, name)
            assert all(c in table.columns for c in SOURCE_COLUMNS)
    identity = source.identity()
    assert identity is None or identity.name


@pytest.mark.parametrize("key", [e.key for e in registered_sources()])
def test_bad_input_raises_our_typed_errors(key, tmp_path, make_gateway):
    not_a_pdf = tmp_path / "report.pdf"
    not_a_pdf.write_bytes(b"this is not a PDF at all")
    bad = {"edgar": CompanyTarget("Nobody", ticker="ZZZZQX"),
           "annual_report": CompanyTarget("Nobody", annual_report=not_a_pdf),
           "website": CompanyTarget("Nobody", site="https://nowhere.invalid/")}[key]
    [source] = [s for s in company_sources_for(bad, _demo_gateway(make_gateway)) if s.key == key]
    for name in ("identity", *TABLES):
        try:
            getattr(source, name)()
        except ResearchKitError:
            pass  # typed, with a message: what the brief prints as "not found"


def test_demo_sources_give_what_the_brief_needs(make_gateway):
    gateway = _demo_gateway(make_gateway)
    target = CompanyTarget("Brightwater Instruments, Inc.", ticker="BWTR",
                           site="https://www.brightwater-instruments.example/")
    sources = {s.key: s for s in company_sources_for(target, gateway)}
    assert list(sources) == ["edgar", "website"]
    assert sources["edgar"].identity().ids["cik"] == "0009999901"
    assert len(sources["edgar"].annual_figures()) > 20
    passages = sources["edgar"].passages()
    assert {"business", "results"} <= set(passages["kind"])
    facts = sources["website"].facts()
    assert facts.iloc[0]["fact"] == DESCRIPTION_FACT
    assert "water-quality sensors" in facts.iloc[0]["value"]
    assert DEMO_ROOT.is_dir()


# Sources that say what the company does in a facts() row; EDGAR's is the 10-K's Item 1
# (the workbench's business_overview step, which the snapshot reads first).
_DESCRIBING = {"website", "annual_report"}


@pytest.mark.parametrize("key", [e.key for e in registered_sources()])
def test_every_sources_description_reaches_the_brief(key, tmp_path, make_gateway):
    """One label for "what it does" across sources, and the snapshot reads it: the brief's
    summary is the source's own sentence, cited to it."""
    from research_kit.workbench.brief_builder import snapshot_for

    target = _targets(tmp_path).get(key)
    if target is None:
        pytest.skip(f"no input for {key} here (real-world fixtures absent)")
    [source] = [s for s in company_sources_for(target, _demo_gateway(make_gateway))
                if s.key == key]
    facts = source.facts()
    described = facts[facts["fact"] == DESCRIPTION_FACT]
    if key not in _DESCRIBING:
        assert described.empty
        return
    assert len(described), f"{key} gives no {DESCRIPTION_FACT!r} fact"
    row = described.iloc[0]
    summary = snapshot_for(facts=facts).summary
    assert summary is not None
    assert summary.text.split(" …")[0][:60] in " ".join(str(row["value"]).split())
    assert summary.sources[0].url == row["source_url"]
    title = "Annual report" if key == "annual_report" else "Company website"
    assert summary.sources[0].title == title
