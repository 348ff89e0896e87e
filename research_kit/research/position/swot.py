"""A personal SWOT against one posting (docs/advice.md, "Know yourself"), from sources.

* **Strengths** — the requirements met, strongest first (required before preferred, in
  the posting's order), each with the candidate's own quote, cited to the profile file;
* **Weaknesses** — the required ones not shown, phrased as gaps ("No evidence yet of …"),
  with the reason, cited to the posting;
* **Opportunities** — company facts that favour this candidate: growth, new products,
  hiring and R&D signals, and facts in a field the candidate has worked in (each from a
  ``company_findings`` row with its source), then the posting's own growth lines;
* **Threats** — competitors and risks from company research (a risk counts when it is
  about the role's own field), hard requirements not met (years, degree, certification,
  language), where the candidate is against where the role is, work authorisation or
  clearance the profile does not state, and a seniority gap.

``company_findings`` is any table of research rows with source columns and a text column
(``point``, ``finding``, ``text`` …); a ``kind`` column (the talking-point kinds:
revenue_trend, press_release, competitor_figure, risk_factor …) or a ``quadrant`` column
decides where a row goes, else its words do — so new kinds of rows need no change here.
A quadrant with nothing behind it gets one row (basis ``missing``) saying what is missing.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

import pandas as pd

from ...lexicon.terms import vocabulary
from ...provenance import SOURCE_COLUMNS, table_from_rows
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile
from ..grammar import ask_of, without_label
from .evidence import total_years
from .my_evidence import MY_EVIDENCE_REASON
from .swot_grid import QUADRANTS

__all__ = ["swot", "SWOT_COLUMNS", "QUADRANTS"]

SWOT_COLUMNS = ["quadrant", "item", "evidence", "prompt", "basis", "requirement_rank", "kind"]
_SENIOR_TITLE = re.compile(r"\b(senior|sr\.?|staff|principal|lead|head|director|vp|vice "
                           r"president|chief|manager)\b", re.I)
_JUNIOR_SIGNAL = re.compile(r"recent (college )?grad\w*|new grad\w*|graduating|internship "
                            r"experience|previous internship|entry[- ]level|\bjunior\b|"
                            r"early[- ]career|0\s*[-–]\s*[12] years|currently (enrolled|"
                            r"pursuing)|\bstudents?\b", re.I)
_GROWTH = re.compile(r"growth|grow|learn|career|develop(?!ers?\b)|mentor|training|progression|"
                     r"opportunit|new office|expan|launch|build(ing)? (a|the|our) new|"
                     r"conference|education budget|impact|hiring|new product|invest|"
                     r"\bopen(?:ed|ing|s)?\b.{0,40}\b(?:office|cent(?:er|re)|site|plant|store|hub|"
                     r"lab|market)", re.I)
# kinds of company fact that open doors: something new, bigger or won
_OPENING_FACTS = frozenset({"acquisition", "funding", "launch", "partnership", "expansion",
                            "award", "growth"})
_COMPANY_GROWTH = re.compile(r"\b(?:grew|grow(?:s|ing|th)?|expan\w*|launch\w*|hiring|"
                             r"new\s+(?:products?|markets?|offices?|plants?|factor(?:y|ies)|"
                             r"sites?|regions?)|open(?:ed|ing|s)?\b.{0,40}\b(?:office|"
                             r"cent(?:er|re)|site|plant|store|hub|lab|market))", re.I)
_THREAT_WORDS = re.compile(r"compet|risk|declin|fell|loss|lawsuit|litigation|layoff|"
                           r"restructur|downturn|uncertain|regulat|cyber|breach|only\s+one\s+"
                           r"source|single[- ]source|sole[- ]source|shortage|constrain", re.I)
_TEXT_COLUMNS = ("point", "talking_point", "finding", "item", "headline", "title", "text",
                 "summary", "sentence")
# talking-point kinds (research/talking_points.py) → quadrant; None: decided by the facts
KIND_QUADRANT = {"revenue_trend": None, "operating_margin": None, "rd_intensity": "Opportunities",
                 "press_release": "Opportunities", "business_overview": None,
                 "site_fact": "Opportunities", "hot_skill": "Opportunities",
                 "occupation_wage": None, "competitor_figure": "Threats",
                 "risk_factor": "Threats", "commonality": None}
_GAP_PROMPT = ("How I will overcome this: name the closest thing you have done, and what you "
               "are doing to close the gap.")


def swot(job: JobPosting, profile: Profile, company_findings: pd.DataFrame | None = None, *,
         matches: pd.DataFrame | None = None, today: date | None = None,
         links: pd.DataFrame | None = None) -> pd.DataFrame:
    """The SWOT as a table: quadrant, item, evidence, prompt, basis, … + source columns.

    ``links`` is the interviewer commonalities table: someone on the panel who worked or
    studied where the candidate did is an opportunity (the people you know there)."""
    from .match import evidence_source, match_requirements

    if matches is None:
        matches = match_requirements(job, profile, today=today)
    records = matches.to_dict("records") if matches is not None and len(matches) else []
    rows: list[dict] = []
    threats = _threats(job, profile, records, today)
    threat_ranks = {(t["kind"], t["requirement_rank"]) for t in threats
                    if t.get("requirement_rank") is not None}
    met = [r for r in records if r.get("verdict") == "met"]
    met.sort(key=lambda r: (r["kind"] != "required", r["rank"]))
    for rec in met:
        source = evidence_source(rec)
        rows.append({"quadrant": "Strengths", "item": rec["requirement"],
                     "evidence": f"“{rec['evidence']}” [{rec['evidence_source']}]",
                     "prompt": "Show, don't tell: what did you achieve here, and how much "
                               "(numbers, scale, result)?",
                     "basis": f"{rec['kind']} requirement met",
                     "requirement_rank": rec["rank"], "kind": rec["kind"],
                     **(source.columns() if source else _src(rec))})
    gaps = [r for r in records if r["kind"] == "required" and r.get("verdict") != "met"
            and (r["kind"], r["rank"]) not in threat_ranks]
    # "… is a strong plus" inside the required list is flagged, not a requirement: its gap
    # comes after the real ones
    gaps.sort(key=lambda r: bool(r.get("flagged_optional")))
    for rec in gaps:
        rows.append({"quadrant": "Weaknesses", "item": gap_text(rec), "evidence": rec["reason"],
                     "prompt": _GAP_PROMPT, "basis": f"required requirement {rec['status']}",
                     "requirement_rank": rec["rank"], "kind": rec["kind"], **_src(rec)})
    rows.extend(_opportunities(job, profile, company_findings))
    rows.extend(_people_you_share(links))
    rows.extend(threats)
    rows.extend(_company_threats(job, company_findings))
    rows.extend(_missing(rows, records))
    table = table_from_rows(rows, SWOT_COLUMNS)
    order = {q: i for i, q in enumerate(QUADRANTS)}
    table["_order"] = table["quadrant"].map(order)
    table = table.sort_values("_order", kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)


_YOU_ARE = re.compile(r"^(?:you\s+are|you're|are)\s+", re.I)
_YOU_CAN = re.compile(r"^(?:you\s+(?:can|will|should|must|know|understand|thrive|enjoy|love|"
                      r"care)|can|will)\b", re.I)


_CLAUSE = re.compile(r"^(?:our|we|the|this|these|it|they)\b.*\b(?:is|are|was|were|will|"
                     r"need|needs)\b", re.I)
_VERDICT_LEAD = {"not_met": "Not met", "partly": "Only partly shown"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def gap_text(rec: dict) -> str:
    """"No evidence yet of 3+ years of professional iOS development experience"; "No
    evidence yet that you are willing to travel"; "Only partly shown: …"."""
    text = str(rec["requirement"]).strip().rstrip(".")
    text = ask_of(text, keep_label=False)  # "Technical Acumen: You have …"
    text = re.sub(r"^(?:you have|you've|have|has|must have|required:?|requirement:?)\s+", "",
                  text, flags=re.I)
    that = ""
    if _YOU_ARE.match(text):  # "you are willing and able to travel"
        text, that = _YOU_ARE.sub("", text), "you are "
    elif _YOU_CAN.match(text):  # "You can explain complex ideas simply"
        text, that = re.sub(r"^you\s+", "", text, flags=re.I), "you "
    words = text.split()
    acronym = len(words[0]) > 1 and words[0].isupper()  # "AWS", not "A strong …"
    if text[:1].isupper() and not acronym and words[0] not in vocabulary_names() \
            and not (len(words) > 1 and words[1][:1].isupper()):  # "Master's Degree" stays
        text = text[:1].lower() + text[1:]
    verdict = rec.get("verdict")
    if not that and _CLAUSE.match(text):  # "Our customers are technical teams …": a clause
        return f"{_VERDICT_LEAD.get(str(verdict), 'No evidence yet for')}: {_cap(text)}"
    if verdict == "not_met":
        return f"Not met: {that}{text}"
    if verdict == "partly":
        return f"Only partly shown: {that}{text}"
    return f"No evidence yet that {that}{text}" if that else f"No evidence yet of {text}"


@lru_cache(maxsize=1)
def vocabulary_names() -> frozenset[str]:
    """Concept names written capitalised ("Python", "Kubernetes"): kept as written."""
    return frozenset(name for name in vocabulary().concepts if name[:1].isupper())


def _src(rec: dict) -> dict:
    return {c: rec.get(c) for c in SOURCE_COLUMNS}


def _row(quadrant: str, item: str, evidence: str, prompt: str, basis: str, src: dict,
         rank=None, kind=None) -> dict:
    return {"quadrant": quadrant, "item": item, "evidence": evidence, "prompt": prompt,
            "basis": basis, "requirement_rank": rank, "kind": kind, **src}


# --- threats from the match ---------------------------------------------------------------

def _threats(job: JobPosting, profile: Profile, records: list[dict],
             today: date | None) -> list[dict]:
    from .match import evidence_source

    out: list[dict] = []
    for rec in records:
        if rec["kind"] != "required":
            continue
        kind, verdict = rec.get("type"), rec.get("verdict")
        hard = verdict == "not_met" and kind in ("years", "degree", "certification",
                                                  "language", "location")
        status_unknown = kind == "location" and verdict == "unknown" and re.search(
            r"clearance|authori[sz]|right to work|citizen|visa", rec["requirement"], re.I)
        if not (hard or status_unknown):
            continue
        overcome = ("The posting accepts equivalent experience: say which experience stands "
                    "in for it." if rec.get("or_equivalent") else
                    "Hard to overcome: decide whether to apply anyway, and how to address it "
                    "before they ask.")
        label = {"years": "years", "degree": "degree", "certification": "certification",
                 "language": "language", "location": "location"}[str(kind)]
        source = evidence_source(rec) if hard else None
        item = (gap_text(rec) if hard else
                f"Not stated in your profile: {without_label(rec['requirement'])}")
        out.append(_row("Threats", item, f"{label}: {rec['reason']}", overcome,
                        "hard requirement not met" if hard else "not stated in the profile",
                        source.columns() if source else _src(rec), rec["rank"], rec["kind"]))
    out.extend(_seniority(job, profile, records, today))
    location = _location_threat(job, profile, records)
    if location:
        out.append(location)
    return out


def _seniority(job: JobPosting, profile: Profile, records: list[dict],
               today: date | None) -> list[dict]:
    out = []
    years_total = total_years(profile, None, today)
    src = job.source.columns() if job.source else {}
    texts = [(job.title or "", "title")] + [(r["text"], r["kind"]) for r in job.features]
    if years_total >= 4:
        for text, where in texts:
            m = _JUNIOR_SIGNAL.search(text)
            if m:
                out.append(_row("Threats", text, f"“{m.group(0)}” suggests a more junior "
                                f"profile than your ~{years_total:.0f} years",
                                "Be ready to say why this role, at this level, is the right "
                                "next step for you.", "seniority signal", src,
                                kind=where if where != "title" else None))
                break
    wanted = max((r["years"] for r in job.features
                  if r["kind"] == "required" and _number(r.get("years"))), default=0)
    # the years requirement itself, when not met, is already a threat with its reason
    years_threat = any(r.get("type") == "years" and r.get("verdict") == "not_met" and
                       r.get("kind") == "required" for r in records)
    if _SENIOR_TITLE.search(job.title or "") and years_total < 3 and not years_threat or \
            wanted and wanted >= years_total + 3 and not years_threat:
        why = (f"{wanted:g}+ years asked, about {years_total:.1f} years of dated experience "
               f"shown" if wanted else "the title reads senior")
        out.append(_row("Threats", f"Seniority: {job.title or 'the role'} ({why})", why,
                        "Show the scope of what you have owned, not only the years.",
                        "seniority signal", src))
    return out


def _number(value) -> bool:
    return isinstance(value, (int, float)) and value == value


def _the(country: str) -> str:
    """ "the United States", "the Netherlands", but "Brazil"."""
    return f"the {country}" if re.search(r"\b(?:United|Republic|Kingdom)\b|s$", country) \
        else country


def _location_threat(job: JobPosting, profile: Profile, records: list[dict]) -> dict | None:
    from ...lexicon.places import country_of
    from ..normalize import split_location

    if any(r.get("type") == "location" and r.get("verdict") == "not_met" for r in records):
        return None  # already a threat, from the requirement itself
    if not job.locations or not profile.location:
        return None
    mine = country_of(profile.location)
    theirs = {c for c in map(country_of, job.locations) if c}
    abroad = bool(mine and theirs and mine not in theirs)
    src = job.source.columns() if job.source else {}
    if job.remote == "remote":
        # remote "within the United States" still employs there: from Brazil that is a
        # question of who can hire you, not of commuting
        if not abroad:
            return None
        where = (f"remote within {' / '.join(_the(c) for c in sorted(theirs))}; you are in "
                 f"{mine}")
        return _row("Threats", f"Location: {where}", f"{where} ({profile.location})",
                    "Ask early whether they can employ someone where you live.", "location",
                    src)
    city, region = split_location(profile.location)
    places = [split_location(loc) for loc in job.locations]
    if not city or any(city == c or (not c and region and region == r) for c, r in places):
        return None
    mode = f" ({job.remote})" if job.remote else ""
    where = f"you are in {profile.location}" + (", another country: work authorisation and "
                                                 "relocation" if abroad else "")
    return _row("Threats", f"Location: {job.location}{mode}; {where}", where,
                "Will you relocate or commute? Say so early, with a date.", "location", src)


# --- company research ---------------------------------------------------------------------

def _text_of(rec: dict, columns) -> str | None:
    column = next((c for c in _TEXT_COLUMNS if c in columns), None)
    text = rec.get(column) if column else None
    return text.strip() if isinstance(text, str) and text.strip() else None


_ROUTINE_RESULTS = re.compile(r"\b(?:reports?|announces?|posts?|releases?)\b.{0,80}\b"
                              r"(?:results|earnings)\b", re.I)


def _company_quadrant(rec: dict, text: str) -> str | None:
    if isinstance(rec.get("quadrant"), str) and rec["quadrant"] in QUADRANTS:
        return rec["quadrant"]
    kind = rec.get("kind")
    if kind == "press_release" and _ROUTINE_RESULTS.search(text):
        # "… Reports Fourth Quarter and Full Year 2025 Results": routine, and the figures
        # themselves come in as the revenue trend
        return None
    if kind in KIND_QUADRANT and KIND_QUADRANT[kind]:
        return KIND_QUADRANT[kind]
    if re.search(r"\b(fell|declin\w*|down|loss)\b", text, re.I) and kind in (
            "revenue_trend", "operating_margin", None):
        return "Threats"
    # a company's own sentence: what kind of fact it is decides, not a perk word in it
    # ("investments in customer education and advertising" is no opening)
    growth = _GROWTH.search(text) if kind != "company_fact" else \
        rec.get("fact_kind") in _OPENING_FACTS or _COMPANY_GROWTH.search(text)
    threat = _THREAT_WORDS.search(text)
    if threat and not growth:
        return "Threats"
    if threat:  # "new products … from only one source": not a clear opportunity either
        return None
    if growth or kind == "revenue_trend":  # a growing company hires; a margin is no opening
        return "Opportunities"
    return None


def _company_rows(company_findings: pd.DataFrame | None):
    if company_findings is None or not len(company_findings):
        return []
    out = []
    for rec in company_findings.to_dict("records"):
        text = _text_of(rec, company_findings.columns)
        if text:
            out.append((rec, text, _company_quadrant(rec, text)))
    return out


def _opportunities(job: JobPosting, profile: Profile,
                   company_findings: pd.DataFrame | None) -> list[dict]:
    out: list[dict] = []
    mine = _my_fields(profile)
    for rec, text, quadrant in _company_rows(company_findings):
        overlap = sorted(set(vocabulary().concepts_in(text)) & mine)
        if quadrant != "Opportunities" and not (overlap and quadrant is None):
            continue
        evidence = (f"your profile shows {', '.join(overlap)} too" if overlap else
                    "company research")
        out.append(_row("Opportunities", text, evidence,
                        "Why does this make the job appealing to you, and what could you do "
                        "with it?", "company research",
                        {c: rec.get(c) for c in SOURCE_COLUMNS}, kind=rec.get("kind")))
    posting_lines = [(s.heading, t) for s in job.sections for t in s.items
                     if s.kind == "benefits" or (s.kind in ("about", "role") and len(t) <= 220)]
    # the company growing is an opening; "your personal and professional growth" is a perk
    growing = [(h, t) for h, t in posting_lines if _GROWTH.search(t)
               and not re.search(r"\byou(?:r|'ll|’ll)?\b|\bgrow together\b", t, re.I)]
    for heading, text in growing[:3]:
        src = job.source.at(heading or None).columns() if job.source else {}
        out.append(_row("Opportunities", text, "the posting says so",
                        "What would you do with this opportunity in your first year?",
                        "posting", src))
    return out


# the links that make someone on the panel part of the candidate's network
_LINK_SENTENCE = {"employer": "{person}, who interviews you, also worked at {shared}",
                  "school": "{person}, who interviews you, also studied at {shared}",
                  "volunteering": "{person}, who interviews you, also volunteers with {shared}",
                  "group": "{person}, who interviews you, is also in {shared}"}


def _people_you_share(links: pd.DataFrame | None) -> list[dict]:
    """Each interviewer's best shared employer, school or activity (the table ranks them),
    cited to that interviewer's profile."""
    if links is None or not len(links):
        return []
    out, seen = [], set()
    for rec in links.to_dict("records"):
        person, category = rec.get("person"), rec.get("category")
        if person in seen or category not in _LINK_SENTENCE or not rec.get("shared"):
            continue
        seen.add(person)
        out.append(_row("Opportunities",
                        _LINK_SENTENCE[category].format(person=person, shared=rec["shared"]),
                        str(rec.get("their_evidence") or "interviewer profile"),
                        "Someone on the panel knows where you come from: how will you bring it "
                        "up naturally?", "commonality",
                        {c: rec.get(c) for c in SOURCE_COLUMNS}, kind="commonality"))
    return out


def _my_fields(profile: Profile) -> set[str]:
    """Concepts the candidate's roles and sentences show (their fields and tools)."""
    vocab = vocabulary()
    found: set[str] = set()
    for passage in profile.passages:
        if passage.kind in ("bullet", "role", "summary", "headline"):
            found.update(c for c in vocab.concepts_in(passage.text)
                         if vocab.category(c) not in ("soft", "language-spoken"))
    return found


def _company_threats(job: JobPosting, company_findings: pd.DataFrame | None) -> list[dict]:
    out: list[dict] = []
    role_terms = set(job.skills) | {c for r in job.features
                                    for c in vocabulary().concepts_in(r["text"])}
    for rec, text, quadrant in _company_rows(company_findings):
        if quadrant != "Threats":
            continue
        kind = rec.get("kind")
        relevant = sorted(set(vocabulary().concepts_in(text)) & role_terms)
        if kind == "risk_factor" and not relevant:
            continue  # a risk far from the role's work is not this candidate's threat
        what = "a competitor" if kind == "competitor_figure" else (
            f"a risk in the role's field ({', '.join(relevant)})" if relevant else
            "company research")
        out.append(_row("Threats", text, what, "How would you talk about this if asked, and "
                        "what does it mean for the team?", "company research",
                        {c: rec.get(c) for c in SOURCE_COLUMNS}, kind=kind))
    return out


# --- empty quadrants say what is missing --------------------------------------------------

def _no_strength(records: list[dict]) -> str:
    partly = [r for r in records if r.get("verdict") == "partly"]
    if partly:
        closest = sorted(partly, key=lambda r: (r.get("kind") != "required",
                                                r.get("rank") or 0))[0]
        what = _short_requirement(str(closest.get("requirement") or ""))
        return f"No requirement is fully shown yet. Closest: {what}; prepare a story for it."
    return "No requirement is shown as met yet: add a role or a bullet with a number."


def _short_requirement(text: str, words: int = 7) -> str:
    """The requirement's ask in a few words, its own label dropped ("Leadership Through
    Influence: The ability to mentor peers…" → "the ability to mentor peers…")."""
    ask = ask_of(text, keep_label=False).rstrip(" .;")
    parts = ask.split()
    short = " ".join(parts[:words]) + ("…" if len(parts) > words else "")
    return f"“{short[:1].lower() + short[1:] if not short[:2].isupper() else short}”"


def _missing(rows: list[dict], records: list[dict]) -> list[dict]:
    have = {r["quadrant"] for r in rows}
    out = []
    own_words = ", or in your own words ([my_evidence])" if any(
        r.get("reason") == MY_EVIDENCE_REASON for r in records) else ""
    # the rows reaching here are already filtered (old news and off-role figures left out),
    # so "no rows" does not mean "no research": the lines say "read so far", true either way
    why = {
        "Strengths": _no_strength(records) if records else
                     "The posting lists no requirements to check the profile against.",
        "Weaknesses": f"Every required item is shown in the profile{own_words}." if records
                      else "The posting lists no requirements to check the profile against.",
        "Opportunities": "No growth, product or hiring fact from the last three years in the "
                         "company research read so far, and none in the posting.",
        "Threats": "No competitors or role-relevant risks in the company research read so far; "
                   "no hard requirement unmet; location and seniority raise nothing.",
    }
    for quadrant in QUADRANTS:
        if quadrant not in have:
            out.append(_row(quadrant, "Nothing found", "", why[quadrant], "missing", {}))
    return out
