"""Rules of the sixth evidence pass (read from holdout5–8 once each had been measured
blind): "and or" written without its slash, a list of fields any one of which is enough,
and web stacks named by their acronym."""

from __future__ import annotations

from datetime import date

from research_kit.lexicon.terms import vocabulary
from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.research.position.rules import _either_field
from research_kit.research.position.slots import read_slots
from research_kit.sources.profiles.resume import parse_resume_text


def _matcher(text: str) -> Matcher:
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    return Matcher(profile, today=date(2024, 1, 1))


def test_and_or_without_its_slash_lists_alternatives():
    slots = read_slots("Experience working with SQL, HTML, JavaScript and or Unix/Linux.",
                       vocabulary())
    assert [(s.text, s.need) for s in slots] == [("SQL, HTML, JavaScript and or Unix/Linux", 1)]
    # with "and" the list still asks for each
    assert len(read_slots("Experience with SQL, HTML and Linux.", vocabulary())) == 3
    matcher = _matcher("Web Developer\nSkills\nMySQL, PHP\nCompany Details\ncompany - Acme\n"
                       "description - Developed 23 WordPress plugins in PHP and MySQL.\n")
    assert matcher.match("Experience working with SQL, HTML, JavaScript and or "
                         "Unix/Linux.").verdict == "met"


def test_one_field_of_an_or_list_is_enough():
    text = ("Experience or internship experience in sales, customer support, account "
            "management, marketing or consulting.")
    assert _either_field(text)[0] == "Experience or internship experience in sales."
    assert len(_either_field(text)) == 5
    # "and" lists and tools are not split here (tools have their own "or" slots)
    assert _either_field("Experience in front-end, web testing infrastructure, distributed "
                         "systems and architecture.") == []
    matcher = _matcher("Sales Manager\nCompany Details\ncompany - Honda dealership\n"
                       "description - Currently working as Manager sales in Honda car "
                       "dealership from last 5 years.\n")
    result = matcher.match("Experience in sales, customer support, account management, "
                           "marketing or consulting.")
    assert result.verdict == "met" and "Manager sales" in result.evidence[0].text
    assert matcher.match("Experience in sales, customer support, account management and "
                         "consulting.").verdict != "met"


def test_a_web_stack_named_by_its_acronym_shows_its_languages():
    matcher = _matcher("Blockchain Developer\nSkill Details\nMEAN Stack- Exprience - 12 "
                       "months\n")
    result = matcher.match("Familiarity with programming/scripting (i.e. one or more of Java, "
                           "C, C++, .NET, Python, shell, Perl, JavaScript).")
    assert result.verdict == "met"
    assert any("MEAN Stack" in unit.text for unit in result.evidence)


def test_resume_words_for_teamwork_and_calm():
    vocab = vocabulary()
    assert "collaboration" in vocab.concepts_in("Team Work: Enjoy being a part of a group.")
    assert "collaboration" in vocab.concepts_in("Quick learner with team spirit.")
    assert "composure" in vocab.concepts_in("Keeping calm under pressure.")
    assert "composure" not in vocab.concepts_in("Measured the pressure of the boiler.")


def test_one_or_more_of_the_following_is_a_closed_list():
    """Any language fills "one or more languages such as Java or Go", but "one or more of
    the following: Java, C++ and/or Python" asks for one of those."""
    php = _matcher("Web Developer\nCompany Details\ncompany - WordPress\ndescription - "
                   "Developed a total of 23 WordPress Plugins in PHP and MYSQL.\n")
    closed = php.match("Experience in one or more of the following programming languages: "
                       "Java, C++ and/or Python.")
    assert closed.verdict != "met"
    assert php.match("Experience in one or more programming languages such as Java, C++ or "
                     "Python.").verdict == "met"


def test_a_line_about_training_taken_is_training():
    matcher = _matcher("Python Developer\nTechnical Skills\nCompleted Internal Angular 6, "
                       "HTML, CSS training.\n")
    result = matcher.match("Experience with web technologies such as HTML, CSS, JavaScript "
                           "and HTTP.")
    assert result.verdict == "partly" and "training" in result.reason


def test_a_bare_colon_opens_what_is_asked():
    slots = read_slots("Familar with cable/connector related components' manufacturing: "
                       "moldling, stamping, die-casting, LIM, MIM process and materials.",
                       vocabulary())
    assert slots[0].text == "manufacturing"
    assert any("LIM" in s.text for s in slots[1:])


def test_a_lists_and_after_an_unnamed_word_still_asks_for_each():
    slots = read_slots("You are familiar with SQL, Chrome developer tools, and APIs;",
                       vocabulary())
    assert [s.text for s in slots] == ["SQL", "Chrome developer tools", "APIs"]


def test_security_compliance_is_not_any_security_work():
    vocab = vocabulary()
    assert "security compliance" in vocab.concepts_in("ISO 27001 and SOC 2 audits")
    assert "security compliance" not in vocab.concepts_in(
        "Work on Client Shared Network and Security infra")
    matcher = _matcher("Network Engineer\nCompany Details\ncompany - Capita\ndescription - "
                       "Work on Client Shared Network and Security infra.\n")
    assert matcher.match("Exposure to security compliance frameworks (ISO 27001, Essential "
                         "Eight, or similar)").verdict != "met"


def test_a_postgraduate_diploma_is_not_a_masters_degree():
    from research_kit.research.position.facts import degree_of

    assert degree_of("January 2013 Post Graduate Diploma Information Technology Pune") == 3
    assert degree_of("PG Diploma in Data Science, 2019") == 3
    assert degree_of("Master of Science, Post Graduate Diploma in IT") == 4
    assert degree_of("Postgraduate studies in Physics (MSc), 2015") == 4


def test_strategic_thinking_and_decision_making_are_soft_skills():
    vocab = vocabulary()
    concepts = vocab.concepts_in("Strategic thinking and decision making ability")
    assert {"strategic thinking", "decision making"} <= set(concepts)
    assert "decision making" in vocab.concepts_in("drive towards pragmatic decisions")


def test_a_related_field_is_kin_to_the_field_named():
    civil = _matcher("Site Engineer\nEducation Details\nB.E in Civil Engineering Civil "
                     "Engineering Chennai, Tamil Nadu Anna University\n")
    result = civil.match("BA/BS degree in Computer Science or a related software engineering "
                         "field, or equivalent practical experience.")
    assert result.verdict != "met"
    assert civil.match("Bachelor's degree in Electrical Engineering, Mechanical Engineering, "
                       "related engineering fields or equivalent practical "
                       "experience.").verdict == "met"
    assert civil.match("Bachelor's degree in Computer Science or a related technical "
                       "field.").verdict == "met"
