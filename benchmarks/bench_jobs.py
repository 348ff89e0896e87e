"""Job-posting parser accuracy and speed on real postings (not a test: prints numbers).

For the 40 real Google job descriptions (../shared/fixtures/jobs/text/
google_job_skills_sample40.csv) the posting is reassembled the way the careers page showed
it (title, company · location, "Minimum qualifications:", "Preferred qualifications:",
"Responsibilities", one bullet per line) in three forms a user may hand us:

* ``text-bullets``: copied text with "•" markers,
* ``text-plain``: copied text without markers (browsers often drop them),
* ``html``: the page's markup (<h3>, <ul><li>),
* ``varied-headings``: text with "•" markers whose headings are replaced, posting by posting,
  by other wordings real postings use ("What you'll need", "Bonus points", "Your role", …),
  with the responsibilities moved first — a check that the heading rules generalise.

The required / preferred / responsibility items the parser finds are compared, verbatim
(whitespace-normalised), with the CSV's own columns: precision, recall, and the share of
postings whose lists come back exactly, in order. Then every other job fixture is parsed and
timed.

Run: python benchmarks/bench_jobs.py [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import csv
import html
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.errors import PostingChoiceError  # noqa: E402
from research_kit.provenance import Source  # noqa: E402
from research_kit.sources.jobs import load_job_posting, parse_job_content  # noqa: E402

COLUMNS = {"required": "Minimum Qualifications", "preferred": "Preferred Qualifications",
           "responsibilities": "Responsibilities"}


def norm(text: str) -> str:
    return " ".join(text.split())


def lines_of(cell: str) -> list[str]:
    return [norm(x) for x in (cell or "").split("\n") if x.strip()]


REQUIRED_HEADINGS = ["Requirements", "What you'll need", "Must have:", "Basic Qualifications",
                     "You have:", "What we're looking for", "About you", "What You Bring"]
PREFERRED_HEADINGS = ["Nice to have", "Bonus points", "Preferred Skills",
                      "It's a plus if you have:", "Even better if you have", "Desired qualifications",
                      "Extra credit:", "Ideally you also have"]
RESPONSIBILITY_HEADINGS = ["What you'll do", "Your role", "Key responsibilities:",
                           "In this role, you will:", "Day-to-day", "What you will be doing",
                           "Duties", "The role involves"]


def reassemble(row: dict, form: str, index: int = 0) -> str:
    blocks = [("Minimum qualifications:", lines_of(row["Minimum Qualifications"])),
              ("Preferred qualifications:", lines_of(row["Preferred Qualifications"])),
              ("Responsibilities", lines_of(row["Responsibilities"]))]
    if form == "varied-headings":
        k = index % len(REQUIRED_HEADINGS)
        blocks = [(RESPONSIBILITY_HEADINGS[k], blocks[2][1]), (REQUIRED_HEADINGS[k], blocks[0][1]),
                  (PREFERRED_HEADINGS[k], blocks[1][1])]
    if form == "html":
        parts = [f"<h1>{html.escape(row['Title'])}</h1>",
                 f"<p>{html.escape(row['Company'])} · {html.escape(row['Location'])}</p>"]
        for heading, items in blocks:
            if items:
                parts.append(f"<h3>{html.escape(heading)}</h3><ul>"
                             + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>")
        return "<html><body>" + "\n".join(parts) + "</body></html>"
    marker = "" if form == "text-plain" else "• "
    out = [row["Title"], f"{row['Company']} · {row['Location']}", ""]
    for heading, items in blocks:
        if items:
            out += [heading, *[marker + i for i in items], ""]
    return "\n".join(out)


def score(found: list[str], expected: list[str]) -> tuple[int, int, int]:
    found_n, expected_n = [norm(x) for x in found], [norm(x) for x in expected]
    hits = sum(1 for x in found_n if x in expected_n)
    return hits, len(found_n), len(expected_n)


def bench_google(fixtures: Path) -> None:
    path = fixtures / "jobs" / "text" / "google_job_skills_sample40.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    print(f"Google job descriptions: {len(rows)} postings, "
          f"{sum(len(lines_of(r['Minimum Qualifications'])) for r in rows)} minimum, "
          f"{sum(len(lines_of(r['Preferred Qualifications'])) for r in rows)} preferred, "
          f"{sum(len(lines_of(r['Responsibilities'])) for r in rows)} responsibility bullets")
    for form in ("text-bullets", "text-plain", "html", "varied-headings"):
        totals = {k: [0, 0, 0] for k in COLUMNS}
        exact = {k: 0 for k in COLUMNS}
        titles = 0
        start = time.perf_counter()
        misses = []
        for i, row in enumerate(rows):
            posting = parse_job_content(reassemble(row, form, i), Source.for_text(f"google-{i}"))
            titles += posting.title == row["Title"]
            for kind, column in COLUMNS.items():
                found, expected = posting.items(kind), lines_of(row[column])
                h, f, e = score(found, expected)
                for j, v in enumerate((h, f, e)):
                    totals[kind][j] += v
                if [norm(x) for x in found] == expected:
                    exact[kind] += 1
                elif len(misses) < 3:
                    misses.append((i, kind, [x for x in found if norm(x) not in expected][:2],
                                   [x for x in expected if x not in map(norm, found)][:2]))
        elapsed = time.perf_counter() - start
        print(f"\n  form={form}  ({elapsed * 1000 / len(rows):.1f} ms/posting; "
              f"titles right: {titles}/{len(rows)})")
        for kind in COLUMNS:
            h, f, e = totals[kind]
            p = h / f if f else 1.0
            r = h / e if e else 1.0
            print(f"    {kind:<17} precision {p:6.1%}  recall {r:6.1%}  "
                  f"exact lists in order {exact[kind]}/{len(rows)}")
        for miss in misses:
            print("    miss:", miss)


def bench_other(fixtures: Path) -> None:
    print("\nOther job fixtures (parse time; boards answer with the list of postings):")
    for path in sorted((fixtures / "jobs").glob("*/*")):
        if path.suffix == ".csv" or path.name == "MANIFEST.tsv":
            continue
        start = time.perf_counter()
        try:
            posting = load_job_posting(str(path))
            what = (f"1 posting: {len(posting.items('required'))} required, "
                    f"{len(posting.items('preferred'))} preferred, "
                    f"{len(posting.items('responsibilities'))} responsibilities")
        except PostingChoiceError as exc:
            what = f"board: {len(exc.choices)} postings"
        ms = (time.perf_counter() - start) * 1000
        print(f"  {path.parent.name}/{path.name:<52} {ms:7.1f} ms  {what}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    args = parser.parse_args()
    fixtures = Path(args.fixtures)
    bench_google(fixtures)
    bench_other(fixtures)


if __name__ == "__main__":
    main()
