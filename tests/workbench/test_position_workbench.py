"""The position steps of the workbench on the offline demo workspace."""

from __future__ import annotations

from research_kit.app.demo import prepare_demo_workspace
from research_kit.research.talking_points import compose_questions, compose_why_me
from research_kit.workbench.research import open_research
from research_kit.workbench.step import Missing


def test_position_steps_on_the_demo(tmp_path):
    research = open_research(prepare_demo_workspace(tmp_path))
    assert research.settings.offline
    assert "Senior Data Engineer" in str(research.job_summary())
    assert len(research.requirements()) == 10
    match = research.match()
    assert list(match["status"]).count("met") == 8
    swot = research.swot()
    assert {"Strengths", "Weaknesses", "Opportunities"} <= set(swot["quadrant"])
    assert len(research.swot_figure().quadrants) == 4
    assert len(research.likely_questions()) == 5
    assert research.star_table()["my_evidence"].iloc[0]
    findings = research.position_findings()
    why = compose_why_me(findings)
    assert why and why[0].text.startswith("You ask for \u201c5+ years building production")
    assert compose_questions(findings)[0].text.startswith("The posting says the role will")


def test_position_steps_without_a_posting(tmp_path):
    folder = prepare_demo_workspace(tmp_path)
    research = open_research(folder, job="")
    assert isinstance(research.job(), Missing)
    assert isinstance(research.match(), Missing) and not research.swot()
    assert "job posting" in research.missing
