"""Rules added so verdicts and quotes hold on postings the rules were not written on
(evidence3 pass): each one general, none buying recall with an overclaim."""

from __future__ import annotations

from datetime import date

from research_kit.lexicon.terms import family, stem
from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.sources.profiles.resume import parse_resume_text

SALES = """Sales
Education Details
 Bachelor's Commerce India Guru Nanak high school
Sales Manager
Company Details
company - Honda cars india Ltd
description - 1. Worked as an Asm at Maruti dealership for 10 years
2. Currently working as Manager sales in Honda car dealership from last 5 years
"""


def _matcher(text: str) -> Matcher:
    return Matcher(parse_resume_text(text, Source.for_file("resume.txt")),
                   today=date(2024, 1, 1))


def test_the_doer_and_the_activity_are_one_family():
    assert family(stem("management")) == family(stem("Manager")) == family(stem("managing"))
    assert family(stem("leadership")) == family(stem("led"))
    assert family(stem("customer")) != family(stem("custom"))


def test_a_manager_role_shows_years_of_management():
    result = _matcher(SALES).match("5 years of experience in a management role.")
    assert result.verdict == "met"
    assert "Manager sales" in result.evidence[0].text


def test_initials_in_a_school_name_are_no_degree():
    from research_kit.research.position.facts import degree_of

    assert degree_of("HSC Pune, Maharashtra S.S.P.M.S College") == 1
    assert degree_of("M.S. Computer Science") == 4
    assert degree_of("B.Sc. Physics") == 3


def test_a_qualified_field_name_is_the_field():
    from research_kit.research.position.requirements import _degree_fields

    assert "business" in _degree_fields(
        "BA/BS degree in a technical or quantitative/business-oriented field or equivalent "
        "practical experience.")


PMO = """PMO
SKILLS • Multi-tasking skills in fast paced environment. • Good Communication skills.
• Ability to work with different cross-functional stakeholders to establish and ensure a reliable and productive working relationship
Summary Passionate about innovation but have eye for detail.
"""


def test_soft_skills_said_in_other_words():
    m = _matcher(PMO)
    assert m.match("Ability to engage in multiple projects at one time").verdict == "met"
    assert m.match("Attention to Detail: A high level of accuracy and attention to "
                   "detail.").verdict == "met"
    relations = m.match("Ability to collaborate and build relationships with individuals of "
                        "varying levels of experience and departments")
    assert relations.type == "soft_skill" and relations.verdict == "met"
    # "good" communication against "excellent verbal & written": partly, never met
    assert m.match("Excellent verbal & written communication, high emotional intelligence, "
                   "discretion").verdict == "partly"


INTERN = """\
name: Kiran Rao
headline: Full Stack Developer
summary: |
  Technology Stack :-
  Programming Languages - Python, C++
skills: [Leadership, Teamwork, Python]
experience:
  - title: Intern
    company: Persistent Systems
    start: 2022-01
    end: present
  - title: PHP Developer
    company: Vox Tecnologia
    start: 2019-05
    end: 2020-09
    description: |
      Developed, using PHP and Symfony, the Automated Approval Process feature, accelerating the approval to open new business in 11 States.
"""


def _yaml(text: str) -> Matcher:
    from research_kit.sources.profiles import load_profile

    return Matcher(load_profile(text), today=date(2022, 7, 6))


def test_quotes_are_never_a_bare_date_or_a_heading():
    m = _yaml(INTERN)
    short = m.match("8+ years of software engineering experience")
    assert short.verdict == "not_met"
    assert "since May 2019" in short.reason
    for req in ("8+ years of software engineering experience", "Experience with a modern "
                "technology stack", "3+ years of experience building web applications"):
        for unit in m.match(req).evidence:
            assert "Present" not in unit.text and not unit.text.endswith((":", ":-"))


def test_a_listed_soft_skill_is_at_most_partly():
    got = _yaml(INTERN).match("Leadership Through Influence: The ability to mentor peers, "
                              "champion quality, and gain buy-in for new ideas")
    assert got.verdict == "partly"
    assert "only listed" in got.reason


def test_opening_a_new_business_is_no_sales():
    got = _yaml(INTERN).match("5+ years customer-facing post-sales experience")
    assert got.verdict in ("unknown", "not_met")
    assert not any("Approval Process" in u.text for u in got.evidence)


def test_an_alternative_with_its_own_qualifier_is_still_an_alternative():
    from research_kit.lexicon.terms import vocabulary
    from research_kit.research.position.slots import read_slots

    slots = read_slots("Experience in program management of software development or technical "
                       "cloud operation programs.", vocabulary())
    assert len(slots) == 2
    assert len(slots[1].options) == 2  # software development | cloud


NETSEC = """Network Security Engineer
Skill Set • Experience in Implementing, and troubleshooting network security solutions
Company Details
company - Capita
description - Work on Client Shared Network and Security infra
"""


def test_framing_words_ask_nothing():
    # "background in", "industry experience", "our … space" frame the field; they are no
    # words a profile must say
    got = _matcher(NETSEC).match("You have knowledge and industry experience relevant to our "
                                 "security space;")
    assert got.verdict == "met"


def test_particularly_in_is_a_preference_not_a_demand():
    from research_kit.research.position.requirements import read_requirement

    req = read_requirement("Project management experience, particularly in fast-paced or "
                           "cross-functional environments, is a strong plus.")
    assert [s.text for s in req.slots] == ["Project management"]


BBA = """PMO
Education Details
January 2005 Bachelor of Business Administration Business Administration Pune, Maharashtra Modern College
Company Details
company - Capita India Pvt ltd
description - Lead a team of 6 members.
"""


def test_a_technical_discipline_is_a_field_asked():
    m = _matcher(BBA)
    got = m.match("BS degree in a technical discipline (e.g. Computer Science/Electrical "
                  "Engineering) or equivalent practical experience.")
    assert got.verdict == "partly"  # a bachelor's, but in business
    assert m.match("BA/BS degree in a technical or quantitative/business-oriented field or "
                   "equivalent practical experience.").verdict == "met"


CLOUDY = """\
name: Lee Park
headline: Software Development Intern
experience:
  - title: Software Development Intern
    company: VistaShare
    start: 2015-05
    end: 2015-06
    description: Responsible for helping to create and maintain several cloud based software features for the company.
"""


def test_a_generic_word_of_a_certificate_is_not_what_it_covers():
    got = _yaml(CLOUDY).match("Salesforce Sales Cloud, Service Cloud certifications a plus")
    assert got.verdict == "unknown"


def test_examples_in_parentheses_are_alternatives_of_the_kind():
    from research_kit.research.position.requirements import read_requirement

    req = read_requirement("Comfortable working in a regulated or compliance-conscious industry "
                           "(wealth management or financial services experience a plus)")
    assert len(req.slots) == 1 and len(req.slots[0].options) >= 2
    exchange = _matcher("Database\nCompany Details\ncompany - BSE Bombay Stock Exchange\n"
                        "description - Day-to-day administration of live SQL Servers.\n")
    assert exchange.match(req.text).verdict == "met"
