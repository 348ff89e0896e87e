"""Questions to ask on real briefs: most targets drafted one question, since a fact needed
the role's words in it and a duty could be asked about once. Now a duty can be asked about
twice (in two forms), the competitors the 10-K names are asked about without figures, and
revenue growth is a question — never one the talking points already say."""

from __future__ import annotations

import pandas as pd

from research_kit.provenance import Source
from research_kit.research.industry.findings import industry_findings
from research_kit.research.talking_points import (
    Finding,
    compose_questions,
    question_template_key,
)

POSTING = Source.for_file("posting.json", title="Job posting")
XBRL = Source(url="https://data.sec.gov/api/xbrl/companyfacts/CIK0000000001.json",
              retrieved_at="2026-11-30", title="Acme 10-K financials FY2025")


def _duty(text: str, weight: float) -> Finding:
    return Finding("position", "responsibility", {"text": text}, POSTING, weight)


def test_two_duties_are_asked_in_two_forms_and_no_more():
    findings = [_duty("Own the production monitoring stack", 1.0),
                _duty("Design and build data pipelines", 0.5),
                _duty("Mentor junior engineers", 0.33)]
    questions = [q.text for q in compose_questions(findings)]
    assert len(questions) == 2
    assert questions[0].startswith("The posting says the role will \u201cOwn the production")
    assert "90 days" in questions[0]
    assert questions[1] == ("The posting lists this among the role's duties: \u201cDesign and "
                            "build data pipelines\u201d. How does the team handle that today?")


def test_revenue_growth_is_a_question_and_a_decline_is_not():
    up = Finding("company", "revenue_trend", {"company": "Acme", "growth": 0.421,
                                               "revenue": 8.2e9, "fiscal_year": 2026}, XBRL)
    down = Finding("company", "revenue_trend", {**up.facts, "growth": -0.05}, XBRL)
    assert [q.text for q in compose_questions([up])] == [
        "Acme reported revenue up 42.1% to $8.2 billion in fiscal 2026. Which part of that "
        "growth is this team's work closest to?"]
    assert compose_questions([down]) == []


class _Peers:
    def __init__(self, competitors: pd.DataFrame, facts: pd.DataFrame) -> None:
        self.competitors, self.facts = competitors, facts


def test_competitors_the_10k_names_are_asked_about_once_each_brief():
    src = {"source_url": "https://www.sec.gov/Archives/edgar/data/1/acme-10k.htm",
           "retrieved_at": "2026-11-30", "section": "Item 1A. Risk Factors",
           "from_cache": True}
    competitors = pd.DataFrame([
        {"name": "Alphabet (Android)", "origin": "10-K", "sec_name": "Alphabet Inc.", **src},
        {"name": "Globex", "origin": "same SIC", "sec_name": "GLOBEX CORP", **src},
        {"name": "Initech", "origin": "your list", "sec_name": None, **src},
        {"name": "Sony Group", "origin": "10-K", "sec_name": None, **src}])
    facts = pd.DataFrame([{"cik": "1", "company": "Acme Devices, Inc.", "role": "target",
                           "metric": "revenue", "value": 1.0, "fiscal_year": 2025}])
    findings = industry_findings(peers=_Peers(competitors, facts))
    named = [f for f in findings if f.kind == "competitor_named"]
    assert [f.facts["competitor"] for f in named] == ["Alphabet (Android)", "Sony Group"]
    assert named[0].source.section == "Item 1A. Risk Factors"
    questions = compose_questions(findings)
    assert [q.text for q in questions] == [
        "Acme Devices' 10-K names Alphabet (Android) among the competition. Where does this "
        "team feel that competition most?"]
    # a competitor with figures and one without are one kind of question
    assert question_template_key("competitor_figure", {}) == \
        question_template_key("competitor_named", {})
