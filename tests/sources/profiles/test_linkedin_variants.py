"""LinkedIn exports in both layouts for the shapes the real fixtures lack (tests/profile_pdfs.py,
typography measured on the real exports): long names that wrap, accents, initials, wrapped
headlines, several titles under one company (a company line that wraps, a group split by a
page break, a title that wraps)."""

from __future__ import annotations

import pytest
from profile_pdfs import VARIANTS, gold, write_variant

from research_kit.sources.profiles import load_profile
from research_kit.sources.profiles.pdf_text import read_pdf

CASES = [(v, layout) for v in VARIANTS for layout in ("2023", "2016")]


@pytest.mark.parametrize("variant, layout", CASES,
                         ids=[f"{v['id']}-{layout}" for v, layout in CASES])
def test_header_and_roles(tmp_path, variant, layout):
    path = write_variant(tmp_path, variant, layout)
    assert (read_pdf(path).column_split is not None) == (layout == "2023")
    profile = load_profile(path)
    labels = gold(variant)
    assert profile.name == labels["name"]
    assert profile.headline == labels["headline"]
    if layout == "2023":
        assert profile.location == labels["location"]
    assert [(e.title, e.company) for e in profile.experience] == [
        (e["title"], e["company"]) for e in labels["experience"]]
    assert profile.schools == [e["school"] for e in labels["education"]]


def test_a_long_name_that_wraps_is_not_taken_for_the_headline(tmp_path):
    variant = next(v for v in VARIANTS if v["id"] == "long-wrapped-name")
    doc = read_pdf(write_variant(tmp_path, variant, "2023"))
    big = [ln.text for ln in doc.lines if ln.size >= 25]
    assert len(big) == 3  # the name really wraps, over three lines in this export
    profile = load_profile(write_variant(tmp_path, variant, "2023"))
    assert profile.headline == "Data Scientist at Nubank"


def test_grouped_titles_share_the_company_and_keep_their_dates(tmp_path):
    variant = next(v for v in VARIANTS if v["id"] == "grouped-roles")
    profile = load_profile(write_variant(tmp_path, variant, "2023"))
    atlassian = [e for e in profile.experience if e.company == "Atlassian"]
    assert [(e.title, e.start, e.end) for e in atlassian] == [
        ("Engineering Manager", "2021-07", "present"),
        ("Senior Software Engineer", "2019-03", "2021-07"),
        ("Software Engineer", "2017-01", "2019-03")]
    # each title's bullets belong to it, under the company shared by the group
    roles = {p.role for p in profile.passages if p.kind == "bullet"}
    assert "Senior Software Engineer at Atlassian" in roles
    assert profile.employers == ["Atlassian", "Commonwealth Scientific and Industrial Research "
                                 "Organisation (CSIRO) Data61 Research Division", "Canva"]
