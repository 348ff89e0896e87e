"""Key figures stated in sentences, and the number of employees.

Money: an amount with its currency ("EUR 67.5", "$31.8 billion", "Rs. 14,86,125") tied to
the metric named just before it in the same clause ("Net revenues of $31.8 billion",
"Revenue from operations in the Financial Year 2018-19 was Rs. 14,86,125", "The operating
result of EUR -2.9 (1.5; 3.4) million") or just after it ("$211 billion in revenue"). The
scale may follow the comparatives ("EUR 67.5 (67.4 in 2021) and 65.8 in 2020) million").
Not taken: a metric qualified by a product or segment name ("Microsoft Cloud revenue"), an
adjusted measure, and a change rather than a level ("revenue increased $13.6 billion").
The prior year is the first figure in brackets after the amount ("(1.5; 3.4)", "(67.4 in
2021)") or the amount after "as compared to". A loss stated as a positive amount ("incurred
Loss of Rs. 52,71,915") is negative.

Employees: a head count with what it counts ("approximately 221,000 people on a full-time
basis", "762 specialists" where the sentence is about personnel, "The number of permanent
employees … is 2"), ranked up when the sentence dates it ("As of June 30, 2023").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicon.sentences import split_sentences
from .kinds import PROSE_KINDS
from .metrics import REFUSED, Candidate, match_label
from .numbers import SCALE_WORD, find_currency, find_scale, parse_number
from .periods import year_of

if TYPE_CHECKING:
    from .report import PdfAnnualReport

__all__ = ["sentence_candidates"]

_CUR = r"US\$|\$|€|£|¥|₹|EUR|USD|INR|GBP|CHF|SEK|Rs\.?"
# "1 250" and "67 470 154,97": spaces (or narrow spaces) group thousands in many countries
_NUM = r"[-−–]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d.,])|[-−–]?\d[\d,.]*\d|\d"
_MONEY = re.compile(rf"(?P<cur>{_CUR})\s?(?P<num>{_NUM})(?:\s?/-)?(?:\s?(?P<scale>{SCALE_WORD})\b|"
                    r"(?P<short>m|bn|k)\b)?", re.I)  # "£412.5m", "$1.2bn"
_SCALE_AHEAD = re.compile(rf"^(?:[\s\d.,;:()\[\]+–-]|\bin\b|\band\b)*?\b(?P<scale>{SCALE_WORD})\b", re.I)
_PRIOR_BRACKET = re.compile(rf"^\s*\((?:(?:19|20)\d\d\s*:\s*)?(?:(?:{_CUR})\s?)?(?P<num>{_NUM})"
                            r"(?:\s+in\s+(?P<year>(?:19|20)\d\d))?")
_PRIOR_COMPARED = re.compile(rf"(?:as\s+)?compared\s+(?:to|with)\s+(?:a\s+)?(?P<loss>(?:net\s+)?"
                             rf"loss\s+of\s+|profit\s+of\s+)?(?:(?:{_CUR})\s?)?(?P<num>{_NUM}|nil)",
                             re.I)
_TEXT_METRICS: list[tuple[str, int, re.Pattern]] = [
    ("revenue", 1, re.compile(r"\b(?:net\s+revenues?|revenues?\s+from\s+operations|total\s+"
                              r"revenues?|revenues?|net\s+sales|turnover)\b", re.I)),
    ("revenue", 3, re.compile(r"(?<!net\s)(?<!operating\s)(?<!diluted\s)(?<!basic\s)\bearnings\b"
                              r"(?!\s+(?:from|on|per|before|of|reinvested)\b)", re.I)),
    ("operating_income", 1, re.compile(r"\b(?:operating\s+(?:income|profit|result|loss)|"
                                       r"ebit\b(?!da)|profit\s+from\s+operations)", re.I)),
    ("net_income", 1, re.compile(r"\b(?:net\s+(?:income|profit|earnings|loss)|(?:profit|loss|"
                                 r"result|surplus|deficit)\s+for\s+the\s+(?:financial\s+)?"
                                 r"(?:year|period)|incurred\s+(?:a\s+)?(?:net\s+)?loss|"
                                 r"profit\s+after\s+tax)", re.I)),
]
_AFTER_METRIC = re.compile(r"^\s*(?:in|of)\s+(?:total\s+)?(?P<phrase>revenues?|operating\s+income|"
                           r"operating\s+profit|net\s+income|net\s+profit|net\s+sales)\b", re.I)
_CHANGE = re.compile(r"\b(?:increas|decreas|grew|grow|rose|fell|declin|improv|up\b|down\b|by\b|"
                     r"higher|lower|change)", re.I)
_QUALIFIER_OK = {"the", "our", "its", "your", "their", "total", "group", "consolidated", "annual",
                 "company's", "group's", "company’s", "group’s", "net", "record", "year's",
                 "year’s", "incurred", "had", "and", "while", "whereas", "but", "with"}
# what may stand between a metric and its amount: "Net revenues of", "earnings in 2022 were",
# "The result for the financial year showed a loss of", "Operating income (OI) of"
_CONNECTORS = re.compile(
    r"\([^()]{0,12}\)|\b(?:in|for|during)\s+(?:the\s+)?(?:(?:fiscal|financial)\s+)?(?:year|"
    r"period)(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?)?|\bin\s+(?:19|20)\d\d\b|"
    r"\b(?:was|were|is|are|amounted\s+to|totall?ed|stood\s+at|reached|came\s+(?:in\s+)?(?:to|at)|"
    r"of|at|to|showed|recorded|a|an|loss|profit|deficit|surplus|approximately|about|around|some|"
    r"nearly|over|more\s+than|record|only|just)\b|[,:–-]", re.I)
_RISE_TO = re.compile(r"^\s*(?:increased|decreased|grew|rose|fell|declined)\s+(?:by\s+)?[\d.,]+\s*"
                      r"(?:%|per\s*cent)\s+to\s*$", re.I)
_YEAR_IN = re.compile(r"(?:fiscal|financial)\s+year\s+(?P<a>(?:19|20)\d\d(?:\s*[-–]\s*\d{2,4})?)|"
                      r"\bin\s+(?P<b>(?:19|20)\d\d)\b|\bFY\s?(?P<c>(?:19|20)?\d\d(?:[-–]\d{2,4})?)", re.I)

_COUNT = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])|\d[\d,.]*"
_HEAD_NOUN = (r"(?P<noun>(?:full[- ]time\s+|permanent\s+)?(?:employees|people|persons|staff|"
              r"personnel|workers|colleagues|specialists|team\s+members|FTEs?|full[- ]time\s+"
              r"equivalents?|person[- ]years))")
_HEAD_QUAL = r"(?P<qual>approximately|about|around|nearly|some|over|more\s+than|only|a\s+total\s+of)?"
_HEADS = [
    re.compile(rf"\b(?:employ(?:ed|s)|had|have|has|with|totall?ed|numbered)\s+{_HEAD_QUAL}\s*"
               rf"(?P<n>{_COUNT})\s+{_HEAD_NOUN}", re.I),
    re.compile(r"\bnumber\s+of\s+(?P<noun>(?:permanent\s+|full[- ]time\s+)?(?:employees|staff|"
               r"personnel))\b[^.;]{0,90}?\b(?:is|was|were|stood\s+at|of|at)\s+"
               rf"{_HEAD_QUAL}\s*(?P<n>{_COUNT})\b", re.I),
    re.compile(rf"(?:^|[\s:;,(]){_HEAD_QUAL}\s*(?P<n>{_COUNT})\s+{_HEAD_NOUN}", re.I),
]
_HEAD_CONTEXT = re.compile(r"employ|personnel|staff|workforce|headcount|head\s+count|human\s+capital",
                           re.I)
_DATED = re.compile(r"\b(?:as\s+(?:of|at|on)|at)\s+(?:the\s+end\s+of\s+)?(?:\d|[A-Z][a-z]+\s+\d)",
                    re.I)


def sentence_candidates(report: PdfAnnualReport, org_words: set[str]) -> list[Candidate]:
    out: list[Candidate] = []
    for section in report.sections:
        if section.kind == "notice" or (section.kind not in PROSE_KINDS and section.kind not in
                                        ("other", "governance", "financial_statements")):
            continue
        for para in report.paragraphs(section):
            for sentence in split_sentences(para.text):
                found = _money(sentence, report.fiscal_year, org_words) + _heads(sentence, report)
                for candidate in found:
                    candidate.page, candidate.section = para.page, section.title
                out.extend(found)
    return out


def _money(sentence: str, year: int | None, org_words: set[str]) -> list[Candidate]:
    out = []
    for match in _MONEY.finditer(sentence):
        metric = _metric_for(sentence, match, org_words)
        if metric is None:
            continue
        name, rank, phrase = metric
        label = match_label(phrase)
        if label is not None and label.metric == name:
            rank = label.rank  # the same ranks as table labels: comparable with the tables
        number = parse_number(match.group("num"))
        if number is None or (number.is_integer() and 1900 <= number <= 2100 and "," not in
                              match.group("num")):
            continue
        scale_word = match.group("scale") or _scale_after(sentence[match.end():])
        scale = find_scale(scale_word) if scale_word else None
        if match.group("short"):
            scale = find_scale(match.group("cur") + match.group("short"))
        loss = name == "net_income" and re.search(r"\bloss\b", phrase, re.I) is not None
        if loss and number > 0:
            number = -number
        currency = find_currency(match.group("cur"))
        multiplier = scale.multiplier if scale else 1.0
        printed_end = _printed_end(sentence, match, scale_word)
        candidate = Candidate(
            metric=name, value=number * multiplier, value_as_printed=sentence[match.start():
                                                                            printed_end].strip(),
            page=0, quote=sentence, basis=phrase, how="sentence", priority=1, rank=rank,
            number=number, currency=currency[0] if currency else None,
            unit=currency[1] if currency else None, scale=scale.printed if scale else "",
            multiplier=multiplier)
        candidate.period, candidate.year = _year(sentence[:match.start()], year)
        _prior(candidate, sentence[match.end():], multiplier, loss)
        out.append(candidate)
    return out


def _metric_for(sentence: str, match: re.Match, org_words: set[str]) -> tuple[str, int, str] | None:
    """(metric, rank, phrase) the amount is the level of, or None."""
    after = _AFTER_METRIC.match(sentence[match.end():])
    if after:
        phrase = after.group("phrase").lower()
        metric = ("revenue" if "revenue" in phrase or "sales" in phrase else
                  "operating_income" if "operating" in phrase else "net_income")
        return metric, 1, after.group("phrase")
    window_start = max(0, match.start() - 90)
    previous_money = [m.end() for m in _MONEY.finditer(sentence[:match.start()])]
    if previous_money:
        window_start = max(window_start, previous_money[-1])
    clause = sentence[window_start:match.start()]
    clause = clause[max(clause.rfind(";"), clause.rfind(". ")) + 1:]
    best = None
    for metric, rank, pattern in _TEXT_METRICS:
        for found in pattern.finditer(clause):
            if best is None or found.start() > best[3]:
                best = (metric, rank, found.group(0), found.start(), found.end())
    if best is None:
        return None
    metric, rank, phrase, start, end = best
    between = clause[end:]
    before = clause[:start]
    if REFUSED.search(before[-25:] + phrase) or _CHANGE.search(before[-30:]):
        return None  # an adjusted measure; "an increase in operating income of …"
    if re.search(r"[A-Za-z]{2,}", _CONNECTORS.sub(" ", between)) and not _RISE_TO.match(between):
        return None  # other words between: "revenue increased $13.6 billion", "include …"
    if not _plain_subject(before, org_words):
        return None
    return metric, rank, phrase


def _plain_subject(before: str, org_words: set[str]) -> bool:
    """The metric is the organisation's own, not a segment's or a part's ("Microsoft Cloud
    revenue", "export revenue", "a revenue of"): the word before it is a determiner, "total",
    the organisation's name, or nothing (the sentence starts with it)."""
    stripped = before.rstrip()
    if not stripped or stripped.endswith((".", ":", ";", ",")):
        return True
    word = re.findall(r"[\w'’.-]+", stripped)[-1].lower()
    return word in _QUALIFIER_OK or re.sub(r"['’]s$", "", word) in org_words \
        or word.rstrip(".") in org_words


def _scale_after(rest: str) -> str | None:
    match = _SCALE_AHEAD.match(rest[:60])
    if match and not re.search(_CUR, rest[:match.start("scale")]):
        return match.group("scale")
    return None


def _printed_end(sentence: str, match: re.Match, scale_word: str | None) -> int:
    if match.group("scale") or match.group("short") or not scale_word:
        end = match.end()
        bracket = _PRIOR_BRACKET.match(sentence[end:])
        if bracket:
            close = sentence.find(")", end)
            return close + 1 if close != -1 else end
        return end
    return sentence.find(scale_word, match.end()) + len(scale_word)


def _year(before: str, year: int | None) -> tuple[str | None, int | None]:
    found = list(_YEAR_IN.finditer(before))
    if found:
        text = next(g for g in found[-1].groups() if g)
        return text, year_of(text)
    return None, year


def _prior(candidate: Candidate, rest: str, multiplier: float, loss: bool) -> None:
    bracket = _PRIOR_BRACKET.match(rest)
    compared = None if bracket else _PRIOR_COMPARED.search(rest[:120])
    match = bracket or compared
    if match is None:
        return
    printed = match.group("num")
    number = parse_number(printed) if printed.lower() != "nil" else 0.0
    if number is None:
        return
    if compared is not None and (compared.group("loss") or "").lower().strip().endswith("loss of"):
        number = -abs(number)
    elif compared is not None and loss and number > 0 and "loss" in candidate.basis.lower():
        number = -number
    candidate.prior_value_as_printed = printed
    candidate.prior_value = number * multiplier
    if bracket and bracket.group("year"):
        candidate.prior_period = bracket.group("year")
    elif compared is not None:
        # "as compared to NIL in the previous Financial Year 2020-21": which year it was
        said = _YEAR_IN.search(rest[compared.end():compared.end() + 70])
        if said:
            candidate.prior_period = next(g for g in said.groups() if g)


def _heads(sentence: str, report: PdfAnnualReport) -> list[Candidate]:
    for index, pattern in enumerate(_HEADS):
        for match in pattern.finditer(sentence):
            noun = match.group("noun")
            weak = not re.search(r"employ|staff|personnel|FTE|equivalent|person", noun, re.I)
            if weak and not _HEAD_CONTEXT.search(sentence):
                continue
            number = parse_number(match.group("n").rstrip(".,"))
            if number is None or number <= 0 or not number.is_integer() or \
                    (1900 <= number <= 2100 and "," not in match.group("n")):
                continue
            qual = match.group("qual") or ""
            printed = f"{qual} {match.group('n')}".strip()
            full_time = "full-time" if re.search(r"full[- ]time", sentence, re.I) else ""
            unit = " ".join(noun.lower().split())
            if full_time and "full" not in unit:
                unit += " (full-time)"
            if re.search(r"\baverage\b", sentence, re.I):
                unit += " (average)"
            dated = bool(_DATED.search(sentence)) or index == 1
            rank = (0 if dated else 1) + (1 if qual.lower() in ("nearly", "over", "more than",
                                                                 "some", "about") else 0)
            period = _DATED.search(sentence)
            return [Candidate(metric="employees", value=number, value_as_printed=printed,
                              page=0, quote=sentence, basis=noun, how="sentence", priority=1,
                              rank=rank, number=number, unit=unit, scale="", multiplier=1.0,
                              period=_date_phrase(sentence, period) if period else None,
                              year=report.fiscal_year)]
    return []


def _date_phrase(sentence: str, match: re.Match) -> str:
    rest = sentence[match.start():match.start() + 45]
    date = re.match(r".*?(?:\b(?:19|20)\d\d\b|\d{1,2}\.\d{1,2}\.\d{4})", rest)
    return date.group(0) if date else rest.split(",")[0]
