"""The match: each of the posting's requirements, in order, beside my evidence.

The advice this follows (docs/position.md): start from the posting's required experience
in the order it lists it (order = priority), then know yourself against it.
"""

from __future__ import annotations

from datetime import date

from ...provenance import table_from_rows
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile
from .matching import Matcher, RequirementMatch

__all__ = ["match_requirements", "position_findings", "MATCH_COLUMNS"]

MATCH_COLUMNS = ["rank", "kind", "requirement", "evidence", "evidence_source", "score",
                 "status", "matched", "missing", "years_asked", "years_found", "degree_asked",
                 "degree_met", "or_equivalent", "certifications_asked", "certification_met",
                 "evidence_url"]


def match_requirements(job: JobPosting, profile: Profile, *, today: date | None = None):
    """Each requirement of ``job`` (required first, in posting order) against ``profile``.

    Columns: rank, kind (required/preferred), requirement (verbatim), evidence (my own
    lines, verbatim, " | " between them), evidence_source (where in my profile), score
    (0–1), status (met / partly met / not met), matched / missing terms, the hard facts
    checked (years, degree, certifications), and the source columns of the requirement.
    """
    rows = []
    matcher = Matcher(profile, today=today)
    for req in job.features:
        result = matcher.match(req["text"])
        rows.append(_row(req, result, job, profile))
    return table_from_rows(rows, MATCH_COLUMNS)


def _row(req: dict, result: RequirementMatch, job: JobPosting, profile: Profile) -> dict:
    evidence = result.evidence
    return {
        "rank": req["rank"], "kind": req["kind"], "requirement": req["text"],
        "evidence": " | ".join(u.text for u in evidence),
        "evidence_source": " | ".join(dict.fromkeys(u.label for u in evidence)),
        "score": result.score, "status": result.status,
        "matched": result.matched, "missing": result.missing,
        "years_asked": result.years_asked, "years_found": result.years_found,
        "degree_asked": result.degree_asked, "degree_met": result.degree_met,
        "or_equivalent": result.or_equivalent,
        "certifications_asked": result.certifications_asked,
        "certification_met": result.certification_met,
        "evidence_url": profile.source.url if profile.source else None,
        "source": job.source.at(req.get("heading") or None) if job.source else None,
    }


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
            findings.append(Finding("position", "responsibility", {"text": text.rstrip(". ")},
                                    source,
                                    weight=1.0 / rank))
    if matches is not None and len(matches):
        for rec in matches.to_dict("records"):
            if rec["status"] != "met" or not rec["evidence"]:
                continue
            evidence = rec["evidence"].split(" | ")[0]
            source = job.source.at(f"requirement {rec['rank']}") if job.source else None
            if source is not None:
                weight = (2.0 if rec["kind"] == "required" else 1.0) / rec["rank"]
                findings.append(Finding("position", "strength",
                                        {"requirement": rec["requirement"],
                                         "evidence": evidence,
                                         "evidence_source": rec["evidence_source"]},
                                        source, weight=weight))
    return findings
