"""Workbench steps: which company sources this workspace has (the registry's answer)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ...sources.company import CompanySource, CompanyTarget
from ..base import ResearchBase
from ..step import step

__all__ = ["SourceSteps"]


class SourceSteps(ResearchBase):
    def company_target(self) -> CompanyTarget:
        """What target.toml (and the notebook's parameters) say about the company."""
        report = self.value("annual_report")
        return CompanyTarget(
            name=self.ws.name, ticker=str(self.value("ticker") or "") or None,
            site=str(self.value("site") or "") or None,
            annual_report=Path(report) if report else None, workspace=self.ws.path)

    @step(None)
    def company_sources(self) -> list[CompanySource]:
        """The company sources that apply here, in priority order (see sources/registry)."""
        from ...sources.registry import company_sources_for

        return company_sources_for(self.company_target(), self.gateway)

    def company_source(self, key: str) -> Any:
        """The source registered under ``key`` ("edgar", "annual_report", "website"), or
        None when this workspace does not have it."""
        return next((s for s in self.company_sources() if s.key == key), None)

    @step(None)
    def source_status(self) -> list[tuple[str, str, str]]:
        """(source, "read" | "failed" | "not given", what happened or how to add it) for
        every registered company source: what the brief says when a section is empty."""
        from ...errors import ResearchKitError
        from ...sources.registry import registered_sources

        have = {s.key: s for s in self.company_sources()}
        rows = []
        for entry in registered_sources():
            source = have.get(entry.key)
            label = str(getattr(entry.load(), "label", entry.key))
            if source is None:
                rows.append((label, "not given", f"add {entry.why}"))
                continue
            try:
                source.identity()
            except ResearchKitError as exc:
                rows.append((label, "failed", exc.message))
            else:
                rows.append((label, "read", ""))
        return rows

    def _each_source(self, prefer: tuple[str, ...] = ()) -> Iterator[CompanySource]:
        sources = self.company_sources()
        yield from sorted(sources, key=lambda s: (s.key not in prefer,
                                                  prefer.index(s.key) if s.key in prefer else 0))

    def _first_answer(self, ask: str, *, prefer: tuple[str, ...] = ()) -> Any:
        """The first non-empty answer to ``ask`` among the sources. A source that fails
        (offline, not found) lets the next one answer; when none answers, the first
        failure is raised, else None."""
        from ...errors import ResearchKitError

        failure: ResearchKitError | None = None
        for source in self._each_source(prefer):
            try:
                answer = getattr(source, ask)()
            except ResearchKitError as exc:
                failure = failure or exc
                continue
            if answer is not None and not (hasattr(answer, "__len__") and len(answer) == 0):
                return answer
        if failure is not None:
            raise failure
        return None
