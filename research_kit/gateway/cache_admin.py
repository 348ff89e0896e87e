"""Inspect and clear the persistent HTTP cache (``research-kit cache info|clear``)."""

from __future__ import annotations

import sqlite3

from ..settings import Settings

__all__ = ["cache_info", "clear_cache", "cache_rows_state"]


def _count(settings: Settings) -> int:
    state = cache_rows_state(settings.http_cache_path)
    return state[0][0] if state else 0


def cache_rows_state(path) -> tuple | None:
    """Row counts and newest rows of a cache file's tables (any write changes them), read
    without importing requests-cache; None when the file is missing or unreadable."""
    from pathlib import Path

    path = Path(path)
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=2)
        try:
            return tuple(db.execute(f"SELECT count(*), max(rowid) FROM {table}").fetchone()
                         for table in ("responses", "redirects"))
        finally:
            db.close()
    except sqlite3.Error:
        return None


def cache_info(settings: Settings) -> dict[str, object]:
    path = settings.http_cache_path
    size = path.stat().st_size if path.exists() else 0
    return {"cache file": str(path), "responses": _count(settings),
            "size": f"{size / 1e6:.1f} MB", "offline": settings.offline}


LEGACY_FILES = ("http-cache.sqlite",)
"""Cache files of earlier versions (pickled entries, never read any more)."""


def clear_cache(settings: Settings) -> int:
    """Delete the HTTP cache (and data derived from earlier versions' caches); returns how
    many responses it held."""
    import shutil

    count = _count(settings)
    for name in (settings.http_cache_path.name, *LEGACY_FILES):
        for suffix in ("", "-wal", "-shm", "-journal"):
            p = settings.cache_dir / (name + suffix)
            if p.exists():
                p.unlink()
    shutil.rmtree(settings.cache_dir / "derived", ignore_errors=True)
    return count
