"""Position research: the posting's requirements in order, my evidence for each, a SWOT
against the posting, likely questions, and my profile across several postings.

Research code never fetches: pass a loaded :class:`JobPosting` and :class:`Profile`.
"""

from __future__ import annotations

from ..._lazy import lazy_exports

_EXPORTS = {
    "match_requirements": "match", "position_findings": "match", "MATCH_COLUMNS": "match",
    "swot_figure": "swot_grid",
    "likely_questions": "questions", "star_table": "questions",
    "targets_overview": "targets", "compare_targets": "targets",
}

__all__ = sorted([*_EXPORTS, "swot"])

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

# ``swot`` is both a function and the module it lives in: importing the module
# ("from research_kit.research.position.swot import …") binds the package's ``swot`` to the
# module, so a lazy export of the function would depend on import order. Bound here, once.
from .swot import swot as swot  # noqa: E402
