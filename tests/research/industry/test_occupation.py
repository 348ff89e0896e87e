"""Job title → O*NET occupation on the bundled extract; the profile panel; skill overlap."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import LOCAL

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.research.industry.occupation import (
    MATCH_COLUMNS,
    OVERLAP_COLUMNS,
    hot_skill_overlap,
    match_occupation,
    occupation_panel,
)
from research_kit.sources.onet.titles import normalize_title, title_variants

TITLES = pd.read_csv(LOCAL / "occupations.csv", dtype=str)


def test_thirty_real_titles_land_on_their_soc_codes():
    top1 = top5 = 0
    misses = []
    for row in TITLES.itertuples():
        codes = list(match_occupation(row.title)["soc_code"])
        top1 += codes[:1] == [row.expected_soc]
        top5 += row.expected_soc in codes
        if codes[:1] != [row.expected_soc]:
            misses.append((row.title, row.expected_soc, codes[:3]))
    print(f"top-1 {top1}/{len(TITLES)}, top-5 {top5}/{len(TITLES)}; misses: {misses}")
    assert len(TITLES) >= 30
    assert top1 >= 0.9 * len(TITLES), misses
    assert top5 >= 0.9 * len(TITLES), misses


def test_match_table_has_columns_scores_and_sources():
    m = match_occupation("Sr. Financial Analyst", top=3)
    assert list(m.columns) == MATCH_COLUMNS + SOURCE_COLUMNS
    assert list(m["rank"]) == [1, 2, 3]
    assert m.iloc[0]["soc_code"] == "13-2051.00" and m.iloc[0]["confidence"] == "strong"
    assert m["source_url"].str.startswith("https://www.onetcenter.org").all()
    assert m["matched_kind"].isin(["O*NET title", "alternate title", "short title"]).all()
    empty = match_occupation("xyzzy qwerty")
    assert empty.empty and list(empty.columns) == MATCH_COLUMNS + SOURCE_COLUMNS


def test_spelling_alone_does_not_match():
    # "Purser" is not a nurse, "Executive Chef" is not a chief executive
    nurse = match_occupation("Nurse")
    assert nurse.iloc[0]["soc_code"] == "29-1141.00"
    assert "Purser" not in set(nurse["matched_name"])
    ceo = match_occupation("Chief Executive")
    assert ceo.iloc[0]["soc_code"] == "11-1011.00"
    assert (ceo.iloc[1:]["score"] < 90).all()


def test_title_normalisation():
    assert normalize_title("Sr. Software Eng. (Backend)") == "senior software engineer backend"
    assert normalize_title("Registered Nurses") == "registered nurse"
    assert normalize_title("Secretaries & Administrative Assistants") == \
        "secretary administrative assistant"
    assert title_variants("Senior Data Engineer, Sensor Analytics Platform") == [
        "data engineer sensor analytics platform", "data engineer"]
    assert title_variants("Senior") == ["senior"]
    assert title_variants("") == []


def test_profile_from_title_and_from_soc_code():
    profile = occupation_panel("Software Engineer")
    assert profile.soc_code == "15-1252.00" and profile.title == "Software Developers"
    assert len(profile.tasks) > 5 and list(profile.tasks["rank"])[:3] == [1, 2, 3]
    assert profile.skills["importance"].is_monotonic_decreasing
    assert profile.skills.iloc[0]["skill"] == "Programming"
    assert "Python" in profile.hot_technologies
    wages = profile.wage_summary()
    assert (wages["median"], wages["p10"], wages["p90"]) == (132270, 77020, 208620)
    assert wages["survey"] == "May 2023"
    for table in (profile.tasks, profile.skills, profile.technology, profile.wages):
        assert table["source_url"].notna().all()
    same = occupation_panel("15-1252")
    assert same.soc_code == "15-1252.00" and same.candidates.empty and same.query == ""
    text = str(same)
    assert "Software Developers (15-1252.00)" in text and "$132,270" in text
    assert "CC BY 4.0" in text and "USDOL/ETA" in text  # attribution wherever shown


def test_profile_notes_and_top_coded_wages():
    ceo = occupation_panel("11-1011.00")
    assert "≥ $239,200" in str(ceo)  # BLS top code, not a made-up number
    assert ceo.wage_summary()["p90"] is None
    bi = occupation_panel("15-2051.01")  # an O*NET specialty of SOC 15-2051
    assert any("whole SOC occupation 15-2051" in n for n in bi.notes)
    ds = occupation_panel("Data Scientist")  # new in 2019: no older tasks to carry over
    assert ds.soc_code == "15-2051.00" and ds.tasks.empty
    assert any("no task or skill ratings" in n for n in ds.notes)
    assert not ds.technology.empty and ds.wage_summary()["median"] == 108020


def test_unknown_titles_and_codes_raise_occupation_not_found():
    with pytest.raises(errors.OccupationNotFoundError) as info:
        occupation_panel("xyzzy qwerty")
    assert info.value.suggestion
    with pytest.raises(errors.OccupationNotFoundError):
        occupation_panel("99-9999.00")
    with pytest.raises(errors.OccupationNotFoundError):
        occupation_panel("")


def test_panel_html_escapes_the_query():
    profile = occupation_panel("<script>alert(1)</script> Software Engineer")
    html = profile._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "CC BY 4.0" in html


def test_hot_skill_overlap_with_the_demo_position():
    skills = ["Python", "SQL", "Apache Spark", "Kafka", "Airflow", "dbt", "Kinesis", "R", "C"]
    overlap = hot_skill_overlap(skills, "15-1243.00")  # Database Architects
    assert list(overlap.columns) == OVERLAP_COLUMNS + SOURCE_COLUMNS
    assert set(overlap["skill"]) == set(skills)
    by_skill = {r.skill: r for r in overlap.itertuples()}
    assert by_skill["Python"].technology == "Python" and by_skill["Python"].hot_technology is True
    assert by_skill["Kafka"].technology == "Apache Kafka"
    assert by_skill["SQL"].technology is not None and "SQL" in by_skill["SQL"].technology
    assert not isinstance(by_skill["dbt"].technology, str)  # not listed: no invented match
    assert pd.isna(by_skill["dbt"].source_url)
    # hot matches first, unlisted skills last
    order = ["hot" if r.hot_technology is True else "listed" if isinstance(r.technology, str)
             else "none" for r in overlap.itertuples()]
    assert order == sorted(order, key=["hot", "listed", "none"].index)
    assert hot_skill_overlap([], "15-1243.00").empty


def test_the_shipped_title_index_is_the_one_the_extract_gives(tmp_path):
    """title_index.json.gz travels with the bundled extract; rebuilt here and compared, so
    it can never be stale (build_onet_extract.py writes both)."""
    import shutil

    from research_kit.research.industry.title_index import (
        SHIPPED_INDEX,
        TitleIndex,
        _shipped_index,
        write_title_index,
    )
    from research_kit.sources.onet.data import BUNDLED_DIR, bundled_onet

    shipped = _shipped_index(BUNDLED_DIR)
    assert shipped is not None, "the shipped index does not match the extract: rebuild it"
    fresh = TitleIndex(bundled_onet())
    assert (shipped.codes, shipped.names, shipped.kinds, shipped.rows, shipped.title_words) == \
        (fresh.codes, fresh.names, fresh.kinds, fresh.rows, fresh.title_words)
    shutil.copy(BUNDLED_DIR / "manifest.json", tmp_path / "manifest.json")
    written = write_title_index(bundled_onet(), tmp_path)
    assert written.read_bytes() == (BUNDLED_DIR / SHIPPED_INDEX).read_bytes()


def test_a_weakly_matched_occupation_gives_no_market_line():
    """"Senior DevOps Engineer" resembles "Engineers, All Other" only weakly: a wage line
    for the wrong occupation is worse than none."""
    from research_kit.research.industry.findings import industry_findings
    from research_kit.research.industry.occupation import occupation_panel

    weak = occupation_panel("Senior DevOps Engineer")
    assert weak.candidates["confidence"].iloc[0] == "weak"
    assert not [f for f in industry_findings(occupation=weak) if f.kind == "occupation_wage"]
    strong = occupation_panel("Software Developer")
    assert [f for f in industry_findings(occupation=strong) if f.kind == "occupation_wage"]
    by_code = occupation_panel("15-1252.00")  # chosen by code, not guessed
    assert [f for f in industry_findings(occupation=by_code) if f.kind == "occupation_wage"]
