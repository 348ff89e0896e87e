"""Job pages without structured data: the description block, and pages that list jobs.

* :func:`page_record` finds the description of a single posting: first the containers that
  job boards mark (a small selector table), else the block with the most running text
  (paragraphs and list items, links discounted) after navigation, headers and footers are
  dropped.
* :func:`listing_records` reads search/listing pages (repeated "job cards" that each link to
  a posting), so a saved search page is a board with several postings, not one posting.
* :func:`embedded_records` reads job lists that career sites embed as JavaScript data.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from .blocks import clean_text
from .boards import board_records
from .build import PostingRecord

__all__ = ["page_record", "listing_records", "embedded_records", "soup_of", "description_node",
           "marked_description", "page_url", "id_from_url"]

DESCRIPTION_SELECTORS = [
    '[data-automation="jobAdDetails"]',              # SEEK
    "#jobDescriptionText",                           # Indeed
    ".show-more-less-html__markup", ".description__text",  # LinkedIn job view
    '[data-automation-id="jobPostingDescription"]',  # Workday
    ".iCIMS_JobContent",                             # iCIMS
    ".job__description", "#content .job-post",       # Greenhouse hosted boards
    '[data-qa="job-description"]', ".posting-page",  # Lever hosted pages
    '[itemprop="description"]',
    ".job-description", "#job-description", ".jobDescription", "#jobDescription",
    ".job_description", ".jobdescription", "#job-details", ".job-details",
]
TITLE_SELECTORS = ['[data-automation="job-detail-title"]', ".top-card-layout__title",
                   ".topcard__title", '[data-automation-id="jobPostingHeader"]',
                   '[itemprop="title"]', "h1"]
COMPANY_SELECTORS = ['[data-automation="advertiser-name"]', ".topcard__org-name-link",
                     '[itemprop="hiringOrganization"] [itemprop="name"]',
                     '[data-company-name]', ".company-name", ".companyName"]
LOCATION_SELECTORS = ['[data-automation="job-detail-location"]', ".topcard__flavor--bullet",
                      '[data-automation-id="locations"]', '[itemprop="jobLocation"]',
                      ".job-location", ".location"]
WORK_TYPE_SELECTORS = ['[data-automation="job-detail-work-type"]',
                       '[data-automation-id="time"]', ".employment-type", ".job-type"]
_NOISE_TAGS = ["script", "style", "noscript", "template", "svg", "nav", "header", "footer",
               "form", "button", "iframe", "select", "aside"]
_JOB_HREF = re.compile(r"/jobs?/|/careers?/|/positions?/|/postings?/|/vacanc|/openings?/|"
                       r"[?&](gh_)?jid=|jobid=|/job-|/o/", re.I)


def soup_of(page: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(page, "lxml")


def _first_text(soup, selectors: list[str], limit: int = 200) -> str | None:
    for selector in selectors:
        try:
            node = soup.select_one(selector)
        except Exception:  # an unusual selector syntax in a strange document
            continue
        if node is not None:
            text = clean_text(node.get("content") or node.get_text(" "))
            if text and len(text) <= limit:
                return text
    return None


def _meta(soup, prop: str) -> str | None:
    node = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    return clean_text(node.get("content", "")) if node else None


def page_title(soup) -> str:
    title = _first_text(soup, TITLE_SELECTORS)
    if title:
        return title
    title = _meta(soup, "og:title") or (clean_text(soup.title.get_text(" ")) if soup.title
                                        else "")
    # a page title names the site too ("Senior Engineer - Acme - Indeed.com"): keep the job
    return re.split(r"\s+[|\u2013\u2014-]\s+", title)[0] if title else ""


def marked_description(soup):
    """The description container a job board marks (selector table), or None."""
    for selector in DESCRIPTION_SELECTORS:
        try:
            node = soup.select_one(selector)
        except Exception:
            continue
        if node is not None and len(node.get_text(" ", strip=True)) > 80:
            return node
    return None


def description_node(soup):
    """The element holding the posting's description (see module docstring)."""
    node = marked_description(soup)
    return node if node is not None else _densest_block(soup)


def _densest_block(soup):
    body = soup.body or soup
    for tag in body.find_all(_NOISE_TAGS):
        tag.decompose()
    best, best_score = body, _score(body)
    node = body
    while True:
        children = [c for c in node.find_all(recursive=False) if getattr(c, "name", None)]
        scored = [(c, _score(c)) for c in children]
        if not scored:
            break
        child, score = max(scored, key=lambda pair: pair[1])
        # descend while one child still holds most of the running text
        if score < 0.6 * best_score or score <= 0:
            break
        node, best, best_score = child, child, score
    return best


def _score(node) -> float:
    text = len(node.get_text(" ", strip=True))
    links = sum(len(a.get_text(" ", strip=True)) for a in node.find_all("a"))
    return text - 1.5 * links


def page_url(soup) -> str | None:
    """The page's own address: ``<link rel=canonical>``, else ``og:url``."""
    link = soup.find("link", rel="canonical", href=True)
    if link is not None and str(link["href"]).startswith("http"):
        return str(link["href"])
    og = _meta(soup, "og:url")
    return og if og and og.startswith("http") else None


_ID_PARAMS = ("jk", "jobid", "job_id", "jobId", "gh_jid", "jid", "vjk", "currentJobId")


def id_from_url(url: str | None) -> str | None:
    """A posting id in a posting's URL: ``?jk=54f1…`` (Indeed), ``/job/93856863`` (SEEK),
    a UUID or a number as the last path segment."""
    if not url:
        return None
    from urllib.parse import parse_qs, urlsplit

    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    query = parse_qs(parts.query)
    for key in _ID_PARAMS:
        if query.get(key):
            return query[key][0]
    last = [p for p in parts.path.split("/") if p][-1:] or [""]
    if re.fullmatch(r"\d{4,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                    last[0], re.I):
        return last[0]
    return None


def page_record(page: str, url: str | None = None) -> PostingRecord:
    soup = soup_of(page)
    company = _first_text(soup, COMPANY_SELECTORS) or _meta(soup, "og:site_name")
    location = _first_text(soup, LOCATION_SELECTORS, limit=120)
    work_type = _first_text(soup, WORK_TYPE_SELECTORS, limit=60)
    title = page_title(soup)
    node = description_node(soup)
    remote = None
    flag = re.search(r"\(\s*(remote|hybrid)\s*\)", location or "", re.I)
    if location and flag:
        remote = flag.group(1).lower()
        location = clean_text(re.sub(r"\(\s*(remote|hybrid)\s*\)", "", location, flags=re.I))
    own_url = page_url(soup)
    return PostingRecord(title=title, company=company, locations=[location] if location else [],
                         remote=remote, employment_type=work_type, url=url or own_url,
                         posting_id=id_from_url(own_url or url),
                         description_html=str(node), reader="html")


def listing_records(page: str, base_url: str | None = None) -> list[PostingRecord]:
    """Job cards on a search or listing page (empty when the page is not one)."""
    soup = soup_of(page)
    links = [a for a in soup.find_all("a", href=True) if _JOB_HREF.search(a["href"])
             and len(clean_text(a.get_text(" ")) or a.get("title", "")) >= 3]
    cards: dict[str, PostingRecord] = {}
    with_heading: set[str] = set()
    for a in links:
        card = _card_of(a, links)
        title, from_heading = _card_title(card, a)
        href = urljoin(base_url or "", a["href"])
        key = href.split("?")[0].split("#")[0]
        if not title or key in cards:
            continue
        if from_heading:
            with_heading.add(key)
        cards[key] = PostingRecord(
            title=title, posting_id=_card_id(card, href), company=_card_company(card, title),
            locations=[loc] if (loc := _card_location(card)) else [], url=href,
            posted=_card_date(card), reader="listing")
    if len(with_heading) >= 2:  # cards have titles: other job-ish links are filters, menus
        cards = {k: v for k, v in cards.items() if k in with_heading}
    records = list(cards.values())
    return records if len(records) >= 2 else []


def _card_of(link, all_links):
    """The largest ancestor of ``link`` that holds no other job link (the "card")."""
    node = link
    others = {id(x) for x in all_links if x is not link}
    while node.parent is not None and getattr(node.parent, "name", None) not in (None, "body",
                                                                                  "[document]"):
        parent = node.parent
        if any(id(x) in others for x in parent.find_all("a", href=True)):
            break
        node = parent
    return node


def _card_title(card, link) -> tuple[str, bool]:
    for tag in ("h1", "h2", "h3", "h4", "h5"):
        heading = card.find(tag)
        if heading is not None and clean_text(heading.get_text(" ")):
            return clean_text(heading.get_text(" ")), True
    title = clean_text(link.get_text(" ")) or clean_text(link.get("title", ""))
    return re.sub(r"^\d+\s+-\s+", "", title), False


def _card_id(card, href: str) -> str:
    urn = card.get("data-entity-urn") if hasattr(card, "get") else None
    if urn:
        return urn.rsplit(":", 1)[-1]
    for attr in ("data-job-id", "data-id", "data-jobid"):
        if hasattr(card, "get") and card.get(attr):
            return str(card.get(attr))
    path = href.split("?")[0].rstrip("/")
    m = re.search(r"(\d{3,})(?!.*\d{3,})", path)
    if m:
        return m.group(1)
    return path.rsplit("/", 1)[-1]


def _card_company(card, title: str) -> str | None:
    node = card.find(class_=re.compile(r"subtitle|company|employer|org", re.I))
    text = clean_text(node.get_text(" ")) if node is not None else ""
    return text if text and text != title and len(text) < 100 else None


def _card_location(card) -> str | None:
    node = card.find(class_=re.compile(r"location", re.I))
    if node is not None:
        text = clean_text(node.get_text(" "))
        text = re.sub(r"^job locations?\s*", "", text, flags=re.I)
        if text and len(text) < 120:
            return text
    return None


def _card_date(card) -> str | None:
    node = card.find("time")
    return node.get("datetime") if node is not None and node.get("datetime") else None


_ASSIGNMENT = re.compile(r"=\s*(?=[\[{])")


def embedded_records(page: str) -> list[PostingRecord]:
    """Job lists embedded in the page's scripts as JSON (career-site app state)."""
    decoder = json.JSONDecoder(strict=False)
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", page or "", re.S | re.I)
    for script in scripts:
        if len(script) < 40 or ("title" not in script and "jobTitle" not in script):
            continue
        starts = [m.end() for m in _ASSIGNMENT.finditer(script)][:50]
        stripped = script.strip()
        if stripped[:1] in "[{":
            starts.insert(0, script.index(stripped[0]))
        for start in starts:
            try:
                data, _ = decoder.raw_decode(script, start)
            except ValueError:
                continue
            found = board_records(data)
            if found and len(found[1]) >= 1:
                return found[1]
    return []
