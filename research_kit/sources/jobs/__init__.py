"""Job postings: URL, saved page, board API response or pasted text → :class:`JobPosting`.

``load_job_posting(source, *, posting_id=None, posting_title=None)`` is the entry point;
see :mod:`.load` for the order in which readers are tried.
"""

from __future__ import annotations

from ..._lazy import lazy_exports

# submodules load on first use: unpickling a stored JobPosting needs .model only, not the
# readers (which bring the HTTP stack and HTML parsers with them)
_EXPORTS = {"load_job_posting": "load", "parse_job_content": "load", "JobPosting": "model",
            "JobSection": "model", "Salary": "model"}

__all__ = sorted([*_EXPORTS, "parse_job_command"])

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)


def parse_job_command(source: str, args) -> dict:
    """``research-kit parse job SOURCE --json`` (see docs/cli.md)."""
    from .load import load_job_posting

    source = _stdin_if_dash(source)
    posting = load_job_posting(source, posting_id=getattr(args, "posting_id", None),
                               posting_title=getattr(args, "posting_title", None))
    return posting.to_dict()


def _stdin_if_dash(source: str) -> str:
    if source == "-":
        import sys

        return sys.stdin.read()
    return source
