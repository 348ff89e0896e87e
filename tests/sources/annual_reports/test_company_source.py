"""The annual report PDF as a company source: the contract every source keeps (columns even
when empty, source columns on every row, typed errors) and what this one gives."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from conftest import fixture_path
from reports_support import ALL, HAAGA, MSFT, PMI, SHOE_19, SHOE_23, report

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.sources.annual_reports.company_source import PdfReportSource
from research_kit.sources.company import ALL_COLUMNS, CompanySource, CompanyTarget
from research_kit.sources.registry import company_sources_for

fixtures = pytest.mark.fixtures
FIGURE_EXTRA = ["value_as_printed", "currency", "scale", "period", "page", "quote",
                "prior_value_as_printed"]


def source_for(parts, name="Workspace name") -> PdfReportSource:
    source = PdfReportSource(CompanyTarget(name=name, annual_report=fixture_path(*parts)))
    source.__dict__["report"] = report(parts)  # read once per session
    return source


def assert_contract(source: CompanySource) -> None:
    """What every company source keeps (sources/company.py)."""
    for method, columns in ALL_COLUMNS.items():
        table = getattr(source, method)()
        assert isinstance(table, pd.DataFrame), method
        assert set(columns) <= set(table.columns), (method, columns, list(table.columns))
        if len(table):
            assert table["source_url"].notna().all() and table["section"].notna().all(), method
            assert table["retrieved_at"].notna().all(), method


@fixtures
@pytest.mark.parametrize("parts", ALL)
def test_the_company_source_contract(parts):
    source = source_for(parts)
    assert isinstance(source, CompanySource)
    assert_contract(source)
    figures = source.annual_figures()
    assert set(FIGURE_EXTRA + SOURCE_COLUMNS) <= set(figures.columns)
    assert set(figures["metric"]) == {"revenue", "operating_income", "net_income", "employees"}
    assert source.press_releases().empty and list(source.press_releases().columns)[:4] == [
        "date", "title", "summary", "url"]


@fixtures
def test_no_competitors_named_is_an_empty_table_with_its_columns():
    table = source_for(HAAGA).competitors()
    assert table.empty and {"name", "quote", *SOURCE_COLUMNS} <= set(table.columns)


@fixtures
def test_competitors_the_report_names_each_with_its_sentence():
    pmi = source_for(PMI).competitors()
    assert pmi["name"].tolist() == ["British American Tobacco plc", "Japan Tobacco Inc.",
                                    "Imperial Brands plc"]
    assert pmi["quote"].iloc[0].startswith("Competitors in our industry include") and \
        pmi["page"].iloc[0] == 14 and pmi["section"].iloc[0] == "Competition (p. 14)"
    msft = source_for(MSFT).competitors()
    names = set(msft["name"])
    assert {"Apple", "Google", "Amazon", "Oracle", "SAP", "Salesforce", "Nintendo", "Sony",
            "Snowflake", "VMware"} <= names
    assert not names & {"Office", "Microsoft", "OpenAI", "NVIDIA"}  # own products, partners
    row = msft[msft["name"] == "Salesforce"].iloc[0]
    assert row["quote"] == ("Dynamics competes with cloud-based and on-premises business solution "
                            "providers such as Oracle, Salesforce, and SAP.") and row["page"] == 19


@fixtures
def test_identity_is_the_name_the_report_prints_not_a_cover_line():
    assert source_for(MSFT).identity().name == "Microsoft Corporation"
    assert source_for(PMI).identity().name == "Philip Morris International Inc."
    assert source_for(HAAGA).identity().name == "Haaga-Helia University of Applied Sciences"
    shoe = source_for(SHOE_19).identity()  # not "Mufuw NEW“ Nupur Mohata" from the scan
    assert shoe.name == "Standard Shoe Sole and Mould (India) Limited"
    assert shoe.source.section == "name as printed in the report"


@fixtures
def test_profile_facts_are_verbatim_with_their_page():
    facts = source_for(MSFT).facts()
    what = facts[facts["fact"] == "what it does"].iloc[0]
    assert what["value"].startswith("Microsoft is a technology company whose mission is")
    assert what["page"] == 11 and what["section"] == "Embracing Our Future (p. 11)"
    assert facts[facts["fact"] == "founded"]["value"].tolist() == ["Founded in 1975"]
    employees = facts[facts["fact"] == "employees"].iloc[0]
    assert employees["value"] == "approximately 221,000 people (full-time) (As of June 30, 2023)"
    shoe = source_for(SHOE_23).facts()
    what = shoe[shoe["fact"] == "what it does"].iloc[0]
    assert what["value"].startswith("The company engaged in the business of Trading in footwear")
    assert shoe[shoe["fact"] == "registered office"]["value"].iloc[0].startswith("95, Park Street")
    haaga = source_for(HAAGA).facts()
    # no "Haaga-Helia is a …" sentence; the one calling it what its name says it is
    what = haaga[haaga["fact"] == "what it does"].iloc[0]
    assert what["value"] == ("Haaga-Helia appeals to applicants: in the autumn 2022 joint "
                             "application period, it was the most popular university of "
                             "applied sciences in Finland.")
    assert what["page"] == 4


def test_an_institution_is_described_by_the_kind_its_name_says():
    from research_kit.sources.annual_reports.profile import _kind_of

    kind = _kind_of("Haaga-Helia University of Applied Sciences")
    assert kind is not None
    assert kind.search("In 2022 it was the most popular university of applied sciences.")
    assert not kind.search("We are a popular university in Finland.")  # not its kind
    assert not kind.search("Students of the university of applied sciences sector grew.")
    assert _kind_of("Standard Shoe Sole and Mould (India) Limited") is None


@fixtures
def test_the_reports_description_is_the_briefs_summary():
    """The annual report's "what it does" reaches the snapshot (it used to be skipped: the
    brief looked for another label), cited to the report's page."""
    from research_kit.workbench.brief_builder import snapshot_for

    source = source_for(SHOE_23)
    snap = snapshot_for(facts=source.facts(), figures=source.annual_figures())
    assert snap.summary is not None
    assert snap.summary.text.startswith(
        "The company engaged in the business of Trading in footwear")
    [cited] = snap.summary.sources
    assert cited.title == "Annual report" and "(p. 62)" in (cited.section or "")


@fixtures
def test_the_reports_figure_tiles_agree_and_are_never_cut():
    """Operating and net profit are the same loss printed in two scales ("(31,44,166)" in
    Rs., "(31,441.66)" in Rs. '00): the tiles show one number, readably — and once: the
    net loss equal to the operating loss is not a second tile."""
    from research_kit.workbench.brief_builder import snapshot_for

    source = source_for(SHOE_23)
    values = [f.value for f in snapshot_for(figures=source.annual_figures()).figures]
    assert values[:2] == ["Rs. 1,060,937", "Rs. \u22123,144,166"]
    assert values.count("Rs. \u22123,144,166") == 1
    assert not any("(" in v or "…" in v or "'00" in v for v in values)
    haaga = [f.value for f in snapshot_for(figures=source_for(HAAGA).annual_figures()).figures]
    assert haaga[:3] == ["EUR 67.5 million", "EUR \u22122.9 million", "EUR \u22129.7 million"]


@fixtures
def test_warnings_say_what_could_not_be_read():
    warnings = source_for(HAAGA).warnings
    assert warnings[:2] == [
        "pages 13, 16–21: tables or charts are pictures, not text (only captions can be read)",
        "pages 14–15: no text layer (a picture, a blank page, or text drawn as shapes)"]


@fixtures
def test_the_registry_picks_the_pdf_and_resolves_it_in_the_workspace(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    shutil.copy(fixture_path(*HAAGA), notes / "report.pdf")  # a copy in a temporary workspace
    target = CompanyTarget(name="Haaga-Helia", annual_report="notes/report.pdf", workspace=tmp_path)
    sources = company_sources_for(target)
    assert [s.key for s in sources] == ["annual_report"]
    figures = sources[0].annual_figures()
    assert figures[figures["metric"] == "revenue"]["value"].iloc[0] == 67.5e6


def test_bad_input_raises_typed_errors(tmp_path):
    missing = PdfReportSource(CompanyTarget(name="X", annual_report=tmp_path / "nope.pdf"))
    with pytest.raises(errors.ParseError, match="cannot read"):
        missing.identity()
    page = tmp_path / "report.pdf"
    page.write_text("<html>not a pdf</html>")
    with pytest.raises(errors.ParseError, match="is not a PDF"):
        PdfReportSource(CompanyTarget(name="X", annual_report=page)).annual_figures()
