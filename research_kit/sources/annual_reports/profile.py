"""What an annual report says about the organisation itself: its name, what it does, when it
was founded, where it is, and the competitors it names — each verbatim with its page.

* **Name**: the legal or institutional name the report prints most often ("Philip Morris
  International Inc.", "Standard Shoe Sole and Mould (India) Limited", "Haaga-Helia
  University of Applied Sciences"), variants counted together ("Ltd." = "Limited", "&" =
  "and"); a garbled cover line printed once does not win. None when the report names none.
* **What it does**: the sentence in which the organisation (by name, "we", "the company")
  says what it is or does ("Microsoft is a technology company …", "We are a leading
  international tobacco company …", "The company is engaged in the business of …").
* **Competitors**: companies named in a sentence about competition, with that sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ...lexicon.sentences import split_sentences
from ..company import DESCRIPTION_FACT
from .kinds import PROSE_KINDS

if TYPE_CHECKING:
    from .report import PdfAnnualReport

__all__ = ["organisation_name", "descriptions", "profile_facts", "competitor_rows", "org_words"]

_LEGAL = (r"(?:Inc\.|Incorporated|Corporation|Corp\.|Ltd\.?|Limited|plc|PLC|p\.l\.c\.|LLC|L\.P\.|"
          r"N\.V\.|S\.A\.|AG|SE|GmbH|Oyj|Oy|AB|ASA|A/S|S\.p\.A\.|Holdings|Group)")
_INSTITUTION = r"(?:University(?:\s+of(?:\s+[A-Z][\w-]*){1,3})?|College|Institute|Foundation|Trust)"
_WORD = r"(?:[A-Z][\w&'’.-]*|\([A-Z][\w]*\))"
_NAME = re.compile(rf"\b({_WORD}(?:\s+(?:{_WORD}|and|&|of|de|du|für))*?\s+(?:{_LEGAL}|{_INSTITUTION}))"
                   r"(?![\w-])")
_LEADING = {"for", "to", "the", "m/s", "m/s.", "of", "by", "dear", "in", "on", "at", "with", "and",
            "this", "our", "as", "from", "unit:", "members", "name", "company:", "shareholders"}
_GENERIC = {"limited", "the company", "company limited", "private limited", "public limited",
            "bse limited", "the bse limited", "group", "the group", "university"}
_DESCRIBE = re.compile(
    r"\b(?:is|are)\s+(?:a|an|the|one\s+of)\b|\b(?:is|are)\s+engaged\s+in\b|\bengage[sd]?\s+in\s+"
    r"the\s+business\b|\bin\s+the\s+business\s+of\b|\b(?:we|it)\s+(?:develop|make|manufacture|"
    r"provide|offer|design|sell|produce|operate|deliver)s?\b", re.I)
_FOUNDED = re.compile(r"\b(?:founded|established|incorporated)\s+(?:in|on)\s+[^.;]{0,40}?"
                      r"\b(?:1[89]\d\d|20\d\d)\b", re.I)
_OFFICE = re.compile(r"^(?:regd\.?\s+office|registered\s+office|head\s+office|headquarters|"
                     r"corporate\s+office)\s*[:\-–]\s*(?P<value>\S.{5,120})$", re.I)
_HEADQUARTERED = re.compile(r"\bheadquartered\s+in\s+(?P<value>[A-Z][\w .,'-]{2,60}?)(?=[.;]|,\s+[a-z]|$)")
_LISTED = re.compile(r"\b(?:listed|traded)\s+on\s+(?:the\s+)?(?P<value>[A-Z][\w&.() -]{2,60}?"
                     r"(?:Exchange|Limited|Nasdaq|NYSE|BSE|NSE)\b[^.;]{0,40})")


def _key(name: str) -> str:
    text = name.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"\bltd\b\.?", "limited", text)
    text = re.sub(r"\bcorp\b\.?", "corporation", text)
    text = re.sub(r"\binc\b\.?", "incorporated", text)
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def _strip_leading(name: str) -> str:
    words = name.split()
    while words and (words[0].lower() in _LEADING or not re.search(r"[A-Za-z]", words[0])):
        words = words[1:]
    return " ".join(words)


def organisation_name(report: PdfAnnualReport, hint: str | None = None) -> str | None:
    counts: Counter = Counter()
    forms: dict[str, Counter] = {}
    for page in report.page_info:
        if page.status not in ("text",):
            continue
        text = " ".join(ln.text for ln in page.lines)
        for match in _NAME.finditer(text):
            name = _strip_leading(match.group(1))
            key = _key(name)
            if len(name.split()) < 2 or key in _GENERIC or len(name) > 80:
                continue
            counts[key] += 1
            forms.setdefault(key, Counter())[name] += 1
    if not counts:
        return None
    hint_words = {w for w in re.findall(r"[a-z]{3,}", (hint or "").lower())}

    def score(key: str) -> tuple:
        return (counts[key] + (3 if hint_words & set(key.split()) else 0), len(key))

    best = max(counts, key=score)
    if counts[best] < 2 and not (hint_words & set(best.split())):
        return None
    variants = forms[best]
    mixed = [f for f in variants if not f.isupper()]
    return max(mixed or list(variants), key=lambda f: (variants[f], len(f)))


def org_words(name: str | None) -> set[str]:
    """Lower-cased words of the organisation's name that can stand for it ("microsoft")."""
    if not name:
        return set()
    words = {w.lower() for w in re.findall(r"[\w-]+", name)}
    return {w for w in words if len(w) > 2} - {"inc", "ltd", "limited", "corporation", "the",
                                                  "and", "plc", "group", "international"}


def _sentences(report: PdfAnnualReport, kinds_out: tuple[str, ...] = ("notice",)):
    for section in report.sections:
        if section.kind in kinds_out:
            continue
        for para in report.paragraphs(section):
            for sentence in split_sentences(para.text):
                yield sentence, para.page, section


def descriptions(report: PdfAnnualReport, limit: int = 2) -> list[tuple[str, int, str]]:
    """(sentence, page, section title) in which the organisation says what it is or does,
    best first."""
    name = report.company
    own = org_words(name)
    subject = re.compile(r"^(?:we|the\s+company|the\s+group|it|" + "|".join(
        re.escape(w) for w in sorted(own, key=len, reverse=True)) + r")\b" if own else
        r"^(?:we|the\s+company|the\s+group)\b", re.I)
    kind = _kind_of(name)
    scored = []
    for order, (sentence, page, section) in enumerate(_sentences(
            report, ("notice", "governance", "risk"))):
        if not (_DESCRIBE.search(sentence) or kind and kind.search(sentence)) or \
                len(sentence) > 450:
            continue
        score = 0.0
        if subject.search(sentence.strip()):
            score += 3
        if re.search(r"engaged\s+in|in\s+the\s+business\s+of|whose\s+mission", sentence, re.I):
            score += 2
        if re.search(r"\d[\d,.]*\s*(?:%|per\s*cent|million|billion)|[$€£₹]\s?\d", sentence):
            score -= 2
        if re.search(r"holding\s+company\s+incorporated|incorporated\s+(?:in|under)", sentence, re.I):
            score -= 1
        if section.kind == "financial_statements":
            score -= 1.5  # the notes' "Background" says it too, in accounting terms
        if score >= 3:
            scored.append((-score, order, sentence, page, section.title))
    scored.sort()
    return [(s, p, t) for _, _, s, p, t in scored[:limit]]


def _kind_of(name: str | None) -> re.Pattern | None:
    """For an institution whose name says what kind it is ("Haaga-Helia University of
    Applied Sciences"): a sentence calling it one of that kind ("… it was the most popular
    university of applied sciences in Finland") says what it is."""
    match = re.search(_INSTITUTION, name or "")
    if not match:
        return None
    words = r"\s+".join(re.escape(w) for w in match.group(0).split())
    return re.compile(rf"\b(?:is|was)\s+(?:a|an|the|one\s+of\s+the)\s+(?:[\w-]+\s+){{0,4}}?"
                      rf"{words}\b", re.I)


def profile_facts(report: PdfAnnualReport) -> list[dict]:
    """Fact rows (fact, value, quote, page, place) the report states about the organisation
    (place: the section title, or "report" for what the whole report shows)."""
    rows: list[dict] = []
    if report.company:
        rows.append({"fact": "name", "value": report.company, "page": None, "place": "report"})
    if report.period.label:
        rows.append({"fact": "reporting period", "value": report.period.label, "page": None,
                     "place": "report"})
    for sentence, page, title in descriptions(report, limit=1):
        rows.append({"fact": DESCRIPTION_FACT, "value": sentence, "quote": sentence, "page": page,
                     "place": title})
    seen: set[str] = set()
    for sentence, page, section in _sentences(report, ("notice",)):
        for fact, pattern in (("founded", _FOUNDED), ("headquarters", _HEADQUARTERED),
                              ("listed on", _LISTED)):
            match = pattern.search(sentence)
            if match and fact not in seen:
                seen.add(fact)
                value = match.group("value") if "value" in pattern.groupindex else match.group(0)
                rows.append({"fact": fact, "value": value.strip(" ,"), "quote": sentence,
                             "page": page, "place": section.title})
    for sheet in report.page_info:
        if "registered office" in seen or not sheet.readable:
            continue
        for line in sheet.lines:
            office = _OFFICE.match(line.text.strip())
            if office:
                seen.add("registered office")
                rows.append({"fact": "registered office", "value": office.group("value"),
                             "quote": line.text.strip(), "page": sheet.number,
                             "place": f"page {sheet.number}"})
                break
    return rows


_COMPETITION = re.compile(r"\bcompet(?:e|es|ing|itors?|ition)\b|\brivals?\b", re.I)
_OWN_TERM_MENTIONS = 5


def competitor_rows(report: PdfAnnualReport) -> list[dict]:
    """One row per company the report names in a sentence about competition: (name, quote,
    page, place = the section title). A name used again and again elsewhere is the report's own product or
    term ("Office"), not a rival."""
    from ..edgar.competitor_names import names_in_passage

    sentences = list(_sentences(report, ("notice", "governance", "financial_statements")))
    competition = [(s, p, sec) for s, p, sec in sentences if _COMPETITION.search(s)
                   and sec.kind in PROSE_KINDS]
    if not competition:
        return []
    elsewhere = " ".join(s for s, _, _ in sentences if not _COMPETITION.search(s))
    own = report.company
    rows, seen = [], set()
    for sentence, page, section in competition:
        for name in names_in_passage(sentence, own_name=own):
            key = name.lower()
            if key in seen or (own and key in own.lower()):
                continue
            mentions = len(re.findall(r"(?<!\w)" + re.escape(name) + r"(?!\w)", elsewhere))
            if mentions >= _OWN_TERM_MENTIONS:
                continue
            seen.add(key)
            rows.append({"name": name, "quote": sentence, "page": page, "place": section.title})
    return rows
