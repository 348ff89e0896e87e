"""A guard for every sentence research-kit writes: capitals, doubled words, dangling words,
balanced quotes, near-duplicates.

Generated sentences are templates filled with real text (a quoted 10-K sentence, a posting
bullet, a person's name). :func:`sentence_problems` names what reads wrong; the tests run
every template over the real fixtures and allow none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["sentence_problems", "near_duplicates", "without_label"]

_DOUBLED = re.compile(r"\b(\w+)\s+\1\b", re.I)
_DOUBLED_OK = {"that", "had", "is", "do"}  # "that that", "had had" can be right
_DANGLING = re.compile(r"\b(?:with|to|and|of|the|a|an|you|for|in|on|at|by|or|but|your)\s*"
                       r"[.?!:]\s*$", re.I)
_SPACE_BEFORE = re.compile(r"\s+[,.;:?!](?!\d)")
_OPENERS = "\u201c\"'(\u2018"


def sentence_problems(text: str) -> list[str]:
    """What reads wrong in ``text`` (empty when nothing does)."""
    problems: list[str] = []
    stripped = text.strip()
    if not stripped:
        return ["empty"]
    first = stripped.lstrip(_OPENERS)[:1]
    if first and first.isalpha() and not first.isupper():
        problems.append("does not start with a capital")
    if stripped[-1] not in ".?!\u201d\"')\u2026":
        problems.append("does not end with punctuation")
    for m in _DOUBLED.finditer(stripped):
        if m.group(1).lower() not in _DOUBLED_OK and not m.group(1).isdigit():
            problems.append(f"doubled word {m.group(0)!r}")
    if _DANGLING.search(_strip_quotes(stripped)):
        problems.append("ends on a dangling word")
    if stripped.count("\u201c") != stripped.count("\u201d"):
        problems.append("unbalanced curly quotes")
    if stripped.count('"') % 2:
        problems.append("unbalanced straight quotes")
    if stripped.count("(") != stripped.count(")"):
        problems.append("unbalanced parentheses")
    if ".." in stripped.replace("...", ""):
        problems.append("doubled full stop")
    if _SPACE_BEFORE.search(_strip_quotes(stripped)):
        problems.append("space before punctuation")
    if re.search(r"\b(?:with|about|on|for)\s+you\s+(?!and\b|or\b|to\b|in\b|on\b)[a-z]+\b",
                 _strip_quotes(stripped)):
        problems.append("dangling 'you' (a clause glued into the sentence)")
    if re.search(r"\bi\b", _strip_quotes(stripped)):
        problems.append("lower-case 'i'")
    return problems


def _strip_quotes(text: str) -> str:
    """The sentence without what it quotes: a quoted source keeps its own spelling."""
    return re.sub(r"\u201c[^\u201d]*\u201d", "\u201cQ\u201d", text)


def near_duplicates(texts: Iterable[str], threshold: float = 90.0) -> list[tuple[str, str]]:
    """Pairs of texts that say nearly the same thing (rapidfuzz token-set ratio)."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process

    items = [t for t in texts if t]
    pairs = []
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if fuzz.token_set_ratio(a, b, processor=default_process) >= threshold:
                pairs.append((a, b))
    return pairs


# a posting's own label before a line: "Technical Acumen: You have …", "Build the
# Foundation: You're responsible for …" (up to four words, then a colon)
_LABEL = re.compile(r"^[A-Z][\w&/'-]*(?:\s+[\w&/'-]+){0,3}:\s+(?=\S)")


def without_label(text: str) -> str:
    """``text`` without a leading label of up to four words and a colon."""
    return _LABEL.sub("", str(text))


# a sentence that asks something of the candidate, not one that sets the scene
_ASKS = re.compile(r"\b(?:you|your|ability|able|experience[ds]?|knowledge|skills?|"
                   r"proficien\w*|familiar\w*|understanding|must|degree|years?|"
                   r"certifi\w*|fluen\w*|comfortable|expertise|background|track record)\b",
                   re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")


def ask_of(text: str, *, keep_label: bool = True) -> str:
    """The part of a requirement that asks something: "Technical Acumen: Our product is
    complex and our customers are technical security team members. The ability to …" →
    "Technical Acumen: The ability to …". A requirement of one sentence, or whose first
    sentence already asks, comes back unchanged (its label dropped unless ``keep_label``)."""
    text = str(text).strip()
    label_match = _LABEL.match(text)
    label = label_match.group(0) if label_match else ""
    body = text[len(label):]
    sentences = _SENTENCE_END.split(body)
    if len(sentences) > 1 and not _ASKS.search(sentences[0]):
        asking = [i for i, sentence in enumerate(sentences) if _ASKS.search(sentence)]
        if asking:
            body = " ".join(sentences[asking[0]:])
    return (label if keep_label else "") + body
