"""Which lines of an annual report are headings, by how they are set and what follows them.

A heading is set apart from the body text — bold, clearly larger than the text around it,
in capitals and standing apart, or (weakest) an italic title-case line set apart above
running text — and it reads like one: short, starting with a capital or a section number,
not ending like a sentence or mid-phrase ("… called the"), holding no figures, not a
``Label: value`` line, not the cells of a table row (words set apart by wide gaps), not
the header of a table (the lines after a one-word caption are figures), and aligned with
a column of running text or centred. A salutation ("Dear shareholders, …,") addressed to a
group, and a letter's subject line ("Sub: …"), open a part too.

Lines are looked at in reading order (``flat``), with per-page measures: the page's own body
type size (a page set wholly in a larger type has no "larger" headings), where its running
text starts (column edges) and its width.
"""

from __future__ import annotations

import re
from collections import Counter

from .kinds import is_salutation
from .lines import CONNECTORS, amount_count, is_date_row, is_prose, is_table_row
from .pages import Line

__all__ = ["Layout", "MAX_HEADING"]

MAX_HEADING = 110
_MAX_WRAPPED = 150
_SIZE_RATIO = 1.12
_SUBJECT = re.compile(r"^(?:sub|subject|re)\s*[:.]\s*\S", re.I)
_LABEL_VALUE = re.compile(r"^[^:]{1,25}:\s*\S")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[IVX]{1,4}[.)]|\(?[a-z][.)])\s+\S")
_COLUMN_HEADER = re.compile(r"^(?:particulars(?=\s*$|\s+(?!of\b))|s(?:l|r)?\.?\s*no\.?(?:\s|$))",
                            re.I)
_PART = re.compile(r"^(?:item|part|note|appendix|annexure|schedule|section|chapter)\b", re.I)
_GROUP = re.compile(r"shareholder|stakeholder|member|investor|colleague|partner|owner|reader|"
                    r"friend|customer|all\b|everyone", re.I)
_SENTENCE_INSIDE = re.compile(r"[a-z)\]]\.\s+[A-Z]")
_BIG_NUMBER = re.compile(r"\d[\d,.]*[,.]\d|\b\d{5,}\b")


def _caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and sum(map(str.isupper, letters)) / len(letters) > 0.85


def title_case(text: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    return bool(words) and all(w[0].isupper() or w.lower() in CONNECTORS | {"vs", "as", "not"}
                               for w in words)


def opens_letter(text: str) -> bool:
    """A salutation to a group of readers ("Dear Shareholders,"), not to one person
    ("Dear Sir," in a cover letter to the stock exchange)."""
    return is_salutation(text) and bool(_GROUP.search(text))


class Layout:
    """The lines of a report in reading order, with the per-page measures headings need."""

    def __init__(self, flat: list[Line]) -> None:
        self.flat = flat
        self.body = _common_size(flat)
        by_page: dict[int, list[Line]] = {}
        for line in flat:
            by_page.setdefault(line.page, []).append(line)
        self.page_body = {page: _common_size(lines) for page, lines in by_page.items()}
        self.columns: dict[int, list[float]] = {}
        self.span: dict[int, tuple[float, float]] = {}
        for page, lines in by_page.items():
            placed = [ln for ln in lines if ln.placed]
            if placed:
                self.span[page] = (min(ln.x0 for ln in placed), max(ln.x1 for ln in placed))
            starts = Counter(round(ln.x0) for ln in placed if is_prose(ln))
            self.columns[page] = [x for x, n in starts.items() if n >= 2]

    # -- neighbours ------------------------------------------------------------------------

    def same_page(self, i: int, step: int) -> Line | None:
        j = i + step
        if 0 <= j < len(self.flat) and self.flat[j].page == self.flat[i].page:
            return self.flat[j]
        return None

    def stands_apart(self, i: int) -> bool:
        prev, line = self.same_page(i, -1), self.flat[i]
        if prev is None or not (prev.placed and line.placed):
            return True
        return line.top - prev.bottom >= 0.8 * max(1.0, line.bottom - line.top)

    def width(self, page: int) -> float:
        left, right = self.span.get(page, (0.0, 600.0))
        return max(1.0, right - left)

    def big(self, line: Line) -> bool:
        base = max(self.body, self.page_body.get(line.page, 0.0))
        return base > 0 and line.size >= base * _SIZE_RATIO

    def aligned(self, line: Line) -> bool:
        """Starts where running text on its page starts (a column's edge), or is centred."""
        columns = self.columns.get(line.page)
        if not line.placed or not columns:
            return True
        if any(abs(line.x0 - x) <= 8 for x in columns):
            return True
        left, right = self.span[line.page]
        return abs((line.x0 + line.x1) / 2 - (left + right) / 2) <= 0.08 * (right - left)

    # -- headings --------------------------------------------------------------------------

    def style(self, line: Line) -> tuple[int, str] | None:
        """(rank, name) of a line's type when it is set apart: lower ranks are stronger."""
        caps = _caps(line.text)
        if self.big(line):
            return (0 if line.bold else 1), "large"
        if line.bold:
            return (2 if caps else 3), "bold"
        if caps:
            return 4, "caps"
        if line.italic:
            return 5, "italic"
        return None

    def heading(self, i: int, *, in_notice: bool = False) -> tuple[int, str] | None:
        """The style of line ``i`` when it reads as a heading, else None."""
        line = self.flat[i]
        text = line.text.strip()
        if opens_letter(text):
            return 1, "salutation"
        if _SUBJECT.match(text) and len(text) <= 200:
            return 1, "subject"
        if not self._reads_like_heading(i, text):
            return None
        style = self.style(line)
        if style is None:
            return None
        words = text.split()
        if text.endswith(".") and not (line.bold and len(words) <= 16 and title_case(text)):
            return None
        if _NUMBERED.match(text) and (len(text) > 80 or in_notice):
            return None  # a numbered item: a resolution, a list entry, a form's row
        if style[1] == "caps" and (len(words) > 8 or not self.stands_apart(i)):
            return None
        if style[1] == "italic" and (len(words) > 10 or not title_case(text) or text.endswith(".")
                                     or not self.stands_apart(i) or not self._prose_follows(i)):
            return None  # an italic line heads only running text, set apart above it
        if _cells(line) or not self.aligned(line) or self._goes_on_from_above(i):
            return None
        if len(words) == 1 and self._heads_a_table(i):
            return None
        if self.wraps(i) and len(text) + len(self.flat[i + 1].text) > _MAX_WRAPPED:
            return None  # a bold sentence over two lines, not a heading
        return style

    def _goes_on_from_above(self, i: int) -> bool:
        """The line right above, set the same way, does not end: this is its second line
        ("3. Change in designation of … from Non Executive Director" / "Independent
        Director")."""
        prev, line = self.same_page(i, -1), self.flat[i]
        if prev is None or prev.bold != line.bold or abs(prev.size - line.size) > 0.3:
            return False
        if self.stands_apart(i) or prev.text.rstrip().endswith((".", ":", ";", "!", "?")):
            return False
        return self.style(prev) is not None and not self.wraps(i - 1) or \
            _NUMBERED.match(prev.text) is not None

    def _reads_like_heading(self, i: int, text: str) -> bool:
        letters = sum(map(str.isalpha, text))
        if len(text) > MAX_HEADING or letters < 3 or not (text[0].isupper() or text[0].isdigit()):
            return False
        if re.match(r"^\d+\s*,", text):
            return False  # "95, Park Street": an address, not a section number
        if _COLUMN_HEADER.match(text):
            return False  # "Particulars …", "Sl. No. …": the first column of a table
        if text.endswith((",", ";", ":")) or is_date_row(text) or _BIG_NUMBER.search(text):
            return False
        if amount_count(re.sub(r"\([^)]*\)", "", text)) and not _PART.match(text):
            return False
        if _LABEL_VALUE.match(text) and not _PART.match(text) and \
                len(text.split(":", 1)[0].split()) <= 2:
            return False  # "Place: Kolkata", "Date: 05.08.2019"
        if _SENTENCE_INSIDE.search(text) and not _PART.match(text):
            return False  # "Company). Secretarial Audit was conducted …"
        last = text.split()[-1].lower()
        if last in CONNECTORS and not self.wraps(i):
            return False  # stops mid-phrase: running text
        nxt = self.same_page(i, 1)
        if len(text.split()) < 8:
            return True  # a short title over a lower-case subtitle ("for the year ended …")
        return nxt is None or not nxt.text[:1].islower() or self.wraps(i)

    def _prose_follows(self, i: int) -> bool:
        nxt = self.same_page(i, 1)
        return nxt is not None and is_prose(nxt)

    def _heads_a_table(self, i: int) -> bool:
        """The first line after it that is not itself a short styled line is figures."""
        for step in (1, 2, 3):
            nxt = self.same_page(i, step)
            if nxt is None:
                return False
            text = nxt.text.strip()
            if is_table_row(text) or is_date_row(text) or \
                    re.match(r"^\((?:in|amount|rs|₹|\$|€)", text, re.I):
                return True
            if is_prose(text) or len(text) > 60:
                return False
            if not (nxt.bold or _caps(text) or self.big(nxt)):
                return False
        return False

    def wraps(self, i: int) -> bool:
        """Line ``i`` is a heading whose words go on in the next line, set the same way."""
        line, nxt = self.flat[i], self.same_page(i, 1)
        if nxt is None or not (line.placed and nxt.placed) or nxt.bold != line.bold:
            return False
        if abs(nxt.size - line.size) > 0.3 or is_salutation(nxt.text) or amount_count(nxt.text):
            return False
        if nxt.top - line.bottom > 0.8 * max(1.0, line.bottom - line.top):
            return False
        last_word = line.text.split()[-1].lower() if line.text.split() else ""
        merged = len(line.text) + len(nxt.text) + 1
        return merged <= 2 * MAX_HEADING and (
            last_word in CONNECTORS or nxt.text[:1].islower()
            or (nxt.text.endswith(".") and line.bold and title_case(nxt.text))
            or (line.x1 - line.x0) >= 0.55 * self.width(line.page))


def _common_size(lines: list[Line]) -> float:
    sizes: Counter = Counter()
    for line in lines:
        if line.size:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _cells(line: Line) -> bool:
    """Words set apart by wide gaps, some of them single words: the cells of a table row
    ("Sl. No.   Name   Chairman/ Members"), not a heading. Two headings side by side
    ("2022 Smoke-Free Highlights   2022 Financial Highlights") are kept."""
    if len(line.tokens) < 2:
        return False
    height = max(1.0, line.bottom - line.top)
    parts: list[list[str]] = [[line.tokens[0].text]]
    for before, token in zip(line.tokens, line.tokens[1:]):
        if token.x0 - before.x1 > 2.5 * height:
            parts.append([])
        parts[-1].append(token.text)
    return len(parts) > 1 and any(len(part) < 2 for part in parts)
