"""Company names people write in many ways, compared and shortened by one set of rules.

The data lives in ``data/company_names.toml`` (legal forms, other names of one company,
brands that file under a parent). Three uses:

* :func:`company_key` — equal keys mean the same company: "Northstar Logistics, Inc." =
  "Northstar Logistics"; "Facebook" = "Meta Platforms, Inc."; "Google Cloud" ≠ "Google";
* :func:`short_company` — the name as people say it: "Brightwater Instruments, Inc." →
  "Brightwater Instruments" (case kept);
* :func:`registrant_key` / :func:`registrant_for` — looking a name up among SEC
  registrants ("Goldman Sachs" = "GOLDMAN SACHS GROUP INC"; "YouTube" files as
  "Alphabet Inc."), and :func:`may_be_registrant` — whether a registrant a fuzzy lookup
  found can be the company asked for ("Nintendo" is not "NI Holdings");
* :func:`product_maker` — the company behind a product a 10-K names as the competition
  ("Android" → "Alphabet Inc.").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from .text import fold

__all__ = ["company_key", "company_keys", "owner_of", "short_company", "registrant_key",
           "registrant_for", "may_be_registrant", "product_maker", "legal_form_pattern",
           "legal_forms", "CompanyNames"]

_SEC_STATE = re.compile(r"\s*/[A-Za-z]{2,3}/?\s*$")  # "NVIDIA CORP /DE/"


@dataclass(frozen=True)
class CompanyNames:
    legal_forms: tuple[str, ...]
    form_words: frozenset[tuple[str, ...]]
    descriptors: frozenset[str]
    same: dict[str, str]
    """key of any name of a company → key of its canonical name."""
    registrant: dict[str, str]
    """key of a name or brand → the name its company files under."""
    ownership: tuple[re.Pattern[str], ...] = ()
    """"{brand} by {owner}" … as patterns with groups brand and owner."""
    office_qualifiers: tuple[str, ...] = ()
    maker: dict[str, str] = field(default_factory=dict)
    """key of a product or platform → the name of the company that makes it."""


@lru_cache(maxsize=1)
def _names() -> CompanyNames:
    raw = resources.files(__package__).joinpath("data/company_names.toml").read_text("utf-8")
    data: dict[str, Any] = tomllib.loads(raw)
    forms = tuple(data["legal_forms"])
    form_words = frozenset(tuple(fold(f).split()) for f in forms if fold(f))
    patterns = tuple(_ownership_pattern(p) for p in data.get("ownership", []))
    names = CompanyNames(forms, form_words, frozenset(data["registrant_descriptors"]), {}, {},
                         patterns, tuple(fold(q) for q in data.get("office_qualifiers", [])))
    for company in data.get("company", []):
        canonical = _strip_forms(fold(company["name"]), form_words)
        for other in [company["name"], *company.get("also", [])]:
            names.same[_strip_forms(fold(other), form_words)] = canonical
            names.registrant[_strip_forms(fold(other), form_words)] = company["name"]
        for brand in company.get("brands", []):
            names.registrant[_strip_forms(fold(brand), form_words)] = company["name"]
        for product in company.get("products", []):
            names.registrant[_strip_forms(fold(product), form_words)] = company["name"]
            names.maker[_strip_forms(fold(product), form_words)] = company["name"]
    return names


def _ownership_pattern(template: str) -> re.Pattern[str]:
    text = re.escape(template)
    text = text.replace(re.escape("{brand}"), r"(?P<brand>.+?)").replace(
        re.escape("{owner}"), r"(?P<owner>.+?)")
    return re.compile(rf"^\s*{text}\s*$", re.I)


def owner_of(name: Any) -> str | None:
    """The company a brand or office name says it belongs to: "Smartly by Pedago, LLC" →
    "Pedago, LLC"; None when the name says nothing of the kind."""
    from .specificity import word_weight
    from .terms import stem

    text = str(name or "").strip()
    for pattern in _names().ownership:
        m = pattern.match(text)
        if not m or not m.group("brand").strip() or not m.group("owner").strip():
            continue
        owner = m.group("owner").strip()
        words = company_key(owner, aliases=False).split()
        # "Made by Hand Ltd" is a name, not a brand of "Hand": an owner is a proper name
        if owner[:1].isupper() and words and (len(words) > 1 or word_weight(stem(words[0])) >= 0.75):
            return owner
    return None


def company_keys(name: Any, extra_aliases: dict[str, str] | None = None) -> set[str]:
    """Every key one employer name stands for: its own, its owner's ("Smartly by Pedago,
    LLC" → also "pedago"), and without an office qualifier ("Capita India Pvt Ltd" → also
    "capita"). Two names share an employer when their key sets meet."""
    keys = {company_key(name, extra_aliases)}
    owner = owner_of(name)
    if owner:
        keys.add(company_key(owner, extra_aliases))
    for key in list(keys):
        bare = _without_office(key)
        if bare:
            keys.add(company_key(bare, extra_aliases))
    keys.discard("")
    return keys


def _without_office(key: str) -> str | None:
    """"capita india" → "capita" (a country, region or office word at the end)."""
    from .places import known_place

    words = key.split()
    for n in (3, 2, 1):
        if len(words) > n:
            tail = " ".join(words[-n:])
            if tail in _names().office_qualifiers or any(
                    p.kind in ("country", "region") for p in known_place(tail)):
                return " ".join(words[:-n])
    return None


def legal_forms() -> tuple[str, ...]:
    return _names().legal_forms


def _strip_forms(key: str, form_words: frozenset[tuple[str, ...]]) -> str:
    words = key.split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    stripped = True
    while stripped and len(words) > 1:
        stripped = False
        for n in (4, 3, 2, 1):
            if len(words) > n and tuple(words[-n:]) in form_words:
                words = words[:-n]
                stripped = True
                break
    return " ".join(words)


def company_key(name: Any, extra_aliases: dict[str, str] | None = None, *,
                aliases: bool = True) -> str:
    """A comparison key: case, accents, punctuation, "&"/"and", a leading "The", legal
    forms and SEC's state suffix ignored; other names of one company (and ``extra_aliases``,
    alias → name) mapped to one key. Divisions stay apart ("Google Cloud" ≠ "Google")."""
    names = _names()
    key = _strip_forms(fold(_SEC_STATE.sub("", str(name or ""))), names.form_words)
    if not aliases:
        return key
    if extra_aliases:
        extra = {_strip_forms(fold(k), names.form_words): _strip_forms(fold(v), names.form_words)
                 for k, v in extra_aliases.items()}
        key = extra.get(key, key)
    return names.same.get(key, key)


def registrant_key(name: Any) -> str:
    """The key SEC registrant names are looked up by: case, punctuation and legal forms
    ignored like :func:`company_key`, no aliases, and trailing descriptors ("holdings",
    "group") dropped."""
    names = _names()
    # SEC's state suffix stays: "FIRST FINANCIAL CORP /IN/" is one of several "First
    # Financial"s, and a bare "First Financial" must stay ambiguous
    words = _strip_forms(fold(str(name or "")), names.form_words).split()
    while len(words) > 1 and words[-1] in names.descriptors:
        words.pop()
    return " ".join(words)


def registrant_for(name: Any) -> str | None:
    """The name a brand or other name files under with the SEC ("YouTube" → "Alphabet
    Inc."), when the lexicon knows it."""
    return _names().registrant.get(company_key(name, aliases=False))


def product_maker(name: Any) -> str | None:
    """The company that makes a product or platform the lexicon knows ("Android" →
    "Alphabet Inc.", "PlayStation" → "Sony Group Corporation"); None for a company's own
    name or an unknown product."""
    return _names().maker.get(company_key(name, aliases=False))


def may_be_registrant(query: Any, registrant: Any) -> bool:
    """Can the SEC registrant named ``registrant`` be the company ``query`` names?

    A fuzzy lookup scores "Nintendo" close to "NI HOLDINGS" and "Sears" close to "SEA LTD"
    (a short name matching the start of a longer one). The two must open with the same
    word ("Cisco" = "CISCO SYSTEMS, INC."; "Kohl's" = "KOHLS Corp"; "E*Trade" = "ETRADE"
    joined), allowing a typo only in a longer word ("Microsfot" = "MICROSOFT CORP"); and
    the registrant may not add a country the query lacks ("Yahoo!" is not "Yahoo! Japan").
    """
    want, have = registrant_key(query).split(), registrant_key(_SEC_STATE.sub("", str(
        registrant or ""))).split()
    if not want or not have:
        return False
    if not _same_lead(want, have):
        return False
    from .places import known_place

    extra = [w for w in have[1:] if w not in want]
    return not any(p.kind in ("country", "region") for w in extra for p in known_place(w))


def _same_lead(want: list[str], have: list[str]) -> bool:
    if want[0] == have[0]:
        return True
    for n in (2, 3):  # "e trade" = "etrade"
        if "".join(want[:n]) == have[0] or "".join(have[:n]) == want[0]:
            return True
    if min(len(want[0]), len(have[0])) < 6:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(want[0], have[0]) >= 85  # a typo in a long word


@lru_cache(maxsize=1)
def legal_form_pattern() -> str:
    """A regex alternation of the legal forms as written (dots optional), for finding a
    company name by its form: "© 2025 Acme Widgets GmbH"."""
    variants = []
    for form in sorted(legal_forms(), key=len, reverse=True):
        pieces = [re.escape(p) for p in re.split(r"\s+", form.replace(".", ". ").strip()) if p]
        text = r"\s*".join(p.replace(r"\.", r"\.?") for p in pieces)
        variants.append(text)
    return "(?:" + "|".join(variants) + ")"


@lru_cache(maxsize=1)
def _display_suffix() -> re.Pattern[str]:
    return re.compile(r"(?:,?\s+" + legal_form_pattern() + r")+\s*$", re.I)


def short_company(name: str) -> str:
    """The name as people write it in prose: "Brightwater Instruments, Inc." →
    "Brightwater Instruments"; "Infosys Limited" → "Infosys"; "NVIDIA CORP /DE/" →
    "NVIDIA" (case kept)."""
    text = _SEC_STATE.sub("", str(name or "").strip())
    short = _display_suffix().sub("", text).strip().rstrip(",").strip()
    return short or text
