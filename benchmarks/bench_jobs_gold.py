"""Job-posting parser on the hand-labelled gold set (not a test: prints numbers).

``benchmarks/data/jobs_gold.json`` holds 25 real postings (Greenhouse, Lever, Ashby boards
incl. ten non-tech Ashby boards, Indeed and SEEK pages, Phenom teasers) labelled by hand
before the parser was run on them (see ``LABELS_jobs_profiles.md``). Each posting is loaded
from ``../shared/fixtures`` with its id and the parser's lists are compared with the gold.

Scoring rule (decided before tuning, kept fixed):

* Items are compared after normalisation only: whitespace collapsed (no-break spaces too),
  leading bullet glyphs ("•", "-", "*", "–", "·") removed, ends stripped. No case folding,
  no quote straightening, no partial credit: a bullet cut in two or merged with the next
  one is a miss (and a false positive).
* A parser item is a true positive when the gold has the same text in the same list. Items
  in a gold ``ambiguous`` section (a soft "You'll thrive if…" list whose tier a careful
  reader could put either way) are accepted in either ``required`` or ``preferred``. Each
  gold item is matched once (duplicates count).
* **Headline F1** = micro F1 over required + preferred items together (each in its own
  list). Responsibilities are scored the same way and reported beside it.
* ``benefits_like`` / ``other_lists`` texts found in required/preferred are counted as
  leaks (already false positives; shown so the kind of error is visible).
* ``flagged_optional``: of the gold's flagged items (optional wording inside a required
  list), how many the parser keeps in ``required`` with ``optional_hint`` set; and how many
  required rows it flags that the gold does not (false flags).
* ``required_elsewhere`` (must-haves outside any list) is reported as recall only; it is
  not part of the F1 (the gold keeps those out of ``required``).
* **Company** is right when the parser's company equals the gold ``company`` or one of its
  ``company_alternatives`` (whitespace-normalised, case-insensitive); a gold ``null``
  needs ``None``. A recruiter posting for a confidential client (gold
  ``employer_confidential``) additionally needs the posting to say so.

``--form plain`` scores the same postings read from their plain-text field instead of the
HTML: Ashby's ``descriptionPlain`` (upper-cased headings, " - " bullets, "1. " numbers), and
Lever postings turned into the shape "requirements only in ``descriptionPlain``" (the
``lists`` written as a heading line and " - " lines after the intro, ``description`` and
``lists`` emptied). Postings without a plain field (Greenhouse, pages) are read as usual.

Run: python benchmarks/bench_jobs_gold.py [--fixtures DIR] [--form html|plain] [--misses]
[--json OUT]
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.errors import PostingChoiceError  # noqa: E402
from research_kit.provenance import Source  # noqa: E402
from research_kit.sources.jobs import load_job_posting, parse_job_content  # noqa: E402

GOLD = ROOT / "benchmarks" / "data" / "jobs_gold.json"
_GLYPHS = re.compile(r"^(?:[\u2022\u00b7*\u2013\u2014-]\s*)+")


def norm(text: str) -> str:
    text = " ".join((text or "").replace("\u00a0", " ").split())
    return _GLYPHS.sub("", text).strip()


def _f1(tp: int, found: int, expected: int) -> tuple[float, float, float]:
    p = tp / found if found else 1.0
    r = tp / expected if expected else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_posting(gold: dict, posting) -> dict:
    """Counts for one posting (see the module docstring for the rule)."""
    ambiguous = Counter(norm(t) for a in gold.get("ambiguous") or [] for t in a["items"])
    out: dict = {"misses": []}
    for group, kinds in (("req", ("required", "preferred")), ("resp", ("responsibilities",))):
        pools = {k: Counter(norm(t) for t in gold.get(k) or []) for k in kinds}
        expected = sum(sum(c.values()) for c in pools.values())
        found = tp = 0
        for kind in kinds:
            for item in posting.items(kind) if posting else []:
                found += 1
                text = norm(item)
                if pools[kind][text] > 0:
                    pools[kind][text] -= 1
                    tp += 1
                    continue
                other = next((k for k in kinds if k != kind and pools[k][text] > 0), None)
                if other is not None and ambiguous[text] > 0:
                    pools[other][text] -= 1
                    ambiguous[text] -= 1
                    tp += 1
                    continue
                out["misses"].append(("extra", kind, item))
        for kind, pool in pools.items():
            for text, n in pool.items():
                out["misses"].extend(("missed", kind, text) for _ in range(n))
        out[group] = (tp, found, expected)
    leaks = {norm(t) for t in gold.get("benefits_like") or []}
    leaks |= {norm(t) for o in gold.get("other_lists") or [] for t in o.get("items") or []}
    required_set = {norm(t) for t in gold.get("required") or []}
    listed = [norm(t) for k in ("required", "preferred") for t in (posting.items(k) if posting else [])]
    out["leaks"] = sum(1 for t in listed if t in leaks and t not in required_set)
    flagged = {norm(t) for t in gold.get("flagged_optional") or []}
    rows = _required_rows(posting)
    got_flags = {norm(r["text"]) for r in rows if r.get("optional_hint")}
    out["flags"] = (len(flagged & got_flags), len(flagged), len(got_flags - flagged))
    elsewhere = [norm(t) for t in gold.get("required_elsewhere") or []]
    out["elsewhere"] = (sum(1 for t in elsewhere if t in set(listed)), len(elsewhere))
    company = getattr(posting, "company", None) if posting else None
    wanted = [gold.get("company")] + list(gold.get("company_alternatives") or [])
    if gold.get("company") is None:
        right = company is None
    else:
        right = company is not None and norm(company).casefold() in {
            norm(w).casefold() for w in wanted if w}
    said_confidential = bool(getattr(posting, "employer_confidential", False))
    if gold.get("employer_confidential"):
        right = right and said_confidential
    out["false_confidential"] = said_confidential and not gold.get("employer_confidential")
    out["company"] = (right, company)
    return out


def _plain_form(path: Path, posting_id: str):
    """The posting read from its plain-text field (see the module docstring), or None."""
    if path.suffix != ".json":
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    jobs = data.get("jobs") if isinstance(data, dict) else data
    job = next((j for j in jobs or [] if str(j.get("id")) == posting_id), None)
    if job is None:
        return None
    if "descriptionHtml" in job and job.get("descriptionPlain"):  # Ashby
        job = {**job, "descriptionHtml": ""}
    elif "lists" in job and "descriptionPlain" in job:  # Lever
        parts = [job.get("descriptionPlain") or ""]
        for block in job.get("lists") or []:
            items = re.findall(r"<li>(.*?)</li>", block.get("content") or "", re.S)
            parts.append("\n" + (block.get("text") or "") + "\n\n" + "\n".join(
                " - " + html.unescape(re.sub(r"<[^>]+>", "", i)).strip() for i in items))
        parts.append(job.get("additionalPlain") or "")
        job = {**job, "description": "", "lists": [], "additional": "",
               "descriptionPlain": "\n".join(parts)}
    else:
        return None
    return parse_job_content(json.dumps(job), Source.for_file(path))


def _load(path: Path, posting_id: str, form: str = "html"):
    """The posting by its id; a one-posting page whose id the parser did not read is taken
    as it is (the id is then reported as not recognised)."""
    if form == "plain":
        posting = _plain_form(path, posting_id)
        if posting is not None:
            return posting
    try:
        return load_job_posting(str(path), posting_id=posting_id)
    except PostingChoiceError as exc:
        if len(exc.choices) != 1:
            raise
        print(f"  ({path.name}: id {posting_id} not recognised; the page's one posting is used)")
        return load_job_posting(str(path))


def _required_rows(posting) -> list[dict]:
    if posting is None:
        return []
    return [r for r in getattr(posting, "features", []) if r.get("kind") == "required"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    parser.add_argument("--form", choices=("html", "plain"), default="html")
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--json", help="write per-posting numbers to this file")
    args = parser.parse_args()
    fixtures = Path(args.fixtures)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    totals = Counter()
    companies_right = 0
    per_file: dict[str, Counter] = {}
    report = []
    print(f"{'posting':<58} {'req+pref P/R/F1':>17} {'resp F1':>7} {'flags':>6} {'company'}")
    for g in gold:
        path = fixtures / g["posting_file"]
        if not path.exists():
            print(f"  missing fixture {path}")
            continue
        try:
            posting = _load(path, g["posting_id"], args.form)
        except Exception as exc:  # a benchmark reports failures, it does not stop on them
            print(f"  {g['posting_file']} {g['posting_id']}: {type(exc).__name__}: {exc}")
            posting = None
        s = score_posting(g, posting)
        (tp, f, e), (rtp, rf, re_) = s["req"], s["resp"]
        ftp, fexp, ffalse = s["flags"]
        for key, value in (("tp", tp), ("found", f), ("expected", e), ("rtp", rtp),
                           ("rfound", rf), ("rexpected", re_), ("leaks", s["leaks"]),
                           ("flag_tp", ftp), ("flag_expected", fexp), ("flag_false", ffalse),
                           ("else_tp", s["elsewhere"][0]), ("else_n", s["elsewhere"][1]),
                           ("false_confidential", s["false_confidential"])):
            totals[key] += value
        right, company = s["company"]
        companies_right += right
        fc = per_file.setdefault(g["posting_file"], Counter())
        for key, value in (("tp", tp), ("found", f), ("expected", e), ("rtp", rtp),
                           ("rfound", rf), ("rexpected", re_), ("company", right), ("n", 1)):
            fc[key] += value
        p, r, f1 = _f1(tp, f, e)
        name = f"{g['posting_file'].split('/', 1)[1]} {g['posting_id'][:8]}"
        print(f"{name:<58} {p:5.2f}/{r:4.2f}/{f1:4.2f} {_f1(rtp, rf, re_)[2]:7.2f} "
              f"{ftp}/{fexp}+{ffalse:<2} {'ok ' if right else 'BAD'} {company!r}")
        if args.misses:
            for miss in s["misses"]:
                print(f"      {miss[0]:<6} {miss[1]:<16} {miss[2][:110]!r}")
            if s["leaks"]:
                print(f"      leaks: {s['leaks']}")
        report.append({"file": g["posting_file"], "id": g["posting_id"], "req": [tp, f, e],
                       "resp": [rtp, rf, re_], "company_right": right, "company": company})
    n = len(report)
    if not n:
        print(f"no gold posting found under {fixtures} (pass --fixtures DIR)")
        return
    print("\nper file (req+pref F1, responsibilities F1, company right):")
    for file, c in per_file.items():
        print(f"  {file.split('/', 1)[1]:<50} {_f1(c['tp'], c['found'], c['expected'])[2]:5.2f} "
              f"{_f1(c['rtp'], c['rfound'], c['rexpected'])[2]:5.2f}  {c['company']}/{c['n']}")
    p, r, f1 = _f1(totals["tp"], totals["found"], totals["expected"])
    rp, rr, rf1 = _f1(totals["rtp"], totals["rfound"], totals["rexpected"])
    print(f"\nTOTAL over {n} postings")
    print(f"  required+preferred  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  "
          f"({totals['tp']} right of {totals['found']} found, {totals['expected']} expected)")
    print(f"  responsibilities    P {rp:.3f}  R {rr:.3f}  F1 {rf1:.3f}")
    print(f"  company right       {companies_right}/{n} = {companies_right / n:.2f}"
          f"  (employer wrongly called confidential: {totals['false_confidential']})")
    print(f"  benefits/other text leaked into requirements: {totals['leaks']}")
    print(f"  optional wording flagged in place: {totals['flag_tp']}/{totals['flag_expected']}"
          f" (false flags {totals['flag_false']})")
    print(f"  must-haves outside lists found in required: {totals['else_tp']}/{totals['else_n']}"
          " (reported only)")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
