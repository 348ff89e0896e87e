"""Rules of the fifth evidence pass: years of something shown only next to what is asked,
travel as a duty, presentation apart from communication, "1-year of experience", and two
asks joined by "and/or"."""

from __future__ import annotations

from datetime import date

from conftest import fixture_path

from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.sources.profiles import load_profile
from research_kit.sources.profiles.resume import parse_resume_text

RESUME = """Software Developer
Skill Details
Experience in handling projects in agile methodology.
Company Details
company - Acme Apps
description - Built an Android mobile application for visually impaired people.
Maintained the company's web portal in PHP.
"""


def _match(text: str):
    profile = parse_resume_text(RESUME, Source.for_file("resume.txt"))
    return Matcher(profile, today=date(2024, 1, 1)).match(text)


def test_years_of_a_sibling_platform_are_partly_with_the_closest_work_quoted():
    result = _match("3+ years of professional iOS development experience")
    assert result.verdict == "partly"
    assert "Android" in result.evidence[0].text
    assert "adjacent" in result.reason


def test_years_of_a_listed_skill_without_dates_are_partly():
    result = _match("Minimum 3 years experience utilizing Agile methodology")
    assert result.verdict == "partly"
    assert "agile" in result.evidence[0].text


def test_a_single_shared_ordinary_word_is_no_adjacent_work():
    result = _match("7 years of experience in a Technical Training role.")
    assert result.verdict == "unknown"


def test_travel_that_is_a_duty_of_a_role_meets_a_travel_requirement():
    """Both labellers of holdout4 read "Travel as required to support the field sales
    channel" as meeting "Ability to travel up to 50% of the time"; a wish is not enough."""
    text = RESUME + "Travel as required to support the field sales channel.\n"
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    matcher = Matcher(profile, today=date(2024, 1, 1))
    result = matcher.match("Ability to travel up to 50% of the time")
    assert result.verdict == "met"
    assert result.evidence[0].text.startswith("Travel as required")
    wish = parse_resume_text(RESUME + "Willing to travel and relocate.\n",
                             Source.for_file("resume.txt"))
    assert Matcher(wish, today=date(2024, 1, 1)).match(
        "Ability to travel up to 50% of the time").verdict != "met"


def test_presentation_skills_are_asked_apart_from_communication():
    """"Excellent communication and presentation skills": a resume's "Excellent
    communication skills" shows one of the two; a talk given shows the other."""
    text = RESUME + "Excellent communication skills.\n"
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    matcher = Matcher(profile, today=date(2024, 1, 1))
    assert matcher.match("Excellent communication and presentation skills").verdict == \
        "partly"
    assert matcher.match("Excellent communication skills").verdict == "met"


def test_a_hyphenated_year_count_is_years_asked():
    from research_kit.sources.jobs.features import years_asked

    assert years_asked("1-year of experience in process and project management.") == 1
    assert years_asked("3-year relevant work experience") == 3
    assert years_asked("Contribute to our 5-year plan") is None


def test_two_asks_joined_by_and_or_need_only_one():
    text = RESUME + "Strong knowledge of algorithms and data structures.\n"
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    matcher = Matcher(profile, today=date(2024, 1, 1))
    either = matcher.match("Proficiency in algorithms and data structures and/or expertise "
                           "in Unix/Linux systems and IP networking.")
    assert either.verdict == "met"
    assert "algorithms" in either.evidence[0].text
    both = matcher.match("Proficiency in algorithms and data structures and expertise in "
                         "Unix/Linux systems and IP networking.")
    assert both.verdict != "met"


def test_a_career_with_gaps_says_so_when_years_are_not_met():
    """Isaac Mast's dated roles (student jobs and internships since August 2011) add up to
    about two years: "the whole dated career is about 2.2 years (since August 2011)" read
    as a mistake on a real brief."""
    isaac = load_profile(str(fixture_path("profiles", "linkedin",
                                          "IsaacMast_Profile_2016fmt.pdf")))
    result = Matcher(isaac).match("8+ years of relevant experience.")
    assert result.verdict == "not_met"
    assert result.reason.startswith("the dated roles add up to about")
    assert "with gaps, since August 2011" in result.reason


def test_a_bachelor_of_engineering_is_a_degree_in_engineering_not_in_its_branches():
    text = ("Software Engineer\nEducation Details\nJanuary 2012 B.E Mumbai University\n"
            "Company Details\ncompany - Acme\ndescription - Built Java services.\n")
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    matcher = Matcher(profile, today=date(2024, 1, 1))
    assert matcher.match("BA/BS degree in a technical or engineering field.").verdict == "met"
    assert matcher.match("Bachelor's degree in Engineering").verdict == "met"
    assert matcher.match("BS in Mechanical Engineering").verdict == "partly"
    assert matcher.match("BS in Computer Science or related technical field").verdict == \
        "partly"
