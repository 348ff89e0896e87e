"""Job posting readers on small hand-written inputs: headings, bullets, features, errors, URLs."""

from __future__ import annotations

import json

import pytest
from conftest import DEMO_ROOT

from research_kit import errors
from research_kit.sources.jobs import load_job_posting
from research_kit.sources.jobs.blocks import html_lines, text_lines
from research_kit.sources.jobs.features import (
    accepts_equivalent,
    certifications_asked,
    degree_asked,
    skills_in,
    years_asked,
)
from research_kit.sources.jobs.routes import route_for_url
from research_kit.sources.jobs.salary import salary_from_text, salary_in_text
from research_kit.sources.jobs.sections import classify_heading

DEMO = DEMO_ROOT
DEMO_JOB = DEMO / "web/boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345"


@pytest.mark.parametrize("heading, kind", [
    ("Minimum qualifications:", "required"), ("Basic Qualifications", "required"),
    ("What you'll need", "required"), ("Must-haves", "required"), ("Requirements", "required"),
    ("At a minimum, you need to have:", "required"),
    ("Preferred qualifications", "preferred"), ("Nice to have", "preferred"),
    ("Bonus points", "preferred"), ("A plus if you have:", "preferred"),
    ("Extra Credit:", "preferred"), ("It's a bonus if you", "preferred"),
    ("What you'll bring", "qualifications"), ("About you", "qualifications"),
    ("You might be a fit if…", "qualifications"), ("Who you are", "qualifications"),
    ("What you'll do", "responsibilities"), ("Responsibilities", "responsibilities"),
    ("In this role, you will:", "responsibilities"), ("Day-to-day", "responsibilities"),
    ("What we offer", "benefits"), ("Perks & benefits", "benefits"),
    ("Why join us?", "benefits"), ("About us", "about"), ("Who we are", "about"),
    ("About the role", "role"), ("Equal Opportunity Employer", "other"),
])
def test_heading_wordings(heading, kind):
    assert classify_heading(heading) == kind


def test_ambiguous_qualifications_are_required_unless_a_minimum_exists():
    alone = load_job_posting("Data Analyst\n\nWhat you bring:\n• SQL\n• Python\n\n"
                             "Nice to have:\n• dbt\n")
    assert alone.items("required") == ["SQL", "Python"] and alone.items("preferred") == ["dbt"]
    both = load_job_posting("Data Analyst\n\nWhat you bring:\n• SQL\n• Python\n\n"
                            "Minimum qualifications:\n• 2 years of experience\n")
    assert both.items("required") == ["2 years of experience"]
    assert both.items("preferred") == ["SQL", "Python"]


def test_text_posting_header_and_wrapped_bullets():
    text = ("Senior Data Engineer\nAcme Water · Portland, OR (Hybrid)\n\nAbout us\nWe make "
            "sensors.\n\nRequirements\n- 5+ years of Python\n  and SQL in production\n"
            "- BS in Computer Science or equivalent experience\n\nPerks\n- Salary: $120k-$150k "
            "per year\n")
    job = load_job_posting(text)
    assert job.title == "Senior Data Engineer" and job.company == "Acme Water"
    assert job.locations == ["Portland, OR (Hybrid)"] and job.remote == "hybrid"
    assert job.items("required") == ["5+ years of Python and SQL in production",
                                     "BS in Computer Science or equivalent experience"]
    assert (job.salary.min, job.salary.max, job.salary.currency, job.salary.period) == \
        (120000, 150000, "USD", "year")


def test_html_bold_lines_and_br_separated_dash_bullets_are_structure():
    lines = html_lines("<div>Intro text here.<br/><strong>What you'll do:</strong><br/>"
                       "- Build things<br/>- Ship them<br/><b>Must have</b><ul><li><p>Go</p>"
                       "<p>or Rust</p></li></ul></div>")
    kinds = [(ln.kind, ln.text, ln.strong) for ln in lines]
    assert kinds == [("para", "Intro text here.", False),
                     ("para", "What you'll do:", True),
                     ("bullet", "Build things", False), ("bullet", "Ship them", False),
                     ("para", "Must have", True), ("bullet", "Go or Rust", False)]


def test_entity_escaped_html_is_unescaped():
    lines = html_lines("&lt;h2&gt;Requirements&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;A &amp;amp; B"
                       "&lt;/li&gt;&lt;/ul&gt;")
    assert [(ln.kind, ln.text) for ln in lines] == [("heading", "Requirements"),
                                                     ("bullet", "A & B")]


def test_text_lines_markers():
    lines = text_lines("• one\n* two\n1. three\n-5 degrees is cold\nplain")
    assert [(ln.kind, ln.text) for ln in lines] == [
        ("bullet", "one"), ("bullet", "two"), ("bullet", "three"),
        ("para", "-5 degrees is cold"), ("para", "plain")]


@pytest.mark.parametrize("text, years", [
    ("5+ years building pipelines", 5), ("3-7 years experience", 3),
    ("Minimum 3 years Salesforce", 3), ("at least two years of SQL", 2),
    ("for 3+ years", 3), ("4 to 8 years working in SRE", 4), ("travel 25% of the time", None),
    ("within the last 2 years", None), ("a 10-year-old company", None),
])
def test_years(text, years):
    assert years_asked(text) == years


@pytest.mark.parametrize("text, level, equivalent", [
    ("BS in Computer Science, Engineering or a related field, or equivalent experience",
     "bachelor", True),
    ("BA/BS degree or equivalent practical experience.", "bachelor", True),
    ("PhD in Statistics or Econometrics", "doctorate", False),
    ("MS degree in Computer Science", "master", False),
    ("Master's degree or PhD", "master", False), ("BSEE, BSME or BSIE degree.", "bachelor", False),
    ("A degree in a relevant field", "bachelor", False), ("Strong SQL skills", None, False),
])
def test_degree(text, level, equivalent):
    assert degree_asked(text) == level
    assert accepts_equivalent(text) is equivalent


def test_certifications_and_skills():
    assert certifications_asked("Minimum certification: Salesforce Admin Certification") == \
        ["Salesforce Admin Certification"]
    assert "PMP" in certifications_asked("PMP or other related Certification is a strong plus")
    assert certifications_asked("An AWS certification") == ["AWS certification"]
    assert skills_in("Strong JS and B2B SaaS; PM experience") == \
        ["JavaScript", "B2B", "cloud computing", "SaaS", "project management",
         "product management"]


@pytest.mark.parametrize("text, expected", [
    ("CA$102.8K – CA$137K", (102800, 137000, "CAD", None)),
    ("$45/hour", (45, 45, "USD", "hour")),
    ("£50k-£60k p.a.", (50000, 60000, "GBP", "year")),
    ("USD 142,000–176,000 per year", (142000, 176000, "USD", "year")),
])
def test_salary(text, expected):
    s = salary_from_text(text)
    assert (s.min, s.max, s.currency, s.period) == expected


def test_salary_only_from_lines_about_pay():
    assert salary_in_text("We raised $50 million last year.\nGreat team.") is None
    assert salary_in_text("Pay range: $90,000 - $110,000").max == 110000


def test_jsonld_graph_with_plain_text_description():
    page = ("<html><head><script type='application/ld+json'>{\"@context\": \"https://schema.org\","
            " \"@graph\": [{\"@type\": \"Organization\", \"name\": \"X\"}, {\"@type\": "
            "\"JobPosting\", \"title\": \"Analyst\", \"hiringOrganization\": {\"name\": "
            "\"Acme\"}, \"jobLocationType\": \"TELECOMMUTE\", \"description\": \"About us\\n"
            "We count.\\n\\nRequirements:\\n- Excel\\n- SQL\", \"datePosted\": "
            "\"2025-03-04\"}]}</script></head><body></body></html>")
    job = load_job_posting(page)
    assert (job.title, job.company, job.remote, job.posted) == ("Analyst", "Acme", "remote",
                                                                "2025-03-04")
    assert job.items("required") == ["Excel", "SQL"]


def test_demo_posting_bullets_in_order():
    job = load_job_posting(str(DEMO_JOB))
    assert job.title == "Senior Data Engineer, Sensor Analytics Platform"
    assert job.company == "Brightwater Instruments, Inc."
    assert job.locations == ["Portland, OR"] and job.remote == "hybrid"
    assert job.employment_type == "full-time" and job.posted == "2026-01-12"
    assert (job.salary.min, job.salary.max, job.salary.currency, job.salary.period) == \
        (142000, 176000, "USD", "year")
    assert job.items("required") == [
        "5+ years building production data pipelines in Python and SQL",
        "Hands-on experience with cloud data warehouses (Snowflake, BigQuery or Redshift)",
        "Experience with Apache Spark or similar distributed processing frameworks",
        "Experience with streaming data (Kafka or Kinesis) for time-series/IoT data",
        "BS in Computer Science, Engineering or a related field, or equivalent experience",
        "Comfortable communicating with non-technical stakeholders"]
    assert job.items("preferred") == ["Experience with Airflow or dbt",
                                      "Industrial IoT / sensor data experience",
                                      "An AWS certification", "Experience mentoring engineers"]
    data = json.loads(DEMO_JOB.read_text(encoding="utf-8"))
    assert "fictional" in data["_note"].lower() and "&lt;" in data["content"]


def test_routes_for_board_urls():
    assert route_for_url("https://boards.greenhouse.io/acme/jobs/123").fetch_url == \
        "https://boards-api.greenhouse.io/v1/boards/acme/jobs/123"
    assert route_for_url("https://job-boards.greenhouse.io/acme").fetch_url.endswith(
        "/v1/boards/acme/jobs?content=true")
    lever = route_for_url("https://jobs.lever.co/acme/5d54d69b-e940-452e-b892-1170aa60f095")
    assert lever.fetch_url == ("https://api.lever.co/v0/postings/acme/"
                               "5d54d69b-e940-452e-b892-1170aa60f095?mode=json")
    ashby = route_for_url("https://jobs.ashbyhq.com/Acme/90fb3621-899e-4b59-925d-25080ec91e18")
    assert ashby.posting_id == "90fb3621-899e-4b59-925d-25080ec91e18"
    assert route_for_url("https://example.com/careers/1").fetch_url == \
        "https://example.com/careers/1"


def test_url_through_the_gateway(httpserver, make_gateway):
    body = DEMO_JOB.read_bytes()
    httpserver.expect_request("/v1/boards/demo/jobs/4012345").respond_with_data(
        body, content_type="application/json")
    job = load_job_posting(httpserver.url_for("/v1/boards/demo/jobs/4012345"),
                           gateway=make_gateway())
    assert job.title == "Senior Data Engineer, Sensor Analytics Platform"
    assert job.source.url.startswith("http://") and len(job.items("required")) == 6


def test_board_list_without_content_fetches_the_chosen_job(httpserver, make_gateway):
    single = json.loads(DEMO_JOB.read_text(encoding="utf-8"))
    listing = {"jobs": [{k: v for k, v in single.items() if k != "content"},
                        {**{k: v for k, v in single.items() if k != "content"}, "id": 99,
                         "title": "Other job"}], "meta": {"total": 2}}
    base = httpserver.url_for("")
    # the list's absolute_url points at a board; the detail is fetched from the API host
    for job in listing["jobs"]:
        job["absolute_url"] = f"https://boards.greenhouse.io/demo/jobs/{job['id']}"
    httpserver.expect_request("/board").respond_with_json(listing)
    gw = make_gateway()
    with pytest.raises(errors.PostingChoiceError):
        load_job_posting(f"{base}board", gateway=gw)
    # picking one needs the detail URL: offline, it is not cached, and the error says so
    offline = make_gateway(offline=True)
    with pytest.raises(errors.NotCachedError):
        load_job_posting(f"{base}board", posting_id="4012345", gateway=offline)


@pytest.mark.parametrize("source, error", [
    ("missing-file.json", errors.InputError),
    ("tiny", errors.InputError),
    ("{\"unrelated\": [1, 2, 3], \"shape\": \"of some other api\"}", errors.ParseError),
])
def test_bad_sources(source, error):
    with pytest.raises(error):
        load_job_posting(source)


def test_bad_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    with pytest.raises(errors.ParseError):
        load_job_posting(str(empty))
    pdf = tmp_path / "job.pdf"
    pdf.write_bytes(b"%PDF-1.4\n...")
    with pytest.raises(errors.InputError, match="PDF"):
        load_job_posting(str(pdf))
    binary = tmp_path / "blob.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(errors.ParseError):
        load_job_posting(str(binary))
