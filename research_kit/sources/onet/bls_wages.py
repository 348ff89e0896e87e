"""BLS Occupational Employment and Wage Statistics (OEWS) national tables → tidy wages.

BLS publishes the national estimates each May as ``national_M<year>_dl.xlsx`` (inside
``oesm<yy>nat.zip``, https://www.bls.gov/oes/tables.htm): one row per SOC code and
aggregation level, employment, and hourly/annual wage percentiles. The files vary by year:
the group column is ``OCC_GROUP`` (to 2018) or ``O_GROUP``; headers are upper- or
lower-case; some years add area and industry columns. Cells hold special marks: ``*`` (wage
not available), ``**`` (employment not available), ``#`` (wage at or above the top code,
e.g. $239,200 a year in 2023). We keep numbers as floats, ``#`` as NaN with the field
listed in ``top_coded``. US government work: public domain.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...provenance import Source, table_from_rows
from .files import clean_cell, read_sheet_rows

__all__ = ["load_oews_national", "WAGE_COLUMNS", "soc6", "BLS_OEWS_URL"]

BLS_OEWS_URL = "https://www.bls.gov/oes/tables.htm"

_FIELDS = {  # OEWS header (lower case) → our column
    "occ_code": "soc_code", "occ_title": "occupation", "o_group": "group",
    "occ_group": "group", "tot_emp": "employment",
    "h_mean": "hourly_mean", "a_mean": "annual_mean",
    "h_pct10": "hourly_p10", "h_pct25": "hourly_p25", "h_median": "hourly_median",
    "h_pct75": "hourly_p75", "h_pct90": "hourly_p90",
    "a_pct10": "annual_p10", "a_pct25": "annual_p25", "a_median": "annual_median",
    "a_pct75": "annual_p75", "a_pct90": "annual_p90",
    "annual": "annual_only", "hourly": "hourly_only",
}
_NUMERIC = [c for c in dict.fromkeys(_FIELDS.values())
            if c.startswith(("hourly_", "annual_")) and not c.endswith("_only")] + ["employment"]
WAGE_COLUMNS = ["soc_code", "occupation", "group", "employment",
                "annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90",
                "annual_mean", "hourly_p10", "hourly_median", "hourly_p90", "hourly_mean",
                "top_coded", "top_code_annual", "top_code_hourly", "annual_only",
                "hourly_only", "survey"]

_SOC6 = re.compile(r"^\d{2}-\d{4}$")
_TOP_CODE = re.compile(r"#\s*=.*?\$\s*([\d.,]+)\s*per hour.*?\$\s*([\d,]+)\s*per year", re.I | re.S)
_SURVEY_YEAR = re.compile(r"M(\d{4})", re.I)


def soc6(code: str | None) -> str | None:
    """The 6-digit SOC code of an O*NET-SOC code (``15-1252.01`` → ``15-1252``)."""
    if not code:
        return None
    code = str(code).strip()
    return code[:7] if re.match(r"^\d{2}-\d{4}", code) else None


def _number(value: Any) -> tuple[float | None, bool]:
    """(number or None, top_coded?) for one OEWS cell."""
    value = clean_cell(value)
    if value is None:
        return None, False
    if isinstance(value, (int, float)):
        return float(value), False
    text = str(value).replace(",", "").replace("$", "").strip()
    if text == "#":
        return None, True
    try:
        return float(text), False
    except ValueError:
        return None, False  # '*', '**', '~' and other marks: not available


def _top_codes(path: Path) -> tuple[float | None, float | None]:
    """The top-code thresholds stated in the workbook's notes sheet, if it has one."""
    try:
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - notes are optional; the data sheet was readable
        return None, None
    try:
        for ws in book.worksheets[1:]:
            text = " ".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c)
            m = _TOP_CODE.search(text)
            if m:
                return (float(m.group(2).replace(",", "")),
                        float(m.group(1).replace(",", "")))
    finally:
        book.close()
    return None, None


def load_oews_national(path: str | Path, *, survey: str | None = None,
                       source: Source | None = None):
    """Read a BLS OEWS national table (``national_M2023_dl.xlsx`` and other years).

    Returns one row per SOC code (6-digit, e.g. ``15-1252``) and group level (``total``,
    ``major``, ``minor``, ``broad``, ``detailed``) with employment and wages in dollars;
    ``survey`` defaults to "May <year>" taken from the file name.
    """
    path = Path(path)
    if not path.is_file():
        raise ParseError(f"no such BLS OEWS file: {path}", path=str(path),
                         suggestion=f"download the national table from {BLS_OEWS_URL}")
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ParseError(f"{path.name}: BLS OEWS tables are read from the .xlsx download",
                         path=str(path), suggestion=f"use the .xlsx from {BLS_OEWS_URL}")
    rows = read_sheet_rows(path)
    header = None
    for raw in rows:  # some years put a title row or two above the header
        keys = [str(c or "").strip().lower() for c in raw]
        if "occ_code" in keys:
            header = keys
            break
    if header is None:
        raise ParseError(f"{path.name} has no OCC_CODE column: not a BLS OEWS table",
                         path=str(path), suggestion=f"use the national table from {BLS_OEWS_URL}")
    pos = {_FIELDS[h]: i for i, h in enumerate(header) if h in _FIELDS}
    filters = {h: i for i, h in enumerate(header) if h in ("naics", "i_group", "area_type")}
    if survey is None:
        m = _SURVEY_YEAR.search(path.stem)
        survey = f"May {m.group(1)}" if m else None
    top_annual, top_hourly = _top_codes(path)
    src = source or Source.for_file(path, section=f"BLS OEWS national estimates {survey or ''}"
                                    .strip())
    out = []
    for raw in rows:
        def cell(name):
            i = pos.get(name)
            return raw[i] if i is not None and i < len(raw) else None

        if not _cross_industry_national(raw, filters):
            continue
        code = clean_cell(cell("soc_code"))
        if not isinstance(code, str) or not _SOC6.match(code):
            continue
        rec: dict[str, Any] = {"soc_code": code, "occupation": clean_cell(cell("occupation")),
                               "group": clean_cell(cell("group")), "survey": survey,
                               "top_code_annual": top_annual, "top_code_hourly": top_hourly,
                               "source": src}
        capped = []
        for col in _NUMERIC:
            rec[col], is_top = _number(cell(col))
            if is_top:
                capped.append(col)
        rec["top_coded"] = ";".join(capped) or None
        rec["annual_only"] = str(clean_cell(cell("annual_only")) or "").upper() == "TRUE"
        rec["hourly_only"] = str(clean_cell(cell("hourly_only")) or "").upper() == "TRUE"
        out.append(rec)
    if not out:
        raise ParseError(f"{path.name} has an OCC_CODE column but no occupation rows",
                         path=str(path))
    return table_from_rows(out, WAGE_COLUMNS)


def _cross_industry_national(raw: tuple, filters: dict[str, int]) -> bool:
    """Keep national, all-industry rows in files that also carry industry breakdowns."""
    def value(name):
        i = filters.get(name)
        return str(raw[i]).strip().lower() if i is not None and i < len(raw) and raw[i] else None

    naics, group = value("naics"), value("i_group")
    if naics is not None and naics not in ("000000", "0"):
        return False
    if group is not None and group != "cross-industry":
        return False
    area_type = value("area_type")
    return area_type in (None, "1")
