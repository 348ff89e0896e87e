"""Commonalities that find the real link: employers written differently ("X by Y", legal
forms, acronyms, country offices), schools with and without overlapping years, cities,
group acronyms; ranked employer > school > city/volunteering > groups; notes that use the
best link; a badly parsed profile reported by name with the reason."""

from __future__ import annotations

import csv

import pytest
from conftest import fixture_path
from outreach_helpers import make_workspace

from research_kit.provenance import Source
from research_kit.research.people import outreach
from research_kit.research.people.commonalities import commonalities, find_commonalities, rank_key
from research_kit.research.people.interviewers import Interviewer, load_interviewers
from research_kit.sources.profiles.model import Education, Entry, Experience, Profile
from research_kit.sources.profiles.resume import parse_resume_text


def _person(name, *, jobs=(), schools=(), groups=(), location=""):
    return Profile(name=name, location=location,
                   experience=[Experience(t, c, s, e) for t, c, s, e in jobs],
                   education=[Education(school, start=s, end=e) for school, s, e in schools],
                   groups=[Entry(g) for g in groups])


@pytest.mark.parametrize("mine, theirs, overlap", [
    ("Smartly by Pedago, LLC", "Pedago, LLC", "2015–2017"),
    ("Google", "Google LLC", "2017–2018"),
    ("IBM", "International Business Machines Corporation", ""),
    ("Capita", "Capita India Pvt ltd", ""),
    ("Tata Consultancy Services Limited", "Tata Consultancy Services", ""),
])
def test_one_employer_written_differently(mine, theirs, overlap):
    a = _person("A B", jobs=[("Engineer", mine, "2015", "2017" if "Pedago" in mine else "2018")])
    b = _person("C D", jobs=[("Manager", theirs, "2012" if "Pedago" in theirs else "2017",
                              "present")])
    if "IBM" in mine or "Capita" in mine or "Tata" in mine:
        a.experience[0].start = a.experience[0].end = None
        b.experience[0].start = b.experience[0].end = None
    found = [c for c in find_commonalities(a, b) if c.category == "employer"]
    assert len(found) == 1 and found[0].strength == "strong"
    assert found[0].detail["overlap"] == overlap


def test_schools_with_and_without_overlapping_years():
    a = _person("A B", schools=[("University of Michigan", "2010", "2014")])
    b = _person("C D", schools=[("University of Michigan - Ann Arbor", "2013", "2015")])
    school = next(c for c in find_commonalities(a, b) if c.category == "school")
    assert school.detail["overlap"] == "2013–2014" and school.strength == "strong"
    old = _person("E F", schools=[("Eastern Mennonite University", "1995", "1999")])
    new = _person("G H", schools=[("Eastern Mennonite University", "2012", "2016")])
    school = next(c for c in find_commonalities(new, old) if c.category == "school")
    assert not school.detail["overlap"] and school.strength == "medium"
    # "Pune University" is the "University of Pune"; "Washington University" is not the
    # "University of Washington" (a state, not a city)
    pune = find_commonalities(_person("A", schools=[("Pune University", None, None)]),
                              _person("B", schools=[("University of Pune", None, None)]))
    assert [c.category for c in pune] == ["school"]
    wash = find_commonalities(_person("A", schools=[("Washington University", None, None)]),
                              _person("B", schools=[("University of Washington", None, None)]))
    assert not [c for c in wash if c.category == "school"]


def test_a_membership_never_outranks_a_shared_employer():
    x = _person("Member X", jobs=[("Intern", "VistaShare, LLC", "2015", "2015")],
                groups=["ACM"])
    y = _person("Member Y", groups=["Association for Computing Machinery (ACM) Club"])
    z = _person("Colleague Z", jobs=[("Developer", "VistaShare LLC", "2014", "2016")])
    acm = find_commonalities(x, y)
    employer = find_commonalities(x, z)
    assert [c.category for c in acm] == ["group"] and acm[0].strength == "weak"
    assert employer[0].category == "employer"
    assert rank_key(acm[0]) > rank_key(employer[0])
    both = _person("Both", jobs=[("Developer", "VistaShare LLC", "2014", "2016")],
                   groups=["ACM"])
    assert [c.category for c in find_commonalities(x, both)][:2] == ["employer", "group"]


def test_note_opens_with_the_employer_not_the_group():
    me = _person("Isaac Mast", jobs=[("Intern", "Smartly by Pedago, LLC", "2016", "present")],
                 groups=["ACM"])
    founder = _person("Ori Founder", jobs=[("Co-founder", "Pedago, LLC", "2012", "present")],
                      groups=["ACM"])
    person = Interviewer(name="Ori Founder", profile=founder)
    draft = outreach.draft_connection_note(person, me, limit=300)
    assert "We both worked at Pedago" in draft.text or "we both worked at Pedago" in draft.text
    assert "ACM" not in draft.text
    lone = Interviewer(name="Ada Fellow", profile=_person("Ada Fellow", groups=["ACM"]))
    draft = outreach.draft_connection_note(lone, me, limit=300)
    assert "ACM" not in draft.text  # a membership alone is not what a note opens with
    assert "no shared employer, school or volunteering found" in draft.based_on


def _resumes() -> dict[int, Profile]:
    path = fixture_path("profiles", "resumes", "resume_dataset_one_per_category.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return {i: parse_resume_text(rows[i]["Resume"], Source.for_file(path, section=f"row {i}"))
            for i in (3, 6, 10, 11, 17, 18, 19, 20)}


def test_real_resumes_cities_and_schools():
    r = _resumes()
    links = {(c.category, c.shared) for c in find_commonalities(r[10], r[19])}
    assert ("school", "Mumbai University") in links and ("location", "Mumbai") in links
    # Navi Mumbai (Panvel) is not Mumbai; the Mumbai University is shared
    links = {(c.category, c.shared) for c in find_commonalities(r[10], r[11])}
    assert ("school", "Mumbai University") in links
    assert not [c for c in links if c[0] == "location"]
    # "Lead Nagpur university cricket team": RTM Nagpur University and the city, from text
    found = find_commonalities(r[3], r[6])
    assert {c.category for c in found} >= {"school", "location"}
    assert all(c.basis == "notes" for c in found if c.category in ("school", "location"))
    employers = [c for c in find_commonalities(r[17], r[18]) if c.category == "employer"]
    assert [c.shared for c in employers] == ["Capita India Pvt ltd"]


def test_badly_parsed_profile_is_reported_by_name(tmp_path):
    ws = make_workspace(tmp_path, '[[interviewers]]\nname = "Bo Li"\ntitle = "Engineer"\n'
                                  'profile = "notes/bo.txt"\n')
    (ws / "notes").mkdir(exist_ok=True)
    (ws / "notes" / "bo.txt").write_text("University\nBachelor\nSchool\n", encoding="utf-8")
    person = load_interviewers(ws)[0]
    assert person.profile_status.startswith("could not be used: no name found")
    table = commonalities(ws, me=_person("Me Here", jobs=[("Engineer", "Acme", "2019", "present")]))
    rows = table[table["person"] == "Bo Li"]
    problem = rows[rows["category"] == "profile problem"].iloc[0]
    assert "notes/bo.txt" in problem["opener"] and "no name found" in problem["opener"]
