"""The running text of an annual report, rebuilt into paragraphs from wrapped PDF lines.

A PDF holds lines, not paragraphs. A new paragraph starts where the vertical gap above a
line is wider than line spacing, where a bullet or a list number starts a line after a
finished sentence, or after a page break that ends a sentence. Table rows and lines of
figures are left out (they are not prose). Words broken at a line end are joined — without
the hyphen when the report uses the whole word elsewhere ("employ- ment"), with it when it
does not ("non- specialist" → "non-specialist").

:func:`report_passages` turns the paragraphs of the letter, strategy, review, people,
market, outlook and risk sections into the passages table of the company-source contract,
leaving out compliance boilerplate (statute citations, forward-looking-statement notices).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...provenance import table_from_rows
from ..company import PASSAGE_COLUMNS
from .kinds import PROSE_KINDS
from .lines import is_date_row, is_table_row
from .pages import Line
from .sections import PdfSection

if TYPE_CHECKING:
    import pandas as pd

    from .report import PdfAnnualReport

__all__ = ["Paragraph", "paragraphs", "report_passages", "BOILERPLATE"]

_BULLET = re.compile(r"^(?:[•·▪◦●■□➢➤✓\-–]\s*|\(?[a-z]\)\s+|\(?[ivx]{1,4}\)\s+|\d{1,2}[.)]\s+)")
_SENTENCE_END = (".", "!", "?", ":", ";", "”", "\"", ")")
BOILERPLATE = re.compile(
    r"\b(?:section|regulation|rule|schedule|clause)\s+\d+|\bcompanies\s+act\b|"
    r"\blisting\s+(?:obligations|regulations)\b|forward[- ]looking\s+statements?|safe\s+harbor|"
    r"incorporated\s+(?:herein\s+)?by\s+reference|should\s+be\s+read\s+in\s+conjunction|"
    r"please\s+refer\s+to|see\s+note\s+\d|refer\s+to\s+(?:note|item)|the\s+following\s+table|"
    r"table\s+of\s+contents", re.I)
_MIN_CHARS = 60
_MAX_PER_SECTION = 60


@dataclass
class Paragraph:
    text: str
    page: int
    section: PdfSection
    bullet: bool = False


def paragraphs(section: PdfSection, words: set[str] | None = None) -> list[Paragraph]:
    """The section's prose, paragraph by paragraph, verbatim (whitespace folded)."""
    words = words or set()
    out: list[Paragraph] = []
    current: list[Line] = []
    pitch = _line_pitch(section.lines)

    def flush() -> None:
        if current:
            text = _joined(current, words)
            bullet = bool(_BULLET.match(current[0].text))
            if len(text) >= _MIN_CHARS or (bullet and len(text) >= 30 and text.endswith(".")):
                out.append(Paragraph(text, current[0].page, section, bullet))
            current.clear()

    previous: Line | None = None
    body = _common_size(section.lines)
    for line in section.lines:
        text = line.text.strip()
        if _footnote(line, body) or _interrupts(previous, line, body):
            continue  # a footnote or caption set small: the sentence goes on after it
        closes = previous is not None and not previous.text.rstrip().endswith(
            _SENTENCE_END) and text.endswith((".", ";", ","))
        if not text or ((is_table_row(text) or is_date_row(text)
                         or sum(map(str.isalpha, text)) < 2) and not closes):
            flush()  # a table row, not prose ("April 30, 2024." closing a sentence is prose)
            previous = None
            continue
        if previous is not None and _breaks(previous, line, pitch.get(line.page)):
            flush()
        current.append(line)
        previous = line
    flush()
    return out


def _common_size(lines: list[Line]) -> float:
    sizes: dict[float, int] = {}
    for line in lines:
        if line.size:
            sizes[line.size] = sizes.get(line.size, 0) + len(line.text)
    return max(sizes, key=lambda k: sizes[k]) if sizes else 0.0


def _footnote(line: Line, body: float) -> bool:
    """Set clearly smaller than the text and marked as a note ("(1) References to …", "*")."""
    return bool(body and line.size and line.size < 0.9 * body
                and re.match(r"^(?:\(\d{1,2}\)|\d{1,2}\s|\*|†)", line.text.strip()))


def _interrupts(previous: Line | None, line: Line, body: float) -> bool:
    """A line out of the flow in the middle of an unfinished sentence: set small (a
    footnote), or short and higher up the page than the sentence (a photo caption)."""
    if previous is None or previous.text.rstrip().endswith(_SENTENCE_END):
        return False
    small = bool(body and line.size and previous.size and line.size < 0.9 * body <= previous.size)
    caption = (line.page == previous.page and bool(line.baseline and previous.baseline)
               and line.baseline < previous.baseline - 2 and len(line.text) < 45
               and line.text[:1].isupper())
    return small or caption


def _line_pitch(lines: list[Line]) -> dict[int, float]:
    """Per page, the usual distance between the baselines of consecutive lines of text."""
    steps: dict[int, list[float]] = {}
    for before, line in zip(lines, lines[1:]):
        if before.page == line.page and before.baseline and line.baseline:
            step = line.baseline - before.baseline
            if 0 < step < 4 * max(1.0, line.bottom - line.top):
                steps.setdefault(line.page, []).append(step)
    return {page: sorted(v)[len(v) // 2] for page, v in steps.items() if len(v) >= 3}


def _breaks(previous: Line, line: Line, pitch: float | None) -> bool:
    """Whether ``line`` starts a new paragraph after ``previous``."""
    ended = previous.text.rstrip().endswith(_SENTENCE_END)
    if line.page != previous.page:
        return ended
    if not ended and line.text[:1].islower():
        return False  # the sentence goes on, whatever the gap
    if _BULLET.match(line.text) and (ended or _BULLET.match(previous.text) is None):
        return True
    if line.baseline and previous.baseline:
        step = line.baseline - previous.baseline
        if step < -2 or (pitch and step > 1.3 * pitch):
            return True  # a wider gap than between lines, or a new column
        if ended and abs(line.x0 - previous.x0) > 40 and not _BULLET.match(previous.text):
            return True
        if ended and line.x0 - previous.x0 > 6 and not _BULLET.match(previous.text):
            return True  # the first line of a paragraph is indented
    return False


def _joined(lines: list[Line], words: set[str]) -> str:
    text = lines[0].text.strip()
    for line in lines[1:]:
        nxt = line.text.strip()
        if text.endswith("\u00ad") or (text.endswith("-") and nxt[:1].islower()
                                        and re.search(r"[A-Za-z]-$", text)):
            text = _dehyphenate(text.rstrip("\u00ad-"), nxt, words)
        else:
            text = f"{text} {nxt}"
    text = re.sub(r"(\w)\u00ad(\w)", lambda m: m.group(1) + "-" + m.group(2), text)
    return " ".join(text.replace("\u00ad", "").split())


def _dehyphenate(left: str, right: str, words: set[str]) -> str:
    head = re.search(r"[A-Za-z]+$", left)
    tail = re.match(r"[A-Za-z]+", right)
    if head and tail and (head.group(0) + tail.group(0)).lower() in words:
        return left + right
    return f"{left}-{right}"


def _reads_as_prose(para: Paragraph) -> bool:
    """Running text, not a form's fields or a signature: it ends a sentence and is mostly
    words ("Minna Hiillos President, CEO" and "(i) Indian (ii) Overseas" are not)."""
    text = para.text
    if not text.endswith((".", "!", "?", ".”", ".\"", ".)")):
        return False
    chars = text.replace(" ", "")
    return sum(map(str.isalpha, chars)) >= 0.7 * len(chars) and "@" not in text


def report_passages(report: PdfAnnualReport) -> pd.DataFrame:
    """Paragraphs of the letter, strategy, review, people, market, outlook and risk
    sections: kind = the section's kind, date = the period the report covers, title =
    "<organisation> annual report <period>, <section>", section = title and page."""
    name = report.company or "Annual report"
    period = report.period.label or ""
    date = report.period.end or (str(report.period.year) if report.period.year else "")
    rows = []
    for section in report.sections:
        if section.kind not in PROSE_KINDS:
            continue
        kept = 0
        for para in report.paragraphs(section):
            if BOILERPLATE.search(para.text) or not _reads_as_prose(para):
                continue
            rows.append({
                "kind": section.kind, "date": date, "text": para.text,
                "title": f"{name} annual report {period}".rstrip() + f", {section.title}",
                "page": para.page,
                "source": report.source_at(f"{section.title} (p. {para.page})")})
            kept += 1
            if kept >= _MAX_PER_SECTION:
                break
    return table_from_rows(rows, PASSAGE_COLUMNS + ["page"])
