"""What each run found, and whether it is worse than the last good one.

Every brief written records the run in ``.research-kit/last-run.json``: the sources the
brief cites, every step that found nothing and why, whether the job posting and the
company sources answered, and the state of the HTTP cache. ``research-kit run`` prints it
and sets its exit status from it.

A run whose sources got worse than the last good run — fewer sources cited, a job posting
or company that answered before and not now, an HTTP cache that vanished — says so, and
the last good brief is kept beside the new one (``out/brief.previous.pdf`` / ``.html``):
a deleted cache or a network outage must not silently replace a good brief with a thin
one. The last good run is ``.research-kit/last-good-run.json``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..private_files import write_private

__all__ = ["RunRecord", "read_record", "LAST_RUN", "LAST_GOOD_RUN", "keep_previous_brief"]

LAST_RUN = Path(".research-kit") / "last-run.json"
LAST_GOOD_RUN = Path(".research-kit") / "last-good-run.json"
PREVIOUS_STEM = "brief.previous"


@dataclass
class RunRecord:
    finished: str
    sources: int
    """Distinct sources (URL or file) the brief cites."""
    missing: dict[str, str] = field(default_factory=dict)
    """Step → why it found nothing."""
    job: str = "not given"
    """"ok", "failed" or "not given"."""
    company: str = "not given"
    """"ok" (at least one company source answered), "failed", or "not given"."""
    cache_file: str = ""
    cache_rows: int | None = None
    """Responses in the HTTP cache (None: no cache file)."""
    degraded: list[str] = field(default_factory=list)
    """Why this run is worse than the last good one (empty: it is not)."""
    previous_brief: str = ""
    """Where the last good brief was kept, when this run is worse."""
    brief_digest: str = ""

    @property
    def core_failed(self) -> bool:
        """The job posting named in target.toml, or every company source, failed."""
        return self.job == "failed" or self.company == "failed"

    @property
    def good(self) -> bool:
        return not self.core_failed and not self.degraded

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, ensure_ascii=False)


def read_record(path: Path) -> RunRecord | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return RunRecord(**{k: v for k, v in data.items()
                            if k in RunRecord.__dataclass_fields__})
    except (OSError, ValueError, TypeError):
        return None


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def worse_than(record: RunRecord, previous: RunRecord | None) -> list[str]:
    """Why ``record`` is worse than the last good run ``previous`` (empty: it is not)."""
    if previous is None:
        return []
    reasons = []
    when = previous.finished[:10]
    if record.sources < previous.sources:
        reasons.append(f"the brief cites {record.sources} source(s); the last good run "
                       f"({when}) cited {previous.sources}")
    for what in ("job", "company"):
        if getattr(previous, what) == "ok" and getattr(record, what) == "failed":
            reasons.append(f"the {'job posting' if what == 'job' else 'company sources'} "
                           f"answered on {when} and not now")
    if previous.cache_rows and not record.cache_rows:
        reasons.append(f"the HTTP cache ({record.cache_file}) is gone or empty; it held "
                       f"{previous.cache_rows} response(s) on {when}")
    return reasons


def keep_previous_brief(out_dir: Path, previous: RunRecord) -> str:
    """Copy the last good brief to brief.previous.* — unless the brief there now is not it
    (an earlier worse run already kept it); returns where it is kept ("" if nowhere)."""
    pdf, html = out_dir / "brief.pdf", out_dir / "brief.html"
    kept_pdf = out_dir / f"{PREVIOUS_STEM}.pdf"
    if pdf.exists() and previous.brief_digest and digest(pdf) == previous.brief_digest:
        shutil.copy2(pdf, kept_pdf)
        if html.exists():
            shutil.copy2(html, out_dir / f"{PREVIOUS_STEM}.html")
    return str(kept_pdf) if kept_pdf.exists() else ""


def save(record: RunRecord, workspace: Path) -> None:
    write_private(workspace / LAST_RUN, record.to_json())
    if record.good:
        write_private(workspace / LAST_GOOD_RUN, record.to_json())


def describe(record: RunRecord) -> list[str]:
    """Lines for the terminal: what was not found and why, and any warning."""
    lines = []
    if record.missing:
        lines.append(f"not found ({len(record.missing)}):")
        lines += [f"  {step}: {reason}" for step, reason in record.missing.items()]
    for reason in record.degraded:
        lines.append(f"warning: this run is worse than the last good one: {reason}")
    if record.degraded and record.previous_brief:
        lines.append(f"warning: the last good brief is kept at {record.previous_brief}")
    if record.job == "failed":
        lines.append("the job posting named in target.toml could not be read")
    if record.company == "failed":
        lines.append("none of the company sources in target.toml answered")
    return lines


def as_dict(record: RunRecord) -> dict[str, Any]:
    return asdict(record)
