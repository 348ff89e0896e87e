"""A posting's description as a list of lines: headings, bullets and paragraphs.

Both readers end here: :func:`html_lines` walks an HTML fragment (lists, paragraphs, line
breaks, bold-only lines that act as headings) and :func:`text_lines` reads plain text
(bullet markers, short lines ending in a colon, known heading words). The section splitter
(:mod:`.sections`) then only sees :class:`Line` objects, whatever the source.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

__all__ = ["Line", "html_lines", "text_lines", "clean_text", "BULLET_MARK",
           "split_run_on_dash_items"]

# "•", "-", "*", "–", "·", "◦", "▪", "►", "✓", "o " and numbered "1." / "a)" markers
BULLET_MARK = re.compile(
    r"^\s*(?:[\u2022\u2023\u25e6\u2043\u2219\u00b7\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u25ba"
    r"\u2713\u2714\u27a2\u2192\uf0b7\uf0a7*\u2013\u2014-]+|(?:\d{1,2}|[a-z])[.)]|o(?=\s))\s+")
_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "article", "header", "footer", "table", "tr", "td", "th", "dl", "dt", "dd",
               "blockquote", "pre", "main", "aside", "nav", "form", "fieldset", "figure",
               "figcaption", "details", "summary", "hr", "center", "address", "tbody", "thead"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "button", "select", "option",
              "iframe", "head", "title", "meta", "link", "input", "textarea", "img"}
_BOLD_TAGS = {"b", "strong"}


@dataclass
class Line:
    text: str
    kind: str
    """"heading", "bullet" or "para"."""
    strong: bool = False
    """The whole line was bold (HTML) — a heading candidate."""
    level: int = 0
    """List nesting depth for bullets (0 = top level)."""
    gap_before: bool = False
    """Plain text: a blank line came before this one."""
    rank: int = 0
    """How high a heading sits: 1–6 for ``<h1>``–``<h6>``, 7 for any other line (a bold
    paragraph, a short line ending in ":"). Lower is higher; sub-headings inherit from it."""
    marker: str = ""
    """Bullets: "li" for a list item, else the glyph that marked it ("-", "•", "1." …)."""


DASH_MARKS = ("-", "\u2013", "\u2014")
# " - Running Kubernetes…": a dash, then a capitalised word (not an acronym, not a number)
_RUN_ON_DASH = re.compile(r"\s+[-\u2013\u2014]\s+(?=[A-Z][a-z])")


def split_run_on_dash_items(text: str) -> list[str]:
    """Items of a dash-marked line that lost a line break: "A … (GCP, AWS) - Running …".

    Shape: bullets written as "- item" lines separated by ``<br>`` (SEEK, pasted text),
    where two items ended up on one line. Only for dash-marked lines, and only when both
    sides have three words or more, so "multi-cloud", "on-call", "AWS - EC2" stay whole.
    """
    parts = _RUN_ON_DASH.split(text)
    if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
        return [text]
    return [p.strip() for p in parts]


def clean_text(text: str) -> str:
    """Collapse whitespace (incl. no-break spaces) to single spaces; strip."""
    text = text.replace("\u00ad", "").replace("\ufeff", "")
    return _SPACE.sub(" ", text).strip()


# ---------------------------------------------------------------------------------- html
def html_lines(fragment: str) -> list[Line]:
    """Lines of an HTML fragment (entity-escaped HTML, as Greenhouse sends, is unescaped)."""
    from bs4 import BeautifulSoup

    if "&lt;" in fragment and "<" not in fragment.replace("&lt;", ""):
        fragment = html_lib.unescape(fragment)
    soup = BeautifulSoup(fragment, "lxml")
    walker = _Walker()
    walker.walk(soup.body or soup)
    walker.flush()
    return walker.lines


class _Walker:
    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[str] = []
        self.bold_chars = 0
        self.plain_chars = 0
        self.kind = "para"
        self.list_depth = 0
        self.item_depth = -1
        self.heading_level = 7

    def flush(self) -> bool:
        """End the current line; False when it had no text."""
        text = clean_text("".join(self.parts))
        strong = self.bold_chars > 0 and self.plain_chars == 0
        kind, level = self.kind, max(0, self.item_depth)
        self.parts, self.bold_chars, self.plain_chars = [], 0, 0
        if not text:
            return False
        if kind == "bullet-cont":
            if self.lines and self.lines[-1].kind == "bullet":
                self.lines[-1].text = f"{self.lines[-1].text} {text}"
                self.lines[-1].strong = self.lines[-1].strong and strong
                return True
            kind = "para"
        marker = "li" if kind == "bullet" else ""
        if kind == "para" and BULLET_MARK.match(text) and not re.match(r"^\s*-\d", text):
            stripped = BULLET_MARK.sub("", text, count=1).strip()
            if stripped:
                marker = text[:1]
                kind, text = "bullet", stripped
        rank = self.heading_level if kind == "heading" else 7
        for part in split_run_on_dash_items(text) if marker in DASH_MARKS else [text]:
            self.lines.append(Line(part, kind, strong=strong, level=level, rank=rank,
                                   marker=marker.strip()))
        if self.kind == "bullet":
            self.kind = "bullet-cont"  # more text inside the same <li> belongs to this item
        return True

    def walk(self, node, bold: bool = False) -> None:
        from bs4 import Comment, NavigableString, Tag

        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                text = str(child)
                if text.strip():
                    if bold:
                        self.bold_chars += len(text.strip())
                    else:
                        self.plain_chars += len(text.strip())
                self.parts.append(text)
                continue
            if not isinstance(child, Tag):
                continue
            name = (child.name or "").lower()
            if name in _SKIP_TAGS:
                continue
            if name == "br":
                # "<h2><br/><strong>Title</strong></h2>": a break before any text keeps the
                # heading; one after text ends it (the rest is an ordinary line)
                if self.flush() and self.kind == "heading":
                    self.kind = "para"
                continue
            if name in _BLOCK_TAGS:
                self._block(child, name, bold)
            else:
                self.walk(child, bold or name in _BOLD_TAGS
                          or _style_is_bold(child.get("style")))

    def _block(self, tag, name: str, bold: bool) -> None:
        self.flush()
        previous_kind = self.kind
        if name in ("ul", "ol"):
            self.list_depth += 1
            self.walk(tag, bold)
            self.flush()
            self.list_depth -= 1
            self.kind = previous_kind if previous_kind != "bullet-cont" else "para"
            return
        if name == "li":
            saved_depth = self.item_depth
            self.item_depth = max(0, self.list_depth - 1)
            self.kind = "bullet"
            self.walk(tag, bold)
            self.flush()
            self.item_depth = saved_depth
            self.kind = "para"
            return
        if re.fullmatch(r"h[1-6]", name):
            self.kind = "heading"
            self.heading_level = int(name[1])
            self.walk(tag, bold)
            self.flush()
            self.kind = "para"
            self.heading_level = 7
            return
        inside_item = self.kind in ("bullet", "bullet-cont")
        if not inside_item:
            self.kind = "para"
        self.walk(tag, bold or name in ("dt", "th"))
        self.flush()
        if not inside_item:
            self.kind = "para"
        elif self.kind == "bullet":
            self.kind = "bullet-cont"


def _style_is_bold(style) -> bool:
    return bool(style) and bool(re.search(r"font-weight\s*:\s*(bold|[6-9]00)", str(style)))


# ---------------------------------------------------------------------------------- text
def text_lines(text: str) -> list[Line]:
    """Lines of plain text: bullets by their markers; everything else a paragraph line.

    Wrapped bullets (a bullet's continuation indented and starting in lower case) are joined
    back; blank lines are kept as ``gap_before`` on the next line. A bullet indented two or
    more spaces deeper than the one before it is nested under it (``level`` + 1), as in
    Ashby's ``descriptionPlain`` (" - Group" then "   - item").
    """
    lines: list[Line] = []
    gap = False
    indents: list[int] = []  # indents of the open list levels
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        indent = len(raw) - len(raw.lstrip(" \t"))
        line = clean_text(raw)
        if not line:
            gap = True
            continue
        if BULLET_MARK.match(line) and not re.match(r"^\s*-\d", line):
            body = BULLET_MARK.sub("", line, count=1).strip()
            if body:
                marker = line[:1]
                level = _nesting(indents, indent)
                for part in split_run_on_dash_items(body) if marker in DASH_MARKS else [body]:
                    lines.append(Line(part, "bullet", level=level, gap_before=gap,
                                      marker=marker))
                gap = False
                continue
        previous = lines[-1] if lines else None
        if (previous is not None and previous.kind == "bullet" and not gap and indent >= 2
                and line[:1].islower()):
            previous.text = f"{previous.text} {line}"
            continue
        lines.append(Line(line, "para", gap_before=gap))
        indents.clear()
        gap = False
    return lines


def _nesting(indents: list[int], indent: int) -> int:
    """The list level of a bullet at ``indent`` (updates the stack of open levels)."""
    while indents and indent < indents[-1] - 1:
        indents.pop()
    if not indents or indent >= indents[-1] + 2:
        indents.append(indent)
    return len(indents) - 1
