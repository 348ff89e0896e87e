"""Fuzz every parser's public entry point with mutations of the real fixtures.

    python benchmarks/fuzz_parsers.py                      # 2,000 cases per parser
    python benchmarks/fuzz_parsers.py --cases 200 --parser job --parser feed
    python benchmarks/fuzz_parsers.py --show 5             # print 5 untyped cases per parser

Each case is a fixture file (../shared/fixtures, plus tests/data/profiles) put through 1-4
mutations — bit flips, truncation, swapped and duplicated chunks, deep nesting, invalid
UTF-8, control characters, zeroed runs, inserted tokens, a token repeated thousands of
times (tests/fuzz_support.py) — then handed to the entry point (load_profile,
load_job_posting, research_site for files, split_10k, read_annual_report_pdf, parse_feed).
Cases are reproducible: case i of a parser uses seed i.

Reported per parser: parsed, typed errors (ResearchKitError), **untyped** (anything else:
a bug), **over 10 s**, the slowest case, and the peak memory (max RSS) of the worker
process. Workers run the cases in a child process each: a case that hangs is killed after
--hang seconds and counted as over 10 s.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))

SLOW = 10.0


def _worker(parser: str, first: int, last: int, max_seed_bytes: int, out) -> None:
    from fuzz_support import PARSERS, mutated, run_case

    _, target = PARSERS[parser]
    seeds = target.seed_files(max_seed_bytes)
    contents = [p.read_bytes() for p in seeds]
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(first, last):
            data, kinds = mutated(contents[i % len(seeds)], seed=i)
            out.send(("start", i))
            outcome = run_case(parser, seeds[i % len(seeds)], data, kinds, Path(tmp))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            out.send(("done", i, outcome.__dict__, rss))
    out.send(("end",))


def fuzz(parser: str, cases: int, max_seed_bytes: int, hang: float) -> dict:
    ctx = mp.get_context("fork")
    results: list[dict] = []
    peak_mb = 0.0
    hung: list[int] = []
    next_case = 0
    while next_case < cases:
        receive, send = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_worker, args=(parser, next_case, cases, max_seed_bytes, send))
        proc.start()
        send.close()
        current = None
        while True:
            if not receive.poll(hang):
                # the case in flight hangs: kill the worker, count it, go on after it
                proc.kill()
                proc.join()
                hung.append(current if current is not None else next_case)
                next_case = (current if current is not None else next_case) + 1
                break
            try:
                message = receive.recv()
            except EOFError:  # the worker died (e.g. a crash in C code)
                proc.join()
                failed = current if current is not None else next_case
                results.append({"parser": parser, "seed": "?", "mutations": [],
                                "result": "untyped", "error": f"worker died (exit {proc.exitcode})",
                                "seconds": 0.0, "case": failed})
                next_case = failed + 1
                break
            if message[0] == "start":
                current = message[1]
            elif message[0] == "done":
                _, i, outcome, rss = message
                outcome["case"] = i
                results.append(outcome)
                peak_mb = max(peak_mb, rss)
                current = None
                next_case = i + 1
            else:
                proc.join()
                next_case = cases
                break
    counts = Counter(r["result"] for r in results)
    slow = [r for r in results if r["seconds"] > SLOW]
    return {"parser": parser, "cases": cases, "parsed": counts["parsed"], "typed": counts["typed"],
            "untyped": [r for r in results if r["result"] == "untyped"],
            "over_10s": len(slow) + len(hung), "hung": hung,
            "slowest": max((r["seconds"] for r in results), default=0.0), "peak_mb": peak_mb,
            "slow_cases": slow,
            "slowest_cases": sorted(results, key=lambda r: -r["seconds"])[:5]}


def main() -> None:
    from fuzz_support import PARSERS

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=2000)
    ap.add_argument("--parser", action="append", choices=sorted(PARSERS))
    ap.add_argument("--max-seed-bytes", type=int, default=4_000_000)
    ap.add_argument("--hang", type=float, default=60.0, help="kill a case after this long")
    ap.add_argument("--show", type=int, default=3, help="untyped cases printed per parser")
    ap.add_argument("--json", help="write the counts and notable cases to this file")
    ap.add_argument("--slowest", action="store_true", help="print the 5 slowest cases per parser")
    args = ap.parse_args()
    rows = []
    started = time.perf_counter()
    for parser in args.parser or list(PARSERS):
        if not PARSERS[parser][1].seed_files(args.max_seed_bytes):
            print(f"{parser:<14} no fixtures found (set RESEARCH_KIT_FIXTURES)")
            continue
        t0 = time.perf_counter()
        row = fuzz(parser, args.cases, args.max_seed_bytes, args.hang)
        row["wall"] = time.perf_counter() - t0
        rows.append(row)
        print(f"{parser:<14} {row['cases']:>6} cases  parsed {row['parsed']:>5}  typed "
              f"{row['typed']:>5}  UNTYPED {len(row['untyped']):>4}  over 10 s {row['over_10s']:>3}  "
              f"slowest {row['slowest']:6.2f} s  peak {row['peak_mb']:6.0f} MB  "
              f"({row['wall']:.0f} s)", flush=True)
        kinds = Counter(r["error"].split(":")[0] for r in row["untyped"])
        for kind, n in kinds.most_common():
            print(f"    {n:>4} × {kind}")
        for r in row["untyped"][:args.show]:
            print(f"      case {r['case']} seed {r['seed']} {r['mutations']}: {r['error'][:160]}")
        for r in row["slow_cases"][:args.show]:
            print(f"      slow case {r['case']} seed {r['seed']} {r['mutations']}: {r['seconds']:.1f} s")
        if args.slowest:
            for r in row["slowest_cases"]:
                print(f"      slowest: case {r['case']} {r['seed']} {r['mutations']} "
                      f"{r['seconds']:.2f} s ({r['result']})")
        if row["hung"]:
            print(f"      hung cases: {row['hung'][:10]}")
    total_untyped = sum(len(r["untyped"]) for r in rows)
    total_slow = sum(r["over_10s"] for r in rows)
    if not rows:
        return
    print(f"\ntotal: {sum(r['cases'] for r in rows)} cases, {total_untyped} untyped, "
          f"{total_slow} over 10 s, peak {max(r['peak_mb'] for r in rows):.0f} MB, "
          f"{time.perf_counter() - started:.0f} s")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=str))


if __name__ == "__main__":
    main()
