"""Talking points state only what their source row holds."""

from research_kit.provenance import Source
from research_kit.research.talking_points import (
    Finding,
    TalkingPoint,
    compose_questions,
    compose_talking_points,
    compose_why_me,
    fmt_money,
    points_table,
    verify_point,
)

SRC = Source("https://data.sec.gov/api/xbrl/companyfacts/CIK0009999901.json",
             "2026-11-20T09:00:00+00:00")


def findings():
    return [
        Finding("company", "revenue_trend", {"company": "Brightwater Instruments, Inc.",
                                             "fiscal_year": 2025, "revenue": 497_300_000,
                                             "growth": 0.13824}, SRC, 3),
        Finding("industry", "competitor_figure", {"competitor": "Clearline Analytics Corp",
                                                  "fiscal_year": 2025, "revenue": 612_000_000,
                                                  "growth": 0.0729}, SRC, 2.5),
        Finding("company", "press_release", {"company": "Brightwater Instruments, Inc.",
                                             "date": "2026-02-19",
                                             "title": "Brightwater Instruments Reports Fourth "
                                                      "Quarter and Full Year 2025 Results"},
                SRC, 2),
        Finding("company", "risk_factor", {"heading": "We depend on a small number of "
                                                      "contract manufacturers.",
                                           "role_terms": "manufacturers"}, SRC, 1),
        # a risk that shares no term with the role is not a question for this interview
        Finding("company", "risk_factor", {"heading": "Currency rates may move against us."},
                SRC, 5),
        Finding("position", "responsibility", {"text": "design streaming pipelines for sensor "
                                                       "data"}, SRC, 1),
        Finding("position", "strength", {"requirement": "5+ years building production data "
                                                        "pipelines in Python and SQL",
                                         "evidence": "Data Engineer, Cascadia Grid Analytics "
                                                     "(2021–present)"}, SRC, 1),
        Finding("company", "revenue_trend", {"company": "X", "fiscal_year": 2025}, SRC, 9),
    ]


def test_points_are_cited_ranked_and_verified():
    points = compose_talking_points(findings())
    assert [p.kind for p in points][:3] == ["revenue_trend", "competitor_figure",
                                           "press_release"]
    assert "grew 13.8% to $497.3 million in fiscal 2025" in points[0].text
    assert points[1].text.startswith("While researching the competition, I learned that "
                                     "Clearline Analytics Corp")
    for p in points:
        assert p.source.url and verify_point(p) == [], (p.text, verify_point(p))
    questions = compose_questions(findings())
    assert any("contract manufacturers" in q.text for q in questions)
    assert not any("Currency" in q.text for q in questions)
    assert all(verify_point(q) == [] for q in questions)
    why = compose_why_me(findings())
    assert why and all(verify_point(w) == [] for w in why)
    table = points_table(points)
    assert list(table.columns[:4]) == ["rank", "area", "point", "kind"]
    assert table["source_url"].notna().all()


def test_verifier_catches_invented_numbers_and_names():
    bad = TalkingPoint("Revenue grew 42.0% thanks to Microsoft.", "company", "x", 1, SRC,
                       {"company": "Acme", "growth": 0.1})
    problems = verify_point(bad)
    assert any("42.0" in p for p in problems)
    assert any("Microsoft" in p for p in problems)


def test_missing_facts_say_nothing():
    assert compose_talking_points([findings()[-1]]) == []
    assert points_table([]).columns.tolist()[:4] == ["rank", "area", "point", "kind"]


def test_money_format():
    assert fmt_money(391_035_000_000) == "$391.0 billion"
    assert fmt_money(5_767_300_000) == "$5.8 billion"
    assert fmt_money(950) == "$950"
