"""People named on Leadership / Team / About pages: name, title, profile link.

Layouts differ; names and titles must come out clean because interviewer research
matches them against the names the user typed. Three readers, most reliable first:

1. **schema.org JSON-LD** ``Person`` nodes with a ``jobTitle`` (or listed as an
   organization's employee / founder / member);
2. **cards and tables**: an element holding just a name (heading, ``<strong>``, a cell, an
   element whose class says "name") with the title next to it (the next element, or an
   element whose class says title / role / position);
3. **lines**: "Name — Title", "Name, Title", "Name (Title)", "Title: Name".

A name is 2–5 capitalised words (particles such as "van", "de", "bin" allowed; honorifics
and credentials stripped) and none of the words that make headings ("Global Headquarters",
"Our Team"). A title must contain a role word ("Chief", "Director", "Engineer" …) unless the
page has a whole grid of name + short-text cards, where the short text is the role.
"""

from __future__ import annotations

import copy
import re
from typing import TYPE_CHECKING, Any

from .document import HtmlDocument, normalize_url
from .jsonld import is_person, iter_nodes, text_value, url_value

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["PEOPLE_COLUMNS", "extract_people", "looks_like_name", "has_role", "clean_name"]

PEOPLE_COLUMNS = ["name", "title", "url", "profile_url", "method", "page_url"]

_ROLE = re.compile(
    r"\b(chief|officer|ceo|cfo|cto|coo|cio|cmo|cso|cpo|chro|president|vice|vp|svp|evp|"
    r"director|head|manager|lead|leader|founder|co-founder|cofounder|partner|chair|chairman|"
    r"chairwoman|chairperson|engineer|engineering|counsel|secretary|treasurer|principal|"
    r"architect|consultant|specialist|coordinator|analyst|designer|developer|scientist|"
    r"executive|administrator|recruiter|advisor|adviser|owner|controller|superintendent|"
    r"geschäftsführer|geschäftsführerin|vorstand|leiter|leiterin|gerente|directeur|"
    r"directrice|président|présidente|presidente|direktor|direktorin|managing|board member|"
    r"member of the board|trustee|fellow|associate|accountant|editor|producer|technician|"
    r"expert\w*|consult\w*|spezialist\w*|programmer|programmierer\w*|entwickler\w*|"
    r"sysadmin|administrat\w*|ingenieur\w*|berater\w*|referent\w*)\b",
    re.I)
_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
              "la", "le", "bin", "binti", "al", "ter", "ten", "y", "e", "zu", "af", "el"}
_HONORIFIC = re.compile(r"^(?:dr|mr|mrs|ms|mx|miss|prof|sir|dame|herr|frau|mag|dipl\.?-ing|"
                        r"ing|hon|rev)\.?\s+", re.I)
_CREDENTIALS = re.compile(r"(?:,?\s+(?:ph\.?\s?d|m\.?d|mba|cpa|cfa|p\.?e|esq|jr|sr|ii|iii|iv|"
                          r"msc|m\.?sc|bsc|dipl)\.?)+$", re.I)
_NOT_NAME = set("""
about our us we you your the and of for with to in at on by from team teams leadership management
board directors director executive executives contact office offices headquarters hq global
company services service products product solutions solution news careers career jobs job mission
vision values history inc llc ltd gmbh ag corporation corp group center centre department
engineering sales marketing customer customers support meet welcome read more learn view profile
home page site privacy policy terms copyright rights reserved press media events event blog
investors investor relations overview join apply open positions new latest recent all chief
officer president vice manager head lead founder partner chair chairman engineer assistant
coordinator analyst senior junior staff data cloud platform software hardware network enterprise
business small residential carrier voice internet email fax hosting technology technologies
systems international north south east west america europe asia pacific street road avenue
drive suite floor building city state country united states kingdom did know mission agenda
experience story stories success case studies study release releases report reports annual
quarter quarterly results financial financials governance sustainability culture benefits
opportunities internships internship service spotlight solutions featured contact-us
kontakt über uns unser unsere team impressum datenschutz geschichte leistungen produkte
die das les los las il lo una ein eine gesellschaft büro standort social design open source
commons community communities partners partnerships clients client awards award
""".split())
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.-]*|[A-Z]\.)$", re.UNICODE)
_TITLE_CLASS = re.compile(r"(title|role|position|job|designation|subtitle|function)", re.I)
_NAME_CLASS = re.compile(r"(?:^|[\s_-])(name|person|member-name|fn)(?:$|[\s_-])", re.I)
_NAME_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "dt", "td", "th", "figcaption",
              "span", "div", "p", "a", "li")
_SEP_LINE = [
    re.compile(r"^(?P<name>[^,—–|:()]{3,60}?)\s+(?:—|–|-{1,2}|\|)\s+(?P<title>.{2,120})$"),
    re.compile(r"^(?P<name>[^,—–|:()]{3,60}?)\s*\((?P<title>[^()]{2,120})\)$"),
    re.compile(r"^(?P<name>[^,—–|:()]{3,60}?),\s+(?P<title>.{2,120})$"),
    re.compile(r"^(?P<title>[^:]{2,80}):\s+(?P<name>[^,—–|:()]{3,60})$"),
]
_LIGHT_PRUNE = ("script", "style", "noscript", "template", "svg", "nav", "footer", "header",
                "form", "iframe", "select", "button")


def clean_name(text: str) -> str:
    name = " ".join((text or "").replace("\u00a0", " ").split()).strip(" ,;:|-–—•·")
    name = _HONORIFIC.sub("", name)
    name = _CREDENTIALS.sub("", name).strip(" ,")
    return name


def looks_like_name(text: str) -> bool:
    name = clean_name(text)
    if not 4 <= len(name) <= 60:
        return False
    tokens = name.split()
    if not 2 <= len(tokens) <= 5:
        return False
    capitalised = 0
    for tok in tokens:
        low = tok.lower().strip(".,")
        if low in _NOT_NAME:
            return False
        if low in _PARTICLES:
            continue
        if not _NAME_TOKEN.match(tok) or not tok[0].isupper():
            return False
        if tok.isupper() and len(tok) > 3:
            return False  # "CONTACT", "FAIRKOM": headings shout, names rarely do
        capitalised += 1
    return capitalised >= 2


def has_role(title: str) -> bool:
    return bool(_ROLE.search(title or ""))


def _clean_title(text: str) -> str:
    title = " ".join((text or "").replace("\u00a0", " ").split())
    return title.strip(" ,;:|-–—•·()[]")[:120]


def _short_text(el) -> str:
    """Text of a small leaf-like element (not a container of further cards)."""
    if el is None or not isinstance(el.tag, str):
        return ""
    blocks = sum(1 for d in el.iterdescendants() if isinstance(d.tag, str)
                 and d.tag in ("p", "div", "h2", "h3", "h4", "h5", "h6", "li", "tr", "section"))
    if blocks > 1:
        return ""
    text = " ".join((el.text_content() or "").split())
    return text if len(text.split()) <= 15 else ""


def _title_near(el) -> str:
    """The title next to a name element: a class-named element in the same small card, else
    the next sibling element's text, else the text right after it."""
    container = el.getparent()
    for _ in range(2):
        if container is None or len(" ".join((container.text_content() or "").split())) > 400:
            break
        for cand in container.iter():
            if cand is el or not isinstance(cand.tag, str) or cand in el.iterancestors():
                continue
            if _TITLE_CLASS.search(cand.get("class", "")) and not _NAME_CLASS.search(cand.get("class", "")):
                text = _short_text(cand)
                if text and (has_role(text) or not looks_like_name(text)):
                    return _clean_title(text)
        container = container.getparent()
    tail = (el.tail or "").strip(" ,–—-|\n\t")
    if tail and len(tail.split()) <= 15:
        return _clean_title(tail)
    sibling = el.getnext()
    while sibling is not None and sibling.tag in ("br", "hr", "img"):
        sibling = sibling.getnext()
    if sibling is None and el.getparent() is not None and el.getparent().tag in ("a", "span", "div"):
        parent = el.getparent()
        if len(" ".join((parent.text_content() or "").split())) <= 80:
            sibling = parent.getnext()
    text = _short_text(sibling)
    if text and (has_role(text) or not looks_like_name(text)):
        return _clean_title(text)
    return ""


def _profile_link(el, base: str) -> str | None:
    anchors = [a for a in el.iterancestors("a")]
    container = el.getparent()
    for _ in range(2):
        if container is None or len(" ".join((container.text_content() or "").split())) > 400:
            break
        anchors.extend(container.iter("a"))
        container = container.getparent()
    found = [normalize_url(a.get("href", ""), base) for a in anchors]
    urls = [u for u in found if u]
    for u in urls:
        if "linkedin.com/in/" in u:
            return u
    return urls[0] if urls else None


def _from_json_ld(doc: HtmlDocument) -> list[dict]:
    rows = []
    for data in doc.json_ld:
        for node, where in iter_nodes(data):
            if not is_person(node):
                continue
            name = clean_name(text_value(node.get("name")) or "")
            title = _clean_title(text_value(node.get("jobTitle")) or text_value(node.get("roleName")) or "")
            staff = any(k in ("employee", "employees", "founder", "founders", "member", "members")
                        for k in where)
            if not name or not (title or staff):
                continue  # an article's author is not the company's leadership
            same_as = node.get("sameAs")
            links = [url_value(v) for v in (same_as if isinstance(same_as, list) else [same_as])]
            profile = next((u for u in links if u and "linkedin.com" in u), None) \
                or url_value(node.get("url"))
            rows.append({"name": name, "title": title, "profile_url": profile,
                         "method": "json-ld Person"})
    return rows


def _body(tree: HtmlElement):
    body = tree.find("body")
    body = copy.deepcopy(body if body is not None else tree)
    for el in list(body.iter(*_LIGHT_PRUNE)):
        if el.getparent() is not None:
            el.getparent().remove(el)
    for el in list(body.iter()):
        if el.getparent() is not None and isinstance(el.tag, str) and (
                el.get("role") in ("navigation", "banner", "contentinfo")
                or re.search(r"(?:^|[\s_-])(nav|navbar|menu|breadcrumbs?|cookie|consent|footer)"
                             r"(?:$|[\s_-])", f"{el.get('class', '')} {el.get('id', '')}", re.I)):
            el.getparent().remove(el)
    return body


def _from_cards(body, base: str) -> list[dict]:
    pairs: list[dict[str, Any]] = []
    used = set()
    for el in body.iter(*_NAME_TAGS):
        if el in used:
            continue
        if el.tag in ("span", "div", "p", "a", "li") and not _NAME_CLASS.search(el.get("class", "")):
            # generic containers count only when they hold nothing but the name
            if len(el) > 1 or el.tag in ("div", "li"):
                continue
        text = " ".join((el.text_content() or "").split())
        if not looks_like_name(text):
            continue
        title = _title_near(el)
        if not title or (looks_like_name(title) and not has_role(title)) or len(title.split()) > 12:
            continue
        used.update(el.iterdescendants())
        pairs.append({"name": clean_name(text), "title": title,
                      "profile_url": _profile_link(el, base), "method": "card"})
    with_role = [p for p in pairs if has_role(p["title"])]
    # a grid of three or more name + short-text cards is a team list even without role
    # words ("Kommunikationsarchitekt"); such a role is short and has no digits
    plain = [p for p in pairs if not has_role(p["title"])
             and len(p["title"].split()) <= 6 and not re.search(r"\d", p["title"])]
    grid = len(plain) >= 3
    return [p for p in pairs if p in with_role or (grid and p in plain)]


def _from_lines(body) -> list[dict]:
    from .maintext import _blocks  # the same line splitting the main text uses

    rows = []
    for _, line, _ in _blocks(body):
        line = line.strip()
        if len(line) > 180:
            continue
        for pattern in _SEP_LINE:
            m = pattern.match(line)
            if not m:
                continue
            name, title = clean_name(m.group("name")), _clean_title(m.group("title"))
            if looks_like_name(name) and has_role(title):
                rows.append({"name": name, "title": title, "profile_url": None, "method": "line"})
                break
    return rows


def _key(name: str) -> str:
    return " ".join(name.casefold().replace(".", " ").split())


def extract_people(doc: HtmlDocument) -> list[dict]:
    """People rows (``name, title, url, profile_url, method, page_url``) of one page."""
    rows = _from_json_ld(doc)
    if doc.tree is not None:
        body = _body(doc.tree)
        rows += _from_cards(body, doc.url)
        rows += _from_lines(body)
    merged: dict[str, dict] = {}
    for row in rows:
        key = _key(row["name"])
        if key in merged:
            best = merged[key]
            if not best["title"] and row["title"]:
                best["title"] = row["title"]
            if not best["profile_url"] and row["profile_url"]:
                best["profile_url"] = row["profile_url"]
            continue
        merged[key] = dict(row)
    out = []
    for row in merged.values():
        row["page_url"] = doc.url
        row["url"] = row["profile_url"] or doc.url
        out.append(row)
    return out
