"""The key figures of an annual report: revenue, operating profit, net profit, employees.

Candidates come from table rows (:mod:`.table_figures`) and sentences
(:mod:`.text_figures`). For each metric the report's own figure for its year is the
best-placed one: a row of the income statement before a row of another table before a
sentence; the label that names the metric squarely before a looser one; a figure whose
period is printed before one whose period is assumed; then the earliest page.

The figure is then checked against what the rest of the report says about the same year
(other statement and summary rows, sentences in the letter and reviews; not the notes,
which hold segment, pro-forma and related-party figures). Agreement allows for printed
precision ("$211 billion" agrees with 211,915 million). A disagreement is written in the
figure's note and in the report's warnings; the prior-year comparative is dropped when the
report gives two different ones (a loss in one place, a profit in another) — it is reported
as contradictory, never chosen. A metric the report does not print is missing, with a
warning that says where it might have been (pages that are pictures).
"""

from __future__ import annotations

import dataclasses
import math
import re
from typing import TYPE_CHECKING

from ...provenance import table_from_rows
from ..company import FIGURE_COLUMNS
from .metrics import METRICS, Candidate
from .pages import page_list
from .profile import org_words
from .table_figures import table_candidates
from .text_figures import sentence_candidates

if TYPE_CHECKING:
    import pandas as pd

    from .report import PdfAnnualReport

__all__ = ["read_candidates", "candidates_table", "key_figures", "FIGURE_EXTRA"]

FIGURE_EXTRA = ["value_as_printed", "currency", "scale", "period", "page", "quote",
                "prior_value_as_printed", "prior_value", "basis", "note", "how", "company"]


def read_candidates(report: PdfAnnualReport) -> list[Candidate]:
    return table_candidates(report) + sentence_candidates(report, org_words(report.company))


def _row(c: Candidate, report: PdfAnnualReport) -> dict:
    where = f"{c.section} (p. {c.page})" if c.section else f"page {c.page}"
    return {"fiscal_year": c.year, "metric": c.metric, "value": c.value, "unit": c.unit,
            "period_end": report.period.end if c.year == report.fiscal_year else None,
            "value_as_printed": c.value_as_printed, "currency": c.currency, "scale": c.scale,
            "period": c.period or (report.period.label if c.year == report.fiscal_year else None),
            "page": c.page, "quote": c.quote,
            "prior_value_as_printed": c.prior_value_as_printed, "prior_value": c.prior_value,
            "basis": c.basis, "note": c.note, "how": c.how, "company": report.company,
            "source": report.source_at(where)}


def candidates_table(report: PdfAnnualReport, candidates: list[Candidate]) -> pd.DataFrame:
    return table_from_rows([_row(c, report) for c in candidates], FIGURE_COLUMNS + FIGURE_EXTRA)


def _order(c: Candidate) -> tuple:
    dated = c.period is not None or c.how == "sentence"
    return (-c.priority, not dated, c.rank, c.page)


def _precision(c: Candidate) -> float:
    """One unit of the last printed digit, in base units."""
    digits = re.sub(r"[^\d.,]", "", c.value_as_printed.split("(")[0] if c.how == "sentence"
                    else c.value_as_printed)
    decimals = 0
    match = re.search(r"[.,](\d{1,2})$", digits)
    if match and not re.search(r"[.,]\d{3}$", digits):
        decimals = len(match.group(1))
    return (10 ** -decimals) * (c.multiplier or 1.0)


def _agree(a: float, b: float, tolerance: float) -> bool:
    return math.isclose(a, b, rel_tol=0.005) or abs(a - b) <= tolerance


def _same_quantity(a: float, b: float) -> bool:
    """Within a factor of ten: the same quantity stated twice. A figure ten times smaller or
    larger is another quantity (a segment, a component), not a contradiction."""
    a, b = abs(a), abs(b)
    return min(a, b) > 0 and max(a, b) / min(a, b) <= 10 or a == b


def notes_pages(report: PdfAnnualReport) -> set[int]:
    """Pages of the notes to the financial statements: from a "Notes to …" heading on, as
    long as the sections are financial statements."""
    pages: set[int] = set()
    level: int | None = None
    for section in report.sections:
        if re.match(r"^notes\s+to\b", section.title, re.I):
            level = section.level
        elif level is not None and section.level <= level and section.kind != "financial_statements":
            level = None  # the next part of the report (the auditor's report, Item 9 …)
        if level is not None:
            pages.update(range(section.first_page, section.last_page + 1))
    return pages


def _comparable(c: Candidate, best: Candidate) -> bool:
    """Another statement of the same line for the same year: same label rank (so "Total
    revenue (I + II)" is not compared with "Revenue from operations", nor "Net earnings"
    with "Net earnings attributable to PMI"), its period read, outside the notes."""
    return (c.value is not None and c.rank == best.rank and not c.substitute
            and c.year == best.year
            and (c.period is not None or c.how == "sentence"))


def key_figures(report: PdfAnnualReport, candidates: list[Candidate]
                ) -> tuple[pd.DataFrame, list[str]]:
    """One row per metric for the report's year (FIGURE_COLUMNS + FIGURE_EXTRA + source
    columns), and warnings about what is missing or contradictory."""
    year = report.fiscal_year
    notes = notes_pages(report)
    rows, warnings = [], []
    for metric in METRICS:
        pool = [c for c in candidates if c.metric == metric and c.value is not None
                and (c.year == year or year is None)]
        if metric == "operating_income" and any(not c.substitute for c in pool):
            pool = [c for c in pool if not c.substitute]
        if not pool:
            warnings.append(_missing(report, metric, candidates))
            continue
        best = dataclasses.replace(min(pool, key=_order))  # notes go on a copy
        if best.substitute:
            warnings.append(f"operating profit: {best.note} (page {best.page})")
        chosen = min(pool, key=_order)
        others = [c for c in candidates if c is not chosen and c.metric == metric
                  and _comparable(c, best) and c.page not in notes]
        _check_value(best, others, warnings)
        _check_prior(best, others, warnings)
        rows.append(_row(best, report))
    return table_from_rows(rows, FIGURE_COLUMNS + FIGURE_EXTRA), [w for w in warnings if w]


def _check_value(best: Candidate, others: list[Candidate], warnings: list[str]) -> None:
    assert best.value is not None
    conflicts = [c for c in others if c.value is not None and _same_quantity(best.value, c.value)
                 and not _agree(best.value, c.value, max(_precision(best), _precision(c)))]
    if not conflicts:
        return
    said = "; ".join(f"p{c.page} {c.value_as_printed!r} ({_where(c)})" for c in conflicts[:3])
    note = f"the report also gives another figure for this year: {said}"
    best.note = "; ".join(x for x in (best.note, note) if x)
    warnings.append(f"{best.metric}: page {best.page} prints {best.value_as_printed!r}, but {note}")


def _check_prior(best: Candidate, others: list[Candidate], warnings: list[str]) -> None:
    if best.prior_value is None:
        return
    prior = best.prior_value
    conflicts = [c for c in others if c.prior_value is not None and _same_prior_year(c, best)
                 and _same_quantity(prior, c.prior_value)
                 and not _agree(prior, c.prior_value, max(_precision(best), _precision(c)) * 1.01)]
    if not conflicts:
        return
    said = "; ".join(f"p{c.page} {_signed(c.prior_value_as_printed, c.prior_value)} ({_where(c)})"
                     for c in conflicts[:3])
    note = (f"prior year not given: the report contradicts itself — page {best.page} prints "
            f"{_signed(best.prior_value_as_printed, best.prior_value)}, {said}")
    best.prior_value = None
    best.note = "; ".join(x for x in (best.note, note) if x)
    warnings.append(f"{best.metric}, prior year: {note}")


def _signed(printed: str | None, value: float | None) -> str:
    """A printed figure, saying "a loss" when its sign comes from the words around it."""
    text = repr(printed)
    if value is not None and value < 0 and printed and not re.search(r"[(\-−–]", printed):
        text += " (a loss)"
    return text


def _same_prior_year(c: Candidate, best: Candidate) -> bool:
    if c.prior_period and best.year:
        from .periods import year_of

        return year_of(c.prior_period) in (None, best.year - 1)
    return True


def _where(c: Candidate) -> str:
    return f"a sentence in {c.section!r}" if c.how == "sentence" else f"the table row {c.quote[:60]!r}"


def _missing(report: PdfAnnualReport, metric: str, candidates: list[Candidate]) -> str:
    words = {"revenue": "revenue", "operating_income": "operating profit",
             "net_income": "net profit", "employees": "number of employees"}[metric]
    unscaled = [c for c in candidates if c.metric == metric and c.value is None]
    pictures = [p.number for p in report.page_info if p.status in ("images", "no_text")
                and p.number > 1]
    text = f"{words}: not found in the report's text"
    if unscaled:
        text += (f" with a unit (page {unscaled[0].page} prints {unscaled[0].value_as_printed!r}"
                 " with no unit)")
    if pictures and metric != "employees":
        text += f"; the financial statements may be on {page_list(pictures)}, which are pictures"
    return text
