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


_OTHER_POSTING = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Engineer",
 "hiringOrganization": {"@type": "Organization", "name": "Globex Corporation"},
 "description": "<p>Requirements</p><ul><li>3+ years of Python</li></ul>",
 "datePosted": "2026-11-01"}
</script></head><body></body></html>"""


def test_brief_asks_to_check_a_posting_from_another_company(tmp_path):
    folder = prepare_demo_workspace(tmp_path)
    assert open_research(folder).cautions() == []  # the demo's own posting
    (folder / "notes" / "other.html").write_text(_OTHER_POSTING, encoding="utf-8")
    research = open_research(folder, job="notes/other.html")
    cautions = research.cautions()
    assert len(cautions) == 1 and "Globex Corporation" in cautions[0]
    assert research.brief_model().header.cautions == tuple(cautions)


def test_a_board_with_several_postings_says_which_key_to_set(tmp_path):
    from research_kit.errors import PostingChoiceError
    from research_kit.workbench.steps import position

    folder = prepare_demo_workspace(tmp_path)
    research = open_research(folder)

    def several(*_args, **_kwargs):
        raise PostingChoiceError("board.json lists 2 postings; which one?",
                                 choices=[{"id": "a1", "title": "Data Engineer"},
                                          {"id": "b2", "title": "Analyst"}])

    import research_kit.sources.jobs as jobs
    original = jobs.load_job_posting
    jobs.load_job_posting = several
    try:
        missing = research.job()
    finally:
        jobs.load_job_posting = original
    assert isinstance(missing, Missing) and position  # the step module is the one tested
    assert missing.reason == ("board.json lists 2 postings: set job_id in target.toml to one "
                              "of a1 (Data Engineer), b2 (Analyst)")
    assert missing.suggestion == 'job_id = "a1"'
