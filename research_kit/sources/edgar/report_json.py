"""The ``annual-report`` JSON of docs/cli.md for a split 10-K: its Items and competitors."""

from __future__ import annotations

from typing import Any

from .competition import competitors_from_10k
from .sections import AnnualReport

__all__ = ["annual_report_json"]


def annual_report_json(report: AnnualReport) -> dict[str, Any]:
    result = report.to_dict()
    result["competitors"] = competitors_from_10k(report)
    return result
