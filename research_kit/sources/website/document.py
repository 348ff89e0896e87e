"""One HTML page, parsed once: tree, title, declared language, meta tags, links, JSON-LD.

Real pages are messy: wrong or missing charsets, broken markup, XML declarations, NUL
bytes, binary files served as text/html, 10,000 links. Everything here degrades to "less
information" rather than an exception; only content that is not HTML at all (a PDF, an
image) raises :class:`~research_kit.errors.ParseError`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from ...errors import ParseError
from ...gateway.client import decode_body
from .classify import classify_link

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["HtmlDocument", "Link", "parse_html", "normalize_url", "decode_html", "MAX_LINKS"]

MAX_LINKS = 5000
"""Links kept per page in document order. A page listing 10,000 URLs is an archive, not a
guide to the site; past this many, only links that name a kind of page ("About us",
/careers/) are still kept, so the footer of a huge page still leads somewhere."""

_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")
_NON_HTML_TYPES = ("application/pdf", "image/", "audio/", "video/", "application/zip",
                   "application/octet-stream", "application/msword", "application/vnd.")
_SINGLE_BYTE = {"iso-8859-1", "latin-1", "latin1", "cp1252", "windows-1252", "us-ascii", "ascii"}
_SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "fax:", "callto:", "skype:")
_NAV_TAGS = {"nav", "header", "footer", "menu"}
_NAV_WORDS = re.compile(r"(?:^|[\s_-])(nav|navbar|navigation|menu|menubar|header|footer|"
                        r"breadcrumbs?|site-?map|topbar|masthead)(?:$|[\s_-])", re.I)
_URL_SAFE = "/%:@!$&'()*+,;=-._~"


@dataclass(frozen=True)
class Link:
    url: str
    text: str
    in_nav: bool = False
    """Inside <nav>/<header>/<footer> or a menu-like container: site navigation."""
    submenu_of: str | None = None
    """Text of the menu entry this link sits under (nested navigation lists)."""


@dataclass
class HtmlDocument:
    url: str
    tree: HtmlElement | None  # None for an empty page
    title: str = ""
    lang: str | None = None
    meta: dict[str, list[str]] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    links_total: int = 0
    json_ld: list = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    last_modified: str | None = None
    scripts: int = 0
    script_bytes: int = 0

    def meta_first(self, *names: str) -> str | None:
        for name in names:
            for value in self.meta.get(name.lower(), []):
                if value and value.strip():
                    return value.strip()
        return None


def normalize_url(href: str, base: str) -> str | None:
    """Absolute http(s) URL without fragment, IRIs percent-encoded; None for other schemes."""
    href = (href or "").strip().replace("\n", "").replace("\r", "").replace("\t", "")
    if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        host.encode("ascii")
    except UnicodeEncodeError:
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    try:
        port = parts.port
    except ValueError:
        return None
    netloc = host if port in (None, 80 if scheme == "http" else 443) else f"{host}:{port}"
    if ":" in host and not host.startswith("["):
        netloc = f"[{host}]" + (f":{port}" if port else "")
    path = quote(parts.path or "/", safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE + "?")
    return urlunsplit((scheme, netloc, path, query, ""))


def decode_html(content: bytes, content_type: str | None = None) -> str:
    """Bytes → text as a browser would, plus one repair: a page declared Latin-1/cp1252 whose
    bytes are valid UTF-8 with non-ASCII characters is UTF-8 (the other way round is
    practically impossible), so "CafÃ©" becomes "Café"."""
    text = decode_body(content, content_type)
    declared = ""
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
        declared = m.group(1).lower() if m else ""
    if not declared:
        meta = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", content[:4096], re.I)
        declared = meta.group(1).decode("ascii", "ignore").lower() if meta else ""
    if declared in _SINGLE_BYTE:
        try:
            utf8 = content.decode("utf-8")
        except UnicodeDecodeError:
            return text
        if any(ord(c) > 127 for c in utf8):
            return utf8.lstrip("\ufeff")
    return text


def _looks_binary(content: bytes, content_type: str | None) -> bool:
    ctype = (content_type or "").lower()
    if any(ctype.startswith(t) for t in _NON_HTML_TYPES):
        return True
    head = content[:8].lstrip()
    if head.startswith(_BINARY_MAGIC):
        return True
    sample = content[:2048]
    # NUL bytes in UTF-16 text are legitimate; in anything else they mean a binary file
    if sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return sample.count(b"\x00") > len(sample) // 10
    return False


def _classes(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('role', '')}"


def _in_nav(el) -> bool:
    node = el.getparent()
    while node is not None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _NAV_TAGS or _NAV_WORDS.search(_classes(node)):
            return True
        if node.get("role") in ("navigation", "banner", "contentinfo", "menubar"):
            return True
        node = node.getparent()
    return False


def _submenu_label(a) -> str | None:
    """For a link inside a nested list (li > ul > li > a), the text of the parent entry."""
    li = a.getparent()
    while li is not None and li.tag != "li":
        li = li.getparent()
    if li is None:
        return None
    outer = li.getparent()
    while outer is not None and outer.tag not in ("li", "body"):
        outer = outer.getparent()
    if outer is None or outer.tag != "li":
        return None
    for child in outer.iter("a", "span", "button", "strong"):
        text = " ".join((child.text_content() or "").split())
        if text:
            return text
    return None


def _text_of_link(a) -> str:
    text = " ".join((a.text_content() or "").split())
    if not text:
        text = a.get("title") or a.get("aria-label") or ""
        if not text:
            img = next(a.iter("img"), None)
            text = img.get("alt", "") if img is not None else ""
    return " ".join(text.split())[:300]


def _parse_json_ld(raw: str) -> list:
    raw = (raw or "").strip()
    raw = re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)", "", raw)
    raw = re.sub(r"(?:-->|//\s*\]\]>|\]\]>)\s*$", "", raw).strip()
    if not raw:
        return []
    for candidate in (raw, re.sub(r",\s*([}\]])", r"\1", raw)):
        try:
            data = json.loads(candidate, strict=False)
        except (ValueError, RecursionError):
            continue
        return data if isinstance(data, list) else [data]
    return []


_XML_FORBIDDEN = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def parse_html(content: bytes | str, url: str, content_type: str | None = None,
               last_modified: str | None = None) -> HtmlDocument:
    """Parse a page; ``url`` resolves relative links (``<base href>`` honoured)."""
    import lxml.html
    from lxml import etree

    if isinstance(content, bytes):
        if _looks_binary(content, content_type):
            raise ParseError(f"{url} is not an HTML page ({content_type or 'binary content'})",
                             url=url, suggestion="give research-kit a web page or a saved .html file")
        text = decode_html(content, content_type)
    else:
        text = content
    # characters XML forbids (C0 controls, lone surrogates, U+FFFE/FFFF) pass lxml's HTML
    # parser but make every later text edit fail: a browser shows none of them
    text = _XML_FORBIDDEN.sub(" ", text.replace("\x00", ""))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str with an encoding decl
    doc = HtmlDocument(url=url, tree=None, last_modified=last_modified)
    if not text.strip():
        return doc
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        return doc
    doc.tree = tree

    base = url
    base_el = next(iter(tree.xpath("//base[@href]")), None)
    if base_el is not None:
        base = urljoin(url, base_el.get("href", "").strip()) or url

    title_el = next(iter(tree.xpath("//title")), None)
    doc.title = " ".join((title_el.text_content() if title_el is not None else "").split())[:500]
    doc.lang = (tree.get("lang") or tree.get("xml:lang")
                or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or None)

    for m in tree.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop")
               or m.get("http-equiv") or "").strip().lower()
        if key and m.get("content") is not None:
            doc.meta.setdefault(key, []).append(" ".join(m.get("content").split()))
    if not doc.lang:
        doc.lang = doc.meta_first("content-language", "language", "og:locale", "dc.language")

    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        ltype = (link.get("type") or "").lower()
        if "alternate" in rel and ltype in ("application/rss+xml", "application/atom+xml",
                                            "application/feed+json"):
            href = normalize_url(link.get("href", ""), base)
            if href and href not in doc.feeds:
                doc.feeds.append(href)

    for script in tree.iter("script"):
        stype = (script.get("type") or "").strip().lower()
        if stype == "application/ld+json":
            doc.json_ld.extend(_parse_json_ld(script.text or ""))
        elif stype in ("", "text/javascript", "application/javascript", "module"):
            doc.scripts += 1
            doc.script_bytes += len(script.text or "") + (500 if script.get("src") else 0)

    seen: set[tuple[str, str]] = set()
    for a in tree.iter("a", "area"):
        href = a.get("href")
        if href is None:
            continue
        doc.links_total += 1
        absolute = normalize_url(href, base)
        if absolute is None:
            continue
        text = _text_of_link(a)
        if len(doc.links) >= MAX_LINKS and classify_link(absolute, text) in (None, "home"):
            continue
        if (absolute, text) in seen:
            continue  # the same URL under another text stays: "/products/#x" names an offering
        seen.add((absolute, text))
        doc.links.append(Link(absolute, text, _in_nav(a), _submenu_label(a)))
    if not doc.last_modified:
        doc.last_modified = doc.meta_first("article:modified_time", "last-modified",
                                           "og:updated_time", "dc.date.modified", "dcterms.modified")
    return doc
