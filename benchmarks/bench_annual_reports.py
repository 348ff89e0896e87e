"""PDF annual reports against the hand-labelled gold set (benchmarks/data/annual_reports_gold.json).

    python benchmarks/bench_annual_reports.py            # the table per PDF
    python benchmarks/bench_annual_reports.py -v         # plus every miss and wrong value

Per PDF:

* **sections** — each gold heading (title and page, LABELS_company.md) is *found* when a
  detected section has the same title (fuzzy, either a prefix of the other) within one page;
  its *kind* is right when the detected kind is the gold kind mapped onto the reader's kinds
  (``KIND_MAP``). ``extra`` counts detected sections no gold heading matches (the gold lists
  the headings that matter, not every note heading, so extra is not all noise).
* **figures** — each gold figure (metric, value, page) is *right* when some figure the reader
  found has the same metric, page and value (in base units); *wrong* when one has the same
  metric and page but another value; *unreadable* when the gold figure was read from an image
  and the reader says that page cannot be read; else *missing*. ``prior`` checks the prior-year
  comparative of the right ones. *headline* checks the one row per metric that
  ``PdfReportSource.annual_figures()`` returns against any gold value of that metric.
* **unreadable pages** — the reader's against the gold's.
* **competitors** — names the report gives, precision and recall against the gold names.
* **timing** — reading the PDF, then figures + passages + facts.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
FIXTURES = PROJECT.parent / "shared" / "fixtures"
GOLD = HERE / "data" / "annual_reports_gold.json"

KIND_MAP = {
    "chair_ceo_letter": "letter", "strategy": "strategy",
    "business_review": "review", "segment_review": "review", "financial_review": "review",
    "business_overview": "review", "highlights": "review",
    "people": "people", "market": "market", "competition": "market",
    "risk": "risk", "outlook": "outlook",
    "governance": "governance", "corporate_governance": "governance",
    "financial_statements": "financial_statements",
    "financial_statements_start": "financial_statements", "audit_report": "financial_statements",
    "key_figures": "financial_statements", "key_figures_table": "financial_statements",
    "agm_notice": "notice", "cover_letter": "notice",
    "table_of_contents": "other", "shareholder_information": "other",
    "sustainability": "other", "other": "other",
}
METRIC_MAP = {"revenue": "revenue", "operating_profit": "operating_income",
              "net_profit": "net_income", "employees": "employees"}


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower().replace("\ufffd", "ti")).strip()


def _title_match(gold: str, mine: str) -> bool:
    from rapidfuzz import fuzz

    g, m = _norm(gold), _norm(mine)
    if not g or not m:
        return False
    if g.startswith(m[:40]) or m.startswith(g[:40]):
        return min(len(g), len(m)) >= 4
    return fuzz.ratio(g, m) >= 85


def _gold_scale(unit: str | None) -> float:
    unit = (unit or "").lower()
    if "billion" in unit:
        return 1e9
    if "million" in unit:
        return 1e6
    return 1.0  # Rs. In '00 figures are already converted to rupees in the gold file


def _close(a, b) -> bool:
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    if math.isnan(a) or math.isnan(b):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6)


def _sections(report, gold: dict) -> dict:
    mine = list(getattr(report, "sections", []))
    used: set[int] = set()
    found = kind_right = 0
    by_kind: dict[str, list[int]] = {}
    misses = []
    for g in gold["sections"]:
        kind = KIND_MAP.get(g["kind"], "other")
        titles = [g["heading"]] + ([g["text_layer_form"]] if g.get("text_layer_form") else [])
        hit = next((i for i, s in enumerate(mine) if abs(s.first_page - g["page"]) <= 1
                    and any(_title_match(t, s.title) for t in titles)), None)
        stats = by_kind.setdefault(kind, [0, 0, 0])
        stats[0] += 1
        if hit is None:
            misses.append(f"missing section p{g['page']} {g['heading'][:60]!r} ({kind})")
            continue
        used.add(hit)
        found += 1
        stats[1] += 1
        got = getattr(mine[hit], "kind", None)
        if got == kind or {got, kind} == {"notice", "other"}:  # the brief's "notice/other"
            kind_right += 1
            stats[2] += 1
        else:
            misses.append(f"kind p{g['page']} {g['heading'][:60]!r}: {got} (gold {kind})")
    return {"gold": len(gold["sections"]), "found": found, "kind_right": kind_right,
            "detected": len(mine), "extra": len(mine) - len(used), "by_kind": by_kind,
            "misses": misses}


def _figures(candidates, headline, unreadable: set[int], gold: dict) -> dict:
    rows = candidates.to_dict("records") if candidates is not None else []
    out = {"right": 0, "wrong": 0, "unreadable": 0, "missing": 0, "prior_right": 0,
           "prior_withheld": 0, "prior_gold": 0, "misses": [], "headline": {}}
    for g in gold["figures"]:
        metric = METRIC_MAP[g["metric"]]
        value = g["value_number"] * _gold_scale(g.get("unit"))
        same = [r for r in rows if r.get("metric") == metric and r.get("page") == g["page"]]
        hit = next((r for r in same if _close(r.get("value"), value)), None)
        label = f"{metric} p{g['page']} {g['value_as_printed']!r}"
        if hit is not None:
            out["right"] += 1
            prior = g.get("prior_year")
            if prior:
                out["prior_gold"] += 1
                prior_value = prior["value_number"] * _gold_scale(g.get("unit"))
                if _close(hit.get("prior_value"), prior_value):
                    out["prior_right"] += 1
                elif hit.get("prior_value_as_printed") and "contradicts" in str(hit.get("note")):
                    out["prior_withheld"] += 1  # the reader reports it as contradictory
                else:
                    out["misses"].append(f"prior of {label}: {hit.get('prior_value')} "
                                         f"(gold {prior_value:g})")
        elif same:
            out["wrong"] += 1
            out["misses"].append(f"WRONG {label}: " + ", ".join(
                str(r.get("value_as_printed")) for r in same))
        elif g["page"] in unreadable and g.get("source") != "text layer":
            out["unreadable"] += 1
        else:
            out["missing"] += 1
            out["misses"].append(f"missing {label}")
    head = headline.to_dict("records") if headline is not None else []
    for metric in sorted({METRIC_MAP[g["metric"]] for g in gold["figures"]}):
        values = [g["value_number"] * _gold_scale(g.get("unit")) for g in gold["figures"]
                  if METRIC_MAP[g["metric"]] == metric]
        row = next((r for r in head if r.get("metric") == metric), None)
        if row is None or row.get("value") is None or (isinstance(row.get("value"), float)
                                                       and math.isnan(row["value"])):
            out["headline"][metric] = "missing"
        elif any(_close(row["value"], v) for v in values):
            out["headline"][metric] = "right"
        else:
            out["headline"][metric] = "WRONG"
            out["misses"].append(f"headline {metric}: {row.get('value_as_printed')} "
                                 f"p{row.get('page')}")
    return out


def _competitors(table, gold: dict) -> tuple[int, int, int]:
    gold_names = {_norm(c["name"]) for c in gold["competitors"]}
    mine = {_norm(str(n)) for n in (table["name"] if table is not None and len(table) else [])}
    return len(mine & gold_names), len(mine), len(gold_names)


def _fold(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\ufffe", "-").split())


def _passages(passages, gold: dict) -> tuple[int, int, list[str]]:
    """Gold market passages found verbatim inside some passage."""
    texts = [_fold(t) for t in (passages["text"] if len(passages) else [])]
    found, misses = 0, []
    for g in gold.get("market_passages", []):
        quote = _fold(g["quote"])
        if any(quote in t for t in texts):
            found += 1
        else:
            misses.append(f"passage p{g['page']} not quoted: {quote[:70]!r}")
    return found, len(gold.get("market_passages", [])), misses


def _description(facts, gold: dict) -> str:
    from research_kit.sources.company import DESCRIPTION_FACT

    rows = facts[facts["fact"] == DESCRIPTION_FACT] if len(facts) else facts
    if not len(rows):
        return "none"
    row = rows.iloc[0]
    mine, theirs = _fold(str(row["value"])), _fold(gold["description"]["quote"])
    same_page = row.get("page") == gold["description"]["page"]
    return "right" if same_page and (mine in theirs or theirs in mine) else (
        f"other (p{row.get('page')}: {mine[:60]!r})")


def run(verbose: bool) -> dict:
    from research_kit.sources.annual_reports.company_source import PdfReportSource
    from research_kit.sources.annual_reports.pdf import read_annual_report_pdf
    from research_kit.sources.company import CompanyTarget

    gold_all = json.loads(GOLD.read_text())
    results = {}
    for rel, gold in gold_all.items():
        path = FIXTURES / rel
        if not path.exists():
            print(f"{rel}: fixture not found, skipped")
            continue
        start = time.perf_counter()
        report = read_annual_report_pdf(path)
        read_s = time.perf_counter() - start
        source = PdfReportSource(CompanyTarget(name=path.stem, annual_report=path))
        source.__dict__["report"] = report  # the source reads the same report
        start = time.perf_counter()
        headline = source.annual_figures()
        candidates = getattr(report, "figure_candidates", None)
        passages = source.passages()
        facts = source.facts()
        competitors = source.competitors()
        rest_s = time.perf_counter() - start
        unreadable = set(getattr(report, "unreadable_pages", []) or [])
        sections = _sections(report, gold)
        figures = _figures(candidates, headline, unreadable, gold)
        comp = _competitors(competitors, gold)
        gold_unreadable = set(gold.get("unreadable_pages") or [])
        quoted = _passages(passages, gold)
        description = _description(facts, gold)
        results[rel] = {"read_s": read_s, "rest_s": rest_s, "sections": sections,
                        "market_passages": quoted[:2], "description": description,
                        "figures": figures, "competitors": comp, "passages": len(passages),
                        "unreadable": (len(unreadable & gold_unreadable), len(unreadable),
                                       len(gold_unreadable))}
        name = Path(rel).stem.replace("_annual_report", "").replace("StandardShoeSole_IN_AnnualReport_", "ShoeSole ")
        s, f = sections, figures
        print(f"\n{name}  ({gold['pages']} pages)  read {read_s:.2f}s, figures+passages+facts "
              f"{rest_s:.2f}s")
        print(f"  sections: found {s['found']}/{s['gold']}, kind right {s['kind_right']}/{s['gold']}"
              f", detected {s['detected']} (extra {s['extra']})")
        print("    by kind (gold / found / kind right): " + ", ".join(
            f"{k} {v[0]}/{v[1]}/{v[2]}" for k, v in sorted(s["by_kind"].items())))
        print(f"  figures: right {f['right']}, wrong {f['wrong']}, unreadable (said so) "
              f"{f['unreadable']}, missing {f['missing']} of {len(gold['figures'])}; prior-year "
              f"right {f['prior_right']}/{f['prior_gold']}"
              + (f" ({f['prior_withheld']} withheld as contradictory)" if f["prior_withheld"] else ""))
        print("    headline: " + ", ".join(f"{k} {v}" for k, v in f["headline"].items()))
        u = results[rel]["unreadable"]
        print(f"  unreadable pages: {u[0]} of gold {u[2]} found, {u[1]} reported;"
              f"  competitors: {comp[0]} right of {comp[1]} named (gold {comp[2]});"
              f"  passages: {len(passages)}")
        print(f"  gold market passages quoted verbatim: {quoted[0]}/{quoted[1]};  what it does: "
              f"{description}")
        if verbose:
            for line in s["misses"] + f["misses"] + quoted[2]:
                print("    - " + line)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", help="write the numbers to this file")
    args = parser.parse_args()
    results = run(args.verbose)
    totals = {"sections": [0, 0, 0], "figures": [0, 0, 0, 0, 0], "headline": [0, 0]}
    for r in results.values():
        totals["sections"][0] += r["sections"]["gold"]
        totals["sections"][1] += r["sections"]["found"]
        totals["sections"][2] += r["sections"]["kind_right"]
        f = r["figures"]
        for i, key in enumerate(("right", "wrong", "unreadable", "missing")):
            totals["figures"][i] += f[key]
        totals["headline"][0] += sum(v == "right" for v in f["headline"].values())
        totals["headline"][1] += len(f["headline"])
    s, f, h = totals["sections"], totals["figures"], totals["headline"]
    print(f"\nALL: sections found {s[1]}/{s[0]}, kind right {s[2]}/{s[0]}; figures right {f[0]}, "
          f"wrong {f[1]}, unreadable (said so) {f[2]}, missing {f[3]}; headline right {h[0]}/{h[1]}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))


if __name__ == "__main__":
    main()
