"""Company profile and filings index from ``data.sec.gov/submissions/CIK##########.json``.

The submissions JSON carries the company's SEC profile (name, former names, SIC code,
state of incorporation, fiscal year end, addresses, phone, tickers and exchanges) and its
filings as parallel arrays: the most recent ~1,000 under ``filings.recent``, older ones in
pages listed under ``filings.files`` (``CIK…-submissions-001.json`` …), which
:func:`filings_table` follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ...display import Panel
from ...errors import ParseError
from ...gateway.client import Gateway
from ...provenance import Source, table_from_rows
from .client import archives_url, fetch_submissions, fetch_submissions_page, json_or_error
from .identify import cik_of

__all__ = ["CompanyProfile", "company_profile", "filings_table", "FILINGS_COLUMNS",
           "load_submissions", "recent_filings"]

FILINGS_COLUMNS = ["cik", "form", "filed", "report_date", "accession", "primary_document",
                   "description", "items", "url"]
_FILING_FIELDS = ("accessionNumber", "filingDate", "reportDate", "form", "primaryDocument",
                  "primaryDocDescription", "items")


@dataclass
class CompanyProfile:
    """What SEC records about a company, with the submissions JSON as its source."""

    cik: int
    name: str
    tickers: list[str]
    exchanges: list[str]
    former_names: list[dict[str, str]]
    sic: str | None
    sic_description: str | None
    state_of_incorporation: str | None
    fiscal_year_end: str | None
    """"MM-DD" (SEC stores "1231")."""
    business_address: str | None
    mailing_address: str | None
    phone: str | None
    website: str | None
    entity_type: str | None
    filer_category: str | None
    source: Source | None = None
    extra: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ticker(self) -> str | None:
        return self.tickers[0] if self.tickers else None

    def to_panel(self) -> Panel:
        url = self.source.url if self.source else None
        former = [f"{f['name']} (until {f['to'][:10]})" if f.get("to") else f["name"]
                  for f in self.former_names]
        listing = [f"{t} ({e})" if e else t for t, e in
                   zip(self.tickers, self.exchanges + [""] * len(self.tickers))]
        pairs = [
            ("CIK", f"{self.cik:010d}"),
            ("Tickers", listing),
            ("SIC", f"{self.sic} — {self.sic_description}" if self.sic else None),
            ("State of incorporation", self.state_of_incorporation),
            ("Fiscal year end", self.fiscal_year_end),
            ("Business address", self.business_address),
            ("Mailing address", self.mailing_address
             if self.mailing_address != self.business_address else None),
            ("Phone", self.phone),
            ("Website", self.website),
            ("Filer category", self.filer_category),
            ("Former names", former),
        ]
        when = f", retrieved {self.source.retrieved_at}" if self.source else ""
        return Panel.from_pairs(self.name, pairs, source=url,
                                note=f"Source: SEC EDGAR submissions{when}")

    def _repr_html_(self) -> str:
        return self.to_panel()._repr_html_()

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k not in ("source", "extra")}
        data["source"] = self.source.to_dict() if self.source else None
        return data


def _address(block: dict | None) -> str | None:
    """"1 TESLA ROAD, AUSTIN, TX 78725" — as SEC records it."""
    if not isinstance(block, dict):
        return None
    street = ", ".join(str(block[k]).strip() for k in ("street1", "street2") if block.get(k))
    region = block.get("stateOrCountryDescription") or block.get("stateOrCountry") or ""
    place = " ".join(str(p).strip() for p in (region, block.get("zipCode")) if p)
    parts = [p for p in (street, str(block.get("city") or "").strip(), place) if p]
    return ", ".join(parts) or None


def _fiscal_year_end(value: str | None) -> str | None:
    if value and len(value) == 4 and value.isdigit():
        return f"{value[:2]}-{value[2:]}"
    return value or None


def load_submissions(query_or_cik, *, gateway: Gateway | None = None) -> tuple[dict, Source]:
    """The submissions JSON of a company and its source."""
    cik = cik_of(query_or_cik, gateway=gateway)
    response = fetch_submissions(cik, gateway=gateway)
    data = json_or_error(response, "submissions")
    if "filings" not in data or "name" not in data:
        raise ParseError(f"{response.url} is not an EDGAR submissions file",
                         suggestion="SEC may have changed the format or sent an error page")
    return data, response.source


def company_profile(query_or_cik, *, gateway: Gateway | None = None) -> CompanyProfile:
    """The SEC profile of a company (ticker, name or CIK)."""
    data, source = load_submissions(query_or_cik, gateway=gateway)
    tickers = [str(t) for t in data.get("tickers") or [] if t]
    exchanges = [str(e) if e else "" for e in data.get("exchanges") or []]
    former = [{"name": str(f.get("name", "")), "from": str(f.get("from") or "")[:10],
               "to": str(f.get("to") or "")[:10]}
              for f in data.get("formerNames") or [] if isinstance(f, dict) and f.get("name")]
    addresses = data.get("addresses") or {}
    website = data.get("website") or data.get("investorWebsite") or None
    return CompanyProfile(
        cik=int(str(data.get("cik", "0")).lstrip("0") or 0), name=str(data.get("name", "")),
        tickers=tickers, exchanges=exchanges, former_names=former,
        sic=str(data["sic"]) if data.get("sic") else None,
        sic_description=data.get("sicDescription") or None,
        state_of_incorporation=data.get("stateOfIncorporationDescription")
        or data.get("stateOfIncorporation") or None,
        fiscal_year_end=_fiscal_year_end(data.get("fiscalYearEnd")),
        business_address=_address(addresses.get("business")),
        mailing_address=_address(addresses.get("mailing")),
        phone=data.get("phone") or None, website=website,
        entity_type=data.get("entityType") or None,
        filer_category=data.get("category") or None, source=source,
        extra={k: data.get(k) for k in ("ein", "description", "flags", "ownerOrg")
               if data.get(k)})


def _rows(columns: dict, cik: int, source: Source,
          forms: set[str] | None) -> Iterable[dict[str, Any]]:
    arrays = {name: columns.get(name) or [] for name in _FILING_FIELDS}
    count = len(arrays["accessionNumber"])
    for i in range(count):
        def value(name: str) -> str:
            column = arrays[name]
            return str(column[i]) if i < len(column) and column[i] is not None else ""
        form = value("form")
        if forms is not None and form not in forms:
            continue
        accession = value("accessionNumber")
        document = value("primaryDocument")
        try:
            url = archives_url(cik, accession, document) if accession else None
        except Exception:  # a malformed accession in one row must not lose the others
            url = None
        yield {"cik": cik, "form": form, "filed": value("filingDate"),
               "report_date": value("reportDate") or None, "accession": accession,
               "primary_document": document or None,
               "description": value("primaryDocDescription") or None,
               "items": value("items") or None, "url": url, "source": source}


def recent_filings(data: dict, source: Source, *, forms: Iterable[str] | None = None):
    """Rows of ``filings.recent`` (no extra requests)."""
    cik = int(str(data.get("cik", "0")).lstrip("0") or 0)
    wanted = set(forms) if forms is not None else None
    recent = (data.get("filings") or {}).get("recent") or {}
    return list(_rows(recent, cik, source, wanted))


def filings_table(query_or_cik, *, forms: Iterable[str] | None = None,
                  all_pages: bool = True, gateway: Gateway | None = None):
    """Every filing of a company, newest first: form, filed, report date, accession, primary
    document and its URL (+ source columns). ``all_pages`` follows ``filings.files``."""
    data, source = load_submissions(query_or_cik, gateway=gateway)
    wanted = list(forms) if forms is not None else None
    rows = recent_filings(data, source, forms=wanted)
    if all_pages:
        cik = int(str(data.get("cik", "0")).lstrip("0") or 0)
        for page in (data.get("filings") or {}).get("files") or []:
            name = page.get("name") if isinstance(page, dict) else None
            if not name:
                continue
            response = fetch_submissions_page(name, gateway=gateway)
            columns = json_or_error(response, "submissions page")
            rows.extend(_rows(columns, cik, response.source,
                              set(wanted) if wanted is not None else None))
    table = table_from_rows(rows, FILINGS_COLUMNS)
    if len(table):
        table = table.sort_values("filed", ascending=False, kind="stable").reset_index(drop=True)
    return table
