"""Build the compact O*NET + BLS extract shipped in ``research_kit/data/onet/``.

Inputs are the public files (never committed to the project): an O*NET release folder
using the 2019 O*NET-SOC taxonomy (Occupation Data, Technology Skills …), an older release
folder (2010 taxonomy: Occupation Data, Task Statements, Skills …), loose table files such
as Alternate Titles, and a BLS OEWS national table. By default they are read from the
shared real-world fixtures::

    python benchmarks/tools/build_onet_extract.py            # ../shared/fixtures/onet
    python benchmarks/tools/build_onet_extract.py --fixtures DIR --out research_kit/data/onet

Tables the newer release lacks are carried onto 2019 codes through a crosswalk derived
from the two Occupation Data files (see research_kit/sources/onet/crosswalk.py); each row
names the file and release it came from. Output: gzip CSVs (reproducible bytes),
manifest.json and ATTRIBUTION.md (required by O*NET's CC BY 4.0 licence).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from research_kit.research.industry.title_index import write_title_index  # noqa: E402
from research_kit.sources.onet.data import bundled_onet  # noqa: E402
from research_kit.sources.onet.extract import build_extract, write_extract  # noqa: E402

ATTRIBUTION = """\
# Attribution for the bundled occupation data

## O*NET

This product includes information from the **O*NET database** (a release using the
O*NET-SOC 2019 taxonomy: Occupation Data, Technology Skills; and an earlier release using the
O*NET-SOC 2010 taxonomy: Alternate Titles, Task Statements, Skills) by the U.S. Department of
Labor, Employment and Training Administration (USDOL/ETA), https://www.onetcenter.org/database.html.
Used under the **CC BY 4.0** license, https://creativecommons.org/licenses/by/4.0/.
O*NET® is a trademark of USDOL/ETA.

research-kit has modified all or some of this information: it keeps selected columns, keeps
the top {top_tasks} task statements per occupation (Core tasks first), combines the Skills
importance and level scales into one row, and maps data from the 2010-taxonomy release onto
2019 O*NET-SOC codes with a crosswalk derived from the two releases' occupation titles (not
O*NET's official crosswalk). USDOL/ETA has not approved, endorsed, or tested these
modifications.

## BLS wages

Wage percentiles come from the U.S. Bureau of Labor Statistics, Occupational Employment and
Wage Statistics (OEWS), {survey} national estimates (https://www.bls.gov/oes/tables.htm).
BLS data are a work of the U.S. Government and in the public domain.

Built {built_at} by benchmarks/tools/build_onet_extract.py.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fixtures", type=Path, default=PROJECT.parent / "shared" / "fixtures"
                        / "onet", help="folder holding the O*NET and BLS input folders")
    parser.add_argument("--out", type=Path, default=PROJECT / "research_kit" / "data" / "onet")
    parser.add_argument("--top-tasks", type=int, default=12)
    parser.add_argument("--built-at", default=time.strftime("%Y-%m-%d"),
                        help="date recorded as retrieved_at in every row (default: today)")
    args = parser.parse_args(argv)
    src = args.fixtures
    start = time.perf_counter()
    data = build_extract(
        src / "onet_db_recent", older=[src / "onet_db_older_xlsx"],
        extra=[src / "onet_db_alt_titles"], wages=src / "bls_oews" / "national_M2023_dl.xlsx",
        top_tasks=args.top_tasks, primary_label="O*NET-SOC 2019 taxonomy release",
        older_label="O*NET-SOC 2010 taxonomy release, mapped to 2019 codes",
        retrieved_at=args.built_at)
    survey = data.wages["survey"].dropna().iloc[0] if len(data.wages) else "(none)"
    sizes = write_extract(data, args.out, ATTRIBUTION.format(
        top_tasks=args.top_tasks, survey=survey, built_at=args.built_at))
    # the title index travels with the extract it indexes (see title_index.py)
    write_title_index(bundled_onet(str(args.out)), args.out)
    print(f"built in {time.perf_counter() - start:.1f} s → {args.out}")
    for name, rows in data.manifest["rows"].items():
        print(f"  {name:<18} {rows:>7,} rows")
    print(f"  crosswalk: {data.manifest['crosswalk']}")
    print(f"  total size: {sum(sizes.values()) / 1024:,.0f} KiB "
          + ", ".join(f"{k} {v / 1024:,.0f}" for k, v in sizes.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
