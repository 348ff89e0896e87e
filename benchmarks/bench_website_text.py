"""Main-text quality on the real fixture pages: ours vs. plain BeautifulSoup vs. trafilatura.

    python benchmarks/bench_website_text.py

Gold: benchmarks/data/website_text_gold.json (snippets a good extractor keeps / drops).
Scores per extractor: keep-recall (share of "keep" snippets present), leak (share of "drop"
snippets still present), words, ms per page. "ours+site" also runs the crawl's cross-page
pass (blocks repeated on many pages of one site are template) over the chtglobal pages.
trafilatura is measured only when installed (it is not a dependency of research-kit).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(PROJECT))
FIXTURES = PROJECT.parent / "shared" / "fixtures"


def norm(text: str) -> str:
    return " ".join((text or "").replace("\u00a0", " ").split()).lower()


def score(text: str, gold: dict) -> tuple[float, float]:
    t = norm(text)
    keep = [norm(s) in t for s in gold["keep"]]
    drop = [norm(s) in t for s in gold["drop"]]
    return sum(keep) / len(keep), sum(drop) / len(drop)


def bs_text(raw: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "lxml")
    for t in soup(["script", "style", "noscript"]):
        t.decompose()
    return soup.get_text("\n")


def main() -> None:
    from research_kit.sources.website.document import parse_html
    from research_kit.sources.website.maintext import (
        count_words,
        drop_repeated_blocks,
        extract_main_text,
    )

    gold = json.loads((HERE / "data" / "website_text_gold.json").read_text())["pages"]
    try:
        import trafilatura
    except ImportError:
        trafilatura = None
    extractors = {"beautifulsoup": bs_text,
                  "ours": lambda raw, url: extract_main_text(parse_html(raw, url)).text}
    if trafilatura is not None:
        extractors["trafilatura"] = lambda raw, url: trafilatura.extract(
            raw.decode("utf-8", "replace"), url=url) or ""
    results = {name: {} for name in list(extractors) + ["ours+site"]}
    site_pages = {}
    for rel, g in gold.items():
        path = FIXTURES / rel
        if not path.exists():
            print(f"skip {rel}: fixture missing")
            continue
        raw = path.read_bytes()
        url = "http://www." + rel.split("/", 1)[1] if rel.startswith("websites/chtglobal") else "http://example.org/" + rel
        for name, fn in extractors.items():
            runs = 5
            start = time.perf_counter()
            for _ in range(runs):
                text = fn(raw, url) if name != "beautifulsoup" else fn(raw)
            ms = (time.perf_counter() - start) / runs * 1000
            results[name][rel] = (*score(text, g), count_words(text), ms)
        if "chtglobal" in rel:
            site_pages[rel] = extract_main_text(parse_html(raw, url))
        else:
            results["ours+site"][rel] = results["ours"][rel]
    for rel, mt in zip(site_pages, drop_repeated_blocks(list(site_pages.values()))):
        results["ours+site"][rel] = (*score(mt.text, gold[rel]), mt.word_count,
                                     results["ours"][rel][3])

    print(f"{'page':<58}" + "".join(f"{n:>22}" for n in results))
    print(f"{'':<58}" + "".join(f"{'keep leak words':>22}" for _ in results))
    for rel in gold:
        if rel not in results["ours"]:
            continue
        row = f"{rel[-58:]:<58}"
        for name in results:
            k, leak, w, _ = results[name][rel]
            row += f"{k:>8.2f}{leak:>6.2f}{w:>8}"
        print(row)
    print()
    for name, per in results.items():
        n = len(per)
        keep = sum(v[0] for v in per.values()) / n
        leak = sum(v[1] for v in per.values()) / n
        ms = sum(v[3] for v in per.values()) / n
        print(f"{name:<14} pages={n}  keep-recall={keep:.3f}  boilerplate-leak={leak:.3f}  "
              f"mean {ms:.1f} ms/page")


if __name__ == "__main__":
    main()
