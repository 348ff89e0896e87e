"""Run by bench_10k_split.py with benchmarks/.venv-edgartools/bin/python (edgartools is not
a research-kit dependency). Prints JSON: per file, parse and section-finding seconds and
the text of Items 1, 1A and 7 as edgartools finds them (first 300 characters)."""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from edgar.documents import ParserConfig, parse_html

KEYS = {"1": "part_i_item_1", "1A": "part_i_item_1a", "7": "part_ii_item_7"}
TITLES = {"1": r"business\W*$", "1A": r"risk factors\W*$", "7": r"management.{0,100}$"}


_LEADING = re.compile(r"^\s*(?:(?:PART\s+[IV]+\s*)?ITEM\s+\d+[A-C]?\b[^\n]*|table of contents"
                      r"|\d{1,3}|PART\s+[IV]+)?\s*\n", re.I)


def body(section, key: str) -> str:
    """Section text without the heading lines, page furniture and blank lines before it
    (our items start after the heading, so the comparison is like for like)."""
    text = section.text() if callable(getattr(section, "text", None)) else str(section.text)
    while True:
        stripped = _LEADING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    first, _, rest = text.partition("\n")
    if len(first) <= 120 and re.match(TITLES[key], first.strip(), re.I | re.S):
        text = rest  # the item's title, set on its own line after "ITEM 1."
    return text


def main(paths: list[str]) -> None:
    results = {}
    for name in paths:
        path = Path(name)
        html = path.read_text("utf-8", errors="replace")
        try:
            start = time.perf_counter()
            doc = parse_html(html, ParserConfig(form="10-K"))
            parsed = time.perf_counter() - start
            start = time.perf_counter()
            sections = doc.sections
            found = {key: body(sections[k], key)[:300] if k in sections else None
                     for key, k in KEYS.items()}
            located = time.perf_counter() - start
            results[path.name] = {"parse_seconds": parsed, "sections_seconds": located,
                                  "found": found}
        except Exception as exc:  # a failure on one file is a result, not a crash
            results[path.name] = {"error": f"{type(exc).__name__}: {exc}"[:200], "found": {}}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
