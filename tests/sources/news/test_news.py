"""News feeds: all 13 real fixtures (files and over loopback), discovery, merging, bad feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import pandas as pd
import pytest
from conftest import DEMO_ROOT, fixture_path
from hypothesis import given, settings
from hypothesis import strategies as st

from research_kit import errors
from research_kit.provenance import SOURCE_COLUMNS
from research_kit.sources.news import (
    ITEM_COLUMNS,
    NEWS_COLUMNS,
    discover_feeds,
    fetch_feed,
    find_feeds,
    merge_news,
    parse_feed,
    parse_feed_date,
    press_release_items,
    read_news,
)

FEEDS = {  # file → (items, format)
    "atom_mediarss_newscred_1.xml": (1, "atom10"),
    "jsonfeed_elastic_1.1.json": (3, "json1.1"),
    "rss_1.0_iso8859.xml": (1, "rss10"),
    "rss_2.0_bbc.xml": (1, "rss20"),
    "rss_2.0_cloudflare.xml": (1, "rss20"),
    "rss_2.0_element_io.xml": (1, "rss20"),
    "rss_2.0_ilmessaggero.xml": (1, "rss20"),
    "rss_2.0_spiegel.xml": (1, "rss20"),
    "rssparser_encoding.rss": (40, "rss20"),
    "rssparser_feedburner.atom": (25, "atom10"),
    "rssparser_guardian.rss": (55, "rss20"),
    "rssparser_heise.atom": (15, "atom10"),
    "rssparser_uolNoticias.rss": (15, "rss"),
}
DEMO_FEED = (DEMO_ROOT / "web"
             / "www.brightwater-instruments.example" / "newsroom" / "feed.xml")
DEMO_URL = "https://www.brightwater-instruments.example/newsroom/feed.xml"


def _content_type(name: str) -> str:
    return "application/feed+json" if name.endswith(".json") else "application/xml"


@pytest.mark.parametrize("name", sorted(FEEDS))
def test_every_fixture_feed_parses(name):
    items, fmt = FEEDS[name]
    feed = parse_feed(fixture_path("news", name).read_bytes(), url=f"https://feeds.test/{name}")
    assert list(feed.columns) == ITEM_COLUMNS + SOURCE_COLUMNS
    assert len(feed) == items and set(feed["feed_format"]) == {fmt}
    assert feed["title"].notna().all() and feed["link"].str.startswith("http").all()
    assert (feed["source_url"] == f"https://feeds.test/{name}").all()
    dated = feed["date"].notna().sum()
    assert dated == len(feed) - (1 if name.startswith("jsonfeed") else 0)  # one undated item
    assert all(d.tzinfo is not None for d in feed["date"].dropna())
    assert not feed["summary"].dropna().str.contains("<").any()  # plain text, no markup


def test_encodings_and_localised_dates():
    golem = parse_feed(fixture_path("news", "rss_1.0_iso8859.xml").read_bytes())
    assert "Glasfaserförderung" in golem.iloc[0]["title"]  # ISO-8859-1 declared and used
    uol = parse_feed(fixture_path("news", "rssparser_uolNoticias.rss").read_bytes())
    assert "simulações" in uol.iloc[0]["title"]  # bytes are cp1252, no declaration
    # "Seg, 24 Set 2018 19:42:40 -0300" (Portuguese names)
    assert uol.iloc[0]["date"] == pd.Timestamp("2018-09-24 22:42:40", tz="UTC")
    ilm = parse_feed(fixture_path("news", "rss_2.0_ilmessaggero.xml").read_bytes())
    assert ilm.iloc[0]["date"] == pd.Timestamp("2022-11-15 23:38:15", tz="UTC")  # "mer, 16 nov"
    enc = parse_feed(fixture_path("news", "rssparser_encoding.rss").read_bytes())
    assert "Mãe" in enc.iloc[0]["title"]


def test_date_parser():
    utc = UTC
    assert parse_feed_date("Thu, 14 Oct 2021 12:59:53 GMT") == datetime(2021, 10, 14, 12, 59, 53,
                                                                        tzinfo=utc)
    assert parse_feed_date("2016-02-01T17:54:50+01:00") == datetime(2016, 2, 1, 16, 54, 50,
                                                                    tzinfo=utc)
    assert parse_feed_date("2019-05-31T19:17:58Z").tzinfo is not None
    assert parse_feed_date("Di, 3. Dez 2024 10:00:00 +0100") == datetime(2024, 12, 3, 9, 0,
                                                                         tzinfo=utc)
    assert parse_feed_date("2024-03-01") == datetime(2024, 3, 1, tzinfo=utc)
    for bad in (None, "", "yesterday", "32 Foo 2020", 12):
        assert parse_feed_date(bad) is None


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"   \n", "empty"),
    (b"<!DOCTYPE html><html><head><title>Newsroom</title></head><body>hi</body></html>",
     "HTML page"),
    (b'{"name": "not a feed"}', "not a JSON Feed"),
    (b'{"version": "https://jsonfeed.org/version/1.1", "title": "x"}', "without an items"),
    (b"{not json", "not valid JSON"),
    (b"<rss version='2.0'><channel><title>x</title></chan", "malformed"),
    (b"<rss version='2.0'><channel><title>x</title><item><title>Cut off", "malformed"),
    (b"\x00\x01\x02 binary junk \xff\xfe", "not an RSS"),
    (b"plain text, not XML at all", "not an RSS"),
])
def test_bad_feeds_raise_feed_error(content, message):
    with pytest.raises(errors.FeedError, match=message) as info:
        parse_feed(content, url="https://feeds.test/bad")
    assert isinstance(info.value, errors.ParseError)  # a ParseError: CLI exits 2


def test_truncated_feeds_keep_what_they_can():
    partial = parse_feed(b"<rss version='2.0'><channel><title>x</title><item><title>Whole"
                         b"</title><link>https://x.test/a</link></item><item><title>Cut off")
    assert list(partial["title"]) == ["Whole"]  # the cut-off stub is dropped

    data = fixture_path("news", "rssparser_guardian.rss").read_bytes()
    cut = data[: len(data) // 2]
    try:
        feed = parse_feed(cut)
    except errors.FeedError:
        return
    assert 0 < len(feed) < 55


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8")))
def test_fuzzed_feeds_raise_only_feed_errors(data):
    try:
        feed = parse_feed(data)
    except errors.ResearchKitError as exc:
        assert isinstance(exc, errors.FeedError)
        return
    assert list(feed.columns) == ITEM_COLUMNS + SOURCE_COLUMNS


@settings(max_examples=80, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=3) | st.dictionaries(
                        st.sampled_from(["version", "items", "title", "url", "id",
                                         "date_published", "summary", "content_html"]), c,
                        max_size=5), max_leaves=12))
def test_fuzzed_json_feeds(doc):
    import json

    payload = {"version": "https://jsonfeed.org/version/1", "items": [doc, {"title": doc}]}
    try:
        parse_feed(json.dumps(payload).encode())
    except errors.ResearchKitError as exc:
        assert isinstance(exc, errors.FeedError)


def test_discovery_from_link_rel_alternate():
    html = b"""<html><head>
      <link rel="alternate" type="application/rss+xml" title="Newsroom" href="/newsroom/feed.xml">
      <link rel="alternate" type="application/atom+xml" href="https://other.test/atom">
      <link rel="alternate" type="application/json" href="/api/v1/products">
      <link rel="alternate" type="application/feed+json" title="JSON" href="feed.json">
      <link rel="alternate" hreflang="de" href="/de/">
      <link rel="stylesheet" type="text/css" href="/style.css">
      <link rel="alternate" type="application/rss+xml" href="/newsroom/feed.xml">
    </head><body></body></html>"""
    feeds = discover_feeds(html, "https://www.company.test/about/")
    assert list(feeds.columns)[:3] == ["url", "type", "title"]
    assert list(feeds["url"]) == ["https://www.company.test/newsroom/feed.xml",
                                  "https://other.test/atom",
                                  "https://www.company.test/about/feed.json"]
    assert list(feeds["type"]) == ["rss", "atom", "json"]
    assert discover_feeds(b"<html><body>nothing</body></html>", "https://x.test/").empty
    assert discover_feeds("", "https://x.test/").empty


def test_all_fixtures_over_loopback(httpserver, make_gateway):
    for name in FEEDS:
        httpserver.expect_request(f"/feeds/{name}").respond_with_data(
            fixture_path("news", name).read_bytes(), content_type=_content_type(name))
    gateway = make_gateway()
    total = 0
    for name, (items, _) in FEEDS.items():
        feed = fetch_feed(httpserver.url_for(f"/feeds/{name}"), gateway=gateway)
        assert len(feed) == items
        assert feed["source_url"].iloc[0] == httpserver.url_for(f"/feeds/{name}")
        assert feed["from_cache"].iloc[0] is False or feed["from_cache"].iloc[0] == False  # noqa
        total += items
    offline = make_gateway(offline=True)
    again = fetch_feed(httpserver.url_for("/feeds/rssparser_heise.atom"), gateway=offline)
    assert len(again) == 15 and bool(again["from_cache"].iloc[0])
    news = read_news([httpserver.url_for(f"/feeds/{n}") for n in FEEDS], gateway=gateway,
                     limit=None)
    assert len(news) == total - 1  # the one story two feeds share (via a redirect link)
    assert news["date"].dropna().is_monotonic_decreasing
    assert news["date"].isna().sum() == 1 and pd.isna(news["date"].iloc[-1])  # undated last


def test_site_discovery_merges_feeds_and_press_releases(httpserver, make_gateway):
    httpserver.expect_request("/").respond_with_data(
        '<html><head><link rel="alternate" type="application/rss+xml" '
        'href="/newsroom/feed.xml"></head><body>Brightwater</body></html>',
        content_type="text/html")
    httpserver.expect_request("/newsroom/feed.xml").respond_with_data(
        DEMO_FEED.read_bytes(), content_type="application/rss+xml")
    httpserver.expect_request("/broken.xml").respond_with_data(
        "<html><body>Not found</body></html>", content_type="text/html")
    press = pd.DataFrame({
        "title": ["Brightwater Instruments Reports Fourth Quarter and Full Year 2025 Results",
                  "Brightwater Instruments Announces Annual Meeting Date"],
        "filed": ["2026-02-20", "2026-03-02"],
        "url": ["https://www.sec.gov/Archives/edgar/data/9999901/000999990126000003/ex99.htm",
                "https://www.sec.gov/Archives/edgar/data/9999901/000999990126000005/ex99.htm"],
        "source_url": ["https://www.sec.gov/cgi-bin/browse-edgar"] * 2})
    news = read_news([httpserver.url_for("/broken.xml")], site=httpserver.url_for("/"),
                     press_releases=press, gateway=make_gateway())
    assert list(news.columns) == NEWS_COLUMNS + SOURCE_COLUMNS
    assert len(news) == 5  # 4 newsroom items + 1 new 8-K; the results release is merged
    assert news.iloc[0]["title"] == "Brightwater Instruments Announces Annual Meeting Date"
    results = news[news["title"].str.contains("Fourth Quarter")].iloc[0]
    assert results["feed"].startswith("Brightwater") and "sec.gov" in results["also_at"]
    assert news["date"].is_monotonic_decreasing
    assert any("broken.xml" in p and "HTML page" in p for p in news.attrs["problems"])


def test_every_source_failing_raises(httpserver, make_gateway):
    httpserver.expect_request("/bad.xml").respond_with_data("nope", content_type="text/plain")
    with pytest.raises(errors.FeedError):
        read_news([httpserver.url_for("/bad.xml")], gateway=make_gateway())
    with pytest.raises(errors.HTTPStatusError):
        read_news([httpserver.url_for("/missing.xml")], gateway=make_gateway())
    with pytest.raises(errors.ParseError, match="no news sources"):
        read_news([], gateway=make_gateway())


def test_find_feeds_over_loopback(httpserver, make_gateway):
    httpserver.expect_request("/").respond_with_data(
        '<head><base href="/en/"><link rel="alternate" type="application/atom+xml" '
        'title="News" href="news.atom"></head>', content_type="text/html; charset=utf-8")
    feeds = find_feeds(httpserver.url_for("/"), gateway=make_gateway())
    assert list(feeds["url"]) == [httpserver.url_for("/en/news.atom")]
    assert feeds["source_url"].iloc[0] == httpserver.url_for("/")


def test_demo_newsroom_feed():
    feed = parse_feed(DEMO_FEED.read_bytes(), url=DEMO_URL)
    assert len(feed) == 4 and set(feed["feed_format"]) == {"rss20"}
    assert "fictional" in feed.iloc[0]["feed"].lower()
    assert feed["summary"].str.contains("ictional").all()  # every item says so
    titles = set(feed["title"])
    assert {"Brightwater Instruments Reports Fourth Quarter and Full Year 2025 Results",
            "Brightwater Instruments Opens European Service Center in Rotterdam"} <= titles
    assert feed.iloc[0]["date"] == pd.Timestamp("2026-02-19 21:05", tz="UTC")
    assert "$497.3 million" in feed.iloc[0]["summary"]  # matches docs/demo-company.md


def test_merge_and_press_release_shapes():
    assert merge_news().empty and list(merge_news().columns) == NEWS_COLUMNS + SOURCE_COLUMNS
    assert press_release_items(None).empty
    items = press_release_items(pd.DataFrame({"headline": ["A"], "date": ["2025-01-02"]}))
    assert items.iloc[0]["title"] == "A" and items.iloc[0]["feed"].startswith("SEC 8-K")
    a = pd.DataFrame({"title": ["Same story"], "date": [pd.Timestamp("2025-01-01", tz="UTC")],
                      "link": ["https://www.x.test/a/?utm_source=rss"]})
    b = pd.DataFrame({"title": ["Other words"], "date": [pd.Timestamp("2025-01-05", tz="UTC")],
                      "link": ["http://x.test/a"]})
    merged = merge_news(a, b)
    assert len(merged) == 1 and merged.iloc[0]["also_at"] is None  # same page, tracking dropped
    assert len(merge_news(a, b, limit=1)) == 1
