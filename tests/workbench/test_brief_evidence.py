"""The brief's evidence, SWOT and commonalities: quotes cited to the profile, every quadrant
either sourced or saying what is missing, links ranked across people with problems named."""

from __future__ import annotations

import pandas as pd

from research_kit.app.demo import prepare_demo_workspace
from research_kit.workbench import brief_builder as b
from research_kit.workbench.research import open_research
from research_kit.workbench.step import found


def test_requirements_cite_the_profile_passage_first(tmp_path):
    research = open_research(prepare_demo_workspace(tmp_path))
    items = b.requirements_for(found(research.match()))
    first = items[0]
    assert first.status == "met"
    assert first.evidence.startswith("Build and run batch and streaming pipelines")
    assert first.sources[0].url.endswith("alex-rivera-profile.pdf")
    assert first.sources[0].section == "Experience · Data Engineer at Cascadia Grid Analytics, p. 1"
    assert "Job posting" in first.sources[1].label()
    silent = next(i for i in items if "Industrial IoT" in i.requirement)
    assert silent.status == "unknown" and silent.evidence == ""  # silent: "?", not "✗"
    assert all(not s.url.endswith(".pdf") for s in silent.sources)  # nothing to cite there


def test_swot_quadrants_are_sourced_or_say_what_is_missing(tmp_path):
    research = open_research(prepare_demo_workspace(tmp_path))
    swot = b.swot_for(found(research.swot()))
    assert swot.strengths and all(i.sources[0].url.endswith("alex-rivera-profile.pdf")
                                  for i in swot.strengths)
    assert swot.weaknesses[0].text.startswith("Only partly shown:")
    assert swot.opportunities and all(i.sources for i in swot.opportunities)
    # a threat comes from a source (the 10-K's competition passage here) or says none was
    # found: never an unsourced claim
    assert swot.threats and all(i.sources or i.text.startswith("None found.")
                                for i in swot.threats)


def test_commonalities_rank_links_and_name_problems():
    src = {"source_url": "notes/x.pdf", "retrieved_at": "2026-01-01", "section": None,
           "from_cache": False}
    table = pd.DataFrame([
        {"person": "Ada", "category": "group", "shared": "ACM", "strength": "weak",
         "basis": "profiles", "overlap": None, "opener": "“We're both in ACM.”", **src},
        {"person": "Ori", "category": "employer", "shared": "Pedago, LLC", "strength": "strong",
         "basis": "profiles", "overlap": "2016–now", "opener": "“We both worked at Pedago.”",
         **src},
        {"person": "Bo", "category": "profile problem", "shared": "", "strength": None,
         "basis": "profiles", "overlap": None,
         "opener": "notes/bo.pdf: could not be used: no name found; no roles found", **src},
        {"person": "Cy", "category": "none", "shared": "", "strength": None,
         "basis": "profiles", "overlap": None, "opener": "No shared …", **src},
    ])
    items = b.commonalities_for(table)
    texts = [i.text for i in items]
    assert texts[0].startswith("Ori and I both worked at Pedago (overlapping 2016–now).")
    assert texts[1].startswith("Ada and I are both in ACM.")
    assert "Bo: profile notes/bo.pdf: could not be used: no name found" in texts[2]
    assert texts[3].startswith("Cy: no shared employer, school, city or group")


def test_competitor_chart_names_wrap_instead_of_being_cut():
    from research_kit.workbench.brief_builder import _chart_name

    assert _chart_name("Clearline Analytics Corp") == "Clearline\nAnalytics"
    assert _chart_name("Intel Corp") == "Intel"
    assert all(len(line) <= 16 for line in _chart_name(
        "Harbor Sensing Technologies and Instruments, Inc.").split("\n"))


def test_not_found_lines_name_a_document_not_its_whole_address():
    from research_kit.workbench.steps.brief import _short_urls

    assert _short_urls("offline mode: https://www.sec.gov/Archives/edgar/data/789019/"
                       "000095017025100235/msft-20250630.htm is not in the cache; add it") == \
        "offline mode: sec.gov/…/msft-20250630.htm is not in the cache; add it"


def test_a_skills_list_keyword_says_where_it_stands():
    from research_kit.workbench.brief_builder import _quote_for

    row = {"status": "partly met", "quotes": [
        {"text": "Leadership", "url": "notes/me.pdf", "retrieved_at": "2026-12-04",
         "source_section": "Skills & Expertise, p. 3", "label": "Skills & Expertise"}]}
    assert _quote_for(row)[0] == "Skills list: Leadership"
    row["quotes"][0].update(text="Led a team of 9 people for support and evolution.",
                            source_section="Experience", label="Tech Lead")
    assert _quote_for(row)[0].startswith("Led a team")
