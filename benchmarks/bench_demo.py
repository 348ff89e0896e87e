"""How long `research-kit demo` takes, against the floor of executing a notebook at all.

Floor: a fresh process that executes (with the same runner) a one-cell notebook doing
``import pandas, matplotlib.pyplot`` — what any notebook-based tool pays before it does
anything. Goal (issue 2/8): demo ≤ 1.5 × floor. Each is run N times in fresh processes; the
median counts. Usage: ``python benchmarks/bench_demo.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_SCRIPT = """
import json, sys, tempfile
from pathlib import Path
from research_kit.runner import execute_notebook
nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {},
                 "outputs": [], "source": "import pandas, matplotlib\\nimport matplotlib.pyplot as plt"}],
      "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
      "nbformat": 4, "nbformat_minor": 5}
d = Path(tempfile.mkdtemp())
(d / "empty.ipynb").write_text(json.dumps(nb))
execute_notebook(d / "empty.ipynb", d / "out.ipynb", cwd=d, progress=None)
"""


def timed(cmd: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("research-kit")
    work = Path(tempfile.mkdtemp(prefix="rk-bench-demo-"))
    floor, cold, warm = [], [], []
    try:
        for i in range(args.runs):
            floor.append(timed([sys.executable, "-c", FLOOR_SCRIPT], work))
            out = work / f"cold{i}"
            cold.append(timed([str(exe), "demo", "--out", str(out)], work))
            warm.append(timed([str(exe), "demo", "--out", str(out)], work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    f, c, w = (statistics.median(x) for x in (floor, cold, warm))
    result = {"floor_s": round(f, 3), "demo_first_run_s": round(c, 3),
              "demo_rerun_s": round(w, 3), "ratio_first": round(c / f, 2),
              "ratio_rerun": round(w / f, 2), "runs": args.runs}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
