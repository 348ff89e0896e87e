"""Rules of the fourth evidence pass, from resumes read as text: language list items and
CEFR levels, a resume's certification lines as its list, a degree's field not taken from
its school's name, and a summary filed under "Education Details"."""

from __future__ import annotations

from datetime import date

from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.sources.profiles.resume import parse_resume_text

RESUME = """Project Manager
Education Details
January 2017 MBA Chidambaram, Tamil Nadu SNS College of Engineering
Having an exp of 6 years experience in Project Management in IT. Expertise in PMO.
Project Manager
Company Details
company - Saviant Technologies
description - Established a PMO from scratch for the technical operations team.
Communicated with clients to understand their requirement.
Certification : Certified Course in AutoCAD from CADD Centre, Pune.
Completed German A1 level from Goethe-Institute.
Languages
English
Hindi
"""


def _match(text: str):
    profile = parse_resume_text(RESUME, Source.for_file("resume.txt"))
    return Matcher(profile, today=date(2024, 1, 1)).match(text)


def test_an_mba_from_a_college_of_engineering_is_no_technical_degree():
    result = _match("Master's degree in Computer Science or other technical field.")
    assert result.verdict == "not_met"


def test_years_stated_in_a_summary_filed_under_education_count():
    result = _match("2 years of experience in a project management role.")
    assert result.verdict == "met"


def test_a_resumes_certification_lines_are_its_list():
    result = _match("PMP certification.")
    assert result.verdict == "not_met"


def test_a_beginner_level_is_a_stated_language():
    result = _match("Ability to speak and write in English and German fluently.")
    assert result.verdict in ("partly", "not_met")
    assert any("German" in e.text for e in result.evidence) or "German" in result.reason


def test_list_items_that_are_languages_make_a_multilingual_profile():
    result = _match("Multi-lingual or experience working across geographies.")
    assert result.verdict == "met"


def test_communicating_with_clients_is_client_facing_work():
    result = _match("Experience working in a client-facing capacity.")
    assert result.verdict == "met"
    assert "clients" in result.evidence[0].text


def test_work_across_regions_meets_the_other_branch_of_multilingual():
    text = RESUME.replace("Languages\nEnglish\nHindi\n", "") + \
        "description - Support U.S., EMEA, and APAC regions for the billing platform.\n"
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    result = Matcher(profile, today=date(2024, 1, 1)).match(
        "Multi-lingual or experience working across geographies")
    assert result.verdict == "met"
    assert "EMEA" in result.evidence[0].text
    # without the "or … across geographies" branch, regions prove no language
    plain = Matcher(profile, today=date(2024, 1, 1)).match("Multi-lingual")
    assert plain.verdict != "met"


def test_the_resume_parser_says_which_education_lines_are_prose():
    profile = parse_resume_text(RESUME + "Education Details\nJanuary 1992 to January 2003 "
                                "First year Science Mumbai St micheal high\n",
                                Source.for_file("resume.txt"))
    kinds = {p.text[:30]: p.kind for p in profile.passages}
    assert kinds["Having an exp of 6 years exper"] == "text"
    assert kinds["January 2017 MBA Chidambaram, "] == "education"
    assert any("First year Science" in (e.school or "") + (e.degree or "") or
               e.degree == "First year" for e in profile.education)
