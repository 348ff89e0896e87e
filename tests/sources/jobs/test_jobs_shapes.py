"""The hard posting shapes of benchmarks/data/LABELS_jobs_profiles.md, each on its real fixture.

One test per shape (the number in the labels file in brackets); each skips when the fixture
is absent. Expected texts are the hand-labelled gold (benchmarks/data/jobs_gold.json).
"""

from __future__ import annotations

from conftest import fixture_path

from research_kit.sources.jobs import load_job_posting


def _job(folder: str, name: str, posting_id: str | None = None):
    return load_job_posting(str(fixture_path("jobs", folder, name)), posting_id=posting_id)


def _flags(job) -> dict[str, bool]:
    req = job.requirements
    return dict(zip(req["text"], req["optional_hint"], strict=True))


LEVER = ("ats", "lever_idealistconsulting_postings.json")
AMPLITUDE = ("ats", "greenhouse_amplitude_board_content.json")


def test_lever_requirements_only_in_lists_with_tier_subheadings():  # [1] [2]
    job = _job(*LEVER, "a24ec4e5-5caa-473d-abd4-b71f09a8167b")
    required, preferred = job.items("required"), job.items("preferred")
    assert len(required) == 11 and len(preferred) == 7
    assert required[0] == "3-7 years experience in a similar role"
    assert "Baseline:" not in required and "Extra Credit:" not in preferred
    assert preferred[-1] == "Team leadership experience"
    assert {s.heading for s in job.sections if s.kind == "preferred"} == {"Extra Credit"}


def test_lever_fully_bold_duty_bullets_stay_items():  # [3]
    job = _job(*LEVER, "5d54d69b-e940-452e-b892-1170aa60f095")
    duties = job.items("responsibilities")
    assert len(duties) == 15
    assert duties[0].startswith("Translate business requirements into well-architected")
    assert len(job.items("required")) == 12 and job.items("preferred") == []


def test_minimum_list_after_the_soft_list():  # [4] [6]
    job = _job(*AMPLITUDE, "8636903002")
    assert job.items("required")[0].startswith("5+ years of experience in Data Science")
    assert len(job.items("required")) == 6
    assert job.items("preferred")[0].startswith("You have built, scaled, or supported")
    assert "&lt;" not in job.description and "<p>" not in job.description


def test_words_split_into_spans_are_joined():  # [5]
    job = _job(*AMPLITUDE, "8651132002")
    assert "largest behavioral datasets; decide what" in job.description
    assert job.items("preferred")[-1] == "Exposure to the modern data stack (Snowflake, " \
        "Databricks, AWS) or experimentation/feature-management tooling"
    assert len(job.items("preferred")) == 16 and len(job.items("required")) == 2


def test_bold_paragraph_and_br_headings():  # [7]
    material = _job("ats_more", "ashby_materialsecurity.json")
    assert [s.heading for s in material.sections if s.kind in ("responsibilities", "required")] \
        == ["Responsibilities", "What We’re Looking For"]
    sre = _job("ats", "ashby_highlightta_board.json", "fc2f1f85-46a0-4a31-b165-683e39c07c04")
    assert len(sre.items("required")) == 5 and len(sre.items("responsibilities")) == 6


def test_plain_paragraph_lead_in_and_prose_before_it():  # [8]
    job = _job("ats_more", "ashby_gridium.json", "ce562265-7eab-4d82-89bc-239fb79fdcb5")
    duties = job.items("responsibilities")
    assert len(duties) == 4 and duties[0].startswith("Build scalable and maintainable front-end")
    assert not any(d.startswith("We are seeking") for d in duties)
    assert len(job.items("required")) == 7
    recruiter = _job("ats", "ashby_highlightta_board.json", "90fb3621-899e-4b59-925d-25080ec91e18")
    assert recruiter.items("required")[0] == \
        "5+ years of full-cycle recruitment experience for a SaaS based business"
    assert len(recruiter.items("required")) == 8  # "Who We're Looking For" prose is not a list


def test_two_level_headings():  # [9]
    ea = _job("ats_more", "ashby_unto-labs.json", "222d8de0-ddc8-4219-a1a3-0064573efa82")
    assert len(ea.items("responsibilities")) == 18
    assert ea.items("required")[0] == \
        "Strong track record of owning operations and executing cross-functional programs"
    assert len(ea.items("required")) == 6 and len(ea.items("preferred")) == 5
    headings = [s.heading for s in ea.sections if s.kind == "responsibilities"]
    assert "Events & Programs" in headings and "Immigration / Global Mobility" in headings
    creative = _job("ats_more", "ashby_prodigy-education.json")
    assert len(creative.items("responsibilities")) == 13
    assert len(creative.items("required")) == 11 and creative.items("preferred") == []


def test_nested_lists_item_with_subpoints_and_group_labels():  # [10]
    material = _job("ats_more", "ashby_materialsecurity.json")
    required = material.items("required")
    assert required[1].startswith("Technical Acumen: Our product is complex")
    assert required[2:5] == ["You are familiar with SQL, Chrome developer tools, and APIs;",
                             "You have knowledge and industry experience relevant to our "
                             "security space;",
                             "You have domain expertise in security, cloud email, IT, "
                             "Google/Office 365, SSO, etc."]
    content = _job("ats_more", "ashby_vanilla.json", "6e4821ca-cf0a-4ed2-8f0b-a2213a87216c")
    duties = content.items("responsibilities")
    assert len(duties) == 15 and "Webinar Management" not in duties
    assert duties[0].startswith("Write clear, authoritative copy")


def test_optional_wording_stays_in_place_and_is_flagged():  # [11]
    pawp = _job("ats_more", "ashby_pawp.json", "44790610-a2be-45e1-9b07-8b5df07d811d")
    required = pawp.items("required")
    assert required[-1] == "Bonus: experience working in early-stage startups or fast-paced " \
                           "product teams"
    assert pawp.items("preferred") == []
    flags = _flags(pawp)
    assert flags[required[-1]] and sum(flags.values()) == 1
    ranks = list(pawp.requirements["rank"])
    assert ranks == list(range(1, len(required) + 1))  # order and ranks untouched
    controller = _job("ats_more", "ashby_aescape.json")
    flagged = [t for t, f in _flags(controller).items() if f]
    assert [t.split(":")[0] for t in flagged] == ["Technical Expertise", "Experience"]
    windsurf = _job("ats_more", "ashby_Windsurf.json")
    assert windsurf.items("required")[-1].endswith("is a strong plus.")
    assert _flags(windsurf)[windsurf.items("required")[-1]]
    creative = _job("ats_more", "ashby_prodigy-education.json")
    assert _flags(creative)[creative.items("required")[0]]  # "… ideally with both agency …"


def test_must_haves_outside_lists_are_not_list_items():  # [12]
    windsurf = _job("ats_more", "ashby_Windsurf.json")
    items = windsurf.items("required") + windsurf.items("responsibilities")
    assert not any("Security Clearance" in t for t in items)
    assert len(windsurf.items("required")) == 4


def test_duties_under_a_misleading_skills_heading():  # [13]
    vet = _job("ats_more", "ashby_pawp.json", "58fb60dc-714e-4dd5-b99b-3865dec5a520")
    assert [d.split(":")[0] for d in vet.items("responsibilities")] == [
        "Deliver Virtual Care", "Create Impactful Care Plans", "Champion Education",
        "Ensure Quality & Compliance", "Collaborate & Grow"]
    assert len(vet.items("required")) == 6 and vet.items("preferred") == []


def test_duties_only_as_prose():  # [14]
    guide = _job("ats_more", "ashby_herojourneyclub.json")
    duties = guide.items("responsibilities")
    assert len(duties) == 2
    assert duties[0].startswith("Journey Guides (Educators) are trained facilitators")
    assert duties[1].startswith("They are responsible for leading group sessions")


def test_bullet_lists_that_are_not_requirements():  # [15]
    cases = [(("ats_more", "ashby_herojourneyclub.json", None), "Make mental well-being"),
             (("ats_more", "ashby_prodigy-education.json", None), "Miro"),
             (("ats_more", "ashby_prodigy-education.json", None), "#LI-Hybrid"),
             (("ats_more", "ashby_vanilla.json", "6e4821ca-cf0a-4ed2-8f0b-a2213a87216c"),
              "A consistent, high-quality publishing cadence"),
             (("ats_more", "ashby_unto-labs.json", "222d8de0-ddc8-4219-a1a3-0064573efa82"),
              "Any experience with payroll"),
             (("ats_more", "ashby_unto-labs.json", "222d8de0-ddc8-4219-a1a3-0064573efa82"),
              "In-person San Francisco"),
             (("ats_more", "ashby_sorcerer.json", "cb49a442-8104-4585-918e-16b4915216ce"),
              "This is an in-office role")]
    for (folder, name, posting_id), start in cases:
        job = _job(folder, name, posting_id)
        listed = job.items("required") + job.items("preferred")
        assert not any(t.startswith(start) for t in listed), (name, start)


def test_same_heading_different_tier():  # [16]
    intern = _job("ats_more", "ashby_sorcerer.json", "cb49a442-8104-4585-918e-16b4915216ce")
    assert len(intern.items("required")) == 3 and intern.items("preferred") == []
    tech = _job("ats_more", "ashby_sorcerer.json", "5d688380-0dcb-486e-ad6c-1553d7f7efba")
    assert len(tech.items("required")) == 3 and len(tech.items("preferred")) == 3


def test_employer_is_not_the_poster():  # [18]
    sre = _job("ats", "ashby_highlightta_board.json", "fc2f1f85-46a0-4a31-b165-683e39c07c04")
    assert sre.company == "HighlightTA" and sre.employer_confidential
    assert "not named" in sre.panel()._repr_html_()
    recruiter = _job("ats", "ashby_highlightta_board.json", "90fb3621-899e-4b59-925d-25080ec91e18")
    assert recruiter.company == "HighlightTA" and not recruiter.employer_confidential
    windsurf = _job("ats_more", "ashby_Windsurf.json")
    assert windsurf.company == "Cognition"  # "About Cognition"; the board is a product
    teaser = _job("ats", "phenom_search_results.html", "P-104461")
    assert teaser.company is None  # nothing names the employer: nothing guessed


def test_company_from_the_board_token_as_the_posting_writes_it():  # [18]
    expected = {"ashby_herojourneyclub.json": "Hero Journey Club",
                "ashby_materialsecurity.json": "Material Security",
                "ashby_aescape.json": "Aescape", "ashby_prodigy-education.json":
                "Prodigy Education"}
    for name, company in expected.items():
        job = _job("ats_more", name)
        assert job.company == company, name
        assert not job.employer_confidential
    unto = _job("ats_more", "ashby_unto-labs.json", "13df6bea-b253-4c80-ae05-5899022c3471")
    assert unto.company == "Unto Labs"
    lever = _job(*LEVER, "5d54d69b-e940-452e-b892-1170aa60f095")
    assert lever.company == "Idealist Consulting"
    assert lever.company_from and "board token" in lever.company_from


def test_salary_in_a_benefit_bullet_or_only_in_json():  # [19]
    controller = _job("ats_more", "ashby_aescape.json")
    assert (controller.salary.min, controller.salary.max) == (150000, 200000)
    listed = controller.items("required") + controller.items("preferred")
    assert not any("salary" in t.lower() for t in listed)
    sre = _job("ats", "ashby_highlightta_board.json", "fc2f1f85-46a0-4a31-b165-683e39c07c04")
    assert (sre.salary.min, sre.salary.max, sre.salary.currency) == (102800, 137000, "CAD")


def test_mixed_heading_markup():  # [20]
    sdr = _job("ats_more", "ashby_gridium.json", "405b0510-27ea-4ed1-bb47-ce6c202fb03c")
    kinds = {s.heading: s.kind for s in sdr.sections}
    # a <strong> inside the Benefits paragraph starts the EEO text: never a requirement
    assert kinds["And of course"] not in ("required", "preferred", "responsibilities")
    assert len(sdr.items("required")) == 4 and len(sdr.items("preferred")) == 4
    content = _job("ats_more", "ashby_vanilla.json", "6e4821ca-cf0a-4ed2-8f0b-a2213a87216c")
    assert len(content.items("required")) == 7


def test_trailing_spaces_and_teasers():  # [21] [22]
    controller = _job("ats_more", "ashby_aescape.json")
    assert controller.title == "Controller"
    amplitude = _job(*AMPLITUDE, "8636903002")
    assert amplitude.company == "Amplitude"
    teaser = _job("ats", "phenom_search_results.html", "P-104504")
    assert teaser.items("required") == teaser.items("preferred") == []


def test_single_posting_pages_answer_to_their_own_id():
    seek = _job("html", "seek_au_job.html", "93856863")
    assert seek.posting_id == "93856863" and seek.url == "https://au.seek.com/job/93856863"
    indeed = _job("html", "indeed_papercut_senior_devops.html", "54f1f8af68d722d2")
    assert indeed.posting_id == "54f1f8af68d722d2"
