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


def test_my_evidence_in_target_toml_is_met_in_my_words(tmp_path):
    """[my_evidence]: the candidate's own words for a requirement the profile's words do
    not show; cited to target.toml (never the profile), and a phrase naming no requirement
    is said, with the closest one."""
    folder = prepare_demo_workspace(tmp_path)
    # longer than the brief's usual quote limit: the candidate's words still come first
    mine = ("Ran a Kinesis stream of 40,000 meter readings a second for the grid-monitoring "
            "pilot (2023), from the first sensor to the dashboards the utility's operators "
            "read every morning.")
    assert len(mine) > 160
    with (folder / "target.toml").open("a", encoding="utf-8") as toml:
        toml.write(f'\n[my_evidence]\n"streaming data (KAFKA or kinesis)" = "{mine}"\n'
                   '"sensor data experiance" = "Three years of smart-meter data."\n')
    research = open_research(folder)
    match = research.match()
    row = match[match["requirement"].str.startswith("Experience with streaming")].iloc[0]
    assert (row["status"], row["evidence"]) == ("met", mine)
    assert row["reason"] == "in your own words (target.toml, [my_evidence])"
    assert row["evidence_url"].endswith("target.toml")
    assert row["quotes"][1]["url"].endswith("alex-rivera-profile.pdf")  # the profile's too
    assert list(match["status"]).count("met") == 9  # the misspelt phrase changes nothing
    strengths = research.swot().query("quadrant == 'Strengths'")
    streaming = strengths[strengths["item"].str.startswith("Experience with streaming")]
    assert streaming.iloc[0]["source_url"].endswith("target.toml")
    weaknesses = research.swot().query("quadrant == 'Weaknesses'")
    assert list(weaknesses["prompt"]) == [
        "Every required item is shown in the profile, or in your own words ([my_evidence])."]
    cautions = research.cautions()
    assert any("“sensor data experiance” is not part of any requirement" in c and
               "Industrial IoT / sensor data experience" in c for c in cautions)
    star = research.star_table()
    streaming_star = star[star["requirement"].str.startswith("Experience with streaming")]
    assert streaming_star.iloc[0]["my_evidence"].startswith(mine[:40])  # the story starts there
    assert streaming_star.iloc[0]["evidence_url"].endswith("target.toml")
    requirement = next(r for r in research.brief_model().requirements
                       if r.requirement.startswith("Experience with streaming"))
    assert requirement.evidence == mine and requirement.status == "met"
    assert requirement.sources[0].url.endswith("target.toml")
    assert requirement.sources[0].title == "Your own words (target.toml)"
    assert requirement.sources[0].section == "streaming data (KAFKA or kinesis)"


def test_my_evidence_must_map_phrases_to_text():
    from research_kit.target_schema import check_target

    assert check_target({"my_evidence": {"Kafka": "Ran Kafka"}}) == []
    problems = check_target({"my_evidence": {"Kafka": 3}})
    assert problems and problems[0].startswith("[my_evidence] must map a phrase")
    # written above name = "…": TOML files the top-level keys under [my_evidence]
    assert check_target({"my_evidence": {"Kafka": "Ran Kafka", "job": "notes/p.html"}}) == [
        "[my_evidence] holds job: keys written after [my_evidence] belong to it; move "
        "[my_evidence] to the end of target.toml"]


def test_off_limits_questions_with_a_calm_redirect(tmp_path):
    """ADVICE: age, nationality, marital status, gender identity, race, disability,
    political preference, religion — each with one sentence back to the job, cited to
    research-kit's own advice with a fixed date (a re-run gives the same table)."""
    table = open_research(prepare_demo_workspace(tmp_path)).off_limits_questions()
    topics = " ".join(table["topic"]).lower()
    for word in ("age", "nationality", "marital", "gender", "race", "disability", "political",
                 "religion"):
        assert word in topics
    assert table["redirect"].str.len().min() > 20
    assert set(table["source_url"]) == {"research-kit:docs/advice.md"}
    assert set(table["retrieved_at"]) == {"2026-12-05"}
