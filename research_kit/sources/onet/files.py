"""Loaders for the public O*NET database files, in either distribution format.

O*NET (https://www.onetcenter.org/database.html) ships each table as a tab-delimited
``.txt`` file and as an ``.xlsx`` workbook with the same header row. Releases differ:
the O*NET-SOC taxonomy changed in 2019 (``15-1132.00`` became ``15-1252.00``), columns come
and go (Technology Skills gained "In Demand"; newer files drop the repeated "Title"
column), and Skills holds one row per scale (IM importance, LV level). Each loader here
reads one file into a tidy DataFrame with fixed snake_case columns plus the source columns,
whatever the release, and raises :class:`~research_kit.errors.ParseError` for a file that is
not the table it claims to be.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...provenance import Source, table_from_rows

__all__ = ["ONET_TABLES", "OnetTable", "read_onet_file", "load_occupations",
           "load_alternate_titles", "load_task_statements", "load_skills",
           "load_technology_skills", "skills_by_importance", "read_sheet_rows",
           "SOC_CODE", "clean_cell"]

SOC_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
"""An O*NET-SOC code: the 6-digit SOC code plus a 2-digit O*NET suffix (``15-1252.00``)."""


@dataclass(frozen=True)
class OnetTable:
    """One O*NET table: its file name, its header → our column names, which are required."""

    name: str
    file_stem: str
    columns: dict[str, str]
    required: tuple[str, ...]

    @property
    def output_columns(self) -> list[str]:
        return list(dict.fromkeys(self.columns.values()))


ONET_TABLES: dict[str, OnetTable] = {t.name: t for t in (
    OnetTable("occupations", "Occupation Data",
              {"O*NET-SOC Code": "soc_code", "Title": "title", "Description": "description"},
              ("soc_code", "title")),
    OnetTable("alternate_titles", "Alternate Titles",
              {"O*NET-SOC Code": "soc_code", "Title": "title",
               "Alternate Title": "alternate_title", "Short Title": "short_title",
               "Source(s)": "title_sources"},
              ("soc_code", "alternate_title")),
    OnetTable("tasks", "Task Statements",
              {"O*NET-SOC Code": "soc_code", "Title": "title", "Task ID": "task_id",
               "Task": "task", "Task Type": "task_type",
               "Incumbents Responding": "incumbents_responding", "Date": "date",
               "Domain Source": "domain_source"},
              ("soc_code", "task")),
    OnetTable("skills", "Skills",
              {"O*NET-SOC Code": "soc_code", "Title": "title", "Element ID": "element_id",
               "Element Name": "element_name", "Scale ID": "scale_id",
               "Data Value": "data_value", "N": "n", "Standard Error": "standard_error",
               "Recommend Suppress": "recommend_suppress", "Not Relevant": "not_relevant",
               "Date": "date", "Domain Source": "domain_source"},
              ("soc_code", "element_name", "scale_id", "data_value")),
    OnetTable("technology_skills", "Technology Skills",
              {"O*NET-SOC Code": "soc_code", "Title": "title", "Example": "technology",
               "Commodity Code": "commodity_code", "Commodity Title": "commodity_title",
               "Hot Technology": "hot_technology", "In Demand": "in_demand"},
              ("soc_code", "technology")),
)}

_FLAG_COLUMNS = ("hot_technology", "in_demand", "recommend_suppress", "not_relevant")
_NUMBER_COLUMNS = ("data_value", "n", "standard_error", "incumbents_responding")


def clean_cell(value: Any) -> Any:
    """Strip text; empty strings become None (xlsx and txt then agree)."""
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _header_key(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


# -- raw rows ----------------------------------------------------------------------------
def read_sheet_rows(path: Path, sheet: str | None = None) -> Iterator[tuple]:
    """Rows of an .xlsx sheet (the first one, or ``sheet``) as tuples of cell values."""
    try:
        import openpyxl
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ParseError("reading .xlsx files needs openpyxl", path=str(path),
                         suggestion="pip install openpyxl") from exc
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ParseError(f"{path.name} is not a readable .xlsx workbook ({exc})", path=str(path),
                         suggestion="re-download the file, or use the tab-delimited .txt "
                                    "version of the same table") from None
    try:
        ws = book[sheet] if sheet and sheet in book.sheetnames else book.worksheets[0]
        yield from ws.iter_rows(values_only=True)
    finally:
        book.close()


def _text_rows(path: Path) -> Iterator[tuple]:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise ParseError(f"{path.name} is binary, not a tab-delimited O*NET text file",
                         path=str(path), suggestion="pass the .txt or .xlsx table file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # pre-UTF-8 O*NET releases
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        yield tuple(row)


def _rows(path: Path) -> Iterator[tuple]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_sheet_rows(path)
    if suffix in (".txt", ".tsv", ".csv", ""):
        return _text_rows(path)
    raise ParseError(f"{path.name}: O*NET files are .txt (tab-delimited) or .xlsx, not "
                     f"{suffix}", path=str(path), suggestion="pass the .txt or .xlsx file")


# -- one table ---------------------------------------------------------------------------
def _detect_table(path: Path, header: Iterable[str]) -> OnetTable:
    stem = _header_key(path.stem)
    for table in ONET_TABLES.values():
        if stem == table.file_stem.lower():
            return table
    keys = set(header)
    best = max(ONET_TABLES.values(),
               key=lambda t: len(keys & {k.lower() for k in t.columns}))
    if len(keys & {k.lower() for k in best.columns}) >= 3:
        return best
    raise ParseError(f"{path.name} is not an O*NET table this library knows "
                     f"({', '.join(t.file_stem for t in ONET_TABLES.values())})", path=str(path))


def read_onet_file(path: str | Path, table: str | None = None, *,
                   source: Source | None = None):
    """Read one O*NET table file (.txt or .xlsx) into a DataFrame with fixed columns.

    ``table`` is one of :data:`ONET_TABLES` (``occupations``, ``alternate_titles``, ``tasks``,
    ``skills``, ``technology_skills``); by default it is recognised from the file name or the
    header row. Columns a release lacks (e.g. ``in_demand`` before it existed) are present and
    empty. Rows whose O*NET-SOC code is malformed are dropped.
    """
    path = Path(path)
    if not path.is_file():
        raise ParseError(f"no such O*NET file: {path}", path=str(path),
                         suggestion="download the database from "
                                    "https://www.onetcenter.org/database.html")
    rows = _rows(path)
    try:
        header_row = next(rows)
    except StopIteration:
        raise ParseError(f"{path.name} is empty", path=str(path)) from None
    header = [_header_key(h) for h in header_row]
    spec = ONET_TABLES[table] if table else _detect_table(path, header)
    by_key = {k.lower(): v for k, v in spec.columns.items()}
    positions = {by_key[h]: i for i, h in enumerate(header) if h in by_key}
    missing = [c for c in spec.required if c not in positions]
    if missing:
        raise ParseError(f"{path.name} lacks the {', '.join(missing)} column(s) of O*NET "
                         f"{spec.file_stem}; header is {list(header_row)[:8]}", path=str(path),
                         suggestion=f"pass the O*NET '{spec.file_stem}' file")
    src = source or Source.for_file(path, section=f"O*NET {spec.file_stem}")
    out = []
    for raw in rows:
        rec = {col: clean_cell(raw[i]) if i < len(raw) else None for col, i in positions.items()}
        code = rec.get("soc_code")
        if not isinstance(code, str) or not SOC_CODE.match(code):
            continue
        out.append(rec)
    frame = table_from_rows(out, spec.output_columns)
    for col in _FLAG_COLUMNS:  # Python True/False/None (object dtype) whatever the file
        if col in frame.columns:
            frame[col] = _object_series([_flag(v) for v in frame[col]], frame.index)
    for col in _NUMBER_COLUMNS:
        if col in frame.columns:
            frame[col] = _numbers(frame[col])
    for key, value in src.columns().items():
        frame[key] = value
    return frame


def _flag(value: Any) -> bool | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip().upper()
    if text in ("Y", "YES", "TRUE", "1"):
        return True
    if text in ("N", "NO", "FALSE", "0"):
        return False
    return None


def _object_series(values, index):
    import pandas as pd

    return pd.Series(values, index=index, dtype="object")


def _numbers(series):
    import pandas as pd

    return pd.to_numeric(series, errors="coerce")


# -- convenience loaders -------------------------------------------------------------------
def load_occupations(path: str | Path, **kw):
    """O*NET "Occupation Data": soc_code, title, description."""
    return read_onet_file(path, "occupations", **kw)


def load_alternate_titles(path: str | Path, **kw):
    """O*NET "Alternate Titles": soc_code, title, alternate_title, short_title, title_sources."""
    return read_onet_file(path, "alternate_titles", **kw)


def load_task_statements(path: str | Path, **kw):
    """O*NET "Task Statements": soc_code, task_id, task, task_type (Core/Supplemental) …"""
    return read_onet_file(path, "tasks", **kw)


def load_skills(path: str | Path, **kw):
    """O*NET "Skills" as published: one row per occupation × skill × scale (IM, LV)."""
    return read_onet_file(path, "skills", **kw)


def load_technology_skills(path: str | Path, **kw):
    """O*NET "Technology Skills": technology, commodity, hot_technology, in_demand (bool/None)."""
    return read_onet_file(path, "technology_skills", **kw)


def skills_by_importance(skills):
    """One row per occupation × skill: ``importance`` (IM, 1–5) and ``level`` (LV, 0–7).

    Sorted by occupation, then importance (highest first). Values O*NET recommends
    suppressing are kept but flagged (``recommend_suppress``).
    """
    from ...provenance import SOURCE_COLUMNS

    cols = ["soc_code", "element_id", "skill", "importance", "level", "recommend_suppress",
            "not_relevant"]
    if skills.empty:
        return table_from_rows([], cols)
    keys = ["soc_code", "element_id", "element_name"]
    frame = skills.assign(element_id=skills["element_id"].fillna(skills["element_name"]))
    im = frame[frame["scale_id"] == "IM"]
    lv = frame[frame["scale_id"] == "LV"]
    merged = im[keys + ["data_value", "recommend_suppress"] + SOURCE_COLUMNS].merge(
        lv[keys + ["data_value", "not_relevant"]].rename(columns={"data_value": "level"}),
        on=keys, how="left")
    merged = merged.rename(columns={"data_value": "importance", "element_name": "skill"})
    merged = merged.sort_values(["soc_code", "importance"], ascending=[True, False],
                                kind="stable")
    return merged.reindex(columns=cols + SOURCE_COLUMNS).reset_index(drop=True)
