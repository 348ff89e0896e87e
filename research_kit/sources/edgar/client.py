"""The one place research-kit's EDGAR code asks SEC for anything.

Every SEC request goes through :func:`research_kit.gateway.client.get_gateway` (or the ``gateway=``
passed in), which sends the contact User-Agent, keeps all sec.gov hosts together under 10
requests/s, caches ``/Archives/`` forever and raises on SEC's rate-limit page. Each
function returns the gateway's :class:`~research_kit.gateway.client.Response`: ``.json()`` or
``.content`` plus ``.source`` for provenance.

The SEC base URLs can be redirected for a block of code with :func:`sec_endpoints` — tests
and benchmarks point them at a loopback server that serves files laid out like
``research_kit/app/demo/web/<host>/<path>``. Production code never needs it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ...errors import InputError, NotFoundError
from ...gateway.client import Gateway, Response, get_gateway

__all__ = ["SecEndpoints", "sec_endpoints", "current_endpoints", "cik10", "accession_folder",
           "archives_url", "fetch_company_tickers", "fetch_submissions",
           "fetch_submissions_page", "fetch_company_facts", "fetch_frames",
           "fetch_filing_document", "fetch_filing_index_page", "to_sec_url"]


@dataclass(frozen=True)
class SecEndpoints:
    """Base URLs of the two SEC hosts research-kit uses."""

    www: str = "https://www.sec.gov"
    data: str = "https://data.sec.gov"


_ENDPOINTS: ContextVar[SecEndpoints] = ContextVar("sec_endpoints", default=SecEndpoints())  # noqa: B039 - frozen


def current_endpoints() -> SecEndpoints:
    return _ENDPOINTS.get()


@contextmanager
def sec_endpoints(www: str | None = None, data: str | None = None) -> Iterator[SecEndpoints]:
    """Within the block, send SEC requests to other base URLs (a loopback mirror)."""
    base = _ENDPOINTS.get()
    chosen = SecEndpoints(www=(www or base.www).rstrip("/"), data=(data or base.data).rstrip("/"))
    token = _ENDPOINTS.set(chosen)
    try:
        yield chosen
    finally:
        _ENDPOINTS.reset(token)


def to_sec_url(url: str) -> str:
    """Map a real ``https://www.sec.gov/…`` URL onto the current endpoints (identity in
    production); URLs of other hosts pass through."""
    endpoints = _ENDPOINTS.get()
    for real, current in (("https://www.sec.gov", endpoints.www),
                          ("https://data.sec.gov", endpoints.data)):
        if url.startswith(real + "/") and current != real:
            return current + url[len(real):]
    return url


def cik10(cik: int | str) -> str:
    """CIK as SEC's 10-digit zero-padded string."""
    text = str(cik).strip().upper().removeprefix("CIK")
    if not text.isdigit() or not 0 < int(text) < 10**10:
        raise InputError(f"{cik!r} is not a CIK (SEC's numeric company id)",
                         suggestion="use a ticker, a company name, or the number from EDGAR")
    return f"{int(text):010d}"


def accession_folder(accession: str) -> str:
    """"0000320193-24-000123" → "000032019324000123" (the Archives folder name)."""
    digits = re.sub(r"\D", "", accession or "")
    if len(digits) != 18:
        raise InputError(f"{accession!r} is not an EDGAR accession number",
                         suggestion="accession numbers look like 0000320193-24-000123")
    return digits


def archives_url(cik: int | str, accession: str, document: str = "") -> str:
    """URL of a filing's folder or of one document in it (real SEC host)."""
    return (f"https://www.sec.gov/Archives/edgar/data/{int(cik10(cik))}/"
            f"{accession_folder(accession)}/{document}")


def _get(url: str, gateway: Gateway | None) -> Response:
    return (gateway or get_gateway()).get(to_sec_url(url))


def fetch_company_tickers(*, gateway: Gateway | None = None) -> Response:
    """``www.sec.gov/files/company_tickers.json``: every ticker with its CIK and name."""
    return _get("https://www.sec.gov/files/company_tickers.json", gateway)


def fetch_submissions(cik: int | str, *, gateway: Gateway | None = None) -> Response:
    """``data.sec.gov/submissions/CIK##########.json``: profile and recent filings."""
    return _get(f"https://data.sec.gov/submissions/CIK{cik10(cik)}.json", gateway)


def fetch_submissions_page(name: str, *, gateway: Gateway | None = None) -> Response:
    """One older-filings page named in ``filings.files`` (``CIK…-submissions-001.json``)."""
    if not re.fullmatch(r"CIK\d{10}-submissions-\d{3}\.json", name or ""):
        raise InputError(f"{name!r} is not a submissions page name")
    return _get(f"https://data.sec.gov/submissions/{name}", gateway)


def fetch_company_facts(cik: int | str, *, gateway: Gateway | None = None) -> Response:
    """``data.sec.gov/api/xbrl/companyfacts/CIK##########.json``: every XBRL fact filed."""
    return _get(f"https://data.sec.gov/api/xbrl/companyfacts/CIK{cik10(cik)}.json", gateway)


FRAME_COLUMNS = ["cik", "entity_name", "value", "unit", "start", "end", "accession",
                 "location", "frame", "concept"]


def fetch_frames(concept: str, unit: str, period: str, *, taxonomy: str = "us-gaap",
                 gateway: Gateway | None = None):
    """XBRL frames — one concept for every filer in one period — as a table:
    ``fetch_frames("Revenues", "USD", "CY2024")`` (instant periods end in ``I``).

    Columns: cik, entity_name, value, unit, start, end, accession, location, frame, concept
    + source columns. (A table rather than a Response: its users rank filers by value.)
    """
    from ...provenance import table_from_rows

    if "/" in concept:
        taxonomy, concept = concept.split("/", 1)
    for part, label in ((taxonomy, "taxonomy"), (concept, "concept"), (unit, "unit")):
        if not re.fullmatch(r"[A-Za-z0-9_\-]+", part or ""):
            raise InputError(f"{part!r} is not a valid XBRL {label}")
    if not re.fullmatch(r"CY\d{4}(?:Q[1-4])?I?", period or ""):
        raise InputError(f"{period!r} is not a frames period",
                         suggestion="use CY2024 (a year), CY2024Q1 (a quarter) or CY2024Q4I "
                                    "(an instant)")
    response = _get(f"https://data.sec.gov/api/xbrl/frames/{taxonomy}/{concept}/{unit}/"
                    f"{period}.json", gateway)
    data = json_or_error(response, "XBRL frame")
    source = response.source.at(f"{taxonomy}:{concept} {unit} {period}")
    rows = [{"cik": int(entry["cik"]), "entity_name": entry.get("entityName"),
             "value": entry.get("val"), "unit": unit, "start": entry.get("start"),
             "end": entry.get("end"), "accession": entry.get("accn"),
             "location": entry.get("loc"), "frame": data.get("ccp", period),
             "concept": f"{taxonomy}:{concept}", "source": source}
            for entry in data.get("data") or []
            if isinstance(entry, dict) and str(entry.get("cik", "")).isdigit()]
    return table_from_rows(rows, FRAME_COLUMNS)


def fetch_filing_document(url: str, *, gateway: Gateway | None = None) -> Response:
    """One document of a filing under ``www.sec.gov/Archives/`` (cached forever)."""
    if not re.match(r"https://www\.sec\.gov/Archives/edgar/", url or ""):
        raise InputError(f"{url!r} is not an EDGAR Archives URL",
                         suggestion="filing documents live under https://www.sec.gov/Archives/edgar/")
    return _get(url, gateway)


def fetch_filing_index_page(cik: int | str, accession: str, *,
                            gateway: Gateway | None = None) -> Response:
    """The filing's ``…-index.htm`` page, which lists each document with its type."""
    dashed = accession if re.fullmatch(r"\d{10}-\d{2}-\d{6}", accession or "") else None
    if dashed is None:
        digits = accession_folder(accession)
        dashed = f"{digits[:10]}-{digits[10:12]}-{digits[12:]}"
    return fetch_filing_document(archives_url(cik, dashed, f"{dashed}-index.htm"),
                                 gateway=gateway)


def json_or_error(response: Response, what: str) -> dict:
    """``response.json()`` that must be an object; SEC's 404 JSON bodies become NotFoundError."""
    data = response.json()
    if not isinstance(data, dict):
        raise NotFoundError(f"{what} at {response.url} is not a JSON object")
    return data
