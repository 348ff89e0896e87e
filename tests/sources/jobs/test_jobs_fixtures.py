"""Every real job fixture parses: single postings into sections, boards into a choice."""

from __future__ import annotations

import csv

import pytest
from conftest import fixture_path

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.sources.jobs import load_job_posting

BOARDS = {
    # file: (number of postings, an id in it, its title)
    "ats/greenhouse_amplitude_board_content.json": (2, "8636903002",
                                                    "Customer Data Scientist - Experimentation"),
    "ats/greenhouse_anthropic_board_list.json": (449, "5074975008", "Account Coordinator"),
    "ats/lever_idealistconsulting_postings.json": (
        2, "5d54d69b-e940-452e-b892-1170aa60f095",
        "(1099 Contract) Salesforce for Nonprofits: Solution Architect"),
    "ats/ashby_highlightta_board.json": (2, "fc2f1f85-46a0-4a31-b165-683e39c07c04",
                                         "Senior Site Reliability Engineer"),
    "ats/workday_salesforce_cxs_jobs.json": (2, "JR332446", None),
    "ats/teamtailor_jsonfeed.json": (2, "20fafb7d-f013-4061-b6de-2894b3e0838b",
                                     "Account Executive - Italy (Madrid based)"),
    "ats/eightfold_albemarle_jobs.json": (2, "1099555326551", "Supply Planner, Bromine S&OP"),
    "ats/icims_wipfli_search.html": (2, "8214", "Payroll Tax Specialist"),
    "ats/jobvite_feedingamerica_search.html": (2, "octxAfww",
                                               "Manager, Development (Chicago/Hybrid)"),
    "ats/phenom_search_results.html": (2, "P-104461", "Senior Project Manager(German Speaker)"),
    "html/linkedin_guest_search_python_jobs_worldwide.html": (58, "4433468870",
                                                              "Python Test Engineer"),
}


@pytest.mark.parametrize("name", sorted(BOARDS))
def test_boards_ask_which_posting_and_take_an_id(name):
    path = fixture_path("jobs", *name.split("/"))
    count, posting_id, title = BOARDS[name]
    with pytest.raises(errors.PostingChoiceError) as info:
        load_job_posting(str(path))
    assert len(info.value.choices) == count
    assert "--id" in info.value.suggestion
    posting = load_job_posting(str(path), posting_id=posting_id)
    assert posting.posting_id == posting_id
    if title:
        assert posting.title.strip() == title
        assert load_job_posting(str(path), posting_title=title).posting_id == posting_id


def test_unknown_id_lists_the_choices():
    path = fixture_path("jobs", "ats", "lever_idealistconsulting_postings.json")
    with pytest.raises(errors.PostingChoiceError) as info:
        load_job_posting(str(path), posting_id="no-such-id")
    assert "no posting matches" in info.value.message
    assert len(info.value.choices) == 2


def test_greenhouse_amplitude_sections_in_order():
    path = fixture_path("jobs", "ats", "greenhouse_amplitude_board_content.json")
    job = load_job_posting(str(path), posting_id="8651132002")
    assert job.company == "Amplitude" and job.locations == ["Bangalore, India"]
    assert job.employment_type == "full-time" and job.posted == "2026-07-27"
    assert job.items("required") == [
        "Closing experience at the Mid-Market or Emerging Enterprise level for 3+ years",
        "Worked for a tech/SaaS company (preferably in the analytics, data, experimentation, "
        "or martech space)"]
    preferred = job.items("preferred")
    # "You'll be a great addition if you have" sits beside an explicit minimum: preferred
    assert preferred[0] == "3+ years of quota-carrying SaaS sales experience, including time " \
                           "in a closing role"
    assert preferred[-1].startswith("Exposure to the modern data stack (Snowflake, Databricks")
    assert len(preferred) == 16
    assert len(job.items("responsibilities")) == 9
    req = job.requirements
    assert list(req["kind"]) == ["required"] * 2 + ["preferred"] * 16
    assert list(req["rank"][:3]) == [1, 2, 1]
    assert req.iloc[0]["years"] == 3
    for column in SOURCE_COLUMNS:
        assert column in req.columns


def test_lever_in_list_subheadings_and_optional_bullets():
    path = fixture_path("jobs", "ats", "lever_idealistconsulting_postings.json")
    job = load_job_posting(str(path), posting_id="a24ec4e5-5caa-473d-abd4-b71f09a8167b")
    assert job.remote == "remote" and job.employment_type == "contract"
    required = job.items("required")
    preferred = job.items("preferred")
    assert required[0] == "3-7 years experience in a similar role"
    assert "Baseline:" not in " ".join(required) and "Extra Credit" not in " ".join(preferred)
    assert "PMP or other related Certification is a strong plus" in preferred
    assert "Team leadership experience" in preferred  # under "Extra Credit:"
    # optional wording inside the required list: stays in place, flagged (issue 13)
    npc = "Understanding of Nonprofit Cloud (NPC) (Certification preferred)"
    assert npc in required and npc not in preferred
    req = job.requirements.set_index("text")
    assert bool(req.loc[npc, "optional_hint"]) and req.loc[npc, "kind"] == "required"
    assert not req.loc["3-7 years experience in a similar role", "optional_hint"]
    assert not req.loc["Team leadership experience", "optional_hint"]  # preferred: no flag
    row = job.requirements.set_index("text").loc["Minimum certification: Salesforce Admin Certification"]
    assert "Salesforce Admin Certification" in row["certifications"]


def test_ashby_salary_and_workplace():
    path = fixture_path("jobs", "ats", "ashby_highlightta_board.json")
    job = load_job_posting(str(path), posting_id="fc2f1f85-46a0-4a31-b165-683e39c07c04")
    assert (job.salary.min, job.salary.max, job.salary.currency, job.salary.period) == \
        (102800, 137000, "CAD", "year")
    assert job.remote == "hybrid"
    assert job.items("required")[0] == "4 to 8 years working in SRE, DevOps, or production " \
                                       "engineering roles within SaaS environments."
    assert job.requirements.iloc[0]["years"] == 4


def test_indeed_jsonld():
    job = load_job_posting(str(fixture_path("jobs", "html", "indeed_papercut_senior_devops.html")))
    assert job.parsed_by == "json-ld"
    assert job.title == "Senior DevOps Engineer" and job.company == "PaperCut Software"
    assert (job.salary.min, job.salary.max, job.salary.currency, job.salary.period) == \
        (130000, 160000, "AUD", "year")
    assert job.locations == ["Camberwell, VIC, AU"] and job.posted == "2026-08-06"
    assert job.employment_type == "full-time"
    required = job.items("required")
    assert len(required) == 4 and required[0].startswith("Senior Technical Depth: Extensive")
    assert "AWS" in job.requirements.iloc[0]["skills"]


def test_seek_page_without_jobposting_jsonld():
    job = load_job_posting(str(fixture_path("jobs", "html", "seek_au_job.html")))
    assert job.title == "Senior Platform Engineer | Remote | Australia"
    assert job.company == "iterate" and job.locations == ["Melbourne VIC"]
    assert job.remote == "remote" and job.employment_type == "full-time"
    assert job.items("required")[3] == "Kubernetes and container runtime experience"
    # dash lines separated by <br>; one line held two items ("… (GCP, AWS, Azure) - Running …")
    assert len(job.items("responsibilities")) == 9
    assert job.items("responsibilities")[3:5] == [
        "Owning reliability, observability, and cost across a multi-cloud environment "
        "(GCP, AWS, Azure)", "Running Kubernetes and container platforms"]
    assert job.employer_confidential  # "I'm representing a … healthtech company"
    assert job.items("responsibilities")[2] == \
        "Building and maintaining CI/CD pipelines and infrastructure-as-code"


def test_workable_widget_merges_one_job_listed_per_location():
    job = load_job_posting(str(fixture_path("jobs", "ats", "workable_zaelab_widget.json")))
    assert job.company == "Zaelab" and job.locations == ["Spain", "Portugal"]
    assert job.remote == "remote" and job.posted == "2026-08-05"


def test_smartrecruiters_single_posting():
    job = load_job_posting(str(fixture_path("jobs", "ats", "smartrecruiters_postings.json")))
    assert job.company == "Knight Gayles" and job.employment_type == "part-time"
    assert job.locations == ["St. Louis, MO, United States"]


def test_anthropic_multi_location_strings_split():
    path = fixture_path("jobs", "ats", "greenhouse_anthropic_board_list.json")
    job = load_job_posting(str(path), posting_id="5074975008")
    assert job.locations == ["New York City, NY", "San Francisco, CA"]
    assert job.sections == []  # a list without content: nothing invented


def test_google_postings_reassembled_as_text_give_back_their_columns():
    path = fixture_path("jobs", "text", "google_job_skills_sample40.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    hits = total = found = 0
    for row in rows:
        lines = {k: [x.strip() for x in row[c].split("\n") if x.strip()] for k, c in (
            ("required", "Minimum Qualifications"), ("preferred", "Preferred Qualifications"),
            ("responsibilities", "Responsibilities"))}
        text = "\n".join([row["Title"], f"{row['Company']} · {row['Location']}", "",
                          "Minimum qualifications:", *("• " + x for x in lines["required"]), "",
                          "Preferred qualifications:", *("• " + x for x in lines["preferred"]),
                          "", "Responsibilities", *("• " + x for x in lines["responsibilities"])])
        job = load_job_posting(text)
        assert job.title == row["Title"]
        for kind, expected in lines.items():
            got = job.items(kind)
            hits += sum(1 for g in got if g in expected)
            found += len(got)
            total += len(expected)
    assert hits / found >= 0.98 and hits / total >= 0.98
