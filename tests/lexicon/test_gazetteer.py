"""The gazetteer: known companies as evidence, places and generic words as non-names."""

from __future__ import annotations

from research_kit.lexicon.gazetteer import gazetteer


def test_known_companies_ignore_case_punctuation_and_legal_forms():
    gaz = gazetteer()
    for name in ("Intel", "INTEL CORPORATION", "Dillard’s", "Dillard's", "V.F. Corporation",
                 "adidas", "On", "Procter & Gamble", "procter and gamble"):
        assert gaz.knows(name), name
    assert not gaz.knows("Zephyr Widgets") and not gaz.knows("")


def test_lower_case_brands_only_as_the_data_file_writes_them():
    gaz = gazetteer(["EMPLOYERS HOLDINGS INC", "INTERFACE INC"])
    assert gaz.knows_lower_case("adidas")
    assert gaz.knows("Employers") and not gaz.knows_lower_case("employers")  # an SEC title
    assert not gaz.knows_lower_case("interface")


def test_registrant_names_widen_what_is_known():
    assert not gazetteer().knows("Zephyr Rail")
    gaz = gazetteer(["ZEPHYR RAIL CORP /DE/", "ACME HOLDINGS INC"])
    assert gaz.knows("Zephyr Rail") and gaz.knows("Acme")  # SEC's "holdings" dropped


def test_places_public_bodies_and_generic_words_are_not_companies():
    gaz = gazetteer()
    for name in ("Texas", "U.S.", "Caribbean Basin", "FDA", "the Sherman Act", "Laws",
                 "Federal Trade Commission", "Internet", "GPUs", "ASICs", "Automotive"):
        assert gaz.not_a_company(name), name
    for name in ("Target", "Discover", "ASICS", "Delta", "Acme Corp."):
        assert not gaz.not_a_company(name), name
