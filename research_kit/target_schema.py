"""What target.toml may say: every key, its type, with "did you mean" for typos.

A typo must not silently drop data (``tickr = "ACME"`` used to mean "no ticker"), and a
wrong shape must not surface as a traceback three steps later (``interviewers = "Dana"``
was an AttributeError in the run). :func:`check_target` lists every problem at once;
:func:`missing_files` names the files target.toml points to that are not there.
The keys are documented in docs/interviewers.md, docs/position.md and docs/cli.md.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

__all__ = ["check_target", "missing_files", "TOP_KEYS", "PERSON_KEYS", "FILE_KEYS"]

TEXT = "text"
TEXTS = "a list of texts"
TEXT_OR_TEXTS = "text or a list of texts"
DATE = "a date (2026-12-03 or \"2026-12-03\")"
PERSON_KEYS: dict[str, str] = {
    "name": TEXT, "title": TEXT, "profile": TEXT, "notes": TEXT, "connection": TEXT,
    "met": TEXT, "context": TEXT, "context_url": TEXT, "location": TEXT,
    "schools": TEXT_OR_TEXTS, "employers": TEXT_OR_TEXTS, "volunteering": TEXT_OR_TEXTS,
    "groups": TEXT_OR_TEXTS, "skills": TEXT_OR_TEXTS, "languages": TEXT_OR_TEXTS,
    "certifications": TEXT_OR_TEXTS,
}
OUTREACH_KEYS: dict[str, str] = {"role": TEXT, "limit": "a positive whole number",
                                 "my_name": TEXT, "company": TEXT, "interview_date": DATE}
TOP_KEYS: dict[str, str] = {
    "name": TEXT, "ticker": TEXT, "site": TEXT, "job": TEXT, "job_id": "text or a number",
    "job_title": TEXT, "me": "a file path, or a [me] table", "annual_report": TEXT,
    "interviewers": "[[interviewers]] tables", "coordinator": "a [coordinator] table",
    "competitors": TEXT_OR_TEXTS, "feeds": TEXT_OR_TEXTS, "interview_date": DATE,
    "fictional": "true or false", "paper": '"letter" or "a4"', "settings": "a [settings] table",
    "outreach": "an [outreach] table", "aliases": "an [aliases] table of texts",
    "my_evidence": "a [my_evidence] table of texts",
}
FILE_KEYS = ("job", "me", "annual_report")
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def _suggest(key: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(key, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _fits(kind: str, value: Any) -> bool:
    if kind == TEXT:
        return isinstance(value, str)
    if kind == TEXTS:
        return _is_texts(value)
    if kind == TEXT_OR_TEXTS:
        return isinstance(value, str) or _is_texts(value)
    if kind == DATE:
        return isinstance(value, (str, dt.date)) and not isinstance(value, dt.time)
    if kind == "text or a number":
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    if kind == "true or false":
        return isinstance(value, bool)
    if kind == '"letter" or "a4"':
        return isinstance(value, str) and value.lower() in ("letter", "a4")
    if kind == "a positive whole number":
        return isinstance(value, int) and not isinstance(value, bool) and value > 0
    return True


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def _check_table(table: Any, known: dict[str, str], where: str, problems: list[str]) -> None:
    if not isinstance(table, dict):
        problems.append(f"{where} must be a table, not {_show(table)}")
        return
    for key, value in table.items():
        if key not in known:
            problems.append(f"unknown key {key!r} in {where}{_suggest(key, known)}")
        elif not _fits(known[key], value):
            problems.append(f"{where}: {key} must be {known[key]}, not {_show(value)}")


def check_target(target: dict[str, Any]) -> list[str]:
    """Every problem with a parsed target.toml, as sentences (empty: all good)."""
    problems: list[str] = []
    for key, value in target.items():
        if key not in TOP_KEYS:
            problems.append(f"unknown key {key!r}{_suggest(key, TOP_KEYS)}")
            continue
        kind = TOP_KEYS[key]
        if key == "ticker" and isinstance(value, int) and not isinstance(value, bool):
            problems.append(f"ticker must be text: ticker = \"{value}\" (with quotes)")
        elif key == "interviewers":
            if isinstance(value, dict):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(t, dict) for t in value):
                problems.append(f"interviewers must be [[interviewers]] tables, one per person "
                                f"(name = \"...\" in each), not {_show(value)}")
                continue
            for i, table in enumerate(value, 1):
                _check_table(table, PERSON_KEYS, f"[[interviewers]] #{i}", problems)
                if not isinstance(table.get("name"), str) or not table.get("name", "").strip():
                    problems.append(f"[[interviewers]] #{i} has no name")
        elif key == "coordinator":
            _check_table(value, PERSON_KEYS, "[coordinator]", problems)
        elif key == "me" and isinstance(value, dict):
            _check_table(value, PERSON_KEYS, "[me]", problems)
        elif key == "outreach":
            _check_table(value, OUTREACH_KEYS, "[outreach]", problems)
        elif key == "aliases":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                problems.append('[aliases] must map texts to texts ("OSU" = "Oregon State '
                                'University")')
        elif key == "my_evidence":
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                problems.append('[my_evidence] must map a phrase of a requirement to your own '
                                'words ("scaling complex software systems" = "Scaled …")')
            swallowed = sorted(k for k in value if k in TOP_KEYS) if isinstance(value, dict) \
                else []
            if swallowed:  # TOML puts every key after a [table] line into that table
                problems.append(f"[my_evidence] holds {', '.join(swallowed)}: keys written "
                                "after [my_evidence] belong to it; move [my_evidence] to the "
                                "end of target.toml")
        elif key == "settings":
            if not isinstance(value, dict):
                problems.append(f"settings must be a [settings] table, not {_show(value)}")
        elif key == "me":
            if not isinstance(value, str):
                problems.append(f"me must be a file path (or a [me] table), not {_show(value)}")
        elif not _fits(kind, value):
            problems.append(f"{key} must be {kind}, not {_show(value)}")
    return problems


def missing_files(target: dict[str, Any], folder: Path) -> list[str]:
    """The files target.toml names (job, me, annual_report, interviewer profiles) that do
    not exist, relative paths read from the workspace ``folder``."""
    named: list[tuple[str, Any]] = [(k, target.get(k)) for k in FILE_KEYS]
    people = target.get("interviewers")
    for i, table in enumerate(people if isinstance(people, list) else [], 1):
        if isinstance(table, dict):
            named.append((f"[[interviewers]] #{i} profile", table.get("profile")))
    if isinstance(target.get("coordinator"), dict):
        named.append(("[coordinator] profile", target["coordinator"].get("profile")))
    missing = []
    for key, value in named:
        if not isinstance(value, str) or not value.strip() or _URL.match(value):
            continue
        if key == "job" and "\n" in value:
            continue  # pasted text
        path = Path(value).expanduser()
        path = path if path.is_absolute() else folder / path
        if not path.is_file():
            missing.append(f"{key} = {value!r}: no such file ({path})")
    return missing
