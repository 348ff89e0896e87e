"""``research-kit match JOB PROFILE``: the posting's requirements against a profile.

Prints the requirement table (rank, kind, status, score, requirement, my evidence); ``--json``
prints the rows as JSON instead. JOB is a URL, a saved page/board JSON or a text file;
PROFILE a LinkedIn PDF export, a resume (PDF/DOCX/TXT) or a YAML profile.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("match", help="match a job posting's requirements against a profile")
    p.add_argument("job", help="job posting: URL, saved page or board JSON, or text file")
    p.add_argument("profile", help="profile: LinkedIn PDF export, resume, or YAML profile")
    p.add_argument("--id", dest="posting_id", help="job boards: which posting (id)")
    p.add_argument("--title", dest="posting_title", help="job boards: which posting (title)")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    p.add_argument("--width", type=int, default=100, help="text width of the table")
    p.set_defaults(handler=match_command)


def match_command(args) -> int:
    from ..research.position.match import match_requirements
    from ..sources.jobs import load_job_posting
    from ..sources.profiles import load_profile

    job = load_job_posting(args.job, posting_id=args.posting_id,
                           posting_title=args.posting_title)
    profile = load_profile(args.profile)
    table = match_requirements(job, profile)
    if args.json:
        rows = table.drop(columns=["retrieved_at", "from_cache"]).to_dict("records")
        json.dump({"job": job.title, "company": job.company, "profile": profile.name,
                   "requirements": rows}, sys.stdout, ensure_ascii=False, indent=2,
                  default=_plain)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(format_table(job, profile, table, width=max(60, args.width)))
    return 0


def _plain(value):
    try:
        import numpy as np

        if isinstance(value, np.generic):
            return value.item()
        if isinstance(value, np.ndarray):
            return value.tolist()
    except ImportError:  # pragma: no cover - pandas brings numpy
        pass
    return str(value)


def format_table(job, profile, table, *, width: int = 100) -> str:
    head = f"{job.title or '(untitled)'}" + (f" — {job.company}" if job.company else "")
    who = profile.name or (profile.source.url if profile.source else "")
    lines = [head, f"against: {who}", ""]
    counts = table["status"].value_counts().to_dict() if len(table) else {}
    lines.append("  ".join(f"{k}: {counts.get(k, 0)}" for k in ("met", "partly met",
                                                                 "not met", "unknown")))
    lines.append("")
    indent = " " * 6
    for rec in table.to_dict("records"):
        mark = {"met": "✔", "partly met": "~", "not met": "✘"}.get(rec["status"], "?")
        label = f"{mark} {rec['kind'][:4]} #{rec['rank']:<2} {rec['score']:.2f}  "
        body = textwrap.wrap(str(rec["requirement"]), width=width - len(label))
        lines.append(label + (body[0] if body else ""))
        lines.extend(" " * len(label) + b for b in body[1:])
        if rec["evidence"]:
            ev = textwrap.wrap(f"evidence: {rec['evidence']} [{rec['evidence_source']}]",
                               width=width - len(indent))
            lines.extend(indent + e for e in ev[:4])
        if rec.get("reason"):
            lines.extend(indent + w for w in textwrap.wrap(f"why: {rec['reason']}",
                                                           width=width - len(indent))[:2])
    return "\n".join(lines) + "\n"
