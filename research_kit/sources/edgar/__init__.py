"""SEC EDGAR: company identity, profile, financials, 10-K sections, competitors, press releases.

All SEC traffic goes through :mod:`.client` (and from there through the HTTP gateway).
Submodules are imported lazily so that ``import research_kit.sources.edgar`` stays cheap.
"""

from __future__ import annotations

from ..._lazy import lazy_exports

_EXPORTS = {
    "CompanyId": "identify", "resolve_company": "identify",
    "CompanyProfile": "submissions", "company_profile": "submissions",
    "filings_table": "submissions",
    "annual_financials": "financials", "financial_ratios": "financials",
    "financials_chart": "charts",
    "AnnualReport": "sections", "Item": "sections", "split_10k": "sections",
    "latest_10k": "latest", "latest_annual_report": "latest",
    "Passage": "competition", "competition_passage": "competition",
    "competitors_from_10k": "competitors", "competitor_mentions": "competitors",
    "risk_factor_headings": "competition",
    "risk_factor_table": "competition", "business_overview": "competition",
    "press_releases": "press", "press_release_from_document": "press",
    "sec_endpoints": "client", "fetch_frames": "client",
    "fetch_submissions": "client", "fetch_company_facts": "client",
    "fetch_company_tickers": "client", "fetch_filing_document": "client",
}

__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
