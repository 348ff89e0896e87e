"""Which rule judges a requirement: the one of its type (docs/matching.md).

Before any rule: a profile with no readable text, or one written in another language
than the requirement, gets "unknown" with that reason — never "not met".
"""

from __future__ import annotations

import re

from ...lexicon.languages import LANGUAGE_NAMES
from . import facts, verdicts
from .judge import Judge, Verdict, unique_units
from .requirements import Requirement, read_requirement

__all__ = ["judge_requirement", "RULES"]

RULES = {"years": facts.years, "degree": facts.degree, "certification": facts.certification,
         "language": facts.language, "location": facts.location, "tool": verdicts.tool,
         "domain": verdicts.domain, "responsibility": verdicts.responsibility,
         "soft_skill": verdicts.soft_skill}


# "Proficiency in algorithms … and/or expertise in Unix/Linux …": two asks, either enough
_EITHER_ASK = re.compile(r",?\s+and\s*/\s*or\s+(?=(?:an?\s+)?(?:expertise|experience|knowledge|"
                         r"proficiency|familiarity|background|understanding|exposure)\b)", re.I)
# "Experience serving as a Technical Sales Engineer … or equivalent experience in a
# customer facing role": the equivalent experience is the other way in
_EQUIVALENT_ASK = re.compile(r",?\s+or\s+(?:an?\s+)?(?:equivalent|similar|comparable)\s+"
                             r"(?=(?:(?:practical|professional|work|relevant)\s+)?experience\s+"
                             r"(?:in|as|with|at)\b)", re.I)
_PREFERENCE = {"met": 3, "partly": 2, "unknown": 1, "not_met": 0}
# "Experience across cloud computing …, as well as the cloud market, competitive dynamics
# and customer buying behavior": a second ask, needed as much as the first
_BOTH_ASK = re.compile(r",?\s+as well as\s+(?=(?:[\w-]+\s+){2})", re.I)


# "Experience in sales, customer support, account management, marketing or consulting":
# fields listed with a final "or", each a few words, after "in"/"with"/"of"
_FIELD = r"[A-Za-z][\w&'/+-]*(?:[ -][A-Za-z][\w&'/+-]*){0,3}"
_FIELD_LIST = re.compile(rf"\b(?:in|of|with)\s({_FIELD}(?:,\s+{_FIELD}){{1,7}},?\s+"
                         rf"(?:and\s*/?\s*)?or\s+{_FIELD})(?=\s*(?:[.;:(]|$|,\s))")


def _either_field(text: str) -> list[str]:
    """The requirement once per field of its "A, B, C or D" list (empty when it has none)."""
    m = _FIELD_LIST.search(text)
    if not m:
        return []
    fields = re.split(r",\s+(?:(?:and\s*/?\s*)?or\s+)?|\s+(?:and\s*/?\s*)?or\s+", m.group(1))
    return [f"{text[:m.start(1)]}{f}{text[m.end(1):]}" for f in fields if f.strip()]


def judge_requirement(judge: Judge, text: str) -> Verdict:
    whole = read_requirement(text, judge.vocab)
    parts = [p for p in _EITHER_ASK.split(text) if p.strip()]
    if len(parts) <= 1 and whole.type not in ("degree", "years"):
        parts = [p for p in _EQUIVALENT_ASK.split(text) if p.strip()]
    if len(parts) <= 1 and whole.type in ("domain", "responsibility"):
        # one field of the list is enough: a sales manager has "sales, customer support, …
        # or consulting" experience (tools have their own "or" slots)
        parts = _either_field(text) or parts
    if len(parts) > 1:
        # either ask is enough: the better verdict stands (met, then partly; a branch the
        # profile is silent on beats one it contradicts)
        verdicts = [_judge_one(judge, read_requirement(p, judge.vocab)) for p in parts]
        best = max(verdicts, key=lambda v: _PREFERENCE[v.verdict])
        best.type = whole.type
        return best
    both = [p for p in _BOTH_ASK.split(text) if p.strip()]
    if len(both) == 2:
        return _both_asks(judge, whole, both)
    return _judge_one(judge, whole)


def _both_asks(judge: Judge, whole: Requirement, parts: list[str]) -> Verdict:
    """Met only when each ask is met; one shown (wholly or partly) makes the whole partly."""
    first, second = (_judge_one(judge, read_requirement(p, judge.vocab)) for p in parts)
    if first.verdict == second.verdict == "met":
        verdict = _judge_one(judge, whole)
        if verdict.verdict != "met":  # the whole read may see less than its halves
            verdict = first
            verdict.quotes = unique_units(first.quotes + second.quotes)[:3]
        return verdict
    shown = [v for v in (first, second) if v.verdict in ("met", "partly")]
    if not shown:
        return _judge_one(judge, whole)
    missing = second if shown[0] is first else first
    best = shown[0]
    best.verdict = "partly"
    best.reason = (f"{best.reason}; the other part of it is not shown"
                   if missing.verdict not in ("met", "partly") else best.reason)
    best.type = whole.type
    best.optional = whole.optional
    return best


def _judge_one(judge: Judge, req: Requirement) -> Verdict:
    if not judge.usable:
        verdict = Verdict("unknown", "the profile has no readable text to check against",
                          req.type)
    elif _other_language(judge, req):
        name = LANGUAGE_NAMES.get(judge.profile.language or "", "another language")
        verdict = Verdict("unknown", f"the profile is written in {name}: its words cannot be "
                          "compared with an English requirement", req.type)
    elif verdicts.TECHNICAL_ASK.match(req.text):
        verdict = verdicts.technical_background(judge, req)
    else:
        remote = _remote_work(judge, req) if req.type != "location" and \
            verdicts.REMOTE_ASK.search(req.text) else None
        verdict = remote or RULES[req.type](judge, req)
    verdict.type = req.type
    verdict.optional = req.optional
    verdict.quotes = unique_units(verdict.quotes)[:3]
    return verdict


def _remote_work(judge: Judge, req: Requirement) -> Verdict | None:
    """Roles marked Remote show remote work, and working on one's own in it (what such a
    role asks: "Ability to work independently in a remote-first role"); the rest of the
    requirement ("managing remote teams", "… and Zoom") is judged by its own rule. None
    when no role is marked Remote."""
    lines = verdicts.remote_lines(judge)
    if not lines:
        return None
    titles = list(dict.fromkeys(u.role_label for u in lines if u.role_label))
    shown = f"{len(lines)} role{'s' if len(lines) > 1 else ''} marked Remote " \
        f"({'; '.join(titles[:2])}{' …' if len(titles) > 2 else ''})"
    rest = read_requirement(verdicts.REMOTE_ASK.sub(" ", req.text), judge.vocab)
    rest.slots = [s for s in rest.slots
                  if not all(c == "autonomy" for alt in s.alternatives for c in alt)]
    if not rest.slots and sum(rest.words.values()) < 0.5:
        # the "Remote" line, then what was done in that role (a story to tell about it)
        role = lines[0].role
        done = [u for u in judge.by_role.get(role, []) if u.kind == "bullet"] \
            if role is not None else []
        return Verdict("met", shown, req.type, quotes=lines[:1] + done[:1])
    other = RULES[rest.type](judge, rest)
    if other.verdict == "met":
        return Verdict("met", f"{shown}; {other.reason}", req.type,
                       quotes=unique_units(other.quotes + lines[:1]))
    reason = other.reason if other.verdict == "partly" else \
        f"no evidence yet of {', '.join(other.missing)}" if other.missing else \
        "the rest of it is not shown"
    return Verdict("partly", f"{shown}; {reason}", req.type,
                   quotes=unique_units(lines[:1] + other.quotes), missing=other.missing)


def _other_language(judge: Judge, req: Requirement) -> bool:
    lang = judge.profile.language
    return bool(lang and lang != "en" and req.type not in ("language", "location"))
