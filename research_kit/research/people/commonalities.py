"""What you share with an interviewer, with evidence from both sides and an opener.

The advice: look for what you share — school, activities, volunteering, employers — and
mention it when the chance comes. Each :class:`Commonality` names the category, what is
shared, the evidence on your side and on theirs (each with its source), how strong it is,
the years you overlapped, and a suggested opener phrased as a question about them.

Names are compared by keys (:mod:`.affiliations`: legal forms, "X by Y", other names of
one company, a school's campus and honorific, a group's acronym), never by edit distance.
Links are ranked (:func:`rank_key`): a shared employer, then a school (overlapping years
first), then a city or volunteering, then groups and memberships — so "we are both in ACM"
never outranks having worked at the same company. A fact found only in free text (your
typed notes; a school or city named in the other profile's text) quotes the sentence and
ranks after the same kind of link from profile fields. Skills, languages and industries
are never taken from free text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...lexicon.places import known_place
from ...provenance import Source, table_from_rows
from ...sources.profiles.model import Profile
from ..normalize import (
    certification_issuer,
    certification_key,
    company_key,
    fold,
    language_key,
    short_company,
    skill_key,
)
from .affiliations import Affiliation, affiliations

__all__ = ["Commonality", "find_commonalities", "commonalities_table", "commonalities",
           "rank_key", "COMMONALITY_COLUMNS", "INDUSTRY_TERMS", "NO_LINK"]

COMMONALITY_COLUMNS = ["person", "category", "shared", "strength", "basis", "overlap",
                       "my_evidence", "their_evidence", "opener", "my_source"]
_STRENGTHS = ["strong", "medium", "weak"]
# shared employer > school (overlapping years first) > city / volunteering > groups > the rest
_TIER = {"employer": 0, "school": 1, "location": 3, "volunteering": 3, "group": 4,
         "certification": 5, "industry": 6, "language": 7, "skills": 8}

# industry → words that name it (whole words, folded); generic tech words are left out on
# purpose: "software" or "cloud" would link every engineer to every other.
INDUSTRY_TERMS: dict[str, tuple[str, ...]] = {
    "logistics and supply chain": ("logistics", "supply chain", "freight", "shipping",
                                   "warehousing", "trucking", "fulfillment"),
    "energy and utilities": ("energy", "utility", "utilities", "power grid", "smart grid",
                             "electric grid", "solar", "renewables", "oil and gas"),
    "water and environment": ("water", "wastewater", "environmental"),
    "healthcare and life sciences": ("healthcare", "health care", "hospital", "clinical",
                                     "medical", "pharmaceutical", "biotech"),
    "financial services": ("bank", "banking", "fintech", "insurance", "payments",
                           "credit card", "asset management"),
    "retail and e-commerce": ("retail", "e commerce", "ecommerce"),
    "education": ("university", "college", "edtech", "education"),
    "media and publishing": ("media", "publishing", "magazine", "newsroom"),
    "manufacturing and industrial": ("manufacturing", "industrial", "instruments",
                                     "instrumentation", "factory", "sensors", "iot"),
    "telecommunications": ("telecom", "telecommunications", "wireless carrier"),
    "public sector": ("government", "public sector", "municipal"),
    "consulting and professional services": ("consulting", "consultancy", "audit",
                                             "accounting"),
    "food and beverage": ("food", "beverage", "brewery", "restaurant"),
    "transportation": ("automotive", "aviation", "airline", "railway", "transit"),
    "nonprofit": ("nonprofit", "non profit", "charity", "ngo"),
}


@dataclass
class Commonality:
    category: str
    shared: str
    strength: str
    basis: str
    """"profiles" (both from profile fields) or "notes" (one side found in free text)."""
    my_evidence: str
    their_evidence: str
    opener: str = ""
    my_source: Source | None = None
    their_source: Source | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    """"overlap" (years both were there), "mine" (your side's name), "keys" (shared)."""


def rank_key(c: Commonality) -> tuple:
    """How strong a link is, to sort by (smaller first): a shared employer, then a school
    (with overlapping years first), a city or volunteering, then groups and memberships;
    a link read from free text after the same link from profile fields."""
    tier = float(_TIER.get(c.category, 9))
    overlap = bool(c.detail.get("overlap"))
    if c.category == "school" and not overlap:
        tier = 2.0
    if c.basis != "profiles":
        tier += 0.5
    return (tier, 0 if overlap else 1, c.shared.lower())


# --- matching --------------------------------------------------------------------------

def _overlap(a: tuple, b: tuple) -> str:
    if None in a or None in b:
        return ""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if lo > hi:
        return ""
    hi_text = "now" if hi == 9999 else str(hi)
    return f"{lo}" if lo == hi else f"{lo}–{hi_text}"


_STRENGTH = {"employer": "strong", "school": "medium", "location": "medium",
             "volunteering": "medium", "group": "weak"}
_SAME = {"employer": ("employer",), "school": ("school",), "location": ("location",),
         "volunteering": ("volunteering", "group"), "group": ("group", "volunteering")}


def _structured(mine: list[Affiliation], theirs: list[Affiliation]) -> list[Commonality]:
    out: list[Commonality] = []
    seen: set[tuple[str, str]] = set()
    for m in mine:
        for t in theirs:
            if t.category not in _SAME[m.category] or not m.keys & t.keys:
                continue
            if m.category == "location" and _other_region(m, t):
                continue  # Portland, OR is not Portland, ME
            category = m.category if m.category == t.category else "group"
            key = (category, sorted(m.keys & t.keys)[0])
            if key in seen:
                continue
            seen.add(key)
            overlap = _overlap(m.years, t.years)
            strength = _STRENGTH[category]
            if category == "school" and overlap:
                strength = "strong"
            out.append(Commonality(category, t.display, strength, "profiles", m.evidence,
                                   t.evidence, my_source=m.source, their_source=t.source,
                                   detail={"overlap": overlap, "mine": m.display,
                                           "keys": sorted(m.keys & t.keys)}))
    return out


def _other_region(a: Affiliation, b: Affiliation) -> bool:
    """Two regions of one kind that differ ("OR" / "ME"); a region and a country that can
    hold one city ("Maharashtra" / "India") do not."""
    ra, rb = fold(a.detail.get("region", "")), fold(b.detail.get("region", ""))
    if not ra or not rb or ra == rb:
        return False
    pa, pb = known_place(ra), known_place(rb)
    if not pa or not pb:
        return len(ra) == len(rb) == 2  # two different US state codes
    if {p.kind for p in pa} & {p.kind for p in pb}:
        return True
    return not ({p.country for p in pa} & {p.country for p in pb})


# --- finding a name in free text -------------------------------------------------------

def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?;])\s+|\n+", text or "") if s.strip()]


def _variant_pattern(variant: str) -> re.Pattern | None:
    """Whole-word pattern for a spelling; single words must appear capitalised as written,
    short lower-case aliases ("cal", "penn") are never searched: too ambiguous in prose."""
    words = variant.split()
    if not words:
        return None
    if len(words) == 1:
        if not variant[:1].isupper() or (len(variant) <= 4 and not variant.isupper()):
            return None
        if len(variant) <= 4:  # an acronym: exactly as written ("EY", "MIT")
            return re.compile(rf"(?<![\w-]){re.escape(variant)}(?![\w-])")
        # a one-word name counts only capitalised: "Infosys", "INFOSYS", not "apple pie"
        return re.compile(rf"(?<![\w-])(?=[A-Z])(?i:{re.escape(variant)})(?![\w-])")
    body = r"[\s,.&-]+".join(re.escape(w) for w in re.split(r"[\s,]+", variant) if w)
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.I)


_SCHOOL_WORD = re.compile(r"\b(university|universidade|universidad|college|institute|school|"
                          r"polytechnic|academy)\b", re.I)


def _find_in_text(item: Affiliation, text: str, *, loose: bool = True) -> str | None:
    """The sentence (or line) of ``text`` that names ``item``, or None. Not ``loose``
    (another profile's own text): a school only by a name that says it is a school
    ("Nagpur University", not "Oregon State" in "Oregon State researchers")."""
    if item.category == "location":
        return _find_city(item.display, text)
    variants = [v for v in item.variants if v]
    if not loose and item.category == "school":
        variants = [v for v in variants if _SCHOOL_WORD.search(v)]
    patterns = [p for p in (_variant_pattern(v) for v in variants) if p]
    for sentence in _sentences(text):
        if any(p.search(sentence) for p in patterns):
            return sentence if len(sentence) <= 200 else sentence[:197] + "…"
    return None


def _find_city(city: str, text: str) -> str | None:
    """A city named on its own ("Lead Nagpur university cricket team"), not inside a longer
    name ("Navi Mumbai", "Mumbai University")."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(city)}(?![\w-])")
    for line in re.split(r"\n+", text or ""):
        line = re.sub(r"^\s*(?:[-–•*·]+|\d{1,2}[.)])\s*", "", line)  # "4. Lead Nagpur …"
        for m in pattern.finditer(line):
            before = line[:m.start()].rstrip()
            after = line[m.end():].lstrip()
            words = before.split()
            prev = words[-1] if words else ""
            at_start = not before or before.endswith((".", ":", ";", "•", "-", "|", ","))
            if prev[:1].isupper() and not at_start and len(words) > 1:
                continue  # "… Navi Mumbai"
            if after[:1].isupper():
                continue  # "Mumbai University"
            line = line.strip()
            return line if len(line) <= 200 else line[:197] + "…"
    return None


def _from_text(items: list[Affiliation], texts: list[tuple[str, Source | None]],
               matched: set[str], mine_side: bool, categories: tuple[str, ...],
               *, loose: bool = False) -> list[Commonality]:
    out = []
    for item in items:
        if item.category not in categories or item.keys & matched:
            continue
        hit = next(((sentence, source) for text, source in texts
                    if (sentence := _find_in_text(item, text, loose=loose))), None)
        if hit is None:
            continue
        matched |= item.keys
        quote = f"“{hit[0]}”"
        strength = "weak" if item.category in ("location", "group") else "medium"
        out.append(Commonality(item.category, item.display, strength, "notes",
                               item.evidence if mine_side else quote,
                               quote if mine_side else item.evidence,
                               my_source=item.source if mine_side else hit[1],
                               their_source=hit[1] if mine_side else item.source,
                               detail={"mine": item.display, "keys": sorted(item.keys)}))
    return out


def _industry_hits(p: Profile) -> dict[str, list[tuple[str, str, Source | None]]]:
    """industry → [(employer key or "", evidence, source)] from headline, roles, summary."""
    fields = [(p.headline, "", f"Headline: {p.headline}", p.source),
              (p.summary, "", "Summary", p.source)]
    for e in p.experience:
        fields.append((f"{e.company} {e.title} {e.description}", company_key(e.company),
                       f"Experience: {e.title + ' at ' if e.title else ''}{e.company}",
                       e.source or p.source))
    hits: dict[str, list] = {}
    for text, employer, evidence, source in fields:
        folded = f" {fold(text)} "
        for industry, terms in INDUSTRY_TERMS.items():
            term = next((t for t in terms if f" {t} " in folded), None)
            if term:
                hits.setdefault(industry, []).append((employer, f"{evidence} (“{term}”)", source))
    return hits


def _industries(me: Profile, them: Profile, shared_employers: set[str]) -> list[Commonality]:
    mine, theirs = _industry_hits(me), _industry_hits(them)
    out = []
    for industry in INDUSTRY_TERMS:
        if industry not in mine or industry not in theirs:
            continue
        mine_from = {e for e, _, _ in mine[industry]}
        theirs_from = {e for e, _, _ in theirs[industry]}
        if mine_from <= shared_employers or theirs_from <= shared_employers:
            continue  # one side's only evidence is the shared employer: listed already
        m, t = mine[industry][0], theirs[industry][0]
        out.append(Commonality("industry", industry, "weak", "profiles", m[1], t[1],
                               my_source=m[2], their_source=t[2]))
    return out


def _skills(me: Profile, them: Profile) -> list[Commonality]:
    theirs = {skill_key(s): s for s in them.skills if skill_key(s)}
    shared = [(s, theirs[skill_key(s)]) for s in me.skills if skill_key(s) in theirs]
    shared = list({skill_key(a): (a, b) for a, b in shared}.values())[:10]
    if not shared:
        return []
    return [Commonality("skills", ", ".join(b for _, b in shared), "weak", "profiles",
                        "Skills: " + ", ".join(a for a, _ in shared),
                        "Skills: " + ", ".join(b for _, b in shared),
                        my_source=me.source, their_source=them.source)]


def _certifications(me: Profile, them: Profile) -> list[Commonality]:
    out, seen_issuers = [], set()
    theirs = {certification_key(c): c for c in them.certifications}
    for cert in me.certifications:
        key = certification_key(cert)
        if key and key in theirs:
            out.append(Commonality("certification", theirs[key], "medium", "profiles",
                                   f"Certification: {cert}", f"Certification: {theirs[key]}",
                                   my_source=me.source, their_source=them.source))
            seen_issuers.add(certification_issuer(cert))
    for cert in me.certifications:
        issuer = certification_issuer(cert)
        if not issuer or issuer in seen_issuers:
            continue
        other = next((c for c in them.certifications if certification_issuer(c) == issuer), None)
        if other:
            seen_issuers.add(issuer)
            out.append(Commonality("certification", f"{issuer} certifications", "weak",
                                   "profiles", f"Certification: {cert}",
                                   f"Certification: {other}", my_source=me.source,
                                   their_source=them.source))
    return out


def _languages(me: Profile, them: Profile) -> list[Commonality]:
    theirs = {language_key(x): x for x in them.languages}
    out = []
    for lang in me.languages:
        key = language_key(lang)
        # English is the working language of nearly every profile we read: not a link
        if key and key != "english" and key in theirs:
            out.append(Commonality("language", key.title(), "weak", "profiles",
                                   f"Languages: {lang}", f"Languages: {theirs[key]}",
                                   my_source=me.source, their_source=them.source))
    return out


# --- openers ---------------------------------------------------------------------------

def _opener(c: Commonality, first_name: str, company: str | None) -> str:
    where = f" to {company}" if company else ""
    overlap = c.detail.get("overlap")
    same_time = f" (you overlapped {overlap})" if overlap else ""
    texts = {
        "school": f"“I noticed we both went to {c.shared}{same_time}. What was your path from "
                  f"there{where}?”",
        "employer": f"“We both worked at {c.shared}{same_time}. Which team were you on, and "
                    f"what did you bring from it{where}?”",
        "volunteering": f"“I saw you're involved with {c.shared} too. Which projects are you "
                        "working on there?”",
        "group": f"“We're both in {c.shared}. Do you get to many of its events?”",
        "location": f"You're both based in {c.shared}: easy small talk before the questions "
                    "start.",
        "certification": f"“We both hold {c.shared}. How much does the team use it day to "
                         "day?”",
        "industry": f"You've both worked in {c.shared}: ask {first_name} what carried over "
                    f"from it{where}.",
        "language": f"You both speak {c.shared}. Mention it only if it comes up naturally.",
        "skills": f"You both list {c.shared}: ask which of these the team relies on most, "
                  "and how.",
    }
    return texts.get(c.category, "")


def _unparsed(items: list[Affiliation]) -> tuple[str, ...]:
    have = {i.category for i in items}
    return tuple(c for c in ("employer", "volunteering", "group") if c not in have)


# --- public API ------------------------------------------------------------------------

def find_commonalities(me: Profile, them: Profile, *, notes: str = "",
                       notes_source: Source | None = None, company: str | None = None,
                       aliases: dict[str, str] | None = None) -> list[Commonality]:
    """Everything ``me`` and ``them`` share, strongest first (:func:`rank_key`). ``notes``:
    what the user typed about them (searched for your schools, employers, organisations
    and cities); ``company``: the target company, for openers; ``aliases``: the user's own
    spellings (``[aliases]``)."""
    mine, theirs = affiliations(me, aliases), affiliations(them, aliases)
    found = _structured(mine, theirs)
    matched = {k for c in found for k in c.detail.get("keys", [])}
    if notes:
        found += _from_text(mine, [(notes, notes_source)], matched, True,
                            ("employer", "school", "volunteering", "group", "location"),
                            loose=True)
    # a school or city named only in passing in the other profile's text; employers and
    # organisations only where that profile's parser found none of its own (a company
    # named in a role's text is often a client or vendor, not an employer)
    found += _from_text(mine, [(them.raw_text, them.source)], matched, True,
                        ("school", "location") + _unparsed(theirs))
    found += _from_text(theirs, [(me.raw_text, me.source)], matched, False,
                        ("school", "location") + _unparsed(mine))
    shared_employers = {company_key(c.detail.get("mine", c.shared), aliases)
                        for c in found if c.category == "employer"}
    found += _certifications(me, them)
    found += _industries(me, them, shared_employers)
    found += _languages(me, them)
    found += _skills(me, them)
    first = them.name.split()[0] if them.name.split() else them.name
    for c in found:
        c.opener = _opener(c, first, company)
    found.sort(key=rank_key)
    return found


def commonalities_table(me: Profile, them: Profile, *, person: str | None = None, **kwargs):
    """:func:`find_commonalities` as a DataFrame (COMMONALITY_COLUMNS + source columns of
    their side; ``my_source`` holds where your side came from), strongest first. When
    nothing is shared, one row (category ``none``) says so."""
    rows = []
    name = person or them.name
    for c in find_commonalities(me, them, **kwargs):
        rows.append({"person": name, "category": c.category, "shared": c.shared,
                     "strength": c.strength, "basis": c.basis,
                     "overlap": c.detail.get("overlap") or None, "my_evidence": c.my_evidence,
                     "their_evidence": c.their_evidence, "opener": c.opener,
                     "my_source": c.my_source.label() if c.my_source else None,
                     "source": c.their_source})
    if not any(r["category"] in _LINKS for r in rows):
        rows.insert(0, {"person": name, "category": "none", "shared": "", "strength": None,
                        "basis": "profiles", "overlap": None, "my_evidence": "",
                        "their_evidence": "", "opener": NO_LINK, "my_source": None,
                        "source": them.source})
    return table_from_rows(rows, COMMONALITY_COLUMNS)


_LINKS = ("employer", "school", "location", "volunteering", "group")
NO_LINK = ("No shared employer, school, city or group found in the two profiles: open with "
           "why you are reaching out (the role, their work) instead.")


def commonalities(workspace: Any, *, me: Profile | None = None):
    """Commonalities between you (``me`` in target.toml, or the ``me`` argument) and every
    interviewer in the workspace, strongest first within each person. A person whose
    profile file could not be used gets one row (category ``profile problem``) naming the
    file and the reason; one with nothing shared, a row saying so (category ``none``).
    Empty (with columns) when your own profile is not available."""
    import pandas as pd

    from .interviewers import load_interviewers, load_me, read_target

    _, data = read_target(workspace)
    me = me or load_me(workspace)
    aliases = data.get("aliases") if isinstance(data.get("aliases"), dict) else None
    if me is None:
        return table_from_rows([], COMMONALITY_COLUMNS)
    name = data.get("name")
    company = short_company(name) if isinstance(name, str) and name.strip() else None
    tables = []
    for person in load_interviewers(workspace, include_coordinator=False):
        if person.profile_file and person.profile_status != "loaded":
            tables.append(table_from_rows([{
                "person": person.name, "category": "profile problem", "shared": "",
                "strength": None, "basis": "profiles", "overlap": None, "my_evidence": "",
                "their_evidence": "", "opener": f"{person.profile_file}: "
                                                f"{person.profile_status}",
                "my_source": None, "source": person.source}], COMMONALITY_COLUMNS))
        tables.append(commonalities_table(me, person.profile, person=person.name,
                                          notes=person.notes, notes_source=person.source,
                                          company=company, aliases=aliases))
    tables = [t for t in tables if not t.empty]
    if not tables:
        return table_from_rows([], COMMONALITY_COLUMNS)
    return pd.concat(tables, ignore_index=True)
