"""Match, SWOT, questions and STAR table on the demo posting and small YAML profiles."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from conftest import DEMO_ROOT

from research_kit.provenance import SOURCE_COLUMNS, Source
from research_kit.research.position import (
    MATCH_COLUMNS,
    likely_questions,
    match_requirements,
    star_table,
    swot,
    swot_figure,
)
from research_kit.research.position.matching import Matcher
from research_kit.sources.jobs import load_job_posting, parse_job_content
from research_kit.sources.profiles import load_profile

DEMO = DEMO_ROOT
DEMO_JOB = DEMO / "web/boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345"


@pytest.fixture(scope="module")
def job():
    return load_job_posting(str(DEMO_JOB))


@pytest.fixture(scope="module")
def alex():
    return load_profile(str(DEMO / "files" / "alex-rivera-profile.pdf"))


def test_demo_match(job, alex):
    table = match_requirements(job, alex)
    assert list(table.columns[:len(MATCH_COLUMNS)]) == MATCH_COLUMNS
    assert all(c in table.columns for c in SOURCE_COLUMNS)
    status = dict(zip(zip(table["kind"], table["rank"]), table["status"]))
    assert status == {("required", 1): "met", ("required", 2): "met", ("required", 3): "met",
                      ("required", 4): "partly met", ("required", 5): "met",
                      ("required", 6): "met", ("preferred", 1): "met",
                      ("preferred", 2): "unknown", ("preferred", 3): "met",
                      ("preferred", 4): "met"}
    row = table.iloc[3]
    assert "IoT" in " ".join(row["missing"]) and "Kafka" in row["evidence"]
    first = table.iloc[0]
    assert first["years_asked"] == 5 and first["years_found"] >= 8
    assert first["evidence_source"] == "Experience · Data Engineer at Cascadia Grid Analytics, p. 1"
    assert first["evidence_url"].endswith("alex-rivera-profile.pdf") and first["evidence_page"] == 1
    assert first["evidence_role"] == "Data Engineer at Cascadia Grid Analytics"
    degree = table.iloc[4]
    assert degree["degree_met"] and degree["evidence"] == "B.S., Computer Science · (2013 - 2017)"
    assert table.iloc[8]["certification_met"]
    assert table.iloc[7]["evidence"] == ""  # nothing invented for an unmet requirement
    assert table["source_url"].iloc[0].endswith("4012345")


def _profile(yaml_text: str):
    return load_profile(yaml_text)


@pytest.mark.parametrize("requirement, evidence", [
    ("Strong JS skills", "Built the checkout in JavaScript and React"),
    ("Experience selling B2B software", "Sold business-to-business subscriptions to utilities"),
    ("PM experience on hardware launches", "Project management for three device launches"),
    ("Experience with ML models in production", "Shipped machine learning models for pricing"),
    ("Kubernetes", "Ran K8s clusters for 40 services"),
])
def test_synonyms_and_abbreviations(requirement, evidence):
    profile = _profile(f"name: Test\nsummary: {evidence}\n")
    result = Matcher(profile).match(requirement)
    assert result.status in ("met", "partly met"), (requirement, result)
    assert result.evidence and result.evidence[0].text == evidence


def test_unrelated_line_is_not_evidence():
    profile = _profile("name: Test\nsummary: Organised the office party and the bake sale\n")
    result = Matcher(profile).match("Experience with Snowflake, BigQuery or Redshift")
    assert result.status == "unknown" and result.evidence == []
    assert "does not mention" in result.reason


def test_alternatives_need_only_one():
    profile = _profile("name: Test\nskills: [Redshift]\n")
    assert Matcher(profile).match("Snowflake, BigQuery or Redshift").status == "met"
    both = Matcher(profile).match("Snowflake and Redshift")
    assert both.status == "partly met" and both.missing == ["Snowflake"]


def test_swot_demo(job, alex):
    table = swot(job, alex)
    assert set(table["quadrant"]) == {"Strengths", "Weaknesses", "Opportunities", "Threats"}
    # Portland, hybrid, degree held, 9 years: nothing threatens, and the quadrant says why
    threats = table[table["quadrant"] == "Threats"]
    assert list(threats["basis"]) == ["missing"] and "No competitors" in threats.iloc[0]["prompt"]
    strengths = table[table["quadrant"] == "Strengths"]
    first = strengths[strengths["item"] == "5+ years building production data pipelines in "
                                           "Python and SQL"].iloc[0]
    # a strength is the candidate's own line, cited to the profile file (not the posting)
    assert first["source_url"].endswith("alex-rivera-profile.pdf")
    assert first["section"].startswith("Experience · Data Engineer at Cascadia Grid Analytics")
    assert first["evidence"].startswith("“Build and run batch and streaming pipelines")
    weak = table[table["quadrant"] == "Weaknesses"]
    streaming = weak[weak["item"].str.contains("streaming data")].iloc[0]
    assert streaming["item"].startswith("Only partly shown: experience with streaming data")
    assert "no evidence yet of time-series/IoT data" in streaming["evidence"]
    assert streaming["prompt"].startswith("How I will overcome this")
    assert streaming["source_url"].endswith("4012345")
    opportunities = table[table["quadrant"] == "Opportunities"]
    learning = opportunities[opportunities["item"].str.contains("learning budget")].iloc[0]
    assert learning["basis"] == "posting" and learning["source_url"].endswith("4012345")
    assert list(table["quadrant"]) == sorted(table["quadrant"], key=[
        "Strengths", "Weaknesses", "Opportunities", "Threats"].index)
    assert all(c in table.columns for c in SOURCE_COLUMNS)


def test_swot_threats_degree_location_seniority_language():
    posting = parse_job_content(
        "Junior Data Analyst\nAcme · Boston, MA\n\nRequirements:\n"
        "• Bachelor's degree in Statistics\n• 1+ years of SQL\n• Recent graduates welcome\n"
        "• Fluent German\n• Active security clearance\n", Source.for_text("test posting"))
    me = _profile("name: Pat\nlocation: Portland, OR\nskills: [SQL]\nexperience:\n"
                  "  - title: Analyst\n    company: X\n    start: 2012\n    end: present\n"
                  "    description: SQL reports\n")
    table = swot(posting, me)
    threats = table[table["quadrant"] == "Threats"]
    text = " ".join(threats["item"]) + " " + " ".join(threats["evidence"])
    assert "Location: Boston, MA" in text
    assert "clearance" in text.lower()  # the profile does not say: a threat, not a weakness
    assert "junior" in text.lower() or "Recent graduates" in text
    weak = table[table["quadrant"] == "Weaknesses"]
    # silent on the degree and on German: gaps phrased as gaps, never "You have …"
    assert any(item.startswith("No evidence yet of bachelor's degree in Statistics")
               for item in weak["item"])
    assert any("German" in item for item in weak["item"])


def test_swot_opportunities_from_company_research(job, alex):
    findings = pd.DataFrame([{"finding": "Opened a European service center in Rotterdam (2025)",
                              "source_url": "https://www.brightwater-instruments.example/news/1",
                              "retrieved_at": "2026-01-01T00:00:00+00:00", "section": None,
                              "from_cache": True}])
    table = swot(job, alex, findings)
    row = table[table["basis"] == "company research"].iloc[0]
    assert row["quadrant"] == "Opportunities"
    assert row["item"].startswith("Opened a European service center")
    assert row["source_url"].endswith("/news/1")


def test_swot_quadrants_from_company_rows_by_kind(job, alex):
    src = {"source_url": "https://www.sec.gov/x", "retrieved_at": "2026-01-01", "section": None,
           "from_cache": True}
    rows = pd.DataFrame([
        {"point": "While researching the competition, I learned that Acme Sensors reported "
                  "revenue of $1.2 billion for fiscal 2025.", "kind": "competitor_figure", **src},
        {"point": "Streaming pipelines for the IoT fleet could fail at scale.",
         "kind": "risk_factor", **src},
        {"point": "Our factory lease in Ohio expires in 2027.", "kind": "risk_factor", **src},
        {"point": "While reading Brightwater's annual report, I learned that revenue grew 13.8% "
                  "to $497.3 million in fiscal 2025.", "kind": "revenue_trend", **src},
        {"point": "A new kind of row that the SWOT has never seen.", "kind": "brand_new",
         "quadrant": "Opportunities", **src},
    ])
    table = swot(job, alex, rows)
    threats = table[table["quadrant"] == "Threats"]
    assert any("Acme Sensors" in t for t in threats["item"])
    assert any(t.startswith("Streaming pipelines") for t in threats["item"])  # the role's field
    assert not any("factory lease" in t for t in threats["item"])  # far from the role
    opportunities = table[table["quadrant"] == "Opportunities"]
    assert any("revenue grew" in t for t in opportunities["item"])
    assert any("never seen" in t for t in opportunities["item"])
    assert set(threats["source_url"].dropna()) == {"https://www.sec.gov/x"}


def test_swot_figure(job, alex):
    grid = swot_figure(swot(job, alex))
    assert [q.name for q in grid.quadrants] == ["Strengths", "Weaknesses", "Opportunities",
                                                 "Threats"]
    html = grid._repr_html_()
    assert html.count("<td") == 4 and "Strengths (" in html and "<script" not in html
    assert "Personal SWOT" in str(grid)
    fig = grid.to_figure()
    assert len(fig.axes) == 4
    assert [ax.get_title(loc="left").split(" (")[0] for ax in fig.axes] == [
        "Strengths", "Weaknesses", "Opportunities", "Threats"]
    buf = io.BytesIO()
    grid.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"


def test_swot_figure_escapes_and_counts_what_it_leaves_out(job, alex):
    table = swot(job, alex)
    extra = table[table["quadrant"] == "Strengths"].iloc[:1].copy()
    extra["item"] = "<img src=x onerror=alert(1)> Łódź & Zürich"
    grid = swot_figure(pd.concat([extra] * 9 + [table], ignore_index=True), max_items=3)
    html = grid._repr_html_()
    assert "<img" not in html and "&lt;img" in html and "Łódź &amp; Zürich" in html
    strengths = grid.quadrants[0]
    assert len(strengths.items) == 3 and strengths.more > 0
    assert f"… and {strengths.more} more" in html


def test_questions_and_star_table(job, alex):
    questions = likely_questions(job, top=5)
    assert len(questions) == 5 and list(questions["rank"]) == [1, 2, 3, 4, 5]
    assert questions.iloc[0]["question"] == ("Tell me about a time you built production data "
                                             "pipelines in Python and SQL. What was the result?")
    assert all(q.startswith(("Tell me", "Walk me")) for q in questions["question"])
    star = star_table(job, alex, top=3)
    assert list(star.columns[:8]) == ["rank", "requirement", "question", "my_evidence",
                                      "situation", "task", "action", "result"]
    assert star.iloc[0]["my_evidence"] and star.iloc[0]["situation"] == ""
    # seeded with the candidate's own best bullet, whole, with where it is
    assert star.iloc[0]["my_evidence"].startswith("Build and run batch and streaming pipelines")
    assert "[Experience · Data Engineer at Cascadia Grid Analytics, p. 1]" in \
        star.iloc[0]["my_evidence"]
    assert star.iloc[0]["star_prompt"].startswith("Start from “Build and run")
    assert star.iloc[0]["evidence_url"].endswith("alex-rivera-profile.pdf")


def test_empty_posting_gives_empty_tables_with_columns(alex):
    empty = parse_job_content("Just a title line\nand a sentence without any requirement.",
                              Source.for_text("empty"))
    for table in (match_requirements(empty, alex), likely_questions(empty),
                  star_table(empty, alex)):
        assert len(table) == 0 and "source_url" in table.columns
    assert len(swot(empty, alex)) >= 1  # prompts only


def test_targets_overview(job, alex):
    from research_kit.research.position.targets import targets_overview

    other = parse_job_content("Analytics Engineer\nOther Co · Remote\n\nRequirements:\n"
                              "• dbt and Snowflake\n• Looker dashboards\n",
                              Source.for_text("other"))
    table = targets_overview(alex, {"Brightwater": job, "Other Co": other})
    snowflake = table[table["skill"] == "Snowflake"].iloc[0]
    assert snowflake["asked_by"] == 2 and snowflake["in_profile"]
    assert "Snowflake" in snowflake["evidence"]
    kinesis = table[table["skill"] == "Kinesis"].iloc[0]
    assert not kinesis["in_profile"] and kinesis["evidence"] == ""
    assert table.iloc[0]["required_by"] >= table.iloc[-1]["required_by"]


def test_compare_targets(job, alex):
    from research_kit.research.position.targets import compare_targets

    table = compare_targets(alex, {"Brightwater": job})
    row = table.iloc[0]
    assert (row["required"], row["required_met"], row["preferred_met"]) == (6, 5, 3)
    assert row["gaps"] == ["Experience with streaming data (Kafka or Kinesis) for "
                           "time-series/IoT data"]


@pytest.mark.parametrize("lives, threat", [
    ("João Pessoa, Paraíba, Brazil", "Location: remote within the United States; you are in Brazil"),
    ("Austin, TX, United States", None),
])
def test_swot_remote_within_a_country_from_abroad(lives, threat):
    """Remote "within the United States" still employs there: from Brazil it is a threat
    (who can hire you), from Texas nothing."""
    posting = parse_job_content(
        "Customer Success Manager\nAcme · Remote, United States\n\nRequirements:\n"
        "• 2+ years of SQL\n", Source.for_text("test posting"))
    assert posting.remote == "remote"
    me = _profile(f"name: Pat\nlocation: {lives}\nskills: [SQL]\n")
    threats = swot(posting, me).query("quadrant == 'Threats'")
    items = [i for i in threats["item"] if i.startswith("Location")]
    assert items == ([threat] if threat else [])
