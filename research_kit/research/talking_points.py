"""Talking points, questions to ask and "why me" lines — each one cited, none invented.

The advice: show the research explicitly in the interview ("While I was researching the
competition, I learned …"). Findings come from the area tables as :class:`Finding` records
(one source row each, its values in ``facts``); every sentence here is a fixed template
filled only from those facts, so a point can never state a number or a name its source row
does not hold. :func:`verify_point` checks exactly that, and the tests run it on every point.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..provenance import Source, table_from_rows
from .company.facts import is_housekeeping
from .grammar import without_label

__all__ = ["Finding", "TalkingPoint", "as_number", "compose_talking_points", "compose_questions",
           "compose_why_me", "compose_market_context", "verify_point", "points_table",
           "fmt_money", "fmt_pct", "question_template_key"]


@dataclass(frozen=True)
class Finding:
    """One fact-bearing row from an area table, with where it came from."""

    area: str  # position | company | industry | interviewers
    kind: str  # a key of the templates below
    facts: dict[str, Any]
    source: Source
    weight: float = 1.0  # higher = more worth saying


@dataclass(frozen=True)
class TalkingPoint:
    text: str
    area: str
    kind: str
    rank: int
    source: Source
    facts: dict[str, Any] = field(default_factory=dict, repr=False)


# -- number formatting shared by templates and the verifier ------------------------------

def as_number(value: Any) -> float | None:
    """A table cell as a float, or None for missing, NaN and non-numbers."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return None if value != value else value


def fmt_money(value: float, unit: str = "USD") -> str:
    """497300000 → "$497.3 million"; 1.2e9 → "$1.2 billion"."""
    symbol = "$" if unit in ("USD", "usd", None, "") else f"{unit} "
    v = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{symbol}{v / size:,.1f} {word}"
    return f"{symbol}{v:,.0f}"


def fmt_pct(ratio: float) -> str:
    """0.1383 → "13.8%"."""
    return f"{float(ratio) * 100:.1f}%"


def _possessive(name: str) -> str:
    """"Acme" → "Acme's"; "Brightwater Instruments" → "Brightwater Instruments'"."""
    return f"{name}'" if str(name).endswith("s") else f"{name}'s"


def _year(value: Any) -> str:
    return str(value)[:4] if value else ""


# -- sentence templates -------------------------------------------------------------------
# Each takes the facts dict and returns a sentence, or None when a needed fact is absent.

def _t_revenue_trend(f: dict[str, Any]) -> str | None:
    if f.get("growth") is None or f.get("revenue") is None:
        return None
    direction = "grew" if f["growth"] >= 0 else "fell"
    # the figures come from the reported financials (XBRL or the report's tables), so the
    # sentence names those rather than a document the candidate may not have opened
    return (f"Looking at {_possessive(f['company'])} reported financials, I saw that revenue "
            f"{direction} {fmt_pct(abs(f['growth']))} to {fmt_money(f['revenue'])} in fiscal "
            f"{f['fiscal_year']}.")


def _t_margin(f: dict[str, Any]) -> str | None:
    if f.get("operating_margin") is None:
        return None
    return (f"{f['company']} reported an operating margin of {fmt_pct(f['operating_margin'])} "
            f"for fiscal {f['fiscal_year']}.")


def _t_rd(f: dict[str, Any]) -> str | None:
    if f.get("rd_intensity") is None:
        return None
    return (f"{f['company']} put {fmt_pct(f['rd_intensity'])} of revenue into R&D in fiscal "
            f"{f['fiscal_year']}.")


def _t_competitor_figure(f: dict[str, Any]) -> str | None:
    if f.get("revenue") is None:
        return None
    tail = ""
    if f.get("growth") is not None:
        tail = f", {'up' if f['growth'] >= 0 else 'down'} {fmt_pct(abs(f['growth']))}"
    return (f"While researching the competition, I learned that {f['competitor']} reported "
            f"revenue of {fmt_money(f['revenue'])} for fiscal {f['fiscal_year']}{tail}.")


def _t_press_release(f: dict[str, Any]) -> str | None:
    if not f.get("title"):
        return None
    when = f" on {f['date']}" if f.get("date") else ""
    return f"I saw {_possessive(f['company'])} announcement{when}: {_q(f['title'])}."


def _t_business(f: dict[str, Any]) -> str | None:
    if not f.get("sentence"):
        return None
    return f"From the annual report: {_q(f['sentence'])}"


_EVENT_KINDS = ("acquisition", "funding", "launch", "leadership", "partnership", "expansion",
                "award")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_STRAIGHT_PAIR = re.compile(r'"([^"]*)"')


def _q(text: str) -> str:
    """``text`` in double quotation marks; its own double quotes become single ones (the
    usual way to nest a quote), so a CEO's quoted words do not open with ““."""
    inner = _STRAIGHT_PAIR.sub("\u2018\\1\u2019", str(text))
    inner = inner.replace("\u201c", "\u2018").replace("\u201d", "\u2019")
    return f"\u201c{inner}\u201d"


def _quote(sentence: str) -> str:
    """A verbatim quote; a headline (no full stop of its own) gets one outside the marks."""
    closed = sentence.rstrip().rstrip("\u201d\"").rstrip()[-1:] in ".!?"
    return _q(sentence) + ("" if closed else ".")


def _t_company_fact(f: dict[str, Any]) -> str | None:
    """A salient fact, quoted verbatim, with where the candidate read it."""
    if not f.get("sentence") or not f.get("doc"):
        return None
    quote = _quote(f["sentence"])
    short = str(f.get("doc_short") or "document")
    when = f" ({f['date']})" if f.get("date") and "page" in short else ""
    if f.get("stale"):  # dated years before the research: history, not news
        if f.get("again"):
            # not "Earlier": the points are ranked, not dated, so the next may be later
            return f"Also on the same {short}{when}: {quote}"
        lead = ("Some background from", "More background from", "And from")[
            int(f.get("stale_before") or 0) % 3]
        return f"{lead} {f['doc']}: {quote}"
    if f.get("again"):  # a document named already: say which one briefly, and vary how
        again = int(f["again"])
        template = ("Also in the same {short}: {quote}" if again == 1 and f.get("next_to_it")
                    else _AGAIN[(again - 1) % len(_AGAIN)])
        return template.format(short=short + when, quote=quote)
    if f.get("fact_kind") in ("result", "growth"):
        return f"While reading {f['doc']}, I noticed: {quote}"
    if f.get("fact_kind") in _EVENT_KINDS:
        return f"I read in {f['doc']}: {quote}"
    return f"{_cap(f['doc'])} says: {quote}"


# a document quoted again: one way to say so per mention, so no two points open alike
_AGAIN = ("The {short} also says: {quote}", "Elsewhere in the {short}: {quote}",
          "The {short} adds: {quote}")


def _t_site_fact(f: dict[str, Any]) -> str | None:
    if not f.get("value"):
        return None
    return f"{_possessive(f['company'])} website lists its {f['label']} as {f['value']}."


def _t_occupation(f: dict[str, Any]) -> str | None:
    if f.get("median_wage") is None:
        return None
    return (f"Labor-market data (O*NET/BLS) for {f['occupation']} puts the national median "
            f"wage at {fmt_money(f['median_wage'])} a year.")


def _t_hot_skill(f: dict[str, Any]) -> str | None:
    if not f.get("skill"):
        return None
    return (f"{f['skill']} is listed by O*NET as a hot technology for {f['occupation']}, "
            f"and the posting asks for it.")


def _t_commonality(f: dict[str, Any]) -> str | None:
    if not f.get("shared"):
        return None
    return f"{f['person']} and I share {f['label']}: {f['shared']}."


TALKING_TEMPLATES: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "company_fact": _t_company_fact,
    "revenue_trend": _t_revenue_trend,
    "operating_margin": _t_margin,
    "rd_intensity": _t_rd,
    "competitor_figure": _t_competitor_figure,
    "press_release": _t_press_release,
    "business_overview": _t_business,
    "site_fact": _t_site_fact,
    "commonality": _t_commonality,
}
# labour-market lines: at most one, as "market context", never a talking point
MARKET_TEMPLATES: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "occupation_wage": _t_occupation,
    "hot_skill": _t_hot_skill,
}


def _q_risk(f: dict[str, Any]) -> str | None:
    # only a risk that touches the role's own domain is worth asking about
    if not f.get("heading") or not f.get("role_terms"):
        return None
    return (f"The annual report names this risk: {_q(f['heading'])} How does this "
            f"team guard against it?")


# one question per kind of fact: a brief never asks two questions of the same shape
_FACT_QUESTIONS: dict[str, str] = {
    "result": "{Doc} says: {quote} How is that shaping this team's priorities this year?",
    "growth": "I noticed in {doc}: {quote} What does that change mean for this team?",
    "launch": "I read in {doc}: {quote} What part does this team play in it?",
    "acquisition": "{Doc} mentions: {quote} How has that changed the work of this team?",
    "funding": "{Doc} says: {quote} Where will this team put that investment to work?",
    "partnership": "I read in {doc}: {quote} What does that partnership mean for this role?",
    "leadership": "{Doc} notes: {quote} How has that shifted this team's direction?",
    "expansion": "{Doc} says: {quote} Which part of that growth would this role support?",
    "award": "{Doc} mentions: {quote} What made that possible, and what was this team's part?",
    "outlook": "{Doc} says: {quote} What would this role need to deliver for that to happen?",
    "strategy": "{Doc} says: {quote} Where does this team fit in that?",
    "customer": "{Doc} says: {quote} Which of those customers would this role work with most?",
    "product": "{Doc} says: {quote} Which of these would I work on first?",
    "milestone": "{Doc} mentions: {quote} What is the next milestone for this team?",
    "ownership": "{Doc} says: {quote} How closely does this team work with the parent "
                 "company?",
    "business": "{Doc} says: {quote} How does this team's work fit into that?",
}


def question_template_key(kind: str, facts: dict[str, Any]) -> str:
    """Which template a question of this finding uses (no two per brief): one per kind of
    company fact, one about the competition (with or without a figure), and up to two of
    the posting's duties, each in its own form."""
    if kind == "company_fact":
        return f"{kind}:{facts.get('fact_kind')}"
    if kind in ("competitor_figure", "competitor_named"):
        return "competitor"
    if kind == "responsibility":
        return f"{kind}:{min(int(facts.get('nth') or 0), 2)}"
    return kind


# figures and plans make a good question only when they touch the role's own work: asking a
# data scientist about SG&A or capital expenditure shows reading, not thought
_ROLE_ONLY_KINDS = frozenset({"business", "result", "growth", "outlook"})


def _q_company_fact(f: dict[str, Any]) -> str | None:
    if f.get("fact_kind") in _ROLE_ONLY_KINDS and not f.get("role_terms"):
        return None
    if f.get("stale"):
        return None  # "which part of that growth would this role support?" of a 2011 item
    if _LOSS.search(str(f.get("sentence") or "")):
        # "The Company had incurred Loss of Rs. 31,44,166 … How does this team's work fit
        # into that?": a loss is something to understand before the interview, not to
        # open a question with
        return None
    if is_housekeeping(str(f.get("sentence") or "")):
        # "our cash … will be sufficient to fund our operations for at least the next twelve
        # months. Where does this team fit in that?": treasury boilerplate has no team in it
        return None
    template = _FACT_QUESTIONS.get(str(f.get("fact_kind") or ""))
    if template is None or not f.get("sentence") or not f.get("doc"):
        return None
    return template.format(doc=f["doc"], Doc=_cap(f["doc"]), quote=_quote(f["sentence"]))


_LOSS = re.compile(r"\b(?:(?:net\s+|operating\s+)?loss(?:es)?\b(?!\s+(?:prevention|of\s+"
                   r"life))|incurred|impairment|write-?(?:off|down)s?|declin(?:e|ed)|"
                   r"decreased|fell|lay-?offs?|restructuring)", re.I)


def _q_press(f: dict[str, Any]) -> str | None:
    if not f.get("title"):
        return None
    return f"I read {_q(f['title'])}. What does that mean for this role?"


def _q_responsibility(f: dict[str, Any]) -> str | None:
    if not f.get("text"):
        return None
    text = without_label(f["text"])  # "Build the Foundation: You're …"
    nth = int(f.get("nth") or 0)
    if nth == 1:
        # a second duty asks how the work is done now: what the first months will change
        return (f"The posting lists this among the role's duties: {_q(text)}. How does the "
                f"team handle that today?")
    if nth > 1:
        return None
    if _VERB_FIRST.match(text):  # "Design and build …": the role will do it
        return (f"The posting says the role will {_q(text)}. What would success look like "
                f"there in the first 90 days?")
    return (f"The posting describes the role this way: {_q(text)}. What would success look "
            f"like in the first 90 days?")


# the verbs responsibilities start with
_VERB_FIRST = re.compile(r"^(?:build|design|develop|lead|own|drive|manage|create|work|partner|"
                         r"handle|oversee|assist|provide|engage|evaluate|investigate|report|"
                         r"track|organi[sz]e|facilitate|advise|negotiate|respond|resolve|"
                         r"train|recruit|sell|prospect|present|document|collect|act|"
                         r"contribute|participate|execute|assess|produce|care|"
                         r"collaborate|deliver|maintain|support|define|implement|shape|"
                         r"mentor|write|ship|scale|improve|analy[sz]e|run|operate|help|"
                         r"establish|architect|serve|guide|teach|plan|coordinate|conduct|"
                         r"research|monitor|ensure|identify|prepare|review|communicate|"
                         r"translate|champion|grow|set|make|use|test|deploy|automate|"
                         r"optimi[sz]e|own)\b", re.I)


def _q_competitor(f: dict[str, Any]) -> str | None:
    if not f.get("competitor") or f.get("revenue") is None:
        return None
    return (f"While researching the competition, I learned that {f['competitor']} reported "
            f"revenue of {fmt_money(f['revenue'])} for fiscal {f['fiscal_year']}. How do you "
            f"see them competing for this team's work?")


def _q_competitor_named(f: dict[str, Any]) -> str | None:
    if not f.get("competitor"):
        return None
    doc = f"{_possessive(f['company'])} 10-K" if f.get("company") else "The 10-K"
    return (f"{doc} names {f['competitor']} among the competition. Where does this team "
            f"feel that competition most?")


def _q_revenue_growth(f: dict[str, Any]) -> str | None:
    # growth only: a decline is something to understand before the interview, not to
    # open a question with (as with losses)
    if f.get("growth") is None or f.get("revenue") is None or f["growth"] <= 0:
        return None
    return (f"{f['company']} reported revenue up {fmt_pct(f['growth'])} to "
            f"{fmt_money(f['revenue'])} in fiscal {f['fiscal_year']}. Which part of that "
            f"growth is this team's work closest to?")


QUESTION_TEMPLATES: dict[str, Callable[[dict[str, Any]], str | None]] = {
    "company_fact": _q_company_fact,
    "competitor_named": _q_competitor_named,
    "revenue_trend": _q_revenue_growth,
    "risk_factor": _q_risk,
    "press_release": _q_press,
    "responsibility": _q_responsibility,
    "competitor_figure": _q_competitor,
}


def _w_strength(f: dict[str, Any]) -> str | None:
    if not f.get("requirement") or not f.get("evidence"):
        return None
    evidence = str(f["evidence"]).strip()
    if len(evidence.split()) < 5:  # a skill keyword, not a sentence: say where it is
        return f"You ask for {_q(f['requirement'])}; my profile lists {evidence.rstrip('.')}."
    return f"You ask for {_q(f['requirement'])}: {evidence}"


WHY_ME_TEMPLATES = {"strength": _w_strength}


# -- composing ------------------------------------------------------------------------------

def _compose(findings: Iterable[Finding], templates: dict[str, Callable], limit: int,
             per_kind: int = 3,
             group: Callable[[str, dict[str, Any]], str] = lambda kind, facts: kind
             ) -> list[TalkingPoint]:
    """Fill the templates, then choose round-robin across kinds (best kind first, best
    finding of each kind first) so a short list covers revenue, competitors, the role …
    instead of three variations of one fact; at most ``per_kind`` of any kind (``group``
    says which findings count as one kind)."""
    by_kind: dict[str, list[tuple[float, int, Finding, str]]] = {}
    for order, finding in enumerate(findings):
        template = templates.get(finding.kind)
        if template is None:
            continue
        try:
            text = template(finding.facts)
        except (KeyError, TypeError, ValueError):
            text = None  # a fact the template needs is missing: say nothing rather than guess
        if text:
            by_kind.setdefault(group(finding.kind, finding.facts), []).append(
                (-finding.weight, order, finding, _clean(text)))
    for queue in by_kind.values():
        queue.sort(key=lambda item: (item[0], item[1]))
    kinds = sorted(by_kind, key=lambda k: by_kind[k][0][:2])
    chosen: list[tuple[Finding, str]] = []
    seen_text: set[str] = set()
    for _round in range(per_kind):
        for kind in kinds:
            queue = by_kind[kind]
            while queue and len(chosen) < limit:
                _, _, finding, text = queue.pop(0)
                if text not in seen_text:
                    seen_text.add(text)
                    chosen.append((finding, text))
                    break
    return [TalkingPoint(text, f.area, f.kind, rank, f.source, dict(f.facts))
            for rank, (f, text) in enumerate(chosen, 1)]


def _clean(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\.\.$", ".", text)


def _topic(point: TalkingPoint) -> str:
    """What a point is about, for variety: results and growth (the XBRL trend too) are one
    topic — three points on revenue growing say one thing three times."""
    if point.kind in ("revenue_trend", "operating_margin"):
        return "results"
    kind = str(point.facts.get("fact_kind") or point.kind)
    return "results" if kind in ("result", "growth") else kind


def _varied(queue: list[TalkingPoint], chosen: list[TalkingPoint]) -> int:
    """The index of the best point in ``queue`` whose topic the list has fewer than two
    of (the best overall when every one's topic has two already)."""
    topics = Counter(_topic(p) for p in chosen)
    return next((i for i, p in enumerate(queue) if topics[_topic(p)] < 2), 0)


# the order a short list of talking points is filled in: what the candidate read about the
# company first, one trend, one competitor figure (the industry area, in the top three
# when there is one), then more facts and the rest
TALKING_SCHEDULE = ("company_fact", "revenue_trend", "competitor_figure", "company_fact",
                    "company_fact", "press_release", "site_fact", "company_fact",
                    "operating_margin", "rd_intensity", "business_overview", "company_fact",
                    "commonality")


def _said_already(point: TalkingPoint, chosen: list[TalkingPoint]) -> bool:
    """A figure point whose numbers a quoted fact already states ("revenue grew 13.8% to
    $497.3 million" after the 10-K's own sentence saying so)."""
    if point.kind == "company_fact":
        return False
    mine = {n for n in re.findall(r"\d[\d,.]*\d|\d", point.text) if len(n) >= 3}
    for other in chosen:
        if other.kind == "company_fact":
            theirs = set(re.findall(r"\d[\d,.]*\d|\d", other.text))
            if len(mine & theirs) >= 2:
                return True
    return False


def compose_talking_points(findings: Iterable[Finding], limit: int = 8) -> list[TalkingPoint]:
    """Talking points in :data:`TALKING_SCHEDULE` order: salient company facts first, then
    figures, the competition, the rest (whatever kinds the schedule leaves out come last)."""
    pool = _compose(findings, TALKING_TEMPLATES, 100, per_kind=100)
    queues: dict[str, list[TalkingPoint]] = {}
    for point in pool:
        queues.setdefault(point.kind, []).append(point)
    chosen: list[TalkingPoint] = []
    for kind in TALKING_SCHEDULE:
        if queues.get(kind) and len(chosen) < limit:
            point = queues[kind].pop(_varied(queues[kind], chosen))
            if not _said_already(point, chosen):
                chosen.append(point)
    chosen = [p for p in chosen if not _said_already(p, chosen)]
    rest = sorted((p for q in queues.values() for p in q if not _said_already(p, chosen)),
                  key=lambda p: p.rank)
    chosen += rest[: max(0, limit - len(chosen))]
    out = []
    previous_doc = None
    mentions: dict[str, int] = {}
    stale = 0
    for rank, p in enumerate(chosen, 1):
        facts, text = p.facts, p.text
        if p.kind == "company_fact" and facts.get("stale"):
            facts = {**facts, "stale_before": stale}
            text = _clean(_t_company_fact(facts) or text)
            stale += 1
        if p.kind == "company_fact":
            # one page of a site, whatever the item's date: "news page (2011-02-01)"
            doc = re.sub(r"\s*\([^)]*\)$", "", str(facts.get("doc") or ""))
            if doc and facts.get("doc_short") and mentions.get(doc):
                facts = {**facts, "again": mentions[doc],
                         "next_to_it": facts.get("doc_short") == previous_doc}
                text = _clean(_t_company_fact(facts) or text)
            mentions[doc] = mentions.get(doc, 0) + 1
            previous_doc = facts.get("doc_short")
        else:
            previous_doc = None
        out.append(TalkingPoint(text, p.area, p.kind, rank, p.source, facts))
    return out


def compose_questions(findings: Iterable[Finding], limit: int = 6) -> list[TalkingPoint]:
    """Questions to ask, each anchored to one sourced fact; never two of one template. A
    document asked about again is "the same annual report", not its full name again."""
    questions = _compose(_number_duties(findings), QUESTION_TEMPLATES, limit, per_kind=1,
                         group=question_template_key)
    out: list[TalkingPoint] = []
    asked: list[str] = []
    for q in questions:
        doc, short = str(q.facts.get("doc") or ""), str(q.facts.get("doc_short") or "")
        if q.kind == "company_fact" and doc and short and asked.count(doc):
            name = ("the same {}", "that {}", "the {}")[(asked.count(doc) - 1) % 3]
            facts = {**q.facts, "doc": name.format(short)}
            q = dataclasses.replace(q, text=_clean(_q_company_fact(facts) or q.text),
                                    facts=facts)
        asked.append(doc)
        out.append(q)
    return out


def _number_duties(findings: Iterable[Finding]) -> list[Finding]:
    """The posting's duties numbered best first (``nth``): the best one asks what success
    looks like, the next how the team does it today."""
    findings = list(findings)
    duties = sorted((i for i, f in enumerate(findings) if f.kind == "responsibility"),
                    key=lambda i: (-findings[i].weight, i))
    for nth, i in enumerate(duties):
        findings[i] = dataclasses.replace(findings[i], facts={**findings[i].facts, "nth": nth})
    return findings


def compose_market_context(findings: Iterable[Finding]) -> TalkingPoint | None:
    """At most one labour-market line (wages, hot skills), for the brief's market context."""
    points = _compose(findings, MARKET_TEMPLATES, 1, per_kind=1)
    return points[0] if points else None


def compose_why_me(findings: Iterable[Finding], limit: int = 5) -> list[TalkingPoint]:
    return _compose(findings, WHY_ME_TEMPLATES, limit, per_kind=limit)


def points_table(points: list[TalkingPoint]):
    rows = [{"rank": p.rank, "area": p.area, "point": p.text, "kind": p.kind, "source": p.source}
            for p in points]
    return table_from_rows(rows, ["rank", "area", "point", "kind"])


# -- verification ---------------------------------------------------------------------------

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TEMPLATE_WORDS = {
    "While", "I", "From", "The", "You", "Labor-market", "O*NET", "O*NET/BLS", "BLS", "How",
    "What", "Where", "R&D", "Does", "Is", "Also", "Which", "Market", "Why", "Your", "Looking",
    "Some", "Elsewhere", "Earlier", "More", "And", "That",
}


def _allowed_numbers(facts: dict[str, Any]) -> set[str]:
    allowed: set[str] = {"90"}  # "first 90 days" is template text
    for value in facts.values():
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            v = float(value)
            allowed |= {_strip(f"{v:,.0f}"), _strip(f"{v:.0f}"), _strip(f"{v:g}")}
            for size in (1e9, 1e6):
                allowed.add(_strip(f"{abs(v) / size:,.1f}"))
            allowed.add(_strip(f"{abs(v) * 100:.1f}"))
        else:
            allowed |= {_strip(n) for n in _NUMBER.findall(str(value))}
    return allowed


def _strip(number: str) -> str:
    return number.replace(",", "")


def verify_point(point: TalkingPoint) -> list[str]:
    """Problems with a point: numbers or capitalised names that its facts do not contain."""
    problems = []
    allowed = _allowed_numbers(point.facts)
    for number in _NUMBER.findall(point.text):
        if _strip(number).rstrip(".") not in allowed:
            problems.append(f"number {number!r} is not in the source row")
    fact_text = " ".join(str(v) for v in point.facts.values() if v is not None)
    for word in re.findall(r"\b[A-Z][\w&*/'.-]*", point.text):
        word = word.rstrip(".'s").rstrip("'")
        if not word or word in _TEMPLATE_WORDS:
            continue
        if word.lower() not in fact_text.lower():
            problems.append(f"name {word!r} is not in the source row")
    return problems
