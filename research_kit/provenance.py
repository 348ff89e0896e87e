"""Provenance: where a fact came from.

Every table row, finding and talking point carries a :class:`Source`. Tables keep it as
four columns (:data:`SOURCE_COLUMNS`) so that pandas operations keep it too.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

__all__ = ["Source", "SOURCE_COLUMNS", "empty_table", "table_from_rows", "utc_now_iso",
           "display_path", "path_within"]

SOURCE_COLUMNS = ["source_url", "retrieved_at", "section", "from_cache"]


def display_path(path: str | os.PathLike) -> str:
    """A file path as people should see it: relative to the current folder when inside it
    (a notebook runs in its workspace: "notes/profile.pdf"), else with ``~`` for home.
    Keeps the paths of one machine out of notebooks, briefs and packs shared with others."""
    p = Path(path)
    try:
        absolute = p.resolve()
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        pass
    try:
        return "~/" + absolute.relative_to(Path.home().resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return str(p)


def path_within(path: str | os.PathLike, root: str | os.PathLike) -> Path | None:
    """``path`` relative to ``root`` when it lies inside it (links resolved), else None."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve())
    except (ValueError, OSError):
        return None


def utc_now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Source:
    """Where something came from: a URL or a file, when it was retrieved, which section."""

    url: str
    retrieved_at: str
    """ISO-8601 UTC. For a cached response: when it was first fetched (stable offline)."""
    from_cache: bool = False
    status: int | None = None
    section: str | None = None
    title: str | None = None
    """Human label for footnotes, e.g. "Acme Corp 10-K FY2024"."""

    @classmethod
    def for_file(cls, path: str | os.PathLike, *, section: str | None = None,
                 title: str | None = None) -> Source:
        """A local file the user brought (a saved page, a PDF export, notes)."""
        p = Path(path)
        try:
            mtime = datetime.fromtimestamp(p.stat().st_mtime, UTC)
            when = mtime.replace(microsecond=0).isoformat()
        except OSError:
            when = utc_now_iso()
        return cls(url=display_path(p), retrieved_at=when, from_cache=False, status=None,
                   section=section, title=title or p.name)

    @classmethod
    def for_text(cls, label: str, *, section: str | None = None) -> Source:
        """Text pasted or typed by the user (no file, no URL)."""
        return cls(url=f"user-provided:{label}", retrieved_at=utc_now_iso(), section=section,
                   title=label)

    @classmethod
    def from_row(cls, row: Any, *, title: str | None = None,
                 section: str | None = None) -> Source | None:
        """The Source a table row carries in its source columns (None when it has no URL).

        ``row`` is a dict or a pandas row; ``section`` replaces the row's own."""
        get = row.get if hasattr(row, "get") else (lambda key: getattr(row, key, None))
        url = get("source_url")
        if not isinstance(url, str) or not url:
            return None
        own = get("section")
        own = own if isinstance(own, str) and own else None
        return cls(url=url, retrieved_at=str(get("retrieved_at") or ""),
                   from_cache=str(get("from_cache")) == "True", section=section or own,
                   title=title)

    def at(self, section: str | None) -> Source:
        """The same source, pointing into one section of it."""
        return dataclasses.replace(self, section=section)

    def columns(self) -> dict[str, Any]:
        return {"source_url": self.url, "retrieved_at": self.retrieved_at,
                "section": self.section, "from_cache": self.from_cache}

    def label(self) -> str:
        """Short text for a footnote: title or URL, plus section."""
        base = self.title or self.url
        return f"{base} — {self.section}" if self.section else base

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def empty_table(columns: Iterable[str]):
    """A DataFrame with the given columns and no rows (callers rely on the columns)."""
    import pandas as pd

    cols = list(columns)
    for c in SOURCE_COLUMNS:
        if c not in cols:
            cols.append(c)
    return pd.DataFrame({c: pd.Series(dtype="object") for c in cols})


def table_from_rows(rows: list[dict[str, Any]], columns: Iterable[str]):
    """A DataFrame with exactly ``columns`` (+ source columns) in order, empty or not.

    A row may carry a ``source`` key holding a :class:`Source`; it is spread into the
    source columns.
    """
    import pandas as pd

    cols = list(columns)
    for c in SOURCE_COLUMNS:
        if c not in cols:
            cols.append(c)
    if not rows:
        return empty_table(cols)
    flat = []
    for row in rows:
        row = dict(row)
        src = row.pop("source", None)
        if isinstance(src, Source):
            for k, v in src.columns().items():
                row.setdefault(k, v)
        flat.append(row)
    return pd.DataFrame(flat).reindex(columns=cols)
