"""Words of one sentence for the competitor reader: tokens that keep their offsets, know
their possessive ("Dillard’s", "Novavax’s") and whether a dot ended the sentence ("Google.")
or belongs to the word ("J.C.", "Inc."), and the legal forms names end with.

Curly, straight and Windows-1252 apostrophes are one apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lexicon.company_names import legal_forms

__all__ = ["Token", "tokenize", "is_legal", "after_comma_legal", "legal_words"]

_WORD = re.compile(r"[^\W_](?:[\w&'\u2019+./\-]|!(?=[\s,;:)\]]|$))*|[,;:()\[\]\u201c\u201d\"&]")
_CP1252 = str.maketrans({"\x91": "\u2018", "\x92": "\u2019", "\x93": "\u201c", "\x94": "\u201d"})
_DOTTED = {"inc.", "corp.", "co.", "ltd.", "bros.", "mfg.", "intl.", "jr.", "sr.", "st.", "cie.",
           "pte.", "pty.", "assn.", "natl."}


@dataclass
class Token:
    text: str
    """The word as written, without a possessive "’s" (see :attr:`possessive`)."""
    start: int
    end: int
    """Offsets into the sentence (possessive and a sentence-ending dot excluded)."""
    possessive: bool = False
    full_end: int = 0
    """End offset with the possessive kept ("Dillard’s")."""
    ends_sentence: bool = False

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_punct(self) -> bool:
        return len(self.text) == 1 and not self.text.isalnum()

    @property
    def capitalised(self) -> bool:
        t = self.text
        return not self.is_punct and (t[0].isupper() or any(c.isupper() for c in t[1:3]) or (
            t[0].isdigit() and any(c.isalpha() for c in t)))


def tokenize(sentence: str) -> list[Token]:
    tokens = []
    for match in _WORD.finditer(sentence.translate(_CP1252)):
        token = Token(match.group(0), match.start(), match.end(), full_end=match.end())
        if len(token.text) > 1:
            _trim(token)
        tokens.append(token)
    return tokens


def _trim(token: Token) -> None:
    if token.text.endswith(".") and len(token.text) > 1:
        core = token.text[:-1]
        if "." not in core and token.text.lower() not in _DOTTED | legal_words():
            token.text, token.end, token.ends_sentence = core, token.end - 1, True  # "Google."
    text = token.text.replace("'", "\u2019")
    token.full_end = token.end
    if text[-2:] in ("\u2019s", "\u2019S") and len(text) > 2:
        token.possessive, token.text, token.end = True, token.text[:-2], token.end - 2
    elif text.endswith("s\u2019") and len(text) > 3:
        token.possessive, token.text, token.end = True, token.text[:-1], token.end - 1
    while token.text[-1] in "\u2019'-/" and len(token.text) > 1:
        token.text, token.end = token.text[:-1], token.end - 1
    if not token.possessive:
        token.full_end = token.end


@lru_cache(maxsize=1)


def legal_words() -> frozenset[str]:
    """Single-word legal forms, lower case, as written and without dots."""
    words = set()
    for form in legal_forms():
        if " " not in form:
            words.add(form.lower())
            words.add(form.lower().replace(".", ""))
    return frozenset(words - {""})


def is_legal(token: Token) -> bool:
    return token.low in legal_words()


def after_comma_legal(token: Token) -> bool:
    """A legal form written after a comma ("Cisco Systems, Inc."): the abbreviations; the
    full words "Limited" or "Company" after a comma are more often the next item."""
    return is_legal(token) and token.low not in ("limited", "company", "corporation",
                                                  "incorporated", "group", "holdings")
