"""Me across several target postings: which skills keep coming up, and do I show them?

For the "me" notebook: a job seeker with a target company list wants to know which of their
strengths recur across the postings (lead with those) and which gaps recur (work on those).
"""

from __future__ import annotations

from ...lexicon.terms import vocabulary
from ...provenance import table_from_rows
from ...sources.jobs.model import JobPosting
from ...sources.profiles.model import Profile
from .matching import Matcher

__all__ = ["targets_overview", "compare_targets", "TARGET_COLUMNS", "COMPARE_COLUMNS"]

COMPARE_COLUMNS = ["target", "title", "company", "location", "required", "required_met",
                   "preferred_met", "not_met", "gaps"]
TARGET_COLUMNS = ["skill", "asked_by", "required_by", "targets", "in_profile", "evidence",
                  "evidence_source"]


def targets_overview(profile: Profile, jobs: dict[str, JobPosting]):
    """One row per skill the postings ask for: how many ask, and my best evidence.

    ``jobs`` maps a label (company or posting) to a loaded posting. Sorted by how many
    postings require the skill, then ask for it.
    """
    vocab = vocabulary()
    matcher = Matcher(profile, vocab)
    asked: dict[str, dict] = {}
    for label, job in jobs.items():
        for req in job.features:
            for skill in req.get("skills") or []:
                entry = asked.setdefault(skill, {"targets": [], "required": set()})
                if label not in entry["targets"]:
                    entry["targets"].append(label)
                if req["kind"] == "required":
                    entry["required"].add(label)
    rows = []
    for skill, entry in asked.items():
        units = [u for u in matcher.units if skill in u.concepts]
        best = next((u for u in units if u.kind in ("experience", "role")), units[0] if units
                    else None)
        rows.append({"skill": skill, "asked_by": len(entry["targets"]),
                     "required_by": len(entry["required"]), "targets": entry["targets"],
                     "in_profile": bool(units), "evidence": best.text if best else "",
                     "evidence_source": best.label if best else "",
                     "source": best.source if best else None})
    rows.sort(key=lambda r: (-r["required_by"], -r["asked_by"], r["skill"].lower()))
    return table_from_rows(rows, TARGET_COLUMNS)


def compare_targets(profile: Profile, jobs: dict[str, JobPosting]):
    """One row per target posting: how much of it I meet, and my required gaps."""
    from .match import match_requirements

    rows = []
    for label, job in jobs.items():
        table = match_requirements(job, profile)
        required = table[table["kind"] == "required"]
        preferred = table[table["kind"] == "preferred"]
        gaps = [r for r, s in zip(required["requirement"], required["status"]) if s != "met"]
        rows.append({"target": label, "title": job.title, "company": job.company,
                     "location": job.location, "required": len(required),
                     "required_met": int((required["status"] == "met").sum()),
                     "preferred_met": int((preferred["status"] == "met").sum()),
                     "not_met": int((table["status"] == "not met").sum()), "gaps": gaps,
                     "source": job.source})
    return table_from_rows(rows, COMPARE_COLUMNS)
