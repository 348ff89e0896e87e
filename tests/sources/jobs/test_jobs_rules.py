"""Posting rules on small hand-written inputs: each shape of the real postings, in isolation.

The files in tests/data/jobs/ are written for these tests in the shape of the board responses
they name (a Workday CXS posting detail, a Lever posting whose HTML fields are empty).
"""

from __future__ import annotations

import json

import pytest
from conftest import LOCAL

from research_kit.provenance import Source
from research_kit.sources.jobs import load_job_posting, parse_job_content
from research_kit.sources.jobs.blocks import split_run_on_dash_items, text_lines
from research_kit.sources.jobs.company import (
    board_token,
    company_in_text,
    recruiter_for_client,
)
from research_kit.sources.jobs.features import optional_wording
from research_kit.sources.jobs.page import id_from_url
from research_kit.sources.jobs.sections import is_benefit_line, sentences

DATA = LOCAL / "jobs"


def test_workday_detail_with_paragraph_and_br_requirements():
    job = load_job_posting(str(DATA / "workday_cxs_detail.json"))
    assert job.parsed_by == "workday" and job.posting_id == "R-10422"
    assert job.company == "Acme Minerals Operations Pty Ltd"
    assert job.items("responsibilities") == [
        "Plan and schedule preventive maintenance work orders in SAP PM",
        "Coordinate shutdowns with production and contractors",
        "Report weekly on backlog and compliance"]
    assert job.items("required") == [
        "Trade qualification (Mechanical or Electrical)",
        "3+ years in a maintenance planning role",
        "Working knowledge of SAP PM; experience with Prometheus is highly regarded"]
    assert list(job.requirements["optional_hint"][:3]) == [False, False, True]
    assert job.items("preferred") == ["Certificate IV in Maintenance Operations"]
    listed = " ".join(job.items("required") + job.items("preferred"))
    assert "parental leave" not in listed and "equal opportunity" not in listed


def test_workday_company_from_the_tenant_when_no_organisation():
    data = json.loads((DATA / "workday_cxs_detail.json").read_text(encoding="utf-8"))
    del data["hiringOrganization"]
    job = parse_job_content(json.dumps(data), Source.for_text("workday"))
    assert job.company == "Acmeminerals" and job.company_from == "board token"


def test_lever_requirements_only_in_description_plain():
    job = load_job_posting(str(DATA / "lever_plain_only.json"))
    assert job.parsed_by == "lever" and job.company == "Northwind Robotics"
    assert job.items("responsibilities") == ["Install and commission mowers at customer sites",
                                             "Diagnose electrical and mechanical faults in the field"]
    assert job.items("required") == ["2+ years repairing electro-mechanical equipment",
                                     "A valid driver's license and a clean driving record",
                                     "Experience with CAN bus tools is a plus"]
    assert job.items("preferred") == ["Turf equipment experience"]
    assert list(job.requirements["optional_hint"]) == [False, False, True, False]


def test_lever_lists_with_plain_content_and_varied_headings():
    posting = {"id": "x1", "text": "Analyst", "categories": {}, "description": "<p>Intro.</p>",
               "lists": [{"text": "What You Bring", "content": "SQL\nExcel modelling"},
                         {"text": "Bonus points", "content": "<li>dbt</li>"}],
               "additional": "", "hostedUrl": "https://jobs.lever.co/acme/x1"}
    job = parse_job_content(json.dumps(posting), Source.for_text("lever"))
    assert job.items("required") == ["SQL", "Excel modelling"]
    assert job.items("preferred") == ["dbt"] and job.company == "Acme"


def test_lever_hosted_page_data_and_wrapped_list_content():
    posting = {"id": "u1", "text": "Test Engineer", "urls": {"show": "https://jobs.lever.co/zoox/u1"},
               "categories": {"location": "Foster City, CA"},
               "content": {"descriptionHtml": "<p>Autonomous vehicles need testing.</p>",
                           "lists": [{"text": "In this role, you will: ", "content":
                                      "<div><ul><li><p><span>Create test plans</span></p></li>"
                                      "<li><p><span>Run track tests</span></p></li></ul></div>"},
                                     {"text": "Qualifications", "content": ["BS in EE", "Python"]}],
                           "closingHtml": "<p>About Zoox</p><p>Zoox builds robotaxis.</p>"}}
    job = parse_job_content(json.dumps(posting), Source.for_text("lever page"))
    assert job.items("responsibilities") == ["Create test plans", "Run track tests"]
    assert job.items("required") == ["BS in EE", "Python"]
    assert job.company == "Zoox" and job.url == "https://jobs.lever.co/zoox/u1"


def test_optional_bullets_are_flagged_in_place_never_moved():
    job = load_job_posting("Data Engineer\n\nRequirements:\n• Python\n• Spark is a plus\n"
                           "• SQL, ideally Postgres\n• Airflow\n\nNice to have:\n• dbt\n")
    assert job.items("required") == ["Python", "Spark is a plus", "SQL, ideally Postgres",
                                     "Airflow"]
    req = job.requirements
    assert list(req["rank"]) == [1, 2, 3, 4, 1]
    assert list(req["optional_hint"]) == [False, True, True, False, False]


@pytest.mark.parametrize("text", [
    "Bonus: experience in early-stage startups", "Multi-state licensure is a plus!",
    "(Certification preferred)", "3+ years, preferably in B2B SaaS",
    "Prior experience in pre-sales engineering roles is highly valued.",
    "Experience: 8+ years. Preferred: 12+ years with experience scaling large teams.",
    "Knowledge of Go would be an advantage", "French is an asset",
    "Experience with Kafka is a big plus", "A security clearance is not required",
])
def test_optional_wording(text):
    assert optional_wording(text)


@pytest.mark.parametrize("text", [
    "5 plus years of experience", "Bachelor's degree required", "Experience with C++",
    "Strong SQL", "Experience designing bonus and commission plans",
    "Must be able to lift 50 lbs", "Experience with our ideal customer profile",
    "Fluent in your preferred programming language",
])
def test_not_optional_wording(text):
    assert not optional_wording(text)


def test_benefit_lines_never_become_requirements():
    job = load_job_posting("Nurse\n\nRequirements:\n• Current RN license\n"
                           "• Medical, dental and vision insurance from day one\n"
                           "• 401(k) with company match\n• BLS certification\n")
    assert job.items("required") == ["Current RN license", "BLS certification"]
    assert is_benefit_line("Paid parental leave")
    assert not is_benefit_line("Experience processing health insurance claims")


def test_nested_headings_in_plain_text_inherit_their_parent():
    text = ("Executive Assistant\n\nKEY RESPONSIBILITIES\n\nCalendars & Travel\n\n"
            " - Manage calendars\n - Book travel\n\nEvents\n\n - Plan offsites\n\n"
            "QUALIFICATIONS\n\nMust-haves\n\n - Discretion\n\nNice-to-haves\n\n - Payroll\n")
    job = load_job_posting(text)
    assert job.items("responsibilities") == ["Manage calendars", "Book travel", "Plan offsites"]
    assert job.items("required") == ["Discretion"] and job.items("preferred") == ["Payroll"]


def test_prose_under_an_unknown_sub_heading_is_not_an_item():
    page = ("<h2>What you'll do</h2><ul><li>Build dashboards</li></ul>"
            "<p><strong>Location: Remote (US)</strong></p><p>We are remote-first.</p>"
            "<h2>Requirements</h2><ul><li>SQL</li></ul>")
    job = parse_job_content(page, Source.for_text("html"))
    assert job.items("responsibilities") == ["Build dashboards"]
    assert job.items("required") == ["SQL"]


def test_short_requirement_lines_before_a_nice_to_have_list_stay_items():
    page = ("<h3>Requirements</h3><p>Bachelor's degree</p><p>3 years of Python</p>"
            "<h3>Nice to have</h3><ul><li>Go</li></ul>")
    job = parse_job_content(page, Source.for_text("html"))
    assert job.items("required") == ["Bachelor's degree", "3 years of Python"]
    assert job.items("preferred") == ["Go"]


def test_a_physical_requirements_block_does_not_demote_the_qualifications():
    page = ("<p><strong>Education/Experience:</strong></p><p>Bachelor's degree in Finance "
            "required.</p><p>2-4 years of experience preferred.</p>"
            "<p><strong>Physical Requirements:</strong></p><p>Ability to lift 25 lbs.</p>"
            "<p>Pay Range: $60,000 - $70,000</p>")
    job = parse_job_content(page, Source.for_text("workday-like"))
    assert job.items("required") == ["Bachelor's degree in Finance required.",
                                     "2-4 years of experience preferred.",
                                     "Ability to lift 25 lbs."]
    assert list(job.requirements["optional_hint"]) == [False, True, False]


def test_inviting_heading_beside_a_required_list_is_the_preferred_list():
    text = ("Technician\n\nRequirements:\n• Soldering\n\nYou will thrive if you:\n"
            "• Love hardware\n")
    job = load_job_posting(text)
    assert job.items("required") == ["Soldering"] and job.items("preferred") == ["Love hardware"]
    alone = load_job_posting("Technician\n\nYou will thrive if you:\n• Love hardware\n")
    assert alone.items("required") == ["Love hardware"]


def test_word_style_o_bullets_in_a_br_run():
    page = ("<div>Key duties<br>o Prepare the monthly close<br>o Reconcile accounts<br><br>"
            "Requirements<br>o CPA<br>o 3 years in audit</div>")
    job = parse_job_content(page, Source.for_text("html"))
    assert job.items("responsibilities") == ["Prepare the monthly close", "Reconcile accounts"]
    assert job.items("required") == ["CPA", "3 years in audit"]


def test_group_label_items_in_plain_text():
    text = ("Marketing Manager\n\nRESPONSIBILITIES:\n\n - Content Creation & Copywriting\n"
            "   - Write blog posts\n   - Edit case studies\n - Webinar Management\n"
            "   - Run webinars\n")
    job = load_job_posting(text)
    assert job.items("responsibilities") == ["Write blog posts", "Edit case studies",
                                             "Run webinars"]


def test_duties_heading_elsewhere_keeps_a_skills_list_a_qualification_list():
    text = ("Engineer\n\nWhat you'll do:\n• Build pipelines\n• Review code\n\n"
            "Skills:\n• Build tools in Go\n• Design APIs\n• Write Terraform\n")
    job = load_job_posting(text)
    assert job.items("responsibilities") == ["Build pipelines", "Review code"]
    assert job.items("required") == ["Build tools in Go", "Design APIs", "Write Terraform"]


def test_a_postings_only_list_stays_its_requirements_even_in_verbs():
    job = load_job_posting("Coordinator\n\nSkills:\n• Communicate clearly\n• Manage time well\n"
                           "• Work independently\n")
    assert job.items("required") == ["Communicate clearly", "Manage time well",
                                     "Work independently"]


def test_dash_lines_split_only_where_two_items_ran_together():
    assert split_run_on_dash_items("Owning reliability across clouds (GCP, AWS) - Running "
                                   "Kubernetes and containers") == [
        "Owning reliability across clouds (GCP, AWS)", "Running Kubernetes and containers"]
    for whole in ("Taking part in a shared on-call roster", "Experience with AWS - EC2, S3",
                  "Communication - Strong written and verbal skills",
                  "Building CI/CD pipelines and infrastructure-as-code"):
        assert split_run_on_dash_items(whole) == [whole]
    lines = text_lines("- First item is here - Second item is here\n• Kept whole - Really kept")
    assert [ln.text for ln in lines] == ["First item is here", "Second item is here",
                                         "Kept whole - Really kept"]


def test_sentences_keep_abbreviations():
    assert sentences("Work with the U.S. team. Use tools, e.g. Jira. Then ship.") == [
        "Work with the U.S. team.", "Use tools, e.g. Jira.", "Then ship."]


@pytest.mark.parametrize("url, token", [
    ("https://jobs.lever.co/idealistconsulting/a24ec4e5", "idealistconsulting"),
    ("https://api.lever.co/v0/postings/acme?mode=json", "acme"),
    ("https://jobs.ashbyhq.com/unto-labs/222d8de0", "unto-labs"),
    ("https://api.ashbyhq.com/posting-api/job-board/HighlightTA?includeCompensation=true",
     "HighlightTA"),
    ("https://boards.greenhouse.io/amplitude/jobs/8636903002", "amplitude"),
    ("https://boards-api.greenhouse.io/v1/boards/amplitude/jobs", "amplitude"),
    ("https://boards.greenhouse.io/embed/job_board?for=acme", "acme"),
    ("https://salesforce.wd12.myworkdayjobs.com/External/job/x_JR1", "salesforce"),
    ("https://apply.workable.com/zaelab/j/ABC123/", "zaelab"),
    ("https://au.seek.com/job/93856863", None), ("not a url", None), ("http://[oops", None),
])
def test_board_tokens(url, token):
    assert board_token(url) == token


def test_company_as_the_posting_writes_the_token():
    text = "At Hero Journey Club we… Hero Journey Club's mission … YOUR HERO JOURNEY CLUB"
    assert company_in_text("herojourneyclub", text) == "Hero Journey Club"
    assert company_in_text("unto-labs", "Unto Labs is a team of engineers") == "Unto Labs"
    assert company_in_text("gridium", "Gridium’s mission is …") == "Gridium"
    assert company_in_text("acme", "Nothing here") is None


def test_recruiter_for_an_unnamed_client():
    assert recruiter_for_client("Our client is a fast-growing SaaS company in Toronto.")
    assert recruiter_for_client("I'm representing a growing, seed-stage healthtech company")
    assert recruiter_for_client("This confidential opportunity is presented by HighlightTA.")
    assert not recruiter_for_client("You will advise our clients on Salesforce projects.")
    assert not recruiter_for_client("Our client, Northwind Robotics, is hiring a technician.")
    assert not recruiter_for_client("Maintain confidential client records and files.")
    assert not recruiter_for_client("Handle confidential company information with care.")


def test_job_site_names_are_not_employers():
    page = ("<html><head><meta property='og:site_name' content='Indeed.com'></head><body>"
            "<div class='job-description'><h3>Requirements</h3><ul><li>SQL</li></ul>"
            "<p>Some more text about the role to make it long enough to be a description "
            "block of a posting page.</p></div></body></html>")
    job = parse_job_content(page, Source.for_text("page"))
    assert job.company is None


def test_posting_ids_in_page_urls():
    assert id_from_url("https://au.indeed.com/viewjob?jk=54f1f8af68d722d2") == "54f1f8af68d722d2"
    assert id_from_url("https://au.seek.com/job/93856863") == "93856863"
    assert id_from_url("https://example.com/careers") is None


def test_sources_do_not_know_the_command_line():
    from pathlib import Path

    import research_kit.sources.jobs as jobs

    for path in Path(jobs.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "argparse" not in text and "sys.stdin" not in text, path.name
    assert not hasattr(jobs, "parse_job_command")
