"""Places a profile or a posting names: countries, first-level regions, large cities.

The data is ``data/places.toml`` (grow it freely). Three uses:

* :func:`country_of` — the country a location string points to ("João Pessoa, Paraíba,
  Brazil" → "Brazil"; "Portland, OR" → "United States"; "Nagpur" → "India");
* :func:`places_in` — the known places a sentence mentions, each with its country
  ("based out of one of the following states: California, Colorado …");
* :func:`city_and_region` — "Nagpur, Maharashtra" → ("Nagpur", "Maharashtra", "India")
  when the part after the comma is a known region or country, so a city is recognised
  without a list of every city.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .text import fold

__all__ = ["Place", "country_of", "places_in", "city_and_region", "known_place", "regions_of"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    """"country", "region" or "city"."""
    country: str


@lru_cache(maxsize=1)
def _places() -> dict[str, list[Place]]:
    raw = resources.files(__package__).joinpath("data/places.toml").read_text("utf-8")
    out: dict[str, list[Place]] = {}

    def add(name: str, kind: str, country: str) -> None:
        key = fold(name)
        if key:
            out.setdefault(key, []).append(Place(name, kind, country))

    for country in tomllib.loads(raw).get("country", []):
        name = country["name"]
        for alias in [name, *country.get("also", [])]:
            add(alias, "country", name)
        for region in country.get("regions", []):
            add(region, "region", name)
        regions = country.get("regions", [])
        for i, code in enumerate(country.get("region_codes", [])):  # in the regions' order
            region = regions[i] if i < len(regions) else code
            out.setdefault(f"code:{code}", []).append(Place(region, "region", name))
        for city in country.get("cities", []):
            add(city, "city", name)
    return out


def known_place(text: str) -> list[Place]:
    """Every place called ``text`` (a city and a region may share a name)."""
    return list(_places().get(fold(text), []))


def country_of(location: str) -> str | None:
    """The country a location string names or implies; None when it cannot be told."""
    parts = [p.strip() for p in str(location or "").split(",") if p.strip()]
    for part in reversed(parts):
        places = known_place(part)
        if not places:
            code = _places().get(f"code:{part.upper()}") if re.fullmatch(r"[A-Z]{2}", part) \
                else None
            places = list(code or [])
        countries = {p.country for p in places}
        if len(countries) == 1:
            return countries.pop()
    return None


_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:of|de|da|do|del|la|and)?\s*[A-ZÀ-Ý][\w'’.-]*)*")


def places_in(text: str) -> list[Place]:
    """Known places named in ``text`` (capitalised, as place names are written), in order;
    the longest name wins ("New South Wales" over "Wales")."""
    found: list[Place] = []
    for m in _NAME.finditer(text or ""):
        words = m.group(0).split()
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                places = known_place(" ".join(words[i:j]))
                if places:
                    found.extend(places)
                    i = j
                    break
            else:
                i += 1
    return found


def city_and_region(text: str) -> tuple[str, str, str] | None:
    """("Nagpur", "Maharashtra", "India") for "… Nagpur, Maharashtra …" when the word(s)
    after the comma are a known region or country; the city is the capitalised word run
    right before the comma."""
    for m in re.finditer(r"([A-ZÀ-Ý][\w'’.-]*(?:\s+[A-ZÀ-Ý][\w'’.-]*){0,2}),\s*"
                         r"([A-ZÀ-Ý][\w'’ -]*?)(?=,|$|\s+[A-Z][\w.]*\s*[A-Z]|\s{2,}|\s*\n)",
                         text or ""):
        city, region = m.group(1).split()[-1], m.group(2).strip()
        for size in range(min(3, len(m.group(1).split())), 0, -1):
            candidate = " ".join(m.group(1).split()[-size:])
            if any(p.kind == "city" for p in known_place(candidate)):
                city = candidate
                break
        places = [p for p in known_place(region) if p.kind in ("region", "country")]
        if places and not known_place(city) or places and any(p.kind == "city"
                                                              for p in known_place(city)):
            return city, region, places[0].country
    return None


def regions_of(location: str) -> set[str]:
    """The first-level regions a location string names: "Austin, TX" → {"Texas"};
    "Nagpur, Maharashtra, India" → {"Maharashtra"}."""
    out: set[str] = set()
    for part in (p.strip() for p in str(location or "").split(",")):
        out |= {p.name for p in known_place(part) if p.kind == "region"}
        if re.fullmatch(r"[A-Z]{2}", part):
            out |= {p.name for p in _places().get(f"code:{part}", [])}
    return out
