"""How much the term table (synonyms, abbreviations) helps the requirement matcher.

benchmarks/data/matching_pairs.tsv holds hand-labelled pairs taken from the real fixtures: a
requirement bullet from the 40 Google job descriptions and one line of one of the 25 real
resumes, labelled 1 when the line is evidence for the requirement (a reader would quote it)
and 0 when it is not. For each pair the matcher gets a profile made of that one line and
says whether it would quote it as evidence. Three configurations:

* ``full table``: research_kit/lexicon/data/terms.tsv as shipped;
* ``names only``: the same concepts, each matched only by its own name (no synonyms or
  abbreviations) — what the synonym table adds is the difference;
* ``words only``: no table at all (stemmed content words).

Prints precision, recall and F1 per configuration, the pairs each gets wrong, and how long a
full match of the demo posting takes.

Run: python benchmarks/bench_matching.py [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.lexicon.terms import Concept, Vocabulary, vocabulary  # noqa: E402
from research_kit.research.position.matching import Matcher  # noqa: E402
from research_kit.sources.profiles.model import Profile  # noqa: E402
from research_kit.sources.profiles.resume import fix_mojibake  # noqa: E402


def load_pairs(fixtures: Path) -> list[dict]:
    jobs = list(csv.DictReader((fixtures / "jobs/text/google_job_skills_sample40.csv")
                               .open(encoding="utf-8")))
    resumes = list(csv.DictReader(
        (fixtures / "profiles/resumes/resume_dataset_one_per_category.csv").open(encoding="utf-8")))
    rows = [r for r in csv.DictReader(
        (line for line in (ROOT / "benchmarks/data/matching_pairs.tsv").open(encoding="utf-8")
         if not line.startswith("#")), delimiter="\t")]
    pairs = []
    for row in rows:
        cell = jobs[int(row["job_row"])][row["job_column"]]
        requirement = _find(cell.split("\n"), row["job_needle"])
        text = fix_mojibake(resumes[int(row["resume_row"])]["Resume"])
        evidence = _find(text.split("\n"), row["resume_needle"])
        pairs.append({"requirement": requirement, "evidence": evidence,
                      "label": int(row["label"]), "why": row["why"]})
    return pairs


def _find(lines: list[str], needle: str) -> str:
    found = [ln.strip() for ln in lines if needle in ln]
    if not found:
        raise SystemExit(f"needle not found: {needle!r}")
    return found[0]


def names_only(vocab: Vocabulary) -> Vocabulary:
    out = Vocabulary()
    for concept in vocab.concepts.values():
        out.add(Concept(concept.name, concept.category, (concept.name,)))
    return out


def predict(pair: dict, vocab: Vocabulary) -> bool:
    matcher = Matcher(Profile(name="", summary=pair["evidence"]), vocab)
    return bool(matcher.evidence_for(pair["requirement"]))


def report(name: str, pairs: list[dict], vocab: Vocabulary, show: bool) -> None:
    tp = fp = fn = tn = 0
    wrong = []
    start = time.perf_counter()
    for pair in pairs:
        guess = predict(pair, vocab)
        if guess and pair["label"]:
            tp += 1
        elif guess:
            fp += 1
            wrong.append(("false positive", pair))
        elif pair["label"]:
            fn += 1
            wrong.append(("missed", pair))
        else:
            tn += 1
    ms = (time.perf_counter() - start) * 1000 / len(pairs)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{name:<12} precision {precision:6.1%}  recall {recall:6.1%}  F1 {f1:5.2f}  "
          f"(tp {tp}, fp {fp}, fn {fn}, tn {tn}; {ms:.1f} ms/pair)")
    if show:
        for kind, pair in wrong:
            print(f"    {kind}: {pair['why']}: {pair['requirement'][:60]!r} <- "
                  f"{pair['evidence'][:50]!r}")


def bench_demo_speed() -> None:
    from research_kit.research.position import match_requirements, swot
    from research_kit.sources.jobs import load_job_posting
    from research_kit.sources.profiles import load_profile

    demo = ROOT / "research_kit" / "app" / "demo"
    job_path = demo / "web/boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345"
    start = time.perf_counter()
    job = load_job_posting(str(job_path))
    t_job = time.perf_counter()
    alex = load_profile(str(demo / "files/alex-rivera-profile.pdf"))
    t_profile = time.perf_counter()
    table = match_requirements(job, alex)
    t_match = time.perf_counter()
    swot(job, alex, matches=table)
    t_swot = time.perf_counter()
    print(f"\ndemo: parse posting {1000 * (t_job - start):.0f} ms, parse profile PDF "
          f"{1000 * (t_profile - t_job):.0f} ms, match {len(table)} requirements "
          f"{1000 * (t_match - t_profile):.0f} ms, SWOT {1000 * (t_swot - t_match):.0f} ms")
    print(table["status"].value_counts().to_string())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    parser.add_argument("--quiet", action="store_true", help="do not list the wrong pairs")
    args = parser.parse_args()
    pairs = load_pairs(Path(args.fixtures))
    positives = sum(p["label"] for p in pairs)
    print(f"{len(pairs)} labelled pairs ({positives} evidence, {len(pairs) - positives} not)")
    full = vocabulary()
    report("full table", pairs, full, not args.quiet)
    report("names only", pairs, names_only(full), not args.quiet)
    report("words only", pairs, Vocabulary(), not args.quiet)
    bench_demo_speed()


if __name__ == "__main__":
    main()
