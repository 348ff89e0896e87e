"""What the company says it does, in its own words: the sentences a snapshot quotes.

In the order the advice reads a site: the About page's opening paragraphs, the homepage's
hero text, then what the site declares about itself (JSON-LD Organization description,
meta description). Every row is verbatim, with its page; the best first.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ABOUT_COLUMNS", "about_rows", "best_description", "full_name"]

ABOUT_COLUMNS = ["text", "method", "page_url"]
_MIN_WORDS = 12
_MAX_PARAGRAPHS = 3


def _paragraphs(text: str) -> list[str]:
    """Blocks of prose (a sentence or more, not a menu line or a heading)."""
    out = []
    for line in text.splitlines():
        flat = " ".join(line.split())
        if len(flat.split()) >= _MIN_WORDS and flat[-1:] in ".!?\u201d\"":
            out.append(flat)
    return out


def about_rows(pages: list[tuple[str, str, str]], facts: list[dict[str, Any]]
               ) -> list[dict[str, Any]]:
    """Rows from ``pages`` ((kind, url, main text) in reading order) and the site's
    organization facts (rows with fact, value, method, page_url)."""
    rows: list[dict[str, Any]] = []
    for kind, url, text in pages:
        if kind in ("about", "mission"):
            rows += [{"text": p, "method": f"{kind} page", "page_url": url}
                     for p in _paragraphs(text)[:_MAX_PARAGRAPHS]]
    for kind, url, text in pages:
        if kind == "home":
            rows += [{"text": p, "method": "homepage", "page_url": url}
                     for p in _paragraphs(text)[:1]]
    for fact in facts:
        if fact.get("fact") == "description" and fact.get("value"):
            rows.append({"text": str(fact["value"]), "method": str(fact.get("method") or ""),
                         "page_url": fact.get("page_url")})
    seen: set[str] = set()
    unique = []
    for row in rows:
        key = " ".join(row["text"].lower().split())
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


_WHAT_THEY_DO = re.compile(r"\b(?:is\s+(?:a|an|the)\s+(?:\w+\s+){0,4}(?:provider|company|maker|"
                           r"manufacturer|developer|leader|platform|firm|agency|consultancy|"
                           r"university|school|organi[sz]ation|supplier|producer|retailer|"
                           r"operator|group|studio|network|marketplace|bank|institution)|"
                           r"(?:provides|offers|helps|builds|makes|develops|delivers|designs|"
                           r"creates|produces|sells|serves|specializes|specialises))\b", re.I)


def best_description(rows: list[dict[str, Any]], names: list[str]) -> dict[str, Any] | None:
    """The one sentence (verbatim, from one of ``rows``) that best says what the company
    does: one that names the company and says "is a … provider" or "provides …", of a
    length a snapshot can quote; the row comes back with ``text`` cut to that sentence."""
    from ...lexicon.sentences import split_sentences

    keys = [n.lower() for n in names if n]
    best: tuple[float, int, dict[str, Any]] | None = None
    for order, row in enumerate(rows):
        for sentence in split_sentences(row.get("text") or ""):
            if not 40 <= len(sentence) <= 260:
                continue
            score = 0.0
            low = sentence.lower()
            if _WHAT_THEY_DO.search(sentence):
                score += 3
            if any(low.startswith(k) for k in keys):
                score += 1.5
            elif any(k in low for k in keys):
                score += 0.5
            if row.get("method") in ("json-ld", "about page"):
                score += 0.5
            if score >= 3 and (best is None or (score, -order) > (best[0], -best[1])):
                best = (score, order, {**row, "text": sentence})
    return best[2] if best else None


_CAPS = r"[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&|de|du|für|der))*"


def full_name(rows: list[dict[str, Any]], names: list[str]) -> dict[str, Any] | None:
    """The name the company's short name stands for, where the site spells it out in its
    own words: "CHT Global (Chunghwa Telecom Global) is …", "CHT Global is an abbreviation
    for Chunghwa Telecom Global", "Chunghwa Telecom Global, Inc. (DBA CHT Global)". The row
    comes back with ``value`` = the full name and ``text`` = its sentence; None when no
    sentence spells one out (never made up from the short name)."""
    from ...lexicon.sentences import split_sentences

    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        short = re.escape(name)
        patterns = (
            re.compile(rf"(?<![\w-]){short}\s*\((?P<full>{_CAPS})\)"),
            re.compile(rf"(?<![\w-]){short}\s+(?:is\s+(?:an?\s+)?(?:abbreviation|short)\s+"
                       rf"(?:for|of)|stands\s+for)\s+(?P<full>{_CAPS})"),
            re.compile(rf"(?P<full>{_CAPS})(?:,?\s+(?:Inc\.|LLC|Ltd\.?|Corp\.?))?\s*\("
                       rf"(?:DBA|d/b/a|doing\s+business\s+as|trading\s+as)\s+{short}\)",
                       ),
        )
        for row in rows:
            for sentence in split_sentences(str(row.get("text") or "")):
                for pattern in patterns:
                    match = pattern.search(sentence)
                    if not match:
                        continue
                    full = match.group("full").strip(" .,")
                    words = full.split()
                    if len(words) >= 2 and full.lower() not in name.lower() and \
                            name.lower() not in full.lower() and _expands(full, name):
                        return {**row, "value": full, "text": sentence}
    return None


def _expands(full: str, short: str) -> bool:
    """Whether ``full`` can be what ``short`` stands for: they share a word ("Chunghwa
    Telecom Global" — "CHT Global"), or the short name's acronym starts with the full
    name's initial ("CHT" — "Chunghwa Telecom"); not a place in brackets ("San Jose")."""
    own = {w.lower() for w in re.findall(r"[\w&'’-]{3,}", short)}
    if own & {w.lower() for w in re.findall(r"[\w&'’-]{3,}", full)}:
        return True
    acronyms = [w for w in short.split() if len(w) >= 2 and w.isupper()]
    return any(a[0] == full[0] for a in acronyms)
