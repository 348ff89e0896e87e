"""Ticker or company name → CIK, from SEC's ``company_tickers.json``.

Order of evidence: a CIK given as a number; an exact ticker ("brk.b" and "BRK-B" alike);
an exact company name once legal suffixes are ignored ("apple" = "Apple Inc."); then a
fuzzy match that must be close, clearly ahead of the next company, and open with the same
word (:func:`~research_kit.lexicon.company_names.may_be_registrant`: "Nintendo" is not
"NI HOLDINGS", "Sears" is not "SEA LTD"). Anything else
raises :class:`~research_kit.errors.CompanyNotFoundError` listing the closest candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...errors import CompanyNotFoundError, ParseError
from ...gateway.client import Gateway
from ...lexicon.company_names import may_be_registrant, registrant_key
from .client import cik10, fetch_company_tickers

__all__ = ["CompanyId", "resolve_company", "cik_of", "company_index", "normalize_company_name"]

_FUZZY_ACCEPT = 85.0
_FUZZY_MARGIN = 8.0


@dataclass(frozen=True)
class CompanyId:
    """A resolved company: SEC CIK, its main ticker (if listed) and SEC's name for it."""

    cik: int
    ticker: str | None
    name: str

    @property
    def cik10(self) -> str:
        return f"{self.cik:010d}"


def normalize_company_name(name: str) -> str:
    """"The Home Depot, Inc." → "home depot"; "AMAZON COM INC" → "amazon com" (the key SEC
    registrant names are matched by: lexicon/company_names.py)."""
    return registrant_key(name)


def _normalize_ticker(ticker: str) -> str:
    return ticker.strip().upper().replace(".", "-").replace("/", "-")


@dataclass(frozen=True)
class _Index:
    rows: tuple[tuple[int, str, str], ...]        # (cik, ticker, title) in SEC's order
    by_ticker: dict[str, int]
    by_name: dict[str, tuple[int, ...]]
    names: tuple[str, ...]                        # normalized names, one per CIK
    name_ciks: tuple[int, ...]

    def first_row(self, cik: int) -> tuple[int, str, str] | None:
        return next((row for row in self.rows if row[0] == cik), None)


def _build_index(data: dict) -> _Index:
    rows = []
    for entry in data.values():
        try:
            rows.append((int(entry["cik_str"]), str(entry["ticker"]), str(entry["title"])))
        except (KeyError, TypeError, ValueError):
            continue
    if not rows:
        raise ParseError("company_tickers.json holds no companies",
                         suggestion="SEC may have sent an error page; try again later")
    by_ticker: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    first_name: dict[int, str] = {}
    for cik, ticker, title in rows:
        by_ticker.setdefault(_normalize_ticker(ticker), cik)
        key = normalize_company_name(title)
        if cik not in by_name.setdefault(key, []):
            by_name[key].append(cik)
        first_name.setdefault(cik, key)
    return _Index(tuple(rows), by_ticker, {k: tuple(v) for k, v in by_name.items()},
                  tuple(first_name.values()), tuple(first_name.keys()))


@lru_cache(maxsize=4)
def _index_for(content: bytes) -> _Index:
    import json

    try:
        data = json.loads(content)
    except ValueError:
        raise ParseError("company_tickers.json is not JSON",
                         suggestion="SEC may have sent an error page; try again later") from None
    if not isinstance(data, dict):
        raise ParseError("company_tickers.json is not the expected JSON object")
    return _build_index(data)


def company_index(*, gateway: Gateway | None = None) -> _Index:
    """The parsed ticker table (parsed once per distinct download)."""
    return _index_for(fetch_company_tickers(gateway=gateway).content)


def _company(index: _Index, cik: int) -> CompanyId:
    row = index.first_row(cik)
    return CompanyId(cik=cik, ticker=row[1] if row else None, name=row[2] if row else "")


def resolve_company(query: str | int, *, gateway: Gateway | None = None) -> CompanyId:
    """Resolve a ticker ("NVDA"), a company name ("Nvidia") or a CIK (1045810) to a CompanyId."""
    if isinstance(query, CompanyId):
        return query
    text = str(query).strip()
    if not text:
        raise CompanyNotFoundError("no company given", suggestion="give a ticker or a name")
    if isinstance(query, int) or re.fullmatch(r"(?:CIK)?\d{1,10}", text, re.I):
        cik = int(cik10(text))
        index = company_index(gateway=gateway)
        return _company(index, cik)
    index = company_index(gateway=gateway)
    ticker_cik = index.by_ticker.get(_normalize_ticker(text))
    if ticker_cik is not None:
        return _company(index, ticker_cik)
    key = normalize_company_name(text)
    exact = index.by_name.get(key, ())
    if len(exact) == 1:
        return _company(index, exact[0])
    candidates = _fuzzy(index, key)
    if len(exact) > 1:
        raise CompanyNotFoundError(
            f"{text!r} matches several companies", query=text,
            candidates=[_label(index, c) for c in exact])
    if candidates:
        (best_cik, best), *rest = candidates
        runner_up = rest[0][1] if rest else 0.0
        if (best >= _FUZZY_ACCEPT and best - runner_up >= _FUZZY_MARGIN
                and may_be_registrant(text, _company(index, best_cik).name)):
            return _company(index, best_cik)
    if candidates:
        raise CompanyNotFoundError(
            f"{text!r} does not identify one company in SEC's ticker list", query=text,
            candidates=[_label(index, c) for c, _ in candidates[:5]])
    raise CompanyNotFoundError(
        f"no company with ticker or name {text!r} in SEC's ticker list", query=text,
        suggestion="check the spelling, or use the CIK from EDGAR; private and foreign "
                   "companies are not in SEC's list")


def cik_of(query_or_cik, *, gateway: Gateway | None = None) -> int:
    """The CIK of a CompanyId, a CIK (number or "CIK…" string) — no request — or else of a
    ticker or name (resolved through the ticker list)."""
    if isinstance(query_or_cik, CompanyId):
        return query_or_cik.cik
    if isinstance(query_or_cik, int) or re.fullmatch(r"\s*(?:CIK)?\d{1,10}\s*",
                                                     str(query_or_cik), re.I):
        return int(cik10(str(query_or_cik).strip()))
    return resolve_company(query_or_cik, gateway=gateway).cik


def _fuzzy(index: _Index, key: str) -> list[tuple[int, float]]:
    if not key:
        return []
    from rapidfuzz import fuzz, process

    found = process.extract(key, index.names, scorer=fuzz.WRatio, limit=8, score_cutoff=60)
    seen: dict[int, float] = {}
    for _, score, position in found:
        cik = index.name_ciks[position]
        seen[cik] = max(seen.get(cik, 0.0), float(score))
    return sorted(seen.items(), key=lambda kv: -kv[1])


def _label(index: _Index, cik: int) -> str:
    company = _company(index, cik)
    ticker = f"{company.ticker}, " if company.ticker else ""
    return f"{company.name} ({ticker}CIK {cik})"
