"""Split prose into whole sentences, verbatim, without breaking at abbreviations.

Filings, annual reports and company pages are full of dots that do not end a sentence:
"Inc.", "Corp.", "U.S.", "approx.", "No. 1", "Jan. 26", initials ("J. Smith"), decimals
("$115.2 billion"). A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a
closing quote or bracket) when the next character starts a new sentence (an upper-case
letter, a digit, an opening quote or bracket) and the word before the dot is not a known
abbreviation. Each sentence is returned exactly as written (whitespace folded), so a quote
of it is a quote of the source.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "ABBREVIATIONS"]

ABBREVIATIONS = frozenset({
    # companies and legal forms
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "intl", "assn", "dept", "div", "mfg",
    # titles
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "gov", "sen", "rep", "hon",
    # the usual
    "no", "nos", "vs", "etc", "approx", "est", "fig", "figs", "vol", "ed", "eds", "pp",
    "e.g", "i.e", "cf", "al", "ca", "incl", "excl", "avg", "max", "min", "mt", "ft", "oz",
    # months
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    # places and countries written with dots
    "u.s", "u.k", "u.s.a", "e.u", "n.a", "s.a", "n.v", "b.v",
    # currencies written with a dot before the amount ("Rs. 14,86,125")
    "rs",
})

# a candidate end: the terminal mark, then closing quotes/brackets, then space, then a start
_END = re.compile(r"([.!?])([\"'\u201d\u2019)\]]*)\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(before: str) -> bool:
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1:  # an initial: "J. Smith", "Item 1A. Risk" is handled below
        return word.isalpha() and before[-1:].isupper()
    return "." in word and len(word.replace(".", "")) <= 4  # "U.S", "a.m", "p.m"


def split_sentences(text: str, *, min_chars: int = 1, max_chars: int | None = None) -> list[str]:
    """The sentences of ``text`` (whitespace folded), in order; those shorter than
    ``min_chars`` or longer than ``max_chars`` are left out, not cut."""
    flat = " ".join(str(text or "").split())
    out: list[str] = []
    start = 0
    for m in _END.finditer(flat):
        if m.group(1) == "." and _is_abbreviation(flat[start:m.start(1)]):
            continue
        out.append(flat[start:m.end(2)].strip())
        start = m.end()
    tail = flat[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if len(s) >= min_chars and (max_chars is None or len(s) <= max_chars)]
