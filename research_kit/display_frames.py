"""Tables people read in a notebook, frames code analyses: one object that is both.

A step's table is returned as a :class:`ShownFrame`: a real pandas DataFrame (filter it,
plot it, ``.to_csv`` it — every operation gives back a plain DataFrame) whose notebook
display is a compact, readable view instead of pandas' 21 raw columns cut at 50
characters. ``.to_dataframe()`` gives the plain frame explicitly.

The view (:func:`frame_html`) wraps long text instead of cutting it, folds the four source
columns into one link per row (its human title as the tooltip), shows verdicts as symbols,
and — like every HTML research-kit emits in a notebook — is marked so that Jupyter's
MathJax leaves it alone: real filings are full of "$497.3 million … from $436.9 million",
which MathJax would otherwise typeset as one formula.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from .display import NO_MATH, escape, safe_link
from .provenance import SOURCE_COLUMNS, Source
from .source_titles import source_title

__all__ = ["ShownFrame", "shown", "frame_html", "cell_text", "source_cell", "VERDICTS",
           "VIEW_CSS", "MAX_ROWS"]

MAX_ROWS = 60
"""Rows shown in a view; the frame keeps them all."""

VERDICTS = {  # status → (symbol, colour, words for the tooltip and screen readers)
    "met": ("✓", "#287a3c", "met"),
    "partly met": ("◐", "#be7800", "partly met"),
    "partial": ("◐", "#be7800", "partly met"),
    "not met": ("✗", "#be3228", "not met"),
    "gap": ("✗", "#be3228", "not met"),
    "unknown": ("?", "#78808a", "not shown in the profile"),
    True: ("✓", "#287a3c", "yes"),
    False: ("✗", "#be3228", "no"),
}

VIEW_CSS = (
    "<style>div.rk-view.rk-view table{border-collapse:collapse;font-size:13px;line-height:1.35;"
    "width:auto;max-width:100%}"
    "div.rk-view.rk-view th{text-align:left;color:#5c6570;font-weight:600;padding:4px 8px;"
    "border-bottom:1.5px solid #183760;white-space:nowrap}"
    "div.rk-view.rk-view td{text-align:left;vertical-align:top;padding:4px 8px;"
    "border-bottom:1px solid #dde3ea;white-space:normal;overflow-wrap:break-word;max-width:36em}"
    "div.rk-view.rk-view td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    "div.rk-view.rk-view td.sym{text-align:center;font-weight:bold;font-size:15px}"
    "div.rk-view.rk-view td.src{white-space:nowrap;overflow-wrap:normal;max-width:16em;overflow:hidden;"
    "text-overflow:ellipsis}"
    "div.rk-view.rk-view tbody th{border-bottom:1px solid #dde3ea;color:#212529;vertical-align:top}"
    "div.rk-view.rk-view .quote{color:#212529}.rk-view .muted,div.rk-view.rk-view caption{color:#5c6570}"
    "div.rk-view.rk-view caption{caption-side:bottom;text-align:left;font-size:12px;padding-top:4px}"
    "div.rk-view.rk-view h4{margin:4px 0 6px;color:#183760}"
    "div.rk-view.rk-view a{color:#26689e}</style>"
)


class ShownFrame(pd.DataFrame):
    """A DataFrame with a readable notebook view. Operations return plain DataFrames."""

    _metadata = ["_rk_view"]

    @property
    def _constructor(self):  # slices, copies, arithmetic: plain frames, no view attached
        return pd.DataFrame

    def to_dataframe(self) -> pd.DataFrame:
        """The table itself, every column, as a plain DataFrame (a copy)."""
        return pd.DataFrame(self, copy=True)

    def _repr_html_(self) -> str | None:
        view = getattr(self, "_rk_view", None)
        frame = pd.DataFrame(self, copy=False)
        return view(frame) if view is not None else frame_html(frame)


def shown(frame: pd.DataFrame, view: Callable[[pd.DataFrame], str] | None = None) -> ShownFrame:
    """``frame`` with a readable notebook view (``view(frame) -> html``; the default view
    folds the source columns into a link and wraps text)."""
    result = ShownFrame(frame, copy=False)
    result.attrs.update(frame.attrs)
    object.__setattr__(result, "_rk_view", view)
    return result


# -- cells ----------------------------------------------------------------------------------

def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict, set)) else False
    except (TypeError, ValueError):
        return False


def cell_text(value: Any) -> str:
    """A value as the words a person reads: lists joined, NaN blank, floats trimmed."""
    if _missing(value):
        return ""
    if isinstance(value, (list, tuple, set)):
        return ", ".join(cell_text(v) for v in value if not _missing(v))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value) and abs(value) < 1e15:
            return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
        return f"{value:,.2f}"
    return str(value)


def source_cell(row: Mapping[str, Any], label: str = "source") -> str:
    """One row's source as a link (http) or a file name, its human title as the tooltip."""
    source = Source.from_row(dict(row))
    if source is None:
        return ""
    title = source_title(source) or source.url
    date = (source.retrieved_at or "")[:10]
    tip = f"{title} · {source.url}" + (f" · retrieved {date}" if date else "") + \
        (" (from cache)" if source.from_cache else "")
    if source.url.startswith(("http://", "https://")):
        link = safe_link(source.url, label)
    else:
        link = escape(source.url.rsplit("/", 1)[-1] or source.url)
    return f'<span title="{escape(tip)}">{link}</span>'


def verdict_cell(value: Any) -> str:
    key = value if isinstance(value, bool) else str(value).strip().lower()
    symbol, colour, words = VERDICTS.get(key, ("", "#5c6570", str(value)))
    if not symbol:
        return escape(cell_text(value))
    return (f'<span style="color:{colour}" title="{escape(words)}" '
            f'aria-label="{escape(words)}">{symbol}</span>')


# -- tables ---------------------------------------------------------------------------------

def frame_html(frame: pd.DataFrame, *, title: str | None = None,
               columns: Sequence[str] | None = None,
               headers: Mapping[str, str] | None = None,
               cells: Mapping[str, Callable[[Mapping[str, Any]], str]] | None = None,
               numeric: Iterable[str] = (), symbols: Iterable[str] = (),
               caption: str | None = None, source: bool = True, max_rows: int = MAX_ROWS) -> str:
    """A compact HTML view of ``frame``.

    ``columns``: which to show, in order (default: all but the source columns and
    list-valued bookkeeping); ``headers``: column → heading; ``cells``: column → a function
    of the row giving the cell's HTML (escaped by it); ``symbols``: verdict columns shown as
    ✓ ◐ ✗; ``source``: add a last column linking each row's source.
    """
    headers = dict(headers or {})
    cells = dict(cells or {})
    numeric, symbols = set(numeric), set(symbols)
    if columns is None:
        columns = [c for c in frame.columns if c not in SOURCE_COLUMNS]
    columns = [c for c in columns if c in frame.columns or c in cells]
    has_source = source and "source_url" in frame.columns
    head = "".join(f"<th>{escape(headers.get(c, str(c).replace('_', ' ')))}</th>"
                   for c in columns) + ("<th>source</th>" if has_source else "")
    body = []
    for row in frame.head(max_rows).to_dict("records"):
        tds = []
        for column in columns:
            if column in cells:
                tds.append(f"<td>{cells[column](row)}</td>")
            elif column in symbols:
                tds.append(f'<td class="sym">{verdict_cell(row.get(column))}</td>')
            else:
                css = ' class="num"' if column in numeric else ""
                tds.append(f"<td{css}>{escape(cell_text(row.get(column)))}</td>")
        if has_source:
            tds.append(f'<td class="muted src">{source_cell(row)}</td>')
        body.append(f"<tr>{''.join(tds)}</tr>")
    notes = []
    if len(frame) > max_rows:
        notes.append(f"first {max_rows} of {len(frame)} rows")
    if caption:
        notes.append(caption)
    hidden = [c for c in frame.columns if c not in columns and c not in SOURCE_COLUMNS]
    notes.append(f"{len(frame)} rows; .to_dataframe() for the table"
                 + (f" with all {len(frame.columns)} columns" if hidden else ""))
    caption_html = f"<caption>{escape(' · '.join(notes))}</caption>"
    heading = f"<h4>{escape(title)}</h4>" if title else ""
    if not len(frame):
        return (f'<div class="rk-view {NO_MATH}">{VIEW_CSS}{heading}'
                f'<p class="muted">No rows.</p></div>')
    return (f'<div class="rk-view {NO_MATH}">{VIEW_CSS}{heading}<table>{caption_html}'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>")
