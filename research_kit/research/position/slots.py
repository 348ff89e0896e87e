"""The named things of a requirement, as *slots*, following the requirement's own lists.

Things listed with "and" are each needed; things listed with "or", "/", "e.g.", or as
examples ("a language such as Java or Go") are alternatives: any one fills the slot;
examples listed with "and" after "such as" ("standards such as HTTP, REST, SOAP and
OAuth") need half of them. Phrases with no separator between them ("cloud data
warehouses") are one thing with several parts. Names the term table does not know count
when the requirement writes them as names ("SwiftUI", "TCA") or lists them ("routing,
VPNs, load balancers, and firewalls").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.specificity import word_weight
from ...lexicon.terms import STOPWORDS, Vocabulary, stem, tokenize

__all__ = ["Part", "Slot", "read_slots", "GENERIC_WORDS", "PROGRAMMING_LANGUAGES", "named_options"]

# words that say how much or how well, not what: never evidence on their own
GENERIC_WORDS = frozenset(stem(w) for w in """
experience experienced years year strong strength ability able knowledge proficiency proficient
skill skills working work familiarity familiar understanding related field equivalent plus
preferred required require requirement demonstrated demonstrate proven track record excellent
good great solid deep hands hand including minimum least degree bachelor bachelors master
masters phd using use used time times level levels high highly effective effectively
exceptional relevant practical must should want need looking ideal candidate you your we our
team role position job company business new one well based across various similar etc
preferably ideally desire desired bonus advantage asset comfortable comfort willing eager
interest interested passion passionate excited enjoy love thrive expertise expert extensive
deep hands-on plus
prior previous current currently former professional least both either following other
broad wide range variety
others one more etc including include includes such like real ideal nice
background industry industries space sector sectors domain domains area areas landscape
arena environment environments setting settings capacity capacities professionally
""".split())

_COMMON_CAPS = frozenset("""
experience ability strong excellent familiarity knowledge minimum bachelor master degree
preferred required proven demonstrated understanding proficiency you we our the a an and or
with in of for to must have has track record bonus note deep solid current prior previous
hands-on senior junior lead leadership communication skills team teams real ideal nice
familiar comfortable excellent exceptional effective multi ability
""".split())


@dataclass
class Part:
    """One named thing: the concepts a phrase names, or a proper name the table lacks."""

    concepts: set[str]
    narrow: set[str]
    """The concepts the text names itself ("Snowflake", not "data warehouse")."""
    names: list[tuple[str, ...]] = field(default_factory=list)
    """Folded words of a name the term table does not know ("swiftui")."""
    proper: bool = False
    """The name is written as a proper name (a product, a standard: "SwiftUI", "TCA")."""
    all_needed: bool = False
    """A phrase that names several concepts at once ("Spark SQL"): all must be shown."""


@dataclass
class Slot:
    """Something the requirement asks for; any one of ``options`` fills it, and an option
    needs all its parts ("cloud data warehouses" = cloud + data warehouse, or Snowflake)."""

    options: list[list[Part]]
    text: str = ""
    start: int = 0
    end: int = 0
    """Character span in the requirement."""
    need: int = 1
    """How many options must be shown (1 for alternatives; half of the examples listed
    with "and" after "such as")."""
    any_language: bool = False
    """The options are examples of an open list of programming languages: any
    general-purpose language fills it (:data:`PROGRAMMING_LANGUAGES`)."""

    @property
    def alternatives(self) -> list[set[str]]:
        return [set().union(*(p.concepts for p in opt)) for opt in self.options]

    @property
    def narrow(self) -> set[str]:
        return set().union(*(p.narrow for opt in self.options for p in opt))

    @property
    def names(self) -> list[str]:
        return [" ".join(n) for opt in self.options for p in opt for n in p.names]


_JOINT = re.compile(r"^[\s,;/&()]*(?:(?:and\s*/?\s*)?or|and/or|and|&|e\.g\.?|eg|i\.e\.?|such as|"
                    r"including|incl\.?|like|for example|for instance|as well as)?[\s,/&().:]*$",
                    re.I)
_OR_QUALIFIED = re.compile(r"^[\s,]*(?:or|and/or)\s+(?:[a-z][\w-]*\s+){1,2}$")
"""An alternative with its own qualifier: "software development or technical cloud …"."""
_UNNAMED_OR = re.compile(r"^\s*,\s*[\w-]+\s*,?\s+(?:and\s*/\s*or|or)\s+$", re.I)
"""A word the table does not name inside an "or" list ("Cloud Infrastructure, Data and/or
Machine Learning"): the list goes on, any of it will do."""
_LEADS = (r"e\.g\.?|such as|including but not limited to|including|incl\.?|like|for example|"
          r"for instance|(?:which|that)?\s*(?:could|may|can|might)\s+include|which includes?")
_HEAD_LEAD = re.compile(rf"^\s*(?:[\w-]+\s+){{0,3}}?\(?(?:{_LEADS})\s*[:,]?\s*(?:[\w-]+\s+){{0,2}}$",
                        re.I)
_LIST_RUN = re.compile(r"[\w+#./-]+(?:[ \t]+[\w+#./-]+){0,3}(?:\s*,\s*(?:(?:and|or)\s+)?"
                       r"[\w+#./-]+(?:[ \t]+[\w+#./-]+){0,3}){2,}")
_LEAD = re.compile(rf"\beg\b|i\.e\.?|\(|\b(?:{_LEADS})", re.I)
_CATEGORY = re.compile(r"^\s*(?:[\w-]+\s+)?(?:tools?|frameworks?|languages?|platforms?|"
                       r"technolog(?:y|ies)|systems?|standards?|concepts?|software|services?|"
                       r"solutions?|libraries|packages?|products?|applications?|apps?)\s*\(?"
                       r"(?:like|such as|e\.g\.?|including|for example)\b", re.I)
_EXAMPLE_LEAD = re.compile(r"e\.g|\beg\b|for example|for instance|\(|i\.e|not limited to|"
                           r"could include|may include|can include|might include", re.I)


def read_slots(text: str, vocab: Vocabulary) -> list[Slot]:
    """Named things as slots, following the requirement's own lists (module docstring)."""
    tokens = tokenize(text)
    if not tokens:
        return []
    items: list[tuple[int, int, Part]] = []  # (first token, end token, what it names)
    by_span: dict[tuple[int, int], list] = {}
    for m in vocab.mentions(text, tokens):
        by_span.setdefault((m.start, m.end), []).append(m)
    covered: set[int] = set()
    for (start, end), mentions in sorted(by_span.items()):
        names = {m.concept for m in mentions}
        said = tuple(t.key for t in tokenize(mentions[0].text))
        exact = {n for n in names if tuple(t.key for t in tokenize(n)) == said}
        # "Spark SQL" names Spark and SQL: a unit must show both; "PM" (one word) any
        both = not exact and len(said) > 1 and len(names) > 1
        items.append((start, end, Part(names, exact or _narrowest(names, vocab),
                                       all_needed=both)))
        covered.update(range(start, end))
    for i, tok in enumerate(tokens):  # proper names the table does not know
        if i not in covered and _proper_name(tok.raw, i, tokens, text):
            items.append((i, i + 1, Part(set(), set(), [(tok.key,)], proper=True)))
            covered.add(i)
    items.extend(_list_phrases(text, tokens, covered))
    items.sort(key=lambda it: it[0])

    def gap(a, b) -> str:
        return text[tokens[a[1] - 1].end:tokens[b[0]].start]

    # compounds: "cloud data warehouses", "Open HFT" (no separator between the phrases)
    merged: list[tuple[int, int, list[Part]]] = []
    for it in items:  # type: tuple[int, int, Part]
        if merged and re.fullmatch(r"[ \t-]*", gap(merged[-1], it)) and \
                tokens[it[0]].start > tokens[merged[-1][1] - 1].end:
            start, _, parts = merged[-1]
            merged[-1] = (start, it[1], parts + [it[2]])
        else:
            merged.append((it[0], it[1], [it[2]]))
    # lists: items joined by commas, "and", "or", "/", "e.g." …
    groups: list[list[tuple[int, int, list[Part]]]] = []
    for item in merged:
        between = gap(groups[-1][-1], item) if groups else ""
        # "manufacturing: moulding, stamping, die-casting": a bare colon opens the list of
        # what is asked, it does not offer the head as one more alternative
        bare_colon = re.fullmatch(r"\s*:\s*", between)
        closed = bool(groups) and _closes_brackets(between, text[:tokens[groups[-1][0][0]].start])
        if groups and not closed and (len(between) < 28 and not bare_colon and
                       (_JOINT.match(between) or _OR_QUALIFIED.match(between) or
                        _UNNAMED_OR.match(between))
                       or _HEAD_LEAD.match(between)):
            groups[-1].append(item)
        else:
            groups.append([item])
    slots: list[Slot] = []
    for group in groups:
        for member in _split_group(group, [gap(a, b) for a, b in zip(group, group[1:])],
                                   text, tokens):
            start, end = tokens[member[0][0]].start, tokens[member[-1][1] - 1].end
            need = (len(member) + 1) // 2 if isinstance(member, _Quorum) else 1
            options = named_options([it[2] for it in member])
            slots.append(Slot(options=options, text=text[start:end], start=start, end=end,
                              need=min(need, len(options)),
                              any_language=_open_languages(options, text, start, end)))
    # "programming languages such as Java, C++": "programming" names the category of the
    # examples, not a second thing asked
    return [s for s in slots if not (re.fullmatch(r"(?:computer\s+)?(?:programming|coding)",
                                                  s.text, re.I)
                                     and re.match(r"\s*languages?\b", text[s.end:], re.I))]


def _closes_brackets(between: str, before_group: str) -> bool:
    """"(e.g. Python, Go), git-based workflows": the closing bracket ends the examples
    opened before the group ("… AWS) or experimentation": an "or" goes on)."""
    return ")" in between and "(" not in between and \
        not re.search(r"\bor\b", between, re.I) and \
        before_group.count("(") > before_group.count(")")


def _narrowest(names: set[str], vocab: Vocabulary) -> set[str]:
    """Of concepts sharing a variant ("pytest": software testing, test automation), the
    ones no other is a part of: a concept whose variants include all of another's is the
    broader one."""
    variants = {n: set(vocab.concepts[n].variants) if n in vocab.concepts else set()
                for n in names}
    return {n for n in names
            if not any(m != n and variants[m] and variants[m] < variants[n] for m in names)}


_OPEN_END = re.compile(r"\s*(?:(?:and|or)\s+)?(?:similar|other|related|comparable|equivalent)"
                       r"(?:\s+[\w-]+){0,2}\s*\.?\s*$", re.I)
"""The end of an open list ("…, or similar technologies", "and other tools"): no thing
of its own to find."""
PROGRAMMING_LANGUAGES = frozenset({"Python", "Java", "JavaScript", "TypeScript", "Kotlin",
                                   "Scala", "Go", "Rust", "C++", "C#", "C", "PHP", "Ruby",
                                   "Swift", "Objective-C", "Perl", "Dart", "Elixir", "Haskell"})
_OPEN_LIST = re.compile(r"\b(?:such as|including|incl\.?|e\.g\.?|eg|like|for example|"
                        r"for instance)\s*[:,]?\s*$", re.I)
_OPEN_TAIL = re.compile(r"^\s*,?\s*(?:etc\b|(?:and|or)\s+(?:similar|other|comparable|"
                        r"equivalent)\b)", re.I)


def named_options(options: list[list[Part]]) -> list[list[Part]]:
    """A list mixing named things and plain words ("cloud computing (infrastructure,
    storage, platforms and/or data)"): the plain words say which parts of the thing, they
    are no alternative to it — "storage" alone does not show cloud computing."""
    named = [o for o in options if any(p.concepts or p.proper for p in o)]
    if not named or len(named) == len(options):
        return options
    return named


def _open_languages(options: list[list[Part]], text: str, start: int, end: int) -> bool:
    """Examples of programming languages in an open list ("one or more languages such as
    Java, Python, Go, or similar"): any general-purpose language fills the slot."""
    names = [p.narrow for o in options for p in o]
    if len(options) < 2 or not names or not all(n and n <= PROGRAMMING_LANGUAGES for n in names):
        return False
    # "one or more of the following languages: Java, C++ and/or Python" is a closed list:
    # one of those, not any language
    return bool(_OPEN_LIST.search(text[max(0, start - 40):start]) or
                _OPEN_TAIL.match(text[end:]) or
                re.search(r"\b(?:one or more|any|at least one)\b(?![^:]*\bfollowing\b)",
                          text[:start], re.I))


def _list_phrases(text: str, tokens, covered: set[int]) -> list[tuple[int, int, Part]]:
    """Items of a written list ("routing, VPNs, load balancers, and firewalls") that the
    term table does not name: each becomes a thing to find, by its words."""
    out: list[tuple[int, int, Part]] = []
    for run in _LIST_RUN.finditer(text):
        for piece in re.finditer(r"[^,]+", run.group(0)):
            phrase = piece.group(0)
            if re.fullmatch(r"\s*(?:including(?: but not limited to)?|such as|e\.g\.?|like|"
                            r"for example|etc\.?|and so on)\s*:?\s*", phrase, re.I) or \
                    _OPEN_END.match(phrase) or \
                    re.search(r"\bnot limited to\s*:?\s*$", phrase, re.I):
                continue
            lead = re.search(r"^.*\b(?:such as|including|incl\.?|like|e\.g\.?|of|in|with|"
                             r"not limited to|include|includes)\s*:?\s+", phrase, re.I)
            offset = run.start() + piece.start() + (lead.end() if lead else 0)
            phrase = phrase[lead.end():] if lead else phrase
            phrase = re.sub(r"^\s*(?:and/or|and|or)\s+", lambda m: " " * len(m.group(0)), phrase)
            idx = [i for i, t in enumerate(tokens)
                   if offset <= t.start < offset + len(phrase.rstrip())]
            words = [i for i in idx if tokens[i].raw.lower() not in STOPWORDS
                     and stem(tokens[i].raw) not in GENERIC_WORDS]
            if not words or any(i in covered for i in idx) or len(idx) > 4:
                continue
            key = tuple(tokens[i].key for i in words[-2:])
            out.append((words[0], words[-1] + 1, Part(set(), set(), [key])))
            covered.update(idx)
    return out


def _split_group(group: list, joints: list[str], text: str, tokens) -> list[list]:
    """The slots of one list: alternatives ("A, B or C", "A/B", "e.g. A, B") stay one slot,
    "A, B and C" gives one slot each; examples after "e.g." or "such as" join the thing
    they exemplify when any one of them would do."""
    before = text[:tokens[group[0][0]].start]
    after = text[tokens[group[-1][1] - 1].end:]
    lead_at = next((k for k, j in enumerate(joints) if _LEAD.search(j)), None)
    if lead_at is None:
        lead = re.search(rf"(?:{_LEADS}|\()\s*[:,]?\s*$", before, re.I)
        if lead and len(group) > 1:  # "standards such as HTTP, REST, SOAP and OAuth"
            final = _final_conjunction(joints)
            if _EXAMPLE_LEAD.search(lead.group(0)) or final != "and" or re.search(
                    r"\b(?:a|an|one|any|at least one)\s+(?:[\w/.-]+\s+){0,4}(?:such as|like|"
                    r"including)\s*$", before[-70:], re.I):
                return [group]
            return [_Quorum(group)]
        return _by_conjunction(group, joints, before, after)
    head, examples = group[:lead_at + 1], group[lead_at + 1:]
    final = _final_conjunction(joints[lead_at + 1:])
    lead_text = joints[lead_at]
    up_to_lead = text[:tokens[head[-1][1] - 1].end][-70:]
    singular = re.search(r"\b(?:a|an|one|any|at least one|single)\s+(?:[\w/.-]+\s+){0,5}"
                         r"[\w/.-]+\s*$", up_to_lead, re.I)
    head_slots = _by_conjunction(head, joints[:lead_at], before)
    if _EXAMPLE_LEAD.search(lead_text) or final == "or" or final is None or singular:
        # "developer tools like Windsurf, Copilot": the examples name what is asked; a
        # phrase qualifying the category ("developer") is no alternative to them
        if _CATEGORY.match(lead_text):
            head_slots[-1] = head_slots[-1][:-1]
            head_slots = [h for h in head_slots if h]
        if not head_slots or _CATEGORY.match(lead_text):
            head_slots.append(examples)
        else:
            head_slots[-1].extend(examples)
        return head_slots
    # "standards such as HTTP, REST, SOAP and OAuth": examples, but most of them are asked
    return head_slots[:-1] + [_Quorum(examples)]


class _Quorum(list):
    """Examples listed with "and" after "such as": at least half of them are needed."""


def _final_conjunction(joints: list[str]) -> str | None:
    for joint in reversed(joints):
        words = joint.lower()
        if re.search(r"\bor\b|and/or", words):
            return "or"
        if re.search(r"\band\b|&|as well as", words):
            return "and"
    return None


def _by_conjunction(group: list, joints: list[str], before: str, after: str = "") -> list[list]:
    """Split at "and" (each part needed); "/" and "or" keep items together; commas follow
    the list's last conjunction ("A, B and C": three; "A, B or C": one); "A, B, etc." are
    examples (one)."""
    if not group:
        return []
    if re.match(r"^\s*,?\s*(?:etc\b|and so on|and (?:the )?like|and similar|or similar)", after,
                re.I):
        return [group]
    if re.search(r"\b(?:one or more|any of|either|at least one)\b", before[-40:], re.I):
        return [group]
    final = _final_conjunction(joints)
    if final is None and len(group) > 1:
        # "SQL, Chrome developer tools, and APIs": the list's conjunction comes after a word
        # the term table does not name ("tools"), outside this group
        tail = re.match(r"\s*(?:[\w-]+\s+){0,2}?[\w-]*\s*,?\s+(and|or)\b(?!\s*/)", after, re.I)
        final = tail.group(1).lower() if tail else None
    out = [[group[0]]]
    for joint, item in zip(joints, group[1:]):
        # "and or" written without its slash is "and/or" ("SQL, HTML, JavaScript and or
        # Unix/Linux": any of them)
        bare_and = re.search(r"\band\b(?!\s*/)|&|as well as", joint, re.I) and \
            not re.search(r"and\s*/?\s*or\b", joint, re.I)
        if bare_and or "," in joint and final == "and" and not re.search(r"\bor\b|/", joint):
            out.append([item])
        else:
            out[-1].append(item)  # "SQL/MySQL", "Kafka or Kinesis": one thing
    return out


def _proper_name(raw: str, index: int, tokens, text: str) -> bool:
    """A capitalised name the term table does not know ("SwiftUI", "HubSpot", "TCA")."""
    if len(raw) < 2 or raw.lower() in _COMMON_CAPS or raw.lower() in STOPWORDS:
        return False
    inner_caps = any(ch.isupper() for ch in raw[1:]) and any(ch.islower() for ch in raw)
    acronym = raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 6
    if not (inner_caps or acronym or raw[:1].isupper()):
        return False
    start = tokens[index].start
    sentence_start = index == 0 or re.search(r"[.:;!?]\s*$|^\s*$", text[:start])
    if raw[:1].isupper() and not (inner_caps or acronym):
        if sentence_start or re.match(r"^[\w\s&-]*:", text[start:]) and \
                re.fullmatch(r"(?:[A-Z][\w&-]*\s+)*", text[:start].split(":")[-1].lstrip()):
            return False  # a sentence's first word, or a title-cased label ("Leadership: …")
        # a capitalised ordinary word ("Experience", "Design") in a title-cased phrase
        return word_weight(stem(raw)) >= 0.85
    return True
