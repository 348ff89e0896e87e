"""Which capitalised words are companies: a gazetteer used as evidence, never as a gate.

Two data files (``data/company_gazetteer.txt``: well-known companies and brands, public and
private, US and foreign; ``data/not_company_names.toml``: places, public bodies, generic
words and technology acronyms) plus, when a caller has it, the names of every SEC
registrant (``company_tickers.json`` titles). Names are compared by
:func:`~research_kit.lexicon.company_names.company_key` without aliases, so "Dillard’s",
"DILLARD'S, INC." and "Dillard's" are one name; SEC titles also by
:func:`~research_kit.lexicon.company_names.registrant_key` ("ON HOLDING AG" → "on").
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .company_names import company_key, registrant_key
from .text import fold

__all__ = ["Gazetteer", "gazetteer"]


def _key(name: str) -> str:
    return company_key(name, aliases=False)


@lru_cache(maxsize=1)
def _base() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str],
                     frozenset[str]]:
    data = resources.files(__package__).joinpath("data")
    known = set()
    for line in data.joinpath("company_gazetteer.txt").read_text("utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            known.add(_key(line))
            if line[0].islower():
                known.add("=" + line)  # written in lower case by the company itself
    words = tomllib.loads(data.joinpath("not_company_names.toml").read_text("utf-8"))
    return (frozenset(known), frozenset(fold(p) for p in words["places"]),
            frozenset(fold(a) for a in words["authorities"]),
            frozenset(fold(h) for h in words["authority_heads"]),
            # acronyms ("ASICs", "ATM") match as written: "ASICS" is a shoe company
            frozenset([fold(g) for g in words["generic"] if sum(c.isupper() for c in g) < 2]
                      + ["=" + g for g in words["generic"] if sum(c.isupper() for c in g) >= 2]))


@dataclass(frozen=True)
class Gazetteer:
    """Known company names (the data file, plus SEC registrants when given)."""

    registrants: frozenset[str] = field(default_factory=frozenset)
    """Keys of SEC registrant titles (empty when the caller has none)."""

    def knows(self, name: str) -> bool:
        """Is ``name`` a company or brand the data file or SEC knows, exactly?"""
        key = _key(name)
        if not key:
            return False
        return key in _base()[0] or key in self.registrants or (
            bool(self.registrants) and registrant_key(name) in self.registrants)

    def knows_lower_case(self, word: str) -> bool:
        """Is ``word`` a brand its company writes in lower case ("adidas", "eBay")? Only the
        data file says so: SEC titles are upper case and full of ordinary words."""
        return "=" + word in _base()[0]

    def is_place(self, name: str) -> bool:
        return fold(name) in _base()[1]

    def is_authority(self, name: str) -> bool:
        """A public body or an instrument of law ("FDA", "the Sherman Act")."""
        folded = fold(name)
        words = folded.split()
        return folded in _base()[2] or (bool(words) and words[-1] in _base()[3])

    def is_generic(self, name: str) -> bool:
        """A capitalised word that names no company on its own ("Internet", "GPUs")."""
        generic = _base()[4]
        return "=" + name in generic or (sum(c.isupper() for c in name) < 2 and fold(name) in generic)

    def not_a_company(self, name: str) -> bool:
        """A place, public body or generic word — unless the gazetteer knows it as a company
        ("Target", "Discover" are companies; "Texas" and "Internet" are not)."""
        if "=" + name in _base()[4]:
            return True  # an acronym as written: "ASICs" (chips), not "ASICS" (shoes)
        if self.is_place(name) or self.is_authority(name) or self.is_generic(name):
            return not (fold(name) not in _base()[1] and self.knows(name) and len(name) > 3)
        return False


@lru_cache(maxsize=8)
def _with_registrants(titles: tuple[str, ...]) -> Gazetteer:
    keys = set()
    for title in titles:
        keys.add(_key(title))
        keys.add(registrant_key(title))
    keys.discard("")
    return Gazetteer(frozenset(keys))


def gazetteer(registrant_names: Iterable[str] | None = None) -> Gazetteer:
    """The gazetteer; with ``registrant_names`` (SEC ``company_tickers.json`` titles, or any
    list of company names) those count as known too."""
    if not registrant_names:
        return _EMPTY
    return _with_registrants(tuple(registrant_names))


_EMPTY = Gazetteer()
