"""The Profile record shared by the candidate's own profile and each interviewer's.

Parsers (LinkedIn "Save to PDF" exports, resumes, YAML) fill it; research code (match,
SWOT, commonalities, notes) reads it. Every entry keeps the :class:`Source` it came from,
so a commonality or a strength can cite the exact line.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ...provenance import Source

__all__ = ["Profile", "Experience", "Education", "Entry"]


@dataclass
class Experience:
    title: str
    company: str
    start: str | None = None
    """As written or normalised to "YYYY" / "YYYY-MM"; None when unknown."""
    end: str | None = None
    """None when unknown; "present" for a current role."""
    location: str | None = None
    description: str = ""
    source: Source | None = None


@dataclass
class Education:
    school: str
    degree: str | None = None
    field_of_study: str | None = None
    start: str | None = None
    end: str | None = None
    source: Source | None = None


@dataclass
class Entry:
    """A free-form item (volunteering, group, honor) with where it was found."""

    text: str
    organization: str | None = None
    source: Source | None = None


@dataclass
class Profile:
    name: str
    headline: str = ""
    location: str = ""
    summary: str = ""
    experience: list[Experience] = field(default_factory=list)
    education: list[Education] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    certifications: list[str] = field(default_factory=list)
    volunteering: list[Entry] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    groups: list[Entry] = field(default_factory=list)
    honors: list[str] = field(default_factory=list)
    source: Source | None = None
    raw_text: str = field(default="", repr=False)
    """The full extracted text; evidence search falls back to it."""

    @property
    def schools(self) -> list[str]:
        return _unique(e.school for e in self.education if e.school)

    @property
    def employers(self) -> list[str]:
        return _unique(e.company for e in self.experience if e.company)

    def to_dict(self) -> dict[str, Any]:
        """The ``research-kit parse profile --json`` shape (docs/cli.md)."""
        def strip(d: dict[str, Any]) -> dict[str, Any]:
            return {k: v for k, v in d.items() if k != "source"}

        return {
            "source": self.source.url if self.source else None,
            "name": self.name,
            "headline": self.headline,
            "location": self.location,
            "summary": self.summary,
            "experience": [strip(asdict(e)) for e in self.experience],
            "education": [strip(asdict(e)) for e in self.education],
            "schools": self.schools,
            "employers": self.employers,
            "skills": list(self.skills),
            "certifications": list(self.certifications),
            "volunteering": [strip(asdict(v)) for v in self.volunteering],
            "languages": list(self.languages),
            "groups": [strip(asdict(g)) for g in self.groups],
            "honors": list(self.honors),
        }


def _unique(items) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.strip().lower()
        if key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out
