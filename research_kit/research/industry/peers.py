"""Peer comparison: the target against its competitors, latest fiscal year each.

Metrics (one row per company × metric, each with the filing it comes from):

=================  ===================================================  ======
metric             definition                                           unit
=================  ===================================================  ======
revenue            revenue of the latest fiscal year with revenue       USD
revenue_growth     revenue FY / revenue FY−1 − 1                        ratio
operating_margin   operating income / revenue, same fiscal year         ratio
net_margin         net income / revenue, same fiscal year               ratio
rd_intensity       R&D expense / revenue, same fiscal year              ratio
employees          employees reported for that fiscal year              people
=================  ===================================================  ======

Companies keep their own fiscal calendars (Apple's year ends in September, NVIDIA's in
January), so each row shows its fiscal year and the date it ended. The input is EDGAR's
tidy annual financials (``sources.edgar.annual_financials``: cik, company, fiscal_year,
period_end, metric, value, unit, concept, form, filed, accession + source columns).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ...errors import NotCachedError, ResearchKitError
from ...provenance import SOURCE_COLUMNS, table_from_rows
from .metrics import METRICS

__all__ = ["peer_facts", "peer_table", "PEER_FACT_COLUMNS", "PEER_TABLE_COLUMNS",
           "METRICS", "PeerComparison", "compare_peers", "build_peer_comparison",
           "peers_for_ticker", "format_peer_table"]

PEER_FACT_COLUMNS = ["cik", "company", "role", "fiscal_year", "period_end", "metric",
                       "value", "unit", "definition", "form", "filed", "accession", "concept"]
PEER_TABLE_COLUMNS = ["company", "role", "is_target", "ticker", "cik", "fiscal_year",
                      "fiscal_year_end", *METRICS, "sources"]


def _latest_rows(fin) -> dict[tuple[int, str], dict[str, Any]]:
    """(fiscal_year, metric) → the row to use: the latest filed if a year was restated."""
    frame = fin.sort_values(["filed"], kind="stable", na_position="first")
    out: dict[tuple[int, str], dict[str, Any]] = {}
    for row in frame.to_dict("records"):
        try:
            year = int(row["fiscal_year"])
            value = float(row["value"])
        except (TypeError, ValueError):
            continue
        if value != value:
            continue
        out[(year, row["metric"])] = dict(row, value=value)
    return out


def _metric_row(base: dict[str, Any], metric: str, value: float, definition: str,
                unit: str, role: str) -> dict[str, Any]:
    row = {c: base.get(c) for c in PEER_FACT_COLUMNS + SOURCE_COLUMNS}
    row.update(metric=metric, value=value, definition=definition, unit=unit, role=role)
    return row


def _company_metrics(fin, cik: str, role: str, name: str | None = None) -> list[dict[str, Any]]:
    rows_by = _latest_rows(fin)
    years = sorted({y for (y, m) in rows_by if m == "revenue"})
    if not years:
        return []
    fy = years[-1]
    revenue = rows_by[(fy, "revenue")]
    if name:
        revenue = dict(revenue, company=revenue.get("company") or name)
    out = [_metric_row(revenue, "revenue", revenue["value"], f"revenue FY{fy}", "USD", role)]
    prior = rows_by.get((fy - 1, "revenue"))
    if prior and prior["value"]:
        out.append(_metric_row(revenue, "revenue_growth", revenue["value"] / prior["value"] - 1,
                               f"revenue FY{fy} / revenue FY{fy - 1} − 1 "
                               f"(FY{fy - 1}: {prior.get('accession') or 'n/a'})",
                               "ratio", role))
    for metric in ("operating_margin", "net_margin", "rd_intensity"):
        numerator = METRICS[metric][0]
        num = rows_by.get((fy, numerator))
        if num is not None and revenue["value"]:
            out.append(_metric_row(num, metric, num["value"] / revenue["value"],
                                   f"{numerator} FY{fy} / revenue FY{fy}", "ratio", role))
    staff = rows_by.get((fy, "employees"))
    if staff is not None:
        out.append(_metric_row(staff, "employees", staff["value"], f"employees FY{fy}",
                               "people", role))
    for row in out:  # every metric belongs to the revenue's fiscal year and company
        row.update(fiscal_year=fy, period_end=_date_text(revenue.get("period_end")),
                   company=revenue.get("company"), cik=cik)
    return out


def _date_text(value) -> str | None:
    """A period end as "YYYY-MM-DD" whether it arrives as text or a timestamp."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return str(value)[:10]


def peer_facts(companies, financials) -> Any:
    """Long table: one sourced row per company × metric (see the module docstring).

    ``companies`` is a table with ``cik`` and ``role`` ("target"/"competitor") and optionally
    ``name``; ``financials`` is one annual-financials table holding all of them, a dict
    cik → table, or a function cik → table (e.g. EDGAR's ``annual_financials``). A company
    without usable financials is skipped and listed in ``attrs["missing"]``.
    """
    import pandas as pd

    rows: list[dict[str, Any]] = []
    missing: list[str] = []
    for company in companies.to_dict("records"):
        cik = str(company["cik"]).zfill(10)
        label = company.get("name") or cik
        try:
            fin = _financials_for(financials, cik)
        except ResearchKitError as exc:
            missing.append(f"{label}: {exc.message}")
            continue
        got = _company_metrics(fin, cik, company.get("role") or "competitor",
                               company.get("name"))
        if not got:
            missing.append(f"{label}: no annual revenue in its XBRL filings")
        rows.extend(got)
    table = table_from_rows(rows, PEER_FACT_COLUMNS)
    table["value"] = pd.to_numeric(table["value"], errors="coerce")
    table.attrs["missing"] = missing
    return table


def _financials_for(financials, cik: str):
    if callable(financials):
        fin = financials(cik)
    elif isinstance(financials, dict):
        fin = financials.get(cik)
        if fin is None:
            fin = financials.get(cik.lstrip("0"))
    else:
        fin = financials[financials["cik"].astype(str).str.zfill(10) == cik]
    if fin is None or len(fin) == 0:
        raise ResearchKitError(f"no annual financials for CIK {cik}")
    return fin


def peer_table(facts, tickers: dict[str, str | None] | None = None):
    """One row per company, the metrics side by side, target first, then by revenue.

    Each row keeps the source of its revenue figure (source columns) and lists every
    filing its values come from (``sources``: accession numbers).
    """
    rows: dict[str, dict[str, Any]] = {}
    for rec in facts.to_dict("records"):
        cik = rec["cik"]
        row = rows.setdefault(cik, {"company": rec["company"], "role": rec["role"],
                                    "is_target": rec["role"] == "target",
                                    "ticker": (tickers or {}).get(cik), "cik": cik,
                                    "fiscal_year": rec["fiscal_year"],
                                    "fiscal_year_end": rec["period_end"], "sources": []})
        row[rec["metric"]] = rec["value"]
        if rec["metric"] == "revenue":
            row.update({c: rec.get(c) for c in SOURCE_COLUMNS})
        src = rec.get("accession") or rec.get("source_url")
        if src and src not in row["sources"]:
            row["sources"].append(src)
    out = list(rows.values())
    for row in out:
        row["sources"] = "; ".join(row["sources"])
    out.sort(key=lambda r: (not r["is_target"], -(r.get("revenue") or 0)))
    return table_from_rows(out, PEER_TABLE_COLUMNS)


# -- orchestration ---------------------------------------------------------------------------
@dataclass(repr=False)
class PeerComparison:
    """Everything ``research-kit peers`` shows.

    ``competitors``: the competitor set; ``metrics``: one sourced row per company with the
    metrics side by side (:func:`peer_table`); ``facts``: one sourced row per company ×
    metric (:func:`peer_facts`), which the charts draw.
    """

    target: Any
    competitors: Any
    facts: Any
    metrics: Any
    industry: str | None = None
    notes: list[str] = field(default_factory=list)
    sic: str | None = None

    @property
    def table(self):
        """``metrics`` without the source columns: the comparison as displayed."""
        return self.metrics.drop(columns=SOURCE_COLUMNS)

    def bar_chart(self, metric: str = "revenue"):
        """Bars of one metric, the target highlighted (a matplotlib Figure)."""
        from .peer_charts import peer_bar_chart

        return peer_bar_chart(self.facts, metric)

    def scatter(self, margin: str = "operating_margin"):
        """Revenue growth vs a margin, the target highlighted (a matplotlib Figure)."""
        from .peer_charts import growth_margin_scatter

        return growth_margin_scatter(self.facts, margin)

    def industry_panel(self):
        """The target's industry (SIC code and description) and how peers were chosen."""
        from ...display import Panel

        panel = Panel(f"Industry: {getattr(self.target, 'name', '')}")
        panel.add("SIC", f"{self.sic or '—'} {self.industry or ''}".strip())
        origins = self.competitors["origin"].str.split("; ").explode().value_counts()
        panel.add("Competitors", ", ".join(f"{n} from {o}" for o, n in origins.items()) or "none")
        unresolved = self.competitors.loc[self.competitors["resolved"] != True, "name"]  # noqa: E712
        if len(unresolved):
            panel.add("Not SEC filers", list(unresolved))
        panel.paragraphs.extend(self.notes)
        return panel

    def _repr_html_(self) -> str:
        from ...display import escape

        notes = "".join(f"<li>{escape(n)}</li>" for n in self.notes)
        return (self.industry_panel()._repr_html_() + self.table.to_html(index=False)
                + (f"<ul><small>{notes}</small></ul>" if notes else ""))

    def __str__(self) -> str:
        return format_peer_table(self)

    __repr__ = __str__

    def to_json(self) -> dict[str, Any]:
        import pandas as pd

        def records(frame):
            return [{k: (None if not isinstance(v, (list, str)) and pd.isna(v) else v)
                     for k, v in r.items()} for r in frame.to_dict("records")]

        return {"target": {"cik": getattr(self.target, "cik", None),
                           "ticker": getattr(self.target, "ticker", None),
                           "name": getattr(self.target, "name", None)},
                "sic": self.sic, "industry": self.industry,
                "competitors": records(self.competitors),
                "comparison": records(self.metrics), "facts": records(self.facts),
                "notes": self.notes}


def compare_peers(target, competitors, *, financials: Callable | dict | Any,
                  max_companies: int = 12, industry: str | None = None,
                  sic: str | None = None) -> PeerComparison:
    """Metrics for the target and its resolved competitors (at most ``max_companies``)."""
    import pandas as pd

    resolved = competitors[competitors["resolved"] == True]  # noqa: E712
    rows = [{"cik": str(target.cik).zfill(10), "name": getattr(target, "name", None),
             "role": "target"}]
    rows += [{"cik": r["cik"], "name": r["sec_name"] or r["name"], "role": "competitor"}
             for r in resolved.head(max_companies - 1).to_dict("records")]
    facts = peer_facts(pd.DataFrame(rows), financials)
    tickers = {str(target.cik).zfill(10): getattr(target, "ticker", None)}
    tickers.update({r["cik"]: r["ticker"] for r in resolved.to_dict("records") if r["ticker"]})
    notes = list(facts.attrs.get("missing", []))
    unresolved = competitors[competitors["resolved"] != True]  # noqa: E712
    if len(unresolved):
        notes.append("not compared (no SEC filings): " + ", ".join(unresolved["name"]))
    return PeerComparison(target, competitors, facts, peer_table(facts, tickers),
                          industry=industry, notes=notes, sic=sic)


def build_peer_comparison(target, profile=None, *, tenk_names=None, tenk_source=None,
                          user_names: Iterable[str] = (), max_sic_peers: int = 8,
                          gateway=None) -> PeerComparison:
    """Competitor set + comparison for a resolved target, through the EDGAR layer.

    ``profile`` is EDGAR's CompanyProfile (its SIC picks the same-SIC peers);
    ``tenk_names`` the names from the 10-K's Competition passage. A part that cannot be
    fetched (offline and not cached, SEC busy) becomes a note, not a failure.
    """
    import functools

    from ...sources import edgar
    from .competitor_set import competitor_set, sic_peers

    sic = _field(profile, "sic")
    notes: list[str] = []
    peers_table = None
    if sic and max_sic_peers > 0:
        try:
            peers_table = sic_peers(target.cik, sic, max_peers=max_sic_peers, gateway=gateway,
                                    frames=functools.partial(edgar.fetch_frames,
                                                             gateway=gateway))
            if peers_table.attrs.get("capped"):
                notes.append(f"SIC {sic} has {peers_table.attrs.get('filers')}+ filers: showing "
                             f"the {len(peers_table)} largest by "
                             f"{peers_table.attrs.get('ranked_by') or 'name (no size data)'}")
        except NotCachedError:
            notes.append(f"same-SIC peers (SIC {sic}): EDGAR's company list is not in the "
                         "offline cache")
        except ResearchKitError as exc:
            notes.append(f"same-SIC peers (SIC {sic}) unavailable: {exc.message}")
    comp = competitor_set(target, tenk_names=tenk_names, tenk_source=tenk_source,
                          user_names=user_names, sic_peer_table=peers_table,
                          resolver=functools.partial(edgar.resolve_company, gateway=gateway))

    def financials(cik):
        return edgar.annual_financials(int(cik), gateway=gateway)

    result = compare_peers(target, comp, financials=financials,
                           industry=_field(profile, "sic_description"), sic=sic)
    result.notes[:0] = notes
    return result


def peers_for_ticker(ticker: str, *, competitors: Iterable[str] = (), max_sic_peers: int = 8,
                     use_10k: bool = True, gateway=None) -> PeerComparison:
    """Resolve the target, read its latest 10-K's competitors, compare (CLI entry)."""
    try:
        from ...sources import edgar
    except ImportError:
        raise ResearchKitError("this build of research-kit has no EDGAR layer yet "
                               "(research_kit.sources.edgar)") from None

    target = edgar.resolve_company(ticker, gateway=gateway)
    profile = edgar.company_profile(target, gateway=gateway)
    tenk_names, note = None, None
    if use_10k:
        try:  # one row per name, citing the section its sentence sits in
            from ...sources.edgar.company_source import EdgarCompanySource

            tenk_names = EdgarCompanySource.competitors_in(
                edgar.latest_10k(target, gateway=gateway))
        except ResearchKitError as exc:
            note = f"competitors named in the 10-K: {exc.message}"
    result = build_peer_comparison(target, profile, tenk_names=tenk_names, user_names=competitors,
                                   max_sic_peers=max_sic_peers, gateway=gateway)
    if note:
        result.notes.insert(0, note)
    return result


def _field(obj, name: str):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def format_peer_table(result: PeerComparison) -> str:
    """Plain-text comparison for the terminal."""
    def money(v):
        return "" if v is None or v != v else f"{v / 1e6:,.0f}"

    def pct(v):
        return "" if v is None or v != v else f"{v * 100:.1f}%"

    def count(v):
        return "" if v is None or v != v else f"{v:,.0f}"

    head = ["company", "FY", "FY end", "revenue $M", "growth", "op. margin", "net margin",
            "R&D/rev", "employees"]
    lines = [head]
    for r in result.table.to_dict("records"):
        name = (r["company"] or "")[:34] + (" (target)" if r["role"] == "target" else "")
        lines.append([name, str(r["fiscal_year"] or ""), str(r["fiscal_year_end"] or ""),
                      money(r.get("revenue")), pct(r.get("revenue_growth")),
                      pct(r.get("operating_margin")), pct(r.get("net_margin")),
                      pct(r.get("rd_intensity")), count(r.get("employees"))])
    widths = [max(len(row[i]) for row in lines) for i in range(len(head))]
    text = [f"Peer comparison: {getattr(result.target, 'name', '')}"
            + (f" — {result.industry}" if result.industry else "")]
    for i, row in enumerate(lines):
        text.append("  ".join(c.ljust(w) if j == 0 else c.rjust(w)
                              for j, (c, w) in enumerate(zip(row, widths))))
        if i == 0:
            text.append("  ".join("-" * w for w in widths))
    comp = result.competitors
    text.append("")
    text.append("Competitor set (origin → resolution):")
    for r in comp.to_dict("records"):
        where = f"CIK {r['cik']}" + (f", {r['ticker']}" if r["ticker"] else "") if r["resolved"] \
            else "unresolved"
        text.append(f"  {r['name']:<34} {r['origin']:<20} {where}")
    text.extend(["", *result.notes] if result.notes else [])
    text.append("Source: SEC EDGAR XBRL company facts (10-K); accessions in --json output.")
    return "\n".join(text)
