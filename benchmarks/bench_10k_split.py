"""10-K splitter: time and peak memory per fixture 10-K, and accuracy, against edgartools.

    python benchmarks/bench_10k_split.py            # ours + edgartools if its venv exists
    python benchmarks/bench_10k_split.py --ours     # ours only

For every 10-K in ../shared/fixtures/edgar/10k:

* **ours** — ``split_10k`` on the file's bytes (decode, unwrap, HTML→text, headings, items
  with statuses): best of 3 runs, in this process. Peak memory: the maximum RSS of a fresh
  process that imports research-kit and splits the file once (and, for comparison, of one
  that only imports it).
* **accuracy** — the first words of Items 1, 1A and 7 against the hand-checked
  expectations in tests/data/edgar/expected_items.json.
* **edgartools** — installed only in its own venv (``benchmarks/.venv-edgartools``, never a
  project dependency; create it with ``python -m venv benchmarks/.venv-edgartools &&
  benchmarks/.venv-edgartools/bin/pip install edgartools``). The worker
  (``_edgartools_worker.py``) times ``parse_html(html, ParserConfig(form="10-K"))`` and then
  ``doc.sections`` on the same files and reports the first words of the same items.
  Skipped with a note when that venv is absent.

Goals (issue 3): ≤ 1 s for a 3 MB modern 10-K, ≤ 2 s for any fixture, ≤ 400 MB peak.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
FIXTURES = PROJECT.parent / "shared" / "fixtures" / "edgar" / "10k"
EXPECTED = json.loads((PROJECT / "tests" / "data" / "edgar" / "expected_items.json").read_text())
EDGARTOOLS_PYTHON = HERE / ".venv-edgartools" / "bin" / "python"
KEYS = ("1", "1A", "7")

# Peak RSS of the child itself: on Linux VmHWM (ru_maxrss there can carry the parent's
# high-water mark across fork); elsewhere ru_maxrss (bytes on macOS).
_RSS_SCRIPT = """
import re, resource, sys
sys.path.insert(0, {project!r})
def peak_mb():
    try:
        status = open("/proc/self/status").read()
        return int(re.search(r"VmHWM:\\s+(\\d+)", status).group(1)) / 1024
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024)
from research_kit.sources.edgar.sections import split_10k
before = peak_mb()
if {split}:
    split_10k(open({path!r}, "rb").read(), allow_forms=["10-KSB"])
print(before, peak_mb())
"""


def _rss_mb(path: Path, split: bool = True) -> tuple[float, float]:
    script = _RSS_SCRIPT.format(project=str(PROJECT), path=str(path), split=split)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout.split()
    return float(out[0]), float(out[1])


def _first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])


def _accuracy(name: str, found: dict[str, str | None]) -> tuple[int, int]:
    expected = EXPECTED.get(name, {})
    hits = 0
    for key, (_, words) in expected.items():
        got = found.get(key)
        if got and _first_words(got, len(words.split())) == words:
            hits += 1
    return hits, len(expected)


def ours(files: list[Path]) -> dict[str, dict]:
    from research_kit.sources.edgar.sections import split_10k

    results = {}
    for path in files:
        data = path.read_bytes()
        times = []
        for _ in range(3):
            start = time.perf_counter()
            report = split_10k(data, allow_forms=["10-KSB"])
            times.append(time.perf_counter() - start)
        found = {}
        for key in KEYS:
            item = report.item(key)
            found[key] = item.text if item is not None and item.status != "missing" else None
        _, peak = _rss_mb(path)
        results[path.name] = {"seconds": min(times), "peak_mb": peak,
                              "accuracy": _accuracy(path.name, found),
                              "items": len(report.items)}
    return results


def edgartools(files: list[Path]) -> dict[str, dict] | None:
    if not EDGARTOOLS_PYTHON.exists():
        return None
    out = subprocess.run([str(EDGARTOOLS_PYTHON), str(HERE / "_edgartools_worker.py"),
                          *map(str, files)], capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        print("edgartools worker failed:", out.stderr[-2000:], file=sys.stderr)
        return None
    raw = json.loads(out.stdout)
    for name, entry in raw.items():
        entry["accuracy"] = _accuracy(name, entry.get("found", {}))
    return raw


def main(argv: list[str]) -> None:
    files = sorted(p for p in FIXTURES.glob("*") if p.is_file())
    if not files:
        sys.exit(f"no fixtures under {FIXTURES}")
    base, _ = _rss_mb(files[0], split=False)
    mine = ours(files)
    theirs = None if "--ours" in argv else edgartools(files)
    header = f"{'file':<30}{'MB':>6}{'ours s':>9}{'peak MB':>9}{'ours acc':>9}"
    if theirs:
        header += f"{'et parse':>10}{'et sect':>9}{'et acc':>8}"
    print(header)
    totals = {"ours": [0, 0], "et": [0, 0]}
    for path in files:
        m = mine[path.name]
        line = (f"{path.name:<30}{path.stat().st_size / 1e6:>6.2f}{m['seconds']:>9.3f}"
                f"{m['peak_mb']:>9.0f}{'%d/%d' % m['accuracy']:>9}")
        totals["ours"][0] += m["accuracy"][0]
        totals["ours"][1] += m["accuracy"][1]
        if theirs:
            t = theirs.get(path.name, {})
            if "error" in t:
                line += f"{'error':>10}{'':>9}{'0/%d' % t['accuracy'][1]:>8}"
            else:
                line += (f"{t['parse_seconds']:>10.3f}{t['sections_seconds']:>9.3f}"
                         f"{'%d/%d' % t['accuracy']:>8}")
            totals["et"][0] += t["accuracy"][0]
            totals["et"][1] += t["accuracy"][1]
        print(line)
    slowest = max(mine.values(), key=lambda m: m["seconds"])
    print(f"\nours: slowest {slowest['seconds']:.3f} s; peak RSS max "
          f"{max(m['peak_mb'] for m in mine.values()):.0f} MB (import alone {base:.0f} MB); "
          f"items 1/1A/7 starting right: {totals['ours'][0]}/{totals['ours'][1]}")
    if theirs:
        print(f"edgartools: parse {min(t.get('parse_seconds', 99) for t in theirs.values()):.2f}–"
              f"{max(t.get('parse_seconds', 0) for t in theirs.values()):.2f} s, sections "
              f"{min(t.get('sections_seconds', 99) for t in theirs.values()):.2f}–"
              f"{max(t.get('sections_seconds', 0) for t in theirs.values()):.2f} s; "
              f"items starting right: {totals['et'][0]}/{totals['et'][1]}")
    else:
        print("edgartools: skipped (no benchmarks/.venv-edgartools; see the docstring)")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "bench_10k_split.json").write_text(json.dumps({"ours": mine, "edgartools": theirs},
                                                             indent=1, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
