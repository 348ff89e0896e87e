"""Charts of a peer comparison: a bar chart with the target highlighted, and growth vs
margin. Both take :func:`~research_kit.research.industry.peers.peer_facts`' long table and return a
matplotlib Figure (no pyplot state), labelled with each company's fiscal year end and with
the source under the plot.
"""

from __future__ import annotations

from ...errors import ResearchKitError
from .metrics import METRICS

__all__ = ["peer_bar_chart", "growth_margin_scatter"]

TARGET_COLOR = "#d95f02"
PEER_COLOR = "#7f9cb8"
SOURCE_NOTE = ("Source: SEC EDGAR XBRL company facts (10-K filings); latest fiscal year of "
               "each company")


def _wide(facts, names):
    frame = facts[facts["metric"].isin(names)]
    if frame.empty:
        raise ResearchKitError(f"no {' / '.join(names)} values to chart",
                               suggestion="check that the companies file XBRL financials")
    return frame.pivot_table(index=["cik", "company", "role", "fiscal_year", "period_end"],
                             columns="metric", values="value", aggfunc="first").reset_index()


def _label(row) -> str:
    end = str(row["period_end"] or "")[:10]
    return f"{row['company']}\nFY{row['fiscal_year']}" + (f", ends {end}" if end else "")


def _format(value: float, unit: str) -> str:
    if unit == "USD":
        return f"${value / 1e9:,.1f}B" if abs(value) >= 1e9 else f"${value / 1e6:,.1f}M"
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    return f"{value:,.0f}"


def peer_bar_chart(facts, metric: str = "revenue"):
    """Horizontal bars of one metric, largest on top, the target in orange."""
    from ...display import notebook_figure

    if metric not in METRICS:
        raise ResearchKitError(f"unknown metric {metric!r}",
                               suggestion="one of: " + ", ".join(METRICS))
    unit, label = METRICS[metric][2], METRICS[metric][3]
    data = _wide(facts, [metric]).sort_values(metric, ascending=True, kind="stable")
    fig = notebook_figure(figsize=(7.5, 0.6 * len(data) + 1.6), layout="constrained")
    ax = fig.add_subplot()
    colors = [TARGET_COLOR if r == "target" else PEER_COLOR for r in data["role"]]
    bars = ax.barh([_label(r) for _, r in data.iterrows()], data[metric], color=colors)
    for bar, value in zip(bars, data[metric]):
        ax.annotate(_format(value, unit), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                    xytext=(4 if value >= 0 else -4, 0), textcoords="offset points",
                    ha="left" if value >= 0 else "right", va="center", fontsize=8)
    for tick, role in zip(ax.get_yticklabels(), data["role"]):
        if role == "target":
            tick.set_fontweight("bold")
            tick.set_color(TARGET_COLOR)
    ax.set_title(f"{label}, latest fiscal year", loc="left")
    ax.axvline(0, color="#444", linewidth=0.6)
    ax.xaxis.set_major_formatter(lambda v, _: _format(v, unit))
    ax.margins(x=0.18)
    ax.spines[["top", "right"]].set_visible(False)
    fig.text(0.01, 0.005, SOURCE_NOTE, fontsize=7, color="#555", ha="left", va="bottom")
    return fig


def growth_margin_scatter(facts, margin: str = "operating_margin"):
    """Revenue growth (x) against a margin (y); the target in orange, every point named."""
    from ...display import notebook_figure

    data = _wide(facts, ["revenue_growth", margin]).dropna(subset=["revenue_growth", margin])
    if data.empty:
        raise ResearchKitError("no company has both revenue growth and "
                               f"{METRICS[margin][3].lower()}",
                               suggestion="growth needs two fiscal years of revenue")
    fig = notebook_figure(figsize=(7, 5), layout="constrained")
    ax = fig.add_subplot()
    for _, row in data.iterrows():
        target = row["role"] == "target"
        ax.scatter(row["revenue_growth"], row[margin], s=90 if target else 50,
                   color=TARGET_COLOR if target else PEER_COLOR, edgecolor="#333", zorder=3)
        ax.annotate(f"{row['company']} (FY{row['fiscal_year']})",
                    (row["revenue_growth"], row[margin]), xytext=(6, 4),
                    textcoords="offset points", fontsize=8,
                    fontweight="bold" if target else "normal")
    ax.axhline(0, color="#999", linewidth=0.6)
    ax.axvline(0, color="#999", linewidth=0.6)
    ax.xaxis.set_major_formatter(lambda v, _: f"{v * 100:.0f}%")
    ax.yaxis.set_major_formatter(lambda v, _: f"{v * 100:.0f}%")
    ax.set_xlabel("Revenue growth, latest fiscal year vs the one before")
    ax.set_ylabel(METRICS[margin][3])
    ax.set_title(f"Growth vs {METRICS[margin][3].lower()}", loc="left")
    ax.margins(0.2)
    ax.spines[["top", "right"]].set_visible(False)
    fig.text(0.01, 0.005, SOURCE_NOTE, fontsize=7, color="#555", ha="left", va="bottom")
    return fig
