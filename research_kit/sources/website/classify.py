"""What a company page is about, from its URL and the text of links pointing to it.

Kinds follow the career advice: About first, then Products/Services, locations, careers —
plus leadership (interviewers), newsroom, investors, history and mission. Words come in
the languages company sites use most; a URL's *last* path segment decides ("/about/
careers.html" is careers), an earlier one makes the page a child ("/products/aquasense/"
is one product).
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

__all__ = ["PAGE_KINDS", "KIND_LIMITS", "classify_url", "classify_text", "classify_link",
           "is_skippable_url", "kind_priority"]

# Kind → words. Checked in this order: the more specific kinds first, so "company-news"
# is newsroom and "leadership-team" is leadership, not about.
_KIND_WORDS: dict[str, tuple[str, ...]] = {
    "leadership": ("leadership", "management", "executives", "executive team", "our team",
                   "team", "people", "board", "board of directors", "directors", "founders",
                   "management team", "meet the team", "who we are team", "vorstand",
                   "geschäftsführung", "abteilungsleiter", "equipe", "équipe", "equipo",
                   "leadership team", "executive leadership", "our leadership", "our people"),
    "history": ("history", "our history", "our story", "heritage", "timeline", "milestones",
                "historie", "geschichte", "histoire", "historia"),
    "mission": ("mission", "vision", "values", "our values", "purpose", "our mission",
                "culture", "leitbild", "werte", "mission and values", "mission vision"),
    "careers": ("careers", "career", "jobs", "job openings", "join us", "join our team",
                "work with us", "work for us", "vacancies", "open positions", "karriere",
                "stellenangebote", "stellen", "jobs und karriere", "emplois", "carrieres",
                "carrières", "empleo", "empleos", "trabaja con nosotros", "lavora con noi"),
    "investors": ("investors", "investor", "investor relations", "shareholders",
                  "stockholders", "ir", "annual reports", "sec filings"),
    "newsroom": ("news", "newsroom", "press", "press releases", "press room", "media",
                 "media center", "news and events", "news events", "presse", "aktuell",
                 "aktuelles", "neuigkeiten", "noticias", "actualites", "actualités",
                 "in the news", "announcements", "press center"),
    "contact": ("contact", "contact us", "contacts", "get in touch", "kontakt", "contacto",
                "contactez nous", "contatti", "reach us"),
    "locations": ("locations", "offices", "our offices", "our locations", "where we are",
                  "worldwide", "global offices", "global presence", "standorte", "anfahrt",
                  "office locations", "find us"),
    "products": ("products", "product", "services", "solutions", "offerings", "platform",
                 "what we do", "capabilities", "industries", "our products", "our services",
                 "our solutions", "portfolio", "leistungen", "produkte", "dienstleistungen",
                 "lösungen", "produits", "productos", "servicios", "soluciones", "prodotti",
                 "servizi", "tätigkeitsfelder"),
    "about": ("about", "about us", "company", "who we are", "our company", "corporate",
              "über uns", "ueber uns", "unternehmen", "profil", "a propos",
              "à propos", "quienes somos", "nosotros", "chi siamo", "sobre nos",
              "about the company", "company overview", "our firm", "at a glance"),
}
PAGE_KINDS = ("home", "about", "leadership", "products", "product", "careers", "contact",
              "locations", "newsroom", "investors", "history", "mission")

KIND_LIMITS = {"home": 1, "about": 2, "leadership": 2, "products": 4, "product": 5,
               "careers": 1, "contact": 1, "locations": 2, "newsroom": 1, "investors": 2,
               "history": 1, "mission": 1}
"""At most this many pages of each kind per crawl, so 60 product pages never crowd out the
About or Leadership page within the 25-page budget."""

_PRIORITY = ["home", "about", "leadership", "products", "careers", "contact", "locations",
             "newsroom", "investors", "history", "mission", "product"]

_SKIP_WORDS = {"login", "log-in", "signin", "sign-in", "signup", "register", "cart", "checkout",
               "privacy", "privacy-policy", "terms", "terms-of-use", "legal", "cookies",
               "cookie-policy", "search", "feed", "rss", "wp-admin", "wp-login", "account",
               "impressum", "datenschutz", "agb", "accessibility", "tag", "tags", "category",
               "author", "print", "share", "download", "downloads", "cdn-cgi"}
_FILE_EXTENSIONS = {".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".zip", ".gz",
                    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".mp3", ".mp4", ".mov",
                    ".avi", ".css", ".js", ".json", ".xml", ".rss", ".ico", ".exe", ".dmg",
                    ".txt", ".csv", ".woff", ".woff2", ".ttf", ".eot", ".wmv", ".flv", ".swf"}
_PAGE_EXTENSIONS = (".html", ".htm", ".php", ".asp", ".aspx", ".jsp", ".shtml", ".cfm")


def _words(text: str) -> str:
    text = unquote(text or "").lower()
    text = re.sub(r"[_\-+./]+", " ", text)
    return " ".join(re.sub(r"[^\w\s&]", " ", text).replace("&", " and ").split())


_KIND_PATTERNS = [
    (kind, re.compile(r"(?:^| )(?:" + "|".join(re.escape(_words(p))
                                               for p in sorted(phrases, key=len, reverse=True))
                      + r")(?: |$)"))
    for kind, phrases in _KIND_WORDS.items()]


@lru_cache(maxsize=8192)
def classify_text(text: str, *, max_words: int = 5) -> str | None:
    """Kind named by a short link text or heading ("Our Team" → leadership)."""
    words = _words(text)
    if not words or len(words.split()) > max_words:
        return None
    for kind, pattern in _KIND_PATTERNS:
        if pattern.search(words):
            return kind
    return None


def _segments(url: str) -> list[str]:
    path = urlsplit(url).path or "/"
    parts = [p for p in path.split("/") if p]
    if parts:
        last = parts[-1]
        stem, ext = posixpath.splitext(last)
        if ext.lower() in _PAGE_EXTENSIONS:
            parts[-1] = stem
        if parts[-1].lower() in ("index", "default", "home", "main"):
            parts.pop()
    return parts


def is_skippable_url(url: str) -> bool:
    """Files, feeds, logins, legal boilerplate: never worth a request in site research."""
    parts = urlsplit(url)
    path = unquote(parts.path or "/").lower()
    ext = posixpath.splitext(path)[1]
    if ext in _FILE_EXTENSIONS:
        return True
    segments = [s for s in path.split("/") if s]
    if any(s in _SKIP_WORDS or posixpath.splitext(s)[0] in _SKIP_WORDS for s in segments):
        return True
    return len(url) > 300 or parts.query.count("&") > 3


def classify_url(url: str) -> tuple[str | None, bool]:
    """(kind, is_child) from the URL path alone; ("home", False) for the root."""
    segments = _segments(url)
    if not segments:
        # the root of careers.acme.com or investors.acme.com is that kind of page
        label = (urlsplit(url).hostname or "").split(".")[0]
        kind = classify_text(label, max_words=1) if label not in ("www", "www2", "m") else None
        return (kind, False) if kind else ("home", False)
    kind = classify_text(segments[-1], max_words=4)
    if kind:
        return kind, False
    for segment in reversed(segments[:-1]):
        parent = classify_text(segment, max_words=4)
        if parent == "products":
            return "product", True
        if parent in ("about", "history", "mission", "contact", "locations"):
            return parent, True
        if parent:
            return None, True  # a news item, a job ad, a bio page, an investor document
    return None, False


def classify_link(url: str, text: str, submenu_of: str | None = None) -> str | None:
    """Kind of the page a link points to: link text first, then URL, then menu position."""
    url_kind, is_child = classify_url(url)
    if url_kind == "home":
        return "home"
    text_kind = classify_text(text)
    if text_kind:
        if text_kind == "products" and (url_kind == "product" or submenu_of is not None):
            return "product"  # "Net2Communicate Voice Services" in a menu: one offering
        if is_child and url_kind is None and text_kind == "newsroom":
            return None  # "News" text on /news/2024/some-story: an item, not the newsroom
        return text_kind
    if url_kind:
        if is_child and url_kind == "about":
            return "about"
        return url_kind
    if is_child:
        return None
    if submenu_of is not None:
        parent = classify_text(submenu_of)
        if parent in (None, "products"):
            return "product"  # an entry in a "Products"/"Enterprise"/"Industries" menu
    return None


def kind_priority(kind: str | None) -> int:
    return _PRIORITY.index(kind) if kind in _PRIORITY else len(_PRIORITY)
