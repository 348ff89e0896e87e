"""Years of experience: counted from dated roles ("Present" = the profile's own date),
overlaps once; the roles that count are those showing the requirement's subject (all roles
when it names none). A resume's stated "Total Experience" and per-skill durations count
too. Met when the roles showing it add up (and show every part of what the years are of);
not met when the whole dated career (or the stated total) is shorter than asked; partly
when the subject is shown without enough years or without dates; unknown when the subject
is never mentioned.
"""

from __future__ import annotations

import re

from ...sources.profiles.dates import years_between
from .evidence import LIST_KINDS, STRONG_KINDS, EvidenceUnit, total_years
from .judge import Judge, Verdict
from .requirements import Requirement

__all__ = ["years", "TECHNICAL_TITLE"]


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


def _prose_years(figures: list[tuple[EvidenceUnit, float]]) -> float:
    """Years a role's own sentences state ("… developer of Movex/M3 ERP for 4 years"),
    for undated roles that show the subject: one figure per role, except that sentences
    each telling one stint ("Worked as a Senior AS400 developer … for 4 years", "Worked as
    a M3 Java developer … for 1 year") add up, each stint once."""
    per_role: dict[object, float] = {}
    stints: dict[object, dict[str, float]] = {}
    for unit, figure in figures:
        key = unit.role if unit.role is not None else id(unit)
        per_role[key] = max(per_role.get(key, 0.0), figure)
        if _STINT.search(unit.text):
            what = " ".join(unit.text.lower().split())
            stints.setdefault(key, {})[what] = figure
    return sum(max(years, sum(stints.get(key, {}).values()))
               for key, years in per_role.items())


def _prose_figures(judge: Judge, req: Requirement) -> list[tuple[EvidenceUnit, float]]:
    """The sentences that state years of the subject, with the figure each states."""
    out = []
    for unit in judge.usable:
        if unit.kind not in ("bullet", "summary", "role", "text"):
            continue
        m = _PROSE_YEARS.search(unit.text)
        if m and (_shows(judge, req, [unit]) or not req.slots and not req.words):
            out.append((unit, float(m.group(1))))
    return out


def years(judge: Judge, req: Requirement) -> Verdict:
    asked = req.years or 0.0
    profile = judge.profile
    verdict = Verdict("unknown", "", "years", years_asked=asked)
    whole = req
    req = req.topic or req
    topic = bool(req.slots) or any(w >= 0.45 for w in req.words.values())
    durations = [u for u in judge.units if u.kind == "skill-duration"]
    if _TECHNICAL_ASKED.search(whole.text) and not req.slots:
        # "10 years in a technical role": every engineering, IT or developer role counts,
        # and so does every stated skill duration
        topic = True
        relevant = {i for i, e in enumerate(profile.experience)
                    if TECHNICAL_TITLE.search(f"{e.title} {e.company}")}
        topical = durations
    else:
        relevant = {i for i in judge.by_role if _shows(judge, req, judge.by_role[i])} \
            if topic else set(range(len(profile.experience)))
        topical = [u for u in durations if _shows(judge, req, [u])] if topic else durations
    relevant_years = total_years(profile, relevant, judge.today) if relevant else 0.0
    skill_years = max((_skill_years(u) for u in topical), default=0.0)
    career = total_years(profile, None, judge.today)
    stated, stated_unit = _stated_total(judge)
    figures = _prose_figures(judge, req)
    prose = _prose_years(figures)
    found = max(relevant_years, skill_years, prose)
    if stated_unit is not None and stated > 0 and not profile.as_of:
        # "Total Experience: 2 Years 7 Months" caps roles dated "till date", whose end is
        # the day the resume was written, not today
        found = min(found, stated)
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
        # the quote: the role that shows most of what the years are of, then the longest
        best_role = max(relevant, key=lambda i: (
            round(judge.coverage(req, judge.by_role.get(i, [])), 2),
            years_between(profile.experience[i].start, profile.experience[i].end, judge.today)),
            default=None) if relevant_years >= skill_years else None
        verdict.quotes = (judge.quote_for(req, best_role) or _role_quote(judge, best_role)) \
            if best_role is not None else topical[:1]
        if prose > max(relevant_years, skill_years):
            # the years come from a sentence that states them: it is the quote
            said = max(figures, key=lambda uf: uf[1])[0]
            verdict.quotes = [said] + [u for u in verdict.quotes if u is not said]
        verdict.reason = f"about {found:.1f} years shown ({asked:g} asked)"
        if profile.as_of:
            verdict.reason += f"; “Present” counted as the export's date, {profile.as_of}"
        return verdict
    # a resume's own "Total Experience" beats dates whose "Till Date" is unknown
    known = stated if stated_unit is not None and not profile.as_of else max(career, stated)
    estimate = max(known, max((_skill_years(u) for u in durations), default=0.0))
    if (known or durations) and estimate < asked:
        employers = {e.company.lower() for e in profile.experience if e.company}
        # several undated employers: a resume whose longest stated duration is under half
        # of what is asked, and whose sentences state no years of work, is short of it
        stated_years = any(_PROSE_YEARS.search(u.text) for u in judge.usable
                           if u.kind in ("bullet", "summary", "role", "text"))
        if known and known < asked or not known and (
                len(employers) <= 1 or estimate < asked / 2 and not stated_years):
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
TECHNICAL_TITLE = re.compile(r"\b(?:engineer\w*|engg|developer|programmer|architect|"
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
