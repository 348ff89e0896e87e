"""Every generated sentence, rendered with real data, reads right: no lower-case starts,
doubled words, dangling "you"/"with", unbalanced quotes, or near-duplicates on one list.

Real fixtures: every fixture 10-K (Items 1 and 7 → salient facts → talking points and
questions), the 8-K press releases, every job posting (questions from responsibilities,
likely interview questions), and the demo brief end to end.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FIXTURES, fixture_path

from research_kit.research.company.facts import role_terms, salient_facts
from research_kit.research.company.findings import fact_findings
from research_kit.research.grammar import near_duplicates, sentence_problems
from research_kit.research.talking_points import (
    compose_questions,
    compose_talking_points,
    verify_point,
)


def _check(points) -> None:
    texts = [p.text for p in points]
    for point in points:
        assert sentence_problems(point.text) == [], point.text
        assert verify_point(point) == [], (point.text, verify_point(point))
    assert near_duplicates(texts) == []


def test_the_guard_catches_what_reads_wrong():
    assert "does not start with a capital" in sentence_problems("the team grew.")
    assert any("doubled" in p for p in sentence_problems("We met the the team."))
    assert "ends on a dangling word" in sentence_problems("Tell me about a time you worked with.")
    assert any("dangling 'you'" in p for p in sentence_problems(
        "Tell me about a time you worked with you care about code quality."))
    assert "unbalanced curly quotes" in sentence_problems("It says \u201cgrowth.")
    assert "space before punctuation" in sentence_problems("Revenue grew , a lot.")
    assert sentence_problems("The 10-K says: \u201cRevenue grew.\u201d How does it matter?") == []
    assert near_duplicates(["Revenue grew 10% in 2024.", "In 2024 revenue grew 10%."])


def _tenk_files() -> list[Path]:
    folders = [FIXTURES / "edgar" / "10k", FIXTURES / "edgar" / "10k-more"]
    return sorted(p for f in folders if f.is_dir() for p in f.iterdir()
                  if p.suffix in (".htm", ".html", ".txt"))


@pytest.mark.fixtures
@pytest.mark.parametrize("path", _tenk_files(), ids=lambda p: p.name)
def test_talking_points_and_questions_from_every_fixture_10k(path):
    from research_kit.errors import ResearchKitError
    from research_kit.research.normalize import short_company
    from research_kit.sources.edgar.passages import report_passages
    from research_kit.sources.edgar.sections import split_10k

    try:
        report = split_10k(path.read_bytes(), source=str(path), allow_forms=("10-KSB",))
    except ResearchKitError:
        pytest.skip(f"{path.name} does not split into Items")
    terms = role_terms("Senior Software Engineer, Data Platform",
                       ["5+ years building data pipelines in Python and SQL",
                        "Experience with cloud infrastructure and customer analytics"])
    facts = salient_facts(report_passages(report), terms=terms,
                          company_names=[report.company or ""])
    findings = fact_findings(facts, short_company(report.company or "The company"))
    _check(compose_talking_points(findings))
    _check(compose_questions(findings))


@pytest.mark.fixtures
def test_press_release_facts_read_right():
    import pandas as pd

    from research_kit.sources.edgar.passages import press_passages
    from research_kit.sources.edgar.press import press_release_from_document

    rows = []
    for name in ("adbe-2023-03-15-0000796343-23-000044.txt", "mmm-2024-03-08-0000066740-24-000023.txt",
                 "bke-2024-11-22-ex99-1.htm"):
        release = press_release_from_document(fixture_path("edgar", "8k", name).read_bytes())
        rows.append({"date": "2024-03-08", "title": release.title or "", "company": "Acme",
                     "text": release.body, "first_paragraph": release.first_paragraph,
                     "source_url": f"https://www.sec.gov/{name}", "retrieved_at": "2026-11-30"})
    passages = press_passages(pd.DataFrame(rows))
    assert len(passages) >= 3
    findings = fact_findings(salient_facts(passages), "Acme")
    assert findings
    _check(compose_talking_points(findings))
    _check(compose_questions(findings))


def _posting_files() -> list[Path]:
    jobs = FIXTURES / "jobs"
    return sorted(p for folder in ("ats", "ats_more", "html") if (jobs / folder).is_dir()
                  for p in (jobs / folder).iterdir() if p.suffix in (".json", ".html"))


@pytest.mark.fixtures
@pytest.mark.parametrize("path", _posting_files(), ids=lambda p: p.name)
def test_questions_from_every_fixture_posting(path):
    from research_kit.errors import ResearchKitError
    from research_kit.research.position.match import position_findings
    from research_kit.research.position.questions import likely_questions
    from research_kit.sources.jobs import load_job_posting

    try:
        board = json.loads(path.read_text("utf-8")) if path.suffix == ".json" else None
    except ValueError:
        board = None
    jobs = board.get("jobs") if isinstance(board, dict) else None
    ids = [str(j.get("id")) for j in jobs] if isinstance(jobs, list) and jobs else [None]
    for posting_id in ids:
        try:
            job = load_job_posting(str(path), posting_id=posting_id)
        except ResearchKitError:
            continue
        _check(compose_questions(position_findings(job)))
        table = likely_questions(job, top=8)
        for text in table["question"] if "question" in table.columns else []:
            assert sentence_problems(str(text)) == [], text
