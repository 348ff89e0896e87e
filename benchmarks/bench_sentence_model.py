"""Would a sentence-embedding model tell "met" from "partly"? Measured before it is adopted.

The matcher's blind recall of "met" stays near 0.5 (docs/matching.md): labellers call met
what the profile says in other words. A model that scores meaning could close that gap, at
the cost of a large dependency. This benchmark answers the question on the development
label sets only (dev, holdout2, holdout3, holdout4 — never the blind ones): for each
labelled pair it embeds the requirement and every sentence or bullet the matcher may quote
from the profile, takes the closest one, and reports

* the median similarity by labelled verdict (a useful model separates met from partly);
* what promoting the matcher's non-"met" verdicts to "met" above a threshold would do:
  pairs gained (labelled met) and overclaims added (labelled anything else), and the
  resulting met precision and recall.

The model is not a dependency of research-kit; install one to run this:

    pip install sentence-transformers             # then a local model directory:
    python benchmarks/bench_sentence_model.py --model DIR
    pip install wordllama                         # a static model whose weights ship in its wheel
    python benchmarks/bench_sentence_model.py --wordllama

Measured (benchmarks/README.md): neither all-MiniLM-L6-v2 nor wordllama separates the
verdicts well enough to promote anything without more overclaims than gains.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.research.position.evidence import LIST_KINDS, STRONG_KINDS  # noqa: E402
from research_kit.research.position.judge import Judge  # noqa: E402
from research_kit.research.position.rules import judge_requirement  # noqa: E402

THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
DEVELOPMENT_SETS = ("dev", "holdout2", "holdout3", "holdout4")


def _bench_evidence():
    spec = importlib.util.spec_from_file_location("bench_evidence",
                                                  ROOT / "benchmarks" / "bench_evidence.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def development_rows(be) -> list[dict]:
    rows = [r for r in be._read(be.LABELS) if be.split_of(r) == "dev"]
    for path in (be.LABELS_HOLDOUT2, be.LABELS_HOLDOUT3, be.LABELS_HOLDOUT4):
        rows += be._read(path)
    return rows


def load_encoder(args) -> Callable[[list[str]], object]:
    """A function: texts → unit-length vectors (a 2-D numpy array)."""
    if args.wordllama:
        import wordllama
        from wordllama import WordLlama

        # its weights ship in the wheel; without these arguments it reaches for the hub
        model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent,
                               disable_download=True)
        return lambda texts: model.embed(texts, norm=True)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(args.model), device="cpu")
    return lambda texts: model.encode(texts, normalize_embeddings=True)


def score(rows: list[dict], profiles, encode) -> list[dict]:
    judges: dict[str, Judge] = {}
    out = []
    for row in rows:
        ref = row["profile_file"]
        judge = judges.get(ref) or judges.setdefault(ref, Judge(profiles.get(ref)[0]))
        verdict = judge_requirement(judge, row["requirement"]).verdict
        units = [u.text for u in judge.usable if u.kind in STRONG_KINDS | LIST_KINDS]
        best = 0.0
        if units:
            vectors = encode([row["requirement"], *units])
            best = float((vectors[1:] @ vectors[0]).max())
        out.append({"gold": row["verdict"], "got": verdict, "best": best})
    return out


def report(scored: list[dict]) -> None:
    print(f"{len(scored)} development pairs")
    for verdict in ("met", "partly", "not_met", "unknown"):
        values = [s["best"] for s in scored if s["gold"] == verdict]
        if values:
            print(f"  labelled {verdict:8} n={len(values):3}  median closest similarity "
                  f"{statistics.median(values):.3f}")
    gold_met = sum(s["gold"] == "met" for s in scored)
    true_met = sum(s["got"] == "met" and s["gold"] == "met" for s in scored)
    said_met = sum(s["got"] == "met" for s in scored)
    print(f"matcher alone: met precision {true_met / max(said_met, 1):.3f} "
          f"recall {true_met / max(gold_met, 1):.3f}")
    for sources, name in ((("partly",), "partly → met"),
                          (("partly", "unknown", "not_met"), "any → met")):
        for threshold in THRESHOLDS:
            promoted = [s for s in scored if s["got"] in sources and s["best"] >= threshold]
            gained = sum(s["gold"] == "met" for s in promoted)
            added = len(promoted) - gained
            precision = (true_met + gained) / max(said_met + len(promoted), 1)
            recall = (true_met + gained) / max(gold_met, 1)
            print(f"  {name:13} at ≥ {threshold:.2f}: +{gained:3} met, +{added:3} overclaims"
                  f"  → precision {precision:.3f} recall {recall:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--model", type=Path, help="a sentence-transformers model directory")
    which.add_argument("--wordllama", action="store_true")
    parser.add_argument("--fixtures", type=Path)
    args = parser.parse_args()
    be = _bench_evidence()
    fixtures = args.fixtures or Path(os.environ.get("RESEARCH_KIT_FIXTURES")
                                     or ROOT.parent / "shared" / "fixtures")
    if not fixtures.is_dir():
        sys.exit(f"no fixtures at {fixtures}: set RESEARCH_KIT_FIXTURES")
    report(score(development_rows(be), be.Profiles(fixtures), load_encoder(args)))


if __name__ == "__main__":
    main()
