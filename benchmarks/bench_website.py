"""Website research: crawl wall time at default politeness, parse time per page, language.

    python benchmarks/bench_website.py            # ~30 s: the crawl waits 1 s per request
    python benchmarks/bench_website.py --fast     # skip the polite crawl

1. Crawl of the real fixture site (../shared/fixtures/websites/chtglobal.com) served over
   loopback at its original paths, with the default settings (1 request/s per host): wall
   time against requests × delay — the floor politeness sets — and what is left over.
2. The same research again from the cache: no request, no wait; the time is parsing.
3. Parse time per page (parse + main text + people + facts + locations + offerings) on
   every fixture page.
4. Language detection (html lang + text heuristic) on the fixture pages, against the truth.
Main-text quality against plain BeautifulSoup and trafilatura: bench_website_text.py.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
FIXTURES = PROJECT.parent / "shared" / "fixtures"

LANGUAGE_TRUTH = {
    "websites/chtglobal.com/zh/about_chunghwa_index.html": "zh",
    "websites/single_pages/fairkom.eu_about.html": "de",
    "websites/single_pages/rs-ingenieure.de_tragwerksplanung.html": "de",
}


def crawl(polite: bool) -> None:
    from pytest_httpserver import HTTPServer
    from website_servers import CHT_ORIGIN, CHT_ZH_PATH, serve_site, site_files

    from research_kit.gateway.client import Gateway
    from research_kit.settings import load_settings
    from research_kit.sources.website import research_site

    root = FIXTURES / "websites" / "chtglobal.com"
    extra = {CHT_ZH_PATH: root / "zh" / "about_chunghwa_index.html"}
    for release in (FIXTURES / "reports" / "press_releases").glob("chtglobal_*.html"):
        extra["/about/news/" + release.name.removeprefix("chtglobal_")] = release
    server = HTTPServer()
    server.no_handler_status_code = 404
    server.start()
    try:
        base = serve_site(server, site_files(root, extra), origin=CHT_ORIGIN,
                          robots="User-agent: *\nDisallow: /cgi-bin/\nSitemap: {base}/sitemap.xml\n")
        overrides = {} if polite else {"default_requests_per_second": 1000.0}
        settings = load_settings(cache_dir=tempfile.mkdtemp(prefix="rk-bench-"), **overrides)
        delay = 1.0 / settings.default_requests_per_second
        gw = Gateway(settings)
        start = time.perf_counter()
        site = research_site(base + "/", gateway=gw)
        wall = time.perf_counter() - start
        requests = gw.network_requests
        floor = max(requests - 1, 0) * delay
        print(f"crawl ({'default politeness' if polite else 'no delay'}): {len(site.pages)} pages, "
              f"{requests} requests (robots.txt, sitemap, pages, 404s, probes) at {delay:.3f} s "
              f"spacing: wall {wall:.2f} s vs floor (requests-1) x delay = {floor:.2f} s "
              f"-> overhead {wall - floor:.2f} s ({(wall - floor) / max(requests, 1) * 1000:.0f} ms/request)")
        start = time.perf_counter()
        again = research_site(base + "/", gateway=gw)
        cached = time.perf_counter() - start
        assert gw.network_requests == requests
        print(f"same research from the cache: {cached:.2f} s for {len(again.pages)} pages "
              f"({cached / len(again.pages) * 1000:.0f} ms/page incl. cache reads), 0 requests")
    finally:
        server.stop()


def parse_times() -> None:
    from research_kit.sources.website.document import parse_html
    from research_kit.sources.website.language import detect_language
    from research_kit.sources.website.locations import extract_locations
    from research_kit.sources.website.maintext import extract_main_text
    from research_kit.sources.website.offerings import extract_offerings
    from research_kit.sources.website.organization import organization_facts
    from research_kit.sources.website.people import extract_people

    files = sorted((FIXTURES / "websites").rglob("*.html")) + sorted(
        (FIXTURES / "reports" / "press_releases").glob("*.html"))
    from research_kit.sources.website.language import declared_language

    times, correct, declared_right, total = [], 0, 0, 0
    for path in files:
        raw = path.read_bytes()
        runs = 10
        start = time.perf_counter()
        for _ in range(runs):
            doc = parse_html(raw, "http://www.example.com/about/")
            main = extract_main_text(doc)
            extract_people(doc)
            organization_facts([doc])
            extract_locations(doc, kind="contact")
            extract_offerings(doc, kind="home")
            language = detect_language(main.text, doc.lang)
        times.append((time.perf_counter() - start) / runs * 1000)
        rel = path.relative_to(FIXTURES).as_posix()
        truth = LANGUAGE_TRUTH.get(rel, "en")
        total += 1
        correct += language == truth
        declared_right += declared_language(doc.lang) == truth
        if language != truth:
            print(f"  language wrong: {rel}: {language} (truth {truth}, lang attr {doc.lang})")
    print(f"parse time per page over {len(files)} fixture pages: median {statistics.median(times):.1f} ms, "
          f"max {max(times):.1f} ms, mean {statistics.mean(times):.1f} ms")
    print(f"language: {correct}/{total} fixture pages right; html lang attribute alone: "
          f"{declared_right}/{total}")


def main() -> None:
    if not FIXTURES.exists():
        sys.exit(f"fixtures not found at {FIXTURES}")
    parse_times()
    crawl(polite=False)
    if "--fast" not in sys.argv:
        crawl(polite=True)


if __name__ == "__main__":
    main()
