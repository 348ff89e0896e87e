"""Do two labellers agree? The evidence labels of holdout4 and holdout5 given again, blind.

A second labeller saw only the 200 pairs (posting, requirement, profile) in shuffled order,
the verdict rules of ``data/LABELS_evidence.md`` (without the holdout sections, which name
the first labels' near-misses) and the profiles' text; never the first labels, the matcher
or its benchmarks. Their labels are ``data/evidence_labels_second.jsonl``.

Reported: agreement and Cohen's kappa between the labellers, "met" precision/recall of each
against the other, and the matcher against either labeller and against the pairs both
agree on. Only totals are printed: holdout5 stays a set whose pairs are never listed.

    python benchmarks/bench_label_agreement.py
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_evidence import LABELS_HOLDOUT4, LABELS_HOLDOUT5, ROOT, Profiles, judge  # noqa: E402

SECOND = ROOT / "benchmarks" / "data" / "evidence_labels_second.jsonl"
VERDICTS = ("met", "partly", "not_met", "unknown")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _key(row: dict) -> tuple[str, str, str]:
    return row["posting_file"], row["requirement"], row["profile_file"]


def met_scores(gold: dict, pred: dict, keys: list) -> str:
    tp = sum(gold[k] == "met" and pred[k] == "met" for k in keys)
    said = sum(pred[k] == "met" for k in keys)
    true = sum(gold[k] == "met" for k in keys)
    same = sum(gold[k] == pred[k] for k in keys)
    return (f"met precision {tp / max(said, 1):.2f} ({tp}/{said}), recall "
            f"{tp / max(true, 1):.2f} ({tp}/{true}), same verdict {same / len(keys):.2f}")


def kappa(a: dict, b: dict, keys: list) -> float:
    n = len(keys)
    observed = sum(a[k] == b[k] for k in keys) / n
    ca, cb = Counter(a[k] for k in keys), Counter(b[k] for k in keys)
    expected = sum(ca[v] * cb[v] for v in VERDICTS) / (n * n)
    return (observed - expected) / (1 - expected)


def main() -> int:
    fixtures = Path(os.environ.get("RESEARCH_KIT_FIXTURES") or ROOT.parent / "shared" / "fixtures")
    if not SECOND.exists() or not fixtures.exists():
        print("needs benchmarks/data/evidence_labels_second.jsonl and the fixtures")
        return 2
    second = {_key(r): r for r in _rows(SECOND)}
    first = {name: {_key(r): r for r in _rows(path)}
             for name, path in (("holdout4", LABELS_HOLDOUT4), ("holdout5", LABELS_HOLDOUT5))}
    profiles = Profiles(fixtures)
    one, two, matcher, sure = {}, {}, {}, set()
    for rows in first.values():
        for key, row in rows.items():
            one[key], two[key] = row["verdict"], second[key]["verdict"]
            matcher[key] = judge(row, profiles.get(row["profile_file"])[0])["verdict"]
            if second[key].get("confidence") == "high":
                sure.add(key)
    for name, rows in (*first.items(), ("both", {k: 0 for r in first.values() for k in r})):
        keys = list(rows)
        agreed = [k for k in keys if one[k] == two[k]]
        print(f"== {name}: {len(keys)} pairs")
        print(f"  second labeller vs first:   {met_scores(one, two, keys)}, "
              f"kappa {kappa(one, two, keys):.2f}")
        print(f"  matcher vs first labeller:  {met_scores(one, matcher, keys)}")
        print(f"  matcher vs second labeller: {met_scores(two, matcher, keys)}")
        print(f"  matcher on the {len(agreed)} pairs both agree on: "
              f"{met_scores(one, matcher, agreed)}")
        confident = [k for k in agreed if k in sure]
        print(f"  … of which the second labeller was sure ({len(confident)}): "
              f"{met_scores(one, matcher, confident)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
