"""The hard facts: years, degree, certification, language, location.

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

from ...lexicon.places import country_of, known_place, places_in, regions_of
from ...lexicon.specificity import word_weight
from ...lexicon.terms import stem
from ...lexicon.text import fold
from ...sources.profiles.dates import years_between
from .evidence import LIST_KINDS, STRONG_KINDS, EvidenceUnit, total_years
from .judge import Judge, Verdict
from .requirements import Requirement

__all__ = ["years", "degree", "certification", "language", "location", "degree_of"]


# --- years ----------------------------------------------------------------------------

_TOTAL = re.compile(r"(\d+(?:\.\d+)?)\s*\+?\s*(?:years?|yrs?)(?:\s*(?:and\s*)?(\d+)\s*months?)?",
                    re.I)
_MONTHS = re.compile(r"(\d+)\s*months?", re.I)


def _stated_total(judge: Judge) -> tuple[float, EvidenceUnit | None]:
    for unit in judge.units:
        if unit.kind == "total":
            m = _TOTAL.search(unit.text)
            if m:
                return float(m.group(1)) + int(m.group(2) or 0) / 12, unit
    return 0.0, None


def _skill_years(unit: EvidenceUnit) -> float:
    if re.search(r"less than 1 year", unit.text, re.I):
        return 0.5
    m = _MONTHS.search(unit.text)
    return int(m.group(1)) / 12 if m else 0.0


_PROSE_YEARS = re.compile(r"\b(?:for|since|from (?:the )?last|over|around|having|with|of)\s+"
                          r"(?:about\s+|around\s+|over\s+|more than\s+)?(\d{1,2}(?:\.\d)?)\s*"
                          r"\+?\s*(?:years?|yrs?)\b", re.I)


_STINT = re.compile(r"^\s*(?:i\s+)?(?:have\s+)?(?:currently\s+)?(?:worked|working|served|"
                    r"serving)\s+as\b", re.I)


def _prose_years(judge: Judge, req: Requirement) -> float:
    """Years a role's own sentences state ("… developer of Movex/M3 ERP for 4 years"),
    for undated roles that show the subject: one figure per role, except that sentences
    each telling one stint ("Worked as a Senior AS400 developer … for 4 years", "Worked as
    a M3 Java developer … for 1 year") add up, each stint once."""
    per_role: dict[object, float] = {}
    stints: dict[object, dict[str, float]] = {}
    for unit in judge.usable:
        if unit.kind not in ("bullet", "summary", "role", "text"):
            continue
        m = _PROSE_YEARS.search(unit.text)
        if not m or not (_shows(judge, req, [unit]) or not req.slots and not req.words):
            continue
        key = unit.role if unit.role is not None else id(unit)
        per_role[key] = max(per_role.get(key, 0.0), float(m.group(1)))
        if _STINT.search(unit.text):
            what = " ".join(unit.text.lower().split())
            stints.setdefault(key, {})[what] = float(m.group(1))
    return sum(max(years, sum(stints.get(key, {}).values()))
               for key, years in per_role.items())


def years(judge: Judge, req: Requirement) -> Verdict:
    asked = req.years or 0.0
    profile = judge.profile
    verdict = Verdict("unknown", "", "years", years_asked=asked)
    whole = req
    req = req.topic or req
    topic = bool(req.slots) or any(w >= 0.45 for w in req.words.values())
    relevant = {i for i in judge.by_role if _shows(judge, req, judge.by_role[i])} if topic \
        else set(range(len(profile.experience)))
    if _TECHNICAL_ASKED.search(whole.text) and not req.slots:
        # "10 years in a technical role": every engineering, IT or developer role counts
        topic = True
        relevant = {i for i, e in enumerate(profile.experience)
                    if _TECHNICAL_TITLE.search(f"{e.title} {e.company}")}
    relevant_years = total_years(profile, relevant, judge.today) if relevant else 0.0
    durations = [u for u in judge.units if u.kind == "skill-duration"]
    topical = [u for u in durations if _shows(judge, req, [u])] if topic else durations
    if _TECHNICAL_ASKED.search(whole.text) and not req.slots:
        topical = durations
    skill_years = max((_skill_years(u) for u in topical), default=0.0)
    career = total_years(profile, None, judge.today)
    stated, stated_unit = _stated_total(judge)
    prose = _prose_years(judge, req)
    found = max(relevant_years, skill_years, prose)
    verdict.years_found = round(found, 1)
    dated = [i for i, e in enumerate(profile.experience)
             if years_between(e.start, e.end, judge.today) > 0 or e.start]
    # "project management in cloud computing, enterprise software …": years of project
    # management alone are not years of the whole thing asked
    shown_units = [u for i in relevant for u in judge.by_role.get(i, [])
                   if u.kind in STRONG_KINDS] + topical
    unshown = [sl.text for sl in req.slots if judge.fill_across(sl, shown_units) < 1] \
        if topic and len(req.slots) > 1 else []
    if found >= asked and (relevant or topical or prose) and unshown and not prose:
        verdict.verdict = "partly"
        verdict.quotes = judge.quote_for(req)[:1]
        verdict.reason = f"about {found:.1f} years shown, but not of {', '.join(unshown)}"
        return verdict
    if found >= asked and (relevant or topical or prose):
        verdict.verdict = "met"
        best_role = max(relevant, key=lambda i: years_between(
            profile.experience[i].start, profile.experience[i].end, judge.today),
            default=None) if relevant_years >= skill_years else None
        verdict.quotes = (judge.quote_for(req, best_role) or _role_quote(judge, best_role)) \
            if best_role is not None else topical[:1]
        verdict.reason = f"about {found:.1f} years shown ({asked:g} asked)"
        if profile.as_of:
            verdict.reason += f"; “Present” counted as the export's date, {profile.as_of}"
        return verdict
    # a resume's own "Total Experience" beats dates whose "Till Date" is unknown
    known = stated if stated_unit is not None and not profile.as_of else max(career, stated)
    estimate = max(known, max((_skill_years(u) for u in durations), default=0.0))
    if (known or durations) and estimate < asked:
        employers = {e.company.lower() for e in profile.experience if e.company}
        if known and known < asked or not known and len(employers) <= 1:
            verdict.verdict = "not_met"
            what = "the stated total experience" if stated_unit and known == stated else \
                "the whole dated career" if known else "the longest stated skill duration"
            verdict.reason = f"{what} is about {estimate:.1f} years; {asked:g} asked"
            since = _career_start(judge)
            if known and known != stated and since:
                verdict.reason = f"{what} is about {estimate:.1f} years (since {since}); " \
                                 f"{asked:g} asked"
                if _career_span(judge) >= estimate + 1:
                    # "2.2 years (since August 2011)" read in 2016 looks wrong: say the
                    # roles have gaps between them
                    verdict.reason = f"the dated roles add up to about {estimate:.1f} years, " \
                                     f"with gaps, since {since}; {asked:g} asked"
            # a bare date line is no quote: the reason says the span
            verdict.quotes = [stated_unit] if stated_unit and known == stated else \
                [] if known else sorted(durations, key=_skill_years)[-1:]
            return verdict
    if relevant and topic or topical:
        verdict.verdict = "partly"
        quote_role = max(relevant, key=lambda i: judge.coverage(req, judge.by_role.get(i, [])),
                         default=None) if relevant else None
        verdict.quotes = (judge.quote_for(req, quote_role) or _role_quote(judge, quote_role)) \
            if quote_role is not None else topical[:1]
        if not dated and not durations:
            verdict.reason = "the work is shown but the profile gives no dates"
        else:
            verdict.reason = f"about {found:.1f} years of it shown; {asked:g} asked"
        return verdict
    if not topic and not known and not durations:
        verdict.reason = "the profile gives no dates to count years from"
        return verdict
    near = _adjacent_work(judge, req)
    if near is not None:
        # Android work when iOS is asked, an undated skills-list item: the closest work
        # is worth naming, as partly — never as years of the thing asked
        verdict.verdict = "partly"
        verdict.quotes = [near]
        verdict.reason = "adjacent work is shown, not this exactly: no years of it to count"
        return verdict
    verdict.reason = "the profile does not show this kind of work"
    return verdict


def _adjacent_work(judge: Judge, req: Requirement) -> EvidenceUnit | None:
    """The unit of prose that shows something next to what the years are of: a sibling
    under a broader concept, or most of its specific words."""
    best: tuple[float, EvidenceUnit | None] = (0.0, None)
    for unit in judge.usable:
        listed = unit.kind in LIST_KINDS
        if not (unit.kind in STRONG_KINDS or listed) or unit.kind == "total":
            continue
        near = max((judge.fill(s, unit) for s in req.slots), default=0.0) if req.slots \
            else 0.0 if listed else judge.coverage(req, [unit])
        if listed and near < 1:
            continue  # a listed skill counts only when it names the thing itself
        if near > best[0]:
            best = (near, unit)
    return best[1] if best[0] >= (0.5 if req.slots else 0.6) else None


_TECHNICAL_ASKED = re.compile(r"\btechnical (?:role|position|capacity|job|field|work|"
                              r"experience|environment)s?\b", re.I)
_TECHNICAL_TITLE = re.compile(r"\b(?:engineer\w*|engg|developer|programmer|architect|"
                              r"technical|technician|technologist|devops|sre|cto|it|"
                              r"software|systems?|network|database|dba|data scientist|"
                              r"data engineer|analyst programmer|tester|qa|coder|web|"
                              r"wordpress|plugins?|administrator|admin|security|cloud|"
                              r"tech lead|scrum master|informatics)\b", re.I)
"""Titles of technical roles, for "N years in a technical role"."""


def _shows(judge: Judge, req: Requirement, units: list[EvidenceUnit]) -> bool:
    """Do ``units`` show what the years are of? A named thing must be there when the
    requirement names one; otherwise half of its specific words."""
    units = [u for u in units if u.kind in STRONG_KINDS or u.kind == "skill-duration"]
    if not units:
        return False
    if req.slots:
        return any(judge.fill_across(s, units) >= 1 for s in req.slots)
    return judge.coverage(req, units) >= 0.5


def _role_quote(judge: Judge, role: int | None) -> list[EvidenceUnit]:
    units = judge.by_role.get(role, []) if role is not None else []
    return [u for u in units if u.kind in STRONG_KINDS][:1]


def _career_span(judge: Judge) -> float:
    """Years from the first dated role's start to the last one's end (or today)."""
    dated = [e for e in judge.profile.experience if e.start]
    if not dated:
        return 0.0
    first = min(e.start for e in dated if e.start)
    ends = [e.end for e in dated]
    last = "present" if any(not end or str(end).lower() == "present" for end in ends) else \
        max(str(end) for end in ends)
    return years_between(first, last, judge.today)


def _career_start(judge: Judge) -> str:
    """The earliest dated role's start, as people write it ("January 2022")."""
    starts = sorted(e.start for e in judge.profile.experience if e.start)
    if not starts:
        return ""
    year, _, month = starts[0].partition("-")
    months = ("January February March April May June July August September October November "
              "December").split()
    return f"{months[int(month) - 1]} {year}" if month.isdigit() and 1 <= int(month) <= 12 \
        else year


# --- degree ---------------------------------------------------------------------------

_LEVELS = [  # (level, pattern as written on profiles and resumes)
    (5, r"ph\.?\s?d|doctor(?:ate| of)|d\.?phil"),
    (4, r"master'?s?|m\.?\s?sc?\.?|m\.?\s?tech|mba|mca|m\.?\s?eng|m\.?\s?ed|m\.?\s?com|meng|"
        r"mphil|post ?grad\w*|pg|llm"),
    (3, r"bachelor'?s?|b\.?\s?s\.?\s?c?\.?|b\.?\s?e\.?|b\.?\s?tech|btech|b\.?\s?a\.?(?=\s|,|$)|"
        r"bca|bba|b\.?\s?com|ll\.?\s?b|be|b\.?\s?eng|undergraduate|graduat(?:e|ion) in"),
    (2, r"associate'?s? degree|diploma"),
    (1, r"hsc|ssc|high school|secondary|1[02]th|first year|gced?"),
]
# not inside a dotted initialism: "S.S.P.M.S College" names no master's degree
_LEVEL_COMPILED = [(n, re.compile(rf"(?<![a-z])(?<![a-z]\.)(?:{p})(?![a-z])(?!\.[a-z]\b)", re.I))
                   for n, p in _LEVELS]
_ASKED_LEVEL = {"high school": 1, "associate": 2, "bachelor": 3, "master": 4, "doctorate": 5}
FIELD_FAMILIES: dict[str, tuple[str, ...]] = {
    "computer science": ("computer science", "computing", "informatics", "information technology",
                         "cse", "computer engineering", "software engineering", "information "
                         "systems", "computer applications", "bca", "mca", "it"),
    "engineering": ("engineering", "engg", "b e", "be", "b tech", "btech", "m tech", "electronics",
                    "bachelor of technology", "master of technology", "mtech",
                    "electrical", "mechanical", "civil", "cse", "meng"),
    "electrical engineering": ("electrical", "eee", "electronics"),
    "mechanical engineering": ("mechanical",),
    "business": ("business", "commerce", "bba", "mba", "management", "b com", "administration"),
    "statistics": ("statistics", "mathematics", "math", "econometrics", "statistical"),
    "education": ("education", "teaching", "m ed", "b ed"),
    # a class of fields: any one of them is the field asked
    "technical": ("computer", "computing", "engineering", "engg", "science", "technology",
                  "informatics", "information systems", "electronics", "electrical",
                  "mechanical", "mathematics", "statistics", "physics", "cse", "it", "b tech",
                  "btech", "b e", "be"),
    "quantitative": ("mathematics", "math", "statistics", "statistical", "physics", "economics",
                     "econometrics", "engineering", "computer science", "computing", "finance",
                     "actuarial", "data science", "operations research"),
}
_TECHNICAL = ("computer", "engineering", "engg", "science", "technology", "informatics",
              "electronics", "electrical", "mechanical", "mathematics", "statistics", "physics",
              "cse", "it", "b tech", "btech")

_COMPUTING_KIN = ("computer", "computing", "software", "information", "informatics", "it",
                  "cse", "electrical", "electronics", "electronic", "communication",
                  "communications", "telecommunication", "telecommunications", "data",
                  "artificial intelligence", "machine learning", "mathematics", "math",
                  "statistics", "physics")
"""Fields kin to computing and electronics: what "EE, Computer Engineering, CS, or related
field" accepts (a civil or mechanical engineer's degree is technical, but not related;
"a related technical field" is read more broadly)."""


# a diploma or certificate taken after a bachelor's is not a master's degree
_PG_DIPLOMA = re.compile(r"\b(?:post[\s-]?graduate|pg)\s+(?:diploma|certificate)\b", re.I)


def _has_word(folded: str, words: tuple[str, ...]) -> bool:
    return any(f" {w} " in f" {folded} " for w in words)


def degree_of(text: str) -> int:
    """The level a profile's education line names (0 when none)."""
    if _PG_DIPLOMA.search(text):
        rest = _PG_DIPLOMA.sub(" ", text)
        return max(3, max((n for n, p in _LEVEL_COMPILED if p.search(rest)), default=0))
    return max((n for n, p in _LEVEL_COMPILED if p.search(text)), default=0)


# "SNS College of Engineering", "Institute of Technology": the school's name, not the
# degree's field (an MBA from a college of engineering is a business degree)
_SCHOOL_NAME = re.compile(r"\b(?:College|Institute|University|School|Academy|Polytechnic)\s+"
                          r"of\s+(?:[A-Z][\w.&]*\s*){1,3}|(?:\b[A-Z][\w.&]*\s+){1,3}"
                          r"(?:College|Institute|University|School|Academy)\b"
                          r"(?:\s+of\s+(?:[A-Z][\w.&]*\s*){1,3})?")
# degrees whose name is their field
_NAMED_FIELD = re.compile(r"(?<![a-z])(?:mba|bba|b\.?\s?com|m\.?\s?com|mca|bca|ll\.?\s?b|"
                          r"llm|b\.?\s?tech|m\.?\s?tech)(?![a-z])", re.I)


_ENGINEERING_DEGREE = re.compile(r"(?<![a-z.])(?:b\.?\s?e|m\.?\s?e|b\.?\s?eng|m\.?\s?eng|"
                                 r"bachelor of engineering|master of engineering)\b\.?(?![a-z])",
                                 re.I)


def _without_school(line: str) -> str:
    return _SCHOOL_NAME.sub(" ", line)


def _field_matches(asked: str, line: str) -> bool:
    folded = f" {fold(_without_school(line))} "
    family = next((syn for key, syn in FIELD_FAMILIES.items() if fold(asked) == key or
                   fold(asked) in syn), None)
    names = family or (fold(asked),)
    return any(f" {n} " in folded for n in names)


def _field_stated(line: str) -> bool:
    """Does the line name a field beyond the degree itself ("B.E" alone does not; "MBA"
    does)?"""
    if _NAMED_FIELD.search(line):
        return True
    rest = fold(_without_school(line))
    for _, pattern in _LEVEL_COMPILED:
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\b(19|20)\d\d\b|\b(january|february|march|april|may|june|july|august|"
                  r"september|october|november|december|to|of|in|and|degree|honou?rs)\b", " ",
                  rest)
    words = [w for w in rest.split() if not known_place(w)]
    return any(_field_matches(key, " ".join(words)) for key in FIELD_FAMILIES) or \
        len(words) >= 2 and any(w in ("science", "arts", "law", "medicine", "design") for w in words)


def degree(judge: Judge, req: Requirement) -> Verdict:
    asked = _ASKED_LEVEL.get(req.degree or "", 0)
    if not asked and re.search(r"\bDVM\b|doctor of|\bM\.D\.|\bJ\.D\.", req.text, re.I):
        asked = 5
    asked = asked or 3
    verdict = Verdict("unknown", "", "degree", degree_asked=req.degree,
                      or_equivalent=req.or_equivalent)
    lines = [u for u in judge.units if u.kind == "education" and degree_of(u.text)]
    if not lines:
        lines = [u for u in judge.units if u.kind in ("text", "summary")
                 and degree_of(u.text) >= 3 and re.search(r"\bdegree|bachelor|master|b\.?s\b",
                                                          u.text, re.I)]
    if not lines:
        verdict.reason = "the profile lists no degree"
        return verdict
    lines.sort(key=lambda u: -degree_of(u.text))
    top = degree_of(lines[0].text)
    enough = [u for u in lines if degree_of(u.text) >= asked]
    if enough:
        if not req.fields:
            verdict.verdict, verdict.degree_met = "met", True
            verdict.quotes = enough[:1]
            verdict.reason = "the degree asked is listed"
            return verdict
        # "MBA, MS or PhD in a related field": the degree asked by name is its own field
        named = {fold(m) for m in _NAMED_FIELD.findall(req.text)}
        matching = [u for u in enough if any(_field_matches(f, u.text) for f in req.fields)
                    or named & {fold(m) for m in _NAMED_FIELD.findall(u.text)}]
        if not matching and any(fold(f) == "engineering" for f in req.fields):
            # a Bachelor/Master of Engineering is a degree in engineering (not, without
            # its field, in mechanical engineering)
            matching = [u for u in enough if _ENGINEERING_DEGREE.search(u.text)]
        if matching:
            verdict.verdict, verdict.degree_met = "met", True
            verdict.quotes = matching[:1]
            verdict.reason = "the degree and field asked are listed"
            return verdict
        unstated = [u for u in enough if not _field_stated(u.text)]
        technical = [u for u in enough if any(f" {t} " in f" {fold(_without_school(u.text))} "
                                              for t in _TECHNICAL)]
        asked_technical = any(any(f" {t} " in f" {fold(f)} " for t in _TECHNICAL)
                              for f in req.fields)
        # "a related software engineering field" is CS's kin, "related engineering fields"
        # engineering's: a civil engineer is not the first's, a CS graduate not the second's
        kin = re.search(r"\brelated\s+((?:software\s+)?engineering|software|computer|computing)"
                        r"\s+(?:fields?|disciplines?|areas?|subjects?)\b", req.text, re.I)
        if kin:
            family = "engineering" if kin.group(1).lower() == "engineering" else \
                "computer science"
            technical = [u for u in technical if _field_matches(family, u.text)]
        elif req.fields and all(_has_word(fold(f), _COMPUTING_KIN) for f in req.fields) and \
                not re.search(r"\btechnical\b", req.text, re.I):
            # "… or related field" after computing fields (a "related technical field" is
            # any technical one)
            technical = [u for u in technical
                         if _has_word(fold(_without_school(u.text)), _COMPUTING_KIN)]
        if req.related_field and technical and asked_technical:
            verdict.verdict, verdict.degree_met = "met", True
            verdict.quotes = technical[:1]
            verdict.reason = "a degree in a related technical field is listed"
            return verdict
        verdict.quotes = (unstated or enough)[:1]
        if unstated:
            verdict.verdict = "partly"
            verdict.reason = "a degree of the level asked is listed, but not its field"
        elif req.or_equivalent:
            verdict.verdict = "partly"
            verdict.reason = "a degree of the level asked is listed, in another field"
        else:
            verdict.verdict, verdict.degree_met = "not_met", False
            verdict.reason = f"the degrees listed are in other fields than {', '.join(req.fields)}"
        return verdict
    verdict.quotes = lines[:1]
    verdict.degree_met = False
    career = total_years(judge.profile, None, judge.today)
    in_field = [u for u in lines if req.fields and any(_field_matches(f, u.text)
                                                        for f in req.fields)]
    if req.or_equivalent and (career >= 4 or in_field):
        verdict.quotes = (in_field or lines)[:1]
        verdict.verdict = "partly"
        verdict.reason = "the degree listed is below the level asked; the posting accepts " \
                         "equivalent experience"
    else:
        verdict.verdict = "not_met"
        verdict.reason = "the highest degree listed is below the level asked" + (
            "" if top else "")
    return verdict


# --- certification --------------------------------------------------------------------

_CERT_NOISE = {"certification", "certifications", "certificate", "certified", "minimum",
               "industry", "active", "current", "valid", "relevant", "an", "a", "the", "from",
               "in", "of", "or", "and", "one", "more", "s", "good", "standing", "license",
               "licence", "licensed", "provider", "preferred", "required", "at", "least"}


def certification(judge: Judge, req: Requirement) -> Verdict:
    verdict = Verdict("unknown", "", "certification",
                      certifications_asked=list(req.certifications))
    licence = bool(re.search(r"\blicen[cs]", req.text, re.I))
    names = req.certifications or [req.text]
    # the words that name the certificate ("salesforce", "cts"), not "admin" or "cloud"
    keys = {w for n in names for w in fold(n).split() if w not in _CERT_NOISE and len(w) > 1
            and (word_weight(stem(w)) >= 0.8 or w.upper() in n)}
    keys |= {fold(s.text) for s in req.slots
             if any(p.proper for o in s.options for p in o) and " " not in fold(s.text)}
    # a named product in it ("Salesforce" in "Salesforce Sales Cloud … certifications")
    keys |= {fold(c) for s in req.slots for alt in s.alternatives for c in alt
             if " " not in c and judge.vocab.category(c) in ("tool", "cloud", "framework",
                                                             "devops", "language")}
    certs = [u for u in judge.units if u.kind == "certification" or
             re.search(r"\bcertif|\blicen[cs]", u.text, re.I) and u.kind != "education"]
    hit = [u for u in certs if keys and len(keys & set(fold(u.text).split())) >=
           max(1, min(2, len(keys)))]
    if hit:
        verdict.verdict, verdict.certification_met = "met", True
        verdict.quotes = hit[:1]
        verdict.reason = "the certificate is listed"
        return verdict
    # what the certificate covers: its most specific naming word, the vendor or body
    # ("Salesforce"; "cloud" alone is not "Salesforce Sales Cloud")
    top = max((word_weight(stem(k)) for k in keys), default=0.0)
    vendor = {k for k in keys if word_weight(stem(k)) >= top - 1e-9}
    used = [u for u in judge.usable if vendor & set(fold(u.text).split()) and u not in certs]
    if used:
        verdict.verdict = "partly"
        verdict.quotes = used[:1]
        verdict.reason = "what the certificate covers is shown, the certificate itself is not"
        return verdict
    # a resume read as text has no certifications section of its own: its "Certification :
    # …" or "Certified Course in AutoCAD …" lines are the list ("SSL certificate updates"
    # and school certificates are not)
    listed = [u for u in judge.units if u.kind == "certification"] or \
        [u for u in certs if _CERT_LINE.search(u.text) and u.kind not in ("education", "heading")
         and not u.text.rstrip().endswith(":")]  # "Certification Courses:" heads the list
    if listed and judge.profile.certifications_complete and not licence:
        verdict.verdict, verdict.certification_met = "not_met", False
        verdict.quotes = listed[:1]
        verdict.reason = "the certifications listed do not include it"
        return verdict
    verdict.reason = ("the certifications shown are a shortened list (at most five): a missing "
                      "one proves nothing" if listed else "the profile lists no certifications "
                      "or licences")
    return verdict


_CERT_LINE = re.compile(r"\bcertifi(?:ed|cations?)\b|\bcertificate\s+(?:in|of|course)\b|"
                        r"\blicen[cs]ed\b", re.I)


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
                          r"constant\w*|majority)\b|\b(?:[4-9]\d|100)\s*%", re.I)
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
