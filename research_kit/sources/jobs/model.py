"""The parsed job posting: facts, sections, and the requirement table.

A posting's requirements keep the posting's own words and order: ``rank`` 1 is the first
bullet of its kind (required or preferred), because postings usually list what matters most
first. Per bullet, :mod:`.features` adds the years, degree, certifications and skills it asks
for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...display import Panel
from ...provenance import Source, table_from_rows

__all__ = ["JobPosting", "JobSection", "Salary", "SECTION_KINDS", "REQUIREMENT_COLUMNS",
           "RESPONSIBILITY_COLUMNS"]

SECTION_KINDS = ("about", "role", "responsibilities", "required", "preferred", "benefits",
                 "other")
REQUIREMENT_COLUMNS = ["rank", "kind", "text", "optional_hint", "years", "degree",
                       "or_equivalent", "certifications", "skills", "heading"]
"""``optional_hint``: a required bullet whose own words say it is optional ("… is a plus",
"ideally …", "Bonus: …"); it keeps its place and rank in the required list."""
RESPONSIBILITY_COLUMNS = ["rank", "text", "skills", "heading"]


@dataclass
class Salary:
    min: float | None
    max: float | None
    currency: str | None
    period: str | None
    """"year", "month", "week", "day" or "hour"; None when the posting does not say."""
    text: str = ""
    """The words the figure came from, for citing."""

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.min, "max": self.max, "currency": self.currency,
                "period": self.period, "text": self.text}


@dataclass
class JobSection:
    kind: str
    """One of :data:`SECTION_KINDS`."""
    heading: str
    bullets: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def items(self) -> list[str]:
        """What the section lists: its bullets, or its lines when it has no bullets."""
        return self.bullets if self.bullets else self.paragraphs

    @property
    def text(self) -> str:
        return "\n".join([*self.paragraphs, *self.bullets])


@dataclass
class JobPosting:
    title: str
    company: str | None = None
    locations: list[str] = field(default_factory=list)
    remote: str | None = None
    """"remote", "hybrid" or "on-site"; None when the posting does not say."""
    employment_type: str | None = None
    salary: Salary | None = None
    posted: str | None = None
    """ISO date (YYYY-MM-DD) when known."""
    source: Source | None = None
    sections: list[JobSection] = field(default_factory=list)
    posting_id: str | None = None
    url: str | None = None
    description: str = ""
    """The description as plain text, lines in page order."""
    parsed_by: str = ""
    """Which reader produced this (json-ld, greenhouse, lever, html, text, …)."""
    features: list[dict[str, Any]] = field(default_factory=list, repr=False)
    """Per requirement: filled by :func:`~.features.requirement_rows`."""
    company_from: str | None = None
    """Where ``company`` came from: "posting field", "posting text", "board token" …"""
    employer_confidential: bool = False
    """A recruiter's posting for a client it does not name: ``company`` is the recruiter."""

    # -- views --------------------------------------------------------------------------
    def items(self, kind: str) -> list[str]:
        out: list[str] = []
        for section in self.sections:
            if section.kind == kind:
                out.extend(section.items)
        return out

    @property
    def requirements(self):
        """Required then preferred bullets, verbatim, in posting order (rank = priority)."""
        rows = []
        for row in self.features:
            row = dict(row)
            row["source"] = self._source(row.get("heading"))
            rows.append(row)
        return table_from_rows(rows, REQUIREMENT_COLUMNS)

    @property
    def responsibilities(self):
        from .features import skills_in

        rows = []
        rank = 0
        for section in self.sections:
            if section.kind != "responsibilities":
                continue
            for text in section.items:
                rank += 1
                rows.append({"rank": rank, "text": text, "skills": skills_in(text),
                             "heading": section.heading, "source": self._source(section.heading)})
        return table_from_rows(rows, RESPONSIBILITY_COLUMNS)

    @property
    def skills(self) -> list[str]:
        seen: dict[str, None] = {}
        for row in self.features:
            for skill in row.get("skills") or []:
                seen.setdefault(skill, None)
        return list(seen)

    @property
    def location(self) -> str | None:
        return "; ".join(self.locations) if self.locations else None

    def _source(self, heading: str | None) -> Source | None:
        if self.source is None:
            return None
        return self.source.at(heading or None)

    def to_dict(self) -> dict[str, Any]:
        """The ``research-kit parse job --json`` shape (docs/cli.md), plus detail fields."""
        return {
            "source": self.source.url if self.source else self.url,
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "salary": self.salary.to_dict() if self.salary else None,
            "responsibilities": self.items("responsibilities"),
            "required": self.items("required"),
            "preferred": self.items("preferred"),
            "skills": self.skills,
            "locations": list(self.locations),
            "remote": self.remote,
            "employment_type": self.employment_type,
            "posted": self.posted,
            "posting_id": self.posting_id,
            "url": self.url,
            "parsed_by": self.parsed_by,
            "company_from": self.company_from,
            "employer_confidential": self.employer_confidential,
            "sections": [{"kind": s.kind, "heading": s.heading, "bullets": s.bullets,
                          "paragraphs": s.paragraphs} for s in self.sections],
            "requirements": [{k: row.get(k) for k in REQUIREMENT_COLUMNS}
                             for row in self.features],
        }

    def panel(self) -> Panel:
        """A short, escaped summary for notebooks."""
        salary = None
        if self.salary and (self.salary.min or self.salary.max):
            s = self.salary
            figures = "–".join(f"{v:,.0f}" for v in (s.min, s.max) if v is not None)
            salary = " ".join(x for x in (s.currency, figures, f"per {s.period}" if s.period
                                          else "") if x)
        url = self.url or (self.source.url if self.source else None)
        counts = {k: len(self.items(k)) for k in ("responsibilities", "required", "preferred")}
        company = self.company
        if company and self.employer_confidential:
            company = f"{company} (recruiter; the employer is not named)"
        return Panel.from_pairs(self.title or "(untitled posting)", [
            ("Company", company), ("Location", self.location), ("Remote", self.remote),
            ("Employment type", self.employment_type), ("Salary", salary),
            ("Posted", self.posted),
            ("Listed", f"{counts['required']} required, {counts['preferred']} preferred, "
                       f"{counts['responsibilities']} responsibilities"),
            ("Skills asked for", self.skills[:15]),
        ], source=url, note=f"parsed by: {self.parsed_by}" if self.parsed_by else "")

    def _repr_html_(self) -> str:
        return self.panel()._repr_html_()
