"""Which company sources a workspace has: the registry of :class:`~.company.CompanySource`.

Each entry names a source class (imported on first use, so the CLI stays fast) and when it
applies: a ticker → SEC EDGAR; an ``annual_report`` file → the PDF annual report; a ``site``
→ the company website. The workbench asks :func:`company_sources_for` and never names a
source itself. Adding a source is one package under ``sources/`` and one
:func:`register_company_source` line here (see docs/architecture.md, "Adding a source").
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .company import CompanySource, CompanyTarget

if TYPE_CHECKING:
    from ..gateway.client import Gateway

__all__ = ["register_company_source", "company_sources_for", "registered_sources",
           "SourceEntry"]


@dataclass(frozen=True)
class SourceEntry:
    key: str
    factory: str
    """"module:Class" of a :class:`CompanySource` taking ``(target, gateway)``."""
    applies: Callable[[CompanyTarget], bool]
    why: str
    """When it applies, in words: for "not found" lines and docs."""

    def load(self) -> Callable[[CompanyTarget, Gateway | None], CompanySource]:
        module, _, name = self.factory.partition(":")
        cls: Callable[[CompanyTarget, Gateway | None], CompanySource] = getattr(
            importlib.import_module(module), name)
        return cls


_REGISTRY: list[SourceEntry] = []


def register_company_source(key: str, factory: str, applies: Callable[[CompanyTarget], bool],
                            why: str) -> None:
    """Add a source (or replace the one with the same key). Order = priority: earlier
    sources answer first where several give the same thing (EDGAR's audited figures before
    figures read from a PDF)."""
    entry = SourceEntry(key, factory, applies, why)
    for i, existing in enumerate(_REGISTRY):
        if existing.key == key:
            _REGISTRY[i] = entry
            return
    _REGISTRY.append(entry)


def registered_sources() -> tuple[SourceEntry, ...]:
    return tuple(_REGISTRY)


def company_sources_for(target: CompanyTarget, gateway: Gateway | None = None
                        ) -> list[CompanySource]:
    """The sources that apply to ``target``, in priority order (none may apply)."""
    return [entry.load()(target, gateway) for entry in _REGISTRY if entry.applies(target)]


register_company_source(
    "edgar", "research_kit.sources.edgar.company_source:EdgarCompanySource",
    lambda t: bool(t.ticker), "a ticker (or CIK) in target.toml")
register_company_source(
    "annual_report", "research_kit.sources.annual_reports.company_source:PdfReportSource",
    lambda t: t.annual_report is not None, "annual_report = \"notes/report.pdf\" in target.toml")
register_company_source(
    "website", "research_kit.sources.website.company_source:WebsiteCompanySource",
    lambda t: bool(t.site), "site = \"https://…\" in target.toml")
