"""The term table: skills, tools, practices and their synonyms and abbreviations.

One data file (``lexicon/data/terms.tsv``) drives three things: the skills a job posting's
bullet asks for, the skills found in a resume, and the requirement-to-evidence matcher
(``research/position.py``), which treats two phrases as the same thing when they name the
same concept ("JS" and "JavaScript", "B2B" and "business-to-business"). docs/matching.md
describes the method; the table's header says how to add a line.

Text is tokenised the same way everywhere (:func:`tokenize`): words keep inner ``+ # . &``
so that "C++", "C#", "Node.js" and "R&D" survive; hyphens and slashes split words, so
"business-to-business" is three tokens and matches the variant "business to business".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

__all__ = ["Concept", "Mention", "Vocabulary", "vocabulary", "tokenize", "stem", "family", "fold",
           "Token", "STOPWORDS", "parse_table", "merge_table", "variant_key"]

_TOKEN = re.compile(r"(?:\.(?=[A-Za-z]))?[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f+#.&']*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


@dataclass(frozen=True)
class Token:
    raw: str
    """As written (case kept), trailing dots and possessive 's removed."""
    key: str
    """Lower-cased, plural folded (:func:`fold`): what the term table matches on."""
    start: int
    end: int


def fold(word: str) -> str:
    """Lower case and singular ("warehouses" → "warehouse"); nothing more, so that
    "accounting" never meets "account"."""
    w = word.lower()
    if len(w) <= 3 or not w.isalpha() or w.endswith(("ss", "us", "is")):
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("es") and re.search(r"(ss|x|ch|sh|z)es$", w):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


_IRREGULAR = {"built": "build", "led": "lead", "ran": "run", "wrote": "write", "written": "write",
              "taught": "teach", "made": "make", "grew": "grow", "grown": "grow", "drove": "drive",
              "driven": "drive", "won": "win", "sold": "sell", "began": "begin", "met": "meet",
              "spoke": "speak", "spoken": "speak", "brought": "bring", "thought": "think"}


def stem(word: str) -> str:
    """A light, predictable stemmer: plural and verb endings only (mentoring → mentor)."""
    w = word.lower()
    if w in _IRREGULAR:
        w = _IRREGULAR[w]
    if len(w) <= 3 or not w.isalpha() or w.endswith(("ss", "us", "is")):
        return w  # "business", "status", "analysis"
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            base = w[: len(w) - len(suffix)] + keep
            if suffix == "es" and not re.search(r"(ss|x|ch|sh|z)$", base):
                base = w[:-1]  # "databases" → "database"
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] \
                    and base[-1] not in "lsz":
                base = base[:-1]  # "planning" → "plan"
            w = base
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]  # "communicate" and "communicating" meet at "communicat"
    return w


# Derived forms that name the same work: the doer, the activity and the field ("manager",
# "managing", "management"). :func:`stem` only folds plural and verb endings, so these stay
# apart; a requirement asking for "management" is shown by "Manager sales" all the same.
# Each line is one family; its first word's stem is the family's name. Kept to families
# whose forms do not also name something else ("custom" ≠ "customer", "account" ≠
# "accounting").
_FAMILIES = """
manage manager managers management managerial
develop developer development developmental
lead leader leadership
engineer engineering
analyze analyse analysis analyses analyst analytic analytics analytical analyzing
consult consultant consultancy consulting consultative
recruit recruiter recruitment
train trainer training trainee
test tester testing
plan planner planning
program programmer programming
design designer
administer administrator administration administrative admin
organize organise organizer organization organisation organizational organisational
communicate communication communicator communicative
collaborate collaboration collaborative collaborator
coordinate coordinator coordination
mentor mentorship mentoring
operate operation operational operator
architect architecture architectural
strategy strategic strategist
implement implementation
integrate integration
automate automation
negotiate negotiation negotiator
present presentation presenter
research researcher
teach teacher teaching
market marketer marketing
supervise supervisor supervision supervisory
sell sale sales salesperson seller selling
support supporter
multitask multitasking
""".strip()


@lru_cache(maxsize=1)
def _family_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _FAMILIES.splitlines():
        words = line.split()
        root = stem(words[0])
        for word in words:
            table[stem(word)] = root
    return table


def family(word_stem: str) -> str:
    """The family a stem belongs to ("manager", "management" → "manag"); itself otherwise."""
    return _family_table().get(word_stem, word_stem)


def tokenize(text: str) -> list[Token]:
    text = (text or "").translate(_APOSTROPHES)
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        end = m.end()
        while raw and raw[-1] in ".'&":
            raw = raw[:-1]
            end -= 1
        if raw.lower().endswith("'s"):
            raw = raw[:-2]
        if not raw:
            continue
        out.append(Token(raw=raw, key=fold(raw), start=m.start(), end=end))
    return out


@dataclass(frozen=True)
class Concept:
    name: str
    category: str
    variants: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    concept: str
    start: int
    """Index of the first token."""
    end: int
    """Index after the last token."""
    text: str


@dataclass
class Vocabulary:
    concepts: dict[str, Concept] = field(default_factory=dict)
    _folded: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    _exact: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    _longest: int = 1

    def add(self, concept: Concept) -> None:
        self.concepts[concept.name] = concept
        for variant in concept.variants:
            self._index(concept.name, variant_key(variant))

    def _index(self, name: str, key: tuple[bool, tuple[str, ...]] | None) -> None:
        if key is None:
            return
        exact, words = key
        names = (self._exact if exact else self._folded).setdefault(words, [])
        if name not in names:
            names.append(name)
        self._longest = max(self._longest, len(words))

    def known(self, key: tuple[bool, tuple[str, ...]] | None) -> list[str]:
        """The concepts a variant key (:func:`variant_key`) already names."""
        if key is None:
            return []
        exact, words = key
        return (self._exact if exact else self._folded).get(words, [])

    def mentions(self, text: str, tokens: list[Token] | None = None) -> list[Mention]:
        """Every concept named in ``text``, longest phrase first at each position."""
        tokens = tokenize(text) if tokens is None else tokens
        found: list[Mention] = []
        i = 0
        while i < len(tokens):
            matched = 0
            for n in range(min(self._longest, len(tokens) - i), 0, -1):
                window = tokens[i:i + n]
                names = (self._folded.get(tuple(t.key for t in window), [])
                         + self._exact.get(tuple(t.raw for t in window), []))
                if names:
                    span = text[window[0].start:window[-1].end]
                    for name in dict.fromkeys(names):
                        found.append(Mention(name, i, i + n, span))
                    matched = n
                    break
            i += matched or 1
        return found

    def concepts_in(self, text: str) -> list[str]:
        return list(dict.fromkeys(m.concept for m in self.mentions(text)))

    def category(self, name: str) -> str:
        concept = self.concepts.get(name)
        return concept.category if concept else ""


def _rows(text: str):
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("concept\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            continue
        name, category, variants = (p.strip() for p in parts)
        yield name, category, tuple(v.strip() for v in variants.split("|") if v.strip())


def parse_table(text: str) -> Vocabulary:
    vocab = Vocabulary()
    for name, category, variants in _rows(text):
        vocab.add(Concept(name, category, variants))
    return vocab


def variant_key(variant: str) -> tuple[bool, tuple[str, ...]] | None:
    """(exact?, words) a variant is indexed by: "=PM" → (True, ("PM",)); "data
    warehouses" → (False, ("data", "warehouse"))."""
    exact = variant.startswith("=")
    words = tokenize(variant[1:] if exact else variant)
    if not words:
        return None
    return exact, tuple(t.raw for t in words) if exact else tuple(t.key for t in words)


def merge_table(vocab: Vocabulary, text: str) -> Vocabulary:
    """Add the concepts of a table (terms.tsv format) to ``vocab``; a concept one of whose
    variants ``vocab`` already knows joins that concept instead ("Microsoft SQL Server" →
    "SQL Server"). Each variant is tokenised once."""
    for name, category, variants in _rows(text):
        keys = [variant_key(v) for v in variants]
        known = next((names[0] for k in keys if (names := vocab.known(k))), None)
        if known is None:
            vocab.concepts[name] = Concept(name, category, variants)
            target = name
        else:
            old = vocab.concepts[known]
            vocab.concepts[known] = Concept(known, old.category,
                                            tuple(dict.fromkeys(old.variants + variants)))
            target = known
        for key in keys:
            vocab._index(target, key)
    return vocab


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged term table (parsed once per process): terms.tsv, then the technology
    names seeded from O*NET (tools_onet.tsv, merged into terms.tsv's concepts)."""
    folder = resources.files("research_kit.lexicon").joinpath("data")
    vocab = parse_table(folder.joinpath("terms.tsv").read_text("utf-8"))
    return merge_table(vocab, folder.joinpath("tools_onet.tsv").read_text("utf-8"))


STOPWORDS = frozenset("""
a an the and or of in on at to for with from by as is are be been being this that these those
it its our your you we they their them us i me my he she his her who whom which what when where
how why will would can could should may might must shall do does did done have has had having
not no nor but if than then so such also both either neither each every any all some other
into onto over under about above below across within without through during including include
etc e.g i.e via per like well more most very just only own same new one two three four five
toward towards upon among amongst whether while whilst there here thing things
""".split())
