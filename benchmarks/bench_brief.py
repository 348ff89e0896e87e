"""How long rendering the one-page brief takes (goal: ≤ 1 s for a full brief).

Run: ``python benchmarks/bench_brief.py [--repeat N]``

* **cold**: a fresh Python process builds the sample model (matplotlib Figures, as a
  notebook would already have), then times ``import research_kit.brief.render`` +
  ``render_brief`` — fpdf2's import, font loading, rasterising the three charts, fitting,
  PDF and HTML. This is what ``research-kit brief`` pays.
* **warm**: the same call repeated in one process (median), as in a notebook session.

Cases: the full demo brief, the sparse one, an overfull one (trimming), and one with
CJK/Hangul names (loads the fallback fonts). Both paper sizes for the full brief.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "brief"))

COLD = r"""
import sys, time, json, tempfile
sys.path.insert(0, {root!r}); sys.path.insert(0, {tests!r})
t0 = time.perf_counter()
from research_kit.brief.render import render_brief
t1 = time.perf_counter()
from research_kit.brief.sample import sample_brief
model = sample_brief(True)  # the notebook's work (matplotlib Figures), not timed
t2 = time.perf_counter()
files = render_brief(model, tempfile.mkdtemp(), paper={paper!r})
t3 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "render": t3 - t2, "pages": files.pages}}))
"""


def cjk_brief():
    import dataclasses

    from research_kit.brief.model import Header, Item
    from research_kit.brief.sample import sample_brief

    base = sample_brief(True)
    return dataclasses.replace(
        base, header=Header(company="東京計測株式会社 (Tokyo Keisoku)", role="データエンジニア",
                            interviewers=("山田 太郎", "김민수", "Łukasz Żółć"),
                            fictional_demo=True),
        talking_points=base.talking_points + (Item("서울 and 大阪 offices; Zürich partner", 9),))


def cases():
    from brief_helpers import overfull_brief

    from research_kit.brief.sample import sample_brief

    return {
        ("full", "letter"): sample_brief(True),
        ("full", "a4"): sample_brief(True),
        ("sparse", "letter"): sample_brief(False),
        ("overfull", "letter"): overfull_brief(),
        ("cjk", "letter"): cjk_brief(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    results = {}

    for paper in ("letter", "a4"):
        runs = []
        for _ in range(3):
            code = COLD.format(root=str(ROOT), tests=str(ROOT / "tests" / "brief"), paper=paper)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        best = min(runs, key=lambda r: r["import"] + r["render"])
        results[f"cold full {paper}"] = best["import"] + best["render"]
        print(f"cold   full     {paper:6}  import {best['import']:.3f}s + render "
              f"{best['render']:.3f}s = {best['import'] + best['render']:.3f}s  "
              f"(best of 3, pages={best['pages']})")

    from research_kit.brief.render import render_brief

    for (name, paper), model in cases().items():
        times, files = [], None
        for _ in range(args.repeat):
            out = tempfile.mkdtemp()
            start = time.perf_counter()
            files = render_brief(model, out, paper=paper)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        results[f"warm {name} {paper}"] = median
        print(f"warm   {name:8} {paper:6}  median {median:.3f}s  min {min(times):.3f}s  "
              f"body {files.body_size}pt  trimmed {files.trimmed_items}  pages {files.pages}")

    worst = max(v for k, v in results.items() if "full" in k or "cjk" in k)
    print(f"\nworst full-brief render: {worst:.3f}s (goal ≤ 1 s): "
          f"{'OK' if worst <= 1.0 else 'TOO SLOW'}")
    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench_brief.json").write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
