"""Competitors named in a 10-K: precision, recall and F1 per file over all 34 fixture 10-Ks.

    python benchmarks/bench_competitors.py            # table + totals
    python benchmarks/bench_competitors.py --show     # also the names missed / extra per file
    python benchmarks/bench_competitors.py --json out.json   # per-file numbers as JSON
    python benchmarks/bench_competitors.py --sec      # + SEC registrant names as evidence
    python benchmarks/bench_competitors.py --no-gazetteer    # list structure alone

Gold (hand-labelled, read the notes beside each):

* ``benchmarks/data/competitors_10k_gold.json`` — the 21 files of ``edgar/10k/``;
* ``../shared/fixtures/edgar/10k-more/competitors.json`` — the 13 files of ``edgar/10k-more/``
  (its keys say ``10k/X``; the files live in ``10k-more/X``: the key is read as a file name).

Held-out check (printed after the totals, not part of them):
``benchmarks/data/competitors_heldout_gold.json`` — the Form 10-K parts of two real
annual-report PDFs (``../shared/fixtures/reports/``), labelled after the rules were written
(see its notes). PMI's PDF splits into Items; Microsoft's PDF text has no "Item N" lines,
so split_10k refuses it and its whole text is read as Item 1.

Matching rule (the same for every extractor and every run):

* two names match when :func:`research_kit.lexicon.company_names.company_key` gives them
  **equal keys** — case, accents, punctuation, "&"/"and", a leading "The", legal forms
  ("Inc.", "Corporation", "Co. Ltd.") and the lexicon's other names of one company
  ("Google" = "Alphabet Inc.") are ignored; nothing else is. A prefix is not a match:
  "Huawei" ≠ "Huawei Technologies Co. Ltd.", "Sprint" ≠ "Sprint Nextel", "Intel" =
  "Intel Corporation" only because "Corporation" is a legal form;
* the extractor's names are first reduced to distinct keys (saying "Intel" twice, or
  "Intel Corporation" and "Intel", is one prediction);
* gold names are reduced to distinct keys too; two gold entries for one company under
  different keys (MRNA's "GlaxoSmithKline" and "GSK") stay two entries, as labelled;
* per file: TP = predicted keys in the gold keys, FP = the rest of the predicted keys,
  FN = gold keys not predicted. P = TP/(TP+FP), R = TP/(TP+FN), F1 their harmonic mean; a
  file with no gold names and no predictions scores P = R = F1 = 1;
* a file the splitter refuses (a ParseError) predicts no names, as a user would get none.

Evidence: by default the extractor runs as ``research-kit parse annual-report`` does, with the
package's gazetteer and no SEC list. ``--sec`` passes the titles of
``../shared/fixtures/edgar/company_tickers.json`` (what the workbench passes);
``--no-gazetteer`` empties the gazetteer of known companies (places and generic words stay),
to show what the list structure alone achieves.

Totals: **micro** (TP/FP/FN summed over files, the headline number) and **macro** (mean of
per-file F1, files with empty gold included, so a false alarm on a file that names nobody
costs as much as a miss).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.errors import ResearchKitError  # noqa: E402
from research_kit.lexicon.company_names import company_key  # noqa: E402
from research_kit.sources.edgar.competition import competitors_from_10k  # noqa: E402
from research_kit.sources.edgar.sections import split_10k  # noqa: E402

FIXTURES = Path(os.environ.get("RESEARCH_KIT_FIXTURES") or ROOT.parent / "shared" / "fixtures")
GOLD_SETS = (
    (ROOT / "benchmarks" / "data" / "competitors_10k_gold.json", FIXTURES / "edgar" / "10k"),
    (FIXTURES / "edgar" / "10k-more" / "competitors.json", FIXTURES / "edgar" / "10k-more"),
)


def gold_files() -> list[tuple[Path, list[str]]]:
    files = []
    for gold_path, folder in GOLD_SETS:
        if not gold_path.exists():
            print(f"(skipped: {gold_path} not found)")
            continue
        for key, names in json.loads(gold_path.read_text("utf-8")).items():
            files.append((folder / key.split("/", 1)[-1], list(names)))
    return files


def heldout_report(path: Path):
    """The 10-K inside an annual-report PDF; the whole text as Item 1 when it has no Items."""
    from research_kit.sources.annual_reports.pdf import read_annual_report_pdf
    from research_kit.sources.edgar.sections import AnnualReport, Item

    pdf = read_annual_report_pdf(path)
    try:
        return pdf.ten_k(), "split into Items"
    except ResearchKitError:
        text = pdf.text
        return AnnualReport(text=text, items=[Item("1", "Business", text, 0, len(text), body_start=0)],
                            form="10-K"), "no Items found: whole text read as Item 1"


def heldout(registrants) -> None:
    gold_path = ROOT / "benchmarks" / "data" / "competitors_heldout_gold.json"
    totals = [0, 0, 0]
    print("\nheld-out annual reports (not in the totals above):")
    for key, gold in json.loads(gold_path.read_text("utf-8")).items():
        path = FIXTURES / key
        if not path.exists():
            print(f"  {key}: fixture missing")
            continue
        report, how = heldout_report(path)
        result = score(competitors_from_10k(report, registrant_names=registrants), gold)
        totals = [totals[0] + result["tp"], totals[1] + result["fp"], totals[2] + result["fn"]]
        print(f"  {key:42} TP {result['tp']:>2} FP {result['fp']:>2} FN {result['fn']:>2} "
              f"P {result['p']:.2f} R {result['r']:.2f} F1 {result['f1']:.2f}  ({how})")
        for label in ("missed", "extra"):
            if result[label]:
                print(f"      {label}: {result[label]}")
    tp, fp, fn = totals
    if tp + fp + fn:
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"  held-out micro: P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}")


def score(predicted: list[str], gold: list[str]) -> dict:
    """TP/FP/FN, P/R/F1 and the names behind them, by the rule in the docstring."""
    pred_keys: dict[str, str] = {}
    for name in predicted:
        pred_keys.setdefault(company_key(name), name)
    gold_keys: dict[str, str] = {}
    for name in gold:
        gold_keys.setdefault(company_key(name), name)
    hit = [k for k in pred_keys if k in gold_keys]
    extra = [pred_keys[k] for k in pred_keys if k not in gold_keys]
    missed = [gold_keys[k] for k in gold_keys if k not in pred_keys]
    tp, fp, fn = len(hit), len(extra), len(missed)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "p": precision, "r": recall, "f1": f1,
            "extra": extra, "missed": missed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="list missed and extra names")
    parser.add_argument("--json", type=Path, help="write per-file results to this file")
    parser.add_argument("--sec", action="store_true", help="SEC registrant names as evidence")
    parser.add_argument("--no-gazetteer", action="store_true",
                        help="no known company names at all (list structure alone)")
    args = parser.parse_args(argv)
    registrants = None
    if args.sec:
        tickers = json.loads((FIXTURES / "edgar" / "company_tickers.json").read_text("utf-8"))
        registrants = [row["title"] for row in tickers.values()]
    if args.no_gazetteer:
        from research_kit.lexicon import gazetteer as gazetteer_module

        gazetteer_module.Gazetteer.knows = lambda self, name: False  # type: ignore[method-assign]
    files = gold_files()
    if not files:
        print("no gold files found")
        return 1
    results = {}
    total_time = 0.0
    print(f"{'file':42} {'gold':>4} {'pred':>4} {'TP':>3} {'FP':>3} {'FN':>3} "
          f"{'P':>5} {'R':>5} {'F1':>5} {'sec':>5}")
    for path, gold in files:
        if not path.exists():
            print(f"{path.name:42} (fixture missing)")
            continue
        started = time.perf_counter()
        try:
            report = split_10k(path.read_bytes(), allow_forms=["10-KSB"])
        except ResearchKitError as exc:  # what a user gets: an error, so no names
            print(f"    ({path.name}: {exc.message})")
            predicted = []
        else:
            predicted = competitors_from_10k(report, registrant_names=registrants)
        elapsed = time.perf_counter() - started
        total_time += elapsed
        result = score(predicted, gold)
        result.update(predicted=predicted, gold=gold, seconds=elapsed)
        label = f"{path.parent.name}/{path.name}"
        results[label] = result
        print(f"{label:42} {len(gold):>4} {len(predicted):>4} {result['tp']:>3} {result['fp']:>3} "
              f"{result['fn']:>3} {result['p']:>5.2f} {result['r']:>5.2f} {result['f1']:>5.2f} "
              f"{elapsed:>5.2f}")
        if args.show and (result["missed"] or result["extra"]):
            if result["missed"]:
                print(f"    missed: {result['missed']}")
            if result["extra"]:
                print(f"    extra:  {result['extra']}")
    tp = sum(r["tp"] for r in results.values())
    fp = sum(r["fp"] for r in results.values())
    fn = sum(r["fn"] for r in results.values())
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    macro = sum(r["f1"] for r in results.values()) / len(results)
    print(f"\n{len(results)} files, {tp + fn} gold names, {tp + fp} predicted "
          f"(split + extract {total_time:.1f} s)")
    print(f"micro: P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}   (TP {tp}, FP {fp}, FN {fn})")
    print(f"macro: F1 {macro:.3f} (mean of per-file F1, empty gold + no prediction = 1)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False), "utf-8")
    heldout(registrants)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
