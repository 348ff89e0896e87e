"""Offices and addresses the company lists: schema.org addresses, ``<address>`` elements,
and address-like lines under a heading on Contact / Locations pages ("LA Office" followed by
a street line and a "City, ST 12345" line).
"""

from __future__ import annotations

import copy
import re

from .document import HtmlDocument
from .jsonld import address_text, is_organization, iter_nodes, text_value, types_of

__all__ = ["LOCATION_COLUMNS", "extract_locations", "looks_like_address_line", "location_key"]

LOCATION_COLUMNS = ["name", "address", "city", "country", "telephone", "method", "page_url"]

_STREET = re.compile(
    r"\b\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+|[NSEW][EW]\s+)?[\w.' -]{2,40}?\s(?:street|st|avenue|ave|road|rd|"
    r"drive|dr|boulevard|blvd|way|lane|ln|court|ct|place|pl|parkway|pkwy|highway|hwy|square|sq|"
    r"terrace|circle|center|centre|plaza|row|quay|wharf)\b\.?|"
    r"\b(?:suite|ste\.?|floor|fl\.|building|unit|p\.?o\.? box)\s*#?\s*\w+|"
    r"\b[\wäöüß-]+(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|gracht|plein|kade|"
    r"straat|singel|dijk|vej|gatan|vägen|via|rue|calle|avenida)\s+\d+|"
    r"\b(?:rue|via|calle|avenida|avenue)\s+[\w' -]+\s*\d*", re.I)
_US_CITY = re.compile(r"^(?P<city>[A-Z][\w .'-]+),\s*(?P<region>[A-Z]{2})\s+(?P<zip>\d{5}(?:-\d{4})?)\b")
_POSTAL_CITY = re.compile(
    r"^(?:(?P<pc>\d{4,5}\s?[A-Z]{0,2})\s+(?P<city>[A-ZÄÖÜ][\w .'-]+)|"      # 3011 AB Rotterdam, 80331 München
    # Singapore 018956, London EC1A 1BB
    r"(?P<city2>[A-Z][\w .'-]+?)\s+(?P<pc2>\d{5,6}|[A-Z]{1,2}\d[\dA-Z]?\s?\d[A-Z]{2}))$")
_PHONE = re.compile(r"^(?:tel(?:ephone)?|phone|ph|t|office|main)\.?\s*[:.]?\s*"
                    r"(?P<num>\+?[\d().\s/-]{7,})", re.I)
_SKIP_LINE = re.compile(r"^(?:fax|f|e-?mail|email|web|www|mobile|m)\b", re.I)
_COUNTRY_LINE = re.compile(r"^[A-Z][A-Za-z .'-]{2,40}$")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "dt")


def location_key(address: str) -> str:
    """Street line, normalised: the same office written by JSON-LD and by the page."""
    return re.sub(r"\W+", "", (address or "").split(",")[0].lower())


def looks_like_address_line(line: str) -> bool:
    return bool(_STREET.search(line) or _US_CITY.match(line) or _POSTAL_CITY.match(line))


def _city_country(lines: list[str]) -> tuple[str | None, str | None]:
    for line in lines:
        m = _US_CITY.match(line)
        if m:
            return m.group("city").strip(), "United States"
    for i, line in enumerate(lines):
        if _STREET.search(line):
            continue  # "1200 NW Riverside Drive" is a street, not "1200 NW" + city
        m = _POSTAL_CITY.match(line)
        if m:
            city = (m.group("city") or m.group("city2") or "").strip() or None
            rest = lines[i + 1:]
            country = None
            if rest and _COUNTRY_LINE.match(rest[0]) and not _PHONE.match(rest[0]):
                country = rest[0].strip()
            elif city and city.lower() == "singapore":
                country = "Singapore"
            return city, country
    return None, None


def _location(name: str | None, lines: list[str], method: str) -> dict | None:
    address, phone = [], None
    for line in lines:
        line = " ".join(line.split()).strip(" ,")
        if not line:
            continue
        m = _PHONE.match(line)
        if m:
            phone = phone or " ".join(m.group("num").split())
            continue
        if _SKIP_LINE.match(line) or "@" in line:
            continue
        address.append(line)
    if not address or not any(looks_like_address_line(a) for a in address):
        return None
    city, country = _city_country(address)
    return {"name": name, "address": ", ".join(address), "city": city, "country": country,
            "telephone": phone, "method": method}


def _lines_of(el) -> list[str]:
    from lxml import etree

    parts: list[str] = []
    buf: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if tag in ("br", "p", "div", "li", "tr", "dd", "dt", "address", "span") and buf and tag != "span":
                parts.append(" ".join(buf))
                buf = []
            if node.text:
                buf.append(node.text)
        else:
            if tag in ("p", "div", "li", "tr", "dd", "dt"):
                parts.append(" ".join(buf))
                buf = []
            if node.tail and node is not el:
                buf.append(node.tail)
    parts.append(" ".join(buf))
    return [" ".join(p.split()) for p in parts if p and p.strip()]


def _from_json_ld(doc: HtmlDocument) -> list[dict]:
    rows = []
    for data in doc.json_ld:
        for node, _ in iter_nodes(data):
            address = node.get("address")
            if address is None or not (is_organization(node) or types_of(node) & {"place", "postaladdress"}):
                continue
            line = address_text(address)
            if not line:
                continue
            city = country = None
            if isinstance(address, dict):
                city = text_value(address.get("addressLocality"))
                country = text_value(address.get("addressCountry"))
            rows.append({"name": text_value(node.get("name")), "address": line, "city": city,
                         "country": country, "telephone": text_value(node.get("telephone")),
                         "method": "json-ld address"})
    return rows


def _heading_before(el) -> str | None:
    node = el
    for _ in range(40):
        prev = node.getprevious()
        while prev is None:
            node = node.getparent()
            if node is None:
                return None
            prev = node.getprevious()
        node = prev
        if isinstance(node.tag, str) and node.tag in _HEADINGS:
            text = " ".join((node.text_content() or "").split())
            if 0 < len(text) <= 80:
                return text
        inner = node.xpath(".//h2|.//h3|.//h4|.//h5") if isinstance(node.tag, str) else []
        if inner:
            text = " ".join((inner[-1].text_content() or "").split())
            if 0 < len(text) <= 80:
                return text
    return None


def _from_html(doc: HtmlDocument) -> list[dict]:
    if doc.tree is None:
        return []
    body = doc.tree.find("body")
    body = copy.deepcopy(body if body is not None else doc.tree)
    for el in list(body.iter("script", "style", "nav", "footer", "header", "form")):
        if el.getparent() is not None:
            el.getparent().remove(el)
    rows = []
    claimed = set()
    for addr in body.iter("address"):
        row = _location(_heading_before(addr), _lines_of(addr), "address element")
        if row:
            rows.append(row)
            claimed.add(addr)
            claimed.update(addr.iterdescendants())
    # address-like blocks: a paragraph/div whose own lines contain a street or city line
    for block in body.iter("p", "div", "li", "td", "dd"):
        if block in claimed or any(a in claimed for a in block.iterancestors()):
            continue
        if block.xpath(".//p|.//div|.//address|.//li"):
            continue  # leaf blocks only
        lines = _lines_of(block)
        if len(lines) < 2 or len(lines) > 12:
            continue
        row = _location(_heading_before(block), lines, "address block")
        if row:
            rows.append(row)
    return rows


def extract_locations(doc: HtmlDocument, *, kind: str) -> list[dict]:
    """Location rows of one page; HTML address blocks only on contact/locations/about pages
    (elsewhere an address is usually a news story's dateline or a customer's)."""
    rows = []
    if kind in ("contact", "locations", "about", "home"):
        rows += _from_html(doc)  # first: they carry the office's own name ("Rotterdam …")
    rows += _from_json_ld(doc)
    seen = set()
    out = []
    for row in rows:
        key = location_key(row["address"])
        if key in seen:
            continue
        seen.add(key)
        row["page_url"] = doc.url
        out.append(row)
    return out
