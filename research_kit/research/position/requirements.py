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

Named things become *slots* (:mod:`.slots`: "and" lists each needed, "or" lists and
examples any one). The remaining content words are weighed by how specific they are
(:mod:`research_kit.lexicon.specificity`); a clause such as ", preferably in …" or
"which could include …" is optional and asks nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...lexicon.specificity import word_weight
from ...lexicon.terms import STOPWORDS, Vocabulary, family, stem, tokenize, vocabulary
from ...sources.jobs.features import (
    DEGREE_LEVELS,
    accepts_equivalent,
    certifications_asked,
    degree_asked,
    years_asked,
)
from .slots import GENERIC_WORDS, Part, Slot, named_options, read_slots

__all__ = ["Requirement", "Slot", "read_requirement", "REQUIREMENT_TYPES", "GENERIC_WORDS",
           "is_tool"]

REQUIREMENT_TYPES = ("years", "degree", "certification", "tool", "domain", "responsibility",
                     "soft_skill", "language", "location")

_LOCATION = re.compile(
    r"\b(?:based (?:in|out of|near|within)|(?-i:[A-Z][a-z][\w-]*)[- ]based\b|"
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
    r"motivat|inclusive|integrity|resilien|multi-?task|multiple (?:projects|priorities)|"
    r"competing priorities|juggl", re.I)
_INTENSITY = re.compile(r"\b(?:extensive|deep|expert|expertise|mastery|strong command|"
                        r"advanced|in-depth|senior technical depth|exceptional)\b", re.I)
_EXCELLENT = re.compile(r"\b(?:excellent|exceptional|outstanding|superb|strong|highly)\b", re.I)
_DOMAIN = re.compile(r"\b(?:industry|industries|domain|sector|environments?|compan(?:y|ies)|"
                     r"startups?|organi[sz]ations?|background in|understanding of|knowledge of|"
                     r"exposure to|familiarity with|experience (?:in|within|working in) (?:a |an |"
                     r"the )?[a-z-]+ (?:industry|domain|sector|environment))\b", re.I)
_OPTIONAL = re.compile(r"\b(?:a plus|is a (?:strong |big )?plus|preferred|nice to have|bonus|"
                       r"ideally|highly valued|an advantage|desirable)\b", re.I)


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
                            r"particularly|notably|bonus(?: points)? (?:for|if)|a plus if)\b[^)]*\)?|"
                            r"\s*,?\s*(?:which|that)\s+(?:could|may|can|might)\s+include\b[^.;]*",
                            re.I)

_MULTI_CLOUD = re.compile(r"\bmulti-?cloud\b|\bmultiple (?:public )?cloud|\bmore than one cloud",
                          re.I)
_CLOUD_PROVIDERS = frozenset({"AWS", "Azure", "GCP"})
_EXAMPLES_ASIDE = re.compile(r"\(\s*(?:including|e\.g\.?|eg|for example|for instance|such as)\b"
                             r"[^)]*\)", re.I)
"""An aside of examples ("… a customer facing role (including working as a member of a
professional services team)"): its words illustrate, they are not asked on their own."""

_FULL_STACK = re.compile(r"\bfull[\s-]?stack\b|\b(?:the\s+)?(?:entire|whole)\s+(?:tech(?:nology)?\s+)?"
                         r"stack\b|\bacross\s+the\s+stack\b|\bfront[\s-]?end\s+and\s+back[\s-]?end\b|"
                         r"\bback[\s-]?end\s+and\s+front[\s-]?end\b", re.I)
"""Work "across the entire stack" / "full-stack": the front end and the back end, both."""
_FRONT_TECH = {"HTML", "CSS", "JavaScript", "TypeScript", "Angular", "React", "Vue", "jQuery"}
_BACK_TECH = {"Java", "PHP", "C#", ".NET", "Python", "Ruby", "Go", "Node.js", "Django", "Flask",
              "Spring", "Ruby on Rails", "SQL", "MySQL", "databases", "MongoDB", "REST APIs",
              "microservices"}
_FRONT_END = Part(concepts=_FRONT_TECH | {"web development"}, narrow=_FRONT_TECH,
                  names=[("front", "end"), ("frontend",), ("website",), ("ui",),
                         ("client", "side"), ("bootstrap",)])
_BACK_END = Part(concepts=_BACK_TECH | {"web development"}, narrow=_BACK_TECH,
                 names=[("back", "end"), ("backend",), ("server", "side")])
"""The two ends, each by its technologies or its own words; "web development" alone (a
"Web Developer" title) fills either end only halfway."""
_LEARN_FAST = re.compile(r"\b(?:and\s+)?(?:become\s+an?\s+expert|get\s+up\s+to\s+speed|ramp\s+up|"
                         r"learn)\s+quickly\b", re.I)
""""… and become an expert quickly": how fast someone learns is shown by the work, not a
word a profile says; it is not asked word by word."""


def read_requirement(text: str, vocab: Vocabulary | None = None) -> Requirement:
    vocab = vocabulary() if vocab is None else vocab
    text = " ".join((text or "").split())
    optional = [(m.start(), m.end()) for m in _OPTIONAL_TAIL.finditer(text)]
    slots = [s for s in read_slots(text, vocab)
             if not any(a <= s.start < b for a, b in optional)]
    slots = _examples_of_a_kind(text, slots)
    if _MULTI_CLOUD.search(text):
        # "Multi-cloud experience across GCP, AWS, and/or Azure": two of them, not one
        for slot in slots:
            if len(slot.options) > 1 and slot.alternatives and \
                    all(alt & _CLOUD_PROVIDERS for alt in slot.alternatives):
                slot.need = 2
    slots = _full_stack(text, slots)
    req = Requirement(text=text, type="responsibility", slots=slots)
    asides = [(m.start(), m.end()) for m in _EXAMPLES_ASIDE.finditer(text)]
    asides += [(m.start(), m.end()) for m in _LEARN_FAST.finditer(text)]
    req.words = _content_words(text, slots, optional + asides)
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


def _full_stack(text: str, slots: list[Slot]) -> list[Slot]:
    """"the entire stack", "full-stack web development": one slot that needs both ends
    (it replaces the slot the term table read there, "web development", which either end
    would fill on its own)."""
    m = _FULL_STACK.search(text)
    if not m:
        return slots
    end = m.end()
    nxt = re.match(r"\s+(?:web\s+)?(?:development|developer|engineering|experience)\b",
                   text[end:], re.I)
    end += nxt.end() if nxt else 0
    both = Slot(options=[[_FRONT_END], [_BACK_END]], text=m.group(0), start=m.start(), end=end,
                need=2)
    kept = [s for s in slots if s.end <= m.start() or s.start >= end]
    return sorted([*kept, both], key=lambda s: s.start)


def is_full_stack(slot: Slot) -> bool:
    return slot.need == 2 and slot.options == [[_FRONT_END], [_BACK_END]]


_KIND_NOUN = re.compile(r"\b(?:industry|industries|sector|sectors|environments?|field|domain|"
                        r"space|compan(?:y|ies)|organi[sz]ations?|settings?)\s*\(\s*$", re.I)


def _examples_of_a_kind(text: str, slots: list[Slot]) -> list[Slot]:
    """"a regulated or compliance-conscious industry (wealth management or financial
    services …)": the parenthesis names examples of the kind of industry, so a slot in it
    is one more alternative to the slot before it, not one more thing needed."""
    out: list[Slot] = []
    for slot in slots:
        opened = text.rfind("(", 0, slot.start)
        if out and opened > out[-1].end and text.find(")", opened, slot.start) < 0 and \
                _KIND_NOUN.search(text[:opened + 1]):
            prev = out[-1]
            out[-1] = Slot(options=named_options(prev.options + slot.options), text=prev.text,
                           start=prev.start, end=slot.end, need=prev.need)
            continue
        out.append(slot)
    return out


# --- type -------------------------------------------------------------------------------

def _type(req: Requirement, vocab: Vocabulary) -> str:
    text = req.text
    # the two ends of a stack are work shown in a role, not tools to list
    tools = [s for s in req.slots if not is_full_stack(s) and (
             any(p.proper for o in s.options for p in o) or
             any(is_tool(c, vocab) for alt in s.alternatives for c in alt))]
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
    # "experience" asks for work done, except as people's "levels of experience"
    doing = re.search(r"\b(?:experience|expertise|track record)\b",
                      re.sub(r"\blevels? of (?:experience|expertise)\b", "", text, flags=re.I),
                      re.I) and \
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
            part = re.sub(r"-(?:oriented|focused|related|based)$", "", part, flags=re.I)
            # "a technical discipline" asks for a technical field (any one)
            if part and len(part) < 50 and not re.fullmatch(r"(?:a )?related|equivalent|"
                                                            r"similar", part, re.I):
                fields.append(part.lower())
    return list(dict.fromkeys(fields))


# --- slots ------------------------------------------------------------------------------

def _content_words(text: str, slots: list[Slot],
                   skip: list[tuple[int, int]] | None = None) -> dict[str, float]:
    # words inside a list of named things are alternatives or parts of it: not asked again
    spans = [(s.start, s.end) for s in slots] + list(skip or [])
    core = re.sub(r"\bor\s+(?:a\s+|an\s+|any\s+|other\s+)?(?:similar|equivalent|comparable|"
                  r"related|other)\b[^,;.()]*", lambda m: " " * len(m.group(0)), text, flags=re.I)
    # "Experience or internship experience in sales": an internship is one more way in
    core = re.sub(r"\b(?:or|and/or)\s+(?:an?\s+)?internships?\b", lambda m: " " * len(m.group(0)),
                  core, flags=re.I)
    out: dict[str, float] = {}
    for token in tokenize(core):
        word = token.raw.lower()
        if len(word) <= 2 or word in STOPWORDS or word.isdigit() or \
                any(a <= token.start < b for a, b in spans):
            continue
        s = stem(word)
        if s in GENERIC_WORDS:
            continue
        # keyed by family: "management" asked is shown by "Manager" (evidence.content_stems)
        out[family(s)] = max(out.get(family(s), 0.0), word_weight(s))
    return out


def _modifiers(text: str, slots: list[Slot], words: dict[str, float]) -> set[str]:
    out = set()
    tokens = tokenize(text)
    for slot in slots:
        before = [t for t in tokens if t.end <= slot.start]
        if not before or not re.fullmatch(r"[ \t-]*", text[before[-1].end:slot.start]):
            continue
        s = family(stem(before[-1].raw))
        if s in words and words[s] >= 0.6:
            out.add(s)
    return out


def degree_level(text: str) -> int:
    """Level of a degree as written on a profile (0 when it names none)."""
    level = degree_asked(text) or degree_asked(f"{text} degree")
    return DEGREE_LEVELS[level] if level else 0
