"""The target-company list: one CSV the notebook (targets.ipynb) and the CLI both read.

The advice: build a target company list, research each company, and seek networking
meetings before jobs are advertised. Each row is one company with its status, contacts, the
next step and when to follow up. ``research-kit batch targets.csv`` researches every row.

The file is the user's: it is only ever written by an explicit call (``save_targets`` /
``add_target``), atomically, after copying the previous version to ``targets.csv.bak``.
Columns the user adds are kept.
"""

from __future__ import annotations

import csv
import os
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["TARGET_COLUMNS", "STATUSES", "load_targets", "save_targets", "add_target",
           "follow_ups_due", "new_targets_file"]

TARGET_COLUMNS = ["name", "ticker", "site", "job", "me", "status", "contacts", "next_step",
                  "follow_up", "notes"]
STATUSES = ["idea", "researching", "networking", "applied", "interviewing", "offer", "closed"]


def new_targets_file(path: str | os.PathLike) -> Path:
    """Create an empty targets.csv with the standard header (never over an existing one)."""
    path = Path(path)
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(",".join(TARGET_COLUMNS) + "\n", encoding="utf-8")
    return path


def load_targets(path: str | os.PathLike, *, create: bool = False):
    """The target list as a DataFrame with at least :data:`TARGET_COLUMNS` (strings).
    With ``create=True`` a missing file is started (header only) instead of an error."""
    import pandas as pd

    path = Path(path)
    if create:
        new_targets_file(path)
    if not path.exists():
        raise InputError(f"no target list at {path}", path=str(path),
                         suggestion=f"create one: research-kit targets add \"Acme Corp\" "
                                    f"--file {path}")
    try:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (pd.errors.ParserError, UnicodeDecodeError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"{path} is not a readable CSV file: {exc}", path=str(path),
                         suggestion="save it as CSV (UTF-8) with a header row") from None
    df.columns = [str(c).strip().lower().replace(" ", "_") for c in df.columns]
    if "name" not in df.columns:
        raise InputError(f"{path} has no 'name' column", path=str(path),
                         suggestion="the header needs at least: name (and optionally "
                                    + ", ".join(TARGET_COLUMNS[1:]) + ")")
    for column in TARGET_COLUMNS:
        if column not in df.columns:
            df[column] = ""
    extra = [c for c in df.columns if c not in TARGET_COLUMNS]
    df = df[TARGET_COLUMNS + extra]
    df["name"] = df["name"].str.strip()
    return df[df["name"] != ""].reset_index(drop=True)


def save_targets(df, path: str | os.PathLike) -> Path:
    """Write the list atomically, keeping the previous file as ``<name>.bak``."""
    path = Path(path)
    if path.exists():
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    tmp = path.with_name(path.name + ".tmp")
    df.to_csv(tmp, index=False, quoting=csv.QUOTE_MINIMAL)
    os.replace(tmp, path)
    return path


def add_target(path: str | os.PathLike, name: str, **fields: Any):
    """Append a company (or update the row with the same name); returns the new list."""
    import pandas as pd

    new_targets_file(path)
    df = load_targets(path)
    unknown = set(fields) - set(df.columns)
    if unknown:
        raise InputError(f"unknown column(s): {', '.join(sorted(unknown))}",
                         suggestion="columns: " + ", ".join(df.columns))
    status = fields.get("status")
    if status and status not in STATUSES:
        raise InputError(f"unknown status {status!r}", suggestion="one of: " + ", ".join(STATUSES))
    values = {k: ("" if v is None else str(v)) for k, v in fields.items()}
    match = df["name"].str.lower() == name.strip().lower()
    if match.any():
        for key, value in values.items():
            if value:
                df.loc[match, key] = value
    else:
        row = {c: "" for c in df.columns} | {"name": name.strip(), "status": "idea"} | \
            {k: v for k, v in values.items() if v}
        df = pd.concat([df, pd.DataFrame([row])], ignore_index=True)
    save_targets(df, path)
    return df


def _parse_date(text: str) -> date | None:
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%Y/%m/%d", "%m/%d/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def follow_ups_due(targets, today: date | None = None):
    """Rows whose follow-up date is today or past (and not closed), most overdue first.
    ``targets`` is the list (DataFrame) or the path of its CSV file."""
    df = targets if hasattr(targets, "columns") else load_targets(targets)
    today = today or date.today()
    dates = df["follow_up"].map(_parse_date)
    due = df[dates.map(lambda d: d is not None and d <= today) & (df["status"] != "closed")]
    due = due.assign(days_overdue=dates[due.index].map(lambda d: (today - d).days))
    return due.sort_values("days_overdue", ascending=False).reset_index(drop=True)
