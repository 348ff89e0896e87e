"""What a profile can share with another: employers, schools, cities, groups — each with
every key it is known by, its dates, the line it comes from and that line's source.

Names are compared by keys, never by edit distance:

* **employers** — :func:`~research_kit.lexicon.company_names.company_keys` (legal forms,
  other names of one company, "Smartly by Pedago, LLC" = Pedago, "Capita India Pvt Ltd" =
  Capita) plus what the profile's own sentences say ("Smartly, a … platform by Pedago",
  "migme (previously known as mig33)");
* **schools** — :func:`~research_kit.research.normalize.school_key`, plus the university
  without its campus ("University of Michigan - Ann Arbor"), without a leading honorific
  acronym ("RTM Nagpur University"), both halves of "College X, University of Y", and
  "Pune University" = "University of Pune" when the place is a city (never for a state:
  "Washington University" is not the "University of Washington");
* **cities** — the profile's location, its roles' locations, and "City, Region" in its
  education and role lines (a region from the places lexicon);
* **groups and volunteering** — the organisation's name, its acronym in brackets or by
  initials ("Association for Computing Machinery (ACM) Club" = "ACM").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.company_names import company_key, company_keys, short_company
from ...lexicon.places import city_and_region, known_place
from ...provenance import Source
from ...sources.profiles.model import Profile
from ..normalize import SCHOOL_ALIASES, fold, org_key, school_key
from ..position.facts import degree_of

__all__ = ["Affiliation", "affiliations", "school_keys", "org_keys", "text_relations"]

_SCHOOL_WORD = re.compile(r"\b(university|universidade|universidad|université|college|"
                          r"institute|school|polytechnic|academy|iit|nit|vidyalaya|faculty)\b",
                          re.I)
_NAME = r"[A-Z][\w&.'’-]*(?:\s+(?:of|de|da|and|&)?\s*[A-Z][\w&.'’-]*){0,3}"
_RELATIONS = [
    # "Smartly, a mobile-friendly online learning platform by Pedago."
    re.compile(rf"(?P<brand>{_NAME}),\s+an?\s+[^.;]{{0,80}}?\s(?:by|from)\s+(?P<owner>{_NAME})"),
    # "migme (previously known as mig33)"
    re.compile(rf"(?P<brand>{_NAME}|[a-z][\w.-]+)\s+\((?:previously|formerly)\s+(?:known\s+as\s+)?"
               rf"(?P<owner>{_NAME}|[a-z][\w.-]+)\)"),
]


@dataclass
class Affiliation:
    category: str
    """"employer", "school", "location", "volunteering" or "group"."""
    display: str
    keys: set[str]
    evidence: str
    source: Source | None
    years: tuple[int | None, int | None] = (None, None)
    variants: tuple[str, ...] = ()
    """Spellings to look for in the other side's free text."""
    detail: dict = field(default_factory=dict)


def _year(value: str | None, *, end: bool = False) -> int | None:
    if not value:
        return None
    if end and fold(value) in ("present", "current", "now", "today"):
        return 9999
    m = re.search(r"(19|20)\d\d", str(value))
    return int(m.group(0)) if m else None


def _span(start, end) -> str:
    return f" ({start or '?'}–{end or '?'})" if start or end else ""


# --- keys -------------------------------------------------------------------------------

def school_keys(name: str, aliases: dict[str, str] | None = None) -> set[str]:
    text = re.sub(r"\s+", " ", str(name or "")).strip()
    parts = [text] + [p.strip() for p in re.split(r",\s+|\s+[-–—]\s+", text) if p.strip()]
    keys: set[str] = set()
    for part in parts:
        if not _SCHOOL_WORD.search(part) and part != text:
            continue
        words = part.split()
        # "Maharashtra Mumbai University" → "Mumbai University" (a region before a named
        # place); "Oregon State University" stays whole
        while len(words) > 2 and known_place(words[0]) and (
                known_place(words[1]) or re.fullmatch(r"[A-Z]{2,4}", words[1])) and \
                _SCHOOL_WORD.search(" ".join(words[1:])):
            words = words[1:]
        if len(words) > 2 and re.fullmatch(r"[A-Z]{2,4}", words[0]):
            keys.add(school_key(" ".join(words[1:]), aliases))  # "RTM Nagpur University"
        key = school_key(" ".join(words), aliases)
        keys.add(key)
        m = re.fullmatch(r"university of (\w+)|(\w+) university", key)
        place = m and (m.group(1) or m.group(2))
        if place and any(p.kind == "city" for p in known_place(place)):
            keys |= {f"university of {place}", f"{place} university"}
    keys.discard("")
    return keys


def org_keys(name: str, aliases: dict[str, str] | None = None) -> set[str]:
    text = str(name or "").strip()
    keys = {org_key(text, aliases)}
    bracket = re.search(r"\(([A-Z][A-Za-z&]{1,9})\)", text)
    if bracket:
        keys.add(org_key(bracket.group(1), aliases))
    bare = re.sub(r"\([^)]*\)", " ", text)
    bare = re.sub(r"\b(club|chapter|student chapter|society|association|group|member(ship)?)\s*$",
                  "", bare.strip(), flags=re.I).strip()
    if bare:
        keys.add(org_key(bare, aliases))
        capitals = [w for w in bare.split() if w[:1].isupper()]
        if len(capitals) >= 2:
            keys.add(org_key("".join(w[0] for w in capitals), aliases))
    if re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", text):
        keys.add(org_key(text, aliases))
    keys.discard("")
    return keys


def text_relations(profile: Profile) -> dict[str, set[str]]:
    """Company keys → other keys the profile's own sentences give them ("Smartly, a …
    platform by Pedago" → smartly: {pedago})."""
    out: dict[str, set[str]] = {}
    for passage in profile.passages:
        if passage.kind not in ("bullet", "summary", "role", "text"):
            continue
        for pattern in _RELATIONS:
            for m in pattern.finditer(passage.text):
                brand, owner = company_key(m.group("brand")), company_key(m.group("owner"))
                if brand and owner and brand != owner:
                    out.setdefault(brand, set()).add(owner)
                    out.setdefault(owner, set()).add(brand)
    return out


# --- extraction -------------------------------------------------------------------------

def affiliations(profile: Profile, aliases: dict[str, str] | None = None) -> list[Affiliation]:
    out: list[Affiliation] = []
    relations = text_relations(profile)
    role_sources = {p.role_index: p.source for p in profile.passages
                    if p.kind == "role" and p.role_index is not None}
    for i, role in enumerate(profile.experience):
        if not role.company:
            continue
        keys = company_keys(role.company, aliases)
        for key in list(keys):
            keys |= relations.get(key, set())
            keys |= relations.get(key.split()[0], set()) if key.split() else set()
        label = f"{role.title} at {role.company}" if role.title else role.company
        out.append(Affiliation("employer", role.company, keys,
                               f"Experience: {label}{_span(role.start, role.end)}",
                               role_sources.get(i) or role.source or profile.source,
                               (_year(role.start), _year(role.end, end=True)),
                               tuple(dict.fromkeys((role.company, short_company(role.company))))))
    for edu in profile.education:
        if not edu.school or not _SCHOOL_WORD.search(edu.school) and degree_of(edu.school):
            continue  # a resume line read as a school: "Bachelor's"
        degree = ", ".join(x for x in (edu.degree, edu.field_of_study) if x)
        known = {k for k, v in SCHOOL_ALIASES.items()}
        keys = school_keys(edu.school, aliases)
        variants = {edu.school} | {k for k in known if school_key(k, aliases) in keys}
        variants |= {k.title() for k in keys if len(k.split()) >= 2}
        out.append(Affiliation("school", _school_display(edu.school), keys,
                               f"Education: {edu.school}" + (f", {degree}" if degree else "")
                               + _span(edu.start, edu.end), edu.source or profile.source,
                               (_year(edu.start), _year(edu.end, end=True)), tuple(variants)))
    for category, entries in (("volunteering", profile.volunteering), ("group", profile.groups)):
        for entry in entries:
            names = [entry.organization] if entry.organization else _org_parts(entry.text)
            for name in names:
                label = "Volunteering" if category == "volunteering" else "Groups"
                out.append(Affiliation(category, name, org_keys(name, aliases),
                                       f"{label}: {entry.text}", entry.source or profile.source,
                                       variants=(name,)))
    out.extend(_cities(profile))
    return out


def _school_display(name: str) -> str:
    words = name.split()
    while len(words) > 2 and known_place(words[0].rstrip(",")) and known_place(words[1]) and \
            _SCHOOL_WORD.search(" ".join(words[1:])):
        words = words[1:]
    return " ".join(words)


def _org_parts(text: str) -> list[str]:
    parts = re.split(r",|\s+at\s+|\s+with\s+|\s+[-–—|]\s+", text)
    return [x.strip() for x in parts if x.strip()]


def _cities(profile: Profile) -> list[Affiliation]:
    seen: dict[str, Affiliation] = {}

    def add(city: str, line: str, source: Source | None, region: str = "") -> None:
        key = fold(city)
        if key and key not in seen:
            seen[key] = Affiliation("location", city, {key}, line, source or profile.source,
                                    variants=(city,), detail={"region": region})

    if profile.location:
        city = profile.location.split(",")[0].strip()
        places = known_place(city)
        if "," in profile.location or any(p.kind == "city" for p in places):
            add(city, f"Location: {profile.location}", profile.source,
                profile.location.split(",")[1].strip() if "," in profile.location else "")
    for passage in profile.passages:
        if passage.kind in ("location", "role-location", "education", "role", "bullet",
                            "text", "summary"):
            found = city_and_region(passage.text)
            if found:
                add(found[0], passage.text, passage.source, found[1])
    for role in profile.experience:
        if role.location and "," in role.location:
            add(role.location.split(",")[0].strip(), f"Experience: {role.location}",
                role.source, role.location.split(",")[1].strip())
    return list(seen.values())
