"""What one requirement asks for, typed: the rule that decides "met" depends on the type.

Types, tried in this order (the first that fits):

* ``location`` — where to live or work, the right to work, a clearance, travel;
* ``language`` — a spoken language ("English and German", "multi-lingual");
* ``certification`` — a named certificate or licence;
* ``degree`` / ``years`` — a degree level and field, or N years of something (whichever
  the requirement names first);
* ``soft_skill`` — communication, leadership, autonomy, judgment …;
* ``tool`` — named technologies (the term table, O*NET names, or proper names the
  requirement capitalises);
* ``domain`` — an industry or field of knowledge ("healthcare", "distributed systems");
* ``responsibility`` — something done in a role ("managing vendors").

Named things become *slots*. Things listed with "and" are each needed; things listed with
"or", "/", "e.g.", or as examples ("such as A, B or C") are alternatives: any one fills
the slot. The remaining content words are weighed by how specific they are
(:mod:`research_kit.lexicon.specificity`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.specificity import word_weight
from ...lexicon.terms import STOPWORDS, Vocabulary, stem, tokenize, vocabulary
from ...sources.jobs.features import (
    DEGREE_LEVELS,
    accepts_equivalent,
    certifications_asked,
    degree_asked,
    years_asked,
)

__all__ = ["Requirement", "Slot", "read_requirement", "REQUIREMENT_TYPES", "GENERIC_WORDS"]

REQUIREMENT_TYPES = ("years", "degree", "certification", "tool", "domain", "responsibility",
                     "soft_skill", "language", "location")
TOOL_CATEGORIES = {"language", "data", "cloud", "devops", "framework", "tool"}

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
passion passionate excited enjoy love thrive expertise expert extensive deep hands-on plus
prior previous current currently former professional least both either following other
others one more etc including include includes such like real ideal nice
""".split())

_LOCATION = re.compile(
    r"\b(?:based (?:in|out of|near|within)|(?-i:[A-Z][\w-]*)[- ]based\b|"
    r"must (?:currently )?(?:live|reside|be located)|"
    r"located in|reside|residen(?:t|cy)|relocat\w*|right to work|work(?:ing)? authori[sz]|"
    r"authori[sz]ed to work|eligib\w+ to work|visa|sponsorship|citizen(?:ship)?|"
    r"security clearance|\bclearance\b|travel\b|on-?site (?:time|presence|work)|"
    r"in[- ]office|commut\w*|time ?zones?\b)", re.I)
_LANGUAGE = re.compile(r"\b(?:multi-?lingual|bilingual|fluen(?:t|cy|tly)|speak and write|"
                       r"native speaker|spoken and written|written and spoken)\b", re.I)
_CERTIFICATION = re.compile(r"\bcertif(?:ied|ication|ications|icate)\b|\blicen[cs]e[ds]?\b|"
                            r"\blicensure\b", re.I)
_DEGREE_WORD = re.compile(r"\b(?:(?i:degree|diploma|doctor of|bachelor'?s?|master'?s?)|DVM|Ph\.?D|"
                          r"M\.?D\.|J\.?D\.|B\.?S\.?c?|B\.?A\.|BA/BS|BS/BA|BS(?:EE|ME|IE|CS)?|"
                          r"M\.?S\.?c?|MBA|B\.?Tech|M\.?Tech|B\.?Eng|M\.?Eng)\b")
_SOFT = re.compile(
    r"communicat|interpersonal|relationship[- ]building|collaborat|teamwork|team player|"
    r"autonom|independen|self-starter|self-motivated|leadership|\blead(?:ing)?,? motivat|"
    r"influence|judg(?:e)?ment|storytelling|eye for|attention to detail|detail[- ]oriented|"
    r"organi[sz]ational|problem[- ]solving|curiosity|curious|an interest in|attitude|"
    r"empath|adaptab|ownership|work ethic|time management|presentation skills|writing and "
    r"editing|editing skills|thrive|afraid of|creative judg|scrappy|stakeholders?\b|"
    r"motivat|inclusive|integrity|resilien", re.I)
_INTENSITY = re.compile(r"\b(?:extensive|deep|expert|expertise|mastery|strong command|"
                        r"advanced|in-depth|senior technical depth|exceptional)\b", re.I)
_EXCELLENT = re.compile(r"\b(?:excellent|exceptional|outstanding|superb|strong|highly)\b", re.I)
_DOMAIN = re.compile(r"\b(?:industry|industries|domain|sector|environments?|compan(?:y|ies)|"
                     r"startups?|organi[sz]ations?|background in|understanding of|knowledge of|"
                     r"exposure to|familiarity with|experience (?:in|within|working in) (?:a |an |"
                     r"the )?[a-z-]+ (?:industry|domain|sector|environment))\b", re.I)
_OPTIONAL = re.compile(r"\b(?:a plus|is a (?:strong |big )?plus|preferred|nice to have|bonus|"
                       r"ideally|highly valued|an advantage|desirable)\b", re.I)
_EXAMPLES = re.compile(r"\b(?:e\.g\.?|eg|for example|for instance|such as|like|including|"
                       r"incl\.?|i\.e\.?)\s*[:,]?\s*$", re.I)
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

    @property
    def alternatives(self) -> list[set[str]]:
        return [set().union(*(p.concepts for p in opt)) for opt in self.options]

    @property
    def narrow(self) -> set[str]:
        return set().union(*(p.narrow for opt in self.options for p in opt))

    @property
    def names(self) -> list[str]:
        return [" ".join(n) for opt in self.options for p in opt for n in p.names]


@dataclass
class Requirement:
    text: str
    type: str
    slots: list[Slot] = field(default_factory=list)
    words: dict[str, float] = field(default_factory=dict)
    """Content word stems → specificity weight."""
    years: float | None = None
    degree: str | None = None
    fields: list[str] = field(default_factory=list)
    or_equivalent: bool = False
    related_field: bool = False
    certifications: list[str] = field(default_factory=list)
    languages: list[list[str]] = field(default_factory=list)
    """Spoken languages: each inner list is a set of alternatives; all lists are needed."""
    multilingual: bool = False
    location_kind: str | None = None
    intensity: bool = False
    excellent: bool = False
    optional: bool = False
    """The bullet says it is optional ("a plus", "ideally"): flagged, never moved."""
    soft: list[str] = field(default_factory=list)
    """Soft-skill concepts named."""
    modifiers: set[str] = field(default_factory=set)
    """Specific words right before a named thing ("camera" in "camera manufacturing"):
    what narrows it, so a profile must say them too."""
    topic: Requirement | None = None
    """For years: what the years are of (the clause around "N years", without its
    qualifiers: "5+ years of professional engineering experience, with …")."""


_OPTIONAL_TAIL = re.compile(r"(?:,\s*|\(\s*|\s+-\s+)(?:preferably|ideally|especially|"
                            r"bonus(?: points)? (?:for|if)|a plus if)\b[^)]*\)?|"
                            r"\s*,?\s*(?:which|that)\s+(?:could|may|can|might)\s+include\b[^.;]*",
                            re.I)


def read_requirement(text: str, vocab: Vocabulary | None = None) -> Requirement:
    vocab = vocabulary() if vocab is None else vocab
    text = " ".join((text or "").split())
    optional = [(m.start(), m.end()) for m in _OPTIONAL_TAIL.finditer(text)]
    slots = [s for s in _slots(text, vocab)
             if not any(a <= s.start < b for a, b in optional)]
    req = Requirement(text=text, type="responsibility", slots=slots)
    req.words = _content_words(text, slots, optional)
    req.modifiers = _modifiers(text, slots, req.words)
    req.years = years_asked(text)
    req.degree = degree_asked(text)
    req.or_equivalent = accepts_equivalent(text)
    req.related_field = bool(re.search(r"\brelated\b|\btechnical (?:field|subject|discipline)\b|"
                                       r"\bsimilar\b|\bquantitative\b", text, re.I))
    req.certifications = certifications_asked(text)
    req.intensity = bool(_INTENSITY.search(text))
    req.excellent = bool(_EXCELLENT.search(text))
    req.optional = bool(_OPTIONAL.search(text))
    req.soft = list(dict.fromkeys(c for s in slots for alt in s.alternatives for c in alt
                                  if vocab.category(c) == "soft"))
    spoken = [s for s in slots if any(vocab.category(c) == "language-spoken"
                                      for alt in s.alternatives for c in alt)]
    req.languages = [sorted({c for alt in s.alternatives for c in alt
                             if vocab.category(c) == "language-spoken"}) for s in spoken]
    req.multilingual = bool(re.search(r"multi-?lingual|bilingual|several languages", text, re.I))
    req.type = _type(req, vocab)
    if req.type == "years":
        req.topic = _years_topic(req)
    if req.type == "location":
        req.location_kind = _location_kind(text)
    if req.type == "degree":
        req.fields = _degree_fields(text)
    return req


# --- type -------------------------------------------------------------------------------

def _type(req: Requirement, vocab: Vocabulary) -> str:
    text = req.text
    tools = [s for s in req.slots if any(p.proper for o in s.options for p in o) or
             any(is_tool(c, vocab) for alt in s.alternatives for c in alt)]
    if _LOCATION.search(text):
        return "location"
    if req.languages or req.multilingual or _LANGUAGE.search(text) and not tools:
        return "language"
    if _CERTIFICATION.search(text) and not re.search(r"\bSSL\b", text):
        return "certification"
    degree_at = _first(_DEGREE_WORD, text) if (req.degree or _DEGREE_WORD.search(text)) else None
    years_at = _first(re.compile(r"\d+\s*\+?\s*(?:-|to)?\s*\d*\s*\+?\s*(?:years?|yrs?)|"
                                 r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                                 r"(?:\+\s*)?years?", re.I), text) if req.years else None
    if degree_at is not None and (years_at is None or degree_at < years_at):
        return "degree"
    if years_at is not None:
        return "years"
    soft = bool(_SOFT.search(text)) or bool(req.soft)
    doing = re.search(r"\b(?:experience|expertise|track record)\b", text, re.I) and \
        not re.search(r"\b(?:lead(?:ing|ership)?|motivat\w*|team)\b", text, re.I)
    if soft and not tools and not doing:
        return "soft_skill"
    if tools:
        return "tool"
    if _DOMAIN.search(text) or any(vocab.category(c) == "domain" for s in req.slots
                                   for alt in s.alternatives for c in alt):
        return "domain"
    return "responsibility"


def is_tool(concept: str, vocab: Vocabulary) -> bool:
    """A named technology, not a field: "Apache Spark", "pandas", "SQL" — not "machine
    learning" or "statistics" (the term table files both under "data")."""
    category = vocab.category(concept)
    if category in ("language", "framework", "tool", "cloud", "devops"):
        return True
    if category == "data":
        plain = concept.islower() and (" " in concept or word_weight(stem(concept)) < 0.75)
        return not plain
    return False


def _first(pattern: re.Pattern, text: str) -> int | None:
    m = pattern.search(text)
    return m.start() if m else None


_YEARS_PHRASE = re.compile(r"\d+\s*\+?\s*(?:-|–|to)?\s*\d*\s*\+?\s*(?:years?|yrs?)|\b(?:one|two|"
                           r"three|four|five|six|seven|eight|nine|ten)\s+(?:\+\s*)?years?", re.I)


def _years_topic(req: Requirement) -> Requirement:
    text = req.text
    m = _YEARS_PHRASE.search(text)
    start = 0
    end = len(text)
    if m:
        stop = re.search(r",\s*(?:with|including|ideally|preferably|and at least)\b|;|\(|\.\s|"
                         r"\s+and\s+(?:at least\s+)?\d", text[m.end():])
        end = m.end() + stop.start() if stop else len(text)
    clause = text[start:end]
    slots = [s for s in req.slots if s.end <= end]
    return Requirement(text=clause, type="topic", slots=slots,
                       words=_content_words(clause, slots))


def _location_kind(text: str) -> str:
    if re.search(r"clearance", text, re.I):
        return "clearance"
    if re.search(r"right to work|authori[sz]|eligib\w+ to work|visa|sponsorship|citizen", text,
                 re.I):
        return "authorisation"
    if re.search(r"\btravel", text, re.I):
        return "travel"
    return "residence"


_FIELD_SPLIT = re.compile(r"\s*(?:,|\bor\b|\band\b|/|;)\s*", re.I)


def _degree_fields(text: str) -> list[str]:
    """"in Computer Science, Engineering, or a related field" → ["computer science",
    "engineering"]; "BSEE" → ["electrical engineering"]."""
    fields: list[str] = []
    for abbr, name in (("EE", "electrical engineering"), ("ME", "mechanical engineering"),
                       ("IE", "industrial engineering"), ("CS", "computer science")):
        if re.search(rf"\bBS{abbr}\b|\bB\.?S\.?{abbr}\b", text):
            fields.append(name)
    m = re.search(r"\b(?:degree|diploma|BA/BS|BS/BA|B\.?S\.?c?|M\.?S\.?c?|Ph\.?D\.?|MBA|"
                  r"Bachelor'?s?|Master'?s?|Doctor)\b[^.;]*?\b(?:in|of)\s+(?:an?\s+)?(.+)", text)
    if m:
        tail = re.split(r"\bor equivalent|\bor a related|\bor related|\bor other|, or\b|"
                        r"\bwith\b|\(|\band at least\b|\bpreferred\b|\brequired\b|[.;]",
                        m.group(1), maxsplit=1, flags=re.I)[0]
        for part in _FIELD_SPLIT.split(tail):
            part = re.sub(r"^(?:a|an|the|in|of|other|related)\s+", "", part.strip(), flags=re.I)
            part = re.sub(r"\s+(?:field|fields|discipline|subject|degree)s?$", "", part, flags=re.I)
            if part and len(part) < 50 and not re.fullmatch(r"(?:a )?related|technical|"
                                                            r"equivalent|similar", part, re.I):
                fields.append(part.lower())
    return list(dict.fromkeys(fields))


# --- slots ------------------------------------------------------------------------------

_JOINT = re.compile(r"^[\s,;/&()]*(?:(?:and\s*/\s*)?or|and/or|and|&|e\.g\.?|eg|i\.e\.?|such as|"
                    r"including|incl\.?|like|for example|for instance|as well as)?[\s,/&().:]*$",
                    re.I)
_LEADS = (r"e\.g\.?|such as|including but not limited to|including|incl\.?|like|for example|"
          r"for instance|(?:which|that)?\s*(?:could|may|can|might)\s+include|which includes?")
_HEAD_LEAD = re.compile(rf"^\s*(?:[\w-]+\s+){{0,3}}?\(?(?:{_LEADS})\s*[:,]?\s*(?:[\w-]+\s+){{0,2}}$",
                        re.I)
_LIST_RUN = re.compile(r"[\w+#./-]+(?:[ \t]+[\w+#./-]+){0,3}(?:\s*,\s*(?:(?:and|or)\s+)?"
                       r"[\w+#./-]+(?:[ \t]+[\w+#./-]+){0,3}){2,}")
_LEAD = re.compile(rf"\beg\b|i\.e\.?|\(|\b(?:{_LEADS})", re.I)
_CATEGORY = re.compile(r"^\s*(?:[\w-]+\s+)?(?:tools?|frameworks?|languages?|platforms?|"
                       r"technolog(?:y|ies)|systems?|standards?|concepts?|software|services?|"
                       r"solutions?|libraries|packages?|products?|applications?|apps?)\b", re.I)
_EXAMPLE_LEAD = re.compile(r"e\.g|\beg\b|for example|for instance|\(|i\.e|not limited to|"
                           r"could include|may include|can include|might include", re.I)


def _slots(text: str, vocab: Vocabulary) -> list[Slot]:
    """Named things as slots, following the requirement's own lists (module docstring)."""
    tokens = tokenize(text)
    if not tokens:
        return []
    items: list[tuple[int, int, Part]] = []
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
        items.append((start, end, Part(names, exact or names, all_needed=both)))
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
    for it in items:
        if merged and re.fullmatch(r"[ \t-]*", gap(merged[-1], it)) and \
                tokens[it[0]].start > tokens[merged[-1][1] - 1].end:
            start, _, parts = merged[-1]
            merged[-1] = (start, it[1], parts + [it[2]])
        else:
            merged.append((it[0], it[1], [it[2]]))
    # lists: items joined by commas, "and", "or", "/", "e.g." …
    groups: list[list[tuple[int, int, list[Part]]]] = []
    for it in merged:
        between = gap(groups[-1][-1], it) if groups else ""
        if groups and (len(between) < 28 and _JOINT.match(between) or _HEAD_LEAD.match(between)):
            groups[-1].append(it)
        else:
            groups.append([it])
    slots: list[Slot] = []
    for group in groups:
        for member in _split_group(group, [gap(a, b) for a, b in zip(group, group[1:])],
                                   text, tokens):
            start, end = tokens[member[0][0]].start, tokens[member[-1][1] - 1].end
            need = (len(member) + 1) // 2 if isinstance(member, _Quorum) else 1
            slots.append(Slot(options=[it[2] for it in member], text=text[start:end],
                              start=start, end=end, need=need))
    return slots


def _list_phrases(text: str, tokens, covered: set[int]) -> list[tuple[int, int, Part]]:
    """Items of a written list ("routing, VPNs, load balancers, and firewalls") that the
    term table does not name: each becomes a thing to find, by its words."""
    out: list[tuple[int, int, Part]] = []
    for run in _LIST_RUN.finditer(text):
        for piece in re.finditer(r"[^,]+", run.group(0)):
            phrase = piece.group(0)
            if re.fullmatch(r"\s*(?:including(?: but not limited to)?|such as|e\.g\.?|like|"
                            r"for example|etc\.?|and so on)\s*:?\s*", phrase, re.I):
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
        return _by_conjunction(group, joints, before)
    head, examples = group[:lead_at + 1], group[lead_at + 1:]
    final = _final_conjunction(joints[lead_at + 1:])
    lead = joints[lead_at]
    up_to_lead = text[:tokens[head[-1][1] - 1].end][-70:]
    singular = re.search(r"\b(?:a|an|one|any|at least one|single)\s+(?:[\w/.-]+\s+){0,5}"
                         r"[\w/.-]+\s*$", up_to_lead, re.I)
    head_slots = _by_conjunction(head, joints[:lead_at], before)
    if _EXAMPLE_LEAD.search(lead) or final == "or" or final is None or singular:
        # "developer tools like Windsurf, Copilot": the examples name what is asked; a
        # phrase qualifying the category ("developer") is no alternative to them
        if _CATEGORY.match(lead):
            head_slots[-1] = head_slots[-1][:-1]
            head_slots = [h for h in head_slots if h]
        head_slots.append(examples) if not head_slots or _CATEGORY.match(lead) else \
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


def _by_conjunction(group: list, joints: list[str], before: str) -> list[list]:
    """Split at "and" (each part needed); "/" and "or" keep items together; commas follow
    the list's last conjunction ("A, B and C": three; "A, B or C": one)."""
    if not group:
        return []
    if re.search(r"\b(?:one or more|any of|either|at least one)\b", before[-40:], re.I):
        return [group]
    final = _final_conjunction(joints)
    out = [[group[0]]]
    for joint, item in zip(joints, group[1:]):
        bare_and = re.search(r"\band\b(?!\s*/)|&|as well as", joint, re.I) and \
            not re.search(r"and\s*/\s*or", joint, re.I)
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


def _content_words(text: str, slots: list[Slot],
                   skip: list[tuple[int, int]] | None = None) -> dict[str, float]:
    # words inside a list of named things are alternatives or parts of it: not asked again
    spans = [(s.start, s.end) for s in slots] + list(skip or [])
    core = re.sub(r"\bor\s+(?:a\s+|an\s+|any\s+|other\s+)?(?:similar|equivalent|comparable|"
                  r"related|other)\b[^,;.()]*", lambda m: " " * len(m.group(0)), text, flags=re.I)
    out: dict[str, float] = {}
    for token in tokenize(core):
        word = token.raw.lower()
        if len(word) <= 2 or word in STOPWORDS or word.isdigit() or \
                any(a <= token.start < b for a, b in spans):
            continue
        s = stem(word)
        if s in GENERIC_WORDS:
            continue
        out[s] = max(out.get(s, 0.0), word_weight(s))
    return out


def _modifiers(text: str, slots: list[Slot], words: dict[str, float]) -> set[str]:
    out = set()
    tokens = tokenize(text)
    for slot in slots:
        before = [t for t in tokens if t.end <= slot.start]
        if not before or not re.fullmatch(r"[ \t-]*", text[before[-1].end:slot.start]):
            continue
        s = stem(before[-1].raw)
        if s in words and words[s] >= 0.6:
            out.add(s)
    return out


def degree_level(text: str) -> int:
    """Level of a degree as written on a profile (0 when it names none)."""
    level = degree_asked(text) or degree_asked(f"{text} degree")
    return DEGREE_LEVELS[level] if level else 0
