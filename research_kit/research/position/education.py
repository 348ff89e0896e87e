"""Education and certificates.

* **degree** — from the education lines: the level (high school < diploma < bachelor <
  master < doctorate) and the field; a lower degree is not met unless the posting accepts
  equivalent experience (then partly); no education at all is unknown;
* **certification** — a named certificate in the profile; a complete certifications list
  without it is not met (LinkedIn's current sidebar shows at most five: never complete);
  the tool or body used without the certificate is partly; else unknown.
"""

from __future__ import annotations

import re

from ...lexicon.places import known_place
from ...lexicon.specificity import word_weight
from ...lexicon.terms import stem
from ...lexicon.text import fold
from .evidence import total_years
from .judge import Judge, Verdict
from .requirements import Requirement

__all__ = ["degree", "certification", "degree_of"]


# --- degree ---------------------------------------------------------------------------

_LEVELS = [  # (level, pattern as written on profiles and resumes)
    (5, r"ph\.?\s?d|doctor(?:ate| of)|d\.?phil"),
    (4, r"master'?s?|m\.?\s?sc?\.?|m\.?\s?-?tech|mba|mca|m\.?\s?eng|m\.?\s?ed|m\.?\s?com|meng|"
        r"mphil|post ?grad\w*|pg|llm"),
    (3, r"bachelor'?s?|b\.?\s?s\.?\s?c?\.?|b\.?\s?e\.?|b\.?\s?-?tech|btech|b\.?\s?a\.?(?=\s|,|$)|"
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
                                 r"[bm]\.?\s?-?tech|bachelor of engineering|master of engineering|"
                                 r"bachelor of technology|master of technology)\b\.?(?![a-z])",
                                 re.I)
"""An engineering degree by its name: B.E., M.Eng, and India's B.Tech / M.Tech."""


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
