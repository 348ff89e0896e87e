"""The prose of a 10-K and of press releases, as passages for the salient-facts reader.

A passage is one paragraph, verbatim, with what kind of text it is and where it came from:
Item 1 (the business: products, customers, strategy) and Item 7 (MD&A: results, what drove
them, what the company expects) of the latest 10-K, and the opening paragraphs of recent
8-K press releases (results, launches, acquisitions, leadership changes). Tables, page
furniture, headings and the forward-looking-statements boilerplate are left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...provenance import table_from_rows
from ..company import PASSAGE_COLUMNS
from .headings import page_furniture
from .sections import AnnualReport, is_pointer

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["report_passages", "press_passages", "ITEM_KINDS"]

# item → passage kind (what the salient-facts reader expects to find there)
ITEM_KINDS = {"1": "business", "7": "results"}
_BOILERPLATE = re.compile(
    r"forward-looking\s+statements|safe\s+harbor|should\s+be\s+read\s+in\s+conjunction|"
    r"incorporated\s+(?:herein\s+)?by\s+reference|see\s+note\s+\d|refer\s+to\s+(?:note|item)|"
    r"critical\s+accounting|this\s+(?:annual\s+)?report\s+on\s+form|the\s+following\s+table|"
    r"table\s+of\s+contents", re.I)
_MIN_CHARS = 80
# "PORTLAND, Ore., Feb. 19, 2026 -- " / "SANTA CLARA, Calif., Feb. 26, 2025 (GLOBE NEWSWIRE) -- "
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,(?:\s+[A-Z][A-Za-z.]*\.?,?){0,3}\s+[A-Z][a-z]{2,8}\.?\s+"
                       r"\d{1,2},\s+\d{4}\s*(?:\([^)]{0,40}\)\s*)?(?:--|—|–|-)\s*")
_MAX_PER_ITEM = 120


def _looks_like_table(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return "\t" in text or digits > len(text) * 0.25 or text.count("$") > 6


def report_passages(report: AnnualReport) -> pd.DataFrame:
    """Paragraphs of Items 1 and 7 (kind "business" / "results"), each with its Item as
    the section of its source; dated by the fiscal period the report covers."""
    rows = []
    for key, kind in ITEM_KINDS.items():
        text = report.text_of(key)
        if not text:
            continue
        item = report.item(key)
        source = report.source_for(key)
        title = f"{report.company or 'Annual report'} {report.form or '10-K'}" + (
            f" FY{report.fiscal_year}" if report.fiscal_year else "")
        kept = 0
        for paragraph in re.split(r"\n\s*\n", text):
            flat = " ".join(paragraph.split())
            if (len(flat) < _MIN_CHARS or page_furniture(paragraph) or _BOILERPLATE.search(flat)
                    or is_pointer(flat) or _looks_like_table(paragraph)):
                continue
            rows.append({"kind": kind, "title": f"{title}, Item {key}"
                         + (f" {item.title}" if item is not None and item.title else ""),
                         "date": report.period_end or "", "text": flat, "source": source})
            kept += 1
            if kept >= _MAX_PER_ITEM:
                break
    return table_from_rows(rows, PASSAGE_COLUMNS)


def press_passages(press: pd.DataFrame) -> pd.DataFrame:
    """Press releases (a :func:`~.press.press_releases` table) as passages: the headline,
    then the opening paragraphs, each dated by its filing."""
    rows = []
    for rec in press.to_dict("records"):
        source = _source_of(rec)
        title = str(rec.get("title") or "")
        texts = [str(rec.get("text") or rec.get("first_paragraph") or "")]
        for text in texts:
            for paragraph in re.split(r"\n\s*\n", text):
                # the wire dateline is not part of what the release says
                flat = _DATELINE.sub("", " ".join(paragraph.split()))
                if len(flat) >= _MIN_CHARS and not _BOILERPLATE.search(flat):
                    rows.append({"kind": "press", "title": title,
                                 "date": str(rec.get("date") or ""), "text": flat,
                                 "source": source})
    return table_from_rows(rows, PASSAGE_COLUMNS)


def _source_of(rec: dict) -> object:
    from ...provenance import Source

    return Source.from_row(rec, title=f"{rec.get('company') or ''} 8-K {rec.get('date') or ''}"
                           .strip() + " EX-99.1")
