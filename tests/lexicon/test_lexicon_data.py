"""The lexicon's data files: company names (legal forms, owners, offices), places, the
technology names seeded from O*NET, word specificity, language detection."""

from __future__ import annotations

import tomllib
from importlib import resources

from research_kit.lexicon.company_names import company_key, company_keys, owner_of
from research_kit.lexicon.languages import detect_language
from research_kit.lexicon.places import city_and_region, country_of, places_in, regions_of
from research_kit.lexicon.specificity import word_weight
from research_kit.lexicon.terms import parse_table, stem, vocabulary

DATA = resources.files("research_kit.lexicon").joinpath("data")


def test_company_names_file_shape():
    data = tomllib.loads(DATA.joinpath("company_names.toml").read_text("utf-8"))
    assert all("{brand}" in p and "{owner}" in p for p in data["ownership"])
    assert all(isinstance(c["name"], str) for c in data["company"])
    assert data["office_qualifiers"]


def test_owners_offices_and_other_names():
    assert owner_of("Smartly by Pedago, LLC") == "Pedago, LLC"
    assert owner_of("Made by Hand Ltd") is None  # a name, not a brand of "Hand"
    assert "pedago" in company_keys("Smartly by Pedago, LLC")
    assert "capita" in company_keys("Capita India Pvt ltd")
    assert company_key("IBM") == company_key("International Business Machines Corporation")
    assert company_key("Google LLC") == company_key("Google")
    assert company_key("Google Cloud") != company_key("Google")


def test_places():
    data = tomllib.loads(DATA.joinpath("places.toml").read_text("utf-8"))
    us = next(c for c in data["country"] if c["name"] == "United States")
    assert len(us["region_codes"]) <= len(us["regions"])  # codes follow the regions' order
    assert country_of("João Pessoa, Paraíba, Brazil") == "Brazil"
    assert country_of("Portland, OR") == "United States"
    assert regions_of("Austin, TX") == {"Texas"}
    assert city_and_region("B-Tech Tech Nagpur, Maharashtra RTM Nagpur University") == (
        "Nagpur", "Maharashtra", "India")
    assert [p.name for p in places_in("based in New South Wales or Victoria")][:1] == [
        "New South Wales"]


def test_onet_tools_merge_into_the_term_table():
    vocab = vocabulary()
    onet = parse_table(DATA.joinpath("tools_onet.tsv").read_text("utf-8"))
    assert len(onet.concepts) > 500
    assert "Photoshop" in vocab.concepts_in("Retouched photos in Adobe Photoshop")
    assert "SPSS Statistics" in vocab.concepts_in("Ran surveys in SPSS")
    # an ordinary word alone is not a product: "Word" needs "Microsoft"
    assert "Microsoft Word" not in vocab.concepts_in("I give you my word")
    assert "Kubernetes" in vocab.concepts_in("Ran K8s clusters")


def test_word_specificity():
    assert word_weight(stem("consensus")) > 0.9 > word_weight(stem("system"))
    assert max(word_weight(stem("use")), word_weight(stem("develop"))) < 0.5 < word_weight(stem("payroll"))


def test_language_detection():
    assert detect_language("I am a data engineer with experience in pipelines and the cloud, "
                           "and I like to work with the analytics team on the warehouse.") == "en"
    assert detect_language("Sou engenheira de dados com experiência em pipelines de dados e na "
                           "nuvem, e gosto de trabalhar com a equipe de análise.") == "pt"
    assert detect_language("Python SQL Spark") is None
