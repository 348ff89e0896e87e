"""Sixth pass on what a candidate reads: who owns the company is a fact worth saying; a
launch fifteen years old is history, below it, and stays a talking point (as background)
when the sources hold little else."""

from __future__ import annotations

from datetime import date

import pandas as pd

from research_kit.research.company.facts import _kind_of, role_terms, salient_facts
from research_kit.research.company.findings import fact_findings
from research_kit.research.talking_points import compose_questions, compose_talking_points
from research_kit.workbench.steps.brief import findings_to_talk_about

SOURCE = {"source_url": "https://example.com/x", "retrieved_at": "2026-11-30",
          "section": "s", "from_cache": True}
PARENT = ("Established in 2002, CHT Global is the US Subsidiary of Chunghwa Telecom , the "
          "largest telecommunication company in Taiwan.")


def _passages(*rows):
    return pd.DataFrame([{"kind": k, "title": t, "date": d, "text": x, **SOURCE}
                         for k, t, d, x in rows])


def test_ownership_is_a_kind_of_fact_but_not_a_10k_legal_structure():
    assert _kind_of(PARENT)[0] == "ownership"
    assert _kind_of("Smartly is owned by Pedago, LLC.")[0] == "ownership"
    assert _kind_of("It is a division of Siemens AG.")[0] == "ownership"
    assert _kind_of("Apple Operations International, a wholly owned subsidiary of the "
                    "Company, holds most of its cash.")[0] != "ownership"
    assert _kind_of("Our shares are owned by institutional investors.")[0] != "ownership"


def _cht_findings():
    passages = _passages(
        ("about", "CHT Global about page", "", PARENT),
        ("news", "CHT Global news", "2011-02-01",
         "CHT Global Launches Net2Compute Cloud Computing Solution"))
    # the launch touches the role (cloud): without that it would not be a finding at all
    terms = role_terms("Senior DevOps Engineer", ["Hands-on experience with a major cloud "
                                                  "computing provider"])
    facts = salient_facts(passages, terms=terms, today=date(2026, 12, 5),
                          company_names=["CHT Global"])
    return facts, fact_findings(facts, "CHT Global")


def test_the_parent_company_goes_before_a_launch_fifteen_years_old():
    _, findings = _cht_findings()
    assert [f.facts["fact_kind"] for f in findings] == ["ownership", "launch"]
    assert [f.facts["stale"] for f in findings] == [False, True]
    question = compose_questions(findings[:1])[0].text
    assert question.endswith("How closely does this team work with the parent company?")


def test_old_news_stays_a_talking_point_when_facts_are_few():
    """Few facts: half of the askable ones go to the questions, but an old item cannot be
    asked about, so it is not lost: it is background in the talking points."""
    _, findings = _cht_findings()
    points = [p.text for p in compose_talking_points(findings_to_talk_about(findings))]
    assert len(points) == 2 and "Chunghwa Telecom" in points[0]
    assert points[1].startswith("Some background from CHT Global's news page (2011-02-01)")
