"""Annual reports as PDF (non-US or private companies, glossy reports): the public entry
points, kept here where callers have always found them.

The work is done in :mod:`.pages` (text, layout, page status), :mod:`.cleaning`,
:mod:`.sections` / :mod:`.kinds` (headings and their kinds), :mod:`.figures`,
:mod:`.prose` and :mod:`.profile`; :mod:`.report` ties them together.
"""

from __future__ import annotations

from .report import PAGE_COLUMNS, SECTION_COLUMNS, PdfAnnualReport, read_annual_report_pdf
from .sections import PdfSection

__all__ = ["PdfAnnualReport", "PdfSection", "read_annual_report_pdf", "SECTION_COLUMNS",
           "PAGE_COLUMNS"]
