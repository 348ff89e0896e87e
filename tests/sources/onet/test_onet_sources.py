"""O*NET and BLS OEWS loaders on the real public files (both releases), the crosswalk, the
extract builder on tiny self-written releases, and the bundled extract."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from conftest import LOCAL, PROJECT, fixture_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.sources.onet import (
    bundled_onet,
    derive_crosswalk,
    load_alternate_titles,
    load_occupations,
    load_oews_national,
    load_skills,
    load_task_statements,
    load_technology_skills,
    read_onet_file,
    skills_by_importance,
)
from research_kit.sources.onet.data import BUNDLED_DIR
from research_kit.sources.onet.extract import build_extract, read_onet_release, write_extract

ONET = ("onet",)
SMALL = LOCAL / "onet"


@pytest.fixture(scope="module")
def recent_occupations():
    return load_occupations(fixture_path(*ONET, "onet_db_recent", "Occupation Data.txt"))


@pytest.fixture(scope="module")
def older_occupations():
    return load_occupations(fixture_path(*ONET, "onet_db_older_xlsx", "Occupation Data.xlsx"))


def test_occupation_data_txt_and_xlsx(recent_occupations, older_occupations):
    assert len(recent_occupations) == 1016 and len(older_occupations) == 1110
    for frame in (recent_occupations, older_occupations):
        assert list(frame.columns) == ["soc_code", "title", "description", *SOURCE_COLUMNS]
        assert frame["soc_code"].str.match(r"^\d{2}-\d{4}\.\d{2}$").all()
        assert frame["title"].notna().all()
    new = dict(zip(recent_occupations["soc_code"], recent_occupations["title"]))
    old = dict(zip(older_occupations["soc_code"], older_occupations["title"]))
    assert new["15-1252.00"] == "Software Developers" and "15-1252.00" not in old
    assert old["15-1132.00"] == "Software Developers, Applications" and "15-1132.00" not in new
    assert recent_occupations["section"].iloc[0] == "O*NET Occupation Data"


def test_technology_skills_columns_differ_between_releases():
    recent = load_technology_skills(fixture_path(*ONET, "onet_db_recent", "Technology Skills.txt"))
    older = load_technology_skills(fixture_path(*ONET, "onet_db_older_xlsx",
                                                "Technology Skills.xlsx"))
    assert len(recent) == 32435 and len(older) == 27661
    assert set(recent["hot_technology"]) == {True, False}
    assert set(recent["in_demand"]) == {True, False}          # recent release has "In Demand"
    assert older["in_demand"].isna().all()                     # older one does not
    assert set(older["hot_technology"]) == {True, False}
    redshift = recent[(recent["soc_code"] == "15-1243.00")
                      & (recent["technology"] == "Amazon Redshift")].iloc[0]
    assert redshift["hot_technology"] is True and redshift["in_demand"] is True


def test_tasks_alternate_titles_and_skills_from_xlsx():
    tasks = load_task_statements(fixture_path(*ONET, "onet_db_older_xlsx",
                                              "Task Statements.xlsx"))
    assert len(tasks) == 19636 and set(tasks["task_type"].dropna()) <= {"Core", "Supplemental"}
    alt = load_alternate_titles(fixture_path(*ONET, "onet_db_alt_titles",
                                             "Alternate Titles.xlsx"))
    assert len(alt) == 60511
    assert "Software Engineer" in set(alt.loc[alt["soc_code"] == "15-1132.00", "alternate_title"])
    skills = skills_by_importance(load_skills(fixture_path(*ONET, "onet_db_older_xlsx",
                                                           "Skills.xlsx")))
    assert skills.groupby("soc_code").size().max() == 35  # one row per occupation × skill
    assert skills["importance"].between(1, 5).all() and skills["level"].between(0, 7).all()
    ceo = skills[skills["soc_code"] == "11-1011.00"]
    assert ceo["importance"].is_monotonic_decreasing
    assert ceo.iloc[0]["skill"] == "Judgment and Decision Making"


def test_bls_oews_national_tables():
    w23 = load_oews_national(fixture_path(*ONET, "bls_oews", "national_M2023_dl.xlsx"))
    w17 = load_oews_national(fixture_path(*ONET, "bls_oews", "national_M2017_dl.xlsx"))
    dev = w23[w23["soc_code"] == "15-1252"].iloc[0]
    assert (dev["annual_median"], dev["annual_p10"], dev["annual_p90"]) == (132270, 77020, 208620)
    assert dev["survey"] == "May 2023" and dev["group"] == "detailed"
    old_dev = w17[w17["soc_code"] == "15-1132"].iloc[0]       # 2010 SOC, OCC_GROUP column
    assert old_dev["annual_median"] == 101790 and old_dev["group"] == "detailed"
    ceo = w23[w23["soc_code"] == "11-1011"].iloc[0]
    assert ceo["annual_p90"] != ceo["annual_p90"]  # '#' → NaN …
    assert "annual_p90" in ceo["top_coded"] and ceo["top_code_annual"] == 239200  # … flagged
    assert w17["top_code_annual"].isna().all()  # 2017 file has no notes sheet
    assert {"total", "major", "minor", "broad", "detailed"} <= set(w23["group"])


def test_wrong_files_raise_parse_errors(tmp_path):
    news = fixture_path("news", "rss_2.0_bbc.xml")
    with pytest.raises(errors.ParseError):
        read_onet_file(news)
    with pytest.raises(errors.ParseError, match="lacks"):
        load_task_statements(fixture_path(*ONET, "onet_db_recent", "Occupation Data.txt"))
    with pytest.raises(errors.ParseError, match="OCC_CODE"):
        load_oews_national(fixture_path(*ONET, "onet_db_older_xlsx", "Occupation Data.xlsx"))
    fake = tmp_path / "Skills.xlsx"
    fake.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(errors.ParseError, match="xlsx"):
        load_skills(fake)
    empty = tmp_path / "Occupation Data.txt"
    empty.write_bytes(b"")
    with pytest.raises(errors.ParseError, match="empty"):
        load_occupations(empty)
    with pytest.raises(errors.ParseError, match="no such"):
        load_occupations(tmp_path / "missing.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".xlsx", ".csv"]))
def test_fuzzed_onet_files_raise_only_our_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"Occupation Data{suffix}"
    path.write_bytes(data)
    try:
        frame = read_onet_file(path)
    except errors.ResearchKitError:
        return
    assert "soc_code" in frame.columns


def test_derived_crosswalk_against_known_renumberings(recent_occupations, older_occupations):
    cw = derive_crosswalk(older_occupations, recent_occupations)
    to = dict(zip(cw["old_code"], cw["new_code"]))
    how = dict(zip(cw["old_code"], cw["method"]))
    # renumbered with the same title, or the title before its qualifier (O*NET's crosswalk agrees)
    assert to["15-1199.08"] == "15-2051.01" and how["15-1199.08"] == "same title"
    assert to["15-1132.00"] == "15-1252.00" and how["15-1132.00"] == "same title before qualifier"
    assert to["29-2021.00"] == "29-1292.00"  # Dental Hygienists moved
    assert to["11-3071.03"] == "11-3071.00" and how["11-3071.03"] == "merged into parent"
    # traps: "Except" reverses the meaning; similar spelling is not similar work
    assert to["43-5031.00"] != "43-5032.00"
    assert to["15-2091.00"] != "19-4031.00"
    assert to["11-9061.00"] != "11-9179.00"
    assert cw["method"].isna().sum() < 80  # the rest stay unmapped rather than guessed


def test_build_extract_carries_older_tables_onto_new_codes(tmp_path):
    data = build_extract(SMALL / "release_new", older=[SMALL / "release_old"],
                         primary_label="new", older_label="old", retrieved_at="2026-01-01")
    tasks = data.tasks
    dev = tasks[tasks["soc_code"] == "15-1252.00"]
    # inherits from one predecessor (Applications), Core tasks first
    assert list(dev["task"]) == ["Core task B.", "Core task C.", "Supplemental task A."]
    assert list(dev["rank"]) == [1, 2, 3] and set(dev["origin_code"]) == {"15-1132.00"}
    assert "(old)" in dev["section"].iloc[0]
    skills = data.skills[data.skills["soc_code"] == "15-1252.00"]
    assert list(skills["skill"]) == ["Programming", "Reading Comprehension"]
    assert list(skills["level"]) == [5.0, 4.0]
    alt = set(data.alternate_titles.loc[data.alternate_titles["soc_code"] == "15-1252.00",
                                        "alternate_title"])
    # alternate titles of both predecessors, plus their old titles
    assert {"Application Developer", "Systems Software Engineer",
            "Software Developers, Applications"} <= alt
    assert data.technology_skills["in_demand"].tolist() == [True, False, False, True]
    assert data.wages.empty and list(data.wages.columns)[:2] == ["soc_code", "occupation"]
    # nothing is carried to the dispatchers' opposite
    assert "43-5032.00" not in set(data.crosswalk["new_code"].dropna())

    sizes = write_extract(data, tmp_path / "a", "attribution")
    write_extract(data, tmp_path / "b", "attribution")
    for name in sizes:  # reproducible bytes: gzip without timestamps
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    again = bundled_onet.__wrapped__(str(tmp_path / "a"))
    assert len(again.tasks) == len(data.tasks)
    assert again.technology_skills["hot_technology"].tolist() == [True, False, True, True]


def test_from_directory_reads_one_full_release():
    data = read_onet_release(SMALL / "release_old")
    assert set(data.occupations["soc_code"]) == {"15-1132.00", "15-1133.00", "43-5031.00",
                                                 "43-5032.00"}
    assert data.tasks["origin_code"].isna().all()  # nothing mapped: same release
    with pytest.raises(errors.ParseError, match="Occupation Data"):
        read_onet_release(SMALL)


def test_bundled_extract_is_small_sourced_and_attributed():
    files = list(BUNDLED_DIR.glob("*"))
    assert sum(p.stat().st_size for p in files) < 3 * 1024 * 1024
    text = (BUNDLED_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for phrase in ("CC BY 4.0", "USDOL/ETA", "has not approved, endorsed, or tested",
                   "public domain", "O*NET® is a trademark"):
        assert phrase in text
    data = bundled_onet()
    assert "CC BY 4.0" in data.attribution
    assert len(data.occupations) == 1016
    for name in data.TABLES:
        frame = data.table(name)
        assert len(frame) > 0, name
        assert frame["source_url"].notna().all() and frame["section"].notna().all(), name
    for path in BUNDLED_DIR.glob("*.csv.gz"):
        gzip.decompress(path.read_bytes())  # valid gzip


def test_bundled_extract_matches_the_public_files():
    """Spot check: the extract holds exactly the release's rows for a few occupations."""
    recent = load_technology_skills(fixture_path(*ONET, "onet_db_recent", "Technology Skills.txt"))
    data = bundled_onet()
    for code in ("15-1252.00", "29-1141.00", "11-1011.00"):
        want = recent[recent["soc_code"] == code]
        got = data.technology_skills[data.technology_skills["soc_code"] == code]
        assert sorted(got["technology"]) == sorted(want["technology"])
        hot = dict(zip(want["technology"], want["hot_technology"]))
        assert all(hot[t] == h for t, h in zip(got["technology"], got["hot_technology"]))
    wages = load_oews_national(fixture_path(*ONET, "bls_oews", "national_M2023_dl.xlsx"))
    rn = wages[wages["soc_code"] == "29-1141"].iloc[0]
    bundled_rn = data.wages[data.wages["soc_code"] == "29-1141"].iloc[0]
    assert rn["annual_median"] == bundled_rn["annual_median"] == 86070


def test_data_paths_are_not_machine_specific():
    for path in Path(BUNDLED_DIR).glob("*"):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        assert str(PROJECT.parent).encode() not in raw and b"shared/fixtures" not in raw, \
            path.name
