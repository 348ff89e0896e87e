"""What the company sells, as its own site structures it.

* the navigation menus: entries under a menu head that is not About/Contact/… ("Products",
  "Solutions", or a segment such as "Enterprise") are offerings, the head their category;
* Products/Services pages: links to their child pages (``/products/`` → ``/products/x/``);
* schema.org ``Product`` / ``Service`` / ``Offer`` nodes.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .classify import classify_link, classify_text, is_skippable_url
from .document import HtmlDocument
from .jsonld import iter_nodes, text_value, types_of, url_value

__all__ = ["OFFERING_COLUMNS", "extract_offerings", "same_offerings_once"]

OFFERING_COLUMNS = ["name", "category", "url", "method", "page_url"]
_UI = re.compile(r"^(overview|details|more|read more|learn more|find out more|view all|all "
                 r"products|all services|see all|home|back|next|previous|download|brochure|"
                 r"pricing|contact sales|request a demo|get started|sign in|log in)$", re.I)


def _ok_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 8 and len(text) <= 80 and not _UI.match(text.strip(" <>»›"))


def _from_menus(doc: HtmlDocument) -> list[dict]:
    rows = []
    for link in doc.links:
        if not link.submenu_of or not link.in_nav or not _ok_name(link.text):
            continue
        if classify_text(link.submenu_of) not in (None, "products"):
            continue  # entries under "About us" are pages about the company, not offerings
        if classify_text(link.text) not in (None, "products"):
            continue  # "Careers" under a "Company" menu
        if classify_link(link.url, link.text, link.submenu_of) not in ("product", "products"):
            continue
        if is_skippable_url(link.url):
            continue
        rows.append({"name": link.text, "category": link.submenu_of, "url": link.url,
                     "method": "site navigation"})
    return rows


def _from_products_page(doc: HtmlDocument) -> list[dict]:
    """Links from a Products/Services page to pages below it, outside its navigation."""
    base_path = urlsplit(doc.url).path
    base_dir = base_path if base_path.endswith("/") else base_path.rsplit("/", 1)[0] + "/"
    rows = []
    for link in doc.links:
        if link.in_nav or not _ok_name(link.text) or is_skippable_url(link.url):
            continue
        path = urlsplit(link.url).path
        if urlsplit(link.url).hostname != urlsplit(doc.url).hostname:
            continue
        if path.startswith(base_dir) and path.rstrip("/") != base_path.rstrip("/") \
                and len(path) > len(base_dir):
            if classify_text(link.text) in (None, "products"):
                rows.append({"name": link.text, "category": doc.title.split("|")[0].strip() or None,
                             "url": link.url, "method": "products page"})
    return rows


def _from_json_ld(doc: HtmlDocument) -> list[dict]:
    rows = []
    for data in doc.json_ld:
        for node, _ in iter_nodes(data):
            kinds = types_of(node)
            if kinds & {"product", "service", "softwareapplication", "productmodel", "offer"}:
                item = node.get("itemOffered") if "offer" in kinds else node
                name = text_value(item.get("name")) if isinstance(item, dict) else text_value(item)
                if name and _ok_name(name):
                    category = text_value(node.get("category")) if isinstance(node, dict) else None
                    url = url_value(item.get("url")) if isinstance(item, dict) else None
                    rows.append({"name": name, "category": category, "url": url or doc.url,
                                 "method": "json-ld " + sorted(kinds)[0].title()})
    return rows


def extract_offerings(doc: HtmlDocument, *, kind: str) -> list[dict]:
    """Offering rows from one page: menus on the homepage, child links on products pages."""
    rows = _from_json_ld(doc)
    if kind == "home":
        rows += _from_menus(doc)
    elif kind == "products":
        rows += _from_products_page(doc)
    for row in rows:
        row["page_url"] = doc.url
    return rows


def _name_words(name: str) -> set[str]:
    from ...lexicon.terms import stem

    return {stem(w) for w in re.findall(r"[\w-]+", name.casefold())
            if w not in ("to", "and", "for", "the", "of", "&")}


def same_offerings_once(rows: list[dict]) -> list[dict]:
    """One row per offering across pages: a toolkit page that renames the home page's
    "Enterprise Website Hosting" as "Website Hosting", or "Net2Mail Email Hosting" as
    "Net2Mail Hosted Email", names the same product. Names on one page are kept as the page
    lists them (a page does not list one product twice)."""
    kept: list[dict] = []
    for row in rows:
        words = _name_words(str(row.get("name") or ""))
        duplicate = False
        for other in kept:
            if other.get("page_url") == row.get("page_url"):
                continue
            theirs = _name_words(str(other.get("name") or ""))
            shared = words & theirs
            smaller = min(len(words), len(theirs))
            if words and theirs and (words <= theirs or theirs <= words or
                                     len(shared) >= 2 and len(shared) * 3 >= smaller * 2):
                duplicate = True
                break
        if not duplicate:
            kept.append(row)
    return kept
