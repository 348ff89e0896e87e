"""Competitor shapes the fixture 10-Ks lack, on small synthetic 10-Ks (HTML written here).

Each snippet is a shape seen in real filings: an ALL-CAPS heading over a list with
lower-case and one-word brands, per-product possessives, a table of competitors by
segment, names split across lines, Windows-1252 apostrophes, bullets in separate HTML
blocks — and the traps: own subsidiaries and brands, customers, suppliers and partners,
market-share tables, biographies, trademark notices, antitrust laws.
"""

from __future__ import annotations

import pytest

from research_kit.sources.edgar.company_source import EdgarCompanySource
from research_kit.sources.edgar.competitor_names import Context, names_in_sentence
from research_kit.sources.edgar.competitors import competitor_mentions, competitors_from_10k
from research_kit.sources.edgar.sections import split_10k


def ten_k(item1: str = "", item1a: str = "", item7: str = "",
          company: str = "Zenith Widgets, Inc.") -> bytes:
    """A minimal 10-K whose Items 1, 1A and 7 carry the given HTML."""
    return f"""<html><body><p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p>
<p>FORM 10-K</p><p>{company}</p><p>(Exact name of registrant as specified in its charter)</p>
<p><b>PART I</b></p><p><b>Item 1. Business</b></p>
<p>{company} (the “Company”) designs and sells widgets to customers around the world.</p>
{item1}
<p><b>Item 1A. Risk Factors</b></p><p>Our business is subject to many risks.</p>{item1a}
<p><b>Item 2. Properties</b></p><p>We lease our headquarters.</p><p><b>PART II</b></p>
<p><b>Item 7. Management’s Discussion and Analysis of Financial Condition and Results of
Operations</b></p><p>Revenue grew in fiscal 2024.</p>{item7}
<p><b>Item 8. Financial Statements and Supplementary Data</b></p><p>See the statements.</p>
<p><b>Item 9. Changes in and Disagreements with Accountants</b></p><p>None.</p>
<p>SIGNATURES</p><p>Pursuant to the requirements of the Act.</p></body></html>""".encode()


def competitors(**items: str) -> list[str]:
    return competitors_from_10k(split_10k(ten_k(**items)))


def test_all_caps_heading_lower_case_and_one_word_brands():
    found = competitors(item1="""<p>COMPETITION</p><p>The athletic footwear and apparel
    industry is highly competitive. We compete with a significant number of footwear and
    apparel companies, including adidas, Anta, ASICS, Columbia Sportswear, Li Ning, New
    Balance, On, Puma, Skechers, Under Armour and V.F. Corporation, among others.</p>
    <p>EMPLOYEES</p><p>We had 80,000 employees.</p>""")
    assert found == ["adidas", "Anta", "ASICS", "Columbia Sportswear", "Li Ning", "New Balance",
                     "On", "Puma", "Skechers", "Under Armour", "V.F. Corporation"]


def test_per_product_possessives_name_the_owners():
    found = competitors(item1="""<p><b>Competition</b></p><p>Our HUMIRA product competes
    with Amgen’s Enbrel and Johnson &amp; Johnson’s Remicade and Stelara, and our Skyrizi
    product competes with Eli Lilly’s Taltz.</p>""")
    assert found == ["Amgen", "Johnson & Johnson", "Eli Lilly"]


def test_principal_competitors_in_a_risk_factor():
    found = competitors(item1a="""<p><b>We face intense competition.</b></p><p>The markets
    for our products are intensely competitive. Our principal competitors are Acme Robotics
    Corp., Globex Systems and Initech, each of which has greater resources than we do.</p>""")
    assert found == ["Acme Robotics Corp.", "Globex Systems", "Initech"]


def test_table_of_competitors_by_segment():
    report = split_10k(ten_k(item1="""<p><b>Competition</b></p><p>Our principal competitors
    by segment are:</p><table><tr><td>Segment</td><td>Principal Competitors</td></tr>
    <tr><td>Consumer Products</td><td>Procter &amp; Gamble, Unilever and Colgate-Palmolive</td></tr>
    <tr><td>Professional</td><td>Ecolab, Diversey Holdings, Ltd.</td></tr></table>"""))
    assert competitors_from_10k(report) == ["Procter & Gamble", "Unilever", "Colgate-Palmolive",
                                            "Ecolab", "Diversey Holdings, Ltd."]
    quotes = set(competitor_mentions(report)["quote"])
    assert "Professional | Ecolab, Diversey Holdings, Ltd." in quotes  # the row, as quoted


def test_names_split_across_lines_and_windows_1252_apostrophes():
    found = competitors(item1="""<p><b>Competition</b></p><p>Our primary competitors are
    AT&amp;T,<br/>T-Mobile US, Inc. and Advanced Micro
    Devices, Inc. We also compete with home improvement retailers such as Lowe&#146;s and
    Menards, and with Amazon&#8217;s marketplace.</p>""")
    assert found == ["AT&T", "T-Mobile US, Inc.", "Advanced Micro Devices, Inc.", "Lowe’s",
                     "Menards", "Amazon"]


def test_run_in_heading_and_unmarked_list_items_under_a_lead_in():
    found = competitors(item1="""<p><b>Competition.</b> We face competition from online and
    offline retailers, including Walmart Inc., Target Corporation and Costco.</p>
    <p><b>Seasonality.</b> Our business is seasonal.</p>
    <p>Our competitors in sensors include:</p><ul><li>large diversified industrial companies
    such as Siemens AG and Honeywell International Inc.;</li><li>Keyence</li>
    <li>Cognex Corporation</li></ul><p><b>Employees</b></p><p>We have 500 employees.</p>""")
    assert found == ["Walmart Inc.", "Target Corporation", "Costco", "Siemens AG",
                     "Honeywell International Inc.", "Keyence", "Cognex Corporation"]


def test_list_under_a_principal_competitors_heading():
    found = competitors(item1="""<p><b>Principal Competitors</b></p><ul><li>Globex
    Corporation</li><li>Initech LLC</li><li>Hooli</li></ul><p><b>Employees</b></p>
    <p>We have 500 employees.</p>""")
    assert found == ["Globex Corporation", "Initech LLC", "Hooli"]


def test_competitive_factors_are_not_names():
    assert competitors(item1="""<p><b>Competition</b></p><p>We believe the principal
    competitive factors in our market are:</p><ul><li>Price</li><li>Product Quality</li>
    <li>Brand Recognition</li></ul>""") == []


def test_own_subsidiaries_and_brands_in_a_competition_section():
    found = competitors(item1="""<p><b>Competition</b></p><p>Our subsidiaries, Zenith Bank
    and Apex Trust Company, compete with large national banks such as JPMorgan Chase, Bank
    of America and Wells Fargo, as well as community banks. Our brands, including Sparkle
    and Glowy, compete with brands such as Dove. Zenith Capital competes with
    Apex Partners.</p>""")
    assert found == ["JPMorgan Chase", "Bank of America", "Wells Fargo", "Dove", "Apex Partners"]


@pytest.mark.parametrize("html", [
    # customers, suppliers and partners named beside a competition sentence
    """<p><b>Competition</b></p><p>We compete with other manufacturers of widgets. Our largest
    customers include Walmart and Target, our key suppliers include Foxconn, and we partner
    with Microsoft and Google.</p>""",
    # names only in a market-share table
    """<p><b>Industry</b></p><p>U.S. market share:</p><table><tr><td>Company</td><td>2023</td>
    </tr><tr><td>General Motors</td><td>17%</td></tr><tr><td>Toyota</td><td>15%</td></tr>
    </table><p><b>Competition</b></p><p>The industry is highly competitive.</p>""",
    # a biography
    """<p><b>Information about our Executive Officers</b></p><p>John Smith has served as our
    CEO since 2020. Previously he was President of Oracle Corporation and a director of Cisco
    Systems, Inc.</p>""",
    # a trademark notice
    """<p><b>Trademarks</b></p><p>Intel is a trademark of Intel Corporation. Windows is a
    registered trademark of Microsoft Corporation.</p>""",
    # antitrust law and regulators
    """<p>We are subject to competition laws, including the Sherman Act and the EU
    Competition Directive, and to investigations by the Federal Trade Commission.</p>""",
    # places
    """<p><b>Competition</b></p><p>We compete for customers with companies in markets such as
    the United States, Canada and Mexico.</p>""",
    # counted, not named
    """<p><b>Competition</b></p><p>Bell has two major U.S. competitors and one major European
    competitor.</p>""",
    # own brands; competition for people, not business; market names
    """<p><b>Competition</b></p><p>Our brands, such as Sparkle and Glowy, compete with private
    labels. We compete in end markets such as Automotive, Industrial and Consumer.</p>
    <p>We compete for qualified personnel with other companies, universities and research
    institutions such as Harvard and MIT.</p>""",
])
def test_traps_name_no_competitor(html):
    assert competitors(item1=html) == []


def test_segment_lists_interjections_and_subject_rivals():
    found = competitors(item1="""<p><b>Competition</b></p><p>In our Industrial segment, we
    compete with ABB Ltd, Siemens and Schneider Electric; in our Residential segment, with
    Whirlpool Corporation and Electrolux AB.</p><p>Intel is our largest competitor in servers.
    Hooli Corp. and Pied Piper are also significant competitors.</p>""",
                        item7="""<p><b>Competitive Environment</b></p><p>We compete with, among
    others, Accenture, Capgemini and Infosys Limited in consulting.</p>""")
    assert found == ["ABB Ltd", "Siemens", "Schneider Electric", "Whirlpool Corporation",
                     "Electrolux AB", "Intel", "Hooli Corp.", "Pied Piper", "Accenture",
                     "Capgemini", "Infosys Limited"]


def test_registrant_names_are_evidence_not_a_gate():
    sentence = "Our primary rail competitor is the Zephyr system."
    assert names_in_sentence(sentence, Context(in_section=True)) == []  # "Java middleware"?
    from research_kit.lexicon.gazetteer import gazetteer

    listed = names_in_sentence(sentence, Context(in_section=True),
                               gazetteer(["ZEPHYR CORP", "ACME INC"]))
    assert [item.name for item in listed] == ["Zephyr"]
    # an SEC title that is an ordinary word does not make a lower-case word a name
    assert names_in_sentence("We compete with other employers, including Acme.",
                             Context(in_section=True), gazetteer(["EMPLOYERS HOLDINGS INC"])
                             )[0].name == "Acme"


def test_every_competitor_row_has_its_own_quote():
    report = split_10k(ten_k(item1="""<p><b>Competition</b></p><p>We compete with Globex
    Corporation in widgets. Our gadgets compete with products from Initech LLC and Hooli.</p>"""))
    table = EdgarCompanySource.competitors_in(report)
    assert list(table["name"]) == ["Globex Corporation", "Initech LLC", "Hooli"]
    assert list(table["quote"]) == [
        "We compete with Globex Corporation in widgets.",
        "Our gadgets compete with products from Initech LLC and Hooli.",
        "Our gadgets compete with products from Initech LLC and Hooli."]
    assert table["section"].str.endswith("Item 1. Business — Competition").all()


def test_legal_forms_possessive_names_and_defined_aliases():
    found = competitors(item1="""<p><b>Competition</b></p><p>We compete with wholesalers and
    retailers of athletic apparel, including Nike, Inc., adidas AG and Under Armour, Inc. Our
    competitors include, but are not limited to, other home improvement retailers, such as
    Lowe’s Companies, Inc. and Menards. We compete against companies such as Apple Inc.
    (“Apple”) and Samsung Electronics Co., Ltd. (“Samsung”). Our Pro Series products compete
    with offerings from Fluke Corporation, a subsidiary of Fortive Corporation, and Keysight
    Technologies. Our top competitors, Acme (25%) and Beta (20%), hold most of the market.</p>""")
    assert found == ["Nike, Inc.", "adidas AG", "Under Armour, Inc.", "Lowe’s Companies, Inc.",
                     "Menards", "Apple Inc.", "Samsung Electronics Co., Ltd.", "Fluke Corporation",
                     "Fortive Corporation", "Keysight Technologies", "Acme", "Beta"]


def test_rivals_in_a_shared_industry_or_market_are_not_own_things():
    found = competitors(item1="""<p><b>Competition</b></p><p>We compete with other hospitals in
    our markets, such as HCA Healthcare and Tenet, and with other companies in our industry,
    such as Acme Corp.</p>""")
    assert found == ["HCA Healthcare", "Tenet", "Acme Corp."]


def test_copies_of_own_products_and_alternatives_to_ours():
    found = competitors(item1a="""<p><b>Our key product faces biosimilar competition.</b></p>
    <p>In April 2024, the FDA approved a biosimilar of our product to be marketed by a
    subsidiary of Globex Pharma Inc. Payment systems (such as the Acme Instant Payment System
    and Beta Pay) are increasingly considered as alternatives to traditional schemes such as
    ours.</p>""")
    assert found == ["Globex Pharma Inc.", "Acme Instant Payment System", "Beta Pay"]


def test_lower_case_brands_read_by_the_list_alone(monkeypatch):
    """Without any gazetteer: a lower-case item amid capitalised names is a brand."""
    from research_kit.lexicon.gazetteer import Gazetteer

    monkeypatch.setattr(Gazetteer, "knows", lambda self, name: False)
    monkeypatch.setattr(Gazetteer, "knows_lower_case", lambda self, word: False)
    found = competitors(item1="""<p>COMPETITION</p><p>We compete with footwear companies,
    private labels and large diversified companies, including adidas, Anta, Li Ning, lululemon
    athletica, New Balance, On, Puma and V.F. Corporation, among others. Cybertruck competes
    with other pickup trucks, Model S and Model X compete with premium sedans.</p>""")
    assert found == ["adidas", "Anta", "Li Ning", "lululemon athletica", "New Balance", "On",
                     "Puma", "V.F. Corporation"]


def test_table_after_a_lead_in_without_a_header():
    found = competitors(item1="""<p><b>Competition</b></p><p>Our principal competitors by
    segment are:</p><table><tr><td>Consumer</td><td>Globex Corporation and Initech</td></tr>
    <tr><td>Industrial</td><td>Hooli, Inc.</td></tr></table>""")
    assert found == ["Globex Corporation", "Initech", "Hooli, Inc."]
