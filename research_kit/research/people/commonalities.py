"""What you share with an interviewer, with evidence from both sides and an opener.

The advice: look for what you share — school, activities, volunteering, employers — and
mention it when the chance comes. Each :class:`Commonality` names the category, what is
shared, the evidence on your side and on theirs (each with its source), how strong it is,
and a suggested opener phrased as a question about them.

Matching uses the comparison keys of :mod:`.normalise` (strict: spelling only, plus an
explicit list of unambiguous aliases). A fact found only in free text (your typed notes, or
a profile's raw text when its parser found no such section) counts one strength level
lower and quotes the sentence, so the user can judge it. Skills, languages, places and
industries are never taken from free text: "PyData Portland" in a note is not a location.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...provenance import Source, table_from_rows
from ...sources.profiles.model import Profile
from ..normalise import (
    SCHOOL_ALIASES,
    certification_issuer,
    certification_key,
    company_key,
    fold,
    language_key,
    org_key,
    school_key,
    short_company,
    skill_key,
    split_location,
)

__all__ = ["Commonality", "find_commonalities", "commonalities_table", "commonalities",
           "COMMONALITY_COLUMNS", "INDUSTRY_TERMS"]

COMMONALITY_COLUMNS = ["person", "category", "shared", "strength", "basis", "my_evidence",
                       "their_evidence", "opener", "my_source"]
_ORDER = ["school", "employer", "volunteering", "group", "location", "certification",
          "industry", "language", "skills"]
_STRENGTHS = ["strong", "medium", "weak"]

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


@dataclass
class _Item:
    key: str
    display: str
    evidence: str
    source: Source | None
    years: tuple[int | None, int | None] = (None, None)
    category: str = ""
    variants: tuple[str, ...] = ()
    """Spellings to look for in free text."""


# --- extracting comparable items from a profile ----------------------------------------

def _year(value: str | None, *, end: bool = False) -> int | None:
    if not value:
        return None
    if end and fold(value) in ("present", "current", "now", "today"):
        return 9999
    m = re.search(r"(19|20)\d\d", str(value))
    return int(m.group(0)) if m else None


def _span(start, end) -> str:
    if not start and not end:
        return ""
    return f" ({start or '?'}–{end or '?'})"


def _school_items(p: Profile, aliases) -> list[_Item]:
    items = []
    for e in p.education:
        key = school_key(e.school, aliases)
        degree = ", ".join(x for x in (e.degree, e.field_of_study) if x)
        evidence = f"Education: {e.school}" + (f", {degree}" if degree else "") + _span(e.start, e.end)
        known = {**SCHOOL_ALIASES, **{fold(k): fold(v) for k, v in (aliases or {}).items()}}
        variants = {e.school, key} | {k for k, v in known.items() if school_key(v, aliases) == key}
        items.append(_Item(key, e.school, evidence, e.source or p.source,
                           (_year(e.start), _year(e.end, end=True)), "school", tuple(variants)))
    return items


def _employer_items(p: Profile, aliases) -> list[_Item]:
    items = []
    for e in p.experience:
        key = company_key(e.company, aliases)
        role = f"{e.title} at {e.company}" if e.title else e.company
        items.append(_Item(key, e.company, f"Experience: {role}{_span(e.start, e.end)}",
                           e.source or p.source, (_year(e.start), _year(e.end, end=True)),
                           "employer", (e.company, short_company(e.company), key)))
    return items


def _org_parts(text: str) -> list[str]:
    parts = re.split(r",|\s+at\s+|\s+with\s+|\s+[-–—|]\s+", text)
    return [x.strip() for x in parts if x.strip()]


def _org_items(p: Profile, aliases) -> list[_Item]:
    items = []
    for category, entries in (("volunteering", p.volunteering), ("group", p.groups)):
        for entry in entries:
            names = [entry.organization] if entry.organization else _org_parts(entry.text)
            for name in names:
                label = "Volunteering" if category == "volunteering" else "Groups"
                items.append(_Item(org_key(name, aliases), name, f"{label}: {entry.text}",
                                   entry.source or p.source, category=category,
                                   variants=(name,)))
    return items


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


def _find_in_text(item: _Item, text: str) -> str | None:
    """The sentence of ``text`` that names ``item``, or None."""
    patterns = [p for p in (_variant_pattern(v) for v in item.variants if v) if p]
    for sentence in _sentences(text):
        if any(p.search(sentence) for p in patterns):
            return sentence if len(sentence) <= 200 else sentence[:197] + "…"
    return None


# --- matching --------------------------------------------------------------------------

def _weaker(strength: str) -> str:
    return _STRENGTHS[min(_STRENGTHS.index(strength) + 1, len(_STRENGTHS) - 1)]


def _overlap(a: tuple, b: tuple) -> str:
    if None in a or None in b:
        return ""
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    if lo > hi:
        return ""
    hi_text = "now" if hi == 9999 else str(hi)
    return f"{lo}" if lo == hi else f"{lo}–{hi_text}"


def _match_items(mine: list[_Item], theirs: list[_Item],
                 their_texts: list[tuple[str, Source | None]], my_texts: list[tuple[str, Source | None]],
                 category_of: Callable[[_Item, _Item], str],
                 strength: str) -> list[Commonality]:
    out, seen = [], set()
    for m in mine:
        for t in theirs:
            if m.key and m.key == t.key and m.key not in seen:
                seen.add(m.key)
                overlap = _overlap(m.years, t.years)
                out.append(Commonality(category_of(m, t), t.display, strength, "profiles",
                                       m.evidence, t.evidence, my_source=m.source,
                                       their_source=t.source,
                                       detail={"overlap": overlap, "mine": m.display}))
    # an item of one side named in the other side's free text (notes, raw profile text)
    for items, texts, mine_side in ((mine, their_texts, True), (theirs, my_texts, False)):
        for item in items:
            hit = None if item.key in seen else next(
                ((f"“{sentence}”", source) for text, source in texts
                 if (sentence := _find_in_text(item, text))), None)
            if hit is None:
                continue
            seen.add(item.key)
            quote, source = hit
            out.append(Commonality(
                item.category, item.display, _weaker(strength), "notes",
                item.evidence if mine_side else quote, quote if mine_side else item.evidence,
                my_source=item.source if mine_side else source,
                their_source=source if mine_side else item.source,
                detail={"mine": item.display}))
    return out


def _location(me: Profile, them: Profile) -> list[Commonality]:
    (my_city, my_region), (their_city, their_region) = (split_location(me.location),
                                                        split_location(them.location))
    if my_city and my_city == their_city:
        if my_region and their_region and my_region != their_region:
            return []  # Portland, OR is not Portland, ME
        strength = "medium" if (my_region and their_region) else "weak"
        shared = them.location if len(them.location) <= len(me.location) else me.location
        return [Commonality("location", shared, strength, "profiles", f"Location: {me.location}",
                            f"Location: {them.location}", my_source=me.source,
                            their_source=them.source, detail={"city": my_city})]
    if my_region and my_region == their_region and len(my_region) > 2:
        return [Commonality("location", my_region.title(), "weak", "profiles",
                            f"Location: {me.location}", f"Location: {them.location}",
                            my_source=me.source, their_source=them.source)]
    return []


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


# --- public API ------------------------------------------------------------------------

def _texts(profile: Profile, notes: str, notes_source: Source | None,
           structured_empty: bool) -> list[tuple[str, Source | None]]:
    texts = [(notes, notes_source)] if notes else []
    if structured_empty and profile.raw_text:
        texts.append((profile.raw_text, profile.source))
    return texts


def find_commonalities(me: Profile, them: Profile, *, notes: str = "",
                       notes_source: Source | None = None, company: str | None = None,
                       aliases: dict[str, str] | None = None) -> list[Commonality]:
    """Everything ``me`` and ``them`` share, strongest first. ``notes``: what the user typed
    about them (searched for your schools, employers and organisations); ``company``: the
    target company, for openers; ``aliases``: the user's own spellings (``[aliases]``)."""
    found: list[Commonality] = []
    kinds = [("school", _school_items, "strong"), ("employer", _employer_items, "strong"),
             ("org", _org_items, "strong")]
    for kind, extract, strength in kinds:
        mine, theirs = extract(me, aliases), extract(them, aliases)
        their_texts = _texts(them, notes, notes_source, not theirs)
        my_texts = _texts(me, "", None, not mine)

        def category(m: _Item, t: _Item) -> str:
            return "volunteering" if m.category == t.category == "volunteering" else \
                ("group" if kind == "org" else kind)

        found += _match_items(mine, theirs, their_texts, my_texts, category, strength)
    for c in found:  # a shared group is a little weaker than a shared school or employer
        if c.category == "group" and c.strength == "strong":
            c.strength = "medium"
    shared_employers = {company_key(c.detail.get("mine", c.shared), aliases)
                        for c in found if c.category == "employer"}
    found += _location(me, them)
    found += _certifications(me, them)
    found += _industries(me, them, shared_employers)
    found += _languages(me, them)
    found += _skills(me, them)
    first = them.name.split()[0] if them.name.split() else them.name
    for c in found:
        c.opener = _opener(c, first, company)
    found.sort(key=lambda c: (_STRENGTHS.index(c.strength), _ORDER.index(c.category)))
    return found


def commonalities_table(me: Profile, them: Profile, **kwargs):
    """:func:`find_commonalities` as a DataFrame (COMMONALITY_COLUMNS + source columns of
    their side; ``my_source`` holds where your side came from)."""
    rows = []
    for c in find_commonalities(me, them, **kwargs):
        rows.append({"person": them.name, "category": c.category, "shared": c.shared,
                     "strength": c.strength, "basis": c.basis, "my_evidence": c.my_evidence,
                     "their_evidence": c.their_evidence, "opener": c.opener,
                     "my_source": c.my_source.label() if c.my_source else None,
                     "source": c.their_source})
    return table_from_rows(rows, COMMONALITY_COLUMNS)


def commonalities(workspace: Any, *, me: Profile | None = None):
    """Commonalities between you (``me`` in target.toml, or the ``me`` argument) and every
    interviewer in the workspace, strongest first within each person. Empty (with columns)
    when your own profile is not available."""
    import pandas as pd

    from .interviewers import load_interviewers, load_me, read_target

    _, data = read_target(workspace)
    me = me or load_me(workspace)
    aliases = data.get("aliases") if isinstance(data.get("aliases"), dict) else None
    if me is None:
        return table_from_rows([], COMMONALITY_COLUMNS)
    name = data.get("name")
    company = short_company(name) if isinstance(name, str) and name.strip() else None
    tables = [commonalities_table(me, person.profile, notes=person.notes,
                                  notes_source=person.source, company=company,
                                  aliases=aliases)
              for person in load_interviewers(workspace, include_coordinator=False)]
    tables = [t for t in tables if not t.empty]
    if not tables:
        return table_from_rows([], COMMONALITY_COLUMNS)
    return pd.concat(tables, ignore_index=True)
