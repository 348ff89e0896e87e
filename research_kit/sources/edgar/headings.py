"""Find the Item headings of a 10-K's body — not its table of contents, not page headers.

Every line that starts with "Item N" is a *candidate*. A 10-K repeats its headings several
times: in the table of contents (often twice: a full one and a per-Part one), as running
page headers ("PART II Item 7" on every page of MD&A), in cross-reference indexes. The body
headings are chosen as the best *chain*: candidates in document order whose item numbers
strictly increase, scored by

* coverage — every item in the chain counts;
* evidence — the title matches the item ("Item 1A. Risk Factors"): strong; a bare "Item 7"
  with its title on the next line: nearly as strong; an unrelated title: weak;
* table-of-contents look — a page number at the end of the line, or a run of headings with
  almost nothing between them: heavily penalised;
* swallowing — a chosen item whose text would contain a strong heading of *another* item
  is penalised per heading swallowed (this is what makes a table-of-contents entry a bad
  start: its text would swallow the whole contents list and more);
* a small reward for the logarithm of each item's length, which breaks ties in favour of
  the body (long) over a cross-reference list (short).

Dynamic programming finds the best chain in O(n²) for n candidates (n is a few hundred at
most). No rule depends on a company or a filing agent's layout.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass

from .item_titles import ItemScheme, item_rank

__all__ = ["Heading", "find_candidates", "select_body_headings", "signature_offsets",
           "part_heading", "page_furniture"]

_ITEM_LINE = re.compile(r"""
    ^(?P<lead>[^\w\n]{0,8}(?:PART\s+(?:IV|I{1,3})\b[^\w\n]{0,8})?)
    (?P<word>ITEMS?)[\s\xa0]*
    (?P<num>\d{1,2}[A-D]?)(?![A-Za-z0-9])
    (?:\s*\(\s*T\s*\))?
    (?P<more>(?:\s*(?:,|and|&|through|to|-|\u2013)\s*\d{1,2}[A-D]?(?![A-Za-z0-9]))*)
    [ \t]*(?P<sep>[.:\-\u2013\u2014]+|\t)?[ \t]*
    (?P<title>[^\n]*)$""", re.I | re.X)
_PAGE_AT_END = re.compile(
    r"(?:\t|\s{2,}|\.{2,}|\s)[\s.]*(?:\d{1,3}|[A-Z]-\d{1,3}|[ivx]{1,4})"
    r"(?:\s*(?:-|\u2013|to|through)\s*\d{1,3})?\s*$")
_PAGE_ONLY = re.compile(
    r"^\s*(?:page\s*)?(?:[-\u2013]\s*)?(?:\d{1,3}|[A-Z]-\d{1,3}|[ivx]{1,4}|\(\d{1,3}\))"
    r"(?:\s*[-\u2013])?\s*$", re.I)
_PART_LINE = re.compile(r"^\s*PART\s+(?:IV|I{1,3})\b[^\n]{0,80}$", re.I)
_SIGNATURES = re.compile(r"^[ \t]*SIGNATURES?[ \t]*[.:]?[ \t]*$", re.I | re.M)
_FURNITURE = re.compile(
    r"^\s*(?:(?:back\s+to\s+)?table\s+of\s+contents|index|contents|\(?continued\)?"
    r"|index\s+to\s+(?:consolidated\s+)?financial\s+statements)\s*$", re.I)
# running page footers: "Apple Inc. | 2024 Form 10-K | 17", "45 MASTERCARD 2024 FORM 10-K"
_FOOTER = re.compile(r"^(?:.{0,60}\b10-K\b.{0,30}\b\d{1,3}|\d{1,3}\b.{0,60}\b10-K)\s*$", re.I)
_RESERVED = re.compile(r"reserved|removed", re.I)
_CONNECTOR_END = re.compile(r"(?:\b(?:and|of|for|in|on|the|to|or|with|about)|,)\s*$", re.I)

# scores (see module docstring)
_PER_ITEM = 10.0
_STRONG = 4.0
_BARE_STRONG = 3.0
_WEAK = -2.0
_TOC = -12.0
_SWALLOW = 6.0
_LENGTH = 0.25
_TOC_RUN_GAP = 60        # non-space characters between headings of a contents list
_TOC_RUN_MIN = 3


@dataclass
class Heading:
    """One "Item N" heading candidate."""

    item: str
    covers: tuple[str, ...]
    """Items this heading opens ("Items 1 and 2. Business and Properties" covers 1 and 2)."""
    line_start: int
    item_start: int
    body_start: int
    title: str
    strong: bool
    bare: bool
    toc_like: bool

    @property
    def rank(self) -> int:
        return item_rank(self.item)

    @property
    def last_rank(self) -> int:
        return item_rank(self.covers[-1])

    @property
    def weight(self) -> float:
        evidence = (_BARE_STRONG if self.bare else _STRONG) if self.strong else _WEAK
        return _PER_ITEM * len(self.covers) + evidence + (_TOC if self.toc_like else 0.0)


def _lines_with_offsets(text: str) -> tuple[list[str], list[int]]:
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    return lines, offsets


def _strip_page_number(title: str) -> tuple[str, bool]:
    match = _PAGE_AT_END.search(title)
    if match and match.start() > 0 and re.search(r"[A-Za-z]", title[:match.start()]):
        return title[:match.start()].rstrip(" .\t"), True
    return title, False


def _item_keys(num: str, more: str, scheme: ItemScheme) -> tuple[str, ...] | None:
    key = re.sub(r"\s+", "", num).upper()
    if not scheme.knows(key):
        return None
    keys = [key]
    for extra in re.findall(r"\d{1,2}[A-D]?", more or "", re.I):
        extra = extra.upper()
        if scheme.knows(extra) and item_rank(extra) > item_rank(keys[-1]):
            keys.append(extra)
    return tuple(keys)


def _run_in_title(title: str) -> tuple[str, int]:
    """Title of a heading followed on the same line by text: cut at the first sentence end."""
    match = re.search(r"[.:]\s+(?=[A-Z(\"\u201c])", title[:220])
    cut = match.end() if match else min(len(title), 120)
    return title[:cut].strip(" .:"), cut


def find_candidates(text: str, scheme: ItemScheme) -> list[Heading]:
    """Every line of ``text`` that reads like an "Item N" heading, in document order."""
    lines, offsets = _lines_with_offsets(text)
    found: list[Heading] = []

    def next_nonblank(i: int, limit: int = 3) -> int | None:
        for j in range(i + 1, min(len(lines), i + 1 + limit)):
            if lines[j].strip():
                return j
        return None

    for i, line in enumerate(lines):
        if "tem" not in line[:60] and "TEM" not in line[:60]:
            continue
        match = _ITEM_LINE.match(line)
        if not match:
            continue
        keys = _item_keys(match.group("num"), match.group("more"), scheme)
        if keys is None:
            continue
        key = keys[0]
        raw_title = match.group("title").strip()
        line_end = offsets[i] + len(line)
        bare = toc = False
        last_line = i
        if raw_title:
            title, toc = _strip_page_number(raw_title)
            strong = scheme.title_matches(key, title)
            if not strong and not match.group("sep"):
                continue  # "Item 7 of this report …": a cross-reference, not a heading
            body_start = line_end
            if len(title) > 200:  # heading run into its first sentence
                title, cut = _run_in_title(title)
                body_start = offsets[i] + match.start("title") + cut
            else:
                # plain-text titles wrap: "… FINANCIAL CONDITION AND\n   RESULTS OF OPERATIONS"
                while last_line + 1 < len(lines) and last_line - i < 2 and not toc:
                    nxt = lines[last_line + 1].strip()
                    if (not nxt or len(nxt) > 90 or _ITEM_LINE.match(nxt)
                            or title.endswith((".", ":"))):
                        break
                    if not (_CONNECTOR_END.search(title)
                            or (title.isupper() and nxt.isupper() and len(title) > 30)):
                        break
                    title = f"{title} {nxt}".strip()
                    last_line += 1
                    title, toc = _strip_page_number(title)
                    body_start = offsets[last_line] + len(lines[last_line])
        else:
            j = next_nonblank(i)
            nxt = lines[j].strip() if j is not None else ""
            if (j is not None and len(nxt) <= 200 and not _ITEM_LINE.match(nxt)
                    and scheme.title_matches(key, nxt)):
                title, toc = _strip_page_number(nxt)
                strong = bare = True
                last_line = j
                body_start = offsets[j] + len(lines[j])
            elif match.group("sep") and not scheme.titles:
                title, strong, body_start = "", False, line_end
            else:
                continue  # a bare running header ("PART II Item 7") or a stray reference
        if not toc and title:
            k = next_nonblank(last_line, 2)
            toc = k is not None and bool(_PAGE_ONLY.match(lines[k]))
        found.append(Heading(item=key, covers=keys, line_start=offsets[i],
                             item_start=offsets[i] + match.start("word"),
                             body_start=min(body_start, len(text)), title=title.strip(),
                             strong=strong, bare=bare, toc_like=toc))
    _mark_contents_runs(text, found)
    return found


def _mark_contents_runs(text: str, found: list[Heading]) -> None:
    """Table-of-contents entries without page numbers: a heading with nothing at all under it
    before the next item's heading (unless it says "[Reserved]"), and any run of ≥3
    headings in increasing order with almost nothing between them."""
    run: list[Heading] = []
    for heading, following in zip(found, found[1:] + [None]):
        run.append(heading)
        gap = (_non_space(text, heading.body_start, following.line_start)
               if following is not None and following.rank > heading.rank else None)
        if gap == 0 and not _RESERVED.search(heading.title):
            heading.toc_like = True
        if gap is None or gap >= _TOC_RUN_GAP:
            if len(run) >= _TOC_RUN_MIN:
                for member in run:
                    member.toc_like = True
            run = []


def _non_space(text: str, start: int, end: int) -> int:
    """Characters of real content between two offsets (page furniture lines don't count)."""
    if end <= start:
        return 0
    return sum(len(line.strip()) for line in text[start:end].split("\n")
               if not page_furniture(line))


def signature_offsets(text: str) -> list[int]:
    return [m.start() for m in _SIGNATURES.finditer(text)]


def select_body_headings(candidates: list[Heading], text_length: int,
                         signatures: list[int]) -> list[Heading]:
    """The best increasing chain of candidates (see module docstring)."""
    n = len(candidates)
    if n == 0:
        return []
    counts = [1 if c.strong and not c.toc_like else 0 for c in candidates]
    prefix = [0]
    for count in counts:
        prefix.append(prefix[-1] + count)
    same_prefix: dict[str, list[int]] = {}
    for item in {c.item for c in candidates}:
        acc, row = 0, [0]
        for c, count in zip(candidates, counts):
            acc += count if c.item == item else 0
            row.append(acc)
        same_prefix[item] = row
    starts = [c.line_start for c in candidates]

    def swallowed(i: int, j: int) -> int:
        """Strong headings of other items strictly between candidates i and j (j may be n)."""
        own = same_prefix[candidates[i].item]
        return (prefix[j] - prefix[i + 1]) - (own[j] - own[i + 1])

    def segment(i: int, end_index: int, end_offset: int) -> float:
        length = max(0, end_offset - candidates[i].body_start)
        return -_SWALLOW * swallowed(i, end_index) + _LENGTH * math.log1p(length)

    best = [0.0] * n
    back = [-1] * n
    ranks = [c.rank for c in candidates]  # item_rank parses the item: once per candidate
    last_ranks = [c.last_rank for c in candidates]
    for j in range(n):
        score, came_from = 0.0, -1  # or start a new chain here
        rank_j = ranks[j]
        for i in range(j):
            if last_ranks[i] >= rank_j:
                continue
            value = best[i] + segment(i, j, candidates[j].line_start)
            if value > score:
                score, came_from = value, i
        best[j] = candidates[j].weight + score
        back[j] = came_from

    final_score, last = None, -1
    for j in range(n):
        end = _end_of_last(candidates[j], signatures, text_length)
        end_index = bisect_right(starts, end - 1)
        value = best[j] + segment(j, max(end_index, j + 1), end)
        if final_score is None or value > final_score:
            final_score, last = value, j
    chain = []
    while last != -1:
        chain.append(candidates[last])
        last = back[last]
    return chain[::-1]


def _end_of_last(heading: Heading, signatures: list[int], text_length: int) -> int:
    index = bisect_right(signatures, heading.body_start)
    return signatures[index] if index < len(signatures) else text_length


def part_heading(line: str) -> bool:
    return bool(_PART_LINE.match(line)) and len(line.strip()) <= 90


def page_furniture(line: str) -> bool:
    """Page numbers and footers, "Table of Contents" links, PART headings between items."""
    stripped = line.strip()
    return (not stripped or bool(_PAGE_ONLY.match(stripped)) or bool(_FURNITURE.match(stripped))
            or part_heading(stripped) or (len(stripped) <= 90 and bool(_FOOTER.match(stripped))))


def part_of(line: str) -> str | None:
    """"III" for a "PART III …" heading line, else None."""
    match = re.match(r"^\s*PART\s+(IV|I{1,3})\b", line, re.I)
    return match.group(1).upper() if match and part_heading(line) else None
