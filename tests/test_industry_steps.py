"""The industry workbench steps (IndustrySteps mixin) on a workspace, over loopback."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from research_kit.research.steps_industry import IndustrySteps
from research_kit.research.workbench import Missing, ResearchBase
from research_kit.workspace import create_workspace

DEMO_FEED = (Path(__file__).resolve().parents[1] / "research_kit" / "demo" / "web"
             / "www.brightwater-instruments.example" / "newsroom" / "feed.xml")


class IndustryOnly(IndustrySteps, ResearchBase):
    """The industry steps alone: no company (EDGAR) or position steps in this workbench."""


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
