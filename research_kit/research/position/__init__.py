"""Position research: the posting's requirements in order, my evidence for each, a SWOT
against the posting, likely questions, and my profile across several postings.

Research code never fetches: pass a loaded :class:`JobPosting` and :class:`Profile`.
"""

from __future__ import annotations

from ..._lazy import lazy_exports

_EXPORTS = {
    "match_requirements": "match", "position_findings": "match", "MATCH_COLUMNS": "match",
    "swot": "swot", "swot_figure": "swot_grid",
    "likely_questions": "questions", "star_table": "questions",
    "targets_overview": "targets", "compare_targets": "targets",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
