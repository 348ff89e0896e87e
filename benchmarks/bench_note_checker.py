"""Accuracy and speed of the connection-note checker on the labelled table.

    python benchmarks/bench_note_checker.py [--set dev|holdout|all] [--show-errors]

tests/data/notes.csv holds real-world-style notes (our own wording) with the verdict and
problem codes a careful reader would give. "dev" rows were used to tune the phrase rules:
rows 1–38 were written with the checker; rows 39–54 were first written blind (the checker
then scored 81 % on their verdicts) and afterwards used for tuning. "holdout" rows (55–)
were written after the last change to the rules and must never be used to tune them: their
score is the honest estimate. Reports: verdict accuracy (ok / not ok), exact problem-set
accuracy, and per-code precision and recall.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

from research_kit.research.people.note_checker import check_note

TABLE = Path(__file__).resolve().parents[1] / "tests" / "data" / "notes.csv"


def load(which: str) -> list[dict]:
    with TABLE.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [r for r in rows if which == "all" or r["set"] == which]


def evaluate(rows: list[dict]) -> dict:
    verdict_ok = exact_ok = 0
    tp, fp, fn = Counter(), Counter(), Counter()
    errors = []
    for row in rows:
        expected = {c for c in row["expected_codes"].split(";") if c}
        got = set(check_note(row["note"], limit=int(row["limit"])).codes)
        verdict_ok += (not expected) == (not got)
        exact_ok += expected == got
        for code in got & expected:
            tp[code] += 1
        for code in got - expected:
            fp[code] += 1
        for code in expected - got:
            fn[code] += 1
        if expected != got:
            errors.append((row["id"], sorted(expected), sorted(got), row["note"]))
    return {"n": len(rows), "verdict": verdict_ok / max(len(rows), 1),
            "exact": exact_ok / max(len(rows), 1), "tp": tp, "fp": fp, "fn": fn,
            "errors": errors}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="all", choices=["dev", "holdout", "all"])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    sets = ["dev", "holdout", "all"] if args.set == "all" else [args.set]
    for which in sets:
        result = evaluate(load(which))
        print(f"[{which}] n={result['n']}  verdict accuracy={result['verdict']:.1%}  "
              f"exact problem set={result['exact']:.1%}")
        codes = sorted(set(result["tp"]) | set(result["fp"]) | set(result["fn"]))
        for code in codes:
            tp, fp, fn = result["tp"][code], result["fp"][code], result["fn"][code]
            p = tp / (tp + fp) if tp + fp else float("nan")
            r = tp / (tp + fn) if tp + fn else float("nan")
            print(f"    {code:<14} precision={p:.2f} recall={r:.2f}  (tp={tp} fp={fp} fn={fn})")
        if args.show_errors:
            for id_, exp, got, note in result["errors"]:
                print(f"    #{id_}: expected {exp} got {got}: {note[:90]}")
    rows = load("all")
    start = time.perf_counter()
    for _ in range(20):
        for row in rows:
            check_note(row["note"], limit=int(row["limit"]))
    per_note = (time.perf_counter() - start) / (20 * len(rows))
    print(f"speed: {per_note * 1e6:.0f} µs per note ({len(rows)} notes x 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
