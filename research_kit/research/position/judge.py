"""The judge of one profile: its evidence units, and how well units show a requirement.

:mod:`.rules` picks the rule of each requirement type (:mod:`.verdicts` for tools, domains,
responsibilities and soft skills; :mod:`.years`, :mod:`.education` and :mod:`.facts` for
years, degree, certification, language and location); each returns a :class:`Verdict`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...lexicon.terms import Vocabulary, vocabulary
from ...sources.profiles.model import Profile
from .evidence import (
    NEVER_EVIDENCE,
    STRONG_KINDS,
    EvidenceUnit,
    as_of,
    evidence_units,
)
from .requirements import Requirement, Slot
from .slots import PROGRAMMING_LANGUAGES

__all__ = ["Verdict", "Judge", "VERDICTS", "kind_rank", "unique_units"]

VERDICTS = ("met", "partly", "not_met", "unknown")


@dataclass
class Verdict:
    verdict: str
    reason: str
    type: str
    quotes: list[EvidenceUnit] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    years_asked: float | None = None
    years_found: float | None = None
    degree_asked: str | None = None
    degree_met: bool | None = None
    or_equivalent: bool = False
    certifications_asked: list[str] = field(default_factory=list)
    certification_met: bool | None = None
    optional: bool = False


class Judge:
    """Judges requirements against one profile (its evidence units built once)."""

    def __init__(self, profile: Profile, vocab: Vocabulary | None = None, *,
                 today: date | None = None) -> None:
        self.profile = profile
        self.vocab = vocabulary() if vocab is None else vocab
        self.today = as_of(profile, today)
        self.units = evidence_units(profile, self.vocab, today=self.today)
        self.usable = [u for u in self.units if u.kind not in NEVER_EVIDENCE]
        self.by_role: dict[int, list[EvidenceUnit]] = {}
        for unit in self.usable:
            if unit.role is not None:
                self.by_role.setdefault(unit.role, []).append(unit)

    # -- scoring helpers ----------------------------------------------------------------
    def fill(self, slot: Slot, unit: EvidenceUnit) -> float:
        """1 when the unit names the slot's thing (every part of one of its options), 0.5
        when only a broader concept, else 0."""
        scores = sorted((min(self._part(p, unit) for p in option) for option in slot.options),
                        reverse=True)
        if slot.any_language and unit.concepts & PROGRAMMING_LANGUAGES:
            return 1.0
        if slot.need <= 1:
            return scores[0] if scores else 0.0
        return sum(scores[:slot.need]) / slot.need

    def fill_across(self, slot: Slot, units: list[EvidenceUnit]) -> float:
        """Like :meth:`fill`, with the options shown by different units counted together."""
        if slot.need <= 1:
            return max((self.fill(slot, u) for u in units), default=0.0)
        scores = sorted((max((min(self._part(p, u) for p in option) for u in units), default=0.0)
                         for option in slot.options), reverse=True)
        return sum(scores[:slot.need]) / slot.need

    @staticmethod
    def _part(part, unit: EvidenceUnit) -> float:
        if part.all_needed:
            return 1.0 if part.concepts <= unit.concepts else 0.0
        if part.narrow & unit.concepts:
            return 1.0
        if any(all(k in unit.words for k in name) for name in part.names):
            return 1.0
        if part.concepts & unit.concepts:
            return 0.5
        return 0.0

    def coverage(self, req: Requirement, units: list[EvidenceUnit]) -> float:
        """Share of the requirement's named things and specific words that ``units`` show
        together (slots weigh 1, words their specificity)."""
        if not units:
            return 0.0
        total = len(req.slots) + sum(req.words.values())
        if total <= 0:
            return 0.0
        got = sum(self.fill_across(s, units) for s in req.slots)
        stems = set().union(*(u.stems for u in units))
        got += sum(w for s, w in req.words.items() if s in stems)
        return got / total

    def best_units(self, req: Requirement, kinds: frozenset[str] | None = None
                   ) -> list[tuple[float, EvidenceUnit]]:
        """Units ranked by what they show of ``req`` alone (best first)."""
        scored = [(self.coverage(req, [u]), u) for u in self.usable
                  if kinds is None or u.kind in kinds]
        scored = [(s, u) for s, u in scored if s > 0]
        scored.sort(key=lambda su: (-su[0], kind_rank(su[1]), -len(su[1].text)))
        return scored

    def role_coverage(self, req: Requirement) -> list[tuple[float, int]]:
        """Roles ranked by what all their units together show of ``req``."""
        out = [(self.coverage(req, [u for u in units if u.kind in STRONG_KINDS]), i)
               for i, units in self.by_role.items()]
        return sorted([x for x in out if x[0] > 0], reverse=True)

    def quote_for(self, req: Requirement, role: int | None = None) -> list[EvidenceUnit]:
        units = self.by_role.get(role, []) if role is not None else self.usable
        ranked = [(self.coverage(req, [u]), u) for u in units]
        ranked = [x for x in ranked if x[0] > 0]
        ranked.sort(key=lambda su: (-su[0], kind_rank(su[1])))
        return [u for _, u in ranked[:2]]


def kind_rank(unit: EvidenceUnit) -> int:
    """Which evidence to quote first: what was done, then what is claimed, then lists."""
    order = ["bullet", "summary", "role", "headline", "total", "volunteering", "text",
             "skill-duration", "skill", "language", "education", "certification", "course",
             "project", "publication", "honor", "patent", "group"]
    return order.index(unit.kind) if unit.kind in order else len(order)


def unique_units(units: list[EvidenceUnit]) -> list[EvidenceUnit]:
    seen, out = set(), []
    for u in units:
        if id(u) not in seen:
            seen.add(id(u))
            out.append(u)
    return out


def _where(unit: EvidenceUnit) -> str:
    return unit.label or unit.kind


