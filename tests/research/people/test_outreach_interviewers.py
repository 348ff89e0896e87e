"""Interviewers from target.toml, matched to the company's site, shown as cards."""

from __future__ import annotations

import pytest
from outreach_helpers import DEMO_TARGET, make_workspace

from research_kit import errors
from research_kit.provenance import Source, table_from_rows
from research_kit.research.people import interviewers as iv


def _site_people():
    src = Source(url="https://www.brightwater-instruments.example/about/leadership",
                 retrieved_at="2026-01-20T00:00:00+00:00", section="leadership")
    rows = [{"name": "Maya Chen", "title": "Chief Executive Officer", "url": None, "source": src},
            {"name": "Dr. Dana O. Okafor", "title": "Vice President, Engineering",
             "url": "https://www.brightwater-instruments.example/about/leadership#dana",
             "source": src},
            {"name": "Tomas Lindqvist", "title": "Chief Financial Officer", "url": None,
             "source": src},
            {"name": "Mike Santos", "title": "Data Engineering", "url": None, "source": src}]
    return table_from_rows(rows, ["name", "title", "url"])


def test_loads_interviewers_and_coordinator(tmp_path):
    ws = make_workspace(tmp_path)
    people = iv.load_interviewers(ws)
    assert [(p.name, p.role) for p in people] == [
        ("Dana Okafor", "interviewer"), ("Miguel Santos", "interviewer"),
        ("Priya Raman", "coordinator")]
    dana, miguel, _ = people
    assert dana.profile.schools == ["Oregon State University"]
    assert dana.profile.location == "Portland, Oregon"
    assert miguel.connection.kind == "talk"
    assert miguel.connection.sentence() == ("I heard your talk at PyData Portland 2025 on "
                                            "streaming sensor data.")
    assert miguel.source.section == "interviewer: Miguel Santos"
    assert iv.load_interviewers(ws / "target.toml", include_coordinator=False)[-1].name == \
        "Miguel Santos"


@pytest.mark.parametrize("kind, context, sentence", [
    ("event", "PyData Portland 2025", "We met at PyData Portland 2025."),
    ("met", "the Code for PDX hack night", "We met at the Code for PDX hack night."),
    ("post", "about late sensor data", "I read your post about late sensor data."),
    ("role", "Senior Data Engineer", "I'm applying for the Senior Data Engineer role."),
    ("group", "PDX Women in Data", "We're both members of PDX Women in Data."),
    ("referral", "Jordan Lee", "Jordan Lee suggested I reach out."),
])
def test_connection_kinds(tmp_path, kind, context, sentence):
    target = DEMO_TARGET.replace('connection = "talk"', f'connection = "{kind}"').replace(
        'context = "at PyData Portland 2025 on streaming sensor data"', f'context = "{context}"')
    miguel = iv.load_interviewers(make_workspace(tmp_path, target))[1]
    assert miguel.connection.sentence() == sentence


@pytest.mark.parametrize("bad, error", [
    ('connection = "telepathy"', "not a known kind"),
    ('connection = "event"\ncontext = ""', "needs a context"),
    ('name = ""', "has no name"),
])
def test_bad_interviewer_tables_raise_workspace_errors(tmp_path, bad, error):
    target = ('[[interviewers]]\nname = "Ana Lima"\n' + bad + "\n") if "name" not in bad \
        else "[[interviewers]]\n" + bad + "\n"
    ws = make_workspace(tmp_path, target)
    with pytest.raises(errors.WorkspaceError, match=error):
        iv.load_interviewers(ws)


def test_missing_or_broken_target(tmp_path):
    with pytest.raises(errors.WorkspaceError, match="no target.toml"):
        iv.load_interviewers(tmp_path)
    ws = make_workspace(tmp_path, 'name = "unterminated\n')
    with pytest.raises(errors.WorkspaceError, match="not valid TOML") as info:
        iv.load_interviewers(ws)
    assert info.value.suggestion


def test_profile_file_that_cannot_be_used_is_reported_not_fatal(tmp_path):
    target = DEMO_TARGET.replace('title = "Vice President, Engineering"',
                                 'title = "Vice President, Engineering"\n'
                                 'profile = "notes/dana.pdf"')
    ws = make_workspace(tmp_path, target)
    dana = iv.load_interviewers(ws)[0]
    assert dana.profile_status.startswith("file not found")
    assert dana.profile.schools == ["Oregon State University"]  # typed facts still count


def test_find_person_and_unknown_name(tmp_path):
    people = iv.load_interviewers(make_workspace(tmp_path))
    assert iv.find_person(people, "miguel").name == "Miguel Santos"
    assert iv.find_person(people, "DANA OKAFOR").name == "Dana Okafor"
    with pytest.raises(errors.InterviewerNotFoundError) as info:
        iv.find_person(people, "Maya Chen")
    assert "Dana Okafor" in info.value.suggestion and info.value.candidates


def test_match_site_people(tmp_path):
    people = iv.load_interviewers(make_workspace(tmp_path))
    table = iv.match_site_people(people, _site_people())
    assert table["match"].tolist() == ["exact", "possible", ""]
    assert table.loc[0, "site_url"].endswith("#dana")
    assert table.loc[0, "source_url"].endswith("/about/leadership")
    empty = iv.match_site_people(people, None)
    assert empty["match"].tolist() == ["", "", ""]


def test_people_by_title_without_names():
    found = iv.people_by_title(_site_people(), "chief")
    assert found["name"].tolist() == ["Maya Chen", "Tomas Lindqvist"]
    assert iv.people_by_title(_site_people(), "data", "engineering")["name"].tolist() == [
        "Mike Santos"]


def test_table_and_card(tmp_path):
    ws = make_workspace(tmp_path)
    table = iv.interviewers_table(ws, _site_people())
    assert table["name"].tolist() == ["Dana Okafor", "Miguel Santos", "Priya Raman"]
    assert table.loc[1, "connection"] == "talk" and table.loc[0, "site_match"] == "exact"
    assert table["source_url"].str.endswith("target.toml").all()
    card = iv.interviewer_card(ws, "Dana Okafor", _site_people())
    text = str(card)
    assert "Oregon State University" in text and "exact match" in text
    html = card._repr_html_()
    assert "<script" not in html


def test_card_escapes_user_text(tmp_path):
    target = '[[interviewers]]\nname = "Eve Doe"\nnotes = "<script>alert(1)</script>"\n'
    html = iv.interviewer_card(make_workspace(tmp_path, target), "Eve Doe")._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_me_as_a_table_of_typed_facts(tmp_path):
    target = DEMO_TARGET + '\n[me]\nname = "Alex Rivera"\nschools = ["Oregon State"]\n'
    me = iv.load_me(make_workspace(tmp_path, target))
    assert me.name == "Alex Rivera" and me.schools == ["Oregon State"]
    assert iv.load_me(make_workspace(tmp_path / "b")) is None


def test_cards_for_everyone(tmp_path):
    cards = iv.interviewer_cards(make_workspace(tmp_path))
    assert len(cards) == 3 and "Miguel Santos" in str(cards)
    assert cards._repr_html_().count("rk-panel") == 3


# --- fuzzing: whatever the user types, only our errors come out ------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_values = st.one_of(st.text(max_size=30), st.integers(), st.booleans(),
                    st.lists(st.text(max_size=10), max_size=3))
_tables = st.dictionaries(st.sampled_from(["name", "title", "notes", "connection", "met",
                                           "context", "profile", "schools", "employers",
                                           "location", "skills", "volunteering"]), _values)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_tables, max_size=4), st.one_of(st.none(), _tables))
def test_fuzz_target_tables(tmp_path_factory, tables, coordinator):
    from research_kit.workspace import to_toml

    data = {"name": "Fuzz Co", "interviewers": tables}
    if coordinator is not None:
        data["coordinator"] = coordinator
    ws = tmp_path_factory.mktemp("ws")
    try:
        (ws / "target.toml").write_text(to_toml(data), encoding="utf-8")
    except Exception:
        return
    try:
        people = iv.load_interviewers(ws)
        iv.interviewers_table(ws)
        for person in people:
            if person.connection:
                person.connection.sentence()
    except errors.ResearchKitError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_fuzz_target_bytes(tmp_path_factory, raw):
    ws = tmp_path_factory.mktemp("ws")
    (ws / "target.toml").write_bytes(raw)
    try:
        iv.load_interviewers(ws)
    except errors.ResearchKitError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_fuzz_interview_notes(tmp_path_factory, text):
    from research_kit.research.people import thank_you

    ws = make_workspace(tmp_path_factory.mktemp("ws"), with_notes=False)
    thank_you.interview_notes_path(ws, "Dana Okafor").write_text(text, encoding="utf-8")
    notes = thank_you.read_interview_notes(ws, "Dana Okafor")
    table = thank_you.thank_you_notes(ws)
    assert len(table) == 3 and all(isinstance(p, str) for p in notes.points)
