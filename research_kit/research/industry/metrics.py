"""The peer metrics: how each is computed from annual figures, its unit and its label."""

from __future__ import annotations

__all__ = ["METRICS"]

METRICS = {  # metric → (numerator, denominator or None, unit, label)
    "revenue": ("revenue", None, "USD", "Revenue"),
    "revenue_growth": ("revenue", "revenue_prior", "ratio", "Revenue growth"),
    "operating_margin": ("operating_income", "revenue", "ratio", "Operating margin"),
    "net_margin": ("net_income", "revenue", "ratio", "Net margin"),
    "rd_intensity": ("rd_expense", "revenue", "ratio", "R&D / revenue"),
    "employees": ("employees", None, "people", "Employees"),
}
