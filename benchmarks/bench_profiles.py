"""LinkedIn "Save to PDF" parsing accuracy against benchmarks/data/profiles_gold.json.

The four LinkedIn exports in ../shared/fixtures/profiles/linkedin (two 2016 single-column,
two 2023 two-column) were labelled by hand (LABELS_jobs_profiles.md). Per file and overall:

* ``name``, ``headline``, ``location``: exact after whitespace folding (a location the gold
  leaves empty must come back empty);
* ``schools + employers`` F1: the set of distinct school and employer names (case and
  spacing folded; a role without a company in the text layer has no employer);
* ``roles`` F1: (title, company, start, end) per experience entry, dates as YYYY-MM;
* ``education`` F1: (school, degree, field, start, end) per entry;
* ``certifications``, ``skills``, ``languages`` F1 on their items.

Then the same scores on **synthetic variants** (tests/profile_pdfs.py: LinkedIn-like
exports written with fpdf2 in both layouts, typography measured on the real ones) for the
shapes the four real files do not have: a long name that wraps, accents, initials, a
wrapped headline, several titles grouped under one company (a company line that wraps, a
group split by a page break). ``--real-only`` skips them.

Run: python benchmarks/bench_profiles.py [--fixtures DIR] [--show]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.sources.profiles import load_profile  # noqa: E402
from research_kit.sources.profiles.dates import parse_range  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "profiles_gold.json"


def norm(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).replace("\u00a0", " ")
    return " ".join(text.split()).casefold()


def month(value: str | None) -> str:
    if not value:
        return ""
    if norm(value) == "present":
        return "present"
    start, _ = parse_range(f"{value} - {value}")
    return start or norm(value)


def f1(found: list, gold: list) -> tuple[int, int, int]:
    """(true positives, found, gold) over multisets."""
    remaining = list(gold)
    tp = 0
    for item in found:
        if item in remaining:
            remaining.remove(item)
            tp += 1
    return tp, len(found), len(gold)


def score(profile, gold: dict) -> dict:
    got_roles = [(norm(e.title), norm(e.company), month(e.start), month(e.end))
                 for e in profile.experience]
    gold_roles = [(norm(e["title"]), norm(e["company"]), month(e["start"]), month(e["end"]))
                  for e in gold["experience"]]
    got_edu = [(norm(e.school), norm(e.degree), norm(e.field_of_study), month(e.start),
                month(e.end)) for e in profile.education]
    gold_edu = [(norm(e["school"]), norm(e["degree"]), norm(e["field"]), month(e["start"]),
                 month(e["end"])) for e in gold["education"]]
    got_orgs = sorted({norm(x) for x in profile.employers + profile.schools if norm(x)})
    gold_orgs = sorted({norm(e["company"]) for e in gold["experience"] if e["company"]}
                       | {norm(e["school"]) for e in gold["education"]})
    languages = [norm(x["language"] if isinstance(x, dict) else x) for x in gold["languages"]]
    got_languages = [norm(re.sub(r"\s*\(.*\)$", "", x)) for x in profile.languages]
    return {
        "name": (norm(profile.name) == norm(gold["name"]), profile.name, gold["name"]),
        "headline": (norm(profile.headline) == norm(gold["headline"]), profile.headline,
                     gold["headline"]),
        "location": (norm(profile.location) == norm(gold["location"]), profile.location,
                     gold["location"]),
        "orgs": f1(got_orgs, gold_orgs), "orgs_detail": (got_orgs, gold_orgs),
        "roles": f1(got_roles, gold_roles), "roles_detail": (got_roles, gold_roles),
        "education": f1(got_edu, gold_edu), "education_detail": (got_edu, gold_edu),
        "certifications": f1([norm(c) for c in profile.certifications],
                             [norm(c) for c in gold["certifications"]]),
        "skills": f1([norm(s) for s in profile.skills], [norm(s) for s in gold["skills"]]),
        "languages": f1(got_languages, languages),
    }


def fmt_f1(tp: int, found: int, gold: int) -> str:
    p = tp / found if found else (1.0 if not gold else 0.0)
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{f:.2f} (P {p:.2f} R {r:.2f}; {tp}/{found} found, {gold} gold)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    parser.add_argument("--show", action="store_true", help="print what differs")
    parser.add_argument("--real-only", action="store_true", help="skip the synthetic variants")
    args = parser.parse_args()
    gold_all = json.loads(GOLD.read_text(encoding="utf-8"))
    run("Real LinkedIn exports (benchmarks/data/profiles_gold.json)",
        [(Path(args.fixtures) / rel, gold) for rel, gold in gold_all.items()], args.show)
    if not args.real_only:
        import tempfile

        sys.path.insert(0, str(ROOT / "tests"))
        from profile_pdfs import VARIANTS, gold, write_variant

        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for variant in VARIANTS:
                for layout in ("2023", "2016"):
                    labels = gold(variant)
                    if layout == "2016":
                        labels["location"] = None  # the old layout shows no location
                        labels["skills"] = []
                    files.append((write_variant(tmp, variant, layout), labels))
            run("Synthetic variants (tests/profile_pdfs.py)", files, args.show)


def run(title: str, files: list, show: bool) -> None:
    print(f"\n#### {title}")
    totals: dict[str, list[int]] = {}
    exact: dict[str, list[int]] = {"name": [0, 0], "headline": [0, 0], "location": [0, 0]}
    for path, gold in files:
        profile = load_profile(path)
        result = score(profile, gold)
        print(f"\n{Path(path).name}")
        for key in ("name", "headline", "location"):
            ok, got, want = result[key]
            exact[key][0] += ok
            exact[key][1] += 1
            print(f"  {key:<15} {'ok' if ok else 'WRONG'}" + ("" if ok else f": {got!r} (gold {want!r})"))
        for key in ("orgs", "roles", "education", "certifications", "skills", "languages"):
            tp, found, want = result[key]
            acc = totals.setdefault(key, [0, 0, 0])
            acc[0] += tp
            acc[1] += found
            acc[2] += want
            print(f"  {key:<15} {fmt_f1(tp, found, want)}")
            if show and f"{key}_detail" in result and tp != max(found, want):
                got, want_items = result[f"{key}_detail"]
                for item in got:
                    if item not in want_items:
                        print(f"      extra   {item}")
                for item in want_items:
                    if item not in got:
                        print(f"      missing {item}")
    print("\nOverall (micro):")
    for key, (ok, n) in exact.items():
        print(f"  {key:<15} {ok}/{n} = {ok / n:.2f}")
    labels = {"orgs": "schools+employers"}
    for key, (tp, found, want) in totals.items():
        print(f"  {labels.get(key, key):<17} F1 {fmt_f1(tp, found, want)}")


if __name__ == "__main__":
    main()
