"""Annual financials from XBRL company facts, one tidy row per fiscal year and metric.

Company facts (``data.sec.gov/api/xbrl/companyfacts/CIK##########.json``) hold every value
a company ever tagged, quarter and year alike, with each filing that repeated it. The rules
that turn it into an honest annual table:

* **annual** means filed on a 10-K-family form and either lasting about a year (350–380
  days) or tagged with a calendar-year frame (``CY2024``, no ``Q``). ``fy``/``fp`` describe
  the *filing*, not the value: a 10-K's ``fp=FY`` facts include fourth-quarter values and two
  earlier years.
* balance-sheet values (assets, cash) are instants; they count when their date is a fiscal
  year end found among the annual durations.
* for each period end **the latest filing wins** (restatements).
* **revenue is chosen per year** across the revenue concepts: filers switch tags
  (``SalesRevenueNet`` → ``RevenueFromContractWithCustomer…``), so the concept is picked
  for each year among those with a value for that year — never a quarter, never the last
  year of an abandoned tag. When several concepts report the same year, the largest (total
  revenue, not a component) is used.
* the fiscal year is the filer's own name for it: the ``fy`` of the 10-K whose main period
  ends on that date (so a year ending 2 Feb 2025 is "2024" if the filer calls it that).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...errors import ParseError
from ...gateway.client import Gateway
from ...provenance import Source, table_from_rows
from .client import fetch_company_facts, json_or_error
from .identify import cik_of

__all__ = ["annual_financials", "financial_ratios", "FINANCIAL_COLUMNS", "METRICS",
           "RATIO_COLUMNS", "annual_financials_from_facts"]

FINANCIAL_COLUMNS = ["cik", "company", "fiscal_year", "period_start", "period_end", "metric",
                     "value", "unit", "concept", "form", "filed", "accession"]
RATIO_COLUMNS = ["cik", "company", "fiscal_year", "period_end", "revenue", "revenue_growth",
                 "operating_income", "operating_margin", "net_income", "net_margin",
                 "rd_expense", "rd_intensity", "total_assets", "cash", "employees"]
ANNUAL_FORMS = ("10-K", "10-K/A", "10-KT", "10-KT/A", "10-K405", "20-F", "20-F/A", "40-F",
                "40-F/A")
_MIN_DAYS, _MAX_DAYS = 350, 380


@dataclass(frozen=True)
class _Metric:
    name: str
    concepts: tuple[str, ...]          # "taxonomy:Concept", in order of preference
    instant: bool = False
    units: tuple[str, ...] = ("USD",)
    largest: bool = False              # several concepts for one year: take the largest
    fallback: tuple[str, ...] = ()     # used only when no main concept has the year


METRICS = (
    _Metric("revenue", (
        "us-gaap:Revenues",
        "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
        "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax",
        "us-gaap:SalesRevenueNet", "us-gaap:SalesRevenueGoodsNet",
        "us-gaap:SalesRevenueServicesNet", "us-gaap:RevenuesNetOfInterestExpense",
        "us-gaap:RegulatedAndUnregulatedOperatingRevenue"), largest=True,
        fallback=("us-gaap:InterestAndDividendIncomeOperating",)),
    _Metric("net_income", ("us-gaap:NetIncomeLoss", "us-gaap:ProfitLoss",
                           "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic")),
    _Metric("operating_income", ("us-gaap:OperatingIncomeLoss",)),
    _Metric("total_assets", ("us-gaap:Assets",), instant=True),
    _Metric("cash", ("us-gaap:CashAndCashEquivalentsAtCarryingValue",
                     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents",
                     "us-gaap:Cash"), instant=True),
    _Metric("rd_expense", ("us-gaap:ResearchAndDevelopmentExpense",
                           "us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost",
                           "us-gaap:ResearchAndDevelopmentExpenseSoftwareExcludingAcquiredInProcessCost")),
    _Metric("shares_outstanding", ("dei:EntityCommonStockSharesOutstanding",), instant=True,
            units=("shares",)),
    _Metric("employees", ("dei:EntityNumberOfEmployees",), instant=True,
            units=("pure", "employee", "Employee", "employees", "number")),
)
_COVER_METRICS = ("shares_outstanding", "employees")  # dated after year end, on the cover


def _days(start: str, end: str) -> int | None:
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except (TypeError, ValueError):
        return None


def _is_annual_duration(fact: dict) -> bool:
    if fact.get("form") not in ANNUAL_FORMS or not fact.get("start"):
        return False
    frame = str(fact.get("frame") or "")
    if frame.startswith("CY") and "Q" not in frame:
        return True
    days = _days(fact["start"], fact["end"])
    return days is not None and _MIN_DAYS <= days <= _MAX_DAYS


def _facts(data: dict, concept: str, units: Iterable[str]) -> list[tuple[str, dict]]:
    taxonomy, name = concept.split(":", 1)
    facts = data.get("facts")
    group = facts.get(taxonomy) if isinstance(facts, dict) else None
    entry = group.get(name) if isinstance(group, dict) else None
    found: list[tuple[str, dict]] = []
    units_map = entry.get("units") if isinstance(entry, dict) else None
    for unit, facts in (units_map.items() if isinstance(units_map, dict) else ()):
        if unit in units and isinstance(facts, list):
            found.extend((unit, f) for f in facts if _well_formed(f))
    return found


def _well_formed(fact) -> bool:
    """A fact with the fields the rules read, each of the type SEC sends."""
    if not isinstance(fact, dict) or not isinstance(fact.get("end"), str):
        return False
    value = fact.get("val")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return all(fact.get(k) is None or isinstance(fact[k], str)
               for k in ("start", "form", "filed", "accn", "frame"))


def _latest(facts: list[tuple[str, dict]]) -> tuple[str, dict]:
    return max(facts, key=lambda uf: (str(uf[1].get("filed") or ""), str(uf[1].get("accn") or "")))


class _FiscalCalendar:
    """Which fiscal year a period end belongs to, as the filer names it.

    Each 10-K says which fiscal year its main period is (``fy``). Filers name years either
    after the calendar year they end in (NVIDIA: year ended 26 Jan 2025 = "fiscal 2025") or
    the one before (Home Depot: 2 Feb 2025 = "fiscal 2024"); the offset is taken from the
    most recent filings and applied to every year, so one filing's odd ``fy`` cannot shift a
    year. Dates in the first days of January count for the year before (52/53-week years).
    """

    _RECENT = 5

    def __init__(self, annual_facts: Iterable[dict]) -> None:
        main_end: dict[str, tuple[str, int]] = {}
        for fact in annual_facts:
            accn, fy = fact.get("accn"), fact.get("fy")
            if not accn or not isinstance(fy, int):
                continue
            if accn not in main_end or fact["end"] > main_end[accn][0]:
                main_end[accn] = (fact["end"], fy)
        recent = sorted(main_end.values(), reverse=True)[:self._RECENT]
        offsets = [fy - self._base_year(end) for end, fy in recent if self._base_year(end)]
        offsets = [o for o in offsets if o in (-1, 0, 1)]
        self.offset = max(set(offsets), key=offsets.count) if offsets else 0
        self.ends = {end for end, _ in main_end.values()}

    @staticmethod
    def _base_year(end: str) -> int:
        try:
            return (date.fromisoformat(end) - timedelta(days=10)).year
        except (TypeError, ValueError):
            return 0

    def year(self, end: str) -> int | None:
        base = self._base_year(end)
        return base + self.offset if base else None

    def is_year_end(self, end: str) -> bool:
        return end in self.ends


def _rows_for_metric(metric: _Metric, data: dict, calendar: _FiscalCalendar
                     ) -> list[dict[str, Any]]:
    by_end: dict[str, dict[str, list[tuple[str, dict]]]] = {}
    for concept in metric.concepts + metric.fallback:
        for unit, fact in _facts(data, concept, metric.units):
            if metric.instant:
                if fact.get("form") not in ANNUAL_FORMS or fact.get("start"):
                    continue
                if metric.name in _COVER_METRICS:
                    end = fact["end"]
                else:
                    end = fact["end"]
                    if not calendar.is_year_end(end):
                        continue
            else:
                if not _is_annual_duration(fact):
                    continue
                end = fact["end"]
            by_end.setdefault(end, {}).setdefault(concept, []).append((unit, fact))
    rows = []
    for end, per_concept in by_end.items():
        main = {c: f for c, f in per_concept.items() if c in metric.concepts}
        pool = main or per_concept
        candidates = {c: _latest(f) for c, f in pool.items()}
        if metric.largest and main:
            concept = max(candidates, key=lambda c: (candidates[c][1]["val"],
                                                     -metric.concepts.index(c)))
        else:
            order = metric.concepts + metric.fallback
            concept = min(candidates, key=order.index)
        unit, fact = candidates[concept]
        if metric.name == "shares_outstanding":
            fact = dict(fact, val=_sum_share_classes(per_concept[concept], fact))
        fiscal_year = (fact.get("fy") if metric.name in _COVER_METRICS
                       and isinstance(fact.get("fy"), int) else calendar.year(end))
        rows.append({"fiscal_year": fiscal_year, "period_start": fact.get("start"),
                     "period_end": end, "metric": metric.name, "value": fact["val"],
                     "unit": unit, "concept": concept, "form": fact.get("form"),
                     "filed": fact.get("filed"), "accession": fact.get("accn")})
    if metric.name in _COVER_METRICS:
        # one cover value per fiscal year: the latest dated
        best: dict[Any, dict[str, Any]] = {}
        for row in rows:
            key = row["fiscal_year"]
            if key not in best or (row["period_end"], row["filed"]) > (best[key]["period_end"],
                                                                      best[key]["filed"]):
                best[key] = row
        rows = list(best.values())
    return rows


def _sum_share_classes(facts: list[tuple[str, dict]], chosen: dict) -> float:
    """Cover pages list each share class as its own fact: add the classes of one filing."""
    values = {f["val"] for _, f in facts
              if f.get("accn") == chosen.get("accn") and f.get("end") == chosen.get("end")}
    return sum(values) if values else chosen["val"]


def annual_financials_from_facts(data: dict, source: Source | None = None):
    """The tidy annual table from an already-loaded company facts JSON."""
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise ParseError("not an XBRL company facts file (no 'facts')",
                         suggestion="expected data.sec.gov/api/xbrl/companyfacts/CIK….json")
    try:
        cik = int(data.get("cik") or 0)
    except (TypeError, ValueError):
        cik = 0
    company = str(data.get("entityName") or "")
    annual: list[dict] = []
    for metric in METRICS:
        if metric.instant:
            continue
        for concept in metric.concepts:
            annual.extend(f for _, f in _facts(data, concept, metric.units)
                          if _is_annual_duration(f))
    calendar = _FiscalCalendar(annual)
    rows = []
    for metric in METRICS:
        for row in _rows_for_metric(metric, data, calendar):
            concept = row["concept"]
            row.update(cik=cik, company=company,
                       source=source.at(concept) if source is not None else None)
            rows.append(row)
    table = table_from_rows(rows, FINANCIAL_COLUMNS)
    if len(table):
        order = {m.name: i for i, m in enumerate(METRICS)}
        table = (table.assign(_order=table["metric"].map(order))
                 .sort_values(["_order", "period_end"], kind="stable")
                 .drop(columns="_order").reset_index(drop=True))
    return table


def annual_financials(query_or_cik, *, gateway: Gateway | None = None):
    """Annual revenue, net income, operating income, total assets, cash, R&D expense,
    shares outstanding and employees (where tagged) for a ticker, name or CIK.

    Columns: ``cik, company, fiscal_year, period_start, period_end, metric, value, unit,
    concept, form, filed, accession`` + source columns. Values are as filed (USD, shares).
    """
    cik = cik_of(query_or_cik, gateway=gateway)
    response = fetch_company_facts(cik, gateway=gateway)
    data = json_or_error(response, "company facts")
    return annual_financials_from_facts(data, response.source)


def financial_ratios(fin):
    """Wide table per fiscal year: the metrics side by side plus revenue growth, operating
    and net margin, and R&D intensity (R&D / revenue), all as fractions."""
    import pandas as pd

    if fin is None or len(fin) == 0:
        return table_from_rows([], RATIO_COLUMNS)
    flows = fin[~fin["metric"].isin(["shares_outstanding", "employees"])]
    wide = flows.pivot_table(index="fiscal_year", columns="metric", values="value",
                             aggfunc="last")
    extra = fin[fin["metric"] == "employees"].groupby("fiscal_year")["value"].last()
    ends = (fin[fin["metric"].isin(["revenue", "net_income"])]
            .groupby("fiscal_year")["period_end"].max())
    rows = []
    previous_revenue = None
    previous_year = None
    first = fin.iloc[0]
    source = Source(url=str(first["source_url"]), retrieved_at=str(first["retrieved_at"]),
                    from_cache=bool(first["from_cache"]), section="derived from annual_financials"
                    ) if "source_url" in fin.columns and pd.notna(first["source_url"]) else None
    for year in sorted(wide.index):
        def get(name: str):
            if name not in wide.columns:
                return None
            value = wide.at[year, name]
            return None if pd.isna(value) else float(value)
        revenue, operating, net, rd = (get("revenue"), get("operating_income"),
                                       get("net_income"), get("rd_expense"))
        growth = None
        if revenue is not None and previous_revenue and previous_year == year - 1:
            growth = revenue / previous_revenue - 1
        rows.append({
            "cik": first.get("cik"), "company": first.get("company"), "fiscal_year": int(year),
            "period_end": ends.get(year), "revenue": revenue, "revenue_growth": growth,
            "operating_income": operating,
            "operating_margin": operating / revenue if operating is not None and revenue else None,
            "net_income": net, "net_margin": net / revenue if net is not None and revenue else None,
            "rd_expense": rd, "rd_intensity": rd / revenue if rd is not None and revenue else None,
            "total_assets": get("total_assets"), "cash": get("cash"),
            "employees": float(extra[year]) if year in extra.index else None,
            "source": source})
        if revenue is not None:
            previous_revenue, previous_year = revenue, year
    return table_from_rows(rows, RATIO_COLUMNS)
