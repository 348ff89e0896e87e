"""Fuzzy job title → O*NET occupation matching over titles, alternate and short titles.

Scoring, per occupation: the best similarity (0–100) between any normalised form of the
query (:func:`~research_kit.sources.onet.titles.title_variants`) and any of the occupation's
names, with O*NET's own title ranked a little above alternate titles. Similarity is the mean
of a character-level score (token-sort ratio: tolerant of typos and word order) and a
word-level score (Dice overlap of whole words, half credit for a prefix such as
"data"/"database"), so that spelling alone cannot make "Purser" a "Nurse" or "Chef" a
"Chief". Many alternate titles are shared by several occupations ("Financial Analyst" is
listed under Credit Analysts, Accountants and Financial Analysts); such near-ties are broken
by how many words the query shares with the occupation's own title, then by how many of the
occupation's names resemble the query (Financial Analysts has seven such names, Credit
Analysts one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...sources.onet.titles import normalize_title, title_variants

__all__ = ["TitleIndex", "title_index", "Candidate"]

OWN_TITLE_BONUS = 2.0
TIE_BREAK_WEIGHT = 5.0
EVIDENCE_WEIGHT = 3.0
EVIDENCE_MIN = 70.0
EVIDENCE_CAP = 5
MIN_SCORE = 60.0
CHAR_CUTOFF = 50.0
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Candidate:
    soc_code: str
    score: float
    """Similarity of the best-matching name, 0–100."""
    rank_score: float
    """score + small bonuses used for ordering (own title, words shared with the title)."""
    matched_name: str
    matched_kind: str
    row: int
    """Row of the matched name in its source table (occupations or alternate_titles)."""


class TitleIndex:
    """Normalised names of every occupation, ready for fast fuzzy lookups."""

    def __init__(self, data) -> None:
        codes, names, kinds, rows = [], [], [], []

        def add(code, name, kind, row):
            if not isinstance(name, str) or not name.strip():
                return
            forms = [_name_form(name)]
            bare = _PARENTHESIS.sub("", name).strip()  # "Executive Chef (Ex Chef)"
            if bare and bare != name:
                forms.append(_name_form(bare))
            for form in dict.fromkeys(forms):  # in order: the same index on every run
                if form:
                    codes.append(code)
                    names.append(form)
                    kinds.append([kind, name])
                    rows.append(row)

        occ = data.occupations
        # plain lists: indexing pandas' string arrays item by item is several times slower
        for i, (code, title) in enumerate(zip(occ["soc_code"].tolist(), occ["title"].tolist())):
            add(code, title, "O*NET title", i)
        alt = data.alternate_titles
        for i, (code, name, short) in enumerate(zip(alt["soc_code"].tolist(),
                                                    alt["alternate_title"].tolist(),
                                                    alt["short_title"].tolist())):
            add(code, name, "alternate title", i)
            add(code, short, "short title", i)
        self.codes, self.names, self.kinds, self.rows = codes, names, kinds, rows
        self.title_words = {code: set(normalize_title(title).split())
                            for code, title in zip(occ["soc_code"], occ["title"])}

    def search(self, title: str, top: int = 5) -> list[Candidate]:
        from rapidfuzz import fuzz, process

        variants = title_variants(title)
        best: dict[str, tuple[float, float, int]] = {}  # code → (score + bonus, score, i)
        evidence: dict[str, set[str]] = {}  # code → its names that resemble the query
        for variant in variants:
            words = variant.split()
            scores = process.cdist([variant], self.names, scorer=fuzz.token_sort_ratio,
                                   score_cutoff=CHAR_CUTOFF, workers=1)[0]
            for i in scores.nonzero()[0]:
                score = (float(scores[i]) + 100.0 * _word_dice(words, self.names[i].split())) / 2
                if score < MIN_SCORE:
                    continue
                bonus = OWN_TITLE_BONUS if self.kinds[i][0] == "O*NET title" else 0.0
                code = self.codes[i]
                if score >= EVIDENCE_MIN:
                    evidence.setdefault(code, set()).add(self.names[i])
                if code not in best or score + bonus > best[code][0]:
                    best[code] = (score + bonus, score, i)
        out = []
        for code, (scored, score, i) in best.items():
            overlap = max(_jaccard(set(v.split()), self.title_words.get(code, set()))
                          for v in variants)
            kind, name = self.kinds[i]
            support = min(len(evidence.get(code, ())), EVIDENCE_CAP) / EVIDENCE_CAP
            out.append(Candidate(code, round(score, 1),
                                 scored + TIE_BREAK_WEIGHT * overlap + EVIDENCE_WEIGHT * support,
                                 name, kind, self.rows[i]))
        out.sort(key=lambda c: (-c.rank_score, c.soc_code))
        return out[:top]


def _name_form(name: str) -> str:
    """A name as queries are normalised: without seniority words, unless that empties it."""
    return normalize_title(name, drop_seniority=True) or normalize_title(name)


def _word_match(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return 0.5
    return 0.0


def _word_dice(query: list[str], name: list[str]) -> float:
    """Dice overlap of two word lists, each query word credited with its best match."""
    if not query or not name:
        return 0.0
    matched = sum(max(_word_match(q, n) for n in name) for q in query)
    return min(1.0, 2.0 * matched / (len(query) + len(name)))


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def title_index(data) -> TitleIndex:
    """The index for ``data``, built once and kept in its cache."""
    index = data.cache.get("title_index")
    if index is None:
        index = data.cache["title_index"] = TitleIndex(data)
    return index


_INDEX_FORMAT = "2"  # bump when TitleIndex or the title normaliser changes
SHIPPED_INDEX = "title_index.json.gz"


def _index_key(manifest: bytes) -> str:
    import hashlib

    return hashlib.sha256(manifest + f"/{_INDEX_FORMAT}".encode()).hexdigest()


def write_title_index(data: Any, folder: Path) -> Path:
    """Write the index of ``data`` (the bundled extract in ``folder``) next to it, as JSON.

    Built with the extract (benchmarks/tools/build_onet_extract.py): normalising 60,000
    titles takes ~0.2 s, loading them ~0.03 s. Keyed by the extract's manifest and the index
    format, so a stale file is never used (and a test rebuilds it and compares)."""
    import gzip
    import json

    index = TitleIndex(data)
    payload = {"key": _index_key((folder / "manifest.json").read_bytes()),
               "codes": index.codes, "names": index.names,
               "kinds": [list(k) for k in index.kinds], "rows": index.rows,
               "title_words": {k: sorted(v) for k, v in sorted(index.title_words.items())}}
    path = folder / SHIPPED_INDEX
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.write_bytes(gzip.compress(raw, mtime=0))
    return path


def _shipped_index(folder: Path) -> TitleIndex | None:
    import gzip
    import json

    try:
        payload = json.loads(gzip.decompress((folder / SHIPPED_INDEX).read_bytes()))
        if payload.get("key") != _index_key((folder / "manifest.json").read_bytes()):
            return None
        index = TitleIndex.__new__(TitleIndex)
        index.codes, index.names, index.rows = payload["codes"], payload["names"], payload["rows"]
        # [kind, name] pairs as loaded: indexing and unpacking need no tuples, and
        # converting 60,000 of them costs a twentieth of a second on every run
        index.kinds = payload["kinds"]
        index.title_words = {k: set(v) for k, v in payload["title_words"].items()}
        return index
    except (OSError, ValueError, KeyError, TypeError):
        return None


def indexed_bundled_onet() -> Any:
    """The bundled O*NET extract with its title index (the one shipped with it when it
    matches, else built now)."""
    from ...sources.onet.data import BUNDLED_DIR, bundled_onet

    data = bundled_onet()
    if "title_index" not in data.cache:
        index = _shipped_index(BUNDLED_DIR)
        data.cache["title_index"] = index if index is not None else TitleIndex(data)
    return data
