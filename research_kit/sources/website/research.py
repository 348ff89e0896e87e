"""``research_site``: one call from a homepage (or a saved page) to sourced tables.

The career advice says: read the About page first, then Products and Services, locations,
careers — and remember that the website is marketing. Every row here says which page it
came from and when it was fetched, so the notebook can show "they say so themselves".
"""

from __future__ import annotations

import os
from pathlib import Path

from ...errors import InputError, PageNeedsBrowserError, ParseError
from ...parse_guard import parse_guard
from ...provenance import Source, table_from_rows
from .about import ABOUT_COLUMNS, about_rows
from .classify import classify_url, kind_priority
from .discover import Discovery, FetchedPage, discover_site
from .document import normalize_url, parse_html
from .language import detect_language
from .locations import LOCATION_COLUMNS, extract_locations, location_key
from .maintext import MainText, drop_repeated_blocks, extract_main_text, needs_browser
from .news import NEWS_COLUMNS, extract_news
from .offerings import OFFERING_COLUMNS, extract_offerings, same_offerings_once
from .organization import FACT_COLUMNS, organization_facts
from .people import PEOPLE_COLUMNS, extract_people
from .site import PAGE_COLUMNS, SKIPPED_COLUMNS, SiteResearch

__all__ = ["SiteResearch", "research_site", "PAGE_COLUMNS", "SKIPPED_COLUMNS"]

_PEOPLE_KINDS = ("leadership", "about", "home", "contact", "history")
_MAX_FILE_BYTES = 25 * 1024 * 1024


def _is_file(target: str | os.PathLike) -> bool:
    if isinstance(target, os.PathLike):
        return True
    text = str(target)
    if text.lower().startswith(("http://", "https://")):
        return False
    return Path(text).expanduser().exists()


def _page_row(page: FetchedPage, main: MainText) -> dict:
    doc = page.doc
    language = detect_language(main.text, doc.lang)
    return {"kind": page.kind, "title": doc.title or (main.headings[0] if main.headings else ""),
            "url": page.url, "text": main.text, "headings": list(main.headings[:40]),
            "word_count": main.word_count, "language": language,
            "last_modified": page.lastmod, "depth": page.depth, "found_via": page.found_via,
            "source": page.source.at(page.kind)}


def _build(source: str, discovery: Discovery) -> SiteResearch:
    # the order the advice reads them in: home, About, Leadership, Products, Careers, …
    pages = sorted(discovery.pages, key=lambda p: kind_priority(p.kind))
    mains = [extract_main_text(p.doc) for p in pages]
    if len(pages) >= 3:
        mains = drop_repeated_blocks(mains)
    page_rows, people_rows, location_rows, offering_rows = [], [], [], []
    news_rows: list[dict] = []
    for page, main in zip(pages, mains):
        page_rows.append(_page_row(page, main))
        src = page.source.at(page.kind)
        for row in extract_news(page.doc, main.text, page.kind):
            news_rows.append({**row, "source": page.source.at(f"{page.kind}: {row['title']}")})
        if page.kind in _PEOPLE_KINDS or page.doc.json_ld:
            for row in extract_people(page.doc):
                if page.kind in _PEOPLE_KINDS or row["method"].startswith("json-ld"):
                    people_rows.append({**row, "source": src})
        for row in extract_locations(page.doc, kind=page.kind):
            location_rows.append({**row, "source": src})
        for row in extract_offerings(page.doc, kind=page.kind):
            offering_rows.append({**row, "source": src})
    if pages and not any(r["word_count"] for r in page_rows) and needs_browser(pages[0].doc):
        raise PageNeedsBrowserError(
            f"no text, the site needs a browser: {pages[0].url} is filled in by JavaScript",
            url=pages[0].url)
    facts = []
    by_url = {p.url: p for p in pages}
    for row in organization_facts([p.doc for p in pages]):
        fact_page = by_url.get(row["page_url"])
        facts.append({**row, "source": fact_page.source.at("organization") if fact_page else None})
    about = about_rows([(p.kind, p.url, m.text) for p, m in zip(pages, mains)], facts)
    for row in about:
        about_page = by_url.get(row["page_url"])
        row["source"] = about_page.source.at(row["method"]) if about_page else None
    return SiteResearch(
        source=source, domain=discovery.domain,
        pages=table_from_rows(page_rows, PAGE_COLUMNS),
        organization=table_from_rows(facts, FACT_COLUMNS),
        people=table_from_rows(_dedupe(people_rows, "name"), PEOPLE_COLUMNS),
        locations=table_from_rows(
            _dedupe(sorted(location_rows, key=lambda r: r["method"].startswith("json-ld")),
                    "address", key=location_key), LOCATION_COLUMNS),
        offerings=table_from_rows(same_offerings_once(_dedupe(offering_rows, "name")),
                                  OFFERING_COLUMNS),
        skipped=table_from_rows([s.__dict__ for s in discovery.skipped], SKIPPED_COLUMNS),
        feeds=list(dict.fromkeys(f for p in pages for f in p.doc.feeds)),
        sitemaps=list(discovery.sitemaps), requests=discovery.requests,
        news=table_from_rows(_dedupe_news(news_rows), NEWS_COLUMNS),
        about=table_from_rows(about, ABOUT_COLUMNS))


def _dedupe_news(rows: list[dict]) -> list[dict]:
    """One row per (date, title): the newsroom's copy beats the homepage's, newest first."""
    best: dict[tuple[str, str], dict] = {}
    for row in rows:
        key = (row["date"], " ".join(row["title"].lower().split()))
        if key not in best or row["kind"] != "news":
            best.setdefault(key, row)
    return sorted(best.values(), key=lambda r: r["date"], reverse=True)


def _dedupe(rows: list[dict], column: str, key=None) -> list[dict]:
    """One row per ``column`` value (normalised by ``key``); later rows fill gaps only."""
    seen: dict[str, dict] = {}
    for row in rows:
        value = str(row.get(column) or "")
        k = key(value) if key else " ".join(value.casefold().replace(".", " ").split())
        if not k:
            continue
        if k in seen:
            best = seen[k]
            for col, value in row.items():
                if best.get(col) in (None, "") and value not in (None, ""):
                    best[col] = value
            continue
        seen[k] = dict(row)
    return list(seen.values())


def _research_file(path: Path) -> SiteResearch:
    try:
        size = path.stat().st_size
        if size > _MAX_FILE_BYTES:
            raise InputError(f"{path} is {size:,} bytes; a saved web page is far smaller",
                             path=str(path), suggestion="give the saved .html file of one page")
        content = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path} is a folder, not a saved web page", path=str(path),
                         suggestion="give the saved .html file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", path=str(path)) from None
    probe = parse_html(content, path.resolve().as_uri())
    # a saved page still knows where it came from: resolve its links against that
    canonical = None
    if probe.tree is not None:
        for el in probe.tree.xpath("//link[@rel='canonical'][@href]"):
            canonical = normalize_url(el.get("href", ""), "http://invalid/")
        canonical = canonical or normalize_url(probe.meta_first("og:url") or "", "http://invalid/")
    if canonical and not canonical.startswith("http://invalid/"):
        doc = parse_html(content, canonical)
    else:
        doc = probe
    main = extract_main_text(doc)
    if not main.text:
        if needs_browser(doc):
            raise PageNeedsBrowserError(
                f"no text, the site needs a browser: {path.name} holds only the JavaScript "
                "that would draw the page", path=str(path))
        raise ParseError(f"no readable text in {path.name}", path=str(path),
                         suggestion="check that the file is the saved web page itself")
    kind = classify_url("http://file/" + path.stem.replace("_", "/"))[0] or "page"
    if kind == "home":
        kind = "page"
    source = Source.for_file(path, title=doc.title or path.name)
    page = FetchedPage(url=str(path), kind=kind, depth=0, found_via="file", doc=doc,
                       source=source, lastmod=doc.last_modified)
    discovery = Discovery(start_url=str(path), domain="", pages=[page])
    return _build(str(path), discovery)


def research_site(url_or_file: str | os.PathLike, *, max_pages: int = 25, max_depth: int = 2,
                  gateway=None) -> SiteResearch:
    """Research a company website from its homepage URL, or read one saved page (a file).

    Fetches at most ``max_pages`` pages no more than ``max_depth`` links from the homepage,
    on the homepage's registrable domain and its subdomains, through the polite, cached
    gateway (robots.txt, 1 request/s per host or the Crawl-delay, offline mode).
    Raises :class:`~research_kit.errors.PageNeedsBrowserError` when the site shows no text
    without JavaScript, and a :class:`~research_kit.errors.FetchError` when the homepage
    cannot be fetched.
    """
    if _is_file(url_or_file):
        path = Path(url_or_file).expanduser()
        with parse_guard(path.name, path=str(path)):
            return _research_file(path)
    url = str(url_or_file).strip()
    if not url:
        raise InputError("no website given", suggestion="give the company's homepage URL, "
                         "e.g. https://www.example.com")
    if "://" not in url:
        if "/" in url.split(".")[0] or "." not in url:
            raise InputError(f"{url!r} is neither a file nor a web address",
                             suggestion="give a homepage URL (https://…) or a saved .html file")
        url = "https://" + url
    start = normalize_url(url, url)
    if start is None:
        raise InputError(f"{url!r} is not a web address research-kit can fetch",
                         suggestion="give an http(s) URL of the company's homepage")
    discovery = discover_site(start, gateway=gateway, max_pages=max_pages, max_depth=max_depth)
    with parse_guard(f"the pages of {start}", url=start):
        return _build(start, discovery)


def parse_site_command(source: str, args) -> dict:
    """``research-kit parse site URL_OR_FILE --json``."""
    return research_site(source).to_dict()
