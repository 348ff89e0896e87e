"""The latest 10-K of a company, fetched through its submissions index and split into Items."""

from __future__ import annotations

from ...errors import NotCachedError, NotFoundError
from ...gateway.client import Gateway, Response
from ...provenance import Source
from .client import fetch_filing_document
from .sections import AnnualReport, split_10k
from .submissions import filings_table, load_submissions, recent_filings

__all__ = ["latest_10k", "latest_annual_report", "ANNUAL_FORMS_TO_FETCH"]

# amendments (10-K/A) often hold only Part III: the original report is what a reader wants
ANNUAL_FORMS_TO_FETCH = ("10-K", "10-K405", "10-KT")
_OFFLINE_FALLBACK = 5  # older 10-Ks tried when the newest is not cached


def latest_10k(query_or_cik, *, gateway: Gateway | None = None) -> AnnualReport:
    """Fetch the most recent 10-K (ticker, name or CIK) and split it into Items."""
    data, source = load_submissions(query_or_cik, gateway=gateway)
    company = str(data.get("name") or "")
    filings = [f for f in recent_filings(data, source, forms=ANNUAL_FORMS_TO_FETCH)
               if f["url"] and f["primary_document"]]
    if not filings and (data.get("filings") or {}).get("files"):
        table = filings_table(query_or_cik, forms=ANNUAL_FORMS_TO_FETCH, gateway=gateway)
        filings = [r for r in table.to_dict("records") if r["url"] and r["primary_document"]]
    if not filings:
        raise NotFoundError(f"{company or query_or_cik} has filed no 10-K with SEC",
                            suggestion="foreign companies file 20-F or 40-F; for others use an "
                                       "annual report PDF (research_kit.sources.annual_reports.pdf)")
    filing, response = _first_cached(filings, gateway)
    label = f"{company} {filing['form']} filed {filing['filed']}"
    document_source = Source(url=filing["url"], retrieved_at=response.source.retrieved_at,
                             from_cache=response.source.from_cache, title=label)
    report = split_10k(response.content, source=document_source)
    if filing is not filings[0]:
        report.warnings.append(
            f"the latest 10-K (filed {filings[0]['filed']}) is not in the cache (offline); "
            f"this is the one filed {filing['filed']}")
    if report.cik is None:
        report.cik = filing["cik"]
    if not report.company:
        report.company = company
    return report


def _first_cached(filings: list[dict], gateway: Gateway | None) -> tuple[dict, Response]:
    """The newest filing whose document can be had. Online that is the newest one; offline
    (a workshop, a replayed pack) an older 10-K in the cache beats no 10-K at all."""
    first_error: NotCachedError | None = None
    for filing in filings[:_OFFLINE_FALLBACK]:
        try:
            return filing, fetch_filing_document(filing["url"], gateway=gateway)
        except NotCachedError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise first_error


latest_annual_report = latest_10k  # the name the peers code uses
