"""Chart of revenue and net income over the years, with a caption that says where it came from."""

from __future__ import annotations

import textwrap

__all__ = ["financials_chart"]

_CAPTION_CHARS = 165  # 6.5 pt DejaVu Sans across the 7.5 in figure


def _scale(values) -> tuple[float, str]:
    biggest = max((abs(v) for v in values), default=0)
    if biggest >= 1e9:
        return 1e9, "$ billions"
    return 1e6, "$ millions"


def financials_chart(fin_or_query, *, years: int = 10, gateway=None):
    """A matplotlib Figure: revenue (bars) and net income (line) for the last ``years``
    fiscal years, from :func:`~research_kit.sources.edgar.financials.annual_financials`
    (pass its DataFrame, or a ticker/name/CIK to fetch it)."""
    import pandas as pd

    from ...display import notebook_figure

    if isinstance(fin_or_query, pd.DataFrame):
        fin = fin_or_query
    else:
        from .financials import annual_financials

        fin = annual_financials(fin_or_query, gateway=gateway)
    figure = notebook_figure(figsize=(7.5, 4.2), dpi=100)
    axes = figure.add_subplot(1, 1, 1)
    wanted = fin[fin["metric"].isin(["revenue", "net_income"])] if len(fin) else fin
    if wanted is None or len(wanted) == 0:
        axes.axis("off")
        axes.text(0.5, 0.5, "No annual revenue or net income is tagged in SEC's XBRL data",
                  ha="center", va="center", fontsize=10)
        return figure
    wide = wanted.pivot_table(index="fiscal_year", columns="metric", values="value",
                              aggfunc="last").sort_index().tail(years)
    divisor, unit = _scale(wide.stack().tolist())
    labels = [f"FY{int(y)}" for y in wide.index]
    positions = list(range(len(labels)))
    if "revenue" in wide.columns:
        axes.bar(positions, (wide["revenue"] / divisor).tolist(), color="#4C72B0",
                 label="Revenue")
    if "net_income" in wide.columns:
        axes.plot(positions, (wide["net_income"] / divisor).tolist(), color="#DD8452",
                  marker="o", linewidth=2, label="Net income")
    axes.axhline(0, color="#888888", linewidth=0.6)
    axes.set_xticks(positions, labels, rotation=45 if len(labels) > 6 else 0, fontsize=8)
    axes.set_ylabel(unit)
    company = str(fin["company"].iloc[0])
    axes.set_title(f"{company}: revenue and net income, {labels[0]}–{labels[-1]}", fontsize=11)
    axes.legend(loc="upper left", fontsize=8, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    concepts = sorted({c.split(":", 1)[-1] for c in wanted["concept"].dropna()})
    url = str(fin["source_url"].iloc[0]) if "source_url" in fin.columns else ""
    retrieved = str(fin["retrieved_at"].iloc[0])[:10] if "retrieved_at" in fin.columns else ""
    caption = (f"Source: SEC EDGAR XBRL company facts, CIK {int(fin['cik'].iloc[0])} "
               f"(10-K values as filed; latest filing per year). Concepts: {', '.join(concepts)}."
               f"\n{url}" + (f" — retrieved {retrieved}" if retrieved else ""))
    # wrapped here: matplotlib's own wrap=True measures the text word by word on every
    # draw, which made the caption half of the chart's drawing time
    lines = [line for part in caption.split("\n")
             for line in (textwrap.wrap(part, width=_CAPTION_CHARS) or [""])]
    figure.text(0.01, 0.01, "\n".join(lines), fontsize=6.5, color="#444444", ha="left",
                va="bottom")
    figure.subplots_adjust(bottom=0.30 if len(labels) > 6 else 0.24, top=0.9)
    return figure
