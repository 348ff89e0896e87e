"""What a second read of eight real briefs found, each fixed at its cause: a plan for a
year already over, an intro sentence shown as the requirement, the same fact twice in the
SWOT, a commonality that repeats itself, one competitor and "+7 more", a not-met row that
says "no evidence yet", renamed offerings counted twice."""

from __future__ import annotations

from datetime import date

import pandas as pd

from research_kit.brief.model import Competitor
from research_kit.provenance import Source
from research_kit.research.company.facts import salient_facts
from research_kit.research.grammar import ask_of
from research_kit.research.position.swot import _no_strength, gap_text
from research_kit.sources.website.offerings import same_offerings_once
from research_kit.workbench import brief_builder as b

SOURCE = {"source_url": "https://example.com/10k", "retrieved_at": "2026-11-30",
          "section": "Item 1", "from_cache": True}


def test_a_plan_for_a_year_already_over_is_not_quoted():
    passages = pd.DataFrame([{"kind": "business", "title": "Acme 10-K", "date": "2024-12-31",
                              "text": "In 2025, we intend to begin launching our Robotaxi "
                                      "business across the country. In 2027, we plan to "
                                      "open three new plants in Texas and Nevada.",
                              **SOURCE}])
    facts = list(salient_facts(passages, today=date(2026, 12, 4))["fact"])
    assert not any("Robotaxi" in f for f in facts)
    assert any("three new plants" in f for f in facts)


def test_the_ask_not_the_scene_setting_sentence():
    text = ("Technical Acumen: Our product is complex and our customers are technical "
            "security team members. The ability to explain technical concepts clearly.")
    assert ask_of(text) == "Technical Acumen: The ability to explain technical concepts clearly."
    assert ask_of("5+ years of Python. Go is a plus.") == "5+ years of Python. Go is a plus."
    gap = gap_text({"requirement": text, "verdict": "unknown"})
    assert "Our product" not in gap and "ability to explain" in gap


def test_no_strength_names_the_closest_requirement():
    line = _no_strength([{"verdict": "partly", "kind": "required", "rank": 2,
                          "requirement": "Leadership Through Influence: The ability to "
                                         "mentor peers, champion quality, and gain buy-in"},
                         {"verdict": "unknown", "kind": "required", "rank": 1,
                          "requirement": "Go"}])
    assert line.startswith("No requirement is fully shown yet. Closest: “the ability to mentor")
    assert "Leadership Through" not in line


def _swot_table(rows):
    return pd.DataFrame([{"quadrant": q, "item": t, "basis": "company research",
                          "prompt": "", **SOURCE} for q, t in rows])


def test_an_opportunity_the_talking_points_already_say_is_left_out():
    table = _swot_table([("Opportunities", "Revenue grew 42% to $8.2 billion."),
                         ("Opportunities", "We opened a new design center in Pune."),
                         ("Opportunities", "We opened a new design center in Pune.")])
    swot = b.swot_for(table, ["I saw that: “Revenue grew 42% to $8.2 billion.”"])
    assert [i.text for i in swot.opportunities] == ["We opened a new design center in Pune."]
    only_said = b.swot_for(_swot_table([("Opportunities", "Revenue grew 42% to $8.2 billion.")]),
                           ["“Revenue grew 42% to $8.2 billion.”"])
    assert len(only_said.opportunities) == 1  # all the quadrant has: kept


def test_a_commonality_line_does_not_repeat_itself():
    table = pd.DataFrame([{"person": "Dana Reyes", "category": "employer",
                           "shared": "Northstar Logistics", "strength": "strong",
                           "overlap": "", "basis": "profiles",
                           "opener": "“We both worked at Northstar Logistics. Which team "
                                     "were you on, and what did you take from it?”",
                           **SOURCE}])
    text = b.commonalities_for(table)[0].text
    assert text.count("Northstar Logistics") == 1
    assert "Ask: Which team were you on" in text


def test_competitors_without_figures_share_one_line():
    src = Source(url="https://example.com/10k", retrieved_at="2026-11-30", section="Item 1")
    comps = [Competitor("Advanced Micro Devices, Inc.", "public; 10-K, Item 1", "", 5, (src,))] + [
        Competitor(f"{n} Corporation", "public; 10-K, Item 1", "", 6 + i, (src,))
        for i, n in enumerate(["Intel", "Broadcom", "Qualcomm"])]
    out = b._names_on_one_line(comps)
    assert len(out) == 1
    assert out[0].summary == "public; 10-K, Item 1 · Also named: Intel, Broadcom, Qualcomm"


def test_a_not_met_row_says_why():
    text, src = b._quote_for({"status": "not met", "quotes": [], "evidence": "",
                              "reason": "the whole dated career is about 0.5 years; 5 asked"})
    assert text == "Not met: the whole dated career is about 0.5 years; 5 asked"


def test_an_offering_renamed_on_another_page_is_counted_once():
    rows = [{"name": "Net2Mail Email Hosting", "page_url": "https://x.com/"},
            {"name": "Enterprise Website Hosting", "page_url": "https://x.com/"},
            {"name": "Global Ethernet", "page_url": "https://x.com/"},
            {"name": "Net2Mail Hosted Email", "page_url": "https://x.com/toolkit/"},
            {"name": "Website Hosting", "page_url": "https://x.com/toolkit/"},
            {"name": "Global MPLS-VPN", "page_url": "https://x.com/toolkit/"}]
    assert [r["name"] for r in same_offerings_once(rows)] == [
        "Net2Mail Email Hosting", "Enterprise Website Hosting", "Global Ethernet",
        "Global MPLS-VPN"]


def test_treasury_boilerplate_is_housekeeping_and_never_asked():
    from research_kit.research.company.facts import is_housekeeping

    assert is_housekeeping("We believe our cash and cash flows from operations will be "
                           "sufficient to fund our operations for at least the next twelve "
                           "months.")
    assert is_housekeeping("The Board declared a quarterly dividend of $0.25 per share.")
    assert not is_housekeeping("We opened a European service center in Rotterdam.")
    # Apple's brief asked "How does this team's work fit into that?" of its leases
    assert is_housekeeping("The Company has lease arrangements for certain equipment and "
                           "facilities, including corporate, data center, manufacturing "
                           "and retail space.")
    assert is_housekeeping("Our effective tax rate was 24.1% in fiscal 2025.")
    # Tesla's: true, but nothing a team owns
    assert is_housekeeping("Overall, we expect our ability to be self-funding to continue as "
                           "long as macroeconomic factors support current trends in our sales.")


def test_an_empty_opportunities_quadrant_does_not_claim_there_is_no_research():
    """CHT Global: the website was read, but all its news is from 2011 and is left out of
    the SWOT. "No company research rows yet" would be false; "read so far" is true."""
    from research_kit.research.position.swot import _missing

    rows = _missing([], [{"verdict": "met", "kind": "required"}])
    opportunities = next(r for r in rows if r["quadrant"] == "Opportunities")
    assert "read so far" in opportunities["prompt"]
    assert "no company research" not in opportunities["prompt"].lower()


def test_a_plan_for_this_year_in_a_document_over_a_year_old_is_past():
    from datetime import date

    from research_kit.research.company.facts import _past_plan

    capex = ("We expect to increase capital expenditures in fiscal year 2026 relative to "
             "fiscal year 2025 to support the future growth of our business.")
    assert _past_plan(capex, date(2026, 12, 5), "2025-02-26")      # NVIDIA's FY2025 10-K
    assert not _past_plan(capex, date(2026, 3, 1), "2026-02-20")   # this year's report
    assert not _past_plan("We plan to reach 1 GW by 2030.", date(2026, 12, 5), "2025-02-26")


def test_a_company_sentence_is_an_opening_by_its_kind_not_by_a_perk_word():
    """Tesla's "investments in customer education and advertising" read as an opportunity
    through the perk words "invest" and "education"; NVIDIA's launches did not count."""
    from research_kit.research.position.swot import _company_quadrant

    marketing = ("We continue to monitor our public narrative and brand, and tailor our "
                 "marketing efforts accordingly, including through investments in customer "
                 "education and advertising as necessary.")
    assert _company_quadrant({"kind": "company_fact", "fact_kind": "strategy"}, marketing) \
        is None
    launch = "In 2023, we introduced our first data center CPU, Grace."
    assert _company_quadrant({"kind": "company_fact", "fact_kind": "launch"}, launch) == \
        "Opportunities"
    assert _company_quadrant({"kind": "company_fact", "fact_kind": "strategy"},
                             "We opened a new engineering office in Lisbon.") == "Opportunities"


def test_an_interviewer_from_the_same_employer_is_an_opportunity_in_the_notebook_swot():
    """ADVICE: opportunities include the people you know there. The best link per
    interviewer (the commonalities table ranks them) becomes one, cited to their profile;
    the brief's SWOT leaves it to the commonalities section."""
    from research_kit.research.position.swot import _people_you_share
    from research_kit.workbench.brief_builder import swot_for

    src = {"source_url": "notes/miguel.pdf", "retrieved_at": "2026-11-20",
           "section": "Experience", "from_cache": False}
    links = pd.DataFrame([
        {"person": "Miguel Santos", "category": "employer", "shared": "Northstar Logistics",
         "their_evidence": "Previously at Northstar Logistics.", **src},
        {"person": "Miguel Santos", "category": "location", "shared": "Portland", **src},
        {"person": "Dana Okafor", "category": "location", "shared": "Portland", **src}])
    rows = _people_you_share(links)
    assert [r["item"] for r in rows] == [
        "Miguel Santos, who interviews you, also worked at Northstar Logistics"]
    assert rows[0]["quadrant"] == "Opportunities" and rows[0]["source_url"] == "notes/miguel.pdf"
    brief = swot_for(pd.DataFrame([{**rows[0], "prompt": ""}]))
    assert not brief.opportunities


def test_a_posting_about_developers_is_no_growth_opening():
    """Windsurf's "join us on our mission to build AI superpowers for developers" read as
    an opportunity through "develop"; a development budget still is one."""
    from research_kit.research.position.swot import _GROWTH

    assert not _GROWTH.search("We're looking for an enterprise-focused software engineer to "
                              "join us on our mission to build AI superpowers for developers")
    assert _GROWTH.search("A yearly professional development budget")
