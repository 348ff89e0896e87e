"""Verdicts per requirement: met / partly / not met / unknown, with the reason and quotes.

Overclaiming is the worst error, so "met" needs the profile to show the thing itself, and
silence is "unknown", never "not met". Per type (:mod:`.requirements`):

* **tool** — every named slot shown in a role, the summary, the headline or a skills list
  (a certificate or course alone: partly); "extensive", "deep", "expert" also need a
  role of two years or more that shows it;
* **domain** — a role or a sentence about that field (a skills list or a course alone:
  partly);
* **responsibility** — a role or bullet doing that (most of the requirement's specific
  words in one role);
* **soft skill** — the profile says it in equivalent words; "good" for "excellent" is
  partly;
* **years, degree, certification, language, location** — :mod:`.years`,
  :mod:`.education` and :mod:`.facts`.

Every quote is one of the profile's passages (a whole sentence, bullet or field).
"""

from __future__ import annotations

import re

from ...lexicon.terms import stem, tokenize
from .evidence import LIST_KINDS, STRONG_KINDS, WEAK_KINDS, EvidenceUnit
from .judge import Judge, Verdict, kind_rank
from .requirements import Requirement, Slot
from .years import TECHNICAL_TITLE

__all__ = ["tool", "domain", "responsibility", "soft_skill", "technical_background",
           "TECHNICAL_ASK", "REMOTE_ASK", "remote_lines"]

_STRONG_CLAIM = re.compile(r"\b(?:excellent|exceptional|outstanding|strong|highly|very good|"
                           r"effective(?:ly)?|superb|proven|extensive)\b", re.I)


def _where(unit: EvidenceUnit) -> str:
    return unit.label or unit.kind


# --- tool -----------------------------------------------------------------------------

def tool(judge: Judge, req: Requirement) -> Verdict:
    slots = req.slots
    if not slots:
        return responsibility(judge, req)
    fills: list[tuple[float, EvidenceUnit | None]] = []
    for slot in slots:
        best: tuple[float, EvidenceUnit | None] = (0.0, None)
        best_key: tuple = ()
        for unit in judge.usable:
            f = judge.fill(slot, unit)
            # the quote: fills the slot best, names more of it ("Kafka streaming" over
            # "streaming"), then what was done before what is listed
            key = (f, _options_named(judge, slot, unit), -kind_rank(unit), _literal(slot, unit))
            if f > 0 and key > best_key:
                best, best_key = (f, unit), key
        if slot.need > 1:  # examples shown in different places count together
            strong = [u for u in judge.usable if u.kind not in WEAK_KINDS]
            shown = judge.fill_across(slot, strong)
            if shown < 1 and best[1] is not None and best[1].kind in WEAK_KINDS:
                # learnt in training only: partly (below), not "not mentioned"
                shown = max(shown, judge.fill_across(slot, judge.usable))
            best = (shown, best[1])
        fills.append(best)
    matched = [s.text for s, (f, _) in zip(slots, fills) if f >= 1.0]
    missing = [s.text for s, (f, _) in zip(slots, fills) if f < 1.0]
    quotes = [u for f, u in sorted(fills, key=lambda x: -x[0]) if u is not None and f > 0]
    verdict = Verdict("unknown", "", "tool", quotes=quotes, matched=matched, missing=missing)
    well = [f >= 1.0 and u is not None and u.kind not in WEAK_KINDS for f, u in fills]
    # "DNS, TCP, Firewalls, Proxy Servers, Load Balancing, VPN and VPC": a long list with
    # one item not named is shown (the missing one is still listed)
    shown_well = all(well) or len(well) >= 6 and well.count(False) == 1
    if shown_well:
        if req.intensity and not _deep(judge, [u for _, u in fills if u is not None]):
            verdict.verdict = "partly"
            verdict.reason = (f"{', '.join(matched)} shown, but not the depth asked "
                              "(no role of two years or more shows it)")
        else:
            verdict.verdict = "met"
            verdict.reason = f"{', '.join(matched)} shown in " + \
                "; ".join(dict.fromkeys(_where(u) for u in quotes[:2]))
            if missing:
                verdict.reason += f" (not named: {', '.join(missing)})"
        return verdict
    if any(f > 0 for f, _ in fills):
        verdict.verdict = "partly"
        weak = [u for f, u in fills if f >= 1 and u is not None and u.kind in WEAK_KINDS]
        parts = []
        if matched:
            parts.append(f"shown: {', '.join(matched)}" + (" (only as training or a "
                                                            "certificate)" if weak else ""))
        if missing:
            parts.append(f"no evidence yet of {', '.join(missing)}")
        verdict.reason = "; ".join(parts)
        return verdict
    verdict.reason = f"the profile does not mention {_named(slots)}"
    return verdict


def _options_named(judge: Judge, slot: Slot, unit: EvidenceUnit) -> int:
    return sum(1 for option in slot.options
               if min(judge._part(p, unit) for p in option) >= 1.0)


def _literal(slot: Slot, unit: EvidenceUnit) -> int:
    """How many of the slot's own words the unit writes ("APIs" asked: "REST APIs" over
    "Microservices"): the quote that names the thing as the posting does comes first."""
    return sum(1 for t in tokenize(slot.text) if t.key in unit.words)


def _deep(judge: Judge, units: list[EvidenceUnit]) -> bool:
    for unit in units:
        if unit.kind in ("bullet", "role") and unit.years >= 2:
            return True
        m = re.search(r"(\d+)\s*months?", unit.text) if unit.kind == "skill-duration" else None
        if m and int(m.group(1)) >= 24:
            return True
    return False


def _named(slots: list[Slot]) -> str:
    return ", ".join(s.text for s in slots) or "it"


# --- domain and responsibility -----------------------------------------------------------

def _topic(judge: Judge, req: Requirement, kind: str, met_at: float,
           partly_at: float) -> Verdict:
    roles = judge.role_coverage(req)
    strong = judge.best_units(req, STRONG_KINDS)
    listed = judge.best_units(req, LIST_KINDS | WEAK_KINDS)
    best_role = roles[0] if roles else (0.0, None)
    best_strong = strong[0][0] if strong else 0.0
    best = max(best_role[0], best_strong)
    verdict = Verdict("unknown", "", kind)
    slots_shown = all(judge.fill_across(s, [u for _, u in strong]) >= 1 for s in req.slots)
    shown_units = judge.by_role.get(best_role[1], []) if best_role[0] >= best_strong and \
        best_role[1] is not None else [strong[0][1]] if strong else []
    stems = set().union(*(u.stems for u in shown_units)) if shown_units else set()
    # a very specific word the profile never says ("camera" in "camera manufacturing")
    keys_missing = [w for w, weight in req.words.items()
                    if (weight >= 0.85 or w in req.modifiers) and w not in stems]
    if best >= met_at and slots_shown and not keys_missing:
        verdict.verdict = "met"
        verdict.quotes = judge.quote_for(req, best_role[1]) if best_role[0] >= best_strong \
            else [strong[0][1]]
        where = verdict.quotes[0].role_label or verdict.quotes[0].section if verdict.quotes \
            else "the profile"
        verdict.reason = f"shown in {where}"
        return verdict
    best_any = max(best, listed[0][0] if listed else 0.0)
    # named things asked but none shown: a shared common word is not "partly"
    slot_hint = not req.slots or any(judge.fill(s, u) > 0 for s in req.slots
                                     for _, u in strong + listed)
    if best_any >= partly_at and (slot_hint or best_any >= 0.5):
        verdict.verdict = "partly"
        if best >= partly_at:
            verdict.quotes = judge.quote_for(req, best_role[1]) if best_role[0] >= best_strong \
                else [strong[0][1]]
            verdict.reason = "related work is shown, but not all of what is asked"
        else:
            verdict.quotes = [listed[0][1]]
            verdict.reason = "only listed (skills, training or a certificate), not shown " \
                             "in a role"
        if not verdict.quotes and strong:
            verdict.quotes = [strong[0][1]]
        return verdict
    verdict.reason = "the profile does not mention it"
    return verdict


def domain(judge: Judge, req: Requirement) -> Verdict:
    return _topic(judge, req, "domain", met_at=0.6, partly_at=0.35)


def responsibility(judge: Judge, req: Requirement) -> Verdict:
    return _topic(judge, req, "responsibility", met_at=0.7, partly_at=0.3)


# --- a technical background -------------------------------------------------------------

TECHNICAL_ASK = re.compile(r"^\W*(?:(?:strong|solid|deep|proven|demonstrated|significant|"
                           r"excellent)\s+)?(?:hands[\s-]on\s+)?technical\s+(?:acumen|experience|"
                           r"background|aptitude|expertise|skills?|depth|know-how)\W*$", re.I)
"""A requirement that asks for a technical background and names nothing else ("Strong
technical acumen.", "Hands-on technical experience.")."""


def technical_background(judge: Judge, req: Requirement) -> Verdict:
    """Met by a role doing technical work (an engineer, developer, architect …); the
    profile's own words for what was built are quoted."""
    # a resume's untitled roles go by its headline ("Web Developer")
    headline = judge.profile.headline or ""
    roles = [i for i, role in enumerate(judge.profile.experience)
             if TECHNICAL_TITLE.search(role.title or headline)]
    verdict = Verdict("unknown", "", req.type)
    # what was built, else the title line itself (a bare company name shows nothing)
    units = [u for i in roles for u in judge.by_role.get(i, []) if u.kind == "bullet"] or \
        [u for i in roles for u in judge.by_role.get(i, [])
         if u.kind in STRONG_KINDS and TECHNICAL_TITLE.search(u.text)]
    if units:  # met only with the profile's own words to quote
        title = judge.profile.experience[roles[0]].title or headline
        verdict.verdict = "met"
        verdict.reason = f"technical roles are shown ({title})"
        verdict.quotes = units[:1]
        return verdict
    listed = [u for u in judge.usable if u.kind in LIST_KINDS and u.concepts]
    if listed:
        verdict.verdict = "partly"
        verdict.reason = "technical skills are listed, but no technical role is shown"
        verdict.quotes = listed[:1]
        return verdict
    verdict.reason = "the profile shows no technical role"
    return verdict


# --- remote work ------------------------------------------------------------------------

REMOTE_ASK = re.compile(r"\bremote(?:ly|-first)?\b|\bdistributed teams?\b|"
                        r"\bwork(?:ing)? from home\b", re.I)
"""A requirement about working remotely ("Ability to work independently in a remote-first
role"); where to live for a remote job is a location requirement, not this."""
_REMOTE_PLACE = re.compile(r"^\W*(?:remote(?:ly)?|work from home|home[- ]based)\b", re.I)


def remote_lines(judge: Judge) -> list[EvidenceUnit]:
    """One line per role marked Remote: the "Remote" line itself where the profile has one
    (a LinkedIn PDF), else the role's title line."""
    out = []
    for i, role in enumerate(judge.profile.experience):
        if not _REMOTE_PLACE.search(role.location or ""):
            continue
        lines = [u for u in judge.units if u.role == i and u.kind in ("role-location", "role")]
        lines.sort(key=lambda u: u.kind != "role-location")
        out += lines[:1]
    return out


# --- soft skills ------------------------------------------------------------------------

def soft_skill(judge: Judge, req: Requirement) -> Verdict:
    wanted = list(dict.fromkeys(req.soft))
    if not wanted:
        return _topic(judge, req, "soft_skill", met_at=0.6, partly_at=0.3)
    claims = [u for u in judge.usable if u.concepts & set(wanted) and u.kind not in WEAK_KINDS]
    covered = [c for c in wanted if any(c in u.concepts for u in claims)]
    verdict = Verdict("unknown", "", "soft_skill")
    if not covered:
        topic = _topic(judge, req, "soft_skill", met_at=2.0, partly_at=0.3)
        topic.reason = topic.reason if topic.verdict != "unknown" else \
            f"the profile does not say it ({', '.join(wanted)})"
        return topic
    claims.sort(key=lambda u: (-len(u.concepts & set(wanted)), kind_rank(u)))
    verdict.quotes = claims[:2]
    share = len(covered) / len(wanted)
    said_in_prose = [u for u in claims if u.kind in STRONG_KINDS]
    if not said_in_prose:
        # a bare "Leadership" in a skills list names the skill, it does not show it: at
        # most partly, and a line of what was done that speaks to it is quoted first
        verdict.verdict = "partly"
        verdict.reason = f"only listed as a skill ({', '.join(covered)}), not shown in a role"
        done = [u for _, u in judge.best_units(req, STRONG_KINDS) if
                sum(w in u.stems for w, weight in req.words.items() if weight >= 0.7) >= 2]
        verdict.quotes = done[:1] + claims[:1]
        return verdict
    # "excellent" asked: the profile must say as much ("good communication" is partly)
    said = claims + [u for u in judge.usable if u.kind not in WEAK_KINDS and
                     any(s in u.stems for s, w in req.words.items() if w >= 0.6)]
    modest = req.excellent and not any(_STRONG_CLAIM.search(u.text) for u in said)
    stems = set().union(*(u.stems for u in claims))
    keys_missing = [w for w, weight in req.words.items() if weight >= 0.85 and w not in stems]
    # "Analytical skills to identify trends, analyze financial data": the named work must
    # be shown too, a claim of the skill alone is partly
    strong = [u for u in judge.usable if u.kind in STRONG_KINDS]
    work_missing = [s.text for s in req.slots
                    if not any(c in wanted for alt in s.alternatives for c in alt)
                    and judge.fill_across(s, strong) < 1]
    if share >= 0.66 and not modest and not keys_missing and not work_missing:
        verdict.verdict = "met"
        verdict.reason = f"the profile says it: {', '.join(covered)}"
    elif share >= 0.66 and not modest and not keys_missing:
        verdict.verdict = "partly"
        verdict.reason = f"the profile says it ({', '.join(covered)}), but does not show " \
                         f"{', '.join(work_missing)}"
    else:
        verdict.verdict = "partly"
        unsaid = [c for c in wanted if c not in covered]
        verdict.reason = ("said, but not as strongly as the posting asks" if modest else
                          f"shown: {', '.join(covered)}; not shown: {', '.join(unsaid)}"
                          if unsaid else f"shown: {', '.join(covered)}; the posting asks "
                          f"more ({', '.join(_words_of(req, keys_missing))})")
    return verdict


def _words_of(req: Requirement, stems: list[str]) -> list[str]:
    """The requirement's own words for ``stems`` ("expectations", not "expectation")."""
    out = []
    for tok in tokenize(req.text):
        if stem(tok.raw) in stems and tok.raw.lower() not in out:
            out.append(tok.raw.lower())
    return out or list(stems)
