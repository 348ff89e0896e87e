"""Language of a page: its declared ``lang``, checked against the text itself.

No model, no download: the writing system decides for non-Latin scripts (Han → zh,
kana → ja, Hangul → ko, Cyrillic, Arabic, Hebrew, Greek, Thai, Devanagari), and counts of
very common function words decide among the Latin-script languages company sites use
most. The declared language wins unless the text clearly says otherwise — templates copied
from the English site often keep ``lang="en"`` on a Chinese page. Measured on the fixture
pages in ``benchmarks/bench_website.py``.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "declared_language"]

_SCRIPTS = [
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
]
_CYRILLIC_LANGS = {"ru", "uk", "bg", "sr", "mk", "be", "kk"}
_ARABIC_LANGS = {"ar", "fa", "ur", "ps"}
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

_STOPWORDS = {
    "en": "the and of to in is that for with on are as by this be from at or an we our you your "
          "it have has will",
    "de": "der die und das ist nicht mit den von zu für auf dem des ein eine im in an sich auch "
          "wir unsere sie wird sind als bei seit",
    "fr": "le la les et des est une un du pour que dans en sur au par nous vous avec sont plus ce qui",
    "es": "el la los las y de que en es por para con una un del se su sus nuestro nuestra somos más al",
    "it": "il la le e di che è per un una del della con non sono nel nella gli alla dei delle",
    "pt": "o a os as e de que em é um uma para com do da dos das no na não nosso nossa mais",
    "nl": "de het een en van is dat op te in voor met zijn niet ook wij onze bij aan door",
    "sv": "och att det är som en på för med av den till har inte vi om ett vår våra",
    "da": "og at det er en på for med af den til har ikke vi som et vores",
    "pl": "i w na z że do nie się jest to o od przez dla jak są oraz",
    "tr": "ve bir bu da de için ile olarak daha çok en gibi olan",
}
_STOP_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def declared_language(value: str | None) -> str | None:
    """``"en-US"`` → ``"en"``; ``"zh_TW"`` → ``"zh"``; nonsense → None."""
    if not value:
        return None
    primary = re.split(r"[-_\s,;]", value.strip().lower(), maxsplit=1)[0]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _script_guess(text: str) -> tuple[str | None, float]:
    letters = sum(1 for c in text if c.isalpha())
    if not letters:
        return None, 0.0
    shares = [(lang, len(rx.findall(text)) / letters) for lang, rx in _SCRIPTS]
    # Japanese mixes kana with Han: any real share of kana makes it Japanese
    ja = dict(shares)["ja"]
    if ja > 0.1:
        return "ja", ja + dict(shares)["zh"]
    lang, share = max(shares, key=lambda s: s[1])
    if share > 0.3:
        return lang, share
    return None, len(_LATIN.findall(text)) / letters


def _stopword_guess(text: str) -> tuple[str | None, int, float]:
    words = [w.lower() for w in _WORD.findall(text)[:5000]]
    counts: Counter[str] = Counter()
    for w in words:
        for lang, stops in _STOP_SETS.items():
            if w in stops:
                counts[lang] += 1
    if not counts:
        return None, len(words), 0.0
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    runner_up = rest[0][1] if rest else 0
    margin = (n - runner_up) / max(n, 1)
    return best, len(words), margin


def detect_language(text: str, declared: str | None = None) -> str | None:
    """ISO 639-1 code of ``text``; ``declared`` (e.g. the html lang attribute) breaks ties."""
    declared_code = declared_language(declared)
    sample = (text or "")[:20000]
    script, share = _script_guess(sample)
    if script is not None:
        if script == "ru" and declared_code in _CYRILLIC_LANGS:
            return declared_code
        if script == "ar" and declared_code in _ARABIC_LANGS:
            return declared_code
        if script == "zh" and declared_code in ("ja", "zh"):
            return declared_code
        return script
    guess, words, margin = _stopword_guess(sample)
    if guess is None or words < 15 or margin < 0.3:
        return declared_code or guess
    if declared_code and declared_code not in _STOP_SETS:
        return declared_code  # a language we have no word list for (e.g. fi, hu, cs)
    return guess
