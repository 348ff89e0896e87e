"""``research-kit company TICKER`` and the ``annual-report`` kind of ``research-kit parse``."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("company", help="SEC profile card and annual financials of a US "
                                       "public company")
    p.add_argument("company", help="ticker, company name or CIK")
    p.add_argument("--years", type=int, default=5, help="fiscal years to show (default 5)")
    p.set_defaults(handler=company_command)


def company_command(args) -> int:
    from ..sources.edgar.financials import annual_financials
    from ..sources.edgar.identify import resolve_company
    from ..sources.edgar.submissions import company_profile

    company = resolve_company(args.company)
    print(company_profile(company).to_panel())
    fin = annual_financials(company)
    print()
    print(financials_text(fin, years=max(1, args.years)))
    return 0


def financials_text(fin, years: int = 5) -> str:
    """The annual financials as a plain-text table: metrics down, fiscal years across."""
    if len(fin) == 0:
        return "Annual financials: none tagged in SEC's XBRL data."
    wide = fin.pivot_table(index="metric", columns="fiscal_year", values="value",
                           aggfunc="last")
    wide = wide[sorted(wide.columns)[-years:]]
    order = [m for m in ("revenue", "operating_income", "net_income", "rd_expense",
                         "total_assets", "cash", "shares_outstanding", "employees")
             if m in wide.index]
    lines = []
    header = f"{'USD millions':<20}" + "".join(f"{'FY' + str(int(y)):>12}" for y in wide.columns)
    lines.append(header)
    for metric in order:
        cells = []
        for year in wide.columns:
            value = wide.at[metric, year]
            if value != value:  # NaN
                cells.append(f"{'—':>12}")
            elif metric in ("shares_outstanding", "employees"):
                cells.append(f"{value / (1e6 if metric == 'shares_outstanding' else 1):>12,.1f}"
                             if metric == "shares_outstanding" else f"{value:>12,.0f}")
            else:
                cells.append(f"{value / 1e6:>12,.1f}")
        label = {"shares_outstanding": "shares (millions)", "employees": "employees"}.get(
            metric, metric.replace("_", " "))
        lines.append(f"{label:<20}" + "".join(cells))
    source = fin["source_url"].iloc[0] if "source_url" in fin.columns else ""
    lines.append(f"\nSource: SEC EDGAR XBRL company facts {source} (10-K values as filed)")
    return "\n".join(lines)


def _read_source(source: str):
    """Bytes and provenance of a path, an http(s) URL or '-' (stdin)."""
    from ..errors import InputError
    from ..provenance import Source

    if source == "-":
        return sys.stdin.buffer.read(), Source.for_text("stdin")
    if re.match(r"https?://", source, re.I):
        from ..gateway.client import get_gateway
        from ..sources.edgar.client import to_sec_url

        response = get_gateway().get(to_sec_url(source))
        return response.content, response.source
    path = Path(source)
    if not path.is_file():
        raise InputError(f"no such file: {source}",
                         suggestion="give a path to a saved 10-K (.htm/.txt), a URL, or '-'")
    return path.read_bytes(), Source.for_file(path)


# words every annual report uses (measured on the fixture reports: 7–17 of them each; on
# LinkedIn exports and résumés: 0–1)
_ANNUAL_REPORT_TERMS = ("annual report", "financial statements", "balance sheet",
                        "income statement", "cash flow", "auditor", "shareholders",
                        "stockholders", "fiscal year", "financial year", "revenue",
                        "net income", "board of directors", "dividend", "consolidated",
                        "operating income", "turnover", "profit")


def _check_annual_report(pdf, label: str) -> None:
    """A PDF that holds no 10-K and hardly any annual-report words is another kind of file."""
    from ..errors import WrongKindError

    text = " ".join(str(getattr(p, "text", p)) for p in pdf.pages).casefold()
    hits = [t for t in _ANNUAL_REPORT_TERMS if t in text]
    if len(hits) >= 3:
        return
    profile = sum(w in text for w in ("experience", "education", "skills", "linkedin")) >= 2
    raise WrongKindError(
        f"{label} does not look like an annual report ({len(pdf.pages)} page(s), no Form 10-K, "
        f"{len(hits)} of the usual annual-report terms)"
        + ("; it reads like a résumé or LinkedIn profile" if profile else ""),
        suggestion=("for a profile: research-kit parse profile " + label) if profile else
        "give the company's annual report (PDF) or 10-K (.htm/.txt)")


def parse_annual_report(source: str, args) -> dict:
    """``research-kit parse annual-report FILE_OR_URL``: the annual-report JSON of docs/cli.md.

    A 10-K (HTML or text) is split into Items. A PDF annual report gives its sections, and
    the Items of the Form 10-K inside it when it has one."""
    from ..errors import ParseError
    from ..sources.edgar.report_json import annual_report_json
    from ..sources.edgar.sections import split_10k

    data, provenance = _read_source(source)
    allow = getattr(args, "allow_form", ()) or ()
    label = source if not source.startswith("http") else provenance.url
    if data.lstrip()[:5].startswith(b"%PDF"):
        from ..sources.annual_reports.pdf import read_annual_report_pdf

        pdf = read_annual_report_pdf(data, source=provenance)
        _check_annual_report(pdf, label)
        try:
            result = annual_report_json(pdf.ten_k())
        except ParseError:
            result = {"form": None, "company": None, "fiscal_year": None, "items": [],
                      "competitors": []}
        figures = pdf.key_figures()
        keep = ["metric", "value", "unit", "value_as_printed", "currency", "scale", "period",
                "page", "quote", "prior_value_as_printed", "note"]
        result.update(source=label, title=pdf.title, pages=len(pdf.pages),
                      organisation=pdf.company, period=pdf.period.label,
                      sections=pdf.to_dict()["sections"], unreadable_pages=pdf.unreadable_pages,
                      warnings=pdf.warnings,
                      key_figures=json.loads(figures[keep].to_json(orient="records")))
        return result
    report = split_10k(data, source=provenance, allow_forms=allow)
    result = annual_report_json(report)
    result["source"] = label
    return result

