"""The competitor set: who the target competes with, and where each name came from.

Three origins, merged into one table (one row per competitor):

* ``10-K`` — names in the Competition part of the target's latest annual report;
* ``same SIC`` — EDGAR registrants filing under the target's SIC code, ranked by size
  (latest annual revenue from the XBRL frames API) and capped, so that a code with
  thousands of filers gives its largest few;
* ``your list`` — names the user adds.

Names resolve to SEC registrants (CIK, ticker) where they are public. Duplicates merge:
the same CIK, or the same name once normalised ("Alphabet Inc." / "ALPHABET INC") and passed
through a small alias table of well-known brand → filer names ("Google" → Alphabet). A name
that resolves to nothing stays in the table, marked unresolved — private companies
(a GmbH, a start-up) are competitors too. A resolver's answer is taken only when it can be
the company asked for (:func:`~research_kit.lexicon.company_names.may_be_registrant`):
"Nintendo" is never NI Holdings, "Sun" never Sunoco (ticker SUN) — a foreign company with no
SEC filings stays unresolved rather than becoming a wrong one.

A 10-K may name products as the competition ("competitors' platforms, such as Android for
smartphones"); the lexicon's products table gives the company that makes each, which is the
competitor: one row "Alphabet (Android)", "Microsoft (Windows, Xbox)", keeping the 10-K's
quote and the section it sits in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...errors import CompanyNotFoundError, ResearchKitError
from ...lexicon.company_names import (
    company_key,
    may_be_registrant,
    product_maker,
    registrant_for,
    short_company,
)
from ...provenance import SOURCE_COLUMNS, Source, table_from_rows

__all__ = ["competitor_set", "sic_peers", "normalize_company_name", "COMPETITOR_COLUMNS",
           "SIC_PEER_COLUMNS", "REVENUE_CONCEPTS"]

COMPETITOR_COLUMNS = ["name", "origin", "resolved", "cik", "ticker", "sec_name", "size_rank",
                      "revenue", "revenue_period", "also_named", "note", "quote"]
SIC_PEER_COLUMNS = ["cik", "name", "sic", "size_rank", "revenue", "revenue_period",
                    "revenue_concept", "size_source"]
ORIGIN_ORDER = {"your list": 0, "10-K": 1, "same SIC": 2}
SOURCE_RANK = {"10-K": 0, "same SIC": 1, "your list": 2}  # whose source a merged row cites
REVENUE_CONCEPTS = ("RevenueFromContractWithCustomerExcludingAssessedTax", "Revenues",
                    "SalesRevenueNet")

def normalize_company_name(name: Any) -> str:
    """Comparable form of a company name, for merging names from several sources:
    "NVIDIA CORP /DE/" = "NVIDIA Corporation"; "Google" = "Alphabet Inc." (the lexicon's
    other names of one company)."""
    return company_key(name)


def _alias(name: str) -> str | None:
    """The SEC registrant a brand or other name files under ("YouTube" → "Alphabet Inc.")."""
    return registrant_for(name)


@dataclass
class _Candidate:
    name: str
    origin: str
    source: Source | dict | None = None
    cik: str | None = None
    sec_name: str | None = None
    size_rank: int | None = None
    revenue: float | None = None
    revenue_period: str | None = None
    quote: str | None = None
    product: str | None = None
    """The product the source named, when the candidate is its maker ("Android")."""


def _plausible(query: str, company) -> bool:
    """Does a resolver's answer plausibly name the company asked for?

    A fuzzy resolver may answer "Samsung" with an unrelated small filer, "Nintendo" with
    NI Holdings; a ticker lookup may answer "Sun" with Sunoco (SUN). Accept the ticker
    asked for only when the name was written as a ticker ("CLRA", "IBM") or names the
    registrant too ("Sony" → SONY GROUP CORP), else only a registrant whose name can be the
    one asked for (same first word, no added country).
    """
    text = query.strip()
    ticker = str(getattr(company, "ticker", "") or "")
    name = getattr(company, "name", "")
    if ticker and ticker.upper() == text.upper() and (text.isupper() or not name):
        return True
    return may_be_registrant(text, name)


def _resolve(name: str, resolver: Callable) -> tuple[str | None, str | None, str | None, str]:
    """(cik, ticker, sec_name, note) for a name; alias first, then the name itself."""
    rejected = None
    for query in dict.fromkeys(q for q in (_alias(name), name) if q):
        try:
            company = resolver(query)
        except CompanyNotFoundError:
            continue
        if not _plausible(query, company):
            rejected = getattr(company, "name", None)
            continue
        note = f"resolved via alias “{query}”" if query != name else ""
        return (str(company.cik).zfill(10), getattr(company, "ticker", None),
                getattr(company, "name", None), note)
    note = "unresolved: not an SEC filer (no SEC registrant by this name: private or foreign?)"
    if rejected:
        note += f"; the closest SEC name, “{rejected}”, is a different company"
    return None, None, None, note


def _default_resolver():
    from ...sources.edgar import resolve_company

    return resolve_company


def _source_columns(source) -> dict[str, Any]:
    if isinstance(source, Source):
        return source.columns()
    if isinstance(source, dict):
        return {c: source.get(c) for c in SOURCE_COLUMNS}
    return {}


def _name_rows(names, origin: str, default_source: Source | None) -> list[_Candidate]:
    """Names as a list of strings, or a DataFrame with a name column + source columns (and
    optionally the ``quote`` that names each)."""
    if names is None:
        return []
    if hasattr(names, "columns"):
        col = next((c for c in ("name", "competitor", "company") if c in names.columns), None)
        if col is None:
            return []
        return [_Candidate(str(row[col]), origin,
                           {c: row.get(c) for c in SOURCE_COLUMNS} if "source_url" in names
                           else default_source,
                           quote=row.get("quote") if isinstance(row.get("quote"), str) else None)
                for row in names.to_dict("records") if str(row[col] or "").strip()]
    return [_Candidate(str(n).strip(), origin, default_source) for n in names
            if str(n or "").strip()]


def _as_maker(cand: _Candidate) -> _Candidate:
    """A product the lexicon knows ("Xbox") stands for its maker (Microsoft)."""
    maker = product_maker(cand.name) if cand.cik is None else None
    if maker is not None:
        cand.product, cand.name = cand.name, short_company(maker)
    return cand


def _shown_name(row: dict[str, Any]) -> str:
    """"Microsoft (Windows, Xbox)": the maker, and the products the sources named."""
    products = row.pop("_products")
    return f"{row['name']} ({', '.join(products)})" if products else row["name"]


def competitor_set(target, *, tenk_names=None, user_names: Iterable[str] = (),
                   sic_peer_table=None, tenk_source: Source | None = None,
                   resolver: Callable | None = None):
    """The merged competitor table (see the module docstring), the target left out.

    ``target`` has ``cik``/``name`` (e.g. ``resolve_company(ticker)``'s CompanyId).
    ``tenk_names`` are the 10-K's competitor names (strings, or a table with ``name`` and
    source columns); ``sic_peer_table`` is :func:`sic_peers`' result; ``resolver`` maps a
    name to a CompanyId or raises CompanyNotFoundError (default: EDGAR's resolve_company).
    """
    resolver = resolver or _default_resolver()
    target_cik = str(getattr(target, "cik", "") or "").zfill(10)
    user_source = Source.for_text("your competitor list")
    candidates = (_name_rows(user_names, "your list", user_source)
                  + _name_rows(tenk_names, "10-K", tenk_source))
    if sic_peer_table is not None:
        for row in sic_peer_table.to_dict("records"):
            candidates.append(_Candidate(
                str(row.get("name") or row["cik"]), "same SIC",
                {c: row.get(c) for c in SOURCE_COLUMNS}, cik=str(row["cik"]).zfill(10),
                sec_name=row.get("name"), size_rank=row.get("size_rank"),
                revenue=row.get("revenue"), revenue_period=row.get("revenue_period")))
    merged: dict[str, dict[str, Any]] = {}
    for cand in map(_as_maker, candidates):
        ticker, note = None, ""
        if cand.cik is None:
            cand.cik, ticker, cand.sec_name, note = _resolve(cand.name, resolver)
            if cand.product:
                note = f"{cand.product} is a product of {cand.name}" + (
                    f"; {note}" if note.startswith("unresolved") else "")
        if cand.cik and cand.cik == target_cik:
            continue  # the target itself (a 10-K may name its own brands)
        key = (f"cik:{cand.cik}" if cand.cik
               else f"name:{normalize_company_name(_alias(cand.name) or cand.name)}")
        row = merged.get(key)
        if row is None:
            merged[key] = {"name": cand.name, "origin": cand.origin,
                           "resolved": bool(cand.cik), "cik": cand.cik, "ticker": ticker,
                           "sec_name": cand.sec_name, "size_rank": cand.size_rank,
                           "revenue": cand.revenue, "revenue_period": cand.revenue_period,
                           "also_named": [], "note": note, "quote": cand.quote,
                           **_source_columns(cand.source),
                           "_source_rank": SOURCE_RANK[cand.origin],
                           "_products": [cand.product] if cand.product else []}
            continue
        if cand.origin not in row["origin"].split("; "):
            row["origin"] += f"; {cand.origin}"
        if SOURCE_RANK[cand.origin] < row["_source_rank"] and _source_columns(cand.source):
            row.update(_source_columns(cand.source), _source_rank=SOURCE_RANK[cand.origin],
                       quote=cand.quote or row["quote"])
        if cand.product:
            if cand.product not in row["_products"]:
                row["_products"].append(cand.product)
        elif cand.name != row["name"] and cand.name not in row["also_named"] and not (
                row["_products"] and company_key(cand.name) == company_key(row["name"])):
            row["also_named"].append(cand.name)
        for field in ("size_rank", "revenue", "revenue_period", "ticker", "sec_name"):
            if row[field] is None and getattr(cand, field, None) is not None:
                row[field] = getattr(cand, field)
        if ticker and not row["ticker"]:
            row["ticker"] = ticker
    rows = list(merged.values())
    for row in rows:
        row["name"] = _shown_name(row)
        row["also_named"] = "; ".join(row["also_named"]) or None
        row["note"] = row["note"] or None
    rows.sort(key=lambda r: (min(ORIGIN_ORDER[o] for o in r["origin"].split("; ")),
                             r["size_rank"] if r["size_rank"] is not None else 10**6))
    table = table_from_rows(rows, COMPETITOR_COLUMNS)
    for col in ("cik", "ticker", "sec_name", "also_named", "note", "revenue_period", "quote"):
        # None, not NaN, where a competitor has no value: `if row["cik"]` must mean public
        table[col] = table[col].astype(object).where(table[col].notna(), None)
    return table


# -- SIC peers, ranked by size ---------------------------------------------------------------
def _frame_values(result) -> dict[str, dict[str, Any]]:
    """cik → {value, end, source_url} from fetch_frames' table (or the raw frames JSON)."""
    out: dict[str, dict[str, Any]] = {}
    if result is None:
        return out
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        records = result.to_dict("records")
    elif isinstance(result, dict):
        records = result.get("data") or []
    else:
        records = list(result)
    for rec in records:
        cik = rec.get("cik")
        value = rec.get("value", rec.get("val"))
        if cik is None or value is None:
            continue
        try:
            value = float(value)
        except (TypeError, ValueError):
            continue
        if value != value:
            continue
        key = str(int(float(cik))).zfill(10)
        out[key] = {"value": value, "end": rec.get("end") or rec.get("period_end"),
                    "source_url": rec.get("source_url")}
    return out


def _default_frames():
    from ...sources.edgar import fetch_frames

    return fetch_frames


def sic_peers(target_cik: str | int, sic: str | int, *, max_peers: int = 8,
              year: int | None = None, companies=None, frames: Callable | None = None,
              max_pages: int = 5, gateway=None):
    """Registrants filing under ``sic``, largest first by annual revenue, at most ``max_peers``.

    ``companies`` (default: :func:`~research_kit.sources.edgar.sic_companies.companies_by_sic`)
    lists the code's filers; ``frames(concept, unit, period)`` (default: EDGAR's
    fetch_frames) gives every filer's revenue for calendar year ``year`` (default: last
    year, then the year before if that frame is not out yet). Filers with no revenue in the
    frames rank after those with one. ``attrs``: ``capped``, ``filers``, ``ranked_by``.
    """
    if companies is None:
        from ...sources.edgar.sic_companies import companies_by_sic

        companies = companies_by_sic(sic, max_pages=max_pages, gateway=gateway)
    target = str(target_cik).zfill(10)
    pool = companies[companies["cik"].astype(str).str.zfill(10) != target]
    sizes: dict[str, dict[str, Any]] = {}
    ranked_by = None
    frames = frames or _default_frames()
    years = [year] if year else [date.today().year - 1, date.today().year - 2]
    for y in years:
        for concept in REVENUE_CONCEPTS:
            try:
                values = _frame_values(frames(concept, "USD", f"CY{y}"))
            except ResearchKitError:
                continue
            for cik, val in values.items():
                if cik not in sizes or val["value"] > sizes[cik]["value"]:
                    sizes[cik] = dict(val, concept=concept, period=f"CY{y}")
        if sizes:
            ranked_by = f"annual revenue, XBRL frames CY{y}"
            break
    rows = []
    for row in pool.to_dict("records"):
        cik = str(row["cik"]).zfill(10)
        size = sizes.get(cik, {})
        rows.append({"cik": cik, "name": row.get("name"), "sic": row.get("sic") or str(sic),
                     "revenue": size.get("value"), "revenue_period": size.get("period"),
                     "revenue_concept": size.get("concept"), "size_source": size.get("source_url"),
                     **{c: row.get(c) for c in SOURCE_COLUMNS}})
    rows.sort(key=lambda r: (r["revenue"] is None, -(r["revenue"] or 0), r["name"] or ""))
    for rank, row in enumerate(rows, 1):
        row["size_rank"] = rank
    table = table_from_rows(rows[:max_peers], SIC_PEER_COLUMNS)
    table.attrs.update(capped=bool(companies.attrs.get("capped")) or len(rows) > max_peers,
                       filers=len(rows), ranked_by=ranked_by)
    return table
