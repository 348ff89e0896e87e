"""How specific a word is: rare words say what a requirement is about.

A requirement's words are not equally telling: "consensus", "altitude", "payroll" name the
subject; "system", "manage", "develop" could be anyone's. The weight of a word stem is its
inverse document frequency over O*NET's ~9,700 task statements (a broad sample of how work
is described, every occupation), scaled to 0–1: ``data/word_frequency.tsv``, built by
benchmarks/tools/build_lexicon_from_onet.py.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

__all__ = ["word_weight"]


@lru_cache(maxsize=1)
def _table() -> tuple[int, dict[str, int]]:
    text = resources.files(__package__).joinpath("data/word_frequency.tsv").read_text("utf-8")
    counts: dict[str, int] = {}
    total = 1
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        word, _, count = line.partition("\t")
        if word == "_total":
            total = int(count)
        else:
            counts[word] = int(count)
    return total, counts


def word_weight(word_stem: str) -> float:
    """1.0 for a stem O*NET's tasks never or once use, falling towards 0 for the commonest
    ("use", "equipment")."""
    total, counts = _table()
    df = counts.get(word_stem, 1)
    return math.log((total + 1) / (df + 1)) / math.log((total + 1) / 2)
