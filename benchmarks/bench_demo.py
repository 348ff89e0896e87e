"""How long `research-kit demo` takes, against the floor of executing a notebook at all.

Floor: a fresh process that executes, with research-kit's own runner, a one-cell notebook
doing ``import pandas, matplotlib.pyplot`` — what any notebook-based tool pays before it does
anything. Goal (the "one house" issue): demo ≤ 2.0 × floor with a fresh cache.

Every demo run gets a **fresh, empty user cache directory** (``RESEARCH_KIT_CACHE_DIR``), so
nothing a previous run computed can be reused; the demo workspace always has its own HTTP
cache (the bundled fictional responses, imported on first run). Two cases:

* ``new_folder``: ``research-kit demo --out NEW`` — unpack the demo, import its responses,
  execute the notebook, draw the brief;
* ``edited_rerun``: the same folder again after an edit to its target.toml (the interview
  date), as a user re-runs a notebook after changing something.

Runs are interleaved (floor, new folder, edited re-run) in fresh processes, N times; the
median counts. Python normally caches compiled modules on first import, and ``pip install``
compiles a package's modules; where that is switched off (``PYTHONDONTWRITEBYTECODE=1``) an
editable install would compile research-kit on every run, so this script compiles it first.

Usage: ``python benchmarks/bench_demo.py [--runs 5] [--research-kit PATH]`` (``PATH``: a
``research-kit`` executable of another checkout's venv, to measure a "before").
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR_SCRIPT = """
import json, tempfile
from pathlib import Path
try:
    from research_kit.app.runner import execute_notebook
except ImportError:  # a checkout from before the app/ package
    from research_kit.runner import execute_notebook
nb = {"cells": [{"cell_type": "code", "execution_count": None, "id": "c1", "metadata": {},
                 "outputs": [], "source": "import pandas, matplotlib\\nimport matplotlib.pyplot as plt"}],
      "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
      "nbformat": 4, "nbformat_minor": 5}
d = Path(tempfile.mkdtemp())
(d / "empty.ipynb").write_text(json.dumps(nb))
execute_notebook(d / "empty.ipynb", d / "out.ipynb", cwd=d, progress=None)
"""


def timed(cmd: list[str], cwd: Path, cache: Path | None = None) -> float:
    env = dict(os.environ)
    env.pop("RESEARCH_KIT_CACHE_DIR", None)
    if cache is not None:
        env["RESEARCH_KIT_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def edit_target(folder: Path) -> None:
    target = next(folder.glob("*/target.toml"))
    text = target.read_text(encoding="utf-8")
    edited = text.replace('interview_date = "2026-12-03"', 'interview_date = "2026-12-04"')
    if edited == text:
        edited = text + "\n# edited by bench_demo.py\n"
    target.write_text(edited, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--research-kit", type=Path, default=None,
                        help="research-kit executable to measure (default: this venv's)")
    args = parser.parse_args()
    exe = args.research_kit or Path(sys.executable).with_name("research-kit")
    python = exe.with_name("python")
    compile_code = ("import compileall, pathlib, research_kit; compileall.compile_dir("
                    "str(pathlib.Path(research_kit.__file__).parent), quiet=1)")
    subprocess.run([str(python), "-c", compile_code], check=True)
    work = Path(tempfile.mkdtemp(prefix="rk-bench-demo-"))
    results: dict[str, list[float]] = {"floor": [], "new_folder": [], "edited_rerun": []}
    try:
        timed([str(exe), "demo", "--out", str(work / "warm-up")], work, work / "warm-cache")
        for i in range(args.runs):
            results["floor"].append(timed([str(python), "-c", FLOOR_SCRIPT], work))
            out = work / f"new{i}"
            results["new_folder"].append(
                timed([str(exe), "demo", "--out", str(out)], work, work / f"cache-a{i}"))
            edit_target(out)
            results["edited_rerun"].append(
                timed([str(exe), "demo", "--out", str(out)], work, work / f"cache-b{i}"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = {k: statistics.median(v) for k, v in results.items()}
    floor = median["floor"]
    report: dict[str, float | int | str] = {"research_kit": str(exe), "runs": args.runs,
                                            "floor_s": round(floor, 3)}
    for case in ("new_folder", "edited_rerun"):
        report[f"demo_{case}_s"] = round(median[case], 3)
        report[f"ratio_{case}"] = round(median[case] / floor, 2)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
