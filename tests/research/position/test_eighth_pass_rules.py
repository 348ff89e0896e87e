"""Rules of the eighth evidence pass: "the entire stack" / "full-stack" asks for both the
front end and the back end, shown in a role; how fast someone learns is not a word to find;
"presented 60 %" is no talk; interview questions leave out a posting's labels, optional
tails and later sentences."""

from __future__ import annotations

from datetime import date

from research_kit.lexicon.terms import vocabulary
from research_kit.provenance import Source
from research_kit.research.position.matching import Matcher
from research_kit.research.position.questions import likely_questions, question_for
from research_kit.research.position.requirements import is_full_stack, read_requirement
from research_kit.sources.jobs.features import requirement_rows
from research_kit.sources.jobs.model import JobPosting, JobSection
from research_kit.sources.profiles import load_profile
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
    vocab = vocabulary()
    said = vocab.concepts_in("Microservices used as proof of concept presented 60% of "
                             "performance improvement in Jenkins.")
    assert "communication" not in said
    assert "communication" in vocab.concepts_in("Project ROI analyses presented to Senior "
                                                "Operations Directors.")


def test_questions_drop_the_label_the_optional_tail_and_later_sentences():
    ask = ("Senior Technical Depth: Extensive hands-on experience in at least one of the major "
           "cloud providers (GCP, AWS, Azure), with a track record of driving scalable "
           "engineering outcomes.")
    question, _ = question_for(ask, ["GCP", "AWS", "Azure"])
    assert question.startswith("Tell me about a time you worked with at least one of the "
                               "major cloud providers (GCP, AWS, Azure)")
    assert "Technical Depth" not in question
    question, _ = question_for("Familiarity with AI-powered developer tools like Windsurf, "
                               "Copilot, ChatGPT, and others is a strong plus.", ["ChatGPT"])
    assert question == ("Tell me about a time you worked with AI-powered developer tools. What "
                        "did you build, and what was the result?")
    question, _ = question_for("Technical Expertise: A strong understanding of accounting "
                               "principles, standards, and regulations. ASC 606 & 842 "
                               "experience strongly preferred.", ["accounting"])
    assert "ASC 606" not in question and "Expertise:" not in question
    # "e.g." does not end a sentence
    question, _ = question_for("Strong software engineering fundamentals at least one language "
                               "(e.g. Python, Go), git-based workflows, automated testing",
                               ["Python"])
    assert "(e.g. Python, Go), git-based workflows, automated testing." in question


def test_a_label_still_says_which_kind_of_question():
    question, _ = question_for("Problem-Solving Skills: The ability to identify and resolve "
                               "complex financial issues.")
    assert question.startswith("Tell me about the hardest problem you solved")
    question, _ = question_for("Experience: 8+ years of relevant experience, including at "
                               "least 2 years of management experience.")
    assert question.startswith("Walk me through your background")


def test_working_cross_functionally_is_collaboration():
    assert "collaboration" in vocabulary().concepts_in(
        "Ability to work cross functionally with deployed and support engineers")
    assert "collaboration" in vocabulary().concepts_in(
        "Demonstrated experience working cross-functionally with product teams.")


_REMOTE_DEVELOPER = """\
name: Ana Souza
headline: Senior Java Developer
location: Recife, Brazil
experience:
  - title: Senior Java Developer
    company: Acme
    location: Remote
    start: 2021-01
    end: 2023-01
    description: Built REST microservices in Java and Spring Boot.
  - title: PHP Developer
    company: Borealis
    location: Recife, Brazil
    start: 2018-01
    end: 2020-12
    description: Maintained the billing system in PHP.
"""


def _yaml_matcher(tmp_path, text: str) -> Matcher:
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    return Matcher(load_profile(path), today=date(2024, 1, 1))


def test_roles_marked_remote_show_remote_work(tmp_path):
    matcher = _yaml_matcher(tmp_path, _REMOTE_DEVELOPER)
    result = matcher.match("Ability to work independently in a remote-first role")
    assert result.verdict == "met"
    assert result.evidence[0].text == "Senior Java Developer at Acme"  # a YAML profile has
    assert "marked Remote (Senior Java Developer at Acme)" in result.reason  # no "Remote" line
    # what was done in that role comes next: a story to tell about it
    assert result.evidence[1].text == "Built REST microservices in Java and Spring Boot."
    # a tool named beside it must still be shown
    result = matcher.match("Experience working remotely with video conferencing tools "
                           "(e.g., Zoom, Google Meet).")
    assert result.verdict == "partly"
    # where to live for a remote job is a location requirement, decided as before
    located = matcher.match("This role is a remote position, you must be based out of one of "
                            "the following states: California, Colorado.")
    assert located.verdict != "met"


def test_remote_roles_do_not_show_the_rest_of_the_requirement(tmp_path):
    matcher = _yaml_matcher(tmp_path, _REMOTE_DEVELOPER)
    # a remote developer has not managed remote teams, nor said he writes well
    for ask in ("Experience managing remote teams",
                "Excellent written communication skills for a remote-first team"):
        result = matcher.match(ask)
        assert result.verdict == "partly", ask
        assert "marked Remote" in result.reason
    lead = _REMOTE_DEVELOPER.replace("Built REST microservices", "Led a team of 6 engineers "
                                     "building REST microservices")
    assert _yaml_matcher(tmp_path, lead).match("Experience managing remote teams").verdict \
        == "met"


def test_no_role_marked_remote_leaves_the_type_rule_to_decide(tmp_path):
    matcher = _yaml_matcher(tmp_path, _REMOTE_DEVELOPER.replace("    location: Remote\n", ""))
    assert matcher.match("Ability to work independently in a remote-first role").verdict \
        == "unknown"


def test_taking_on_challenges_and_learning_are_soft_skills_of_their_own():
    vocab = vocabulary()
    assert "taking on challenges" in vocab.concepts_in(
        "Positive attitude towards solving problems and accepting challenges")
    assert "taking on challenges" in vocab.concepts_in("There is no challenge too big to you")
    assert "learning agility" in vocab.concepts_in("Quick learner")
    matcher = _matcher("Company Details\ncompany - Acme\ndescription - Java developer with a "
                       "positive attitude towards solving problems and accepting challenges.\n")
    assert matcher.match("There is no challenge too big to you").verdict == "met"
    # half of a two-part soft skill is partly
    assert matcher.match("Desire to learn new things and take on challenges").verdict == "partly"


def test_years_stated_in_a_sentence_are_quoted_from_it():
    matcher = _matcher(
        "Skills\nDOCUMENTATION- Exprience - 47 months\nCompany Details\ncompany - Acme\n"
        "description - Having an exp of 6 years experience in Project Management in IT.\n")
    result = matcher.match("3-7 years experience in a similar role")
    assert result.verdict == "met"
    assert result.evidence[0].text == ("Having an exp of 6 years experience in Project "
                                       "Management in IT.")


def test_question_forms_follow_the_requirement_s_grammar():
    # "ability to …" is something one had to do
    assert question_for("Ability to work across the entire stack and become an expert "
                        "quickly")[0] == ("Tell me about a time you had to work across the "
                                          "entire stack and become an expert quickly. What "
                                          "was the result?")
    # "exposure to …" is not
    assert "had to" not in question_for("Exposure to security compliance frameworks (ISO "
                                         "27001, Essential Eight, or similar).", ["ISO 27001"])[0]
    assert question_for("Comfortable working in a regulated or compliance-conscious industry "
                        "(wealth management or financial services experience is a plus).")[0] \
        == ("Tell me about a time you worked in a regulated or compliance-conscious industry. "
            "What was the result?")
    assert question_for("You are familiar with SQL, Chrome developer tools, and APIs;",
                        ["SQL"])[0].startswith("Tell me about a time you worked with SQL, Chrome")
    assert question_for("Current experience teaching 5th to 12th graders", None,
                        asked={"Tell me about someone you mentored. What changed for them "
                               "because of it?"})[0].startswith(
        "Tell me about a time you taught 5th to 12th graders")


def test_a_soft_skill_question_is_asked_once_per_posting():
    bullets = ["Minimum 6 months of recent teaching experience in a virtual classroom",
               "Current experience teaching 5th to 12th graders",
               "Current or former experience leading groups in an educational environment"]
    sections = [JobSection("required", "Requirements", bullets=bullets)]
    job = JobPosting(title="Teacher", sections=sections,
                     source=Source.for_file("posting.json", title="Job posting"))
    job.features = requirement_rows(sections)
    questions = list(likely_questions(job)["question"])
    assert len(set(questions)) == len(questions)
