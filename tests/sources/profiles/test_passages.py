"""Profiles as passages: whole sentences, bullets and one-line fields, each with its section,
role ("Title at Company") and page, cited to the profile file; "Present" as the export's date;
the profile's language; problems a reader should hear about."""

from __future__ import annotations

import csv

import pytest
from conftest import fixture_path

from research_kit import errors
from research_kit.provenance import Source
from research_kit.sources.profiles import load_profile
from research_kit.sources.profiles.model import Profile
from research_kit.sources.profiles.passages import sentences, split_inline_bullets
from research_kit.sources.profiles.quality import profile_problems, unusable
from research_kit.sources.profiles.resume import parse_resume_text


def _linkedin(name: str) -> Profile:
    return load_profile(fixture_path("profiles", "linkedin", name))


def _texts(profile: Profile, **match) -> list[str]:
    return [p.text for p in profile.passages
            if all(getattr(p, k) == v for k, v in match.items())]


def test_wrapped_lines_become_whole_sentences_with_role_and_page():
    silas = _linkedin("SilasYudi_Profile_2023fmt.pdf")
    role = "Software Architect at Livelo"
    bullets = _texts(silas, role=role, kind="bullet")
    # the PDF breaks "… performance improvement in" / "Jenkins." over two lines
    assert "Microservices used as proof of concept presented 60% of performance " \
           "improvement in Jenkins." in bullets
    assert "Jenkins." not in bullets
    assert "Livelo is the biggest credit card reward program in Brazil, with 20 million " \
           "users." in bullets  # a line whose next line sits a little lower (descenders)
    passage = next(p for p in silas.passages if p.text.startswith("Microservices used"))
    assert (passage.section, passage.page, passage.role_index) == ("Experience", 2, 1)
    assert passage.source.url.endswith("SilasYudi_Profile_2023fmt.pdf")
    assert passage.source.section == "Experience · Software Architect at Livelo, p. 2"


def test_bullets_split_into_sentences_and_keep_no_marker():
    silas = _linkedin("SilasYudi_Profile_2023fmt.pdf")
    bullets = _texts(silas, role="Senior Java Developer at SAP", kind="bullet")
    assert bullets[:2] == ["Improved the project's unit test suite to improve coverage and "
                           "readability using JUnit 5 and Mockito.",
                           "Increased from 50% to 75% coverage in one month."]
    assert not any(b.startswith("-") for b in bullets)


def test_sidebar_items_stay_whole_and_apart():
    akash = _linkedin("AkashZalke_Profile_2023fmt.pdf")
    assert "TensorFlow for Artifical intelligence, Machine learning and Deep learning" in \
        _texts(akash, kind="certification")
    assert _texts(akash, kind="skill") == ["Python (Programming Language)", "TensorFlow",
                                           "Django"]
    # a summary line that ends short is a field of its own, not the start of the next one
    summary = _texts(akash, kind="summary")
    assert "Programming Languages - Python, C++" in summary
    assert "DBMS - Mysql, Oracle , MongoDB" in summary


def test_old_layout_passages_and_unlabelled_roles():
    lester = _linkedin("LesterChan_Profile_2016fmt.pdf")
    assert "I head the engineering team to build product and features." in \
        _texts(lester, role="Head of Engineering at Tech in Asia")
    assert "Developed a total of 23 WordPress Plugins in PHP and MYSQL." in \
        _texts(lester, role="WordPress Plugins Developer at WordPress")
    # a role title on page 2, its dates on page 3; a role with no company keeps its title
    dates = next(p for p in lester.passages if p.role == "Web Evangelist" and p.kind == "dates")
    assert dates.page == 3 and dates.text == "June 2007 - July 2007 (2 months)"
    assert "Bachelor of Computing (Honors), Information Systems, Specialized in Services " \
           "Science, Management and Engineering (SSME), 2006 - 2010" in \
        _texts(lester, kind="education")


def test_present_means_the_export_date_and_the_sidebar_list_is_not_complete():
    akash = _linkedin("AkashZalke_Profile_2023fmt.pdf")
    isaac = _linkedin("IsaacMast_Profile_2016fmt.pdf")
    assert akash.as_of == "2022-07-06" and isaac.as_of == "2016-09-01"
    assert akash.language == "en"
    assert akash.certifications_complete is False and isaac.certifications_complete is True
    # "Activities and Societies: …" on an education entry are groups too
    assert "Association for Computing Machinery (ACM) Club" in [g.text for g in isaac.groups]


def test_resume_passages_join_cut_lines_and_split_inline_bullets():
    path = fixture_path("profiles", "resumes", "resume_dataset_one_per_category.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    five = parse_resume_text(rows[5]["Resume"], Source.for_file(path, section="row 5"))
    texts = [p.text for p in five.passages]
    assert any(t.startswith("Project execution, Vendor development, supply chain Management, "
                            "interacting with Vendors") for t in texts)
    assert "Project execution, Vendor development, supply chain Management, interacting " \
           "with" not in texts
    twelve = parse_resume_text(rows[12]["Resume"], Source.for_text("resume 12"))
    assert "Ability to work and co-ordinate in a team effectively." in \
        [p.text for p in twelve.passages]
    total = next(p for p in twelve.passages if p.kind == "total")
    assert total.text == "Total Experience: 2 Years 7 Months"
    durations = [p.text for p in five.passages if p.kind == "skill-duration"]
    assert durations and all("months" in d for d in durations)
    # a role named elsewhere in the resume ("Title - Company") titles the role
    ten = parse_resume_text(rows[10]["Resume"], Source.for_text("resume 10"))
    assert ten.experience[0].title == "Business Analyst"
    assert any(p.kind == "role" and p.role == "Business Analyst at Fino Payments Bank"
               for p in ten.passages)


def test_sentence_splitting_keeps_initials_abbreviations_and_degrees():
    assert sentences("Worked with J. R. Smith at Acme Inc. on payments. Then led it.") == [
        "Worked with J. R. Smith at Acme Inc. on payments.", "Then led it."]
    assert sentences("Holds a B.S. in Computer Science. Loves e.g. Rust.") == [
        "Holds a B.S. in Computer Science.", "Loves e.g. Rust."]
    assert split_inline_bullets("• Typewriting • TORA • SPSS") == ["Typewriting", "TORA", "SPSS"]
    assert split_inline_bullets("1) MS Office 2) AutoCAD 2016 3) EPLAN") == [
        "MS Office", "AutoCAD 2016", "EPLAN"]


def test_yaml_profiles_get_passages_from_their_fields():
    profile = load_profile("name: Pat Lee\nheadline: Data Analyst\nexperience:\n"
                           "  - title: Analyst\n    company: Acme\n    start: 2019\n"
                           "    end: present\n    description: Built SQL reports. Cut costs.\n")
    bullets = [(p.text, p.role) for p in profile.passages if p.kind == "bullet"]
    assert bullets == [("Built SQL reports.", "Analyst at Acme"), ("Cut costs.", "Analyst at Acme")]


def test_profile_problems_in_words():
    assert profile_problems(Profile(name="", education=[])) == ["no name found",
                                                                "no roles or schools found"]
    assert unusable(profile_problems(Profile(name="")))
    from research_kit.sources.profiles.model import Education

    garbled = Profile(name="", education=[Education("University"), Education("Bachelor")])
    problems = profile_problems(garbled)
    assert "names that are only generic words: University, Bachelor" in problems
    assert unusable(problems)
    assert profile_problems(Profile(name="Ana Lima", education=[Education("MIT")])) == [
        "no roles found"]


def test_bad_input_is_a_typed_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(errors.ParseError):
        load_profile(empty)
    from fpdf import FPDF
    from PIL import Image

    image = tmp_path / "scan.png"
    Image.new("RGB", (300, 200), "white").save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=150)
    scanned = tmp_path / "scan.pdf"
    pdf.output(str(scanned))
    with pytest.raises(errors.NoTextLayerError):
        load_profile(scanned)


def test_inline_items_leave_the_next_lists_heading_out():
    from research_kit.sources.profiles.passages import split_inline_bullets

    items = split_inline_bullets("Skills: 1) MC Office 2) AutoCAD 2016 3) SAP-ERP for Product "
                                 "specific coding Strengths: 1. Ability to complete the work "
                                 "within stipulated time. 2. Keeping calm under pressure.")
    assert "SAP-ERP for Product specific coding" in items
    assert "Keeping calm under pressure." in items
    assert split_inline_bullets("• ETL • Basic Python Tools: • SAP BODS")[1] == "Basic Python"
    # a heading of its own stays whole (and is then read as a heading)
    assert "ADJOINING SKILLS:" in split_inline_bullets("ADJOINING SKILLS: • Working knowledge "
                                                       "of Windows • Communicate well")


def test_a_bare_bullet_sign_or_a_dash_label_is_no_evidence():
    from research_kit.lexicon.terms import vocabulary
    from research_kit.provenance import Source
    from research_kit.research.position.evidence import evidence_units
    from research_kit.sources.profiles.resume import parse_resume_text

    profile = parse_resume_text(
        "DBA\nJOB ROLES & RESPONSIBILITIES\nPOSTGRESQL - • Worked on Redhat Linux OS Cluster "
        "with Postgresql for High Availability.\n• \n", Source.for_file("resume.txt"))
    texts = [u.text for u in evidence_units(profile, vocabulary()) if u.kind != "heading"]
    assert "POSTGRESQL -" not in texts and "•" not in texts
    assert any(t.startswith("Worked on Redhat") for t in texts)
