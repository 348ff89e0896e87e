"""Requirement ↔ profile verdicts and evidence quotes against hand labels.

benchmarks/data/evidence_labels.jsonl holds 313 requirement × profile pairs labelled by hand
(LABELS_evidence.md): verdict met / partly / not_met / unknown, the whole sentence or bullet
that shows it, its section, role and page. Each pair is run through the real pipeline: the
profile is parsed from its fixture (LinkedIn PDF, or one resume row of the CSV read as a
text resume), the requirement becomes a one-bullet posting, and ``match_requirements``
judges it. Reported:

* verdict confusion and accuracy; **precision and recall of "met"** (goal ≥ 0.90 / ≥ 0.80);
  overclaims (a stronger verdict than the label: the worst error) by kind;
* quotes: the share that are **whole sentences, bullets or one-line fields** of the
  profile's text layer (checked here, independently of the parser: the quote must sit in
  the text with a sentence or line boundary on both sides, not start or end inside a
  wrapped sentence), the share **cited to the profile file** (not the posting), and the
  share equal to the labelled quote where both exist;
* requirement types against the labelled ``requirement_type`` (when the table has them);
* bad input: an empty profile, a scanned PDF, a profile in another language.

Pairs are split once, by a hash of their text, into *dev* (70 %, used while writing the
rules: ``--show`` lists their errors) and *holdout* (30 %, never listed; its numbers are
the honest estimate). A second held-out file, evidence_labels_holdout2.jsonl (75 pairs
labelled later, before the matcher was run on them), is the set *holdout2*. It was held out
until the evidence3 pass, which used it for development: ``--show --set holdout2`` lists its
errors. evidence_labels_holdout3.jsonl (90 pairs labelled blind for that pass, committed
before the matcher was run on them) was the set *holdout3* until the fourth evidence pass,
which used it for development. evidence_labels_holdout4.jsonl (100 pairs labelled blind for
that pass, committed before the matcher was run on them) was measured blind once as
*holdout4* (met precision 0.86, recall 0.53) and then used for development.
evidence_labels_holdout5.jsonl (100 pairs labelled blind meanwhile, committed before the
matcher was run on them) is the set *holdout5*; so is evidence_labels_holdout6.jsonl (100 pairs labelled blind during the fifth pass, committed
before the matcher was run on them), the set *holdout6*, and evidence_labels_holdout7.jsonl
(100 more, labelled blind at the end of that pass), the set *holdout7*, and
evidence_labels_holdout8.jsonl (100 more, labelled blind during the sixth pass), the set
*holdout8*. Each of holdout5 to holdout8 was measured blind first and then, in the sixth
pass, used for development (``--show`` lists their errors). evidence_labels_holdout9.jsonl
(100 pairs labelled blind during the sixth pass, committed before the matcher ran on them)
is the set *holdout9*, measured blind once and then used for development in the second half
of that pass; evidence_labels_holdout10.jsonl (100 more, labelled blind meanwhile, committed
before the matcher ran on them) is the set *holdout10*, measured blind by three matchers in
the sixth pass and used for development in the seventh; evidence_labels_holdout11.jsonl
(100 more, labelled blind during the seventh pass, committed before the matcher ran on
them) is the set *holdout11*, measured blind by two matchers and then used for development
in the second half of that pass; evidence_labels_holdout12.jsonl (100 more, labelled blind
meanwhile) is the set *holdout12*: never listed; evidence_labels_holdout13.jsonl (100 more,
labelled blind in the eighth pass, committed before the matcher ran on them; new pairings of
requirement lines labelled before with other profiles, since the fixtures hold no unlabelled
line any more) is the set *holdout13*: never listed. *all* stays dev + holdout (the 313
pairs of the first file); *all3* adds holdout2, *all4* holdout3, … *all14* holdout13 too.
``--labels FILE`` scores any other file of the same schema as the set *extra*.

Run: python benchmarks/bench_evidence.py [--fixtures DIR] [--show]
     [--set dev|holdout|holdout2|…|holdout13|all|all3|…|all14] [--labels FILE]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from research_kit.errors import ResearchKitError  # noqa: E402
from research_kit.provenance import Source  # noqa: E402
from research_kit.research.position.evidence import _BARE_DATE, _HEADING  # noqa: E402
from research_kit.research.position.match import match_requirements  # noqa: E402
from research_kit.sources.jobs.features import requirement_rows  # noqa: E402
from research_kit.sources.jobs.model import JobPosting, JobSection  # noqa: E402
from research_kit.sources.profiles import load_profile  # noqa: E402
from research_kit.sources.profiles.resume import fix_mojibake, parse_resume_text  # noqa: E402

LABELS = ROOT / "benchmarks" / "data" / "evidence_labels.jsonl"
LABELS_HOLDOUT2 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout2.jsonl"
LABELS_HOLDOUT3 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout3.jsonl"
LABELS_HOLDOUT4 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout4.jsonl"
LABELS_HOLDOUT5 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout5.jsonl"
LABELS_HOLDOUT6 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout6.jsonl"
LABELS_HOLDOUT7 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout7.jsonl"
LABELS_HOLDOUT8 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout8.jsonl"
LABELS_HOLDOUT9 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout9.jsonl"
LABELS_HOLDOUT10 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout10.jsonl"
LABELS_HOLDOUT11 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout11.jsonl"
LABELS_HOLDOUT12 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout12.jsonl"
LABELS_HOLDOUT13 = ROOT / "benchmarks" / "data" / "evidence_labels_holdout13.jsonl"
HOLDOUT_FILES = {"holdout2": LABELS_HOLDOUT2, "holdout3": LABELS_HOLDOUT3,
                 "holdout4": LABELS_HOLDOUT4, "holdout5": LABELS_HOLDOUT5,
                 "holdout6": LABELS_HOLDOUT6, "holdout7": LABELS_HOLDOUT7,
                 "holdout8": LABELS_HOLDOUT8, "holdout9": LABELS_HOLDOUT9,
                 "holdout10": LABELS_HOLDOUT10, "holdout11": LABELS_HOLDOUT11,
                 "holdout12": LABELS_HOLDOUT12, "holdout13": LABELS_HOLDOUT13}
_ORDER = ("dev", "holdout", *HOLDOUT_FILES)
SETS = (*_ORDER, "all", *(f"all{n}" for n in range(3, len(_ORDER) + 1)))
"""Single sets, then *all* (dev + holdout) and *allN*: the first N sets in _ORDER."""
SHOWABLE = ("dev", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7",
            "holdout8", "holdout9", "holdout10", "holdout11")
"""Sets whose errors ``--show`` may list: dev, holdout2 (a development set since the
evidence3 pass), holdout3 and holdout4 (since the fourth), holdout5 to holdout9 (since the
sixth, each measured blind first), holdout10 and holdout11 (since the seventh, each after
its blind runs). holdout, holdout12 and holdout13 are never listed."""
STRENGTH = {"not_met": 0, "unknown": 0, "partly": 1, "met": 2}
VERDICTS = ("met", "partly", "not_met", "unknown")
_STATUS = {"met": "met", "partly met": "partly", "partly": "partly", "not met": "not_met",
           "not_met": "not_met", "unknown": "unknown"}


def split_of(row: dict) -> str:
    key = f"{row['posting_file']}|{row['requirement']}|{row['profile_file']}".encode()
    return "holdout" if int(hashlib.sha1(key).hexdigest(), 16) % 10 < 3 else "dev"


# --- profiles and their text layers ----------------------------------------------------

class Profiles:
    def __init__(self, fixtures: Path) -> None:
        self.fixtures = fixtures
        self._cache: dict[str, tuple] = {}
        self._resumes: list[dict] | None = None

    def get(self, ref: str):
        if ref not in self._cache:
            self._cache[ref] = self._load(ref)
        return self._cache[ref]

    def _load(self, ref: str):
        path, _, row = ref.partition("#")
        full = self.fixtures / path
        if not row:
            return load_profile(full), pdf_text_layer(full), str(full)
        if self._resumes is None:
            with full.open(encoding="utf-8", newline="") as fh:
                self._resumes = list(csv.DictReader(fh))
        cell = self._resumes[int(row)]["Resume"]
        source = Source.for_file(full, section=f"row {row}")
        return parse_resume_text(cell, source), fix_mojibake(cell), str(full)


def pdf_text_layer(path: Path) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(pages)
    finally:
        pdf.close()


# --- the independent whole-unit check ---------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-–•*·●▪➢♦]+|\d+[.)])\s*")
_FUNCTION_END = re.compile(r"\b(?:of|in|and|or|the|a|an|to|for|with|by|on|at|from|as|that|"
                           r"which|using|into|is|are)$", re.I)


def _clean_layer(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-")
    text = text.replace("\x02", "-").replace("\u00a0", " ")
    # resume text: headings glued to the line before ("24 monthsCompany Details"), several
    # bullets on one line ("Skills * A * B", "• Typewriting • TORA"), "key - value" fields
    text = re.sub(r"(?<=\S)[ \t]*(?=(?:Education|Skill|Company|Project|Training) Details\b)",
                  "\n", text)
    text = re.sub(r"(?im)^\s*(?:technical skills|key skills|skills|summary)\s+(?=[A-Z])", "• ", text)
    text = re.sub(r"(?:^|\s)[•*➢]\s+", "\n• ", text)
    text = re.sub(r"(?im)^\s*(?:description|company|designation|role)\s+-\s+", "• ", text)
    return [" ".join(line.split()) for line in text.split("\n")]


def is_whole_unit(quote: str, layer: str) -> bool:
    """True when ``quote`` is a whole sentence, bullet or one-line field of ``layer``."""
    q = " ".join(quote.replace("\u00a0", " ").split())
    if not q:
        return False
    flat, line_starts, line_ends, bullet_starts = "", set(), {}, set()
    for line in _clean_layer(layer):
        if not line:
            continue
        body = _BULLET.sub("", line)
        start = len(flat) + (1 if flat else 0)
        flat = f"{flat} {body}" if flat else body
        line_starts.add(start)
        line_ends[len(flat)] = body
        if body != line:
            bullet_starts.add(start)
    idx = flat.find(q)
    while idx >= 0:
        if _before_ok(flat, idx, line_starts, line_ends, bullet_starts) and \
                _after_ok(flat, idx + len(q), q, line_ends):
            return True
        idx = flat.find(q, idx + 1)
    return False


def _wrapped(line: str) -> bool:
    """A line that ran on into the next: long, no closing punctuation."""
    return len(line) >= 40 and not re.search(r"[.!?:;)\]]$", line)


def _before_ok(flat: str, i: int, line_starts, line_ends, bullet_starts) -> bool:
    if i == 0 or i in bullet_starts:
        return True
    if i in line_starts:
        prev = line_ends.get(i - 1, "")
        return not _wrapped(prev) or not flat[i].islower() and not _FUNCTION_END.search(prev) \
            and not prev.endswith(",")
    if flat[i].islower():
        return False
    return flat[:i].rstrip().endswith((".", "!", "?", ":", ";", "•", "|"))


def _after_ok(flat: str, j: int, quote: str, line_ends) -> bool:
    if _FUNCTION_END.search(quote) or quote.endswith((",", "-")):
        return False
    if j >= len(flat) or quote.endswith((".", "!", "?")):
        return True
    if j in line_ends:
        nxt = flat[j + 1:j + 2]
        return not (nxt.islower() and _wrapped(line_ends[j]))
    return flat[j:].lstrip()[:1] in ("•", ";", "|")


# --- running one pair -------------------------------------------------------------------

def judge(row: dict, profile) -> dict:
    kind = "preferred" if row["requirement_kind"] == "preferred" else "required"
    sections = [JobSection(kind, "Requirements" if kind == "required" else "Nice to have",
                           bullets=[row["requirement"]])]
    job = JobPosting(title=row["posting_title"], sections=sections,
                     source=Source.for_file(row["posting_file"], title="Job posting"))
    job.features = requirement_rows(sections)
    table = match_requirements(job, profile)
    rec = table.to_dict("records")[0]
    status = _STATUS.get(str(rec.get("verdict") or rec.get("status")), "unknown")
    if "quotes" in rec and isinstance(rec["quotes"], list):
        quotes = [(q["text"], q.get("url")) for q in rec["quotes"]]
    else:
        text = rec.get("evidence") if isinstance(rec.get("evidence"), str) else ""
        url = rec.get("evidence_url") if isinstance(rec.get("evidence_url"), str) else \
            rec.get("source_url")
        if "evidence_url" in rec and "quotes" not in rec and "reason" not in rec:
            url = rec.get("source_url")  # before: evidence cited the posting's row source
        quotes = [(q, url) for q in text.split(" | ") if q]
    return {"verdict": status, "quotes": quotes, "type": rec.get("type"),
            "reason": rec.get("reason")}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fixtures", default=os.environ.get("RESEARCH_KIT_FIXTURES")
                        or str(ROOT.parent / "shared" / "fixtures"))
    parser.add_argument("--set", default=SETS[-1], choices=SETS,
                        help="report one set (default: every set)")
    parser.add_argument("--labels", help="score this labels file too, as the set 'extra'")
    parser.add_argument("--show", action="store_true",
                        help="list the errors of dev (or of holdout2 with --set holdout2)")
    args = parser.parse_args()
    fixtures = Path(args.fixtures)
    labelled = [(row, split_of(row)) for row in _read(LABELS)]
    for name, path in HOLDOUT_FILES.items():
        labelled += [(row, name) for row in _read(path)]
    if args.labels:
        labelled += [(row, "extra") for row in _read(Path(args.labels))]
    profiles = Profiles(fixtures)
    results: dict[str, list] = {name: [] for name in (*_ORDER, "extra")}
    for row, split in labelled:
        profile, layer, path = profiles.get(row["profile_file"])
        got = judge(row, profile)
        results[split].append((row, got, layer, path))
    groups: dict[str, tuple[str, ...]] = {name: (name,) for name in _ORDER}
    groups["all"] = ("dev", "holdout")
    groups.update({f"all{n}": _ORDER[:n] for n in range(3, len(_ORDER) + 1)})
    wanted = SETS if args.set == SETS[-1] else (args.set,)
    shown = args.set if args.set in SHOWABLE else "dev"
    for name in wanted:
        items = [item for part in groups[name] for item in results[part]]
        report(name, items, show=args.show and name == shown)
    if results["extra"]:
        report("extra", results["extra"], show=False)
    bad_input()


def _read(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def report(name: str, items: list, show: bool) -> None:
    confusion: Counter = Counter()
    over: Counter = Counter()
    quotes = whole = cited = agree = agree_n = bare = 0
    type_ok = type_n = 0
    errors = []
    for row, got, layer, path in items:
        gold, pred = row["verdict"], got["verdict"]
        confusion[(gold, pred)] += 1
        if STRENGTH[pred] > STRENGTH[gold]:
            over[f"{gold}→{pred}"] += 1
        for text, url in got["quotes"]:
            quotes += 1
            whole += is_whole_unit(text, layer)
            cited += bool(url) and Path(str(url)).name == Path(path).name
            bare += bool(_BARE_DATE.match(text.strip()) or _HEADING.match(text.strip()))
        if row["evidence"] and got["quotes"] and gold in ("met", "partly", "not_met"):
            agree_n += 1
            agree += any(" ".join(q.split()) == " ".join(row["evidence"].split())
                         for q, _ in got["quotes"])
        if got.get("type"):
            type_n += 1
            type_ok += got["type"] == row["requirement_type"]
        if gold != pred:
            errors.append((row, got))
    n = len(items)
    tp = confusion[("met", "met")]
    said_met = sum(v for (g, p), v in confusion.items() if p == "met")
    gold_met = sum(v for (g, p), v in confusion.items() if g == "met")
    acc = sum(v for (g, p), v in confusion.items() if g == p) / n if n else 0
    print(f"\n== {name}: {n} pairs ==")
    print(f"verdict accuracy {acc:.2f}")
    print(f"'met' precision {tp / said_met if said_met else 1:.2f} ({tp}/{said_met})   "
          f"recall {tp / gold_met if gold_met else 1:.2f} ({tp}/{gold_met})")
    print(f"overclaims {sum(over.values())} ({sum(over.values()) / n:.1%} of pairs): "
          + ", ".join(f"{k} {v}" for k, v in over.most_common()))
    print("confusion (rows gold, columns predicted):")
    print("           " + "".join(f"{v:>9}" for v in VERDICTS))
    for g in VERDICTS:
        print(f"  {g:<9}" + "".join(f"{confusion[(g, p)]:>9}" for p in VERDICTS))
    if quotes:
        print(f"quotes {quotes}: whole sentence/bullet {whole / quotes:.1%}, cited to the "
              f"profile {cited / quotes:.1%}, a bare date or heading {bare}")
    else:
        print("quotes 0")
    if agree_n:
        print(f"same quote as the label (where both quote) {agree / agree_n:.1%} ({agree}/{agree_n})")
    if type_n:
        print(f"requirement type as labelled {type_ok / type_n:.1%} ({type_ok}/{type_n})")
    if show:
        print("\nerrors:")
        for row, got in errors:
            print(f"- [{row['requirement_type']}/{got.get('type')}] gold {row['verdict']} got "
                  f"{got['verdict']}: {row['requirement'][:110]!r}\n    profile "
                  f"{Path(row['profile_file']).name} | gold quote {row['evidence'][:90]!r}\n"
                  f"    ours {[q[:90] for q, _ in got['quotes']]} | {got.get('reason')}")


def bad_input() -> None:
    """Empty profile, scanned PDF, a profile in another language: typed error or an
    "unknown" verdict with its reason — never a crash or a silent empty answer."""
    print("\n== bad input ==")
    requirement = {"posting_file": "bench", "posting_title": "Data Engineer",
                   "requirement": "3+ years of experience with Python and SQL",
                   "requirement_kind": "required"}
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "empty.txt"
        empty.write_text("", encoding="utf-8")
        scanned = Path(tmp) / "scanned.pdf"
        _scanned_pdf(scanned)
        foreign = Path(tmp) / "curriculo.txt"
        foreign.write_text(
            "Mariana Souza\nEngenheira de Dados\nResumo\nSou engenheira de dados com "
            "experiência em pipelines de dados e na nuvem.\nExperiência\nEngenheira de "
            "Dados na Empresa Exemplo\nJaneiro de 2019 - Presente\nConstruí pipelines de "
            "dados para a equipe de análise e mantive o data warehouse da empresa.\n"
            "Formação acadêmica\nUniversidade Federal de Minas Gerais\nBacharelado em "
            "Ciência da Computação (2012 - 2016)\n", encoding="utf-8")
        for label, path in (("empty profile", empty), ("scanned PDF", scanned),
                            ("profile in Portuguese", foreign)):
            try:
                profile = load_profile(path)
            except ResearchKitError as exc:
                print(f"  {label:<22} typed error {type(exc).__name__}: {exc.message}")
                continue
            except Exception as exc:  # noqa: BLE001 - a crash is what this reports
                print(f"  {label:<22} CRASH {type(exc).__name__}: {exc}")
                continue
            try:
                got = judge(requirement, profile)
            except Exception as exc:  # noqa: BLE001
                print(f"  {label:<22} CRASH in matching {type(exc).__name__}: {exc}")
                continue
            print(f"  {label:<22} verdict {got['verdict']}; reason: {got.get('reason')!r}; "
                  f"quotes {[q for q, _ in got['quotes']]}")


def _scanned_pdf(path: Path) -> None:
    """A one-page PDF holding only an image (what a scanner produces)."""
    from fpdf import FPDF
    from PIL import Image

    image = Path(path).with_suffix(".png")
    Image.new("RGB", (400, 200), "white").save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=180)
    pdf.output(str(path))


if __name__ == "__main__":
    main()
