"""Rules of the eighth evidence pass: "the entire stack" / "full-stack" asks for both the
front end and the back end, shown in a role; how fast someone learns is not a word to find."""

from __future__ import annotations

from datetime import date

from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.research.position.requirements import is_full_stack, read_requirement
from research_kit.sources.profiles.resume import parse_resume_text

_ASK = "Ability to work across the entire stack and become an expert quickly"


def _matcher(text: str) -> Matcher:
    profile = parse_resume_text(text, Source.for_file("resume.txt"))
    return Matcher(profile, today=date(2024, 1, 1))


def test_entire_stack_is_one_slot_needing_both_ends_and_no_tool():
    req = read_requirement(_ASK)
    assert [s.text for s in req.slots] == ["the entire stack"]
    assert is_full_stack(req.slots[0])
    assert req.type == "responsibility"  # work shown in a role, not tools to list
    # "become an expert quickly" is not asked word by word
    assert req.words == {}
    # "full-stack web development" replaces the "web development" slot
    slots = read_requirement("Experience with full-stack web development.").slots
    assert len(slots) == 1 and is_full_stack(slots[0])


def test_both_ends_in_one_role_meet_it():
    matcher = _matcher(
        "Skills\nC#, SQL\nCompany Details\ncompany - Corecode\ndescription - Worked on web "
        "application using asp, c#, mvc as well as sql for database and also bootstrap, css, "
        "html for designing.\n")
    result = matcher.match(_ASK)
    assert result.verdict == "met"
    assert "bootstrap" in result.evidence[0].text


def test_one_end_only_is_partly():
    matcher = _matcher(
        "Web Designer\nCompany Details\ncompany - Trust Systems\ndescription - Renovated "
        "complete UI to make it more modern and user-friendly for bank use.\n")
    assert matcher.match(_ASK).verdict == "partly"


def test_both_ends_only_in_a_skills_list_is_partly():
    matcher = _matcher(
        "Skills\nFramework (Developed RESTful APIs) - Django, Flask\nFrontend - HTML, CSS, "
        "JavaScript\nCompany Details\ncompany - Acme\ndescription - Competitive programmer "
        "who solved 500 problems.\n")
    assert matcher.match(_ASK).verdict == "partly"


def test_a_result_that_presented_a_number_is_not_communication():
    from research_kit.lexicon.terms import vocabulary
    vocab = vocabulary()
    said = vocab.concepts_in("Microservices used as proof of concept presented 60% of "
                             "performance improvement in Jenkins.")
    assert "communication" not in said
    assert "communication" in vocab.concepts_in("Project ROI analyses presented to Senior "
                                                "Operations Directors.")
