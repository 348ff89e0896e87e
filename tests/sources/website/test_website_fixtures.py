"""Website parsers on the real fixture pages and real robots.txt files."""

from __future__ import annotations

import json
import re

import pytest
from conftest import PROJECT, fixture_path
from protego import Protego
from werkzeug import Response as WResponse

from research_kit import errors
from research_kit.gateway.robots import ROBOTS_AGENT
from research_kit.sources.website import research_site
from research_kit.sources.website.document import parse_html
from research_kit.sources.website.language import detect_language
from research_kit.sources.website.maintext import extract_main_text

_GOLD_FILE = json.loads((PROJECT / "benchmarks" / "data" / "website_text_gold.json").read_text())
GOLD, TEMPLATE = _GOLD_FILE["pages"], set(_GOLD_FILE["site_template"])
ROBOTS_FILES = ["about.gitlab.com", "corporate.walmart.com", "basecamp.com", "aws.amazon.com",
                "www.ibm.com", "www.indeed.com", "au.indeed.com", "jobs.theguardian.com",
                "www.automation.siemens.com", "avm.de", "auspost.com.au", "www.google.com",
                "github.com", "www.apple.com"]
_GENERIC_PATHS = ["/", "/about/", "/about-us", "/careers/", "/jobs/search?q=data", "/contact",
                  "/news/", "/search", "/wp-admin/", "/private/x", "/products/a.php",
                  "/en/company/leadership.html"]


@pytest.mark.parametrize("rel", sorted(GOLD))
def test_main_text_keeps_content_and_drops_navigation(rel):
    raw = fixture_path(*rel.split("/")).read_bytes()
    text = " ".join(extract_main_text(parse_html(raw, "http://www.example.com/")).text.split()).lower()
    gold = GOLD[rel]
    missing = [s for s in gold["keep"] if " ".join(s.split()).lower() not in text]
    assert not missing
    # single-page mode: the repeated "Our Mission" box of the fixture site may remain (the
    # crawl removes it, see test_website_crawl); navigation and footers may not
    leaked = [s for s in gold["drop"] if " ".join(s.split()).lower() in text and s not in TEMPLATE]
    assert not leaked


@pytest.mark.parametrize("rel, language", [
    ("chtglobal.com/zh/about_chunghwa_index.html", "zh"),
    ("chtglobal.com/about/index.html", "en"),
    ("single_pages/fairkom.eu_about.html", "de"),
    ("single_pages/rs-ingenieure.de_tragwerksplanung.html", "de"),
    ("single_pages/caktusgroup.com_django_blog.html", "en"),
])
def test_language_of_fixture_pages(rel, language):
    doc = parse_html(fixture_path("websites", *rel.split("/")).read_bytes(), "http://x.example/")
    assert detect_language(extract_main_text(doc).text, doc.lang) == language


def test_saved_pages_people_and_facts():
    site = research_site(fixture_path("websites", "chtglobal.com", "about", "leadership.html"))
    assert site.people[["name", "title"]].values.tolist() == [["Joe Ming-Hsien Yang", "CEO/President"]]
    fair = research_site(fixture_path("websites", "single_pages", "fairkom.eu_about.html"))
    team = dict(zip(fair.people["name"], fair.people["title"]))
    assert team["Christian König"] == "IT Consulting"
    assert team["Joana Maria Giesinger"] == "ERPnext Expertin"
    assert not any(re.search(r"\d|Gesellschaft|Büro", n) for n in team)
    caktus = research_site(fixture_path("websites", "single_pages", "caktusgroup.com_django_blog.html"))
    assert caktus.organization_dict()["name"] == "Caktus Group"
    assert caktus.people.empty  # a blog post's author is not the company's leadership
    release = research_site(fixture_path("reports", "press_releases",
                                         "chtglobal_la-office-launch-press-release-20110714.html"))
    assert "We are excited to finally plant an office" in release.pages.iloc[0]["text"]


def _paths_from_rules(text: str) -> list[str]:
    paths = []
    for line in text.splitlines():
        m = re.match(r"\s*(?:dis)?allow\s*:\s*(\S+)", line, re.I)
        if m:
            rule = m.group(1).split("#")[0]
            concrete = rule.replace("*", "x").rstrip("$") or "/"
            if not concrete.startswith("/"):
                continue
            paths += [concrete, concrete.rstrip("/") + "/more.html"]
    seen = list(dict.fromkeys(paths))
    # spread over the file: its first, middle and last rules (files have hundreds)
    step = max(1, len(seen) // 24)
    return seen[::step][:24]


@pytest.mark.parametrize("name", ROBOTS_FILES)
def test_real_robots_txt_decides_like_protego(name, httpserver, make_gateway):
    robots = fixture_path("websites", "robots", f"{name}.robots.txt").read_text(errors="replace")
    httpserver.expect_request("/robots.txt").respond_with_data(robots, content_type="text/plain")
    httpserver.expect_request(re.compile("^/(?!robots\\.txt).*")).respond_with_response(
        WResponse("<html><body><p>ok</p></body></html>", content_type="text/html"))
    gw = make_gateway(default_requests_per_second=1000.0)
    gw.limiter.set_crawl_delay = lambda host, seconds: None  # decisions only, not the pacing
    reference = Protego.parse(robots)
    paths = _paths_from_rules(robots) + _GENERIC_PATHS
    decisions = {"allowed": 0, "denied": 0}
    for path in paths:
        url = httpserver.url_for(path)
        expected = reference.can_fetch(url, ROBOTS_AGENT)
        try:
            gw.get(url)
            got = True
        except errors.RobotsDisallowedError:
            got = False
        assert got == expected, f"{name}: {path} expected {'allow' if expected else 'deny'}"
        decisions["allowed" if got else "denied"] += 1
    assert decisions["allowed"] + decisions["denied"] == len(paths)
