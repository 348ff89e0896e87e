"""The match: each of the posting's requirements, in order, beside my evidence.

The advice this follows (docs/position.md): start from the posting's required experience
in the order it lists it (order = priority), then know yourself against it.
"""

from __future__ import annotations

from datetime import date

from ...provenance import Source, table_from_rows
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile
from .matching import Matcher, RequirementMatch

__all__ = ["match_requirements", "position_findings", "evidence_source", "quote_source",
           "MATCH_COLUMNS"]

MATCH_COLUMNS = ["rank", "kind", "requirement", "type", "verdict", "status", "reason",
                 "evidence", "evidence_section", "evidence_role", "evidence_page",
                 "evidence_url", "evidence_source", "quotes", "flagged_optional", "score",
                 "matched", "missing", "years_asked", "years_found", "degree_asked",
                 "degree_met", "or_equivalent", "certifications_asked", "certification_met"]


def match_requirements(job: JobPosting, profile: Profile, *, today: date | None = None):
    """Each requirement of ``job`` (required first, in posting order) against ``profile``.

    Columns: rank, kind (required/preferred), requirement (verbatim), type (years, degree,
    certification, tool, domain, responsibility, soft_skill, language, location), verdict
    (met / partly / not_met / unknown) and status (the same for people: "partly met" …),
    reason, evidence (the best quote: one whole sentence, bullet or field of the profile,
    verbatim) with where it is (evidence_section, evidence_role "Title at Company",
    evidence_page) and the profile file (evidence_url), quotes (every quote, each with its
    place), flagged_optional (the bullet itself says "a plus" / "ideally"), score (1 met,
    0.5 partly, 0 otherwise), matched / missing things, and the hard facts checked. The
    source columns are the posting's (the row is one of its requirements); the evidence is
    cited to the profile.
    """
    rows = []
    matcher = Matcher(profile, today=today)
    for req in job.features:
        result = matcher.match(req["text"])
        rows.append(_row(req, result, job, profile))
    return table_from_rows(rows, MATCH_COLUMNS)


def _quote(unit) -> dict:
    src = unit.source
    return {"text": unit.text, "section": unit.section, "role": unit.role_label,
            "page": unit.page, "label": unit.label, "url": src.url if src else None,
            "retrieved_at": src.retrieved_at if src else None,
            "source_section": src.section if src else None}


def _row(req: dict, result: RequirementMatch, job: JobPosting, profile: Profile) -> dict:
    quotes = [_quote(u) for u in result.evidence]
    best = quotes[0] if quotes else None
    return {
        "rank": req["rank"], "kind": req["kind"], "requirement": req["text"],
        "type": result.type, "verdict": result.verdict, "status": result.status,
        "reason": result.reason,
        "evidence": best["text"] if best else "",
        "evidence_section": best["section"] if best else None,
        "evidence_role": best["role"] if best else None,
        "evidence_page": best["page"] if best else None,
        "evidence_url": (best["url"] if best else None) or (
            profile.source.url if profile.source else None),
        "evidence_source": best["label"] if best else "",
        "quotes": quotes, "flagged_optional": result.optional,
        "score": result.score, "matched": result.matched, "missing": result.missing,
        "years_asked": result.years_asked, "years_found": result.years_found,
        "degree_asked": result.degree_asked, "degree_met": result.degree_met,
        "or_equivalent": result.or_equivalent,
        "certifications_asked": result.certifications_asked,
        "certification_met": result.certification_met,
        "source": job.source.at(req.get("heading") or None) if job.source else None,
    }


def evidence_source(row) -> Source | None:
    """Where a match row's best quote is: the profile file, at that section, role and
    page (None when the row has no quote)."""
    quotes = row.get("quotes") if hasattr(row, "get") else None
    if not isinstance(quotes, list) or not quotes:
        return None
    return quote_source(quotes[0])


def quote_source(quote: dict) -> Source | None:
    """The Source of one quote of a match row: the profile file at its section, role and
    page, or the candidate's own words in target.toml ([my_evidence])."""
    if not quote.get("url"):
        return None
    section = quote.get("source_section") or quote.get("label")
    title = str(quote["url"]).replace("\\", "/").rsplit("/", 1)[-1]
    if quote.get("section") == "my_evidence":
        title = "Your own words (target.toml)"
        section = str(section or "").removeprefix("my_evidence: ") or None
    return Source(url=quote["url"], retrieved_at=str(quote.get("retrieved_at") or ""),
                  section=section, title=title)


def position_findings(job: JobPosting, matches=None) -> list:
    """Findings for talking points (:mod:`.talking_points`): the posting's responsibilities
    ("responsibility") and, given a match table, my met requirements with their first
    evidence line ("strength"), each with its source."""
    from ..talking_points import Finding

    findings = []
    for rank, text in enumerate(job.items("responsibilities"), start=1):
        section = next((s.heading for s in job.sections if text in s.items), None)
        source = job.source.at(section or None) if job.source else None
        if source is not None:
            # a question quotes it aloud: a long responsibility makes a poor one
            size = 1.0 if len(text) <= 160 else 0.5 if len(text) <= 240 else 0.2
            findings.append(Finding("position", "responsibility", {"text": text.rstrip(". ")},
                                    source, weight=size / rank))
    if matches is not None and len(matches):
        for rec in matches.to_dict("records"):
            if rec["status"] != "met" or not rec["evidence"]:
                continue
            evidence = rec["evidence"]
            # a strength is the candidate's own line: cite the profile, not the posting
            source = evidence_source(rec) or (
                job.source.at(f"requirement {rec['rank']}") if job.source else None)
            if source is not None:
                weight = (2.0 if rec["kind"] == "required" else 1.0) / rec["rank"]
                findings.append(Finding("position", "strength",
                                        {"requirement": rec["requirement"],
                                         "evidence": evidence,
                                         "evidence_source": rec["evidence_source"]},
                                        source, weight=weight))
    return findings
