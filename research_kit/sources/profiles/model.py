"""The Profile record shared by the candidate's own profile and each interviewer's.

Parsers (LinkedIn "Save to PDF" exports, resumes, YAML) fill it; research code (match,
SWOT, commonalities, notes) reads it. Every entry keeps the :class:`Source` it came from,
so a commonality or a strength can cite the exact line.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ...provenance import Source

__all__ = ["Profile", "Experience", "Education", "Entry", "Passage"]


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
class Passage:
    """One quotable unit of a profile, verbatim: a whole sentence, a bullet, or a one-line
    field (a degree line, a skill, a date line). Evidence quotes are always passages."""

    text: str
    section: str
    """The profile's own heading ("Experience", "Summary", "Top Skills"); "Header" for the
    name, headline and location."""
    kind: str
    """What the unit is: headline, location, summary, role (a title line), dates, bullet
    (a sentence of a role's description), education, skill, skill-duration, certification,
    language, honor, course, volunteering, group, total (a stated total experience), text."""
    role: str = ""
    """"Title at Company" for the units of an experience entry ("" elsewhere)."""
    role_index: int | None = None
    """Index of that entry in :attr:`Profile.experience`."""
    page: int | None = None
    """1-based page of a PDF (None for text, DOCX and YAML profiles)."""
    source: Source | None = None
    """The profile file, pointing at this unit's section, role and page."""

    def where(self) -> str:
        """"Experience · Senior Java Developer at Livelo, p. 2"."""
        parts = [self.section] + ([self.role] if self.role else [])
        text = " · ".join(p for p in parts if p)
        return f"{text}, p. {self.page}" if self.page else text


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
    """The full extracted text, as the file gives it."""
    passages: list[Passage] = field(default_factory=list, repr=False)
    """The profile as quotable units in reading order (see :mod:`.passages`)."""
    as_of: str | None = None
    """The date "Present" means (ISO YYYY-MM-DD): a PDF export's creation date; None when
    unknown (then today)."""
    language: str | None = None
    """The profile's language ("en", "pt", "es", "fr", "de"), when it can be told."""
    certifications_complete: bool = True
    """False when the certifications list is a shortened summary (LinkedIn's current
    layout shows at most five in its sidebar): a missing certificate proves nothing."""

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
            "as_of": self.as_of,
            "language": self.language,
            "passages": [{"text": p.text, "section": p.section, "kind": p.kind,
                          "role": p.role, "page": p.page} for p in self.passages],
        }


def _unique(items) -> list[str]:
    seen, out = set(), []
    for item in items:
        key = item.strip().lower()
        if key not in seen:
            seen.add(key)
            out.append(item.strip())
    return out
