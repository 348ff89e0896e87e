"""Numbers as annual reports print them: the value, the scale, the currency.

* ``211,915`` · ``14,86,125`` (Indian grouping) · ``186,965.49`` · ``67 470 154,97`` (space
  thousands, comma decimals) · ``4,2`` (a comma decimal) · ``(52,71,915)`` and ``-2.9``
  (negatives) · ``−`` (the minus sign) · ``-`` or ``Nil`` alone (nothing);
* scales as printed: ``million``/``mn``/``m``, ``billion``/``bn``, ``thousand``/``'000``,
  ``lakh``, ``crore``, ``Rs. In '00`` (hundreds);
* currencies as printed, with the ISO code when the symbol is not ambiguous: ``EUR``/``€``,
  ``₹``/``Rs.``/``INR``, ``£``/``GBP``, ``US$``/``USD``; a bare ``$`` is taken as US dollars
  unless the report names another dollar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["parse_number", "Scale", "find_scale", "find_currency", "CURRENCY", "SCALE_WORD"]

_MINUS = "-−–—"


def parse_number(text: str) -> float | None:
    """The number a printed figure stands for (in the printed scale), or None."""
    s = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"^(?:US\$|[$€£¥₹]|Rs\.?|INR|EUR|USD|GBP)\s*", "", s, flags=re.I)
    s = s.rstrip("/-").strip() if re.search(r"\d\s*/-$", s) else s  # "Rs. 47,11,745/-"
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip()
    if s and s[0] in _MINUS:
        negative, s = not negative, s[1:].strip()
    elif s and s[-1] in _MINUS and len(s) > 1:
        negative, s = not negative, s[:-1].strip()
    s = re.sub(r"^(?:[$€£¥₹]|Rs\.?)\s*", "", s)
    if not re.fullmatch(r"\d[\d,. ]*", s) or not s[-1].isdigit():
        return None
    if " " in s:  # "67 470 154,97": spaces group thousands
        if not re.fullmatch(r"\d{1,3}(?: \d{3})+(?:[,.]\d+)?", s):
            return None
        s = s.replace(" ", "")
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        s = s.replace(thousands, "").replace(decimal, ".")
    elif "," in s:
        groups = s.split(",")
        if len(groups) == 2 and len(groups[1]) in (1, 2):
            s = s.replace(",", ".")  # "4,2": a comma decimal
        elif all(len(g) in (2, 3) for g in groups[1:]) and len(groups[-1]) == 3:
            s = s.replace(",", "")  # 211,915 · 14,86,125
        else:
            return None
    elif s.count(".") > 1:
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
            return None
        s = s.replace(".", "")  # 1.234.567: dots group thousands
    try:
        value = float(s)
    except ValueError:
        return None
    return -value if negative else value


@dataclass(frozen=True)
class Scale:
    printed: str
    """As printed: "In millions", "'00", "lakhs", "million"."""
    multiplier: float


SCALE_WORD = (r"billions?|bn|millions?|mn|mio\.?|mln|thousands?|lakhs?|lacs?|crores?|cr\.?|"
              r"'000s?|’000s?|'00|’00|hundreds")
_SCALES = [
    (re.compile(r"\b(?:billions?|bn)\b", re.I), 1e9),
    (re.compile(r"\b(?:millions?|mn|mio|mln)\b|(?:[$€£]|EUR|USD|GBP)\s?m\b|\bm(?:EUR|USD)\b|\bMEUR\b",
                re.I), 1e6),
    (re.compile(r"\bcrores?\b|\bcr\b", re.I), 1e7),
    (re.compile(r"\blakhs?\b|\blacs?\b", re.I), 1e5),
    (re.compile(r"\bthousands?\b|['’]000\b|\bkEUR\b|\bTEUR\b|\(000\)|(?:[$€£]|EUR|USD|GBP)\s?k\b",
                re.I), 1e3),
    (re.compile(r"['’]00\b|\bhundreds\b", re.I), 1e2),
]


def find_scale(text: str) -> Scale | None:
    """The scale a unit line or a phrase states ("(In millions, except per share amounts)",
    "(Rs. In '00)", "EUR million"), or None."""
    for pattern, multiplier in _SCALES:
        match = pattern.search(text)
        if match:
            return Scale(match.group(0).strip(), multiplier)
    return None


CURRENCY = re.compile(r"US\$|USD|\$|€|EUR\b|euros?\b|£|GBP\b|₹|INR\b|Rs\.?(?=[\s\d)\]/,:;]|$)|rupees|"
                      r"¥|JPY\b|CHF\b|SEK\b|NOK\b|DKK\b|dollars?\b", re.I)
_ISO = {"us$": "USD", "usd": "USD", "$": "USD", "dollar": "USD", "dollars": "USD",
        "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP",
        "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "rupees": "INR", "¥": "JPY",
        "jpy": "JPY", "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK"}


def find_currency(text: str) -> tuple[str, str] | None:
    """(as printed, ISO code) of the first currency ``text`` names, or None."""
    match = CURRENCY.search(text)
    if not match:
        return None
    printed = match.group(0)
    return printed, _ISO.get(printed.lower(), printed.upper())
