"""Shared employers, schools, cities and groups between people, against hand labels.

benchmarks/data/commonality_labels.json (LABELS_evidence.md) holds all 91 pairs of 14
fixture profiles (the 4 LinkedIn PDFs and 10 resumes of the CSV) with what each pair really
shares (employer, school, city), plus synthetic pairs for the hard cases: "Smartly by
Pedago, LLC" vs "Pedago, LLC", Google vs Google LLC, IBM vs International Business Machines
Corporation, a school with and without overlapping years, and an ACM-only link that must
rank below a shared employer. Each pair goes through ``find_commonalities``. Reported:

* recall of the labelled links (goal ≥ 0.9), by kind, and overlapping years found;
* links found that the labels do not have (employer / school / location / group /
  volunteering: the categories labelled), i.e. false links;
* ranking: no pair whose only link is a membership ranks above a pair sharing an employer,
  and within a pair the labelled order (employer, school, city) holds.

Run: python benchmarks/bench_commonalities.py [--fixtures DIR] [--show]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.lexicon.text import fold  # noqa: E402
from research_kit.provenance import Source  # noqa: E402
from research_kit.research.people.commonalities import find_commonalities  # noqa: E402
from research_kit.sources.profiles import load_profile  # noqa: E402
from research_kit.sources.profiles.model import Education, Entry, Experience, Profile  # noqa: E402
from research_kit.sources.profiles.resume import parse_resume_text  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "commonality_labels.json"
KIND_TO_CATEGORY = {"employer": "employer", "school": "school", "city": "location",
                    "group": "group", "volunteering": "volunteering"}
LABELLED = set(KIND_TO_CATEGORY.values())


def load(ref: str, fixtures: Path, resumes: list[dict], synthetic: dict) -> Profile:
    if ref.startswith("synthetic:"):
        return synthetic_profile(ref, synthetic[ref])
    path, _, row = ref.partition("#")
    if not row:
        return load_profile(fixtures / path)
    source = Source.for_file(fixtures / path, section=f"row {row}")
    return parse_resume_text(resumes[int(row)]["Resume"], source)


def synthetic_profile(ref: str, data: dict) -> Profile:
    source = Source.for_text(ref)
    profile = Profile(name=data["name"], source=source)
    for e in data.get("experience", []):
        profile.experience.append(Experience(title=e["title"], company=e["company"],
                                             start=e.get("start"), end=e.get("end"),
                                             source=source.at("Experience")))
    for e in data.get("education", []):
        profile.education.append(Education(school=e["school"], degree=e.get("degree"),
                                           start=e.get("start"), end=e.get("end"),
                                           source=source.at("Education")))
        if e["line"].startswith("Activities and Societies:"):
            for name in e["line"].split(":", 1)[1].split(","):
                profile.groups.append(Entry(text=name.strip(), source=source.at("Education")))
    for o in data.get("organizations", []):
        profile.groups.append(Entry(text=o["name"], source=source.at("Organizations")))
    return profile


def _rank_key(c) -> tuple:
    from research_kit.research.people import commonalities as module

    key = getattr(module, "rank_key", None)
    if key is not None:
        return key(c)
    order = ["strong", "medium", "weak"]
    categories = getattr(module, "_ORDER", [])
    return (order.index(c.strength), categories.index(c.category) if c.category in categories
            else 99)


def matches(item: dict, c) -> bool:
    if KIND_TO_CATEGORY[item["kind"]] != c.category:
        return False
    names = {fold(item["a_text"]), fold(item["b_text"])}
    ours = {fold(c.shared), fold(str(c.detail.get("mine", ""))), fold(str(c.detail.get("city", "")))}
    ours.discard("")
    return any(a in b or b in a for a in names for b in ours)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    fixtures = Path(args.fixtures)
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    with (fixtures / "profiles/resumes/resume_dataset_one_per_category.csv").open(
            encoding="utf-8", newline="") as fh:
        resumes = list(csv.DictReader(fh))
    synthetic = {}
    for entry in labels:
        if entry.get("synthetic"):
            synthetic[entry["a"]] = entry["a_profile"]
            synthetic[entry["b"]] = entry["b_profile"]
    cache: dict[str, Profile] = {}

    def get(ref: str) -> Profile:
        if ref not in cache:
            cache[ref] = load(ref, fixtures, resumes, synthetic)
        return cache[ref]

    found_n = gold_n = false_links = overlap_ok = overlap_n = order_ok = order_n = 0
    by_kind: dict[str, list[int]] = {}
    best: dict[tuple[str, str], tuple] = {}
    membership_only: list[tuple] = []
    employer_pairs: list[tuple] = []
    for entry in labels:
        found = find_commonalities(get(entry["a"]), get(entry["b"]))
        labelled = [c for c in found if c.category in LABELLED]
        used = set()
        for item in entry["shared"]:
            gold_n += 1
            hit = next((i for i, c in enumerate(labelled) if matches(item, c)), None)
            stats = by_kind.setdefault(item["kind"], [0, 0])
            stats[1] += 1
            if hit is not None:
                found_n += 1
                stats[0] += 1
                used.add(hit)
                if item.get("overlap_years"):
                    overlap_n += 1
                    overlap_ok += bool(labelled[hit].detail.get("overlap"))
            elif args.show:
                print(f"MISSED {item['kind']}: {item['a_text']!r} / {item['b_text']!r} "
                      f"({entry['a']} × {entry['b']})")
        extra = [c for i, c in enumerate(labelled) if i not in used]
        false_links += len(extra)
        if args.show:
            for c in extra:
                print(f"EXTRA  {c.category} {c.strength}: {c.shared!r} ({entry['a']} × "
                      f"{entry['b']}) — {c.my_evidence[:60]!r} / {c.their_evidence[:60]!r}")
        kinds = [item["kind"] for item in entry["shared"]]
        if len(kinds) > 1:
            order_n += 1
            got_order = [next((c.category for c in labelled if matches(item, c)), None)
                         for item in entry["shared"]]
            positions = [next((i for i, c in enumerate(labelled) if matches(item, c)), 999)
                         for item in entry["shared"]]
            order_ok += positions == sorted(positions) and None not in got_order
        if found:
            key = _rank_key(found[0])
            best[(entry["a"], entry["b"])] = key
            categories = {c.category for c in found}
            if categories and categories <= {"group"}:
                membership_only.append((entry["a"], entry["b"], key))
            if "employer" in categories:
                employer_pairs.append((entry["a"], entry["b"], key))
    print(f"labelled links found: {found_n}/{gold_n} = {found_n / gold_n:.2f} (goal ≥ 0.9)")
    for kind, (ok, n) in by_kind.items():
        print(f"  {kind:<10} {ok}/{n}")
    print(f"overlapping years found: {overlap_ok}/{overlap_n}")
    print(f"links the labels do not have (employer/school/location/group/volunteering): "
          f"{false_links}")
    print(f"pairs with several links in the labelled order: {order_ok}/{order_n}")
    wrong = [(m, e) for m in membership_only for e in employer_pairs if m[2] < e[2]]
    print(f"membership-only pairs ranked above a shared-employer pair: {len(wrong)} "
          f"({len(membership_only)} membership-only pairs, {len(employer_pairs)} with an "
          f"employer)")
    x, y, z = "synthetic:acm_x", "synthetic:acm_y", "synthetic:vistashare_z"
    if (x, y) in best and (x, z) in best:
        print(f"case 6: ACM-only pair ranks below the shared employer: "
              f"{best[(x, y)] > best[(x, z)]}")
    else:
        print(f"case 6: ACM-only pair found {(x, y) in best}, employer pair found "
              f"{(x, z) in best}")


if __name__ == "__main__":
    main()
