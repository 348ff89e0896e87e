"""What a candidate reads, on shapes seen in real briefs: no fact misread as a deal, a
launch or a leadership change; no unnamed "the program"; no "net sales" read as the sales
team; old news as background; questions only where the role has a stake; no two points
opening alike; SWOT lines that read as sentences."""

from __future__ import annotations

from datetime import date

import pandas as pd

from research_kit.research.company.facts import _kind_of, role_terms, salient_facts
from research_kit.research.company.findings import fact_findings
from research_kit.research.position.swot import gap_text
from research_kit.research.talking_points import compose_questions, compose_talking_points

SOURCE = {"source_url": "https://example.com/x", "retrieved_at": "2026-11-30",
          "section": "s", "from_cache": True}


def _passages(*rows):
    return pd.DataFrame([{"kind": k, "title": t, "date": d, "text": x, **SOURCE}
                         for k, t, d, x in rows])


def test_kinds_need_a_named_object_or_an_active_verb():
    assert _kind_of("We acquired Mellanox in 2020 for $7 billion.")[0] == "acquisition"
    assert _kind_of("The program trained 5,436 learners acquiring valuable skills in "
                    "manufacturing.")[0] != "acquisition"
    assert _kind_of("We succeeded in neutralising the impacts of the funding model.")[0] \
        != "leadership"
    assert _kind_of("New products introduced by the Company often use custom "
                    "components.")[0] != "launch"
    assert _kind_of("We introduced the Blackwell platform in 2024.")[0] == "launch"


def test_a_sentence_naming_what_came_before_is_not_quoted():
    passages = _passages(("business", "Acme 10-K FY2024", "2024-12-31",
                          "Launched in February 2024, the program has provided funding to "
                          "5,436 learners in manufacturing. We launched Acme Cloud in March "
                          "2024 for data teams across the world."))
    facts = salient_facts(passages, today=date(2025, 3, 1))
    assert not any("the program" in f for f in facts["fact"])
    assert any("Acme Cloud" in f for f in facts["fact"])


def test_net_sales_is_not_the_sales_team():
    terms = role_terms("Account Executive", ["Experience in enterprise sales",
                                             "Grow the enterprise sales pipeline"])
    score, matched = terms.match("Services net sales increased during 2024 compared to 2023.")
    assert "sales" not in [m.lower() for m in matched]
    assert terms.match("We grew our enterprise sales team in Europe.")[1]


def test_old_news_is_background_and_never_a_question():
    passages = _passages(
        ("news", "Acme news", "2011-07-14", "Acme Opens New Los Angeles Office"),
        ("news", "Acme news", "2026-10-01", "Acme launches Acme Cloud for data teams"))
    facts = salient_facts(passages, today=date(2026, 12, 4), company_names=["Acme"])
    findings = fact_findings(facts, "Acme")
    by_sentence = {f.facts["sentence"]: f for f in findings}
    assert by_sentence["Acme Opens New Los Angeles Office"].facts["stale"]
    assert not by_sentence["Acme launches Acme Cloud for data teams"].facts["stale"]
    points = [p.text for p in compose_talking_points(findings)]
    old = [p for p in points if "Los Angeles" in p]
    assert old and old[0].startswith(("Some background from Acme's news page (2011-07-14)",
                                      "Also on the same news page (2011-07-14)"))
    questions = [q.text for q in compose_questions(findings)]
    assert not any("Los Angeles" in q for q in questions)


def test_figures_become_questions_only_with_the_role_in_them():
    passages = _passages(("results", "Acme 10-K FY2024", "2024-12-31",
                          "Selling, general and administrative expense increased $1.2 billion "
                          "during 2024 compared to 2023. Data platform revenue grew 40% to "
                          "$2.1 billion in 2024, driven by analytics customers."))
    terms = role_terms("Data Engineer", ["Build the data platform and analytics pipelines"])
    findings = fact_findings(salient_facts(passages, terms=terms, today=date(2025, 3, 1)),
                             "Acme")
    questions = [q.text for q in compose_questions(findings)]
    assert questions and all("Selling, general" not in q for q in questions)
    assert any("Data platform revenue" in q for q in questions)


def test_a_document_quoted_again_is_named_briefly_and_never_twice_alike():
    text = ("Data Center revenue grew 142% to $47.5 billion in 2024, driven by demand for "
            "Hopper platforms. Gaming revenue was up 15% on strong sales of GeForce RTX 40 "
            "Series GPUs to gamers and creators. We launched our Earth-2 initiative to create "
            "a digital twin of the Earth on NVIDIA Omniverse. Professional Visualization "
            "revenue reached $1.9 billion, up 21% as enterprises adopted RTX workstations. "
            "Automotive revenue increased 55% to $1.7 billion on self-driving platforms.")
    passages = _passages(("results", "Acme 10-K FY2024", "2024-12-31", text))
    findings = fact_findings(salient_facts(passages, today=date(2025, 3, 1)), "Acme",
                             per_kind=5, per_document=5)
    points = [p.text for p in compose_talking_points(findings)]
    openers = [p.split(":")[0] for p in points]
    assert len(points) >= 3 and len(set(openers)) == len(openers)


def test_gaps_read_as_sentences():
    assert gap_text({"requirement": "You are willing and able to travel", "verdict": "unknown"}) \
        == "No evidence yet that you are willing and able to travel"
    assert gap_text({"requirement": "Technical Acumen: You have a deep understanding of SaaS",
                     "verdict": "partly"}) == "Only partly shown: a deep understanding of SaaS"
    assert gap_text({"requirement": "Our customers are technical security teams",
                     "verdict": "unknown"}).startswith("No evidence yet for: Our customers")
    assert gap_text({"requirement": "Master's Degree in Education", "verdict": "not_met"}) \
        == "Not met: Master's Degree in Education"


def test_responsibility_questions_read_well_for_any_shape():
    from research_kit.research.talking_points import _q_responsibility

    assert _q_responsibility({"text": "Design and build data pipelines"}).startswith(
        "The posting says the role will \u201cDesign and build data pipelines\u201d.")
    labelled = _q_responsibility({"text": "Build the Foundation: You\u2019re responsible for "
                                          "building the development tools"})
    assert labelled.startswith("The posting describes the role this way: \u201cYou\u2019re "
                               "responsible")
    assert "the role will \u201cJourney" not in _q_responsibility(
        {"text": "Journey Guides (Educators) are trained facilitators who lead classes"})


def test_questions_name_a_document_once():
    passages = _passages(("letter", "Acme annual report 2025", "2025",
                          "We launched Acme Cloud for data teams in Europe this spring. We "
                          "acquired Beta Analytics to strengthen our data platform offering. "
                          "We opened a new data engineering office in Lisbon in 2025."))
    terms = role_terms("Data Engineer", ["Build the data platform"])
    findings = fact_findings(salient_facts(passages, terms=terms, today=date(2025, 12, 1),
                                           company_names=["Acme"]), "Acme")
    questions = [q.text for q in compose_questions(findings) if "annual report" in q.text]
    assert len(questions) >= 2
    assert sum("Acme's annual report 2025" in q for q in questions) == 1
    assert all("the same annual report" in q.lower() for q in questions[1:])


def test_years_asked_counts_the_headline_not_the_part():
    from research_kit.sources.jobs.features import years_asked

    assert years_asked("8+ years of relevant experience, including at least 2 years of "
                       "management") == 8
    assert years_asked("5 years with a BS or 3 years with an MS") == 3
    assert years_asked("3-7 years of Python") == 3
    assert years_asked("2+ years of Python and 3+ years of SQL") == 3
    assert years_asked("Experience: 8+ years of relevant experience, including at least 2 "
                       "years of management. Preferred: 12+ years scaling teams.") == 8


def test_gap_keeps_an_article_lowercase_and_an_acronym_as_written():
    assert gap_text({"requirement": "Accounting Knowledge: A strong understanding of GAAP",
                     "verdict": "unknown"}) == "No evidence yet of a strong understanding of GAAP"
    assert gap_text({"requirement": "AWS certification", "verdict": "unknown"}) \
        == "No evidence yet of AWS certification"
