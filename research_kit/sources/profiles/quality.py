"""Is a parsed profile usable? The problems a reader should be told about, in words.

A PDF that is not really a profile, or an export the parser misread, comes back with no
name, no roles, or "schools" that are only generic words ("University", "Bachelor",
"School"). Saying so, by the person's name, beats reporting "no interviewer profiles".
"""

from __future__ import annotations

from ...lexicon.text import fold
from .model import Profile

__all__ = ["profile_problems", "unusable"]

_GENERIC = frozenset({"university", "college", "school", "institute", "bachelor", "bachelors",
                      "master", "masters", "degree", "company", "experience", "education",
                      "present", "llc", "inc", "ltd", "limited", "intern", "student"})


def profile_problems(profile: Profile) -> list[str]:
    """Plain-language problems ("no name found", "no roles found", …); [] when fine."""
    problems = []
    if not profile.name.strip():
        problems.append("no name found")
    if not profile.experience and not profile.education:
        problems.append("no roles or schools found")
    elif not profile.experience:
        problems.append("no roles found")
    generic = [n for n in profile.schools + profile.employers if fold(n) in _GENERIC]
    if generic:
        problems.append("names that are only generic words: " + ", ".join(generic))
    return problems


def unusable(problems: list[str]) -> bool:
    """Too broken to compare with: no name and nothing (or only generic words) found."""
    return "no name found" in problems and len(problems) > 1
