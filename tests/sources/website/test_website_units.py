"""Website research building blocks on small hand-written pages (tests/data/website)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit import errors
from research_kit.sources.website.classify import classify_link, classify_url, is_skippable_url
from research_kit.sources.website.document import decode_html, normalize_url, parse_html
from research_kit.sources.website.domain import in_site, registrable_domain
from research_kit.sources.website.language import detect_language
from research_kit.sources.website.locations import extract_locations
from research_kit.sources.website.maintext import extract_main_text, needs_browser
from research_kit.sources.website.organization import facts_to_dict, organization_facts
from research_kit.sources.website.people import extract_people, looks_like_name
from research_kit.sources.website.sitemaps import parse_sitemap, sitemaps_in_robots


def page(body: str, head: str = "", lang: str = "en") -> bytes:
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>{head}</head>"
            f"<body>{body}</body></html>").encode()


@pytest.mark.parametrize("host, domain", [
    ("www.acme.com", "acme.com"), ("investors.acme.com", "acme.com"),
    ("www.acme.co.uk", "acme.co.uk"), ("careers.acme.com.au", "acme.com.au"),
    ("acme.github.io", "acme.github.io"), ("127.0.0.1", "127.0.0.1"), ("localhost", "localhost"),
    ("www.brightwater-instruments.example", "brightwater-instruments.example"),
])
def test_registrable_domain_uses_the_public_suffix_list(host, domain):
    assert registrable_domain(host) == domain


def test_in_site_keeps_subdomains_and_drops_lookalikes():
    assert in_site("https://careers.acme.com/jobs", "acme.com")
    assert in_site("http://acme.com/", "acme.com")
    assert not in_site("https://notacme.com/", "acme.com")
    assert not in_site("https://acme.com.evil.io/", "acme.com")
    assert not in_site("mailto:x@acme.com", "acme.com")
    assert not in_site("http://[::1", "acme.com")


@pytest.mark.parametrize("url, text, kind", [
    ("https://x.com/about-us/", "About Us", "about"),
    ("https://x.com/company/leadership", "Leadership", "leadership"),
    ("https://x.com/about/team.html", "Meet the team", "leadership"),
    ("https://x.com/about/careers.html", "Careers", "careers"),
    ("https://careers.x.com/", "Jobs", "careers"),
    ("https://x.com/contact-us", "Get in touch", "contact"),
    ("https://x.com/newsroom/", "Press", "newsroom"),
    ("https://x.com/investor-relations", "Investors", "investors"),
    ("https://x.com/products/", "Products", "products"),
    ("https://x.com/products/widget-pro/", "Widget Pro", "product"),
    ("https://x.com/unternehmen/geschichte/", "Geschichte", "history"),
    ("https://x.com/ueber-uns/", "Über uns", "about"),
    ("https://x.com/news/2024/03/we-won-an-award", "News", None),
    ("https://x.com/", "Home", "home"),
])
def test_classify_link(url, text, kind):
    assert classify_link(url, text) == kind


def test_menu_entries_of_an_unknown_section_are_offerings():
    assert classify_link("https://x.com/enterprise/mpls/", "Global MPLS-VPN", "Enterprise") == "product"
    assert classify_link("https://x.com/about/vision.html", "Vision", "About Us") == "mission"
    assert classify_url("https://x.com/about/history.html") == ("history", False)
    assert is_skippable_url("https://x.com/files/report.pdf")
    assert is_skippable_url("https://x.com/privacy-policy")
    assert not is_skippable_url("https://x.com/about/")


def test_normalize_url_handles_iris_ports_and_junk():
    assert normalize_url("/中文/關於/", "http://www.x.com/") == \
        "http://www.x.com/%E4%B8%AD%E6%96%87/%E9%97%9C%E6%96%BC/"
    assert normalize_url("HTTP://WWW.X.COM:80/a#frag", "http://y/") == "http://www.x.com/a"
    assert normalize_url("javascript:void(0)", "http://x/") is None
    assert normalize_url("mailto:a@b.c", "http://x/") is None
    assert normalize_url("http://x.com:notaport/", "http://x/") is None


def test_sitemap_urlset_index_gzip_and_text():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://x.com/about/</loc><lastmod>2025-01-02</lastmod></url>
      <url><loc> https://x.com/careers/ </loc></url></urlset>"""
    sm = parse_sitemap(urlset)
    assert [(e.url, e.lastmod) for e in sm.urls] == [("https://x.com/about/", "2025-01-02"),
                                                     ("https://x.com/careers/", None)]
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.com/page-sitemap.xml</loc></sitemap></sitemapindex>"""
    assert parse_sitemap(index).sitemaps == ["https://x.com/page-sitemap.xml"]
    import gzip

    assert parse_sitemap(gzip.compress(urlset)).urls[0].url == "https://x.com/about/"
    assert [e.url for e in parse_sitemap(b"https://x.com/a\nhttps://x.com/b\n").urls] == \
        ["https://x.com/a", "https://x.com/b"]
    assert parse_sitemap(b"<html><body>not a sitemap</body></html>").urls == []
    assert parse_sitemap(b"\x00\xff garbage").urls == []
    xxe = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>
      <urlset><url><loc>&e;</loc></url></urlset>"""
    assert all("root:" not in e.url for e in parse_sitemap(xxe).urls)
    assert sitemaps_in_robots("User-agent: *\nSitemap: https://x.com/s.xml\nsitemap:https://x.com/t.xml") == \
        ["https://x.com/s.xml", "https://x.com/t.xml"]


def test_main_text_drops_cookie_banner_nav_and_footer():
    html = page("""<div class="cookie-banner">We use cookies. Accept all cookies</div>
      <header><nav><a href="/">Home</a> <a href="/about/">About</a></nav></header>
      <main><h1>About Acme</h1><p>Acme makes anvils for coyotes since 1949.</p>
      <p><a href="/more">Read more</a></p></main>
      <aside>Subscribe to our newsletter</aside>
      <footer><p>&copy; 2025 Acme Corp. All rights reserved.</p></footer>""")
    main = extract_main_text(parse_html(html, "https://acme.com/about/"))
    assert main.text == "About Acme\nAcme makes anvils for coyotes since 1949."
    assert main.headings == ["About Acme"] and main.word_count == 9


def test_main_text_keeps_a_short_contact_page_under_a_long_sidebar():
    html = page("""<div class="page"><div class="content"><h1>Contact</h1><p>1 Main St</p>
      <p>Springfield, IL 62701</p></div><div class="extra">""" + "<p>Long sidebar text. </p>" * 60
                + "</div></div>")
    text = extract_main_text(parse_html(html, "https://acme.com/contact")).text
    assert "1 Main St" in text and "Springfield, IL 62701" in text


def test_javascript_only_page_is_detected():
    shell = page('<div id="root"></div><script src="/static/app.js"></script>'
                 '<noscript>You need to enable JavaScript to run this app.</noscript>')
    doc = parse_html(shell, "https://spa.example/")
    assert extract_main_text(doc).text == "" and needs_browser(doc)
    assert not needs_browser(parse_html(page("<p>" + "word " * 40 + "</p>"), "https://x/"))


def test_charsets_broken_html_and_binary():
    latin1 = "<html><head><meta charset='iso-8859-1'></head><body><p>Café Zürich</p></body></html>"
    assert "Café Zürich" in extract_main_text(parse_html(latin1.encode("cp1252"), "http://x/")).text
    # declared Latin-1 but really UTF-8: repaired, not "CafÃ©"
    assert "Café" in decode_html(latin1.encode("utf-8"), "text/html; charset=iso-8859-1")
    # declared UTF-8 but really cp1252: no exception, readable
    text = extract_main_text(parse_html("<p>Stra\xdfe M\xfcnchen</p>".encode("cp1252"), "http://x/",
                                        "text/html; charset=utf-8")).text
    assert "M" in text and "nchen" in text
    broken = b"<html><body><div><p>Unclosed <b>bold <table><tr><td>cell</div></p></body"
    assert "cell" in extract_main_text(parse_html(broken, "http://x/")).text
    assert parse_html(b"", "http://x/").tree is None
    assert parse_html(b"<?xml version='1.0' encoding='utf-8'?><html><body><p>x</p></body></html>",
                      "http://x/").tree is not None
    with pytest.raises(errors.ParseError):
        parse_html(b"%PDF-1.7 binary", "http://x/a.pdf", "application/pdf")
    with pytest.raises(errors.ParseError):
        parse_html(b"\x89PNG\r\n\x1a\n", "http://x/a", "text/html")


def test_language_from_text_beats_a_wrong_lang_attribute():
    assert detect_language("中華電信全球股份有限公司是中華電信股份有限公司在北美的轉投資公司。", "en") == "zh"
    german = "Wir sind ein Unternehmen, das mit Leidenschaft und für die Zukunft der Region arbeitet und sich auf die Planung von Tragwerken spezialisiert hat."
    assert detect_language(german, "en") == "de"
    assert detect_language("Short text", "fr-CA") == "fr"
    assert detect_language("", None) is None
    assert detect_language("The company was founded in 2009 and is based in Portland, where the team builds sensors for the water industry.", None) == "en"
    assert detect_language("日本語のテキストです。会社概要", "en") == "ja"


def test_people_cards_tables_lines_and_json_ld():
    html = page("""
      <div class="team"><div class="card"><h3>Dr. Jane Q. Doe, PhD</h3><p class="role">Chief Technology Officer</p>
        <a href="https://www.linkedin.com/in/janedoe">LinkedIn</a></div>
      <div class="card"><h3>Global Headquarters</h3><p>Chief of everything</p></div></div>
      <table><tr><th>Name</th><th>Role</th></tr>
        <tr><td>Ludwig van Beethoven</td><td>Head of Composition</td></tr></table>
      <p>Ana María López — Vice President, Sales</p>
      <p>Li Wei (CFO)</p>
      <p>General Counsel: Priya Raman</p>
      <p>Our products are used by Acme Widgets, Globex and Initech across the world.</p>""",
                head="""<script type="application/ld+json">{"@context":"https://schema.org",
        "@type":"Organization","name":"Acme","employee":[{"@type":"Person","name":"Sam Ortiz",
        "jobTitle":"Chief Operating Officer"}]}</script>""")
    rows = extract_people(parse_html(html, "https://acme.com/about/leadership/"))
    got = {r["name"]: r["title"] for r in rows}
    assert got == {"Sam Ortiz": "Chief Operating Officer", "Jane Q. Doe": "Chief Technology Officer",
                   "Ludwig van Beethoven": "Head of Composition",
                   "Ana María López": "Vice President, Sales", "Li Wei": "CFO",
                   "Priya Raman": "General Counsel"}
    jane = next(r for r in rows if r["name"] == "Jane Q. Doe")
    assert jane["profile_url"] == "https://www.linkedin.com/in/janedoe" == jane["url"]
    assert not looks_like_name("Our Team") and not looks_like_name("CONTACT US")


def test_organization_facts_from_json_ld_graph_and_meta():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Acme site"},
        {"@type": ["Organization", "Corporation"], "name": "Acme", "legalName": "Acme Corp.",
         "logo": {"@type": "ImageObject", "url": "https://acme.com/logo.png"},
         "sameAs": ["https://www.linkedin.com/company/acme", "https://twitter.com/acme"],
         "foundingDate": "1949", "numberOfEmployees": {"minValue": 100, "maxValue": 250},
         "address": {"@type": "PostalAddress", "streetAddress": "1 Main St",
                     "addressLocality": "Springfield", "addressRegion": "IL", "postalCode": "62701"}}]}
    html = page("<p>hi</p><footer>© 2024 Acme Corp. All rights reserved</footer>",
                head=f'<script type="application/ld+json">{json.dumps(ld)}</script>'
                     '<meta property="og:site_name" content="Acme | Anvils and more since 1949">')
    rows = organization_facts([parse_html(html, "https://acme.com/")])
    org = facts_to_dict(rows)
    assert org["name"] == "Acme" and org["legal_name"] == "Acme Corp."
    assert org["logo"] == "https://acme.com/logo.png"
    assert org["same_as"] == ["https://www.linkedin.com/company/acme", "https://twitter.com/acme"]
    assert org["founding_date"] == "1949" and org["employees"] == "100–250"
    assert org["address"] == "1 Main St, Springfield, IL 62701"
    assert all(r["method"].startswith("json-ld") for r in rows if r["fact"] == "name")


def test_broken_json_ld_is_ignored_not_fatal():
    html = page("<p>x</p>", head='<script type="application/ld+json">{"@type": "Organization", '
                                 '"name": "Acme",}</script><script type="application/ld+json">{nope</script>')
    assert facts_to_dict(organization_facts([parse_html(html, "https://a.com/")]))["name"] == "Acme"


def test_locations_from_address_elements_and_blocks():
    html = page("""<h2>Offices</h2><div><h3>Berlin office</h3><p>Musterstraße 12<br>10115 Berlin<br>Germany</p></div>
      <div><h3>London</h3><address>10 Example Street<br>London EC1A 1BB<br>United Kingdom<br>Tel: +44 20 7946 0000</address></div>""")
    rows = extract_locations(parse_html(html, "https://x.com/contact/"), kind="contact")
    got = {r["name"]: (r["city"], r["country"], r["telephone"]) for r in rows}
    assert got == {"London": ("London", "United Kingdom", "+44 20 7946 0000"),
                   "Berlin office": ("Berlin", "Germany", None)}


_SAFE = (errors.ResearchKitError,)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000) | st.text(max_size=3000).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_fuzz_parsers_raise_only_our_errors(raw):
    try:
        doc = parse_html(raw, "http://fuzz.example/")
    except _SAFE:
        return
    extract_main_text(doc)
    extract_people(doc)
    organization_facts([doc])
    extract_locations(doc, kind="contact")
    parse_sitemap(raw)
    detect_language(extract_main_text(doc).text, doc.lang)


@settings(max_examples=60, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                        st.sampled_from(["@type", "name", "address", "sameAs", "employee",
                                         "jobTitle", "@graph", "numberOfEmployees", "logo",
                                         "founder", "itemOffered"]), kids, max_size=5),
                    max_leaves=30))
def test_fuzz_json_ld_shapes(data):
    blob = json.dumps(data).replace("</", "<\\/")
    html = page("<p>x</p>", head=f'<script type="application/ld+json">{blob}</script>')
    doc = parse_html(html, "http://fuzz.example/")
    organization_facts([doc])
    extract_people(doc)
    extract_locations(doc, kind="home")


def test_panel_never_renders_scraped_markup(tmp_path):
    from research_kit.sources.website import research_site

    evil = tmp_path / "about.html"
    evil.write_text("""<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; About</title>
      <meta property="og:site_name" content="&lt;img src=x onerror=alert(2)&gt;"></head><body>
      <h1>About &lt;b&gt;us&lt;/b&gt;</h1><p>We build things. <script>alert(3)</script></p>
      <div class="card"><h3>Eve Mallory</h3><p class="role">Chief &lt;i&gt;Hacker&lt;/i&gt; Officer</p>
      <a href="javascript:alert(4)">profile</a></div></body></html>""")
    site = research_site(evil)
    html = site._repr_html_()
    assert "<script" not in html and "<img" not in html and "<i>" not in html
    assert "javascript:" not in html
    assert "&lt;script&gt;" in html and "Eve Mallory" in html
    assert site.people.iloc[0]["title"] == "Chief <i>Hacker</i> Officer"  # data stays as text
    assert "alert(3)" not in site.pages.iloc[0]["text"]


def test_full_name_only_where_the_site_spells_it_out():
    from research_kit.sources.website.about import full_name

    def rows(*texts):
        return [{"text": t, "method": "about page", "source_url": "https://x.example/about"}
                for t in texts]

    names = ["CHT Global"]
    said = full_name(rows("CHT Global (Chunghwa Telecom Global) is a telecom provider."), names)
    assert said is not None and said["value"] == "Chunghwa Telecom Global"
    said = full_name(rows("We grow. CHT Global is an abbreviation for Chunghwa Telecom Global, "
                          "which in Chinese is: 中華電信全球."), names)
    assert said is not None and said["value"] == "Chunghwa Telecom Global"
    assert said["text"].startswith("CHT Global is an abbreviation")
    said = full_name(rows("Chunghwa Telecom Global, Inc. (DBA CHT Global) is hiring."), names)
    assert said is not None and said["value"] == "Chunghwa Telecom Global"
    # a place, a ticker or a one-word aside is not a name
    assert full_name(rows("CHT Global (San Jose) serves clients.",
                          "CHT Global (NYSE: CHT) is listed.",
                          "CHT Global (Taiwan) grows."), names) is None
