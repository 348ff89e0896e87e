"""The company-source contract: what one outside source can tell about the target company.

A company source is one way of knowing a company — SEC EDGAR for a US public company, the
annual report PDF a non-US company publishes, the company's own website. Each answers the
same questions, as far as it can:

================  ==========================================================================
``identity()``    who the company is: its name as the source writes it, and the ids it uses
``facts()``       profile facts (legal name, industry, headquarters, employees, what it
                  does …): :data:`FACT_COLUMNS` plus the source columns
``annual_figures()`` revenue, income … per fiscal year: :data:`FIGURE_COLUMNS`
``annual_report()``  the annual report, split into sections (``AnnualReport`` for a 10-K,
                  ``PdfAnnualReport`` for a PDF); None when the source has none
``competitors()``  names the source itself gives as competitors, each with its quote:
                  :data:`COMPETITOR_COLUMNS`
``press_releases()`` dated announcements: :data:`PRESS_COLUMNS`
``passages()``    what the source says in prose, paragraph by paragraph, verbatim, each
                  with its kind ("business", "results", "press", "news", "about", "letter",
                  "strategy", "outlook", "market") and date: :data:`PASSAGE_COLUMNS` (the
                  salient-facts reader turns them into talking points and questions)
================  ==========================================================================

Rules every source keeps (``tests/sources/test_company_sources.py`` checks them for every
registered source):

* tables keep their columns even when empty, and every row carries the source columns
  (``source_url``, ``retrieved_at``, ``section``, ``from_cache``);
* what a source does not give is an empty table (or None), not an error;
* what goes wrong (a file that is not a PDF, a ticker SEC does not know, offline and not
  cached) raises a :class:`~research_kit.errors.ResearchKitError` subclass;
* sources fetch only through the gateway they are given, and parse only what they fetched.

:class:`CompanySourceBase` implements "gives nothing" for every question, so a new source
overrides only what it knows. The registry (:mod:`.registry`) picks the sources a workspace
has.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from ..provenance import SOURCE_COLUMNS, Source, table_from_rows

if TYPE_CHECKING:
    import pandas as pd

    from ..gateway.client import Gateway

__all__ = ["CompanyTarget", "CompanyIdentity", "CompanySource", "CompanySourceBase",
           "FACT_COLUMNS", "DESCRIPTION_FACT", "FIGURE_COLUMNS", "COMPETITOR_COLUMNS",
           "PRESS_COLUMNS", "PASSAGE_COLUMNS", "empty_facts", "empty_figures", "empty_competitors",
           "empty_press", "empty_passages"]

FACT_COLUMNS = ["fact", "value"]
DESCRIPTION_FACT = "what it does"
"""The ``fact`` of the row in which a source gives the company's own sentence saying what
it is or does (verbatim). Every source writes this label and the brief's snapshot reads it;
a source with another way of saying it (a 10-K's Item 1) still writes none."""
FIGURE_COLUMNS = ["fiscal_year", "metric", "value", "unit", "period_end"]
COMPETITOR_COLUMNS = ["name", "quote"]
PRESS_COLUMNS = ["date", "title", "summary", "url"]
PASSAGE_COLUMNS = ["kind", "title", "date", "text"]


@dataclass(frozen=True)
class CompanyTarget:
    """What the workspace says about the company: the inputs sources are picked from."""

    name: str
    ticker: str | None = None
    site: str | None = None
    annual_report: Path | None = None
    workspace: Path | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class CompanyIdentity:
    name: str
    ids: dict[str, str] = field(default_factory=dict)
    """Source-specific identifiers: {"cik": "0000320193", "ticker": "AAPL"}."""
    source: Source | None = None


@runtime_checkable
class CompanySource(Protocol):
    key: ClassVar[str]
    """Registry key: "edgar", "annual_report", "website"."""
    label: ClassVar[str]
    """How the brief names the kind of source: "SEC EDGAR", "annual report (PDF)"."""

    def identity(self) -> CompanyIdentity | None: ...
    def facts(self) -> pd.DataFrame: ...
    def annual_figures(self) -> pd.DataFrame: ...
    def annual_report(self) -> Any: ...
    def competitors(self) -> pd.DataFrame: ...
    def press_releases(self) -> pd.DataFrame: ...
    def passages(self) -> pd.DataFrame: ...


def empty_facts() -> pd.DataFrame:
    return table_from_rows([], FACT_COLUMNS)


def empty_figures() -> pd.DataFrame:
    return table_from_rows([], FIGURE_COLUMNS)


def empty_competitors() -> pd.DataFrame:
    return table_from_rows([], COMPETITOR_COLUMNS)


def empty_press() -> pd.DataFrame:
    return table_from_rows([], PRESS_COLUMNS)


def empty_passages() -> pd.DataFrame:
    return table_from_rows([], PASSAGE_COLUMNS)


class CompanySourceBase:
    """A source that gives nothing; subclasses override what they know."""

    key: ClassVar[str] = ""
    label: ClassVar[str] = ""

    def __init__(self, target: CompanyTarget, gateway: Gateway | None = None) -> None:
        self.target = target
        self.gateway = gateway

    def identity(self) -> CompanyIdentity | None:
        return None

    def facts(self) -> pd.DataFrame:
        return empty_facts()

    def annual_figures(self) -> pd.DataFrame:
        return empty_figures()

    def annual_report(self) -> Any:
        return None

    def competitors(self) -> pd.DataFrame:
        return empty_competitors()

    def press_releases(self) -> pd.DataFrame:
        return empty_press()

    def passages(self) -> pd.DataFrame:
        return empty_passages()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} for {self.target.name!r}>"


ALL_COLUMNS = {"facts": FACT_COLUMNS + SOURCE_COLUMNS,
               "annual_figures": FIGURE_COLUMNS + SOURCE_COLUMNS,
               "competitors": COMPETITOR_COLUMNS + SOURCE_COLUMNS,
               "press_releases": PRESS_COLUMNS + SOURCE_COLUMNS,
               "passages": PASSAGE_COLUMNS + SOURCE_COLUMNS}
"""The columns each table method's result must have (at least)."""
