"""What one requirement bullet asks for: years, degree, certifications, skills.

These are the hard facts the match and the SWOT check ("5+ years", "BS in Computer
Science … or equivalent experience", "an AWS certification"); skills come from the shared
term table (:mod:`research_kit.lexicon.terms`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ...lexicon.terms import vocabulary

if TYPE_CHECKING:
    from .model import JobSection

__all__ = ["years_asked", "degree_asked", "certifications_asked", "skills_in",
           "requirement_rows", "accepts_equivalent", "optional_wording", "DEGREE_LEVELS"]

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
                 "twenty": 20}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"(?:(?:minimum|min\.?|at least|over|more than)\s+(?:of\s+)?)?{_NUM}\s*(?:\+|plus)?\s*"
    rf"(?:(?:-|–|—|to)\s*{_NUM}\s*\+?\s*)?(?:\(\s*\d+\s*\)\s*)?(?:years?|yrs?)\b"
    r"(?!\s+(?:old|of age|ago))", re.I)

_HYPHENED_YEARS = re.compile(r"(\d)\s*-\s*(years?)\b(?=\s+(?:of\s+)?(?:[\w/&-]+\s+){0,3}"
                             r"experience\b)", re.I)

# degree level → patterns; levels ordered so that comparisons work (higher = more)
DEGREE_LEVELS = {"high school": 1, "associate": 2, "bachelor": 3, "master": 4, "doctorate": 5}
_DEGREE_PATTERNS = [
    ("doctorate", r"\bph\.?\s?d\b|\bdoctora(te|l)\b|\bd\.?phil\b"),
    ("master", r"\bmaster'?s?\b|\bm\.?s\.?c?\b(?=[\s,./)]|$)|\bm\.?a\.?\b(?=\s+(degree|in)\b)|"
               r"\bmba\b|\bm\.?eng\b|\bm\.?tech\b|\bmph\b|\bmfa\b|\bgraduate degree\b|"
               r"\badvanced degree\b|\bpost-?graduate\b"),
    ("bachelor", r"\bbachelor'?s?\b|\bb\.?s\.?c?\.?\b(?=[\s,./)]|$|ee|me|ie|cs)|\bbs(ee|me|ie|cs)?"
                 r"\b|\bb\.?a\.?\b(?=[\s,/]*(/|degree|in|or)\b)|\bba/bs\b|\bbs/ba\b|\bb\.?eng\b|"
                 r"\bb\.?tech\b|\bb\.?e\.?\b(?=\s+(degree|in)\b)|\bundergraduate degree\b|"
                 r"\buniversity degree\b|\bcollege degree\b|\b4-year degree\b|\bfour-year degree\b"),
    ("associate", r"\bassociate'?s? degree\b|\ba\.?a\.?s\.?\b degree"),
    ("high school", r"\bhigh school\b|\bged\b|\bsecondary school\b|\bmatric"),
]
_DEGREE_COMPILED = [(level, re.compile(p, re.I)) for level, p in _DEGREE_PATTERNS]
_EQUIVALENT = re.compile(r"equivalent|or related|related (field|discipline|area)|or similar|"
                         r"comparable|in lieu|relevant experience|practical experience", re.I)
_CERT = re.compile(
    r"([A-Z][\w&/+.-]*(?:\s+[A-Z][\w&/+.-]*){0,5}\s+(?i:certifi(?:cation|cate|ed)s?)"
    r"|(?i:certifi(?:cation|cate|ed)s?)\s+(?:in|as)\s+(?:an?\s+)?[A-Z][\w&/+.-]*(?:\s+[A-Z][\w&/+.-]*){0,4}"
    r"|\b(?:AWS|Azure|Google Cloud|GCP|Salesforce|Cisco|Microsoft|CompTIA|Oracle)\s+Certified"
    r"(?:\s+[A-Z][\w&/+.-]*){0,5}"
    r"|\b(?:PMP|CAPM|CPA|CFA|CMA|CIA|CISSP|CISM|CISA|CCNA|CCNP|CCIE|CSM|PSM|SHRM-(?:CP|SCP)|"
    r"PHR|SPHR|CPHR|CKA|CKAD|RHCE|RHCSA|ITIL|Six Sigma|Lean Six Sigma|Security\+|Network\+|"
    r"A\+|CDL|RN|LPN|CNA|EIT|PE license|Series \d+)\b)")
_GENERIC_CERT = re.compile(r"\bcertifi(cation|cate|ed)s?\b", re.I)


def _number(text: str) -> float:
    text = text.lower()
    return float(_NUMBER_WORDS[text]) if text in _NUMBER_WORDS else float(text)


_OPTIONAL = re.compile(r"\b(?:preferred|ideally|nice[\s-]+to[\s-]+have|bonus|a\s+plus)\b",
                       re.I)


def years_asked(text: str) -> float | None:
    """The years of experience a requirement asks for: a range's low end ("3-7 years" → 3);
    of alternatives the fewest ("5 years with a BS or 3 with an MS" → 3); of several asked
    together the most ("8+ years, including at least 2 years of management" → 8: the 2 are
    part of the 8, and claiming the 8 on the strength of 2 would overclaim)."""
    best = None
    end = 0
    # "1-year of experience" is "1 year of experience"; "a 5-year plan" asks nothing
    text = _HYPHENED_YEARS.sub(r"\1 \2", text or "")
    for m in _YEARS.finditer(text):
        before = text[max(0, m.start() - 12):m.start()].lower()
        if re.search(r"\b(within|every|last|past|next|first)\s*$", before):
            continue
        value = _number(m.group(1))
        if 0 < value <= 40:
            between = text[end:m.start()]
            if best is not None and _OPTIONAL.search(between):
                break  # "… Preferred: 12+ years …": what follows is not asked
            if best is None:
                best = value
            elif re.search(r"\bor\b", between, re.I):
                best = min(best, value)
            else:
                best = max(best, value)
            end = m.end()
    return best


_BARE_DEGREE = re.compile(r"\b(a|any|relevant|related|technical|completed)\s+degree\b|"
                          r"\bdegree\s+(in|from)\b|^degree\b", re.I)


def degree_asked(text: str) -> str | None:
    """The lowest degree level a requirement names ("BS or MS" → "bachelor").

    A bare "degree in …" with no level counts as a bachelor's degree.
    """
    found = [level for level, pattern in _DEGREE_COMPILED if pattern.search(text or "")]
    if not found and _BARE_DEGREE.search(text or ""):
        found = ["bachelor"]
    if not found:
        return None
    return min(found, key=lambda level: DEGREE_LEVELS[level])


def accepts_equivalent(text: str) -> bool:
    return bool(_EQUIVALENT.search(text or ""))


def certifications_asked(text: str) -> list[str]:
    out: list[str] = []
    for m in _CERT.finditer(text or ""):
        name = m.group(0).strip(" .,;:")
        name = re.sub(r"^(?:An?|The|Any|Minimum|Relevant|Active|Current|Valid)\s+", "", name)
        if name and name not in out:
            out.append(name)
    out = [c for c in out if not _GENERIC_CERT.fullmatch(c)]
    generic = _GENERIC_CERT.search(text or "")
    if not out and generic:
        out.append(generic.group(0))
    return out


# Optional wording inside a bullet: "… is a (strong) plus", "Bonus: …", "preferably …",
# "ideally …", "(Certification preferred)", "Preferred: 12+ years …", "is highly valued".
_OPTIONAL = re.compile(
    r"\bpreferabl[ey]\b|\bideally\b|(?<!your )(?<!their )(?<!our )\bpreferred\b"
    r"|\bnice[- ]to[- ]have\b|\boptional\b"
    r"|\b(a|an)\s+((very|strong|big|huge|definite|distinct|real|major|great|added|nice|"
    r"additional|significant)\s+)?(plus|bonus|advantage|asset)\b|\bplus\s*!"
    r"|^\W*(bonus|plus|extra credit)\s*[:\u2013\u2014-]|\bbonus points?\b"
    r"|\bhighly (valued|desirable|desired)\b|\bnot (required|mandatory|essential)\b"
    r"|\b(highly|well) regarded\W*$"
    r"|\(\s*(desired|desirable)\s*\)|\b(desirable|desired)\W*$"
    r"|\b(is|are|would be|will be)\s+(helpful|beneficial|advantageous)\b", re.I)


def optional_wording(text: str) -> bool:
    """Whether a bullet says that it, or part of it, is optional.

    Shape: optional wording inside a *required* list ("… is a strong plus.", "Bonus: …",
    "…, preferably 5th to 8th", "(Certification preferred)", an "<em>Preferred: …</em>"
    tail). Such a bullet stays where the posting put it and is flagged, never moved.
    """
    return bool(_OPTIONAL.search(text or ""))


def skills_in(text: str) -> list[str]:
    vocab = vocabulary()
    return [name for name in vocab.concepts_in(text)
            if vocab.category(name) not in ("soft", "language-spoken")]


def requirement_rows(sections: list[JobSection]) -> list[dict[str, Any]]:
    """One row per required/preferred item, ranked within its kind in posting order."""
    rows: list[dict[str, Any]] = []
    ranks = {"required": 0, "preferred": 0}
    for section in sections:
        if section.kind not in ranks:
            continue
        for text in section.items:
            ranks[section.kind] += 1
            rows.append({
                "rank": ranks[section.kind], "kind": section.kind, "text": text,
                "optional_hint": section.kind == "required" and optional_wording(text),
                "years": years_asked(text), "degree": degree_asked(text),
                "or_equivalent": accepts_equivalent(text),
                "certifications": certifications_asked(text), "skills": skills_in(text),
                "heading": section.heading,
            })
    return sorted(rows, key=lambda row: (row["kind"] != "required", row["rank"]))
