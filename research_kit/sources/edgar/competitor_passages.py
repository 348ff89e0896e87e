"""Every sentence of Items 1, 1A and 7 with where it sits: the units competitors are read from.

What each unit carries (:class:`~.competitor_names.Context`) decides which of its lists
count:

* **Competition sections** of any heading style open at a heading that speaks of
  competition — a short paragraph set in bold or alone on its line ("Competition",
  "COMPETITION AND SEASONALITY", "Competition in Data Center Segment", "Competitive
  Conditions"), or a run-in heading ("COMPETITION – There is …", "Competition. Our …",
  a bold opening) — and run to the next heading that does not (unless the paragraph after
  that heading still speaks of competition), to an ALL-CAPS run-in heading of another
  topic, or after 20,000 characters;
* **around**: the paragraph, or the heading right above it (a risk factor "We face intense
  competition …"), speaks of competition;
* **bullets** under a lead-in that ends with ":" and names competitors ("Our current
  competitors include:") — marked with "•", in separate HTML blocks, or unmarked list
  items (short paragraphs) — start their list at once;
* **tables of competitors**: a table row whose cell says "Competitors" / "Competition"
  makes the same column of the rows below a list of competitors (one unit per row,
  quoted as the row);
* sentences are whitespace-normalised, so a name split across HTML lines is whole again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .competitor_names import Context, has_cue, sentences
from .headings import page_furniture
from .item_paragraphs import Headings, is_running_header, paragraphs
from .sections import AnnualReport

__all__ = ["Unit", "competitor_units", "COMPETITION_HEADING", "ITEMS"]

ITEMS = ("1", "1A", "7")
COMPETITION_HEADING = re.compile(
    r"^\W{0,3}(?:[\w,&-]+\s+){0,4}?(?:competition|competitors|competitive\s+(?:environment|"
    r"landscape|conditions?|position|factors|pressures?|overview))\b[^.]{0,60}$", re.I)
COMPETITION_TITLE = re.compile(
    r"^\W{0,3}(?:(?:our\s+)?competition|competitive\s+(?:environment|landscape|conditions|"
    r"position|factors)|competitors|market\s+competition)\b[^.]{0,50}$", re.I)
"""A title of a Competition part ("Competition", "COMPETITION", "Competition in Client
Segment") — stricter than COMPETITION_HEADING, which also opens a section at a lead-in
("Our current competitors include")."""
_ALLCAPS_RUN_IN = re.compile(r"^([A-Z][A-Z0-9 &,'\u2019/-]{3,60}?)\s*(?:[.:]|\s[\u2013\u2014-])\s+\S")
_TITLED_RUN_IN = re.compile(r"^((?:Our\s+)?Competition|Competitors|Competitive\s+[A-Z]\w+)"
                            r"\s*[.:\u2013\u2014]\s+\S")
_BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u25e6\u2023\u2043\u25a0\u25a1\u00b7*\u2013\u2014-]|"
                     r"\(?[a-z0-9]{1,3}[.)])\s*")
_INLINE_BULLET = re.compile(r"\s*[\u2022\u25cf\u25aa\u25e6\u25a0]\s*")
_TABLE_HEADER = re.compile(r"^(?:[\w-]+\s+){0,2}(?:competition|(?:competitors?|competing\s+(?:companies|"
                           r"products|brands))(?:\s+[\w-]+){0,2})\W*$", re.I)
# a lead-in whose bullets are competitors: "Our current competitors include:", "We compete with:"
_LEAD_IN = re.compile(r"\b(?:competitors?|rivals?)\b[^.:;]{0,80}\b(?:include|includes|are|is|such\s+as|"
                      r"consist\s+of|comprise|following)\b[^.:;]{0,40}:$|\b(?:competitors?|rivals?):$|"
                      r"\bcompet\w*\s+(?:\w+\s+){0,4}?(?:with|against|from)\b[^.:;]{0,60}:$", re.I)
_NAMES_COMPETITORS = re.compile(r"\b(?:competitors|rivals|competing\s+companies)\b", re.I)
_FURNITURE = re.compile(r"\bTable\s+of\s+Contents\b", re.I)
_SECTION_LIMIT = 20_000
_ITEM_LIMIT = 40


@dataclass(frozen=True)
class Unit:
    """One sentence (or table row) of a 10-K item, verbatim, and where it sits."""

    text: str
    """The sentence, whitespace-normalised (for a table row: the competitors' cell)."""
    quote: str
    """What to quote: the sentence, or the whole table row (its cells joined by " | ")."""
    item: str
    section: str | None
    """The Competition heading (or the competition heading above) it sits under."""
    context: Context
    offset: int
    """Offset of its paragraph in the report's text."""


class _Walker:
    def __init__(self, report: AnnualReport, item: str) -> None:
        self.report, self.item = report, item
        self.headings = Headings(report)
        self.section: str | None = None
        self.section_size = 0
        self.heading: str | None = None
        self.heading_cue = False
        self.lead_in = 0
        self.table: tuple[int, int] | None = None  # (competitor column, header cells)

    def run_in(self, start: int, text: str) -> str | None:
        """The run-in heading a paragraph opens with, if any."""
        for pattern in (_TITLED_RUN_IN, _ALLCAPS_RUN_IN):
            match = pattern.match(text)
            if match:
                return match.group(1).strip()
        length = self.headings.opening(start)
        if 3 < length < 0.9 * len(text) and length <= 80:
            return text[:length].strip().rstrip(".:\u2013\u2014- ")
        return None

    def open_heading(self, title: str, following: str) -> None:
        flat = " ".join(title.split())
        if COMPETITION_HEADING.match(flat) and len(flat) <= 90:
            self.section, self.section_size = flat.strip(" .:"), 0
        elif self.section is not None and not has_cue(following[:600]):
            self.section = None
        self.heading = flat if len(flat) <= 300 else None
        self.heading_cue = has_cue(flat)
        self.lead_in = _ITEM_LIMIT if _LEAD_IN.search(flat) else 0

    def units(self, paragraphs_: list[tuple[int, int, str]]) -> Iterator[Unit]:
        paragraphs_ = [block for paragraph in paragraphs_ for block in _blocks(*paragraph)]
        for index, (start, _end, raw) in enumerate(paragraphs_):
            if page_furniture(raw) or is_running_header(raw):
                continue
            if "\t" in raw:
                yield from self.table_row(start, raw)
                if self.table is not None:
                    continue
                raw = raw.replace("\t", " ")
            else:
                self.table = None
            flat = " ".join(_FURNITURE.sub(" ", raw).split())
            if not flat:
                continue
            bullet = _BULLET.match(flat) is not None
            listing = (self.lead_in > 0 or (self.section is not None and _NAMES_COMPETITORS.search(
                self.section) is not None)) and not self.headings.emphasised(start, raw)
            if self.headings.is_heading(start, raw) and not bullet and not listing:
                following = next((p[2] for p in paragraphs_[index + 1:index + 4]
                                  if not page_furniture(p[2]) and not is_running_header(p[2])), "")
                self.open_heading(flat, " ".join(following.split()))
                if len(flat) > 60:  # a risk factor heading is a sentence and may list names
                    yield from self.sentences_of(flat, start, around=True, lead_in=False)
                continue
            run_in = None if bullet else self.run_in(start, flat)
            if run_in is not None:
                if COMPETITION_HEADING.match(run_in) or _TITLED_RUN_IN.match(flat):
                    self.section, self.section_size = run_in, 0
                elif self.section is not None and _ALLCAPS_RUN_IN.match(flat):
                    self.section = None
                self.heading, self.heading_cue = run_in, has_cue(run_in)
            if self.section is not None:
                self.section_size += len(flat)
                if self.section_size > _SECTION_LIMIT:
                    self.section = None
            lead_in = self.lead_in > 0 and (bullet or len(flat) <= 400)
            self.lead_in = self.lead_in - 1 if lead_in else 0
            short_item = False
            if (self.section is not None and not lead_in and len(flat.split()) <= 12
                    and not has_cue(flat) and not flat.endswith(":")):
                # "• Acme Corp." under "Principal Competitors" (or any Competition heading,
                # where a short item may also be a competitive factor: "• Price")
                lead_in = _NAMES_COMPETITORS.search(self.section) is not None
                short_item = not lead_in
            around = self.heading_cue or has_cue(flat)
            if self.section is None and not (around or lead_in):
                continue  # nothing here can name a competitor: no need to read it
            yield from self.sentences_of(flat, start, around=around, lead_in=lead_in,
                                         short_item=short_item)
            if _LEAD_IN.search(sentences(flat)[-1] if flat else ""):
                self.lead_in = _ITEM_LIMIT  # "Our current competitors include:"

    def sentences_of(self, flat: str, start: int, *, around: bool, lead_in: bool,
                     short_item: bool = False) -> Iterator[Unit]:
        in_section = self.section is not None
        label = self.section if in_section else (self.heading if self.heading_cue else None)
        chunks = _INLINE_BULLET.split(flat)
        for number, chunk in enumerate(chunks):
            chunk = _BULLET.sub("", chunk, count=1) if number == 0 else chunk
            previous_cue = False
            parts = sentences(chunk)
            # "•General Purpose Payments Networks. We compete …": a bullet's run-in title
            titled = len(parts) > 1 and len(parts[0].split()) <= 10
            for position, sentence in enumerate(parts):
                context = Context(in_section=in_section, around=around,
                                  lead_in=lead_in and position == 0 and not titled,
                                  after_cue=previous_cue, short_item=short_item)
                yield Unit(sentence, sentence, self.item, label, context, start)
                previous_cue = _speaks_of_competitors(sentence)
            # "Competitors include: • A • B" in one paragraph: the bullets start their lists
            lead_in = lead_in or (number + 1 < len(chunks) and _LEAD_IN.search(chunk.rstrip()) is not None)

    def table_row(self, start: int, raw: str) -> Iterator[Unit]:
        cells = [c.strip() for c in raw.replace("\n", "\t").split("\t") if c.strip()]
        header = next((k for k, c in enumerate(cells) if len(c) <= 60 and _TABLE_HEADER.search(c)
                       and not re.search(r"\d", c)), None)
        if header is not None:
            self.table = (header, len(cells))
            return
        if self.table is None and self.lead_in > 0 and len(cells) >= 2:
            self.table = (len(cells) - 1, len(cells))  # "Our competitors by segment are:" + a table
        if self.table is None:
            return
        column, width = self.table
        if len(cells) == width:
            cell = cells[column]
        elif column == width - 1 and len(cells) >= 2:
            cell = cells[-1]
        else:
            return
        context = Context(in_section=True, around=True, lead_in=True)
        label = self.section or "table of competitors"
        yield Unit(" ".join(cell.split()), " | ".join(cells), self.item, label, context, start)


_HEADING_WORD = r"(?:[A-Z][A-Za-z&'\u2019-]*|and|of|the|in|for|to|&)"
_LINE_HEADING = re.compile(rf"^{_HEADING_WORD}(?:\s+{_HEADING_WORD}){{0,6}}$")


def _blocks(start: int, end: int, raw: str) -> list[tuple[int, int, str]]:
    """A paragraph cut at the heading lines inside it: text from a PDF, or an HTML paragraph
    broken by <br>, keeps its headings ("Competition") on lines of their own within one
    block. A heading line is short, title-cased or capitalised, follows a line that ends
    a sentence, and is followed by a line that begins with a capital."""
    lines = raw.split("\n")
    if len(lines) < 3:
        return [(start, end, raw)]
    blocks: list[tuple[int, int, str]] = []
    offset, block_start = start, start
    current: list[str] = []
    for index, line in enumerate(lines):
        text = line.strip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        previous = current[-1].rstrip() if current else ""
        heading = (3 <= len(text) <= 60 and _LINE_HEADING.match(text) is not None
                   and (not previous or previous.endswith((".", ":", ";", "!", "?", ")", "\u201d")))
                   and following[:1].isupper())
        if heading:
            if current:
                blocks.append((block_start, offset - 1, "\n".join(current)))
            blocks.append((offset, offset + len(line), line))
            current, block_start = [], offset + len(line) + 1
        else:
            if not current:
                block_start = offset
            current.append(line)
        offset += len(line) + 1
    if current:
        blocks.append((block_start, end, "\n".join(current)))
    return blocks


_COMPETE_IN_TEXT = re.compile(r"\b(?:compete[sd]?|competing|competitions?|competitors?|rivals?)\b",
                              re.I)


def _speaks_of_competitors(sentence: str) -> bool:
    return _COMPETE_IN_TEXT.search(sentence) is not None


def competitor_units(report: AnnualReport) -> Iterator[Unit]:
    """The sentences and table rows of Items 1, 1A and 7 (those with text of their own)."""
    for key in ITEMS:
        item = report.item(key)
        if item is None or item.status not in ("ok", "suspicious") or item.body_start < 0:
            continue
        walker = _Walker(report, key)
        yield from walker.units(list(paragraphs(report.text, item.body_start, item.end)))
