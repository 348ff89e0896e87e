"""Your own evidence for a requirement, in your words, where the profile's words fall short.

The matcher reads the words of a profile; it does not know that "Head of Engineering" at a
start-up shaped its architecture, and on phrasings it has not seen it says "?" for about
half of what people judge as met (docs/matching.md). The candidate knows. In target.toml:

    [my_evidence]
    "scaling complex software systems" = "Scaled our site to 5M monthly readers (2016)."

Each key is a phrase of a requirement (any part of it, case and spacing aside); the value
is what you would say. Every requirement the phrase names becomes "met" with your text as
its first quote, cited to target.toml — never to the profile, so the brief shows whose
words they are. A phrase that names no requirement is reported with the closest one, not
dropped.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd

from ...lexicon.text import fold
from ...provenance import Source

__all__ = ["apply_my_evidence", "unmatched_phrases", "MY_EVIDENCE_REASON"]

MY_EVIDENCE_REASON = "in your own words (target.toml, [my_evidence])"


def _names(phrase: str, requirement: str) -> bool:
    folded = fold(phrase)
    return bool(folded) and folded in fold(requirement)


def unmatched_phrases(notes: Mapping[str, Any], requirements: list[str]) -> list[str]:
    """One line per phrase of ``[my_evidence]`` that names no requirement, with the closest
    requirement to copy from (a typo must not silently drop what the candidate wrote)."""
    out = []
    for phrase in notes:
        if any(_names(phrase, r) for r in requirements):
            continue
        close = difflib.get_close_matches(fold(phrase), [fold(r) for r in requirements],
                                          n=1, cutoff=0.0)
        hint = ""
        if close:
            original = requirements[[fold(r) for r in requirements].index(close[0])]
            hint = f" (closest: “{' '.join(original.split()[:8])}…”)"
        out.append(f"target.toml [my_evidence]: “{phrase}” is not part of any requirement "
                   f"of the posting{hint}; copy a few words of the requirement as the key.")
    return out


def apply_my_evidence(matches: pd.DataFrame, notes: Mapping[str, Any],
                      source_for: Callable[[str], Source]) -> pd.DataFrame:
    """``matches`` with every requirement a ``notes`` phrase names marked met, the
    candidate's text first among its quotes (``source_for(phrase)`` cites it)."""
    usable = {str(k): " ".join(str(v).split()) for k, v in notes.items()
              if isinstance(v, str) and v.strip()}
    if not usable or matches is None or not len(matches):
        return matches
    table = matches.copy()
    for i, row in table.iterrows():
        phrase = next((p for p in usable if _names(p, str(row["requirement"]))), None)
        if phrase is None:
            continue
        source = source_for(phrase)
        quote = {"text": usable[phrase], "section": "my_evidence", "role": None, "page": None,
                 "label": "target.toml · my evidence", "url": source.url,
                 "retrieved_at": source.retrieved_at, "source_section": source.section}
        earlier = row["quotes"] if isinstance(row["quotes"], list) else []
        updates = {"verdict": "met", "status": "met", "reason": MY_EVIDENCE_REASON,
                   "evidence": quote["text"], "evidence_section": "my_evidence",
                   "evidence_role": None, "evidence_page": None, "evidence_url": source.url,
                   "evidence_source": quote["label"], "quotes": [quote, *earlier],
                   "score": 1.0}
        for column, value in updates.items():
            table.at[i, column] = value
    return table
