"""Which lists in a sentence name competitors, and where each list starts.

A sentence names competitors when it says so, in one of these shapes (each list is then
read by :mod:`.name_lists`):

1. **compete with / against / versus** a list, after a competition word in the same
   sentence ("we compete primarily against …", "compete directly with …"); "with" after
   a partnership word ("partnered with") is not one;
2. **competition from** a list, after a competition word ("faces competition … mainly from
   Apple and Google", "products from Nintendo and Sony");
3. **competitor(s) … is / are / include / :** a list, within a few words ("Our primary
   competitor in the supply of CPUs is Intel", "principal competitors are A, B and C");
4. **such as / including / include / like / namely / e.g. / ":"** a list, when the sentence
   speaks of competition, sits in a Competition section, or is a bullet under a lead-in
   such as "Our competitors include:"; in a paragraph that only *around* it speaks of
   competition (a risk factor on competition), only after a noun for companies
   ("Large ethanol producers such as …", "The largest automobile insurance companies
   include …");
5. **for example / for instance**, right after a sentence on competition: the companies
   the example clauses begin with ("For example, Apple Inc. is packaging …, and Google
   Inc. has developed …") — named with a legal form or known to the gazetteer;
6. **X is our principal competitor** / **X’s products compete with ours** / **our top
   competitors, X and Y, …**: the names the sentence begins with (or the apposition);
7. **a copy of the filer's product and who sells it**: "a biosimilar … to be marketed by a
   subsidiary of Pfizer Inc.", "a generic version launched by …";
8. **alternatives to ours**: a sentence calling what it lists "alternatives to … ours"
   reads its "such as" lists as in shape 4.

A list after a head noun for customers, suppliers, partners, subsidiaries, places, laws
or the filer's own things ("our brands such as …", "customers include …", "countries such
as …") is not a competitor list, nor one after selling words ("we sell through retailers
such as …") unless a competition word comes between. Names that are places, public bodies
or generic words (:mod:`research_kit.lexicon.gazetteer`) are dropped, and so is a lone
capitalised modifier ("Java middleware") that the gazetteer does not know.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon.gazetteer import Gazetteer, gazetteer
from .name_lists import Listed, read_list
from .name_tokens import Token, tokenize

__all__ = ["Context", "names_in_sentence", "names_in_passage", "sentences", "has_cue",
           "COMPETE_WORD"]

COMPETE_WORD = re.compile(r"^(?:compete[sd]?|competing|competitions?|competitors?|rivals?)$", re.I)
_CONTEXT_WORD = re.compile(r"\b(?:compet(?:e[sd]?|ing|itions?|itors?|itive(?:ly)?)|rivals?)\b",
                           re.I)
_LISTING = {"such as", "including", "include", "includes", "included", "like", "namely"}
_COMPETITOR_VERBS = {"is", "are", "was", "were", "include", "includes", "including", "consist",
                     "consists", "comprise", "comprises", ":", "such", "like", "namely", "remain",
                     "remains", "comes", "come", "primarily", "principally", "mainly"}
_PARTNER_WORDS = {"partner", "partners", "partnered", "partnering", "partnership", "collaborate",
                  "collaborates", "collaborated", "collaboration", "agreement", "agreements",
                  "relationship", "relationships", "together", "along", "jointly", "alliance",
                  "integrate", "integrated", "compatible", "work", "works", "working", "worked",
                  "associated", "combined", "merged", "merger", "contract", "contracts",
                  "contracted", "deal", "deals", "comply", "consistent", "compared", "comparison"}
_FROM_NOT_RIVAL = {"revenue", "revenues", "sales", "purchase", "purchased", "purchases", "license",
                   "licensed", "licenses", "acquired", "acquire", "buy", "bought", "derived",
                   "sourced", "obtained", "supply", "supplied", "supplies", "apart", "separate",
                   "away", "income", "proceeds", "financing", "funding", "approval", "approvals"}
_NOT_RIVALS = re.compile(
    r"^(?:customers?|clients?|suppliers?|vendors?\s+to|partners?|collaborators?|licensees?|"
    r"licensors?|distributors?|resellers?|subsidiar(?:y|ies)|affiliates?|countries|country|"
    r"states|regions?|cities|jurisdictions|agencies|regulators?|authorities|"
    r"governments?|laws?|regulations?|acts?|factors|investors?|lenders?|foundr(?:y|ies)|"
    r"contract|landlords?|tenants?|employees?|members?|shareholders?|stockholders?|unions?|"
    r"sell|sells|selling|sold|sales|through|distribute[sd]?|distributing|"
    r"retails?|carry|carries|purchase[sd]?|buy|buys|sourced|supplied|"
    r"licensed|acquired|acquisitions?|invest(?:ed|ments?)?|trademarks?|peers?|index|indices|"
    r"benchmarks?)$", re.I)
# "competitors in our industry, such as …": a place the filer shares with its rivals
_SHARED_PLACES = {"industry", "industries", "sector", "sectors", "space", "field", "fields",
                  "market", "markets", "area", "areas", "marketplace", "business", "businesses"}
_COMPANY_NOUN = re.compile(
    r"^(?:compan(?:y|ies)|firms?|vendors?|manufacturers?|makers?|producers?|providers?|"
    r"retailers?|competitors?|players?|developers?|carriers?|banks|institutions|operators?|"
    r"brokers?|insurers?|publishers?|studios?|chains|sellers?|rivals?|entrants?|corporations?|"
    r"enterprises|airlines?|railroads?|utilities|organizations|wholesalers?|merchants|"
    r"marketers|integrators|consultancies|networks)$", re.I)
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z]|\b(?:Inc|Corp|Co|Ltd|Mr|Ms|Mrs|Dr|"
                           r"St|No|vs|Jr|Sr|Bros|Mfg|Intl|e\.g|i\.e|approx|Nos|U\.S))\.$")
_LEGAL_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|N\.V|S\.A|L\.P|P\.L\.C|L\.L\.C|A\.G)\.$")
_LEGAL_WORD = re.compile(r"(?:Inc|Corp|Co|Ltd|LLC|L\.?P|plc|N\.V|S\.A|AG|SE|GmbH|Limited|Company|"
                         r"Corporation|Incorporated)\b\.?", re.I)
_SUBJECT = re.compile(
    r"\b(?:is|are|remains?|was|were|has\s+been|have\s+been|became|become)\s+(?:also\s+)?"
    r"(?:(?:our|its|their|the\s+company['\u2019]s|an?|the|one\s+of\s+(?:our|the)|among\s+(?:our|the))"
    r"\s+)?(?:[\w-]+\s+){0,4}?(?:competitors?|rivals?)\b", re.I)
_RIVAL_SUBJECT = re.compile(r"^[^,]{0,80}\bcompetes?\b[^.]{0,40}\b(?:with|against)\s+(?:us|our)\b",
                            re.I)
_ANTITRUST = {"act", "authority", "authorities", "commission", "bureau", "tribunal", "council",
              "law", "laws", "rules", "regulation", "regulations", "regulator", "regulators",
              "policy", "enforcement", "investigation", "investigations", "proceedings", "claims",
              "matters", "concerns", "agency", "directorate", "and"}
_TALENT = {"personnel", "talent", "employees", "staff", "executives", "workers", "drivers", "pilots",
           "nurses", "physicians", "engineers", "labor", "workforce", "associates", "scientists"}
_TALENT_COMPETITION = re.compile(
    r"\b(?:compet\w*|rivals?)\W+(?:\w+\W+){0,5}?(?:" + "|".join(sorted(_TALENT)) + r")\b", re.I)
# shape 7: a copy of the filer's product, and who sells it
_COPY_PRODUCT = re.compile(r"\b(?:biosimilars?|generics?|generic\s+versions?|follow-on|competing\s+"
                           r"(?:products?|versions?|drugs?))\b")
_MADE_BY = {"marketed", "launched", "sold", "introduced", "commercialized", "commercialised",
            "manufactured", "developed", "offered"}
# shape 4 without a competition word: "…, are alternatives to … ours"
_ALTERNATIVE_TO_US = re.compile(r"\b(?:alternatives?|substitutes?)\s+(?:to|for)\s+(?:[\w-]+\s+){0,9}?"
                                r"(?:our|ours|us)\b")
_EXAMPLE = re.compile(r"^(?:for\s+example|for\s+instance|e\.g\.)\s*,?\s*", re.I)
_STARTERS = {"we", "our", "the", "this", "these", "that", "it", "its", "in", "as", "some", "many",
             "most", "other", "such", "each", "both", "there", "competition", "competitors",
             "management", "although", "while", "if", "currently", "today", "also", "however",
             "they", "their", "for", "additionally", "further", "furthermore", "moreover", "when"}


@dataclass(frozen=True)
class Context:
    """Where a sentence sits: what makes its lists competitor lists."""

    in_section: bool = False
    """Inside a Competition section (or a table of competitors)."""
    around: bool = False
    """Its paragraph or the heading above speaks of competition."""
    lead_in: bool = False
    """A bullet under a lead-in such as "Our competitors include:" (the list starts at once)."""
    after_cue: bool = False
    """The sentence before it, in the same paragraph, speaks of competition."""
    short_item: bool = False
    """A short item of a list in a Competition section ("• Acme Corp."): read as a list
    whose names need the gazetteer or a legal form (it may be a competitive factor)."""


def has_cue(text: str) -> bool:
    """Does the text speak of competition at all ("competitive" counts here)? Competition
    for people ("we compete for qualified personnel") does not count."""
    return _CONTEXT_WORD.search(_TALENT_COMPETITION.sub(" ", text)) is not None


def sentences(text: str) -> list[str]:
    """Sentences of a paragraph, whitespace-normalised; "Co." or "J.C." end none."""
    flat = " ".join(text.split())
    found, start = [], 0
    for match in re.finditer(r"[.!?](?=\s+[A-Z(\"\u201c\u2022\d])", flat):
        if _ABBREVIATION.search(flat[max(0, match.start() - 12):match.end()]):
            # "Co." or "Inc." end a sentence only when a sentence plainly begins after them
            following = flat[match.end():match.end() + 40].split()
            starts_sentence = bool(following) and (following[0].lower() in _STARTERS or (
                len(following) > 1 and following[1][:1].islower() and following[0][:1].isupper()
                and following[0][-1:].isalpha() and not _LEGAL_WORD.match(following[0])))
            if not (starts_sentence and _LEGAL_END.search(flat[max(0, match.start() - 6):match.end()])):
                continue
        found.append(flat[start:match.end()].strip())
        start = match.end()
    if flat[start:].strip():
        found.append(flat[start:].strip())
    return found


def _cue_positions(tokens: list[Token]) -> list[int]:
    cues = []
    for k, token in enumerate(tokens):
        if not COMPETE_WORD.match(token.text) or token.low.startswith("non"):
            continue
        following = {t.low for t in tokens[k + 1:k + 4]}
        if token.low.startswith("competition") and following & _ANTITRUST:
            continue  # "Competition Authority", "competition rules", "Competition Act"
        if {t.low for t in tokens[k + 1:k + 7]} & _TALENT:
            continue  # "we compete for qualified personnel with …": not rivals in business
        cues.append(k)
    return cues


def _head_allows(tokens: list[Token], k: int, need_company_noun: bool) -> bool:
    """May a list introduced at ``tokens[k]`` name competitors, judging by the words before?"""
    window = tokens[max(0, k - 10):k]
    for offset, token in enumerate(reversed(window)):
        if COMPETE_WORD.match(token.text):
            break
        if token.low in ("our", "ours", "its", "we", "us") and not (
                set(t.low for t in window[len(window) - offset:]) & _SHARED_PLACES):
            return False  # "our brands, such as …"; but "others in our industry, such as …"
        if offset < 5 and _NOT_RIVALS.match(token.low) or (
                token.low in ("sell", "sells", "sold", "through", "distribute") and offset < 10):
            return False
        if token.possessive and token.low in ("company", "registrant", "corporation", "partnership"):
            return False  # "the Company’s stores, including …": the filer's own
        if token.text in (".", ";", ":") or token.text == "(" and offset > 0:
            break
    if need_company_noun:
        return any(_COMPANY_NOUN.match(t.low) for t in tokens[max(0, k - 4):k])
    return True


def _introducers(tokens: list[Token], context: Context) -> list[tuple[int, bool]]:
    """(token index where a list starts, example mode) for each list in the sentence."""
    cues = _cue_positions(tokens)
    starts: list[tuple[int, bool]] = []
    targets_us = _targets_us(tokens, cues)
    text = " ".join(t.low for t in tokens)
    alternative = _ALTERNATIVE_TO_US.search(text) is not None  # "…, are alternatives to ours"
    copies = _COPY_PRODUCT.search(text) is not None  # "a biosimilar … marketed by Pfizer"
    for k, token in enumerate(tokens):
        low = token.low
        before = [t.low for t in tokens[max(0, k - 3):k]]
        cue_before = any(c < k for c in cues)
        if low in ("with", "against", "versus", "vs", "vs.") and cue_before:
            if not set(before) & _PARTNER_WORDS:
                starts.append((k + 1, False))
        elif low == "from" and cue_before and not set(before) & _FROM_NOT_RIVAL:
            starts.append((k + 1, False))
        elif low == "by" and copies and before[-1:] and before[-1] in _MADE_BY:
            starts.append((k + 1, False))  # "a biosimilar to be marketed by a subsidiary of X"
        elif low == ":" and any(k - 15 <= c < k for c in cues) and not any(
                t.text in (";", ":", ".") for t in tokens[max(0, k - 15):k]):
            starts.append((k + 1, False))  # "three other national wireless providers: AT&T, …"
        nxt = tokens[k + 1].low if k + 1 < len(tokens) else ""
        word = "such as" if low == "such" and nxt == "as" else low
        if word in _LISTING:
            if word == "like" and (before[-1:] == ["would"] or nxt in ("to", "that")):
                continue
            skip = 2 if word == "such as" else 1
            said = cue_before or alternative or (targets_us and any(k < c <= k + 12 for c in cues))
            if said and _head_allows(tokens, k, need_company_noun=False):
                starts.append((k + skip, False))
            elif (context.in_section or context.around or context.lead_in) and _head_allows(
                    tokens, k, need_company_noun=not context.lead_in):
                starts.append((k + skip, False))
        elif low == "," and k > 0 and tokens[k - 1].low in ("competitors", "rivals") and cues:
            starts.append((k + 1, False))  # "our top competitors, Acme and Beta, hold …"
        elif low in _COMPETITOR_VERBS and any(
                k - 9 <= c < k and tokens[c].low.startswith(("competitor", "rival", "competition"))
                for c in cues):
            starts.append((k + 1, False))
    return starts


def _targets_us(tokens: list[Token], cues: list[int]) -> bool:
    """"Companies such as A and B compete with us": the rivals are named before the verb."""
    for c in cues:
        words = [t.low for t in tokens[c + 1:c + 5]]
        if any(w in ("with", "against") for w in words) and any(
                w in ("us", "our", "ours") for w in words):
            return True
    return False


def _subject_start(sentence: str, tokens: list[Token]) -> tuple[int, bool] | None:
    """(index where "X is our main competitor" / "X’s products compete with ours" begins,
    whether the names need outside evidence: the subject of "compete with our …" may be a
    kind of product rather than a company)."""
    certain = _SUBJECT.search(sentence) is not None
    if not (certain or _RIVAL_SUBJECT.search(sentence)):
        return None
    k = 0
    comma = next((i for i, t in enumerate(tokens[:6]) if t.text == ","), None)
    if tokens and tokens[0].low in _STARTERS and comma is not None:
        k = comma + 1  # "In addition, Acme is our main competitor"
    return (k, not certain) if k < len(tokens) and tokens[k].low not in _STARTERS else None


def names_in_sentence(sentence: str, context: Context = Context(),
                      gaz: Gazetteer | None = None) -> list[Listed]:
    """Competitor names a sentence lists, in order, aliases marked (``alias_of``)."""
    gaz = gaz or gazetteer()
    letters = [c for c in sentence if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) > 0.6 * len(letters):
        return []  # an ALL-CAPS heading: casing says nothing there
    tokens = tokenize(sentence)
    if _TALENT_COMPETITION.search(sentence) and not _cue_positions(tokens):
        return []  # competition for people: the companies named are not business rivals
    found: list[Listed] = []
    # (start, example mode, names need outside evidence)
    starts = [(k, example_mode, example_mode) for k, example_mode in _introducers(tokens, context)]
    if context.lead_in or context.short_item:
        starts.insert(0, (0, False, not context.lead_in))
    example = _EXAMPLE.match(sentence)
    if example and (context.after_cue or context.in_section):
        first = next((i for i, t in enumerate(tokens) if t.start >= example.end()), len(tokens))
        starts.append((first, True, True))
    subject = _subject_start(sentence, tokens)
    if subject is not None:
        starts.append((subject[0], False, subject[1]))
    for start, example_mode, need_evidence in starts:
        for listed in read_list(sentence, tokens, start, gaz, example=example_mode):
            if need_evidence and not listed.evidence & {"legal form", "known"}:
                continue
            if _acceptable(listed, gaz):
                found.append(listed)
    return sorted(found, key=lambda listed: listed.start)


def _acceptable(listed: Listed, gaz: Gazetteer) -> bool:
    name = listed.name
    if len(name) < 2 or not re.search(r"[A-Za-z]", name) or gaz.not_a_company(name):
        return False
    words = [w for w in re.split(r"[\s,]+", name) if w]
    if "known" not in listed.evidence and all(gaz.is_generic(w) or gaz.is_place(w) for w in words):
        return False
    if "modifier" in listed.evidence and not listed.evidence & {"known", "legal form"}:
        return False  # "Java middleware", "ATM networks"
    return True


def names_in_passage(text: str, own_name: str | None = None, gaz: Gazetteer | None = None) -> list[str]:
    """Competitor names a Competition passage lists, in order of first mention, one per
    company (aliases and the filer's own name left out)."""
    own = re.split(r"[\s,]+", own_name.strip().lower())[0] if own_name and own_name.strip() else ""
    names: list[str] = []
    seen: set[str] = set()
    context = Context(in_section=True)
    for paragraph in re.split(r"\n\s*\n|\s*[\u2022\u25cf\u25aa]\s*", text):
        for sentence in sentences(paragraph):
            for listed in names_in_sentence(sentence, context, gaz):
                key = listed.name.lower()
                if listed.alias_of is not None or key in seen or (own and key.split()[0] == own):
                    continue
                seen.add(key)
                names.append(listed.name)
    return names
