"""Typed requirements and the rule of each type: met / partly / not met / unknown, with the
reason and the profile's own passages as quotes. Overclaiming is the worst error."""

from __future__ import annotations

import pytest
from conftest import fixture_path

from research_kit.research.position.matching import Matcher
from research_kit.research.position.requirements import read_requirement
from research_kit.sources.profiles import load_profile

DATA_ENGINEER = """\
name: Pat Lee
headline: Data Engineer at Acme Analytics
location: Austin, TX
summary: Fluent in English and Spanish.
experience:
  - title: Data Engineer
    company: Acme Analytics
    start: 2019-01
    end: present
    description: |
      Built Kafka and Spark pipelines in Python that load billing data into Snowflake.
      Led a team of 4 engineers through a warehouse migration.
  - title: Analyst
    company: Borealis Bank
    start: 2016-06
    end: 2018-12
    description: Wrote SQL reports for the risk team in a regulated bank.
education:
  - school: University of Texas at Austin
    degree: B.S.
    field: Computer Science
    start: 2012
    end: 2016
skills: [Python, SQL, Kafka, AngularJS, Ruby on Rails, PostgreSQL, Cordova]
certifications: [AWS Certified Developer]
languages: [English (Native or Bilingual), German (Elementary)]
"""


@pytest.fixture(scope="module")
def pat():
    from datetime import date

    return Matcher(load_profile(DATA_ENGINEER), today=date(2024, 1, 1))


@pytest.mark.parametrize("text, kind", [
    ("5+ years of experience with Python", "years"),
    ("BS in Computer Science or a related field", "degree"),
    ("An AWS certification", "certification"),
    ("Experience with Kafka or Kinesis", "tool"),
    ("Experience in the healthcare industry", "domain"),
    ("Experience managing vendors to deliver projects", "responsibility"),
    ("Excellent written and verbal communication skills", "soft_skill"),
    ("Fluency in German", "language"),
    ("Must be based in one of these states: California, Texas", "location"),
    ("Must be able to obtain a US security clearance", "location"),
])
def test_requirement_types(text, kind):
    assert read_requirement(text).type == kind


def test_lists_follow_their_conjunctions():
    def slots(text):
        return [s.text for s in read_requirement(text).slots]

    assert slots("Snowflake, BigQuery or Redshift") == ["Snowflake, BigQuery or Redshift"]
    assert slots("Python and SQL") == ["Python", "SQL"]
    assert slots("SQL/MySQL and Unix/Linux commands") == ["SQL/MySQL", "Unix/Linux"]
    # examples of a kind: any one does; "and" after "such as": most of them are asked
    alt = read_requirement("a language such as Java, Python and Go").slots[-1]
    assert alt.need == 1
    most = read_requirement("standards such as HTTP, REST, SOAP and OAuth").slots[-1]
    assert most.need == 2 and len(most.options) == 4
    # an optional tail is not asked: "(preferably …)"
    req = read_requirement("Worked at a SaaS company (preferably in the analytics space)")
    assert [s.text for s in req.slots] == ["SaaS"]


def test_tool_met_only_when_every_named_thing_is_shown(pat):
    met = pat.match("Experience with Kafka and Spark")
    assert met.verdict == "met" and met.evidence[0].text.startswith("Built Kafka and Spark")
    assert met.evidence[0].label == "Experience · Data Engineer at Acme Analytics"
    partly = pat.match("Experience with Kafka and Kubernetes")
    assert partly.verdict == "partly" and "Kubernetes" in partly.reason


def test_silence_is_unknown_not_not_met(pat):
    result = pat.match("Strong command of SwiftUI and TCA")
    assert result.verdict == "unknown" and result.evidence == []
    assert "does not mention" in result.reason


def test_a_tool_list_does_not_meet_a_domain(pat):
    # "distributed storage and networking infrastructure … bare metal" is not met by a web
    # intern's tool list (AngularJS, Ruby on Rails, PostgreSQL, Cordova)
    result = pat.match("Experience with distributed storage and networking infrastructure "
                       "on bare metal")
    assert result.verdict in ("unknown", "partly")
    assert result.verdict != "met"


def test_a_mention_of_aws_is_not_an_aws_certification():
    profile = load_profile("name: Sam\nexperience:\n  - title: Engineer\n    company: X\n"
                           "    description: Deployed services on AWS.\n")
    result = Matcher(profile).match("An AWS certification")
    assert result.verdict == "partly"  # the tool, not the certificate
    assert "certificate itself is not" in result.reason


def test_certification_listed_and_complete_list_without_it(pat):
    assert pat.match("AWS Certified Developer certification").verdict == "met"
    assert pat.match("PMP certification").verdict == "not_met"


def test_years_count_dated_roles_that_show_the_subject(pat):
    python = pat.match("3+ years of experience with Python")
    assert python.verdict == "met" and python.years_found >= 4.9
    too_many = pat.match("10+ years of professional experience")
    assert too_many.verdict == "not_met"
    assert "whole dated career is about 7.5 years" in too_many.reason
    silent = pat.match("3+ years of iOS development")
    assert silent.verdict == "unknown"


def test_present_is_the_export_date_not_today():
    akash = load_profile(fixture_path("profiles", "linkedin", "AkashZalke_Profile_2023fmt.pdf"))
    result = Matcher(akash).match("2+ years of software engineering experience")
    # January 2022 – "Present" (the export, July 2022): 6 months, never "until today"
    assert result.verdict == "not_met"
    # the span is in the reason; a bare date line is never quoted as evidence
    assert "since January 2022" in result.reason and "0.5 years" in result.reason
    assert not result.evidence


def test_degree_level_and_field(pat):
    assert pat.match("BS in Computer Science or a related field").verdict == "met"
    assert pat.match("Master's degree in Computer Science").verdict == "not_met"
    equivalent = pat.match("PhD in Statistics or equivalent practical experience")
    assert equivalent.verdict == "partly" and "equivalent" in equivalent.reason
    assert Matcher(load_profile("name: No School\n")).match(
        "Bachelor's degree required").verdict == "unknown"


def test_languages_by_level(pat):
    assert pat.match("Fluent in English").verdict == "met"
    assert pat.match("Fluency in German").verdict == "not_met"  # elementary
    assert pat.match("Ability to speak French").verdict == "not_met"  # a list without it
    silent = Matcher(load_profile("name: Q\nsummary: Builds things.\n"))
    assert silent.match("Fluent in French").verdict == "unknown"


def test_location_by_country(pat):
    assert pat.match("Must be based in one of these states: California, Texas").verdict == "met"
    assert pat.match("Must be based in one of these states: California, Ohio").verdict == \
        "not_met"
    away = pat.match("You will need to be Melbourne based")
    assert away.verdict == "not_met" and "Australia" in away.reason
    assert pat.match("Must be able to obtain a US security clearance").verdict == "unknown"


def test_soft_skills_say_how_strongly(pat):
    modest = Matcher(load_profile("name: Q\nskills: [Good communication skill]\n"))
    result = modest.match("Excellent communication and presentation skills")
    assert result.verdict == "partly" and result.evidence[0].text == "Good communication skill"


def test_a_profile_in_another_language_is_unknown_with_the_reason(tmp_path):
    resume = tmp_path / "curriculo.txt"
    resume.write_text(
        "Mariana Souza\nEngenheira de Dados\nResumo\nSou engenheira de dados com experiência "
        "em pipelines de dados e na nuvem, e gosto de trabalhar com a equipe de análise.\n"
        "Experiência\nEngenheira de Dados na Empresa Exemplo\nJaneiro de 2019 - Presente\n"
        "Construí pipelines de dados para a equipe de análise e mantive o data warehouse.\n",
        encoding="utf-8")
    profile = load_profile(resume)
    assert profile.language == "pt"
    result = Matcher(profile).match("3+ years of experience with Python and SQL")
    assert result.verdict == "unknown" and "Portuguese" in result.reason


def test_every_quote_is_a_passage_of_the_profile(pat):
    texts = {p.text for p in pat.profile.passages}
    for requirement in ("Experience with Kafka and Spark", "3+ years of Python",
                        "BS in Computer Science", "Experience leading engineers"):
        for unit in pat.match(requirement).evidence:
            assert unit.text in texts and unit.passage is not None
