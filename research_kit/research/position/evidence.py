"""A profile as evidence units: each a passage someone could quote in an interview.

Every unit is one of the profile's :class:`~research_kit.sources.profiles.model.Passage`
(a whole sentence, bullet or one-line field, verbatim), with where it sits ("Experience ·
Data Engineer at Cascadia Grid Analytics, p. 2"), its :class:`Source` (the profile file,
pointing at that section, role and page), the role's length in years, and the concepts and
word stems the matcher compares. A profile without passages (built by hand in code) gets
them from its fields.

"Present" in a role means the profile's own date (a PDF export's creation date,
:attr:`Profile.as_of`), not today: a 2017 export does not gain years by being read later.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...lexicon.terms import STOPWORDS, Vocabulary, family, stem, tokenize
from ...provenance import Source
from ...sources.jobs.features import DEGREE_LEVELS, degree_asked
from ...sources.profiles.dates import years_between
from ...sources.profiles.model import Passage, Profile
from ...sources.profiles.passages import HEADING_WORDS, passages_from_fields
from .requirements import GENERIC_WORDS

__all__ = ["EvidenceUnit", "evidence_units", "content_stems", "profile_degree_level",
           "total_years", "as_of", "GENERIC_WORDS", "STRONG_KINDS", "LIST_KINDS", "WEAK_KINDS"]

STRONG_KINDS = frozenset({"bullet", "role", "summary", "headline", "volunteering", "text",
                          "total"})
"""What someone did or says about themselves in prose."""
LIST_KINDS = frozenset({"skill", "skill-duration", "language"})
"""Items of a list: enough for a tool, not for a domain."""
WEAK_KINDS = frozenset({"certification", "course", "honor", "publication", "project",
                        "patent", "education", "group"})
"""Training and side facts: at most "partly" for what a job asks to have done."""
NEVER_EVIDENCE = frozenset({"dates", "location", "role-location", "heading"})
"""Never quoted: a bare date line or a heading says nothing a candidate could show."""

_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
_BARE_DATE = re.compile(
    rf"^[\s(]*(?:(?:{_MONTH}\s*)?(?:19|20)\d\d|present|current|now|today|till date|to date)"
    rf"(?:\s*(?:-|–|—|to|until|till)\s*(?:(?:{_MONTH}\s*)?(?:19|20)\d\d|present|current|now|"
    rf"today|till date|to date|date))?[\s)]*(?:\(?\s*(?:\d+\s*(?:years?|yrs?|months?|mos?)"
    rf"\s*)+\)?)?\s*$|^\(?\s*(?:\d+\s*(?:years?|yrs?|months?|mos?)\s*)+\)?$", re.I)
_HEADING_WORD = "(?:" + "|".join(w.upper() for w in (*HEADING_WORDS, "areas")) + ")"
_HEADING = re.compile(rf"^(?:[^.!?:;]{{1,40}}?\s*:\s*-?|[^.!?:;\s][^.!?:;]{{0,30}}?\s+-|"
                      rf"(?:[A-Z&/]+ )*{_HEADING_WORD}(?: [A-Z&/]+)*)$")
"""A heading: a short label ending in a colon ("Technology Stack :-", "Roles and
Responsibility:") or a dash ("POSTGRESQL -", before its bullets), or a short line in
capitals ("CORE COMPETENCIES")."""


_TRAINING_TAKEN = re.compile(r"^(?:completed?|attended|undergone|underwent|took|pursuing)\b"
                             r"[^.]{0,120}?\b(?:training|course|workshop|bootcamp|"
                             r"certification program)\b|^(?:trained|training|coursework)\s+"
                             r"(?:in|on)\b", re.I)
"""A line about training taken, wherever it is listed: the skill was learnt, not used."""


@dataclass
class EvidenceUnit:
    text: str
    label: str
    """Where the unit sits, for people: "Experience · Data Engineer at X, p. 2"."""
    kind: str
    source: Source | None = None
    years: float = 0.0
    role: int | None = None
    """Index of the experience entry the unit belongs to (for years of experience)."""
    concepts: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    """Folded words (for names the term table does not know)."""
    passage: Passage | None = None

    @property
    def section(self) -> str:
        return self.passage.section if self.passage else ""

    @property
    def role_label(self) -> str:
        return self.passage.role if self.passage else ""

    @property
    def page(self) -> int | None:
        return self.passage.page if self.passage else None


def content_stems(text: str) -> set[str]:
    """The text's content word stems, each with its family ("manager" also as "manag",
    the family of "management": :func:`~research_kit.lexicon.terms.family`)."""
    out = set()
    for token in tokenize(text):
        word = token.raw.lower()
        if len(word) <= 2 or word in STOPWORDS or word.isdigit():
            continue
        s = stem(word)
        if s not in GENERIC_WORDS:
            out.add(s)
            out.add(family(s))
    return out

_DUTY = re.compile(r"^(?:responsible|worked|handled|handling|managed|led|developed|implemented|"
                   r"designed|involved|performed|coordinated|prepared|supported|provided|"
                   r"interacted|gathered|created|built|maintained|delivered)\b\S*(?:\s+\S+){6}",
                   re.I)
"""A duty written as a sentence ("Responsible to gather requirement (Customer Interaction)
and providing Estimate …"): work done, even when a resume files it under its skills."""


def as_of(profile: Profile, today: date | None = None) -> date:
    """The date "Present" stands for: ``today`` when given, else the profile's own date
    (a PDF export's creation date), else today."""
    if today is not None:
        return today
    if profile.as_of:
        try:
            return date.fromisoformat(profile.as_of)
        except ValueError:
            pass
    return date.today()


def evidence_units(profile: Profile, vocab: Vocabulary, *,
                   today: date | None = None) -> list[EvidenceUnit]:
    when = as_of(profile, today)
    passages = profile.passages or passages_from_fields(profile)
    units: list[EvidenceUnit] = []
    for passage in passages:
        text = passage.text.strip()
        if not text:
            continue
        years = 0.0
        if passage.role_index is not None and passage.role_index < len(profile.experience):
            role = profile.experience[passage.role_index]
            years = years_between(role.start, role.end, when)
        kind = passage.kind
        if not re.search(r"\w", text):
            continue  # a bullet sign alone ("•")
        if kind not in NEVER_EVIDENCE and (_BARE_DATE.match(text) or kind in (
                "text", "summary", "bullet", "skill") and _HEADING.match(text.lstrip("/ "))):
            kind = "heading"  # "January 2022 - Present (7 months)", "Technology Stack :-"
        if kind in ("skill", "text", "bullet", "summary") and _TRAINING_TAKEN.match(text):
            kind = "course"  # "Completed Internal Angular 6, HTML, CSS training.": training
        elif kind == "skill" and _DUTY.match(text):
            kind = "text"
        unit = EvidenceUnit(text=text, label=passage.where(), kind=kind,
                            source=passage.source or profile.source, years=years,
                            role=passage.role_index, passage=passage)
        unit.concepts = set(vocab.concepts_in(text)) if vocab else set()
        unit.stems = content_stems(text)
        unit.words = {t.key for t in tokenize(text)}
        units.append(unit)
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
    """Years covered by the given roles (all when None), overlaps counted once; "present"
    is the profile's own date (:func:`as_of`)."""
    when = as_of(profile, today)
    spans = []
    for i, role in enumerate(profile.experience):
        if roles is not None and i not in roles:
            continue
        years = years_between(role.start, role.end, when)
        if years <= 0:
            if role.start and role.start == role.end:
                years = 1 / 12  # "March 2009 - March 2009 (1 month)"
            else:
                continue
        start = _month_index(role.start)
        if start is None:
            continue
        spans.append((start, start + max(1, round(years * 12))))
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
