"""Speed and accuracy of the industry layer: occupations, O*NET/BLS loading, news feeds.

* occupation matching: top-1 / top-5 accuracy on tests/data/occupations.csv (real job titles
  with expected 2019 O*NET-SOC codes) and time per title;
* the bundled extract: cold load time; ``occupation_panel`` time once loaded;
* the public files: time to read each O*NET/BLS fixture file (txt vs xlsx);
* news: parse time of each of the 13 real feed fixtures, and the merged table;
* peers: the comparison of NVIDIA, Apple and Marvell from their company facts (already
  loaded: the EDGAR layer's tidy financials, then our per-value facts and wide table).

Usage: ``python benchmarks/bench_industry.py [--fixtures ../shared/fixtures]``. Fixture
parts are skipped when the folder is absent.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))


def timed(func, *args, repeat: int = 1, **kw):
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(*args, **kw)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_occupations() -> None:
    import pandas as pd

    from research_kit.research.industry.occupation import match_occupation, occupation_panel
    from research_kit.sources.onet.data import bundled_onet

    load, data = timed(bundled_onet.__wrapped__)
    print(f"bundled O*NET extract, cold load: {load * 1000:.0f} ms")
    first, _ = timed(match_occupation, "Software Engineer", data=data)
    print(f"first match (builds the title index): {first * 1000:.0f} ms")
    titles = pd.read_csv(PROJECT / "tests" / "data" / "occupations.csv", dtype=str)
    top1 = top5 = 0
    times = []
    for row in titles.itertuples():
        t, m = timed(match_occupation, row.title, data=data)
        times.append(t)
        codes = list(m["soc_code"])
        top1 += codes[:1] == [row.expected_soc]
        top5 += row.expected_soc in codes
    n = len(titles)
    print(f"occupation matching: top-1 {top1}/{n} ({top1 / n:.1%}), top-5 {top5}/{n} "
          f"({top5 / n:.1%}); median {statistics.median(times) * 1000:.1f} ms/title, "
          f"max {max(times) * 1000:.1f} ms")
    t, _ = timed(occupation_panel, "Senior Data Engineer, Sensor Analytics Platform",
                 data=data, repeat=5)
    print(f"occupation_panel (title → full profile): {t * 1000:.1f} ms")


def bench_files(fixtures: Path) -> None:
    from research_kit.sources.onet import load_oews_national, read_onet_file

    onet = fixtures / "onet"
    if not onet.is_dir():
        print(f"(no O*NET fixtures under {onet}: skipped)")
        return
    for path in sorted(onet.glob("onet_db_*/*")):
        t, frame = timed(read_onet_file, path)
        print(f"  read {path.parent.name}/{path.name}: {len(frame):>6,} rows in {t:.2f} s")
    for path in sorted(onet.glob("bls_oews/*.xlsx")):
        t, frame = timed(load_oews_national, path)
        print(f"  read bls_oews/{path.name}: {len(frame):>6,} rows in {t:.2f} s")


def bench_news(fixtures: Path) -> None:
    from research_kit.sources.news import merge_news, parse_feed

    news = fixtures / "news"
    if not news.is_dir():
        print(f"(no news fixtures under {news}: skipped)")
        return
    tables, total = [], 0.0
    for path in sorted(p for p in news.iterdir() if p.suffix != ".tsv"):
        t, feed = timed(parse_feed, path.read_bytes(), repeat=3)
        total += t
        tables.append(feed)
        undated = int(feed["date"].isna().sum())
        print(f"  {path.name:<32} {len(feed):>3} items {t * 1000:6.1f} ms"
              + (f"  ({undated} undated)" if undated else ""))
    t, merged = timed(merge_news, *tables, limit=None)
    items = sum(len(f) for f in tables)
    print(f"news: {len(tables)} feeds, {items} items parsed in {total * 1000:.0f} ms; merged to "
          f"{len(merged)} stories in {t * 1000:.1f} ms")


def bench_peers(fixtures: Path) -> None:
    import json

    import pandas as pd

    from research_kit.research.industry.peers import peer_facts, peer_table

    facts_dir = fixtures / "edgar" / "companyfacts"
    if not facts_dir.is_dir():
        print(f"(no EDGAR company facts under {facts_dir}: skipped)")
        return
    from research_kit.sources.edgar.financials import annual_financials_from_facts

    ciks = {"0001045810": "target", "0000320193": "competitor", "0001835632": "competitor"}
    docs = {cik: json.loads((facts_dir / f"CIK{cik}.json").read_bytes()) for cik in ciks}
    t_fin, fins = timed(lambda: {c: annual_financials_from_facts(d) for c, d in docs.items()})
    companies = pd.DataFrame({"cik": list(ciks), "role": list(ciks.values())})
    t_cmp, facts = timed(peer_facts, companies, fins, repeat=5)
    t_tab, table = timed(peer_table, facts, repeat=5)
    print(f"peers: tidy financials of 3 companies {t_fin * 1000:.0f} ms; per-value facts "
          f"{t_cmp * 1000:.1f} ms ({len(facts)} rows); wide table {t_tab * 1000:.1f} ms")
    for row in table.to_dict("records"):
        print(f"  {row['company']:<26} FY{row['fiscal_year']} (ends {row['fiscal_year_end']}): "
              f"revenue ${row['revenue'] / 1e6:,.0f}M, growth {row['revenue_growth']:.1%}, "
              f"op. margin {row['operating_margin']:.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", type=Path, default=PROJECT.parent / "shared" / "fixtures")
    args = parser.parse_args(argv)
    bench_occupations()
    print("O*NET / BLS public files:")
    bench_files(args.fixtures)
    print("News feeds:")
    bench_news(args.fixtures)
    bench_peers(args.fixtures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
