"""The page is the same in every process: trimming never depends on the hash seed.

Found when CI drew the demo brief with one SWOT strength where a local run drew two: the
"put back what fits" pass walked a set of keys, whose order changes with PYTHONHASHSEED,
and two SWOT items of equal rank and position competed for the room left.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

TRIM = textwrap.dedent("""
    from types import SimpleNamespace
    from research_kit.brief.layout import _trim
    from research_kit.brief.sections import Entry

    def entry(group, rank, order, height):
        return Entry(None, group, rank, order, height, lambda x, y, i: None)

    # two quadrants, each with a second item of the same rank and position (room for one
    # of them only), and a tall point ranked better that has to go once they are gone
    swot = [entry(f"swot:{q}", 60 + n, n, 10.0) for q in ("strengths", "opportunities",
                                                          "weaknesses", "threats")
            for n in range(2)]
    talk = [entry("talking_points", 1, 0, 10.0), entry("talking_points", 55, 1, 50.0)]
    sections = [SimpleNamespace(entries=swot), SimpleNamespace(entries=talk)]
    entries = swot + talk

    def fits(removed, charts_on):
        return sum(e.height for e in entries if e.key not in removed) <= 80.0

    layout = SimpleNamespace(sections=sections, fits=fits, charts=SimpleNamespace(height=0))
    removed, _ = _trim(layout)
    kept = [e.group for e in entries if e.key not in removed]
    print(sorted(removed), kept)
""")


def test_trim_is_the_same_under_any_hash_seed():
    seen = set()
    for seed in ("1", "2", "3", "5", "8", "13", "21", "34"):
        done = subprocess.run([sys.executable, "-c", TRIM], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120,
                              check=True)
        seen.add(done.stdout)
    assert len(seen) == 1, seen
