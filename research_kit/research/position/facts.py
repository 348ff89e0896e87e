"""The hard facts: years, degree, certification, language, location.

Years live in :mod:`.years`, degree and certification in :mod:`.education`; this module
judges languages and locations and gathers the five rules.

* **years** — counted from dated roles ("Present" = the profile's own date), overlaps once;
  the roles that count are those showing the requirement's subject (all roles when it
  names none). A resume's stated "Total Experience" and per-skill durations count too.
  Met when the roles showing it add up; not met when the whole dated career (or the stated
  total) is shorter than asked; partly when the subject is shown without enough years or
  without dates; unknown when the subject is never mentioned;
* **degree** — from the education lines: the level (high school < diploma < bachelor <
  master < doctorate) and the field; a lower degree is not met unless the posting accepts
  equivalent experience (then partly); no education at all is unknown;
* **certification** — a named certificate in the profile; a complete certifications list
  without it is not met (LinkedIn's current sidebar shows at most five: never complete);
  the tool or body used without the certificate is partly; else unknown;
* **language** — a languages list or a stated level ("Fluent in English"): native or
  fluent meets "fluent", professional working is partly, beginner or absent from a stated
  list is not met; no languages stated is unknown;
* **location** — the profile's own location against the places asked (by country);
  authorisation, clearance and travel are unknown unless the profile says something
  about them (then partly); travel is met when the profile states work travel done
  ("Onsite Visits to Sweden & US").
"""

from __future__ import annotations

import re

from ...lexicon.places import country_of, places_in, regions_of
from ...lexicon.text import fold
from .education import certification, degree, degree_of
from .evidence import STRONG_KINDS, EvidenceUnit
from .judge import Judge, Verdict
from .requirements import Requirement
from .years import years

__all__ = ["years", "degree", "certification", "language", "location", "degree_of"]


# --- language -------------------------------------------------------------------------

_FLUENT = re.compile(r"\b(native|bilingual|fluent|fluency|full professional|mother tongue|"
                     r"proficient|c2|c1)\b", re.I)
_WORKING = re.compile(r"\b(professional working|working proficiency|good|well|conversational|"
                      r"intermediate|b1|b2|communicate)\b", re.I)
_BEGINNER = re.compile(r"\b(elementary|limited|beginner|basic|a1|a2)\b", re.I)


def _language_level(text: str) -> int:
    if _FLUENT.search(text):
        return 3
    if _BEGINNER.search(text):
        return 1
    if _WORKING.search(text):
        return 2
    return 2


def _only_a_language(judge: Judge, unit: EvidenceUnit) -> bool:
    """A list item that is a language and nothing else ("Languages • English • Hindi" of a
    resume read as text gives the items "English", "Hindi"): it states a spoken language,
    where "English" inside "New Era English School" does not."""
    words = re.sub(r"\(.*?\)|[^\w\s]", " ", unit.text).split()
    if not 0 < len(words) <= 3 or len(unit.concepts) != 1:
        return False
    [concept] = unit.concepts
    return judge.vocab.category(concept) == "language-spoken" and fold(words[0]) == fold(concept)


_ACROSS_GEOGRAPHIES = re.compile(r"\bor\b[^.;]{0,40}\b(?:across|multiple|different|several)\s+"
                                 r"(?:geograph\w*|regions|countries|markets|cultures)", re.I)
_REGIONS = re.compile(r"\b(?:EMEA|APAC|APJ|LATAM|Americas|North America|Europe|Asia[- ]Pacific|"
                      r"Middle East|global (?:teams?|clients?|customers?)|international "
                      r"(?:teams?|clients?|customers?|projects?))\b")


def _across_geographies(judge: Judge, req: Requirement, verdict: Verdict) -> bool:
    """"Multi-lingual *or* experience working across geographies": the second branch is met
    by work that names two or more regions ("Support U.S., EMEA, and APAC regions")."""
    if not _ACROSS_GEOGRAPHIES.search(req.text):
        return False
    for unit in judge.usable:
        if unit.kind in STRONG_KINDS and len(set(_REGIONS.findall(unit.text))) >= 2:
            verdict.verdict, verdict.quotes = "met", [unit]
            verdict.reason = "work across regions is shown (the posting's other branch)"
            return True
    return False


def language(judge: Judge, req: Requirement) -> Verdict:
    verdict = Verdict("unknown", "", "language")
    if _across_geographies(judge, req, verdict):
        return verdict
    spoken = [u for u in judge.units if u.kind == "language" or
              u.kind in ("skill", "summary", "text", "headline", "bullet")
              and any(judge.vocab.category(c) == "language-spoken" for c in u.concepts)
              and (re.search(r"\b(speak|spoken|fluent|native|communicate|language|proficien|"
                             r"[abc][12]\b)", u.text, re.I) or _only_a_language(judge, u))]
    if not spoken:
        verdict.reason = "the profile does not state which languages its author speaks"
        return verdict
    stated: dict[str, tuple[int, EvidenceUnit]] = {}
    for unit in spoken:
        for concept in unit.concepts:
            if judge.vocab.category(concept) == "language-spoken":
                level = _language_level(unit.text)
                if level > stated.get(concept, (0, unit))[0]:
                    stated[concept] = (level, unit)
    fluent_asked = bool(re.search(r"fluen|idiomatic|native|full professional", req.text, re.I))
    if req.multilingual and not req.languages:
        good = [c for c, (lvl, _) in stated.items() if lvl >= 2]
        verdict.quotes = [u for _, u in stated.values()][:2]
        if len(good) >= 2:
            verdict.verdict, verdict.reason = "met", f"speaks {', '.join(good)}"
        else:
            verdict.verdict = "partly"
            verdict.reason = "one language stated at a working level" if good else \
                "only a beginner level in a second language"
        return verdict
    results: list[tuple[str, EvidenceUnit | None, list[str]]] = []
    for group in req.languages:
        best = max((stated[c] for c in group if c in stated), key=lambda x: x[0], default=None)
        if best is None:
            results.append(("not_met", None, group))
        elif best[0] == 1:
            results.append(("not_met", best[1], group))
        elif best[0] == 2 and fluent_asked:
            results.append(("partly", best[1], group))
        else:
            results.append(("met", best[1], group))
    verdict.quotes = [r[1] for r in results if r[1] is not None] or spoken[:1]
    if any(r[0] == "not_met" for r in results):
        missing = [" or ".join(g) for r, u, g in results if r == "not_met"]
        verdict.verdict = "not_met"
        verdict.reason = f"the languages stated do not include {', '.join(missing)} at a " \
                         "working level"
    elif any(r[0] == "partly" for r in results):
        verdict.verdict = "partly"
        verdict.reason = "stated at a working level; the posting asks for fluency"
    else:
        verdict.verdict = "met"
        verdict.reason = "stated at the level asked"
    return verdict


# --- location -------------------------------------------------------------------------

_TRAVEL_SIGNS = re.compile(r"\b(travel\w*|onsite|on-site|abroad|visits?|overseas|relocat\w*)\b",
                           re.I)
# travel the profile says was done for work ("Onsite Visits to Sweden & US", "Travelled
# onsite (Glasgow)"): shows the ability to travel, not merely a visa or a wish
_TRAVEL_DONE = re.compile(r"\b(?:onsite|on-site|client|business|customer)\s+(?:visits?|trips?|"
                          r"travel)\b|\btravell?ed\b(?:\s+\w+){0,3}\s+(?:onsite|on-site|to|"
                          r"abroad|overseas)\b|\bvisits?\s+to\s+[A-Z]", re.I)
_TRAVEL_DUTY = re.compile(r"\s*(?:travel(?:l?ing)?|travell?ed)\s+(?:as\s+(?:required|needed)|"
                          r"extensively|frequently|regularly|widely|across|throughout|within|"
                          r"to\s+(?:customer|client|site|field))\b", re.I)
_TRAVEL_MUCH = re.compile(r"\b(?:frequent\w*|extensive\w*|regular\w*|significant\w*|heavy|"
                          r"constant\w*|majority)\b|(?<!up to )\b(?:[4-9]\d|100)\s*%", re.I)
"""Much travel asked: past trips do not show it ("up to 40%" is a ceiling, not a share)."""
_STATUS_SIGNS = re.compile(r"\b(visa|citizen\w*|green card|work permit|permanent resident|"
                           r"clearance|authori[sz]ed)\b", re.I)


def location(judge: Judge, req: Requirement) -> Verdict:
    verdict = Verdict("unknown", "", "location")
    kind = req.location_kind or "residence"
    if kind in ("authorisation", "clearance", "travel"):
        signs = _STATUS_SIGNS if kind != "travel" else _TRAVEL_SIGNS
        said = [u for u in judge.usable if signs.search(u.text)]
        done = [u for u in said if kind == "travel" and u.kind in STRONG_KINDS | {"skill"}
                and _TRAVEL_DONE.search(u.text)]
        if _TRAVEL_MUCH.search(req.text):
            done = []  # past trips do not show "frequent" or "extensive" travel
        # a role whose duties include travel ("Travel as required to support the field
        # sales channel") shows travel as part of the job, even when much is asked
        done += [u for u in said if kind == "travel" and u.kind == "bullet"
                 and u.role is not None and _TRAVEL_DUTY.match(u.text) and u not in done]
        if done:
            verdict.verdict, verdict.quotes = "met", done[:1]
            verdict.reason = "the profile states work travel already done"
        elif said:
            verdict.verdict, verdict.quotes = "partly", said[:1]
            verdict.reason = "the profile says something related; it does not settle it"
        else:
            verdict.reason = {"travel": "the profile says nothing about travel",
                              "clearance": "the profile does not state citizenship or a "
                                           "clearance",
                              "authorisation": "the profile does not state work "
                                               "authorisation"}[kind]
        return verdict
    where = judge.profile.location
    if not where:
        verdict.reason = "the profile states no current location"
        return verdict
    header = [u for u in judge.units if u.kind == "location"][:1]
    asked = places_in(req.text)
    if re.search(r"\bremote\b", req.text, re.I) and not asked:
        verdict.verdict, verdict.reason, verdict.quotes = "met", "the role is remote", header
        return verdict
    if not asked:
        verdict.reason = "the posting names no place the profile can be compared with"
        return verdict
    folded = f" {fold(where)} "
    regions = regions_of(where)
    if any(f" {fold(p.name)} " in folded for p in asked if p.kind != "country") or \
            any(p.kind == "region" and p.name in regions for p in asked) or \
            any(p.kind == "country" and country_of(where) == p.country for p in asked):
        verdict.verdict, verdict.quotes = "met", header
        verdict.reason = f"based in {where}"
        return verdict
    mine = country_of(where)
    theirs = {p.country for p in asked}
    if mine and mine not in theirs:
        verdict.verdict, verdict.quotes = "not_met", header
        verdict.reason = f"based in {where}, outside {', '.join(sorted(theirs))}"
        return verdict
    asked_regions = {p.name for p in asked if p.kind == "region"}
    if regions and asked_regions and all(p.kind == "region" for p in asked) and \
            not regions & asked_regions:
        verdict.verdict, verdict.quotes = "not_met", header
        verdict.reason = f"based in {where}, not in one of the places asked"
        return verdict
    verdict.reason = f"based in {where}; whether that is within the area asked is not clear"
    verdict.quotes = header
    return verdict
