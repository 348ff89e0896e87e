"""Main text of a company page: navigation, cookie banners, sidebars and footers removed.

Three passes over a copy of the page (the parsed original stays intact for people and
facts):

1. **prune** what is never content — scripts, forms, hidden elements, ``<nav>``/``<footer>``/
   ``<aside>``, ARIA landmarks for navigation, and elements whose class/id says cookie,
   consent, menu, breadcrumb, sidebar, share, newsletter … (never an element that holds
   most of the page's text, whatever its class says);
2. **choose the main container**: ``<main>``/``role=main`` or a dominant ``<article>`` when
   the page has one, else the deepest element holding most of the non-link text;
3. **drop menu-like blocks** inside it: lines made mostly of short links ("Home | Site
   Map"), and stock UI phrases ("Read more", "Back to top").

A crawl adds a fourth pass (:func:`drop_repeated_blocks`): blocks that recur on many pages
of the same site are template (a "Our mission" box on every page), not content. Company
pages are short, so nothing here has an article-length threshold: a contact page with two
addresses keeps them.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field

from .document import HtmlDocument

__all__ = ["MainText", "extract_main_text", "drop_repeated_blocks", "needs_browser",
           "visible_text"]

_JUNK_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
              "embed", "video", "audio", "select", "button", "input", "textarea", "head",
              "dialog", "map")
_BOILERPLATE_TAGS = ("nav", "aside", "footer", "menu")
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search",
                      "dialog", "alertdialog", "menubar", "menu", "toolbar"}
_STRONG_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(cookies?|consent|gdpr|cmp|onetrust|nav|navbar|navigation|menu|menubar|"
    r"breadcrumbs?|footer|sidebar|side-?bar|share|sharing|social|newsletter|subscribe|"
    r"skip-?link|skip|offcanvas|drawer|sitemap)(?:$|[\s_-])", re.I)
"""Class/id words that mean boilerplate even on an element also called "main-…"."""
_WEAK_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(header|masthead|topbar|banner|related|comments?|disqus|popup|modal|"
    r"overlay|advert|ads|promo|toolbar|pagination|pager|login|signin|search|tags?|"
    r"widget)(?:$|[\s_-])", re.I)
_MAIN_WORDS = re.compile(r"(?:^|[\s_-])(main|content|article|post|entry|body-?text|story|"
                         r"page-?header|page-?title|hero)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "header", "li", "ul", "ol", "dl",
               "dt", "dd", "tr", "table", "tbody", "thead", "blockquote", "pre", "address",
               "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br",
               "center", "details", "summary", "caption", "body", "html", "form", "fieldset",
               "legend", "nav", "footer", "aside"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_UI_PHRASES = {
    "read more", "learn more", "find out more", "more", "continue reading", "back to top",
    "skip to content", "skip to main content", "toggle navigation", "menu", "close", "share",
    "tweet", "print", "email", "back", "next", "previous", "search", "home", "top",
    "zurück", "mehr", "weiterlesen", "direkt zum inhalt", "en savoir plus", "lire la suite",
}


@dataclass
class MainText:
    text: str = ""
    blocks: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    page_blocks: frozenset[str] = frozenset()
    """Normalised text of every block left after pruning, main container or not: what
    :func:`drop_repeated_blocks` compares across the pages of one site."""

    @property
    def word_count(self) -> int:
        return count_words(self.text)


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def count_words(text: str) -> int:
    """Whitespace words, plus one word per CJK character (those scripts use no spaces)."""
    cjk = len(_CJK.findall(text or ""))
    return len(_CJK.sub(" ", text or "").split()) + cjk


def _attrs(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = (el.get("style") or "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def _text_len(el) -> int:
    try:
        return len(" ".join((el.text_content() or "").split()))
    except ValueError:
        return 0


def _drop(el) -> None:
    parent = el.getparent()
    if parent is None:
        return
    # keep the tail text: it belongs to the parent, not to the dropped element
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + " " + el.tail
        else:
            parent.text = (parent.text or "") + " " + el.tail
    parent.remove(el)


def _prune(body) -> None:
    for el in list(body.iter(*_JUNK_TAGS)):
        _drop(el)
    for el in list(body.iter("form")):
        # a form is a search box or newsletter sign-up; ASP.NET wraps whole pages in one
        if _text_len(el) < 400:
            _drop(el)
    total = max(_text_len(body), 1)
    protected = set()
    for keep in body.xpath("//main|//article|//*[@role='main']"):
        protected.add(keep)
        protected.update(keep.iterancestors())
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el is body or el in protected:
            continue
        if el.getparent() is None:
            continue  # already removed with an ancestor
        tag = el.tag.lower()
        role = (el.get("role") or "").lower()
        boiler = (_is_hidden(el) or tag in _BOILERPLATE_TAGS or role in _BOILERPLATE_ROLES
                  or (tag == "header" and not el.xpath("ancestor::main|ancestor::article"))
                  or _STRONG_BOILERPLATE.search(_attrs(el))
                  or (_WEAK_BOILERPLATE.search(_attrs(el))
                      and not _MAIN_WORDS.search(_attrs(el))))
        if boiler and _text_len(el) < 0.4 * total:
            _drop(el)


def _non_link_len(el) -> int:
    links = sum(_text_len(a) for a in el.iter("a"))
    return max(_text_len(el) - links, 0)


def _choose_root(body):
    mains = body.xpath("//main|//*[@role='main']")
    total = max(_non_link_len(body), 1)
    if len(mains) == 1 and _non_link_len(mains[0]) >= 0.3 * total:
        return mains[0]
    articles = body.xpath("//article")
    if articles:
        best = max(articles, key=_non_link_len)
        if _non_link_len(best) >= 0.5 * total:
            return best
    # deepest element that still holds most of the page's own (non-link) text — but never
    # leave the page's first <h1> behind: on short pages (a leadership list, a contact
    # page) a long sidebar would otherwise win over the content under the page title
    node = body
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        best = max(children, key=_non_link_len, default=None)
        if best is None or _non_link_len(best) < 0.65 * total:
            return node
        first_h1 = next(node.iter("h1"), None)
        if first_h1 is not None and best is not first_h1 and first_h1 not in best.iter("h1"):
            return node
        node = best


def _blocks(root) -> list[tuple[str, str, int]]:
    """(tag, text, link_chars) per visual line, walking text and tails in document order."""
    from lxml import etree

    out: list[tuple[str, str, int]] = []
    buf: list[str] = []
    link_chars = 0
    link_depth = 0
    block_stack = ["body"]

    def flush():
        nonlocal buf, link_chars
        text = " ".join(" ".join(buf).split())
        if text:
            out.append((block_stack[-1], text, link_chars))
        buf, link_chars = [], 0

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
                block_stack.append(tag)
            elif tag in ("td", "th") and buf:
                buf.append(" | ")
            if tag == "a":
                link_depth += 1
            if el.text:
                buf.append(el.text)
                if link_depth:
                    link_chars += len(el.text.strip())
        else:
            if tag == "a":
                link_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
                if len(block_stack) > 1:
                    block_stack.pop()
            if el.tail and el is not root:
                buf.append(el.tail)
                if link_depth:
                    link_chars += len(el.tail.strip())
    flush()
    return out


def _menu_like(text: str, link_chars: int) -> bool:
    if not link_chars:
        return False
    density = link_chars / max(len(text.replace(" | ", "")), 1)
    if density < 0.5:
        return False
    pieces = [p for p in re.split(r"\s*[|·•»›/]\s*|\s{2,}", text) if p.strip()]
    words = len(text.split())
    # a line of short links ("Home | Site Map | Contact") vs. a linked headline
    return len(pieces) >= 2 and words / len(pieces) < 4 or density > 0.9 and words <= 3


def extract_main_text(doc: HtmlDocument) -> MainText:
    if doc.tree is None:
        return MainText()
    body = doc.tree.find("body")
    if body is None:
        body = doc.tree
    body = copy.deepcopy(body)
    _prune(body)
    page_blocks = frozenset(_key(text) for _, text, _ in _blocks(body))
    root = _choose_root(body)
    blocks: list[str] = []
    headings: list[str] = []
    for tag, text, link_chars in _blocks(root):
        clean = text.strip(" |")
        if not clean or clean.lower().strip(" <>»›.:!") in _UI_PHRASES:
            continue
        if tag not in _HEADINGS and _menu_like(clean, link_chars):
            continue
        if blocks and blocks[-1] == clean:
            continue
        blocks.append(clean)
        if tag in _HEADINGS and clean not in headings:
            headings.append(clean)
    return MainText("\n".join(blocks), blocks, headings, page_blocks)


def _key(block: str) -> str:
    return " ".join(block.lower().split())


def visible_text(doc: HtmlDocument) -> str:
    """All text a reader could see, boilerplate included (the BeautifulSoup-style baseline)."""
    if doc.tree is None:
        return ""
    body = doc.tree.find("body")
    body = copy.deepcopy(body if body is not None else doc.tree)
    for el in list(body.iter(*_JUNK_TAGS)):
        _drop(el)
    return " ".join((body.text_content() or "").split())


_APP_ROOT = re.compile(r"^(root|app|__next|__nuxt|___gatsby|svelte|ember-app|main-app)$", re.I)


def needs_browser(doc: HtmlDocument) -> bool:
    """True for a shell page that only JavaScript fills: next to no text, but scripts or an
    empty app root (<div id="root">) or a <noscript> asking for JavaScript."""
    if doc.tree is None:
        return False
    if count_words(visible_text(doc)) >= 25:
        return False
    noscript = " ".join(n.text_content() or "" for n in doc.tree.iter("noscript")).lower()
    app_root = any(_APP_ROOT.match(el.get("id", "")) for el in doc.tree.iter("div", "app-root"))
    return bool(doc.script_bytes >= 200 or app_root or "javascript" in noscript)


def drop_repeated_blocks(pages: list[MainText], *, min_pages: int = 3,
                         min_share: float = 0.4) -> list[MainText]:
    """Remove blocks that recur on at least ``min_pages`` pages and ``min_share`` of them:
    the site's template (mission boxes, contact strips), not any one page's content."""
    if len(pages) < min_pages:
        return pages
    counts = Counter(k for page in pages for k in (page.page_blocks or {_key(b) for b in page.blocks}))
    threshold = max(min_pages, min_share * len(pages))
    repeated = {k for k, n in counts.items() if n >= threshold}
    if not repeated:
        return pages
    out = []
    for page in pages:
        blocks = [b for b in page.blocks if _key(b) not in repeated]
        headings = [h for h in page.headings if h in blocks]
        out.append(MainText("\n".join(blocks), blocks, headings, page.page_blocks))
    return out
