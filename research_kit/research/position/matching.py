"""Requirement-by-requirement match of a posting against a profile (docs/matching.md).

:class:`Matcher` reads each requirement as a typed :class:`~.requirements.Requirement`
and judges it with the rule of its type (:mod:`.verdicts`, :mod:`.years`, :mod:`.education`,
:mod:`.facts`): **met**,
**partly**, **not met** (the profile contradicts it) or **unknown** (the profile is silent),
with the reason and the profile's own passages as quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ...lexicon.terms import Vocabulary, vocabulary
from ...sources.profiles.model import Profile
from .evidence import EvidenceUnit, profile_degree_level
from .judge import Judge, Verdict
from .requirements import read_requirement
from .rules import judge_requirement

__all__ = ["RequirementMatch", "match_one", "Matcher", "STATUS", "SCORE"]

STATUS = {"met": "met", "partly": "partly met", "not_met": "not met", "unknown": "unknown"}
"""Verdict → the status people read."""
SCORE = {"met": 1.0, "partly": 0.5, "not_met": 0.0, "unknown": 0.0}


@dataclass
class RequirementMatch:
    score: float
    status: str
    """"met", "partly met", "not met" or "unknown"."""
    evidence: list[EvidenceUnit] = field(default_factory=list)
    matched: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    years_asked: float | None = None
    years_found: float | None = None
    degree_asked: str | None = None
    degree_met: bool | None = None
    or_equivalent: bool = False
    certifications_asked: list[str] = field(default_factory=list)
    certification_met: bool | None = None
    verdict: str = "unknown"
    """"met", "partly", "not_met" or "unknown"."""
    reason: str = ""
    type: str = ""
    optional: bool = False

    @classmethod
    def from_verdict(cls, v: Verdict) -> RequirementMatch:
        return cls(score=SCORE[v.verdict], status=STATUS[v.verdict], evidence=list(v.quotes),
                   matched=v.matched, missing=v.missing, years_asked=v.years_asked,
                   years_found=v.years_found, degree_asked=v.degree_asked,
                   degree_met=v.degree_met, or_equivalent=v.or_equivalent,
                   certifications_asked=v.certifications_asked,
                   certification_met=v.certification_met, verdict=v.verdict, reason=v.reason,
                   type=v.type, optional=v.optional)


class Matcher:
    """Matches requirements against one profile (evidence units built once)."""

    def __init__(self, profile: Profile, vocab: Vocabulary | None = None, *,
                 today: date | None = None) -> None:
        self.profile = profile
        self.vocab = vocabulary() if vocab is None else vocab
        self.judge = Judge(profile, self.vocab, today=today)
        self.today = self.judge.today
        self.units = self.judge.units
        self.degree_level = profile_degree_level(profile)

    def match(self, text: str) -> RequirementMatch:
        return RequirementMatch.from_verdict(judge_requirement(self.judge, text))

    def evidence_for(self, text: str) -> list[EvidenceUnit]:
        """The profile passages that speak to ``text`` (whatever the verdict): those that
        show one of its named things or a fair share of its specific words."""
        req = read_requirement(text, self.vocab)
        out = []
        for unit in self.judge.usable:
            if any(self.judge.fill(s, unit) >= 0.5 for s in req.slots) or \
                    self.judge.coverage(req, [unit]) >= 0.3:
                out.append(unit)
        return out


def match_one(requirement: str, profile: Profile, vocab: Vocabulary | None = None
              ) -> RequirementMatch:
    return Matcher(profile, vocab).match(requirement)
