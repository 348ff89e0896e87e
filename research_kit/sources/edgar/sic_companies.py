"""Companies EDGAR files under one SIC code, from its company browse (Atom output).

``https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&SIC=3674&type=10-K&owner=include
&count=100&start=0&output=atom`` lists, a hundred per page in name order, the registrants with
that Standard Industrial Classification code that have a 10-K on file. Each ``<entry>`` holds
the company's CIK (a ``<cik>`` element, and ``CIK=`` in its links) and its name. Large codes
(7372 prepackaged software, 6770 blank checks) run to thousands of filers, so reading stops
after ``max_pages`` and the table says it was capped; ranking by size happens elsewhere
(XBRL frames), over whatever was read.

Kept apart from ``sources/edgar`` so that it can land independently; it uses the same
gateway (SEC User-Agent, ≤ 10 requests/s, cache) and, when the EDGAR layer is present, its
endpoint mapping (so tests can point SEC at a loopback mirror).
"""

from __future__ import annotations

import html
import re

from ...errors import ParseError
from ...provenance import Source, table_from_rows

__all__ = ["companies_by_sic", "parse_company_list", "browse_url", "SIC_COMPANY_COLUMNS"]

SIC_COMPANY_COLUMNS = ["cik", "name", "state", "sic"]
PAGE_SIZE = 100
BROWSE = "https://www.sec.gov/cgi-bin/browse-edgar"

_ENTRY = re.compile(r"<entry\b.*?</entry>", re.S | re.I)
_CIK_TAG = re.compile(r"<cik>\s*(\d{1,10})\s*</cik>", re.I)
_CIK_LINK = re.compile(r"CIK=0*(\d{1,10})", re.I)
_NAME_TAGS = ("conformed-name", "name", "title")
_STATE = re.compile(r"<state(?:-location)?>\s*([A-Z0-9]{2})\s*</state(?:-location)?>", re.I)
_NAME_SUFFIX = re.compile(r"\s*\((?:CIK\s*)?#?\d{6,10}\)\s*$", re.I)


def _to_sec_url(url: str) -> str:
    try:
        from .client import to_sec_url
    except ImportError:  # the EDGAR layer is optional here
        return url
    return to_sec_url(url)


def browse_url(sic: str | int, start: int = 0) -> str:
    code = re.sub(r"\D", "", str(sic)).zfill(4)
    return (f"{BROWSE}?action=getcompany&SIC={code}&type=10-K&dateb=&owner=include"
            f"&count={PAGE_SIZE}&start={start}&output=atom")


def _tag_text(entry: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", entry, re.S | re.I)
    if not m:
        return None
    text = re.sub(r"<!\[CDATA\[(.*?)\]\]>", r"\1", m.group(1), flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\s+", " ", text).strip() or None


def parse_company_list(content: bytes | str, *, sic: str | None = None,
                       source: Source | None = None) -> list[dict]:
    """Rows (cik, name, state, sic, source) from one browse-edgar Atom page."""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else content
    if "<feed" not in text[:2000].lower() and "<entry" not in text.lower():
        raise ParseError("EDGAR's company browse did not return an Atom company list",
                         suggestion="EDGAR may be busy; try again later")
    rows = []
    for entry in _ENTRY.findall(text):
        m = _CIK_TAG.search(entry) or _CIK_LINK.search(entry)
        if not m:
            continue
        name = next((n for n in (_tag_text(entry, t) for t in _NAME_TAGS) if n), None)
        if name:
            name = _NAME_SUFFIX.sub("", name)
        state = _STATE.search(entry)
        rows.append({"cik": m.group(1).zfill(10), "name": name,
                     "state": state.group(1).upper() if state else None, "sic": sic,
                     "source": source})
    return rows


def companies_by_sic(sic: str | int, *, max_pages: int = 5, gateway=None):
    """Registrants with a 10-K under ``sic`` (at most ``max_pages`` × 100), in EDGAR's order.

    ``table.attrs["capped"]`` is True when more pages were left unread.
    """
    if gateway is None:
        from ...gateway.client import get_gateway

        gateway = get_gateway()
    code = re.sub(r"\D", "", str(sic)).zfill(4)
    rows: list[dict] = []
    seen: set[str] = set()
    capped = False
    for page in range(max_pages):
        response = gateway.get(_to_sec_url(browse_url(code, page * PAGE_SIZE)))
        src = response.source.at(f"EDGAR companies with SIC {code}")
        found = parse_company_list(response.content, sic=code, source=src)
        for row in found:
            if row["cik"] not in seen:
                seen.add(row["cik"])
                rows.append(row)
        if len(found) < PAGE_SIZE:
            break
    else:
        capped = True
    table = table_from_rows(rows, SIC_COMPANY_COLUMNS)
    table.attrs["capped"] = capped
    return table
