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
* ``guard``: sentences the grammar and duplicate guard flags — goal 0;
* ``q_old_news``: questions about a news item, press release or history entry dated more
  than three years before the research — goal 0;
* ``q_costs``: questions about a cost line (expenses, capital expenditures, cash flow) —
  goal 0;
* ``questions``: questions drafted per brief (up to 5) — goal ≥ 3 where the posting was
  found; ``q_says_point``: questions quoting a sentence or figure a talking point already
  says — goal 0;
* ``opener_repeat``: talking points (or questions) opening with the same four words as
  another — goal 0;
* ``swot_none`` (quadrants that say "None found"), ``swot_bad_gap`` (weaknesses or threats
  that do not read as a sentence: "No evidence yet of you are …", "track Record: …"),
  ``threat_no_reason`` (a threat that does not say why) — goal 0 for the last two;
* ``cautions``: CHECK lines above the title (a posting from another company, an older
  10-K than the latest) — the real-target pairings use postings of other companies, so
  most briefs should have one.

    python benchmarks/bench_briefs.py [OUT_DIR]     # default: a temporary folder

Set ``REAL_TARGETS_AS_LATEST=1`` to measure a version that cannot use an older cached
10-K (each fixture 10-K is then stored under the company's latest 10-K URL).
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from real_targets import TARGETS, build  # noqa: E402

SPECIFIC = {"company_fact", "revenue_trend", "operating_margin", "rd_intensity",
            "press_release", "business_overview", "site_fact", "competitor_figure",
            "commonality"}
LABOUR = {"occupation_wage", "hot_skill"}
FACT_QUESTIONS = {"company_fact", "risk_factor", "press_release", "competitor_figure",
                  "competitor_named", "revenue_trend",
                  "responsibility"}


def _guard(texts: list[str]) -> int:
    try:
        from research_kit.research.grammar import near_duplicates, sentence_problems
    except ImportError:  # a version without the guard: count nothing rather than guess
        return -1
    bad = sum(1 for t in texts if sentence_problems(t))
    return bad + len(near_duplicates(texts))


_COSTS = re.compile(r"\b(?:expenses?|capital\s+expenditures?|selling,\s+general|net\s+cash|"
                    r"depreciation|income\s+tax)\b", re.I)
_BAD_GAP = re.compile(r"^(?:No evidence yet of (?:you|our|we|they|the ideal)\b|"
                      r"Only partly shown: [a-z][\w-]* [A-Z][a-z]+:|No evidence yet of [a-z][\w ]{0,30}: )")
_DATED_DOCS = ("news page", "history page", "press release")


def _old_news(question, today: date) -> bool:
    facts = question.facts
    if question.kind != "company_fact" or facts.get("doc_short") not in _DATED_DOCS:
        return False
    text = str(facts.get("date") or "")[:10]
    text = text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text
    try:
        return (today - date.fromisoformat(text)).days > 3 * 365
    except ValueError:
        return False


def _opener_repeats(texts: list[str]) -> int:
    openers = Counter(" ".join(t.split()[:4]) for t in texts)
    return sum(n - 1 for n in openers.values() if n > 1)


def _swot_checks(research) -> dict:
    model = research.brief_model()
    swot = model.swot
    threats = [i.text for i in swot.threats]
    return {
        # an empty quadrant's line is the one item with no source ("None found. …",
        # "No requirement is fully shown yet. …")
        "swot_none": sum(1 for q in ("strengths", "weaknesses", "opportunities", "threats")
                         if any(not i.sources for i in getattr(swot, q))),
        "swot_bad_gap": sum(1 for q in ("weaknesses", "threats") for i in getattr(swot, q)
                            if _BAD_GAP.search(i.text)),
        # a threat should say why: "you are in …", "N years asked", "Not met: …", a risk
        "threat_no_reason": sum(1 for t in threats if not t.startswith("None found") and not
                                re.search(r"\byou\b|years|Not met|not stated|senior|compet|"
                                          r"risk|loss|declin|\(", t, re.I)),
        "cautions": len(getattr(model.header, "cautions", ()) or ()),
    }


def _says_point(question, talk) -> bool:
    """The question quotes the same sentence, or states the same figure, as a point."""
    sentence = question.facts.get("sentence")
    if sentence and any(p.facts.get("sentence") == sentence for p in talk):
        return True
    figures = set(re.findall(r"\d[\d.,]*%|\$[\d.,]+ \w+illion", question.text))
    return bool(figures) and any(figures <= set(re.findall(
        r"\d[\d.,]*%|\$[\d.,]+ \w+illion", p.text)) for p in talk)


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
    day = str(research.value("interview_date") or "")[:10]
    today = date.fromisoformat(day) if re.match(r"\d{4}-\d\d-\d\d$", day) else date.today()
    return {
        "talking_points": len(talk),
        "specific": round(sum(p.kind in SPECIFIC for p in talk) / len(talk), 2) if talk else None,
        "labour_in_points": sum(p.kind in LABOUR for p in talk),
        "market_context": int(context is not None),
        "questions": len(ask),
        "q_fact": round(sum(q.kind in FACT_QUESTIONS for q in ask) / len(ask), 2) if ask else None,
        "q_repeat": repeats,
        "guard": _guard([p.text for p in talk + ask]),
        "q_old_news": sum(_old_news(q, today) for q in ask),
        "q_costs": sum(bool(_COSTS.search(q.text)) for q in ask),
        "q_says_point": sum(_says_point(q, talk) for q in ask),
        "opener_repeat": _opener_repeats([p.text for p in talk]) + _opener_repeats(
            [q.text for q in ask]),
        **_swot_checks(research),
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
        "questions_min": min(r["questions"] for r in results.values()),
        "questions_mean": round(sum(r["questions"] for r in results.values()) / len(results), 1),
        "guard": sum(r["guard"] for r in results.values()),
        **{k: sum(r[k] for r in results.values())
           for k in ("q_old_news", "q_costs", "q_says_point", "opener_repeat", "swot_none", "swot_bad_gap",
                     "threat_no_reason", "cautions")},
    }
    print(json.dumps(summary, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
