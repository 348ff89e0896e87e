"""A profile as evidence units: each line someone could quote in an interview.

Every unit keeps its verbatim text, a label saying where in the profile it sits
("Experience · Data Engineer, Cascadia Grid Analytics (2021–present)"), the profile's
:class:`Source`, the role's length in years (for "5+ years" requirements), and the concepts
and word stems the matcher compares (:mod:`.matching`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...lexicon.terms import STOPWORDS, Vocabulary, stem, tokenize
from ...provenance import Source
from ...sources.jobs.features import DEGREE_LEVELS, degree_asked
from ...sources.profiles.dates import find_range, years_between
from ...sources.profiles.model import Profile

__all__ = ["EvidenceUnit", "evidence_units", "content_stems", "profile_degree_level",
           "total_years"]

# words that say how much, not what: they never count as evidence on their own
GENERIC_WORDS = frozenset(stem(w) for w in """
experience experienced years year strong strength ability able knowledge proficiency proficient
skill skills working work familiarity familiar understanding related field equivalent plus
preferred required require requirement demonstrated demonstrate proven track record excellent
good great solid deep hands hand including minimum least degree bachelor bachelors master
masters phd using use used time times level levels high highly effective effectively
excellent exceptional relevant practical must should want need looking ideal candidate
you your we our team role position job company business new one well based across various
similar etc least preferably ideally desire desired plus bonus advantage asset comfortable
comfort willing eager passion passionate excited enjoy love thrive
""".split())


@dataclass
class EvidenceUnit:
    text: str
    label: str
    kind: str
    source: Source | None = None
    years: float = 0.0
    role: int | None = None
    """Index of the experience entry the unit belongs to (for years of experience)."""
    concepts: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)


def content_stems(text: str) -> set[str]:
    out = set()
    for token in tokenize(text):
        word = token.raw.lower()
        if len(word) <= 2 or word in STOPWORDS or word.isdigit():
            continue
        s = stem(word)
        if s not in GENERIC_WORDS:
            out.add(s)
    return out


def _span(start, end) -> str:
    if not (start or end):
        return ""
    return f" ({start or '?'}–{end or '?'})"


def _split_description(text: str) -> list[str]:
    parts = []
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[-–•*·]+)\s*", "", line).strip()
        if line:
            parts.append(line)
    return parts


def evidence_units(profile: Profile, vocab: Vocabulary, *,
                   today: date | None = None) -> list[EvidenceUnit]:
    src = profile.source
    units: list[EvidenceUnit] = []

    def add(text: str, label: str, kind: str, source=None, years=0.0, role=None):
        text = (text or "").strip()
        if not text:
            return
        units.append(EvidenceUnit(text=text, label=label, kind=kind, source=source or src,
                                  years=years, role=role))

    add(profile.headline, "Headline", "headline")
    for sentence in _split_description(profile.summary):
        add(sentence, "Summary", "summary")
    for i, role in enumerate(profile.experience):
        years = years_between(role.start, role.end, today)
        title = ", ".join(x for x in (role.title, role.company) if x)
        label = f"Experience · {title}{_span(role.start, role.end)}"
        add(title, label, "role", role.source, years, i)
        for line in _split_description(role.description):
            add(line, label, "experience", role.source, years, i)
    for edu in profile.education:
        text = " ".join(x for x in (edu.degree, edu.field_of_study) if x)
        text = f"{text}, {edu.school}" if text else edu.school
        add(text, f"Education · {edu.school}{_span(edu.start, edu.end)}", "education", edu.source)
    for skill in profile.skills:
        add(skill, "Skills", "skill")
    for cert in profile.certifications:
        add(cert, "Certifications", "certification")
    for entry in profile.volunteering:
        text = ", ".join(x for x in (entry.text, entry.organization) if x)
        add(text, "Volunteering", "volunteering", entry.source)
    for lang in profile.languages:
        add(lang, "Languages", "language")
    for honor in profile.honors:
        add(honor, "Honors", "honor")
    for group in profile.groups:
        add(group.text, "Groups", "group", group.source)
    # whatever the structure missed (projects, publications, an unparsed resume) still counts
    known = " ".join(u.text.lower() for u in units)
    for line in (profile.raw_text or "").splitlines():
        line = line.strip()
        if (len(line) >= 4 and line.lower() not in known and not re.fullmatch(r"[\W\d_]+", line)
                and not find_range(line)):
            add(line, "Profile text", "text")
    for unit in units:
        unit.concepts = set(vocab.concepts_in(unit.text)) if vocab else set()
        unit.stems = content_stems(unit.text)
    return units


def profile_degree_level(profile: Profile) -> int:
    """The highest degree level the education entries name (0 when none)."""
    best = 0
    for edu in profile.education:
        text = " ".join(x for x in (edu.degree, edu.field_of_study) if x)
        level = degree_asked(text) or degree_asked(f"{edu.degree or ''} degree")
        if level:
            best = max(best, DEGREE_LEVELS[level])
    return best


def total_years(profile: Profile, roles: set[int] | None = None,
                today: date | None = None) -> float:
    """Years covered by the given roles (all when None), overlaps counted once."""
    spans = []
    for i, role in enumerate(profile.experience):
        if roles is not None and i not in roles:
            continue
        years = years_between(role.start, role.end, today)
        if years <= 0:
            continue
        start = _month_index(role.start)
        if start is None:
            continue
        spans.append((start, start + round(years * 12)))
    spans.sort()
    months, current = 0, None
    for a, b in spans:
        if current is None or a > current[1]:
            if current:
                months += current[1] - current[0]
            current = [a, b]
        else:
            current[1] = max(current[1], b)
    if current:
        months += current[1] - current[0]
    return months / 12.0


def _month_index(value: str | None) -> int | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value or "")
    if not m:
        return None
    return int(m.group(1)) * 12 + int(m.group(2) or 1) - 1
