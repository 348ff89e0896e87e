"""research_site over loopback: the real fixture site at its original paths, the demo site,
and the bad inputs of the web (redirect loops, huge pages, 10,000 links, JavaScript shells,
broken HTML, wrong charsets, a non-English page at a non-ASCII path)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEMO_ROOT, fixture_path
from website_servers import CHT_ORIGIN, CHT_ZH_PATH, serve_site, site_files
from werkzeug import Response as WResponse

from research_kit import errors
from research_kit.sources.website import research_site
from research_kit.sources.website.discover import discover_site

OWN_ROBOTS = "User-agent: *\nDisallow: /cgi-bin/\nDisallow: /about/history.html\nSitemap: {base}/sitemap.xml\n"
DEMO = DEMO_ROOT / "web" / "www.brightwater-instruments.example"


def cht_files() -> dict[str, Path]:
    root = fixture_path("websites", "chtglobal.com")
    extra = {CHT_ZH_PATH: root / "zh" / "about_chunghwa_index.html"}
    for release in fixture_path("reports", "press_releases").glob("chtglobal_*.html"):
        extra["/about/news/" + release.name.removeprefix("chtglobal_")] = release
    return site_files(root, extra)


@pytest.fixture
def cht_site(httpserver):
    return serve_site(httpserver, cht_files(), robots=OWN_ROBOTS, origin=CHT_ORIGIN)


def test_discovery_finds_the_pages_that_matter_on_the_real_site(cht_site, httpserver, make_gateway):
    gw = make_gateway(default_requests_per_second=200.0)
    site = research_site(cht_site + "/", gateway=gw)
    by_kind = {k: list(g["url"]) for k, g in site.pages.groupby("kind")}
    path = lambda u: u.removeprefix(cht_site)  # noqa: E731
    assert [path(u) for u in by_kind["about"]] == ["/about/"]
    assert [path(u) for u in by_kind["leadership"]] == ["/about/leadership.html"]
    assert [path(u) for u in by_kind["careers"]] == ["/about/careers.html"]
    assert [path(u) for u in by_kind["contact"]] == ["/about/contact.html"]
    assert [path(u) for u in by_kind["newsroom"]] == ["/about/news/"]
    assert {path(u) for u in by_kind["product"]} == {"/enterprise/cloud-computing/",
                                                     "/enterprise/global-mpls-vpn/"}
    assert {"/enterprise/", "/carrier/"} <= {path(u) for u in by_kind["products"]}
    # robots.txt (ours) disallows the history page: never requested, reported as skipped
    requested = [r.path for r, _ in httpserver.log]
    assert "/about/history.html" not in requested
    assert any("robots.txt" in r for r in site.skipped["reason"])
    assert len(site.pages) <= 25 and site.pages["depth"].max() <= 2
    # sitemap lastmod reaches the pages table
    about = site.pages[site.pages["kind"] == "about"].iloc[0]
    assert about["last_modified"] == "2011-06-11T05:37:40+00:00" and about["language"] == "en"
    # the template box on every page ("Our Mission: The Global Agenda") is not page text
    assert not site.pages["text"].str.contains("world's leading global network solution").any()
    people = site.people.set_index("name")["title"].to_dict()
    assert people == {"Joe Ming-Hsien Yang": "CEO/President"}
    assert set(site.locations["city"]) == {"San Jose", "Diamond Bar"}
    offers = site.offerings.groupby("category")["name"].apply(list).to_dict()
    assert "Cloud Computing" in offers["Enterprise"] and offers["Residential"] == ["Net Calling Card"]
    assert site.organization_dict()["legal_name"] == "CHT Global Corporation"
    assert list(site.pages.columns[-4:]) == ["source_url", "retrieved_at", "section", "from_cache"]
    # a second run is served from the cache without a single network request
    before = gw.network_requests
    again = research_site(cht_site + "/", gateway=gw)
    assert gw.network_requests == before and again.pages["from_cache"].all()


def test_the_snapshot_names_the_company_in_full_and_who_leads_it(cht_site, make_gateway):
    """The site spells out what "CHT Global" stands for and names its CEO: both reach the
    snapshot, as tiles a reader understands alone."""
    from research_kit.sources.company import CompanyTarget
    from research_kit.sources.website.company_source import WebsiteCompanySource
    from research_kit.workbench.brief_builder import snapshot_for

    source = WebsiteCompanySource(CompanyTarget("CHT Global", site=cht_site + "/"),
                                  gateway=make_gateway(default_requests_per_second=200.0))
    facts = source.facts()
    full = facts[facts["fact"] == "full name"].iloc[0]
    assert full["value"] == "Chunghwa Telecom Global"
    assert full["source_url"].endswith("/about/")  # "CHT Global is an abbreviation for …"
    tiles = {f.label: f.value for f in snapshot_for(facts=facts).figures}
    assert tiles["Full name"] == "Chunghwa Telecom Global"
    assert tiles["CEO/President"] == "Joe Ming-Hsien Yang"
    assert all(not label.endswith("…") for label in tiles)


def test_budget_depth_and_domain_limits(cht_site, httpserver, make_gateway):
    gw = make_gateway(default_requests_per_second=200.0)
    small = discover_site(cht_site + "/", gateway=gw, max_pages=3, max_depth=1)
    assert len(small.pages) == 3 and [p.kind for p in small.pages][:2] == ["home", "about"]
    only_home = discover_site(cht_site + "/", gateway=gw, max_pages=25, max_depth=0)
    assert [p.kind for p in only_home.pages] == ["home"]
    # links to other hosts (facebook, eventbrite, cht.com.tw) are never requested
    assert all(p.url.startswith(cht_site) for p in small.pages + only_home.pages)


def test_non_english_page_at_a_non_ascii_path(cht_site, make_gateway):
    site = research_site(cht_site + CHT_ZH_PATH, gateway=make_gateway(default_requests_per_second=200.0),
                         max_pages=1)
    home = site.pages.iloc[0]
    assert home["language"] == "zh"  # although the page says lang="en"
    assert "中華電信全球股份有限公司" in home["text"] and home["word_count"] > 300


def test_demo_site_yields_everything_docs_demo_company_promises(httpserver, make_gateway):
    robots = (DEMO / "robots.txt").read_text().replace("Crawl-delay: 1\n", "")  # keep the test fast
    base = serve_site(httpserver, site_files(DEMO), robots=robots,
                      origin="https://www.brightwater-instruments.example")
    site = research_site(base + "/", gateway=make_gateway(default_requests_per_second=200.0))
    kinds = set(site.pages["kind"])
    assert {"home", "about", "leadership", "products", "product", "careers", "contact",
            "newsroom"} <= kinds
    assert "/internal/" not in [r.path for r, _ in httpserver.log]  # robots.txt Disallow
    org = site.organization_dict()
    assert org["legal_name"] == "Brightwater Instruments, Inc." and org["founding_date"] == "2009"
    assert org["employees"] == "1,240" and org["ticker"] == "BWTR"
    assert org["address"] == "1200 NW Riverside Drive, Portland, OR 97209, US"
    assert org["logo"].endswith("/assets/brightwater-logo.svg") and len(org["same_as"]) == 2
    people = site.people.set_index("name")["title"].to_dict()
    assert people == {"Maya Chen": "Chief Executive Officer",
                      "Tomas Lindqvist": "Chief Financial Officer",
                      "Dana Okafor": "Vice President, Engineering",
                      "Miguel Santos": "Senior Manager, Data Engineering"}
    cities = site.locations.set_index("city")["country"].to_dict()
    assert cities == {"Portland": "United States", "Rotterdam": "Netherlands", "Singapore": "Singapore"}
    assert set(site.offerings["name"]) >= {"AquaSense Probes", "HydroView Cloud", "Field Service"}
    assert site.feeds == [base + "/newsroom/feed.xml"]
    assert site.skipped.empty
    for text in site.pages["text"]:
        assert "cookies" not in text and "All rights reserved" not in text
    panel = site.to_panel()
    html = panel._repr_html_()
    assert "Maya Chen" in html and "Brightwater Instruments, Inc." in html
    data = json.loads(json.dumps(site.to_dict()))
    assert {"source", "pages", "organization", "people"} <= set(data)
    assert {"url", "kind", "title", "text"} <= set(data["pages"][0])
    assert {"name", "title", "url"} == set(data["people"][0])


def _serve(httpserver, routes: dict[str, object]) -> str:
    for path, response in routes.items():
        httpserver.expect_request(path).respond_with_response(response)
    return httpserver.url_for("/")


def test_redirect_loop_and_off_site_redirect(httpserver, make_gateway):
    base = _serve(httpserver, {
        "/": WResponse('<html><body><h1>Acme</h1><p>We make anvils for everyone who needs one.</p>'
                       '<a href="/about/">About us</a> <a href="/careers/">Careers</a></body></html>',
                       content_type="text/html"),
        "/about/": WResponse("", status=302, headers={"Location": "/about2/"}),
        "/about2/": WResponse("", status=302, headers={"Location": "/about/"}),
        # off the site, and on loopback: port 1 refuses at once, nothing leaves the machine
        "/careers/": WResponse("", status=301, headers={"Location": "http://127.0.0.1:1/acme"}),
    })
    gw = make_gateway(default_requests_per_second=200.0)
    site = research_site(base, gateway=gw, max_pages=5)
    reasons = " ".join(site.skipped["reason"])
    assert "redirect" in reasons and len(site.pages) >= 1
    with pytest.raises(errors.TooManyRedirectsError):
        research_site(base + "about/", gateway=gw)


def test_huge_page_and_ten_thousand_links(httpserver, make_gateway, tmp_path):
    links = "".join(f'<a href="/p/{i}">Page {i}</a> ' for i in range(10_000))
    huge = ("<html><body><h1>Big</h1><p>" + "Our company text. " * 60 + "</p>"
            + "<div>" + "x" * (20 * 1024 * 1024) + "</div></body></html>")
    base = _serve(httpserver, {
        "/": WResponse(f'<html><body><h1>Acme</h1><p>Anvils for all.</p>{links}'
                       '<a href="/about/">About</a></body></html>', content_type="text/html"),
        "/about/": WResponse(huge, content_type="text/html"),
    })
    gw = make_gateway(default_requests_per_second=200.0)
    site = research_site(base, gateway=gw)
    assert len(site.pages) == 2  # the 10,000 unclassified links are never fetched
    about = site.pages[site.pages["kind"] == "about"].iloc[0]
    assert "Our company text." in about["text"]
    capped = make_gateway(default_requests_per_second=200.0, max_bytes=1_000_000,
                          cache_dir=tmp_path / "capped-cache")
    site = research_site(base, gateway=capped)
    assert "about" not in set(site.pages["kind"])
    assert any("cap" in r for r in site.skipped["reason"]), site.skipped.to_dict("records")


def test_javascript_only_site_says_it_needs_a_browser(httpserver, make_gateway):
    base = _serve(httpserver, {"/": WResponse(
        '<!doctype html><html><head><script src="/static/js/main.js"></script></head>'
        '<body><div id="root"></div><noscript>You need to enable JavaScript to run this app.'
        '</noscript></body></html>', content_type="text/html")})
    with pytest.raises(errors.PageNeedsBrowserError) as info:
        research_site(base, gateway=make_gateway(default_requests_per_second=200.0))
    assert "needs a browser" in str(info.value) and "save" in info.value.suggestion


def test_broken_html_wrong_charset_and_empty_page(httpserver, make_gateway):
    base = _serve(httpserver, {
        "/": WResponse("<html><body><h1>Caf\xe9 M\xfcller GmbH</h1><p>Wir r\xf6sten Kaffee in "
                       "M\xfcnchen seit 1950 und liefern an Caf\xe9s in ganz Bayern. Unsere Bohnen kommen "
                       "direkt von den Bauern, mit denen wir seit vielen Jahren arbeiten.</p>"
                       "<a href='/kontakt/'>Kontakt</a><a href='/ueber-uns/'>\xdcber uns</a>"
                       .encode("cp1252"), content_type="text/html; charset=utf-8"),
        "/kontakt/": WResponse(b"", content_type="text/html"),
        "/ueber-uns/": WResponse(b"<html><body><div><p>Unclosed <b>Geschichte <table><tr><td>"
                                 b"seit 1950</div></p>", content_type="text/html"),
    })
    site = research_site(base, gateway=make_gateway(default_requests_per_second=200.0))
    home = site.pages.iloc[0]
    assert "nchen" in home["text"] and home["language"] == "de"
    kinds = dict(zip(site.pages["kind"], site.pages["word_count"]))
    assert kinds["contact"] == 0 and kinds["about"] > 0


def test_parse_site_cli_on_a_saved_file(capsys):
    from research_kit.cli import main

    path = fixture_path("websites", "single_pages", "fairkom.eu_about.html")
    assert main(["parse", "site", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == str(path)
    assert data["pages"][0]["kind"] == "about" and data["pages"][0]["language"] == "de"
    names = {p["name"]: p["title"] for p in data["people"]}
    assert names["Roland Alton"] == "Kommunikationsarchitekt" and len(names) >= 12


def test_parse_site_cli_errors_exit_2(tmp_path, capsys):
    from research_kit.cli import main

    shell = tmp_path / "app.html"
    shell.write_text('<html><body><div id="app"></div><script>' + "render();" * 50 + "</script></body></html>")
    assert main(["parse", "site", str(shell)]) == 2
    assert "needs a browser" in capsys.readouterr().err
    assert main(["parse", "site", "not a site"]) == 2
    pdf = tmp_path / "x.html"
    pdf.write_bytes(b"%PDF-1.4 ...")
    assert main(["parse", "site", str(pdf)]) == 2
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body>  </body></html>")
    capsys.readouterr()
    assert main(["parse", "site", str(empty)]) == 2
    assert "no readable text" in capsys.readouterr().err
