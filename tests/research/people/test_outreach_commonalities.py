"""Commonalities: fuzzy enough for real spellings, strict enough not to invent links."""

from __future__ import annotations

import pytest
from outreach_helpers import alex

from research_kit.research.normalize import (
    company_key,
    language_key,
    org_key,
    person_key,
    school_key,
    skill_key,
    split_location,
)
from research_kit.research.people.commonalities import commonalities_table, find_commonalities
from research_kit.sources.profiles.model import Education, Entry, Experience, Profile


@pytest.mark.parametrize("a, b", [
    ("UC Berkeley", "University of California, Berkeley"),
    ("University of California - Berkeley", "Berkeley"),
    ("UCLA", "University of California, Los Angeles"),
    ("MIT", "Massachusetts Institute of Technology"),
    ("Univ. of Michigan", "University of Michigan"),
    ("Oregon State", "Oregon State University"),
    ("Oregon State University - College of Engineering", "Oregon State University"),
    ("The University of Texas at Austin", "UT Austin"),
    ("ETH Zürich", "ETH Zurich"),
    ("Universidade Federal da Paraíba", "universidade federal da paraiba"),
])
def test_same_school_written_differently(a, b):
    assert school_key(a) == school_key(b)


@pytest.mark.parametrize("a, b", [
    ("University of Washington", "Washington University in St. Louis"),
    ("University of Washington", "Washington State University"),
    ("UC Berkeley", "UCLA"),
    ("University of California, Davis", "University of California, Irvine"),
    ("Oregon State University", "Portland State University"),
    ("OSU", "Oregon State University"),          # ambiguous: Ohio State? Oklahoma State?
    ("OSU", "Ohio State University"),
    ("Boston University", "Boston College"),
    ("University of Southern California", "University of South Carolina"),
    ("Georgia Institute of Technology", "University of Georgia"),
])
def test_different_schools_stay_different(a, b):
    assert school_key(a) != school_key(b)


def test_user_aliases_resolve_an_ambiguous_abbreviation():
    assert school_key("OSU", {"OSU": "Oregon State University"}) == school_key("Oregon State")


def test_company_keys():
    assert company_key("Northstar Logistics, Inc.") == company_key("Northstar Logistics")
    assert company_key("Ernst & Young LLP") == company_key("EY")
    assert company_key("Facebook") == company_key("Meta Platforms, Inc.")
    assert company_key("Google Cloud") != company_key("Google")
    assert company_key("Apple") != company_key("Apple Leisure Group")
    assert org_key("Code for PDX") == org_key("CodeForPDX")


def test_people_places_languages_skills():
    assert person_key("Dr. Dana O. Okafor, PhD") == ("dana", "okafor")
    assert split_location("Portland, Oregon Metropolitan Area") == ("portland", "oregon")
    assert split_location("Portland, OR") == ("portland", "oregon")
    assert split_location("Portland, ME") == ("portland", "maine")
    assert split_location("San Francisco Bay Area") == ("san francisco", "")
    assert split_location("United States") == ("", "")
    assert language_key("Portuguese (Native or Bilingual)") == "portuguese"
    assert language_key("Español") == "spanish"
    assert skill_key("Python (Programming Language)") == skill_key("python")
    assert skill_key("Apache Spark") == skill_key("PySpark") == "spark"


def _dana() -> Profile:
    return Profile(
        name="Dana Okafor", headline="Vice President, Engineering at Brightwater Instruments",
        location="Portland, Oregon Metropolitan Area",
        experience=[Experience("Vice President, Engineering", "Brightwater Instruments, Inc.",
                               "2019", "Present")],
        education=[Education("Oregon State University", "Bachelor of Science - BS",
                             "Electrical Engineering", "1998", "2002")],
        volunteering=[Entry("Mentor at Code for PDX")],
        skills=["Python (Programming Language)", "Engineering Management"],
        languages=["English (Native or Bilingual)"])


def test_demo_dana_shares_school_volunteering_and_place():
    found = find_commonalities(alex(), _dana(), company="Brightwater Instruments")
    by_category = {c.category: c for c in found}
    assert by_category["school"].shared == "Oregon State University"
    # the same school, years apart (2002–2006 / 2013–2017): below a school shared at the
    # same time, above a city
    assert by_category["school"].strength == "medium" and not by_category["school"].detail[
        "overlap"]
    assert "Computer Science" in by_category["school"].my_evidence
    assert "Electrical Engineering" in by_category["school"].their_evidence
    assert by_category["volunteering"].shared == "Code for PDX"
    assert by_category["location"].strength == "medium"
    assert "Brightwater Instruments" in by_category["school"].opener
    assert "language" not in by_category  # English is not a link
    assert "employer" not in by_category
    assert [c.category for c in found][:2] == ["school", "volunteering"]


def test_demo_miguel_shares_employer_from_typed_notes_only():
    notes = ("Spoke at PyData Portland 2025 on streaming sensor data. "
             "Previously at Northstar Logistics.")
    found = find_commonalities(alex(), Profile(name="Miguel Santos"), notes=notes)
    assert [(c.category, c.shared, c.basis) for c in found] == [
        ("employer", "Northstar Logistics", "notes")]
    assert found[0].strength == "medium"  # one level down: free text, not a profile field
    assert found[0].their_evidence == "“Previously at Northstar Logistics.”"
    # "PyData Portland" in the notes must not become a shared location


def test_no_invented_links_between_unrelated_people():
    them = Profile(
        name="Sam Park", location="Portland, ME",
        experience=[Experience("Analyst", "Northstar Health", "2015", "2020"),
                    Experience("Engineer", "Cascadia Bank", "2020", "present")],
        education=[Education("Portland State University"), Education("Ohio State University")],
        volunteering=[Entry("Code for America")], groups=[Entry("PDX Data Engineers")],
        certifications=["Google Cloud Professional Data Engineer"],
        languages=["French"], skills=["Excel", "Tableau"],
        raw_text="Worked with Oregon State researchers on a Kafka-based prototype.")
    found = find_commonalities(alex(), them, notes="Met at Portland Data Week; likes Spark.")
    assert found == []


def test_overlap_years_and_raw_text_fallback():
    them = Profile(name="Aisha Bello",
                   experience=[Experience("Routing Lead", "Northstar Logistics LLC", "2019", "2022")],
                   raw_text="Studied at the University of Oregon. Mentor with Code for PDX.")
    found = {c.category: c for c in find_commonalities(alex(), them)}
    assert found["employer"].detail["overlap"] == "2019–2021"
    assert "you overlapped 2019–2021" in found["employer"].opener
    assert found["volunteering"].basis == "notes"  # their parser found no volunteering section
    assert "school" not in found  # University of Oregon is not Oregon State


def test_same_certification_and_issuer_and_language():
    them = Profile(name="Lee Wong",
                   certifications=["AWS Certified Data Engineer - Associate",
                                   "AWS Certified Solutions Architect"],
                   languages=["Spanish (Professional Working)"])
    found = find_commonalities(alex(), them)
    kinds = [(c.category, c.shared, c.strength) for c in found]
    assert ("certification", "AWS Certified Data Engineer - Associate", "medium") in kinds
    assert ("language", "Spanish", "weak") in kinds
    other = find_commonalities(alex(), Profile(name="X Y", certifications=["AWS Cloud Practitioner"]))
    assert [(c.category, c.shared) for c in other] == [("certification", "AWS certifications")]


def test_industry_needs_more_than_the_shared_employer():
    them = Profile(name="Ana Ruiz", experience=[Experience("PM", "Northstar Logistics", "2016", "2018"),
                                                 Experience("Lead", "Harbor Freight Lines", "2018", "now")])
    found = [c.category for c in find_commonalities(alex(), them)]
    assert "employer" in found and "industry" not in found  # Alex's only logistics job is shared
    me = alex()
    me.experience.append(Experience("Intern", "Pacific Freight Co", "2016", "2016"))
    found = {c.category: c for c in find_commonalities(me, them)}
    assert found["industry"].shared == "logistics and supply chain"


def test_table_has_columns_and_sources_even_when_empty():
    empty = commonalities_table(alex(), Profile(name="Nobody Here"))
    assert list(empty.columns)[:4] == ["person", "category", "shared", "strength"]
    # nothing shared: one row that says so, for the opener and the note to use
    assert "source_url" in empty.columns and list(empty["category"]) == ["none"]
    assert empty.iloc[0]["opener"].startswith("No shared employer, school, city or group")
    table = commonalities_table(alex(), _dana())
    assert (table["person"] == "Dana Okafor").all()


# --- real resumes (25 real texts, one per category; fixtures/profiles/resumes) -----------

def _real_resumes():
    import csv

    from conftest import fixture_path

    path = fixture_path("profiles", "resumes", "resume_dataset_one_per_category.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        return {row["Category"]: Profile(name=row["Category"] + " Candidate",
                                         raw_text=row["Resume"]) for row in csv.DictReader(fh)}


def test_real_resumes_no_invented_links_to_the_demo_candidate():
    for category, them in _real_resumes().items():
        found = find_commonalities(alex(), them)
        assert found == [], (category, [(c.category, c.shared) for c in found])


def test_real_resumes_find_employers_and_schools_in_raw_text():
    me = Profile(name="Test Person",
                 experience=[Experience("Engineer", "Tata Consultancy Services Ltd"),
                             Experience("Analyst", "Infosys Limited")],
                 education=[Education("University of Pune")])
    aliases = {"Pune University": "University of Pune"}
    hits = {}
    for category, them in _real_resumes().items():
        for c in find_commonalities(me, them, aliases=aliases):
            hits.setdefault(c.shared, set()).add(category)
            assert c.basis == "notes" and c.their_evidence.startswith("“")
    assert hits["Tata Consultancy Services Ltd"] == {"SAP Developer", "ETL Developer"}
    assert hits["Infosys Limited"] == {"PMO", "Hadoop"}  # "Infosys" and "INFOSYS"
    assert {"Network Security Engineer", "Python Developer", "DevOps Engineer",
            "Arts"} <= hits["University of Pune"]
    assert "Database" not in hits["University of Pune"]  # Mumbai University is another school
