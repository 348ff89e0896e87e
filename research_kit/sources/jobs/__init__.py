"""Job postings: URL, saved page, board API response or pasted text → :class:`JobPosting`.

``load_job_posting(source, *, posting_id=None, posting_title=None)`` is the entry point;
see :mod:`.load` for the order in which readers are tried. The ``research-kit parse job``
command lives in :mod:`research_kit.cli._parse` (sources know nothing of the command line).
"""

from __future__ import annotations

from ..._lazy import lazy_exports

# submodules load on first use: reading a JobPosting back from a workspace's JSON needs
# .model only, not the readers (which bring the HTTP stack and HTML parsers with them)
_EXPORTS = {"load_job_posting": "load", "parse_job_content": "load", "JobPosting": "model",
            "JobSection": "model", "Salary": "model"}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
