"""A sample brief for the fictional demo company (docs/demo-company.md).

:func:`sample_brief` builds a :class:`~research_kit.brief.model.BriefModel` by hand, the way
the research layer will build one from findings: every item ranked and cited. It is the
reference for wiring real findings in, for tests, and for ``benchmarks/bench_brief.py``.
Every figure and name below comes from docs/demo-company.md; nothing here is real.
"""

from __future__ import annotations

from ..provenance import Source
from .charts import small_figure
from .model import (
    BriefModel,
    Chart,
    Competitor,
    Header,
    Item,
    KeyFigure,
    Note,
    Requirement,
    Snapshot,
    Swot,
)

__all__ = ["sample_brief", "sample_charts"]

_TEN_K = "https://www.sec.gov/Archives/edgar/data/9999901/000999990126000004/bwtr-20251231.htm"
_SITE = "https://www.brightwater-instruments.example"
_RETRIEVED = "2026-02-24T15:02:11+00:00"


def _sources() -> dict[str, Source]:
    ten_k = Source(_TEN_K, _RETRIEVED, from_cache=True, status=200,
                   title="Brightwater 10-K FY2025")
    facts = Source("https://data.sec.gov/api/xbrl/companyfacts/CIK0009999901.json", _RETRIEVED,
                   from_cache=True, status=200, title="SEC XBRL company facts, Brightwater")
    job = Source("https://boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345",
                 "2026-02-24T15:01:40+00:00", status=200, title="Job posting (Greenhouse)")
    news = Source(f"{_SITE}/newsroom/feed.xml", "2026-02-24T15:03:02+00:00", status=200,
                  title="Brightwater newsroom feed")
    return {
        "about": Source(f"{_SITE}/about", "2026-02-24T15:02:50+00:00", status=200,
                        title="Brightwater website", section="About"),
        "item1": ten_k.at("Item 1. Business"),
        "competition": ten_k.at("Item 1. Business, Competition"),
        "facts": facts,
        "clearline": Source("https://data.sec.gov/api/xbrl/companyfacts/CIK0009999902.json",
                            _RETRIEVED, title="SEC XBRL company facts, Clearline Analytics"),
        "harbor": Source("https://data.sec.gov/api/xbrl/companyfacts/CIK0009999903.json",
                         _RETRIEVED, title="SEC XBRL company facts, Harbor Sensing"),
        "required": job.at("Requirements"),
        "preferred": job.at("Preferred"),
        "job": job,
        "results": news.at("2026-02-19 Fourth Quarter and Full Year 2025 Results"),
        "rotterdam": news.at("2025-09-08 European Service Center in Rotterdam"),
        "dana": Source("notes/dana-okafor-profile.pdf", "2026-02-23T19:12:00+00:00",
                       title="Dana Okafor profile (PDF export)"),
        "miguel": Source("notes/interviewers.md", "2026-02-23T19:20:00+00:00",
                         title="My notes on Miguel Santos"),
        "me": Source("notes/alex-rivera-profile.pdf", "2026-02-20T08:00:00+00:00",
                     title="My profile (PDF export)"),
    }


def sample_charts(sources: dict[str, Source] | None = None) -> list[Chart]:
    """Three small charts from the demo company's figures (matplotlib Figures)."""
    s = sources or _sources()
    years = ["FY21", "FY22", "FY23", "FY24", "FY25"]
    revenue = [298.4, 341.7, 389.2, 436.9, 497.3]
    operating = [27.5, 35.8, 44.3, 53.9, 65.2]

    fig, ax = small_figure()
    bars = ax.bar(years, revenue, color="#1f4e79", width=0.62)
    bars[-1].set_color("#2a7ab0")
    ax.set_ylabel("$ millions", fontsize=6)
    ax.set_ylim(0, 560)
    for bar, value in zip(bars, revenue):
        ax.text(bar.get_x() + bar.get_width() / 2, value + 10, f"{value:.0f}",
                ha="center", fontsize=5.5, color="#333333")
    revenue_chart = Chart("Revenue, $M", fig, rank=1, sources=s["facts"],
                          alt="Revenue grew from $298.4M in FY2021 to $497.3M in FY2025.")

    fig, ax = small_figure()
    margin = [100 * o / r for o, r in zip(operating, revenue)]
    ax.plot(years, margin, marker="o", markersize=2.5, linewidth=1.2, color="#1f4e79")
    ax.set_ylim(8, 15)
    ax.set_ylabel("% of revenue", fontsize=6)
    for x, value in zip(years, margin):
        ax.annotate(f"{value:.1f}", (x, value), textcoords="offset points", xytext=(0, 3),
                    ha="center", fontsize=5.5, color="#333333")
    margin_chart = Chart("Operating margin, %", fig, rank=2, sources=s["facts"],
                         alt="Operating margin rose from 9.2% in FY2021 to 13.1% in FY2025.")

    fig, ax = small_figure()
    names = ["Harbor\nSensing", "Bright-\nwater", "Clearline"]
    values = [268.9, 497.3, 612.0]
    bars = ax.barh(names, values, color=["#8aa1b8", "#2a7ab0", "#8aa1b8"], height=0.6)
    ax.set_xlim(0, 720)
    ax.set_xlabel("FY2025 revenue, $M (fiscal years differ)", fontsize=5.5)
    for bar, value in zip(bars, values):
        ax.text(value + 8, bar.get_y() + bar.get_height() / 2, f"{value:.0f}", va="center",
                fontsize=5.5, color="#333333")
    peers_chart = Chart("Revenue vs competitors", fig, rank=3,
                        sources=(s["facts"], s["clearline"], s["harbor"]),
                        alt="FY2025 revenue: Clearline $612.0M, Brightwater $497.3M, "
                            "Harbor Sensing $268.9M.")
    return [revenue_chart, margin_chart, peers_chart]


def sample_brief(full: bool = True, *, date: str = "2026-03-03",
                 charts: bool = True) -> BriefModel:
    """The demo company's brief: ``full=True`` fills every section, ``full=False`` is a
    sparse workspace (only the posting), where most sections print their "not found" line.
    """
    s = _sources()
    header = Header(
        company="Brightwater Instruments, Inc.",
        role="Senior Data Engineer, Sensor Analytics Platform",
        location="Portland, OR (hybrid)",
        date=date,
        interviewers=("Dana Okafor, VP Engineering",
                      "Miguel Santos, Senior Manager, Data Engineering"),
        candidate="Alex Rivera",
        fictional_demo=True,
    )
    requirements = [
        Requirement("5+ years building production data pipelines in Python and SQL",
                    "Python and SQL pipelines at Northstar Logistics (2017–2021) and Cascadia "
                    "Grid Analytics (2021–now)", "met", 1, (s["required"], s["me"])),
        Requirement("Cloud data warehouses (Snowflake, BigQuery or Redshift)",
                    "Snowflake; no BigQuery or Redshift yet", "met", 2, (s["required"], s["me"])),
        Requirement("Apache Spark or similar", "Apache Spark at Cascadia Grid Analytics", "met",
                    3, (s["required"], s["me"])),
        Requirement("Streaming data (Kafka or Kinesis) for time-series / IoT data",
                    "Kafka; no Kinesis and no industrial IoT data yet", "partial", 4,
                    (s["required"], s["me"])),
        Requirement("BS in Computer Science, Engineering or a related field",
                    "B.S. Computer Science, Oregon State University (2017)", "met", 5,
                    (s["required"], s["me"])),
    ]
    if not full:
        return BriefModel(
            header=header, requirements=requirements[:3],
            talking_points=[Item("The posting lists 5+ years of Python and SQL pipelines first: "
                                 "lead with the Northstar Logistics and Cascadia Grid Analytics "
                                 "pipelines.", 1, (s["required"], s["me"]))],
            not_found={"snapshot": "No annual report or About page found for this company."},
        )

    requirements += [
        Requirement("Communicating with non-technical stakeholders", "", "gap", 6, s["required"]),
        Requirement("Preferred: Airflow or dbt", "Airflow and dbt", "met", 7,
                    (s["preferred"], s["me"])),
        Requirement("Preferred: industrial IoT / sensor data", "", "gap", 8, s["preferred"]),
        Requirement("Preferred: an AWS certification",
                    "AWS Certified Data Engineer – Associate", "met", 9,
                    (s["preferred"], s["me"])),
        Requirement("Preferred: mentoring engineers", "Mentor with Code for PDX", "met", 10,
                    (s["preferred"], s["me"])),
    ]
    snapshot = Snapshot(
        summary=Item("Brightwater makes water-quality sensors (AquaSense probes), runs the "
                     "HydroView analytics cloud and provides field service for utilities and "
                     "food & beverage plants. Founded 2009, headquartered in Portland, OR, "
                     "with a European service center in Rotterdam (opened 2025) and APAC sales "
                     "in Singapore. Nasdaq: BWTR.", sources=(s["about"], s["item1"])),
        figures=(
            KeyFigure("Revenue FY2025", "$497.3M", "+13.8%", 1, s["facts"]),
            KeyFigure("Operating income FY2025", "$65.2M", "13.1% margin", 2, s["facts"]),
            KeyFigure("Employees (Dec 31, 2025)", "1,240", "", 3, s["item1"]),
            KeyFigure("R&D FY2025", "$68.9M", "13.9% of rev.", 4, s["facts"]),
            KeyFigure("Net income FY2025", "$47.1M", "", 5, s["facts"]),
            KeyFigure("Cash, Dec 31, 2025", "$142.3M", "", 6, s["facts"]),
        ),
    )
    talking_points = [
        Item("While reading the FY2025 10-K I saw revenue grow 13.8% to $497.3M and operating "
             "income reach $65.2M; HydroView is the data side of that growth.", 1,
             (s["facts"], s["item1"])),
        Item("While researching the competition I learned that Clearline Analytics is larger "
             "(FY2025 revenue $612.0M) and Harbor Sensing smaller ($268.9M); Brightwater spends "
             "13.9% of revenue on R&D.", 2, (s["clearline"], s["harbor"], s["facts"])),
        Item("The Rotterdam European Service Center opened in September 2025: more sensor data "
             "from European customers is coming into the platform.", 3, s["rotterdam"]),
        Item("Why me: Kafka and Spark pipelines at Cascadia Grid Analytics match the streaming "
             "requirement; Airflow and dbt cover the preferred tooling.", 4,
             (s["required"], s["me"])),
        Item("Why me: AWS Certified Data Engineer – Associate, and I mentor with Code for PDX, "
             "as the posting's preferred list asks.", 5, (s["preferred"], s["me"])),
        Item("AquaSense probes serve both utilities and food & beverage plants: two kinds of "
             "customers, two kinds of time series.", 6, s["about"]),
    ]
    questions = [
        Item("How will HydroView handle data from the new Rotterdam service center's "
             "European customers?", 1, s["rotterdam"]),
        Item("Which AquaSense streams reach the analytics cloud in real time today, and which "
             "still arrive in batches?", 2, s["about"]),
        Item("The FY2025 results grew revenue 13.8%: which data products should carry the "
             "next year?", 3, s["results"]),
        Item("What does success look like after 90 days for the Senior Data Engineer?", 4,
             s["job"]),
        Item("How do the needs of food & beverage customers differ from those of utilities "
             "in the data you collect?", 5, s["about"]),
    ]
    competitors = [
        Competitor("Clearline Analytics Corp", "Larger; fiscal year ends Sep 30; operating "
                   "income $71.8M, R&D $80.1M", "FY2025 revenue $612.0M", 1,
                   (s["competition"], s["clearline"])),
        Competitor("Harbor Sensing Technologies, Inc.", "Smaller; fiscal year ends Jun 30; "
                   "R&D $30.2M", "FY2025 revenue $268.9M", 2, (s["competition"], s["harbor"])),
        Competitor("Tidewater Metrics GmbH", "Private, no SEC filings; named in the 10-K's "
                   "Competition section", "", 3, s["competition"]),
    ]
    commonalities = [
        Item("Dana Okafor and I both studied at Oregon State University (her B.S. Electrical "
             "Engineering, my B.S. Computer Science).", 1, (s["dana"], s["me"])),
        Item("Dana Okafor and I both volunteer as mentors with Code for PDX.", 2,
             (s["dana"], s["me"])),
        Item("Miguel Santos previously worked at Northstar Logistics, my employer 2017–2021.",
             3, (s["miguel"], s["me"])),
        Item("Miguel Santos spoke at PyData Portland 2025 on streaming sensor data: ask him "
             "about it.", 4, s["miguel"]),
    ]
    swot = Swot(
        strengths=(
            Item("Kafka, Spark, Airflow, dbt, Snowflake: the posting's stack", 1,
                 (s["required"], s["me"])),
            Item("AWS Certified Data Engineer – Associate", 2, s["me"]),
            Item("Mentoring (Code for PDX)", 3, s["me"]),
        ),
        weaknesses=(
            Item("No Kinesis yet: Kafka covers the same streaming pattern", 1, s["me"]),
            Item("No BigQuery or Redshift: Snowflake skills transfer", 2, s["me"]),
            Item("No industrial IoT: read up on AquaSense probes", 3, (s["me"], s["about"])),
        ),
        opportunities=(
            Item("Growth: revenue +13.8% and a new Rotterdam center", 1,
                 (s["facts"], s["rotterdam"])),
            Item("Shared school, employer and volunteering with both interviewers", 2,
                 (s["dana"], s["miguel"])),
        ),
        threats=(
            Item("Candidates with industrial IoT / sensor backgrounds (preferred)", 1,
                 s["preferred"]),
            Item("No stakeholder-communication story yet: prepare one", 2, s["required"]),
        ),
    )
    notes = [
        Note("**My angle:** lead with streaming (Kafka at Cascadia Grid Analytics), then "
             "*HydroView*.\n- Ask Miguel about his PyData Portland talk\n"
             "- Posted range: USD 142,000–176,000", 40, s["job"]),
    ]
    return BriefModel(
        header=header, snapshot=snapshot, charts=sample_charts(s) if charts else (),
        requirements=requirements, talking_points=talking_points, questions=questions,
        competitors=competitors, commonalities=commonalities, swot=swot, notes=notes,
    )


def main(argv: list[str] | None = None) -> int:
    """``python -m research_kit.brief.sample [OUT_DIR] [--paper a4] [--sparse]``"""
    import argparse

    from .render import render_brief

    parser = argparse.ArgumentParser(description="Render the demo company's sample brief.")
    parser.add_argument("out_dir", nargs="?", default="brief-sample")
    parser.add_argument("--paper", default="letter", choices=["letter", "a4"])
    parser.add_argument("--sparse", action="store_true", help="only the job posting")
    args = parser.parse_args(argv)
    print(render_brief(sample_brief(not args.sparse), args.out_dir, paper=args.paper))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
