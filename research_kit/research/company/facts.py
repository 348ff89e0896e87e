"""Salient facts: the sentences a candidate would note after 30 minutes of reading.

Input is every passage the company sources hold (10-K Items 1 and 7, press releases, the
annual report's letter and review, the website's About page and news items, feeds), each
verbatim with its kind, date and source. Each sentence is scored twice:

* **salience** — what kind of fact it is (an acquisition, a launch, results with a number
  and a change, a strategic priority, a leadership change …), whether it has a number that
  moved, whether the company is its subject, how recent it is; hedged or legal sentences
  ("may adversely affect", "in accordance with") lose points;
* **relevance to this role** — how many of the posting's terms (its title, skills,
  requirements, responsibilities, team and product names) it shares.

The result is a table (one row per sentence, best first) that keeps the sentence exactly
as written, so every talking point and question built on it quotes its source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from ...lexicon.sentences import split_sentences
from ...provenance import table_from_rows

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["salient_facts", "role_terms", "FACT_COLUMNS", "FACT_KINDS", "is_housekeeping"]

FACT_COLUMNS = ["fact", "kind", "date", "salience", "relevance", "score", "role_terms",
                "passage_kind", "title", "age_days"]
STALE_DAYS = 3 * 365
RELEVANT_AT = 1.5
"""The relevance at which a sentence counts as about the role (one term named twice by
the posting, or two named once)."""
# a trade's word inside another trade's phrase: "real estate developers" build houses
_NOT_THE_TRADE = re.compile(r"\b(?:real\s+estate|property|land|home|housing|residential)\s+"
                            r"(?:developers?|development)\b|\b(?:business|economic|"
                            r"community|workforce)\s+development\b", re.I)
"""A news item dated more than this before the research day is background, not news."""
_DATED_EVENTS = ("news", "press")

# kind → (base salience, pattern). First match wins, so events come before results and
# results before the generic "business" description.
_KIND_PATTERNS: list[tuple[str, float, str]] = [
    ("acquisition", 4.0, r"\b(?:acquir(?:ed|es|ing)\s+(?!shares|stock|securities|property|"
                         r"land|equipment|a\s+minimum)(?:(?:the|a|an)\s+)?(?-i:[A-Z])|"
                         r"acquisitions?\s+of\s+(?-i:[A-Z])|"
                         r"merg(?:er|ed|ing)\s+with|(?:are|is|we're|we\s+are)\s+joining\s+[A-Z]|"
                         r"to\s+be\s+acquired|completed\s+the\s+purchase\s+of\s+[A-Z])"),
    ("funding", 4.0, r"\b(?:raised|raises|funding\s+round|series\s+[a-f]\b|initial\s+public\s+"
                     r"offering|went\s+public|led\s+by\s+\w+\s+(?:capital|ventures|partners))\b"),
    ("launch", 3.5, r"\b(?:launch(?:ed|es|ing)?|introduc(?:ed|es|ing)\s+(?:its|the|a|an|our|"
                    r"new|(?-i:[A-Z]))|unveil(?:ed|s)|"
                    r"debut(?:ed|s)|now\s+available|general\s+availability|released\s+(?:its|"
                    r"the|a|our)|began\s+shipping|started\s+shipping|rolled\s+out)\b"),
    ("leadership", 3.0, r"\b(?:appointed|named\s+(?:as\s+)?(?:its\s+|our\s+)?(?:chief|ceo|"
                        r"president|chair)|joins?\s+as|promoted\s+to|succeed(?:s|ed)\s+"
                        r"(?-i:[A-Z])|"
                        r"new\s+(?:chief|ceo|president))\b"),
    ("partnership", 3.0, r"\b(?:partner(?:ed|s|ing)?\s+with|partnership\s+with|"
                         r"collaborat(?:ion|ing|es|ed)\s+with|alliance\s+with|agreement\s+with|"
                         r"teamed\s+up\s+with)\b"),
    ("expansion", 3.0, r"\b(?:open(?:ed|s|ing)\s+(?:a\s+|its\s+|our\s+)?(?:new\s+)?(?:\w+\s+){0,3}"
                       r"(?:office|facility|plant|campus|headquarters|data\s+center)|"
                       r"expand(?:ed|s|ing)\s+(?:into|to|its|our)|entered\s+the\s+\w+\s+market|"
                       r"new\s+(?:\w+\s+){0,3}(?:office|facility|market))\b"),
    ("award", 2.5, r"\b(?:award(?:ed|s)?|won\s+the|recogni[sz]ed\s+(?:as|by)|named\s+a\s+leader|"
                   r"ranked\s+(?:as\s+)?(?:no\.|number|#)?\s*\d)\b"),
    ("result", 3.0, r"\b(?:revenue|revenues|net\s+sales|sales|turnover|net\s+income|"
                    r"operating\s+income|operating\s+profit|earnings|profit|gross\s+margin|"
                    r"bookings|shipments|subscribers|customers|users)\b.*\d"),
    ("growth", 3.0, r"\b(?:increased|decreased|grew|growth|rose|declined|fell|up|down)\b.*\d"),
    # who owns the company: a subsidiary's team works with (and for) its parent
    # ("… a wholly owned subsidiary of the Company" is a 10-K's own legal structure)
    ("ownership", 3.0, r"\b(?:subsidiary\s+of|(?:division|unit|arm)\s+of|(?:wholly\s+)?owned\s+"
                       r"by)\s+(?:the\s+)?(?!Company\b)(?-i:[A-Z])"),
    ("outlook", 2.5, r"\b(?:we\s+expect|we\s+anticipate|we\s+plan|we\s+intend|we\s+will|"
                     r"outlook|(?:our|its|annual|full-year|financial)\s+guidance|"
                     r"going\s+forward|in\s+the\s+coming|next\s+fiscal\s+year)\b"),
    ("strategy", 2.2, r"\b(?:strateg(?:y|ic|ies)|priorit(?:y|ies)|focus(?:ed|es|ing)?\s+on|"
                      r"invest(?:ing|ed|ments?)?\s+(?:heavily\s+)?in|our\s+(?:mission|vision|"
                      r"goal)|we\s+believe)\b"),
    ("customer", 2.0, r"\b(?:customers?\s+(?:include|such\s+as|like)|clients?\s+(?:include|such\s+"
                      r"as)|serv(?:e|es|ing)\s+(?:more\s+than\s+)?[\d,]+|used\s+by|trusted\s+by)\b"),
    ("product", 1.6, r"\b(?:our\s+(?:products?|platform|services?|solutions?|offerings?)|"
                     r"we\s+(?:offer|provide|sell|make|build|design|develop))\b"),
    ("milestone", 1.6, r"\b(?:founded\s+in|established\s+in|since\s+(?:19|20)\d\d|anniversary|"
                       r"celebrat(?:es|ed|ing)|milestone|reached\s+[\d,]+)\b"),
]
FACT_KINDS = tuple(k for k, _, _ in _KIND_PATTERNS) + ("business",)
_COMPILED = [(kind, base, re.compile(pattern, re.I)) for kind, base, pattern in _KIND_PATTERNS]
_NUMBER = re.compile(r"(?:[$€£¥₹]\s?\d|\d[\d,.]*\s?(?:%|percent|billion|million|thousand|"
                     r"bn|m\b)|\b(?:19|20)\d\d\b|\b\d[\d,]{2,}\b)", re.I)
_CHANGE = re.compile(r"\b(?:increase[sd]?|decrease[sd]?|grew|growth|rose|declin\w+|fell|up|"
                     r"down|compared\s+(?:to|with)|from\s+[$€£]?\d|higher|lower|record)\b", re.I)
_HEDGED = re.compile(r"\b(?:may|might|could|cannot\s+assure|no\s+assurance|adversely|"
                     r"uncertaint(?:y|ies)|there\s+can\s+be\s+no)\b", re.I)
# a sentence that points elsewhere in the document says nothing by itself
_POINTER = re.compile(r"\b(?:item\s+\d+[a-c]?\b|part\s+i{1,3}v?\b|note\s+\d+|"
                      r"(?:is|are)\s+(?:contained|included|described|discussed)\s+in|"
                      r"see\s+(?:also\s+)?[\u201c\"]|exhibit\s+\d)", re.I)
_LEGAL = re.compile(r"\b(?:pursuant|in\s+accordance\s+with|gaap|reconciliation|hereinafter|"
                    r"thereof|herein|respectively|as\s+defined|fiscal\s+years?\s+ended\s+"
                    r"\w+\s+\d+,\s+\d{4},\s+\d{4}|the\s+following\s+table|see\s+note)\b", re.I)
# money returned to shareholders and plain costs say little about the team's work
_SHAREHOLDER = re.compile(r"\b(?:repurchase[sd]?|buybacks?|dividends?|share\s+count|"
                          r"treasury\s+stock|share\s+capital|paid[\s-]+up|equity\s+shares|"
                          r"remuneration|sitting\s+fees?|key\s+managerial|statutory\s+auditors?|"
                          r"annual\s+general\s+meeting|board\s+meetings?|independent\s+directors?)\b",
                          re.I)
# treasury boilerplate ("cash … sufficient to fund our operations for at least the next
# twelve months") is in every 10-K and has no team in it
_TREASURY = re.compile(r"\b(?:sufficient\s+to\s+(?:fund|meet|satisfy)|self-funding|(?:next|following)\s+"
                       r"(?:twelve|12)\s+months|going\s+concern|liquidity|credit\s+"
                       r"facilit(?:y|ies))\b", re.I)
# contractual housekeeping of every large company: leases, obligations, taxes
_OBLIGATIONS = re.compile(r"\b(?:lease\s+(?:arrangements?|obligations?|liabilit(?:y|ies)|"
                          r"payments?|terms?)|operating\s+leases?|finance\s+leases?|"
                          r"(?:purchase|contractual|manufacturing\s+purchase)\s+obligations?|"
                          r"indemnification|effective\s+tax\s+rate|income\s+tax(?:es)?|"
                          r"unrecognized\s+tax\s+benefits?)\b", re.I)


def is_housekeeping(sentence: str) -> bool:
    """Money returned to shareholders, board matters, treasury boilerplate, leases and
    taxes: true of the company, but nothing to ask a hiring team about."""
    return bool(_SHAREHOLDER.search(sentence) or _TREASURY.search(sentence)
                or _OBLIGATIONS.search(sentence))


# the sentence every earnings release opens with says only that there are results
_RESULTS_NOTICE = re.compile(r"\b(?:today\s+)?(?:reported|announced|released)\s+(?:its\s+)?"
                             r"(?:financial\s+|operating\s+)?results\s+for\b", re.I)
_EXPENSE_ONLY = re.compile(r"^(?:selling,\s+general|general\s+and\s+administrative|"
                           r"operating\s+expenses|other\s+income|interest\s+(?:income|expense)|"
                           r"total\s+operating\s+expenses|(?:the\s+growth\s+in\s+)?(?:r&d|"
                           r"research\s+and\s+development)\s+expenses?|net\s+cash\s+(?:provided|"
                           r"used)|capital\s+expenditures|cash\s+flows?\s+from)", re.I)
_ACCOUNTING = re.compile(r"\b(?:we\s+account\s+for|recogni[sz](?:e|ed|es)\s+(?:as\s+)?revenue|"
                         r"accru\w+|amortiz\w+|impairment|fair\s+value|deferred\s+(?:tax|revenue)|"
                         r"provisions?\s+for|income\s+tax(?:es)?|effective\s+tax\s+rate|"
                         r"share-based|stock-based|depreciation|goodwill|write-?downs?)\b", re.I)
# a biography (directors, officers) is not news about the company
_BIOGRAPHY = re.compile(r"\b(?:Mr|Ms|Mrs|Dr)\.\s+[A-Z][\w'-]+\s+(?:has\s+)?(?:served|held|joined|"
                        r"was|is\s+a|has\s+been)|\bserved\s+as\s+(?:our|the)\s+\w+|"
                        r"\bprior\s+to\s+joining\b", re.I)
_SUBJECT = re.compile(r"^(?:we|our|the\s+company|the\s+group|the\s+university|today)\b", re.I)
_MIN_CHARS, _MAX_CHARS = 50, 320

# posting words that say nothing about the domain
_GENERIC = frozenset("""
ability able about across additional also an and any are around as at be being best both
build building can candidate company could day days deep deliver demonstrated do drive
ensure environment etc excellent experience experienced expertise familiarity for from
fast full good great has have help high highly how ideal in including into is it its job
join knowledge level like looking make must new nice not of on one or other our own part
passion people plus position preferred proven quality related required requirements
responsibilities role skill skills strong such team teams that the their them they this
time to understanding us using we well what who will with within work working world
would years you your senior junior lead principal staff manager engineer engineers
""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9+#-]*[A-Za-z0-9+#]|[A-Z]{2}")
# everyday words a posting uses that say nothing about what the team works on
_COMMON = frozenset("""
about above after again against all almost along already always among another anyone
anything are become becoming before behind being below between beyond both bring brings
but by came can cannot care come comes considered cross day desire different does doing
done down during each early easy either else end enough entire even every everyone exactly
expert extremely feel few find first focus following further get gets give given go goal
goals going got grow growing happy hard here high hire hiring hours however if important
impact improve include includes individual instead its just keep kind know large last
later learn least less let lot love made many massive may me means meet more most much
need needs never next no nor now often once only open other others out over own per
perhaps plan please put quickly rather real really right same see seek set several shall
ship should show side since small so some someone something sometimes soon start still
take takes than then there these thing things think those through thrive today together
too toward towards under unique until up upon use used very want wants way ways when
where whether which while whole why wide within without yet customer customers product
products solution solutions service services business businesses market markets client
clients user users company companies organization organizations industry industries
""".split())


def _stem(word: str) -> str:
    from ...lexicon.terms import stem

    return stem(word.strip(".-"))


_STATEMENT_LINES = re.compile(r"\b(?:net\s+sales|cost\s+of\s+sales|sales\s+(?:and|&)\s+"
                              r"marketing\s+expenses?|selling\s+price|sales\s+revenue|"
                              r"sales\s+volumes?|net\s+revenues?|selling,\s+general\s+and\s+"
                              r"administrative|research\s+and\s+development\s+expenses?|"
                              r"r&d\s+expenses?)\b", re.I)


@dataclass(frozen=True)
class RoleTerms:
    """What makes a sentence relevant to this role: the posting's skills and practices (as
    concepts of the shared vocabulary) and its own words — the title's, product and team
    names (capitalised inside sentences), and domain words it repeats."""

    concepts: dict[str, float] = field(default_factory=dict)
    words: dict[str, float] = field(default_factory=dict)

    def match(self, sentence: str) -> tuple[float, list[str]]:
        from ...lexicon.terms import vocabulary

        # "net sales" is a line of the income statement, not the sales team a posting means
        sentence = _STATEMENT_LINES.sub(" ", sentence)
        sentence = _NOT_THE_TRADE.sub(" ", sentence)
        matched: dict[str, float] = {}
        for concept in vocabulary().concepts_in(sentence):
            if concept in self.concepts:
                matched[concept] = self.concepts[concept]
        for word in _WORD.findall(sentence):
            stem = _stem(word)
            if stem in self.words and word.lower() not in _GENERIC:
                matched.setdefault(word.rstrip("."), self.words[stem])
        relevance = round(sum(matched.values()), 3)
        # one term the posting names once in passing ("Chrome developer tools") does not
        # make a sentence about the role: "real estate developers" is not this team's work
        if relevance < RELEVANT_AT:
            return relevance, []
        return relevance, sorted(matched, key=str.lower)

    def __bool__(self) -> bool:
        return bool(self.concepts or self.words)


def role_terms(title: str, texts: Iterable[str]) -> RoleTerms:
    """The posting's terms: ``title`` and ``texts`` (requirements, responsibilities, the
    description)."""
    from ...lexicon.terms import vocabulary

    vocab = vocabulary()
    texts = [str(t or "") for t in texts]
    concepts: Counter[str] = Counter()
    for text in [title, *texts]:
        concepts.update(set(vocab.concepts_in(text)))
    words: dict[str, float] = {}
    for word in _WORD.findall(title or ""):
        if word.lower() not in _GENERIC:
            words[_stem(word)] = words.get(_stem(word), 0.0) + 3
    for text in texts:
        for sentence in split_sentences(text):
            tokens = _WORD.findall(sentence)
            for i, word in enumerate(tokens):
                low = word.lower()
                if low in _GENERIC or low in _COMMON:
                    continue
                if i > 0 and word[:1].isupper() and not word.isupper():
                    weight = 1.5  # a product, team or place name
                elif word.isupper() and len(word) <= 6:
                    weight = 1.5  # an acronym: AI, GPU, SaaS
                else:
                    weight = 0.5
                words[_stem(word)] = words.get(_stem(word), 0.0) + weight
    title_concepts = set(vocab.concepts_in(title or ""))
    # the title's concepts weigh most; a concept the posting names once weighs half; a soft
    # skill ("collaboration") says nothing of a company sentence's subject
    weights = {c: 3.0 if c in title_concepts else 1.5 if n >= 2 else 0.75
               for c, n in concepts.items() if vocab.category(c) != "soft"}
    return RoleTerms(weights,
                     {s: round(min(w, 4.0), 2) for s, w in words.items() if w >= 1.0})


def _balanced(sentence: str) -> bool:
    """Quotes and brackets that open also close: a sentence cut in the middle of a
    parenthesis or a quotation cannot be quoted."""
    return (sentence.count("(") == sentence.count(")")
            and sentence.count("\u201c") == sentence.count("\u201d")
            and sentence.count('"') % 2 == 0)


def _kind_of(sentence: str) -> tuple[str, float]:
    for kind, base, pattern in _COMPILED:
        if pattern.search(sentence):
            return kind, base
    return "business", 1.0


def _recency_bonus(when: str, today: date, passage_kind: str = "") -> float:
    if len(str(when)) < 10 and passage_kind not in _DATED_EVENTS:
        return 0.0  # "2022" of an annual report names its period, not a day
    age = _age_days(when, today)
    if age is None:
        return 0.0
    if age < 0:
        return 0.5
    if age <= 200:
        return 1.0
    if age <= 400:
        return 0.5
    # an old item still counts when nothing fresher exists: it is then told as background
    return -1.0 if age > STALE_DAYS else 0.0


def _age_days(when: str, today: date) -> int | None:
    """Days from ``when`` ("2024-09-28", "2002-05" or "2011": the first day of the month
    or year) to ``today``."""
    text = str(when)[:10]
    text = text + "-01-01" if len(text) == 4 else text + "-01" if len(text) == 7 else text
    try:
        return (today - date.fromisoformat(text)).days
    except ValueError:
        return None


_YEAR = re.compile(r"\b(?:in|since|from)\s+((?:19|20)\d\d)\b", re.I)
# a call to action is marketing, not a fact: "Find out today how …", "Contact us to …"
_CALL_TO_ACTION = re.compile(r"^(?:find\s+out|learn\s+(?:more|how)|contact|click|call|visit|"
                             r"sign\s+up|join|discover|get\s+started|request|download|"
                             r"subscribe|read\s+more|see\s+how|let\s+us|here\s+at)\b", re.I)
# a sentence that leans on the one before it cannot be quoted alone
_ANAPHORIC = re.compile(r"^(?:they|them|this|these|those|that|it|its|such|therefore|thus|"
                        r"however|also|additionally|in\s+addition|as\s+a\s+result|"
                        r"accordingly|furthermore|moreover|consequently|similarly|likewise|"
                        r"otherwise|and|but|or|so|then|here|there|he|she|his|her|"
                        r"for\s+example|for\s+instance|in\s+particular|in\s+contrast|"
                        r"conversely|nevertheless|nonetheless|instead|further|finally|"
                        r"as\s+noted|as\s+described|as\s+discussed)\b", re.I)
# "Launched in February 2024, the program has …": which program is in the sentence before
_LEADING_DEFINITE = re.compile(r"^[A-Z][^,]{0,60},\s+(?:the|this|these|that)\s+(?!(?:company|"
                               r"group|university|board|firm|bank|business|organi[sz]ation|"
                               r"government|market|industry|world|year)\b)[a-z]+\s+(?:has|"
                               r"have|had|is|are|was|were|will|can|[a-z]+(?:s|ed))\b")
# "... made progress towards this goal": the goal is in the sentence before
_BACK_REFERENCE = re.compile(r"\b(?:this|these|those|such|the\s+above)\s+(?!year\b|quarter\b|"
                             r"month\b|week\b|fiscal\b|period\b|time\b|date\b)[a-z]+", re.I)
_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent)")


def _size_bonus(sentence: str) -> float:
    """A change of 142% is news; a change of 2% is a footnote."""
    values = [float(v) for v in _PERCENT.findall(sentence)]
    if not values:
        return 0.0
    top = max(values)
    return 1.0 if top >= 100 else 0.5 if top >= 25 else 0.0


def _length_penalty(sentence: str) -> float:
    """Quotes are said aloud and printed on one page: a long sentence costs, a very long
    one costs more."""
    n = len(sentence)
    return 0.0 if n <= 160 else -0.8 if n <= 220 else -1.8


def _history_penalty(sentence: str, when: str) -> float:
    """A launch "in 2017" told in a 2025 report is history, not news."""
    years = [int(y) for y in _YEAR.findall(sentence)]
    try:
        current = int(str(when)[:4])
    except ValueError:
        return 0.0
    return -3.0 if years and max(years) <= current - 3 else 0.0


def _salience(sentence: str, kind_base: float, passage_kind: str, when: str,
              today: date, relevant: bool = False) -> float:
    score = kind_base + _history_penalty(sentence, when) + _length_penalty(sentence)
    if _NUMBER.search(sentence):
        score += 0.5
        if _CHANGE.search(sentence):
            score += 1.5 + _size_bonus(sentence)
    if _SUBJECT.search(sentence):
        score += 0.5
    if passage_kind in ("press", "news"):
        score += 0.5
    if _HEDGED.search(sentence):
        score -= 2.0
    if _LEGAL.search(sentence) or _ACCOUNTING.search(sentence) or is_housekeeping(sentence):
        score -= 2.0
    # a cost line says little, unless it is about the role's own work ("R&D expense rose
    # as we expanded the data platform team")
    if _EXPENSE_ONLY.search(sentence) and not relevant or _RESULTS_NOTICE.search(sentence):
        score -= 1.5
    return score + _recency_bonus(when, today, passage_kind)


_FORWARD = re.compile(r"\b(?:we|it|the\s+company)\s+(?:(?:currently|also|now)\s+)?"
                      r"(?:intends?|plans?|expects?|anticipates?|aims?|will|are\s+planning|"
                      r"is\s+planning|are\s+on\s+track|expect\s+to)\b", re.I)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _past_plan(sentence: str, today: date, when: str = "") -> bool:
    """"In 2025, we intend to begin launching …" read in 2026: a plan for a year that is
    over is no news and no question (whether it happened, this document cannot say). From
    a document more than a year old, a plan for this year is over too ("We expect to
    increase capital expenditures in fiscal year 2026" in a 10-K filed 2025-02-26, read in
    December 2026: that fiscal year has been reported)."""
    if not _FORWARD.search(sentence):
        return False
    years = [int(y) for y in _YEAR.findall(sentence)]
    if not years:
        return False
    try:
        old = (today - date.fromisoformat(when[:10])).days > 365
    except ValueError:
        old = False
    return max(years) < today.year or old and max(years) <= today.year


def salient_facts(passages: pd.DataFrame, *, terms: RoleTerms | None = None,
                  today: date | None = None, company_names: Iterable[str] = ()) -> pd.DataFrame:
    """One row per sentence worth saying (FACT_COLUMNS + source columns), best first.

    ``passages`` is a PASSAGE_COLUMNS table (sources/company.py); ``terms`` from
    :func:`role_terms`; ``company_names`` also count as "the company as subject"."""
    today = today or date.today()
    names = [n for n in company_names if n and len(n) >= 2]
    subject = re.compile(r"^(?:" + "|".join(re.escape(n) for n in names) + r")\b") if names else None
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    for rec in passages.to_dict("records"):
        passage_kind = str(rec.get("kind") or "")
        when = str(rec.get("date") or "")
        text = str(rec.get("text") or "")
        if passage_kind == "news" and len(text) <= _MAX_CHARS:
            candidates = [" ".join(text.split())] if len(text) >= 20 else []  # a headline
        else:
            candidates = split_sentences(text, min_chars=_MIN_CHARS, max_chars=_MAX_CHARS)
        for sentence in candidates:
            key = " ".join(sentence.lower().split())
            if key in seen or sentence.endswith("?") or not sentence[:1].isupper() \
                    and sentence[:1] not in "“\"$€£":
                continue
            seen.add(key)
            if _BIOGRAPHY.search(sentence) or _ANAPHORIC.search(sentence) \
                    or _LEADING_DEFINITE.search(sentence) \
                    or _CALL_TO_ACTION.search(sentence) or _POINTER.search(sentence) \
                    or not _balanced(sentence) \
                    or _BACK_REFERENCE.search(sentence[:90]):
                continue
            if _past_plan(sentence, today, when):
                continue
            kind, base = _kind_of(sentence)
            relevance, matched = terms.match(sentence) if terms else (0.0, [])
            salience = _salience(sentence, base, passage_kind, when, today,
                                 relevance >= RELEVANT_AT)
            if subject is not None and subject.search(sentence):
                salience += 0.5
            rows.append({"fact": sentence, "kind": kind, "date": when,
                         "salience": round(salience, 2), "relevance": relevance,
                         "score": round(salience + min(relevance, 2.0), 2),
                         "role_terms": ", ".join(matched), "passage_kind": passage_kind,
                         "title": rec.get("title") or "",
                         # how old a dated event is (an annual report's age is its period's)
                         "age_days": _age_days(when, today)
                         if passage_kind in _DATED_EVENTS else None,
                         "source_url": rec.get("source_url"),
                         "retrieved_at": rec.get("retrieved_at"),
                         "section": rec.get("section"), "from_cache": rec.get("from_cache")})
    rows.sort(key=lambda r: (-r["score"], -r["salience"]))
    return table_from_rows(rows, FACT_COLUMNS)
