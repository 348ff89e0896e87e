"""A personal SWOT against one posting (docs/advice.md, "Know yourself").

* **Strengths** — requirements I meet, each with my evidence and a prompt to quantify it.
* **Weaknesses** — requirements I meet only in part or not at all, each with a "how I will
  overcome this" prompt.
* **Threats** — sticking points that are hard to overcome: a degree, years, a certification,
  a clearance or language the posting requires and I lack; the location; signals that the
  role targets a different seniority ("recent graduate", "internship experience").
* **Opportunities** — from company research when given (cited), from the posting's own
  benefits and growth lines (cited), else prompts to fill in.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

from ...lexicon.terms import vocabulary
from ...provenance import SOURCE_COLUMNS, table_from_rows
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile
from ..normalise import language_key, split_location
from .evidence import total_years
from .swot_grid import QUADRANTS

__all__ = ["swot", "SWOT_COLUMNS", "QUADRANTS"]

SWOT_COLUMNS = ["quadrant", "item", "evidence", "prompt", "basis", "requirement_rank", "kind"]
_SENIOR_TITLE = re.compile(r"\b(senior|sr\.?|staff|principal|lead|head|director|vp|vice "
                           r"president|chief|manager)\b", re.I)
_JUNIOR_SIGNAL = re.compile(r"recent (college )?grad\w*|new grad\w*|graduating|internship "
                            r"experience|previous internship|entry[- ]level|\bjunior\b|"
                            r"early[- ]career|0\s*[-–]\s*[12] years|currently (enrolled|"
                            r"pursuing)|\bstudents?\b", re.I)
_HARD_WORDS = re.compile(r"security clearance|\bclearance\b|citizenship|citizen\b|"
                         r"work authori[sz]ation|authori[sz]ed to work|visa sponsorship|"
                         r"driver'?s licen[cs]e|licensed|\blicen[cs]e\b", re.I)
_GROWTH = re.compile(r"growth|grow|learn|career|develop|mentor|training|progression|"
                     r"opportunit|new office|expan|launch|build(ing)? (a|the|our) new|"
                     r"conference|education budget|impact", re.I)
_FINDING_COLUMNS = ("talking_point", "point", "finding", "item", "headline", "title", "text",
                    "summary")


def swot(job: JobPosting, profile: Profile, company_findings: pd.DataFrame | None = None, *,
         matches: pd.DataFrame | None = None, today: date | None = None) -> pd.DataFrame:
    """The SWOT as a table: quadrant, item, evidence, prompt, basis, … + source columns."""
    from .match import match_requirements

    if matches is None:
        matches = match_requirements(job, profile, today=today)
    rows: list[dict] = []
    threats = _threats(job, profile, matches, today)
    threat_ranks = {(t["kind"], t["requirement_rank"]) for t in threats
                    if t.get("requirement_rank") is not None}
    for rec in matches.to_dict("records"):
        key = (rec["kind"], rec["rank"])
        src = {c: rec.get(c) for c in SOURCE_COLUMNS}
        if rec["status"] == "met":
            rows.append({"quadrant": "Strengths", "item": rec["requirement"],
                         "evidence": f"{rec['evidence']} [{rec['evidence_source']}]",
                         "prompt": "Show, don't tell: what did you achieve here, and how "
                                   "much (numbers, scale, result)?",
                         "basis": f"{rec['kind']} requirement met", "requirement_rank": rec["rank"],
                         "kind": rec["kind"], **src})
        elif key not in threat_ranks:
            missing = ", ".join(rec["missing"]) if len(rec["missing"]) else ""
            have = f"You show: {rec['evidence']} [{rec['evidence_source']}]. " \
                if rec["evidence"] else ""
            gap = f"Not shown: {missing}. " if missing else ""
            rows.append({"quadrant": "Weaknesses", "item": rec["requirement"],
                         "evidence": (have + gap).strip(),
                         "prompt": "How I will overcome this: name the closest thing you "
                                   "have done, and what you are doing to close the gap.",
                         "basis": f"{rec['kind']} requirement {rec['status']}",
                         "requirement_rank": rec["rank"], "kind": rec["kind"], **src})
    strengths = sum(r["quadrant"] == "Strengths" for r in rows)
    if strengths < 10:
        rows.append(_prompt("Strengths", f"{10 - strengths} more strengths of your own",
                            "Aim for ten or more, each tied to a requirement of this posting, "
                            "each with something you achieved."))
    weaknesses = sum(r["quadrant"] == "Weaknesses" for r in rows)
    if weaknesses < 3:
        rows.append(_prompt("Weaknesses", "An honest weakness of your own",
                            "Name at least three, each with how you overcome it."))
    rows.extend(_opportunities(job, company_findings))
    rows.extend(threats)
    table = table_from_rows(rows, SWOT_COLUMNS)
    order = {q: i for i, q in enumerate(QUADRANTS)}
    table["_order"] = table["quadrant"].map(order)
    table = table.sort_values("_order", kind="stable").drop(columns="_order")
    return table.reset_index(drop=True)


def _prompt(quadrant: str, item: str, prompt: str) -> dict:
    return {"quadrant": quadrant, "item": item, "evidence": "", "prompt": prompt,
            "basis": "prompt", "requirement_rank": None, "kind": None}


def _threats(job: JobPosting, profile: Profile, matches: pd.DataFrame,
             today: date | None) -> list[dict]:
    out: list[dict] = []
    years_total = total_years(profile, None, today)
    for rec in matches.to_dict("records"):
        if rec["kind"] != "required" or rec["status"] == "met":
            continue
        src = {c: rec.get(c) for c in SOURCE_COLUMNS}
        reasons = []
        if rec["degree_asked"] and rec["degree_met"] is False:
            reasons.append(f"degree: the posting asks for a {rec['degree_asked']}'s degree"
                           if rec["degree_asked"] in ("bachelor", "master")
                           else f"degree: the posting asks for {rec['degree_asked']}")
        if _is_number(rec["years_asked"]) and _is_number(rec["years_found"]) \
                and rec["years_found"] < rec["years_asked"]:
            reasons.append(f"years: {rec['years_asked']:g}+ asked, about "
                           f"{rec['years_found']:g} shown")
        if rec["certifications_asked"] and rec["certification_met"] is False:
            reasons.append("certification: " + ", ".join(rec["certifications_asked"]))
        if _HARD_WORDS.search(rec["requirement"]) and rec["status"] == "not met":
            reasons.append("a hard requirement (clearance, citizenship, licence or "
                           "authorisation)")
        spoken = [c for c in vocabulary().concepts_in(rec["requirement"])
                  if vocabulary().category(c) == "language-spoken"]
        mine = {language_key(lang) for lang in profile.languages}
        missing_languages = [c for c in spoken if language_key(c) not in mine
                             and c.lower() not in (profile.raw_text or "").lower()]
        if missing_languages:
            reasons.append("language: " + ", ".join(missing_languages))
        if not reasons:
            continue
        overcome = ("The posting accepts equivalent experience: say which experience stands "
                    "in for it, with imagination." if rec["or_equivalent"] else
                    "Hard to overcome: decide whether to apply anyway, and how to address it "
                    "before they ask.")
        out.append({"quadrant": "Threats", "item": rec["requirement"],
                    "evidence": "; ".join(reasons), "prompt": overcome,
                    "basis": "hard requirement not met", "requirement_rank": rec["rank"],
                    "kind": rec["kind"], **src})
    out.extend(_seniority(job, years_total))
    location = _location_threat(job, profile)
    if location:
        out.append(location)
    return out


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and value == value


def _seniority(job: JobPosting, years_total: float) -> list[dict]:
    out = []
    src = job.source.columns() if job.source else {}
    texts = [(job.title or "", "title")] + [(r["text"], r["kind"]) for r in job.features]
    if years_total >= 4:
        for text, where in texts:
            m = _JUNIOR_SIGNAL.search(text)
            if m:
                out.append({"quadrant": "Threats", "item": text,
                            "evidence": f"“{m.group(0)}” suggests a more junior profile than "
                                        f"your ~{years_total:.0f} years",
                            "prompt": "Be ready to say why this role, at this level, is the "
                                      "right next step for you.",
                            "basis": "seniority signal", "requirement_rank": None,
                            "kind": where if where != "title" else None, **src})
                break
    wanted = max((r["years"] for r in job.features
                  if r["kind"] == "required" and _is_number(r.get("years"))), default=0)
    if _SENIOR_TITLE.search(job.title or "") and years_total < 3 or wanted >= years_total + 3:
        out.append({"quadrant": "Threats", "item": job.title or "(title)",
                    "evidence": f"the role reads senior ({wanted:g}+ years asked)" if wanted
                    else "the title reads senior",
                    "prompt": "Show the scope of what you have owned, not only the years.",
                    "basis": "seniority signal", "requirement_rank": None, "kind": None, **src})
    return out


def _location_threat(job: JobPosting, profile: Profile) -> dict | None:
    if job.remote == "remote" or not job.locations or not profile.location:
        return None
    city, region = split_location(profile.location)
    places = [split_location(loc) for loc in job.locations]
    if not city or any(city == c or (not c and region and region == r) for c, r in places):
        return None
    src = job.source.columns() if job.source else {}
    mode = f" ({job.remote})" if job.remote else ""
    return {"quadrant": "Threats", "item": f"Location: {job.location}{mode}",
            "evidence": f"you are in {profile.location}",
            "prompt": "Will you relocate or commute? Say so early, with a date.",
            "basis": "location", "requirement_rank": None, "kind": None, **src}


def _opportunities(job: JobPosting, findings: pd.DataFrame | None) -> list[dict]:
    out: list[dict] = []
    if findings is not None and len(findings):
        column = next((c for c in _FINDING_COLUMNS if c in findings.columns), None)
        if column:
            for rec in findings.head(5).to_dict("records"):
                text = rec.get(column)
                if not isinstance(text, str) or not text.strip():
                    continue
                out.append({"quadrant": "Opportunities", "item": text.strip(), "evidence": "",
                            "prompt": "Why does this make the job appealing to you?",
                            "basis": "company research", "requirement_rank": None,
                            "kind": None, **{c: rec.get(c) for c in SOURCE_COLUMNS}})
    posting_lines = [(s.heading, t) for s in job.sections for t in s.items
                     if s.kind == "benefits" or (s.kind in ("about", "role") and len(t) <= 220)]
    growth = [(h, t) for h, t in posting_lines if _GROWTH.search(t)][:3]
    for heading, text in growth:
        src = job.source.at(heading or None).columns() if job.source else {}
        out.append({"quadrant": "Opportunities", "item": text, "evidence": "the posting says so",
                    "prompt": "What would you do with this opportunity in your first year?",
                    "basis": "posting", "requirement_rank": None, "kind": None, **src})
    out.append(_prompt("Opportunities", "People you know there",
                       "Former colleagues, classmates, a former boss, your network: who could "
                       "tell you what the posting leaves out?"))
    if not growth and not (findings is not None and len(findings)):
        out.append(_prompt("Opportunities", "What makes this job appealing",
                           "Environment, people, growth, the product: why this company?"))
    return out
