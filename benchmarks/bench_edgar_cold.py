"""EDGAR cold run for one company over loopback, at SEC's real rate limit: requests, time.

    python benchmarks/bench_edgar_cold.py

The company section of a notebook (ticker → profile, annual financials, latest 10-K split
with competitors, risk headings and overview, five press releases) is run twice against a
loopback server that serves SEC files at their real paths:

1. cold — an empty cache, the gateway limited to 10 requests/s (SEC's fair-access limit)
   for the loopback host, exactly as it limits every sec.gov host;
2. warm — the same calls again: everything from the cache, no request.

Two companies: the fictional demo company (its whole footprint exists: tickers,
submissions, company facts, 10-K, two 8-Ks with EX-99.1) and Apple with real file sizes
(the 730 KB ticker list, 160 KB submissions, 3.7 MB company facts and the 1.5 MB FY2024
10-K, served at the path of the latest 10-K its submissions list; Apple's 8-K index pages
are not in the fixtures, so those requests answer 404 and are counted).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
FIXTURES = PROJECT.parent / "shared" / "fixtures" / "edgar"


def apple_files() -> dict[str, Path]:
    submissions = FIXTURES / "submissions" / "CIK0000320193.json"
    recent = json.loads(submissions.read_text())["filings"]["recent"]
    index = recent["form"].index("10-K")
    folder = recent["accessionNumber"][index].replace("-", "")
    return {
        "/www.sec.gov/files/company_tickers.json": FIXTURES / "company_tickers.json",
        "/data.sec.gov/submissions/CIK0000320193.json": submissions,
        "/data.sec.gov/api/xbrl/companyfacts/CIK0000320193.json":
            FIXTURES / "companyfacts" / "CIK0000320193.json",
        f"/www.sec.gov/Archives/edgar/data/320193/{folder}/{recent['primaryDocument'][index]}":
            FIXTURES / "10k" / "aapl-2024.htm",
    }


def company_section(ticker: str, gateway) -> dict:
    from research_kit.sources import edgar

    company = edgar.resolve_company(ticker, gateway=gateway)
    edgar.company_profile(company, gateway=gateway).to_panel()
    fin = edgar.annual_financials(company, gateway=gateway)
    edgar.financial_ratios(fin)
    report = edgar.latest_10k(company, gateway=gateway)
    competitors = edgar.competitors_from_10k(report)
    edgar.risk_factor_headings(report)
    edgar.business_overview(report)
    press = edgar.press_releases(company, limit=5, gateway=gateway)
    return {"financial rows": len(fin), "items": len(report.items),
            "competitors": len(competitors), "press releases": len(press)}


def run(name: str, ticker: str, files: dict[str, Path]) -> None:
    from edgar_support import serve_sec
    from pytest_httpserver import HTTPServer

    from research_kit.gateway.client import Gateway
    from research_kit.settings import load_settings

    server = HTTPServer()
    server.no_handler_status_code = 404
    server.start()
    try:
        with tempfile.TemporaryDirectory() as cache, serve_sec(server, files):
            gateway = Gateway(load_settings(cache_dir=Path(cache), contact="Bench bench@example.com",
                                            default_requests_per_second=10.0))
            start = time.perf_counter()
            found = company_section(ticker, gateway)
            cold = time.perf_counter() - start
            cold_requests = gateway.network_requests
            start = time.perf_counter()
            company_section(ticker, gateway)
            warm = time.perf_counter() - start
            warm_requests = gateway.network_requests - cold_requests
            gateway.close()
    finally:
        server.stop()
    floor = (cold_requests - 1) / 10.0
    print(f"{name}: cold {cold:.2f} s for {cold_requests} requests (10 req/s floor "
          f"{floor:.1f} s); warm {warm:.2f} s, {warm_requests} requests; {found}")


def main() -> None:
    from edgar_support import demo_sec_files

    run("demo company BWTR", "BWTR", demo_sec_files())
    if FIXTURES.exists():
        run("Apple (real sizes)", "AAPL", apple_files())
    else:
        print(f"Apple run skipped: no fixtures under {FIXTURES}")


if __name__ == "__main__":
    main()
