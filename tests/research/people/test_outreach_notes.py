"""Connection-note drafts, the reply to an acceptance, and thank-you notes."""

from __future__ import annotations

import pytest
from outreach_helpers import DEMO_TARGET, alex, make_workspace

from research_kit.research.people import interviewers as iv
from research_kit.research.people import outreach, thank_you
from research_kit.research.people.note_checker import check_note


@pytest.fixture
def ws(tmp_path):
    return make_workspace(tmp_path)


@pytest.mark.parametrize("limit", [200, 300])
def test_drafts_fit_the_limit_pass_the_checker_and_say_how_you_are_connected(ws, limit):
    settings = outreach.outreach_settings(ws)
    assert settings.company == "Brightwater Instruments" and settings.role == "Senior Data Engineer"
    dana, miguel, priya = iv.load_interviewers(ws)
    d = outreach.draft_connection_note(dana, alex(), settings=settings, limit=limit)
    assert d.ok and len(d.text) <= limit and d.text.startswith("Hi Dana,")
    assert "Oregon State University" in d.text and "Code for PDX" in d.text
    assert d.based_on == ["school: Oregon State University", "volunteering: Code for PDX"]
    m = outreach.draft_connection_note(miguel, alex(), settings=settings, limit=limit)
    assert m.ok and len(m.text) <= limit
    assert "PyData Portland 2025" in m.text and "Northstar Logistics" in m.text
    assert m.based_on[0].startswith("talk:")
    p = outreach.draft_connection_note(priya, alex(), settings=settings, limit=limit)
    assert p.ok and "Senior Data Engineer role at Brightwater Instruments" in p.text
    assert check_note(p.text, limit=limit).ok


def test_drafts_differ_per_person(ws):
    table = outreach.connection_notes(ws)
    connection = table[table["kind"] == "connection"]
    assert connection["to"].tolist() == ["Dana Okafor", "Miguel Santos"]
    assert connection["text"].nunique() == 2 and connection["ok"].all()
    replies = table[table["kind"] == "connect-thanks"]
    assert replies["text"].str.startswith("Thanks for connecting").all()
    assert "PyData Portland 2025" in replies["text"].iloc[1]
    assert table["source_url"].str.endswith("target.toml").all()


def test_without_any_link_the_draft_says_so_rather_than_inventing_one(tmp_path):
    ws = make_workspace(tmp_path, '[[interviewers]]\nname = "Ana Lima"\ntitle = "Analyst"\n')
    draft = outreach.connection_note_for(ws, "Ana Lima")
    assert not draft.ok and "no-connection" in draft.check.codes
    assert draft.based_on == ["no shared employer, school or volunteering found"]


def test_tiny_limit_returns_the_shortest_draft_with_its_problems(ws):
    draft = outreach.connection_note_for(ws, "Miguel Santos", limit=60)
    assert "too-long" in draft.check.codes


def test_thanks_for_inviting_me(ws):
    miguel = iv.load_interviewers(ws)[1]
    reply = outreach.draft_connect_thanks(miguel, "Alex Rivera", they_invited=True)
    assert reply.text.startswith("Thank you for the invitation, Miguel") and reply.text.endswith("Alex")


def test_interview_notes_are_read_with_points_and_date(ws):
    notes = thank_you.read_interview_notes(ws, "Miguel Santos")
    assert notes.date == "February 3, 2026"
    assert notes.points == ["he mentioned the team is moving HydroView ingestion from nightly "
                            "batches to Kafka streams this year"]
    assert notes.source.url.endswith("interview-miguel-santos.md")
    assert thank_you.read_interview_notes(ws, "Nobody Here").points == []


def test_bullets_then_sentences_when_no_point_lines(tmp_path):
    ws = make_workspace(tmp_path, DEMO_TARGET, with_notes=False)
    path = thank_you.interview_notes_path(ws, "Dana Okafor")
    path.write_text("# Dana\n- field week for every engineer\n- Rotterdam needs data\n")
    assert thank_you.read_interview_notes(ws, "Dana Okafor").points[0] == \
        "field week for every engineer"
    path.write_text("Talked about the Rotterdam center. She asked about mentoring.\n")
    assert thank_you.read_interview_notes(ws, "Dana Okafor").points == [
        "Talked about the Rotterdam center", "She asked about mentoring"]


@pytest.mark.parametrize("point, phrase", [
    ("he mentioned the team is moving to Kafka", "it when you mentioned the team is moving to Kafka"),
    ("She walked me through her team's on-call rotation",
     "it when you walked me through your team's on-call rotation"),
    ("she moved my interview when my train was late", "how you moved my interview when my train was late"),
    ("Miguel said that dbt tests run in CI", "it when you said that dbt tests run in CI"),
    ("the team is moving to Kafka", "hearing that the team is moving to Kafka"),
    ("moving ingestion from batches to streams", "our conversation about moving ingestion from batches to streams"),
    ("HydroView's alerting roadmap", "our conversation about HydroView's alerting roadmap"),
])
def test_point_phrases_address_the_person(point, phrase):
    assert thank_you._point_phrase(point, "Miguel") == phrase


def test_thank_you_notes_are_unique_and_cite_each_point(ws):
    target = DEMO_TARGET + '\n[me]\nname = "Alex Rivera"\nskills = ["Kafka", "Airflow"]\n'
    (ws / "target.toml").write_text(target)
    table = thank_you.thank_you_notes(ws)
    assert table["to"].tolist() == ["Dana Okafor", "Miguel Santos", "Priya Raman"]
    assert table["kind"].tolist() == ["thank-you", "thank-you", "coordinator-thanks"]
    assert table["ok"].all(), table["problems"].tolist()
    texts = table["text"].tolist()
    assert "AquaSense service crews" in texts[0]
    assert "Kafka streams" in texts[1] and "my own work with Kafka" in texts[1]
    assert "train was delayed" in texts[2] and texts[2].endswith("Alex")
    assert len(set(texts)) == 3
    assert thank_you.thank_you_check(ws).empty


def test_checker_flags_same_notes_and_missing_points(ws):
    dana, miguel, priya = iv.load_interviewers(ws)
    same = "Dear {n},\n\nThank you for your time today. I enjoyed our conversation.\n\nAlex"
    problems = thank_you.check_thank_you_notes(
        [(dana, same.format(n="Dana")), (miguel, same.format(n="Miguel")),
         (priya, "Dear Priya, thanks for arranging the day!")],
        {"Dana Okafor": ["field week for every engineer"]})
    assert [p.code for p in problems["Dana Okafor"]] == ["same-as-other", "no-specific-point"]
    assert [p.code for p in problems["Miguel Santos"]] == ["same-as-other", "no-specific-point"]
    assert problems["Priya Raman"] == []  # the coordinator's note need not cite a point


def test_without_notes_a_placeholder_not_an_invented_point(tmp_path):
    ws = make_workspace(tmp_path, DEMO_TARGET, with_notes=False)
    table = thank_you.thank_you_notes(ws)
    dana = table.iloc[0]
    assert "[Add a specific point Dana made" in dana["text"]
    assert "no-specific-point" in dana["problems"] and "placeholder" in dana["problems"]


def test_users_own_thank_you_note_is_checked_instead_of_the_draft(ws):
    own = thank_you.thank_you_path(ws, "Miguel Santos")
    own.write_text("Dear Miguel, thank you! Great chat.\n")
    table = thank_you.thank_you_notes(ws)
    row = table[table["to"] == "Miguel Santos"].iloc[0]
    assert row["kind"] == "thank-you (yours)" and "no-specific-point" in row["problems"]
    assert own.read_text() == "Dear Miguel, thank you! Great chat.\n"  # never rewritten
