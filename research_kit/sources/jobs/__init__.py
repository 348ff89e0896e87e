"""Job postings: URL, saved page, board API response or pasted text → :class:`JobPosting`.

``load_job_posting(source, *, posting_id=None, posting_title=None)`` is the entry point;
see :mod:`.load` for the order in which readers are tried.
"""

from .load import load_job_posting, parse_job_content
from .model import JobPosting, JobSection, Salary

__all__ = ["load_job_posting", "parse_job_content", "JobPosting", "JobSection", "Salary",
           "parse_job_command"]


def parse_job_command(source: str, args) -> dict:
    """``research-kit parse job SOURCE --json`` (see docs/cli.md)."""
    source = _stdin_if_dash(source)
    posting = load_job_posting(source, posting_id=getattr(args, "posting_id", None),
                               posting_title=getattr(args, "posting_title", None))
    return posting.to_dict()


def _stdin_if_dash(source: str) -> str:
    if source == "-":
        import sys

        return sys.stdin.read()
    return source
