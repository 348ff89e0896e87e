"""Requirement-by-requirement match of a posting against a profile (docs/matching.md).

A requirement is read as *slots* to fill:

* **concepts** from the term table (skills, tools, practices, domains, languages), so that
  "JS" meets "JavaScript" and "B2B" meets "business-to-business"; concepts listed as
  alternatives ("Snowflake, BigQuery or Redshift", "Kafka or Kinesis", "e.g. …") form one
  slot that any of them fills; naming only a broader concept ("a data warehouse" for
  "Snowflake") fills a slot half;
* **content words** the table does not know (stemmed, minus words like "experience",
  "strong", "ability"), which count less;
* **hard facts**: years of experience (from the roles that show the requirement's terms),
  a degree level (and whether "or equivalent experience" is accepted), certifications.

The score is the weighted share of filled slots (0–1); status is *met* (≥ 0.7), *partly
met* (≥ 0.35) or *not met*. Evidence is the profile's own lines that fill the most slots,
verbatim, with where they are in the profile.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...lexicon.terms import Mention, Vocabulary, tokenize, vocabulary
from ...sources.jobs.features import (
    DEGREE_LEVELS,
    accepts_equivalent,
    certifications_asked,
    degree_asked,
    years_asked,
)
from ...sources.profiles.model import Profile
from ..normalise import certification_issuer, certification_key
from .evidence import EvidenceUnit, content_stems, evidence_units, profile_degree_level, total_years

__all__ = ["RequirementMatch", "match_one", "Matcher", "MET", "PARTLY"]

MET, PARTLY = 0.7, 0.35
_ALTERNATIVE_GLUE = re.compile(
    r"^[\s,;/()]*(?:(?:and\s*/\s*)?or|and/or|e\.g\.?|eg|such as|like|including|i\.e\.?|"
    r"for example|etc\.?|similar|equivalent)?[\s,;/().:]*$", re.I)
_ALTERNATIVE_TAIL = re.compile(r"\bor\s+(?:a\s+|an\s+|any\s+|other\s+)?(?:similar|equivalent|"
                               r"comparable|related|other)\b[^,;.()]*", re.I)
_ANY_GLUE = re.compile(r"^[\s,;()]*(?:and|&|as well as|plus)?[\s,;()]*$", re.I)


@dataclass
class Slot:
    concepts: list[set[str]]
    """One set per alternative; within a set, the first is the narrowest."""
    narrow: list[str]
    text: str


@dataclass
class RequirementMatch:
    score: float
    status: str
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


def _slots(text: str, vocab: Vocabulary) -> list[Slot]:
    tokens = tokenize(text)
    mentions = vocab.mentions(text, tokens)
    by_span: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        by_span.setdefault((m.start, m.end), []).append(m)
    spans = sorted(by_span)
    groups: list[list[tuple[int, int]]] = []
    for span in spans:
        if groups:
            prev = groups[-1][-1]
            between = text[tokens[prev[1] - 1].end:tokens[span[0]].start]
            if _ALTERNATIVE_GLUE.match(between) and not _ANY_GLUE.match(between) \
                    or _is_list_of_alternatives(text, tokens, groups[-1], span):
                groups[-1].append(span)
                continue
        groups.append([span])
    slots = []
    for group in groups:
        alternatives, narrow = [], []
        for span in group:
            names = [m.concept for m in by_span[span]]
            # the concept the text names itself ("Snowflake", not "data warehouse"); an
            # abbreviation that names several ("PM") is satisfied by any of them
            said = _folded(by_span[span][0].text)
            exact = [n for n in names if _folded(n) == said]
            narrow.extend(exact or names)
            alternatives.append(set(names))
        slot_text = text[tokens[group[0][0]].start:tokens[group[-1][1] - 1].end]
        slots.append(Slot(alternatives, list(dict.fromkeys(narrow)), slot_text))
    return slots


def _folded(text: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokenize(text))


def _is_list_of_alternatives(text, tokens, group, span) -> bool:
    """"A, B or C": commas now, an "or" before the last item of the same list."""
    prev = group[-1]
    between = text[tokens[prev[1] - 1].end:tokens[span[0]].start]
    if not re.fullmatch(r"\s*,\s*", between):
        return False
    tail = text[tokens[span[1] - 1].end: tokens[span[1] - 1].end + 60]
    return bool(re.match(r"^[\w\s.+#-]{0,30}?,?\s*(?:or|and/or)\b", tail)) or bool(
        re.search(r"\b(e\.g\.|such as|like|including)\s*[^,]*$",
                  text[:tokens[group[0][0]].start][-40:]))


class Matcher:
    """Matches requirements against one profile (evidence units built once)."""

    def __init__(self, profile: Profile, vocab: Vocabulary | None = None, *,
                 today: date | None = None) -> None:
        self.profile = profile
        self.vocab = vocabulary() if vocab is None else vocab
        self.today = today
        self.units = evidence_units(profile, self.vocab, today=today)
        self.degree_level = profile_degree_level(profile)
        self.all_concepts = set().union(*(u.concepts for u in self.units)) if self.units else set()
        self.all_stems = set().union(*(u.stems for u in self.units)) if self.units else set()

    def _terms(self, text: str) -> tuple[list[Slot], list[str]]:
        slots = _slots(text, self.vocab) if self.vocab.concepts else []
        covered = {t.key for s in slots for t in tokenize(s.text)}
        # "Spark or similar distributed frameworks": the tail only widens the slot before it
        core = _ALTERNATIVE_TAIL.sub(" ", text)
        words = [w for w in content_stems(core) if w not in covered
                 and not any(w in {x.lower() for x in s.text.split()} for s in slots)]
        return slots, words

    def evidence_for(self, text: str) -> list[EvidenceUnit]:
        """The profile lines that speak to ``text`` (whatever the overall status)."""
        slots, words = self._terms(text)
        return self._evidence(slots, words, RequirementMatch(0.0, ""))

    def match(self, text: str) -> RequirementMatch:
        slots, words = self._terms(text)
        parts: list[tuple[float, float, str]] = []  # (weight, satisfaction, label)
        matched: list[str] = []
        missing: list[str] = []
        for slot in slots:
            sat = 0.0
            for alternatives in slot.concepts:
                narrow = [c for c in slot.narrow if c in alternatives] or list(alternatives)
                if any(c in self.all_concepts for c in narrow):
                    sat = 1.0
                    break
                if any(c in self.all_concepts for c in alternatives):
                    sat = max(sat, 0.5)
            parts.append((1.0, sat, slot.text))
            (matched if sat >= 1.0 else missing).append(slot.text)
        if words:
            found = [w for w in words if w in self.all_stems]
            weight = min(1.0, 0.25 * len(words)) if slots else 1.0 + min(1.0, 0.2 * len(words))
            parts.append((weight, len(found) / len(words), "words"))
        result = RequirementMatch(score=0.0, status="not met")
        self._hard_facts(text, parts, result, slots, words)
        total = sum(w for w, _, _ in parts)
        score = sum(w * s for w, s, _ in parts) / total if total else 0.0
        if result.years_asked and result.years_found is not None \
                and result.years_found < result.years_asked:
            score = min(score, 0.6)
        if result.degree_met is False and not result.or_equivalent:
            score = min(score, 0.3)
        if any(sat == 0 for _, sat, label in parts if label not in ("words",)):
            score = min(score, MET - 0.01)  # "met" means every named thing is evidenced
        result.score = round(score, 2)
        result.status = "met" if score >= MET else "partly met" if score >= PARTLY else "not met"
        result.matched, result.missing = matched, missing
        result.evidence = self._evidence(slots, words, result)
        if result.status == "not met":
            # nothing of substance: quoting loosely related lines would mislead
            result.evidence = [u for u in result.evidence
                               if u.kind in ("education", "certification") and (
                                   result.degree_asked or result.certifications_asked)]
        return result

    # -- hard facts -------------------------------------------------------------------
    def _hard_facts(self, text, parts, result, slots, words) -> None:
        years = years_asked(text)
        if years:
            roles = self._roles_showing(slots, words)
            found = total_years(self.profile, roles if roles else None, self.today)
            result.years_asked, result.years_found = years, round(found, 1)
            parts.append((1.0, min(1.0, found / years), "years"))
        level = degree_asked(text)
        if level:
            result.degree_asked = level
            result.or_equivalent = accepts_equivalent(text)
            met = self.degree_level >= DEGREE_LEVELS[level]
            result.degree_met = met
            sat = 1.0 if met else (0.6 if result.or_equivalent and self.profile.experience
                                   else 0.0)
            parts.append((2.0, sat, "degree"))
        certs = certifications_asked(text)
        if certs:
            result.certifications_asked = certs
            mine = self.profile.certifications
            issuers = {certification_issuer(c) for c in mine} - {None}
            have = {w for c in mine for w in certification_key(c).split()}
            asked = {w for c in certs for w in certification_key(c).split()
                     if w not in ("or", "and", "an", "a", "other", "related", "as")}
            met = bool(mine) and (not asked or bool(asked & have) or any(
                certification_issuer(c) in issuers for c in certs))
            result.certification_met = met
            parts.append((1.0, 1.0 if met else 0.0, "certification"))

    def _roles_showing(self, slots, words) -> set[int]:
        roles = set()
        wanted = {c for s in slots for alt in s.concepts for c in alt}
        for unit in self.units:
            if unit.role is None:
                continue
            if unit.concepts & wanted or (not slots and unit.stems & set(words)):
                roles.add(unit.role)
        return roles

    # -- evidence ---------------------------------------------------------------------
    def _evidence(self, slots, words, result) -> list[EvidenceUnit]:
        needs: list[set[str]] = [set(s.narrow) or set().union(*s.concepts) for s in slots]
        word_set = set(words)
        chosen: list[EvidenceUnit] = []
        remaining = list(range(len(needs)))
        remaining_words = set(word_set)
        for _ in range(3):
            best, best_gain = None, 0.0
            for unit in self.units:
                if any(unit is c for c in chosen):
                    continue
                gain = sum(1.0 for i in remaining if needs[i] & unit.concepts)
                gain += 0.3 * len(remaining_words & unit.stems)
                if unit.kind in ("experience", "volunteering"):
                    gain *= 1.15  # what I did in a role beats a summary or a bare skill name
                if unit.kind == "text":
                    gain *= 0.8
                if gain > best_gain:
                    best, best_gain = unit, gain
            if best is None or best_gain < 0.55:
                break
            chosen.append(best)
            remaining = [i for i in remaining if not needs[i] & best.concepts]
            remaining_words -= best.stems
        if result.degree_asked and not any(u.kind == "education" for u in chosen):
            chosen.extend(u for u in self.units if u.kind == "education")
        if result.certifications_asked and not any(u.kind == "certification" for u in chosen):
            chosen.extend(u for u in self.units if u.kind == "certification")
        return chosen[:3]


def match_one(requirement: str, profile: Profile, vocab: Vocabulary | None = None) -> RequirementMatch:
    return Matcher(profile, vocab).match(requirement)
