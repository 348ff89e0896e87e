"""Map occupations of an older O*NET-SOC taxonomy release onto a newer one.

O*NET renumbered many occupations in 2019 (``15-1132.00`` Software Developers, Applications
→ ``15-1252.00`` Software Developers), merged some specialties into their parent and split
others. When one release carries tables another lacks (tasks, skills or alternate titles
only in an older file), we carry them forward through this crosswalk. It is derived from
the two Occupation Data files alone, in this order of confidence:

1. ``same code`` — the code exists in both releases with a similar title;
2. ``same title`` — a differently numbered occupation with the same (normalised) title;
3. ``same title before qualifier`` — the title before its first comma is a newer title
   ("Software Developers, Applications" → "Software Developers");
4. ``merged into parent`` — a specialty (``.01``…) whose code is gone while its parent
   ``XX-XXXX.00`` still exists;
5. ``similar title`` — the closest title in word order (similarity ≥ 85) that also shares
   most of its words ("Police, Fire, and Ambulance Dispatchers" is *not* "Dispatchers,
   Except Police, Fire, and Ambulance").

Occupations matching none of these stay unmapped (their older data is not carried). Every
row says which rule mapped it, so the result can be audited against O*NET's official
crosswalk when that is at hand.
"""

from __future__ import annotations

from ...provenance import table_from_rows
from .titles import normalize_title

__all__ = ["derive_crosswalk", "CROSSWALK_COLUMNS", "primary_predecessors"]

CROSSWALK_COLUMNS = ["old_code", "old_title", "new_code", "new_title", "method", "score"]
SAME_CODE_MIN = 50
SIMILAR_TITLE_MIN = 85
WORD_OVERLAP_MIN = 0.6
METHOD_RANK = {"same code": 0, "same title": 1, "same title before qualifier": 2,
               "similar title": 3, "merged into parent": 4}


def _similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.token_sort_ratio(a, b))


def _word_overlap(a: str, b: str) -> float:
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def derive_crosswalk(old_occupations, new_occupations):
    """One row per older occupation: its code/title, the newer code/title (or None), how."""
    from rapidfuzz import fuzz, process

    new_titles = dict(zip(new_occupations["soc_code"], new_occupations["title"]))
    new_norm = {code: normalize_title(title) for code, title in new_titles.items()}
    by_norm: dict[str, list[str]] = {}
    unqualified: dict[str, list[str]] = {}  # newer titles without a ", qualifier"
    for code, norm in new_norm.items():
        by_norm.setdefault(norm, []).append(code)
        if "," not in str(new_titles[code]):
            unqualified.setdefault(norm, []).append(code)
    choices = list(new_norm.items())
    rows = []
    for old_code, old_title in zip(old_occupations["soc_code"], old_occupations["title"]):
        norm = normalize_title(old_title)
        new_code, method, score = None, None, None
        if old_code in new_titles:
            sim = max(_similarity(norm, new_norm[old_code]),
                      float(fuzz.token_set_ratio(norm, new_norm[old_code])))
            if sim >= SAME_CODE_MIN:
                new_code, method, score = old_code, "same code", sim
        if new_code is None and norm in by_norm:
            new_code, method, score = sorted(by_norm[norm])[0], "same title", 100.0
        head = normalize_title(str(old_title).split(",")[0])
        if new_code is None and head != norm and len(unqualified.get(head, [])) == 1:
            new_code, method, score = unqualified[head][0], "same title before qualifier", 100.0
        parent = old_code[:8] + "00"
        if new_code is None and not old_code.endswith(".00") and parent in new_titles:
            new_code, method = parent, "merged into parent"
            score = _similarity(norm, new_norm[parent])
        if new_code is None and choices:
            best = process.extractOne(norm, [c[1] for c in choices], scorer=fuzz.ratio)
            if (best and best[1] >= SIMILAR_TITLE_MIN
                    and _word_overlap(norm, best[0]) >= WORD_OVERLAP_MIN):
                new_code, method, score = choices[best[2]][0], "similar title", float(best[1])
        rows.append({"old_code": old_code, "old_title": old_title, "new_code": new_code,
                     "new_title": new_titles.get(new_code), "method": method,
                     "score": round(score, 1) if score is not None else None})
    return table_from_rows(rows, CROSSWALK_COLUMNS)


def primary_predecessors(crosswalk) -> dict[str, str]:
    """new code → the one older code whose detailed data (tasks, skills) it inherits.

    Several older occupations may map to one newer code (specialties merged into a
    parent); the most confident mapping wins: same code, then same title, then the most
    similar title.
    """
    mapped = crosswalk[crosswalk["new_code"].notna()].copy()
    mapped["rank"] = mapped["method"].map(METHOD_RANK)
    mapped = mapped.sort_values(["new_code", "rank", "score"], ascending=[True, True, False],
                                kind="stable")
    first = mapped.drop_duplicates("new_code")
    return dict(zip(first["new_code"], first["old_code"]))
