"""From a reader's raw record to a :class:`JobPosting`: one path for every source.

Each reader (JSON-LD, a job-board API shape, HTML heuristics, plain text) fills a
:class:`PostingRecord` with what its format states explicitly; :func:`build_posting` then
splits the description into sections, extracts requirement features, and fills gaps
(salary, remote/hybrid, employment type) from the text when the format had no field for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ...provenance import Source
from .blocks import clean_text, html_lines, text_lines
from .company import recruiter_for_client, resolve_company
from .features import requirement_rows
from .model import JobPosting, Salary
from .salary import salary_in_text
from .sections import split_sections

__all__ = ["PostingRecord", "build_posting", "iso_date", "normalize_employment_type",
           "remote_from_text"]


@dataclass
class PostingRecord:
    title: str = ""
    posting_id: str | None = None
    company: str | None = None
    locations: list[str] = field(default_factory=list)
    remote: str | None = None
    employment_type: str | None = None
    salary: Salary | None = None
    posted: str | None = None
    url: str | None = None
    description_html: str | None = None
    description_text: str | None = None
    detail_url: str | None = None
    """Where the full posting can be fetched when this record came from a list without it."""
    reader: str = ""

    def choice(self) -> dict:
        return {"id": self.posting_id, "title": self.title,
                "location": "; ".join(self.locations) or None, "url": self.url}


def build_posting(record: PostingRecord, source: Source | None) -> JobPosting:
    if record.description_html:
        lines = html_lines(record.description_html)
    else:
        lines = text_lines(record.description_text or "")
    title = clean_text(record.title or "")
    if title:
        # a page-wide description starts with the page's own title: not a section heading
        lines = [ln for ln in lines if not (ln.kind == "heading" and ln.text == title)]
    sections = split_sections(lines)
    description = "\n".join(line.text for line in lines)
    company, company_from = resolve_company(
        clean_text(record.company) if record.company else None, lines, description,
        [record.url, record.detail_url, source.url if source else None])
    posting = JobPosting(
        title=clean_text(record.title or ""),
        company=company, company_from=company_from,
        employer_confidential=company is not None and recruiter_for_client(description),
        locations=_unique_locations(record.locations),
        remote=record.remote or remote_from_text(description, record.locations),
        employment_type=normalize_employment_type(record.employment_type)
        or normalize_employment_type(_employment_in_text(description)),
        salary=record.salary or salary_in_text(description),
        posted=iso_date(record.posted),
        source=source,
        sections=sections,
        posting_id=str(record.posting_id) if record.posting_id is not None else None,
        url=record.url,
        description=description,
        parsed_by=record.reader,
    )
    posting.features = requirement_rows(sections)
    return posting


def _unique_locations(locations: list[str]) -> list[str]:
    out: list[str] = []
    for loc in locations or []:
        for part in re.split(r"\s*;\s*|\s*\|\s*", str(loc)):
            part = clean_text(part)
            if part and part.lower() not in {o.lower() for o in out}:
                out.append(part)
    return out


def iso_date(value) -> str | None:
    """YYYY-MM-DD from ISO strings, epoch seconds or milliseconds; None for "3 days ago"."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        return "-".join(m.groups())
    if text.isdigit():
        return iso_date(int(text))
    return None


_EMPLOYMENT = [("full-time", r"full[\s_-]?time|fulltime|permanent|regular"),
               ("part-time", r"part[\s_-]?time|parttime"),
               ("contract", r"contract|contractor|freelance|1099|fixed[\s_-]?term"),
               ("temporary", r"temporary|temp\b|seasonal"),
               ("internship", r"intern(ship)?\b"),
               ("volunteer", r"volunteer")]


def normalize_employment_type(value) -> str | None:
    if not value:
        return None
    if isinstance(value, (list, tuple)):
        value = " ".join(str(v) for v in value)
    text = str(value).lower()
    for name, pattern in _EMPLOYMENT:
        if re.search(pattern, text):
            return name
    return None


def _employment_in_text(text: str) -> str | None:
    m = re.search(r"\b(full[- ]time|part[- ]time|contract(or)? (role|position)|"
                  r"fixed[- ]term|internship|temporary (role|position))\b", text[:3000], re.I)
    return m.group(0) if m else None


def remote_from_text(text: str, locations: list[str] | None = None) -> str | None:
    """"hybrid", "remote" or "on-site" when the locations or the description say so."""
    where = " ".join(locations or [])
    for blob in (where, (text or "")[:6000]):
        low = blob.lower()
        if re.search(r"\bhybrid\b", low):
            return "hybrid"
        if re.search(r"\b(fully |100% |full[- ])?remote\b(?! (sensing|monitoring|control))|"
                     r"work from (home|anywhere)|\bwfh\b", low):
            return "remote"
        if re.search(r"\bon[- ]?site\b|\bin[- ]office\b|\bin[- ]person\b", low):
            return "on-site"
    return None
