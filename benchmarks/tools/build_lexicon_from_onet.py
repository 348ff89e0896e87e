"""Build two lexicon data files from the bundled O*NET extract (research_kit/data/onet/).

* ``research_kit/lexicon/data/tools_onet.tsv`` — technology names people write in
  requirements and profiles, from O*NET Technology Skills: every technology that at least
  ``--min-occupations`` occupations use, or that O*NET marks as a "hot technology". Each
  becomes a concept (category ``tool``) with its variants: the full name ("Adobe
  Photoshop"), the product without its vendor ("Photoshop") unless that is an ordinary
  word ("Microsoft Word" keeps "Word" only with the vendor), the name without a trailing
  "software", and an acronym the name ends with ("Extensible markup language XML" → "XML").
  The matcher merges a concept into a terms.tsv concept that already has one of its
  variants (terms.tsv stays the authority).
* ``research_kit/lexicon/data/word_frequency.tsv`` — in how many of O*NET's ~9,700 task
  statements each word stem occurs: the matcher weighs a requirement's words by how
  specific they are ("altitude", "consensus" count more than "system", "manage").

Run from the project root (reproducible: the output depends only on the extract):
    python benchmarks/tools/build_lexicon_from_onet.py
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(PROJECT))

from research_kit.lexicon.terms import stem, tokenize  # noqa: E402

ONET = PROJECT / "research_kit" / "data" / "onet"
OUT = PROJECT / "research_kit" / "lexicon" / "data"
VENDORS = ("Amazon Web Services", "The MathWorks", "Microsoft", "Adobe", "Oracle", "IBM",
           "Google", "Apple", "Atlassian", "Autodesk", "Apache", "Amazon", "SAP", "Salesforce",
           "Intuit", "Cisco", "Trimble", "Red Hat", "ESRI", "Eclipse", "Bentley", "Dassault "
           "Systemes", "Epic Systems", "Cerner", "Hewlett Packard", "HP", "Dell", "VMware",
           "Citrix", "Corel", "Sage", "SAS", "Tableau", "Qlik", "Atlassian", "Meta",
           "Facebook", "Infor", "Epicor", "Blackbaud", "Siemens", "PTC", "Ansys", "Avid",
           "Bloomberg", "Thomson Reuters", "Wolters Kluwer", "Kronos", "Workday", "ServiceNow",
           "Zendesk", "HubSpot", "Jenkins CI", "JetBrains", "Mozilla", "Progress", "Unity",
           "Unreal", "Sparx Systems", "Minitab", "Stata", "Wolfram Research", "Esri")
_TRAILING = re.compile(r"\s+(software|system|systems|suite|platform|application)$", re.I)


def _rows(name: str) -> list[dict]:
    with gzip.open(ONET / name, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def word_frequency() -> tuple[int, Counter]:
    tasks = _rows("tasks.csv.gz")
    df: Counter = Counter()
    for row in tasks:
        df.update({stem(t.raw) for t in tokenize(row["task"]) if t.raw.isalpha()})
    return len(tasks), df


def _acronym(words: list[str]) -> str | None:
    last = words[-1]
    if len(words) >= 3 and last.isupper() and last.isalpha() and 2 <= len(last) <= 6:
        initials = "".join(w[0] for w in words[:-1] if w[:1].isalpha()).upper()
        if last in initials or initials.startswith(last[0]) and len(last) <= len(words) - 1:
            return last
    return None


def variants(name: str, common: set[str], seen_words: set[str] | None = None
             ) -> tuple[str, list[str]]:
    """(concept name, variants) for one O*NET technology name. ``common``: stems of
    three or more task statements; ``seen_words``: stems of any (default: ``common``)."""
    seen_words = common if seen_words is None else seen_words
    full = name.strip()
    out = [full]
    product = full
    for vendor in sorted(VENDORS, key=len, reverse=True):
        if full.startswith(vendor + " ") and len(full) > len(vendor) + 2:
            product = full[len(vendor) + 1:]
            break
    product = _TRAILING.sub("", product).strip() or product
    if product.lower() in ("software", "system", "systems", "suite", "platform"):
        product = _TRAILING.sub("", full).strip()  # "HubSpot software" → "HubSpot"
    words = product.split()
    acronym = _acronym(words)
    if acronym:
        spelled = " ".join(words[:-1])
        out += [spelled, f"={acronym}" if len(acronym) <= 4 else acronym]
        product = acronym
    elif product != full:
        single = len(words) == 1
        # "Deployment software": "Deployment" alone is an ordinary word (any task
        # statement using it says so), not the product
        if not single or stem(product.lower()) not in seen_words and len(product) > 2:
            out.append(product)
        else:
            product = full  # "Microsoft Word": "Word" alone is an ordinary word
    if len(words) > 1 and words[0].isupper() and words[0].isalpha() and len(words[0]) >= 3 \
            and stem(words[0].lower()) not in common:
        out.append(words[0])  # "SPSS Statistics" is written "SPSS"
    if len(full) <= 2:
        out = [f"={full}"]  # "C": only as written, never the letter in lower case
    elif len(full.split()) == 1 and stem(re.sub(r"\W", "", full).lower()) in common:
        out = [f"={full}"]  # "Act!": the tool as written, never "act" in a sentence
    display = product if len(product) >= 2 else full
    return display, list(dict.fromkeys(v for v in out if v))


def tools(min_occupations: int, common: set[str], seen_words: set[str] | None = None
          ) -> list[tuple[str, list[str]]]:
    rows = _rows("technology_skills.csv.gz")
    occupations: dict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    for row in rows:
        occupations[row["technology"]].add(row["soc_code"])
        if row["hot_technology"] == "True":
            hot.add(row["technology"])
    chosen = sorted(t for t, socs in occupations.items()
                    if len(socs) >= min_occupations or t in hot)
    out, seen = [], set()
    for name in chosen:
        words = name.split()
        if re.search(r"\b(software|systems?)$", name, re.I) and all(
                w.islower() or w.isupper() for w in words[1:]) and \
                stem(words[0].lower()) in common:
            continue  # a kind of software ("Word processing software"), not a named tool
        display, names = variants(name, common, seen_words)
        key = display.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append((display, names))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--min-occupations", type=int, default=3)
    args = parser.parse_args()
    n, df = word_frequency()
    common = {w for w, c in df.items() if c >= 3}
    buf = io.StringIO()
    buf.write(f"# stem\ttask statements containing it (of {n}); generated by "
              "benchmarks/tools/build_lexicon_from_onet.py from O*NET Task Statements "
              "(CC BY 4.0, see research_kit/data/onet/ATTRIBUTION.md)\n")
    buf.write(f"_total\t{n}\n")
    for word, count in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
        if count >= 2:
            buf.write(f"{word}\t{count}\n")
    (OUT / "word_frequency.tsv").write_text(buf.getvalue(), encoding="utf-8")
    buf = io.StringIO()
    buf.write("# Technology names from O*NET Technology Skills (CC BY 4.0, see "
              "research_kit/data/onet/ATTRIBUTION.md), generated by\n# "
              "benchmarks/tools/build_lexicon_from_onet.py: concept, category, variants "
              "(the format of terms.tsv). Edit terms.tsv, not this file.\n")
    entries = tools(args.min_occupations, common, set(df))
    for display, names in entries:
        buf.write(f"{display}\ttool\t{'|'.join(names)}\n")
    (OUT / "tools_onet.tsv").write_text(buf.getvalue(), encoding="utf-8")
    print(f"word_frequency.tsv: {sum(1 for c in df.values() if c >= 2)} stems; "
          f"tools_onet.tsv: {len(entries)} tools")


if __name__ == "__main__":
    main()
