"""Which language a text is written in, from its commonest words.

Enough to tell an English profile from a Portuguese, Spanish, French, German, Italian or
Dutch one (the languages LinkedIn exports most): the share of each language's function
words among the text's words. Returns None for short or mixed text rather than guess.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "LANGUAGE_NAMES"]

LANGUAGE_NAMES = {"en": "English", "pt": "Portuguese", "es": "Spanish", "fr": "French",
                  "de": "German", "it": "Italian", "nl": "Dutch"}

# function words only: they say nothing about the subject, so a Java developer and a nurse
# writing in one language use the same ones
_WORDS = {
    "en": "the and of to in for with on at by from is are was were an as that this which "
          "have has i my we our it be will or",
    "pt": "de da do das dos em no na nos nas para com por uma um os as que e é foi são "
          "como mais pela pelo ao à sou eu meu minha também",
    "es": "de la el los las en para con por una un que y es fue son como más del al se "
          "soy yo mi también su sus",
    "fr": "le la les des de du en pour avec par une un et est sont dans sur au aux je mon "
          "ma mes nous qui que ce",
    "de": "der die das und ist sind mit für von zu im in auf den dem des ein eine ich mein "
          "meine wir als bei nicht auch",
    "it": "il lo la gli le di del della in per con una un e è sono che come più nel alla "
          "io mio mia anche",
    "nl": "de het een en van in op voor met is zijn als bij aan ik mijn wij ook niet",
}
_SETS = {lang: frozenset(words.split()) for lang, words in _WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def detect_language(text: str, *, min_words: int = 12) -> str | None:
    """"en", "pt", "es", "fr", "de", "it" or "nl"; None when the text is too short or the
    evidence is not clear (the best language must lead the next by half again)."""
    words = [w.lower() for w in _WORD.findall(text or "")]
    if len(words) < min_words:
        return None
    scores = Counter({lang: sum(1 for w in words if w in vocab) for lang, vocab in _SETS.items()})
    ranked = scores.most_common(2)
    best, best_n = ranked[0]
    second_n = ranked[1][1] if len(ranked) > 1 else 0
    if best_n < max(3, 0.06 * len(words)) or best_n < 1.5 * second_n:
        return None
    return best
