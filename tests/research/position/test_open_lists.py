"""Rules of the evidence4 pass: open lists of languages, parts of a thing that are no
alternative to it, list ends that name nothing, "a technical role", engineering degrees
written "Bachelor of Technology", and a claimed skill whose named work is not shown."""

from __future__ import annotations

from datetime import date

from research_kit.lexicon.terms import vocabulary
from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.research.position.requirements import read_requirement
from research_kit.sources.profiles.resume import parse_resume_text

WEB = """Web Developer
Education Details
January 2014 Bachelor of Technology Information Technology branch BPUT University
Web Developer
Company Details
company - Pixel Works
description - Built WordPress plugins in PHP and MySQL for 40 client sites.
Worked with the storage team on a SAN disaster-recovery setup.
I have worked as a technology lead for a team of four.
Skills: Excellent analytical and problem solving skills.
"""


def _match(text: str):
    profile = parse_resume_text(WEB, Source.for_file("resume.txt"))
    return Matcher(profile, today=date(2024, 1, 1)).match(text)


def test_any_language_fills_an_open_list_of_languages():
    result = _match("Experience in one or more programming languages, including Java, C++, "
                    "Python, etc.")
    assert result.verdict == "met"
    assert "PHP" in result.evidence[0].text


def test_a_closed_list_of_languages_still_needs_one_of_them():
    assert _match("Experience with Java or Python.").verdict != "met"


def test_programming_before_languages_is_the_category_not_a_second_slot():
    req = read_requirement("Experience in one or more programming languages, including Java, "
                           "C++, Python, etc.", vocabulary())
    assert [s.text for s in req.slots] == ["Java, C++, Python"]


def test_or_similar_technologies_names_nothing_to_find():
    req = read_requirement("You have experience working with experimentation platforms such "
                           "as Statsig, Eppo, Optimizely, LaunchDarkly, or similar "
                           "technologies.", vocabulary())
    assert all("technolog" not in n for s in req.slots for n in s.names)
    assert _match("You have experience working with experimentation platforms such as "
                  "Statsig, Eppo, Optimizely, LaunchDarkly, or similar technologies."
                  ).verdict == "unknown"


def test_parts_of_a_thing_in_brackets_are_no_alternative_to_it():
    result = _match("Experience working in a cloud computing environment (infrastructure, "
                    "storage, platforms and/or data).")
    assert result.verdict == "unknown"  # "the storage team" is not cloud computing


def test_bachelor_of_technology_is_an_engineering_degree():
    result = _match("BS degree in Engineering or equivalent practical experience.")
    assert result.verdict == "met"


def test_years_in_a_technical_role_count_every_technical_role():
    req = "1 year of experience in a technical role."
    text = WEB.replace("company - Pixel Works", "company - Pixel Works\n"
                       "Web Developer - Pixel Works (January 2020 - December 2022)")
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    result = Matcher(profile, today=date(2024, 1, 1)).match(req)
    assert result.verdict in ("met", "partly")  # never "the profile does not show it"
    assert "does not show this kind of work" not in result.reason


def test_a_claimed_skill_without_the_named_work_is_partly():
    result = _match("Analytical Skills: Strong analytical skills to identify trends, analyze "
                    "financial data, and make informed decisions.")
    assert result.verdict == "partly"
    assert "does not show" in result.reason
