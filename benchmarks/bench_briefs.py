"""What a candidate reads on real targets: are the talking points and questions specific?

For each real target of ``real_targets.py`` (public companies from the fixture 10-Ks and
XBRL facts, a private company with only its website, non-US annual report PDFs), each
paired with a fixture posting and profile, the brief is built offline and scored:

* ``specific``: share of talking points (not "why me", not market context) that state a
  fact about the company or its competitors from a sourced row — goal ≥ 80 %;
* ``labour``: labour-market lines among the talking points (goal 0) and as market context
  (≤ 1);
* ``q_fact``: share of questions anchored to one sourced fact — goal 100 %;
* ``q_repeat``: questions sharing a template on one brief — goal 0;
* ``guard``: sentences the grammar and duplicate guard flags — goal 0.

    python benchmarks/bench_briefs.py [OUT_DIR]     # default: a temporary folder

Set ``REAL_TARGETS_AS_LATEST=1`` to measure a version that cannot use an older cached
10-K (each fixture 10-K is then stored under the company's latest 10-K URL).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_targets import TARGETS, build  # noqa: E402

SPECIFIC = {"company_fact", "revenue_trend", "operating_margin", "rd_intensity",
            "press_release", "business_overview", "site_fact", "competitor_figure",
            "commonality"}
LABOUR = {"occupation_wage", "hot_skill"}
FACT_QUESTIONS = {"company_fact", "risk_factor", "press_release", "competitor_figure",
                  "responsibility"}


def _guard(texts: list[str]) -> int:
    try:
        from research_kit.research.grammar import near_duplicates, sentence_problems
    except ImportError:  # a version without the guard: count nothing rather than guess
        return -1
    bad = sum(1 for t in texts if sentence_problems(t))
    return bad + len(near_duplicates(texts))


def score(folder: Path) -> dict:
    import research_kit as rk

    research = rk.open_research(folder)
    start = time.perf_counter()
    files = research.write_brief()
    seconds = time.perf_counter() - start
    talk = [p for p in research._points("talk")[:5]]
    ask = [p for p in research._points("ask")[:5]]
    context = research.market_context() if hasattr(research, "market_context") else None
    key = getattr(__import__("research_kit.research.talking_points",
                             fromlist=["x"]), "question_template_key", None)
    keys = [key(q.kind, q.facts) if key else q.kind for q in ask]
    # the old composer phrased these two questions from one template each
    repeats = sum(n - 1 for n in Counter(keys).values() if n > 1)
    return {
        "talking_points": len(talk),
        "specific": round(sum(p.kind in SPECIFIC for p in talk) / len(talk), 2) if talk else None,
        "labour_in_points": sum(p.kind in LABOUR for p in talk),
        "market_context": int(context is not None),
        "questions": len(ask),
        "q_fact": round(sum(q.kind in FACT_QUESTIONS for q in ask) / len(ask), 2) if ask else None,
        "q_repeat": repeats,
        "guard": _guard([p.text for p in talk + ask]),
        "brief_s": round(seconds, 2),
        "pdf": str(files.pdf_path),
        "points": [p.text for p in talk],
        "asks": [q.text for q in ask],
    }


def main(argv: list[str]) -> int:
    logging.disable(logging.WARNING)
    out = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="rk-briefs-"))
    os.environ.setdefault("RESEARCH_KIT_CACHE_DIR", str(out / "user-cache"))
    results = {}
    for target in TARGETS:
        results[target.slug] = score(build(target, out))
    print(json.dumps(results, indent=1, ensure_ascii=False))
    rows = [r for r in results.values() if r["specific"] is not None]
    summary = {
        "targets": len(results),
        "specific_mean": round(sum(r["specific"] for r in rows) / len(rows), 2) if rows else None,
        "labour_in_points": sum(r["labour_in_points"] for r in results.values()),
        "q_fact_min": min((r["q_fact"] for r in results.values() if r["q_fact"] is not None),
                          default=None),
        "q_repeat": sum(r["q_repeat"] for r in results.values()),
        "guard": sum(r["guard"] for r in results.values()),
    }
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
