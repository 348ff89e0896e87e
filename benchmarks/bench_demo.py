"""How long `research-kit demo` takes, against the floor of executing a notebook at all.

Floor: a fresh process that executes (with the same runner) a one-cell notebook doing
``import pandas, matplotlib.pyplot`` — what any notebook-based tool pays before it does
anything. Also reported: the same floor with jupyter_client's stock kernel client, which
waits 0.2 s twice at start-up (our runner's client does not; see
research_kit/_kernel_client.py). Goal (issue 2/8): demo ≤ 1.5 × floor. Each is run N times
in fresh processes, interleaved; the median counts. Three demo cases:

* ``cold``: a new folder and an empty user cache (``RESEARCH_KIT_CACHE_DIR`` fresh each time):
  nothing stored yet, as on a machine that never ran research-kit;
* ``new_folder``: a new folder, the user cache kept between runs (stored results, derived
  data): the demo unpacked again, or a pack replayed a second time;
* ``rerun``: the same folder again (the usual re-run of a notebook).

Python normally caches compiled modules (``__pycache__``) on first import, and ``pip install``
compiles a package's modules when it installs it. Where that is switched off
(``PYTHONDONTWRITEBYTECODE=1``) an editable install compiles research-kit's ~150 modules on
every run (about 0.07 s), so this script compiles them once first, as Python or pip would.

Usage: ``python benchmarks/bench_demo.py [--runs 5]``.
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

# the same, with jupyter_client's stock kernel client (what nbconvert, papermill and nbclient
# pay: two fixed 0.2 s waits at start-up that research-kit's runner does without)
STOCK_FLOOR_SCRIPT = FLOOR_SCRIPT.replace(
    'execute_notebook(d / "empty.ipynb", d / "out.ipynb", cwd=d, progress=None)',
    'from research_kit.app.runner import start_kernel\n'
    'k = start_kernel(d, log_path=d / "kernel.log")\n'
    'k.km.client_class = "jupyter_client.blocking.BlockingKernelClient"\n'
    'execute_notebook(d / "empty.ipynb", d / "out.ipynb", cwd=d, progress=None, kernel=k)')


def timed(cmd: list[str], cwd: Path, cache: Path | None = None) -> float:
    env = dict(os.environ)
    if cache is not None:
        env["RESEARCH_KIT_CACHE_DIR"] = str(cache)
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    exe = Path(sys.executable).with_name("research-kit")
    import compileall

    import research_kit

    compileall.compile_dir(str(Path(research_kit.__file__).parent), quiet=1)
    work = Path(tempfile.mkdtemp(prefix="rk-bench-demo-"))
    shared = work / "user-cache"
    results: dict[str, list[float]] = {"floor": [], "stock_floor": [], "cold": [],
                                       "new_folder": [], "rerun": []}
    try:
        timed([str(exe), "demo", "--out", str(work / "warm-up")], work, shared)
        for i in range(args.runs):
            results["floor"].append(timed([sys.executable, "-c", FLOOR_SCRIPT], work))
            results["stock_floor"].append(timed([sys.executable, "-c", STOCK_FLOOR_SCRIPT], work))
            results["cold"].append(timed([str(exe), "demo", "--out", str(work / f"cold{i}")],
                                         work, work / f"empty-cache{i}"))
            out = work / f"new{i}"
            results["new_folder"].append(timed([str(exe), "demo", "--out", str(out)], work,
                                               shared))
            results["rerun"].append(timed([str(exe), "demo", "--out", str(out)], work, shared))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    median = {k: statistics.median(v) for k, v in results.items()}
    floor = median["floor"]
    stock = median["stock_floor"]
    report = {"floor_s": round(floor, 3), "stock_client_floor_s": round(stock, 3),
              "runs": args.runs}
    for case in ("cold", "new_folder", "rerun"):
        report[f"demo_{case}_s"] = round(median[case], 3)
        report[f"ratio_{case}"] = round(median[case] / floor, 2)
        report[f"ratio_{case}_vs_stock_client_floor"] = round(median[case] / stock, 2)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
