"""The industry workbench steps on a workspace, over loopback."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import DEMO_ROOT

from research_kit.app.create import create_workspace
from research_kit.workbench.step import Missing
from research_kit.workbench.steps.industry import IndustrySteps

DEMO_FEED = (DEMO_ROOT / "web"
             / "www.brightwater-instruments.example" / "newsroom" / "feed.xml")


class IndustryOnly(IndustrySteps):
    """The workbench up to the industry steps, on workspaces with no ticker or posting."""


class WithPosting(IndustryOnly):
    def job(self):
        return SimpleNamespace(title="Senior Data Engineer, Sensor Analytics Platform",
                               skills=["Python", "SQL", "Apache Spark", "Kafka", "dbt"])


def _workspace(tmp_path, **extra):
    return create_workspace("Brightwater Instruments", directory=tmp_path,
                            extra=extra).workspace


def test_news_step_discovers_the_newsroom_feed(tmp_path, httpserver, make_gateway):
    httpserver.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" '
        'href="/newsroom/feed.xml"></head><body>Brightwater</body></html>',
        content_type="text/html")
    httpserver.expect_request("/newsroom/feed.xml").respond_with_data(
        DEMO_FEED.read_bytes(), content_type="application/rss+xml")
    ws = _workspace(tmp_path, site=httpserver.url_for("/"),
                    feeds=[httpserver.url_for("/newsroom/feed.xml")])
    research = IndustryOnly(ws, gateway=make_gateway())
    news = research.news()
    assert len(news) == 4 and news.iloc[0]["title"].startswith("Brightwater Instruments Reports")
    assert research.news() is news  # memoised: one fetch per notebook run


def test_steps_without_their_inputs_say_what_is_missing(tmp_path, make_gateway):
    research = IndustryOnly(_workspace(tmp_path), gateway=make_gateway())
    for result in (research.peers(), research.competitors(), research.peer_chart(),
                   research.occupation(), research.skill_overlap(), research.news()):
        assert isinstance(result, Missing) and result.reason
    assert "ticker" in research.peers().suggestion
    assert research.industry_findings() == []


def test_occupation_steps_from_the_posting(tmp_path, make_gateway):
    research = WithPosting(_workspace(tmp_path), gateway=make_gateway())
    occ = research.occupation()
    assert occ.soc_code.startswith("15-12") and "CC BY 4.0" in str(occ)
    assert len(research.occupation_candidates()) == 5
    overlap = research.skill_overlap()
    assert {"Python", "dbt"} <= set(overlap["skill"])
    kinds = [f.kind for f in research.industry_findings()]
    assert "occupation_wage" in kinds and "hot_skill" in kinds
    override = WithPosting(_workspace(tmp_path / "b", job_title="Registered Nurse"),
                           gateway=make_gateway())
    assert override.occupation().soc_code == "29-1141.00"


def test_demo_workspace_industry_section_offline(tmp_path):
    """The whole industry section on the fictional demo company, from its offline cache."""
    import pytest

    from research_kit.app.demo import prepare_demo_workspace
    from research_kit.workbench.research import Research
    from research_kit.workspace import open_workspace

    research = Research(open_workspace(prepare_demo_workspace(tmp_path)))
    assert research.settings.offline
    table = research.peer_comparison().set_index("ticker")
    # docs/demo-company.md: FY2025 revenue 497.3 / 612.0 / 268.9 ($M), FYE Dec / Sep / Jun
    assert table.loc["BWTR", "revenue"] == 497.3e6 and table.loc["BWTR", "is_target"]
    assert table.loc["BWTR", "revenue_growth"] == pytest.approx(497.3 / 436.9 - 1)
    assert table.loc["CLRA", "revenue"] == 612.0e6
    assert table.loc["CLRA", "fiscal_year_end"] == "2025-09-30"
    assert table.loc["CLRA", "operating_margin"] == pytest.approx(71.8 / 612.0)
    assert table.loc["HRBS", "fiscal_year_end"] == "2025-06-30"
    comp = research.competitors().set_index("name")
    assert not comp.loc["Tidewater Metrics GmbH", "resolved"]  # private: kept, unresolved
    assert "10-K" in comp.loc["Tidewater Metrics GmbH", "origin"]
    assert "3823" in str(research.industry())
    news = research.news()
    results = news[news["title"].str.contains("Full Year 2025")].iloc[0]
    assert "sec.gov" in results["also_at"]  # the 8-K press release merged into the feed item
    assert research.occupation().soc_code.startswith("15-")
    kinds = {f.kind for f in research.industry_findings()}
    assert {"competitor_figure", "occupation_wage", "hot_skill"} <= kinds
    brief_competitors = {c.name: c for c in research.brief_model().competitors}
    assert brief_competitors["Clearline Analytics Corp"].figure == "FY2025 revenue $612.0 million"
    tidewater = brief_competitors["Tidewater Metrics GmbH"].summary
    assert tidewater == "not an SEC filer; your list; 10-K, Item 1"  # the item its quote is in
    for fig in (research.peer_chart(), research.growth_margin_chart()):
        assert fig.axes


class WithTenK(IndustryOnly):
    """A real fixture 10-K as the annual report; no competitor found by any origin."""

    def __init__(self, ws, report, **kw):
        super().__init__(ws, **kw)
        self.report = report

    def _ten_k(self):
        return self.report

    def company_source(self, name):
        return None

    def peers(self):
        import pandas as pd

        return SimpleNamespace(competitors=pd.DataFrame(columns=["name"]), notes=[
            "same-SIC peers (SIC 3711): EDGAR's company list is not in the offline cache"])


def _real_10k(name):
    from conftest import fixture_path

    from research_kit.sources.edgar.sections import split_10k

    return split_10k(fixture_path("edgar", "10k", name),
                     source=f"https://www.sec.gov/Archives/edgar/data/0/{name}")


@pytest.mark.fixtures
def test_no_competitors_says_what_the_10k_has(tmp_path, make_gateway):
    """Tesla's 10-K has a Competition section that names no company; Walmart's 2010 10-K has
    no Competition section at all: the brief says which, never a false "no section"."""
    tesla = WithTenK(_workspace(tmp_path), _real_10k("tsla-2024.htm"), gateway=make_gateway())
    assert tesla.competitors_named() == []
    assert tesla.no_competitors_reason() == (
        "The 10-K's Competition section names no companies (Item 1, Competition); add your "
        'own list in target.toml: competitors = ["…"]. No same-SIC peers: EDGAR\'s company '
        "list is not in the offline cache.")
    assert tesla.competition_source().section == "Item 1. BUSINESS — Competition"
    walmart = WithTenK(_workspace(tmp_path / "w"), _real_10k("wmt-2010.htm"),
                       gateway=make_gateway())
    assert walmart.no_competitors_reason().startswith(
        "The 10-K has no Competition section and names no competitor in Items 1, 1A or 7")
