"""How each step's table looks in a notebook (the frame itself stays whole for analysis).

:func:`present` gives a step's DataFrame its view (see :mod:`research_kit.display_frames`):
the requirement match with verdict symbols and your evidence quoted; the financials wide —
metrics down, fiscal years across, human units, one sourced caption instead of the CIK and
company on every row; connection notes in full with their length check; talking points
and questions as readable sentences. Other tables get the default view: wrapped text and
one source link per row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ..display import NO_MATH, escape
from ..display_frames import VIEW_CSS, ShownFrame, cell_text, frame_html, shown, source_cell
from ..provenance import Source
from ..source_titles import source_title

__all__ = ["present", "wide_financials", "money", "VIEWS"]


def money(value: Any, unit: str = "USD") -> str:
    """298400000 → "$298.4M"; shares → "12.3M"; counts → "1,240"."""
    if value is None or value != value:
        return ""
    v = float(value)
    prefix = "$" if unit in ("USD", "usd") else ""
    if unit not in ("USD", "usd", "shares"):
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    for size, letter in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(v) >= size:
            return f"{'-' if v < 0 else ''}{prefix}{abs(v) / size:,.1f}{letter}"
    return f"{'-' if v < 0 else ''}{prefix}{abs(v):,.0f}"


# -- the requirement match ----------------------------------------------------------------

def _requirement(row: Mapping[str, Any]) -> str:
    text = escape(cell_text(row.get("requirement")))
    if row.get("kind") == "preferred":
        text = f'<span class="muted">preferred:</span> {text}'
    return text


def _evidence(row: Mapping[str, Any]) -> str:
    quote = cell_text(row.get("evidence"))
    if not quote:
        return '<span class="muted">no evidence in your profile yet</span>'
    where = cell_text(row.get("evidence_source"))
    where_html = f'<br><small class="muted">{escape(where)}</small>' if where else ""
    return f'<span class="quote">“{escape(quote)}”</span>{where_html}'


def _score(value: Any) -> str:
    return "" if value is None or value != value else f"{float(value):.2f}"


def match_view(frame: pd.DataFrame) -> str:
    counts = frame["status"].value_counts() if "status" in frame.columns else {}
    title = (f"Requirements vs your evidence: {counts.get('met', 0)} met, "
             f"{counts.get('partly met', 0)} partly, {counts.get('not met', 0)} not met")
    return frame_html(frame, title=title,
                      columns=["rank", "status", "requirement", "evidence", "score"],
                      headers={"rank": "#", "status": "", "evidence": "your evidence (verbatim)"},
                      cells={"requirement": _requirement, "evidence": _evidence,
                             "score": lambda r: escape(_score(r.get("score")))},
                      symbols=["status"], numeric=["rank", "score"])


# -- financials, wide ------------------------------------------------------------------------

_METRIC_NAMES = {"revenue": "Revenue", "operating_income": "Operating income",
                 "net_income": "Net income", "rd_expense": "R&D expense",
                 "total_assets": "Total assets", "cash": "Cash", "employees": "Employees",
                 "shares_outstanding": "Shares outstanding"}


def wide_financials(frame: pd.DataFrame) -> pd.DataFrame:
    """The long financials table as metrics × fiscal years (raw numbers, for analysis)."""
    if not len(frame):
        return pd.DataFrame()
    order = list(dict.fromkeys(frame["metric"]))
    wide = frame.pivot_table(index="metric", columns="fiscal_year", values="value",
                             aggfunc="last")
    wide = wide.reindex(order)
    wide.columns = [f"FY{int(c)}" for c in wide.columns]
    return wide


def financials_view(frame: pd.DataFrame) -> str:
    if not len(frame) or not {"metric", "fiscal_year", "value"} <= set(frame.columns):
        return frame_html(frame)
    years = sorted({int(y) for y in frame["fiscal_year"].dropna()})
    units = dict(zip(frame["metric"], frame.get("unit", pd.Series(["USD"] * len(frame)))))
    values = {(m, int(y)): v for m, y, v in zip(frame["metric"], frame["fiscal_year"],
                                                 frame["value"]) if y == y}
    rows = []
    for metric in dict.fromkeys(frame["metric"]):
        label = _METRIC_NAMES.get(metric, str(metric).replace("_", " ").capitalize())
        cells = "".join(f'<td class="num">{escape(money(values.get((metric, y)), units[metric]))}'
                        "</td>" for y in years)
        rows.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    head = "".join(f"<th style='text-align:right'>FY{y}</th>" for y in years)
    first = frame.iloc[0].to_dict()
    source = Source.from_row(first)
    company = cell_text(first.get("company"))
    caption = f"{company}: annual figures as filed in its 10-K reports (SEC XBRL)" \
        if company else "Annual figures as filed (SEC XBRL)"
    if source is not None:
        date = (source.retrieved_at or "")[:10]
        caption_html = (f"{escape(caption)} · {source_cell(first, source_title(source) or 'source')}"
                        + (f" · retrieved {escape(date)}" if date else "")
                        + (" (from cache)" if source.from_cache else ""))
    else:
        caption_html = escape(caption)
    note = (f"$ in USD: K thousand, M million, B billion · {len(frame)} rows (one per year and "
            "metric, with concept, form and accession): .to_dataframe()")
    return (f'<div class="rk-view {NO_MATH}">{VIEW_CSS}<h4>Financials</h4><table>'
            f"<thead><tr><th></th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f'<p class="muted" style="font-size:12px;margin:4px 0 0">{caption_html}<br>'
            f"{escape(note)}</p></div>")


def ratios_view(frame: pd.DataFrame) -> str:
    pct = {"revenue_growth", "operating_margin", "net_margin", "rd_intensity"}
    def percent(column: str) -> Callable[[Mapping[str, Any]], str]:
        def cell(row: Mapping[str, Any]) -> str:
            value = row.get(column)
            return "" if value is None or value != value else escape(f"{100 * value:.1f}%")
        return cell

    def dollars(column: str) -> Callable[[Mapping[str, Any]], str]:
        return lambda row: escape(money(row.get(column)))

    cells: dict[str, Callable[[Mapping[str, Any]], str]] = {}
    for column in frame.columns:
        if column in pct:
            cells[column] = percent(column)
        elif column in ("revenue", "operating_income", "net_income", "rd_expense",
                        "total_assets", "cash"):
            cells[column] = dollars(column)
    columns = [c for c in frame.columns if c not in ("cik", "company", "period_end",
                                                      "source_url", "retrieved_at", "section",
                                                      "from_cache")]
    return frame_html(frame, title="Financial ratios", columns=columns, cells=cells,
                      numeric=["fiscal_year", "employees"])


# -- people ---------------------------------------------------------------------------------

def _note_length(row: Mapping[str, Any]) -> str:
    chars, limit, ok = row.get("chars"), row.get("limit"), row.get("ok")
    text = cell_text(chars)
    if limit is not None and limit == limit:
        text += f" / {cell_text(limit)}"
    mark = "" if ok is None else (' <span style="color:#287a3c">✓</span>' if ok else
                                  ' <span style="color:#be3228">✗</span>')
    return escape(text) + mark


def connection_notes_view(frame: pd.DataFrame) -> str:
    return frame_html(frame, title="Connection notes (check each before you send it)",
                      columns=["to", "kind", "text", "chars", "problems", "based_on"],
                      headers={"text": "note", "chars": "length", "based_on": "based on"},
                      cells={"chars": _note_length,
                             "text": lambda r: f'<span class="quote">{escape(cell_text(r.get("text")))}'
                                               "</span>"})


def points_view(title: str) -> Callable[[pd.DataFrame], str]:
    def view(frame: pd.DataFrame) -> str:
        return frame_html(frame, title=title, columns=["rank", "area", "point"],
                          headers={"rank": "#"}, numeric=["rank"])
    return view


VIEWS: dict[str, Callable[[pd.DataFrame], str]] = {
    "match": match_view,
    "financials": financials_view,
    "financial_ratios": ratios_view,
    "connection_notes": connection_notes_view,
    "talking_points": points_view("Talking points"),
    "questions_to_ask": points_view("Questions to ask"),
    "why_me": points_view("Why me"),
}


def present(name: str, result: Any) -> Any:
    """A step's result as it should show: DataFrames get their view, the rest as is."""
    if isinstance(result, pd.DataFrame) and not isinstance(result, ShownFrame):
        return shown(result, VIEWS.get(name))
    return result
