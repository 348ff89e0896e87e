"""The competitors a 10-K names, each with the sentence that names it and where it sits.

Which rule covers which shape (nothing here is keyed to one filing or company):

=============================================  ============================================
shape                                          rule (module)
=============================================  ============================================
Competition section, any heading style         section walk: bold/short/ALL-CAPS/run-in
(ALL CAPS, bold, "Competition in X Segment",   headings that speak of competition open a
"COMPETITION – …", "Competition. …")           section (:mod:`.competitor_passages`)
"compete(s) with / against X"                  shape 1 (:mod:`.competitor_names`)
"competition from X", "products from X"        shape 2
"competitors include / are / :",               shape 3; "principal/primary/chief/main" and a
"our primary competitor in … is X"             few words between allowed
"such as / including / like" lists             shape 4: in a competition sentence, section
                                               or lead-in; around one, after a company noun
"For example, Apple Inc. is …, and Google …"   shape 5
"X is our main competitor", "our top          shape 6
competitors, X and Y, …"
"a biosimilar … marketed by X"                 shape 7
"(such as X, Y) … alternatives to … ours"      shape 8
per-product "competes with X's Y and Z's W"    possessive owner (:mod:`.name_lists`)
per-segment lists, bullets in separate blocks  lead-in ":" bullets, inline "•" splitting
tables of competitors by segment               "Competitors" header cell → its column
names split across HTML lines                  whitespace-normalised sentences
curly / straight / Windows-1252 apostrophes    one apostrophe (:mod:`.name_tokens`)
"Broadcom, Inc., or Broadcom", "Intel (Intel)" aliases folded into the full name
"Affirmative Insurance Holdings, Inc."         legal form after a comma stays in the name
lower-case brands, one-word names ("On")       list structure first, gazetteer as evidence
own subsidiaries and products                  filer's own-name rules below
customers, suppliers, partners, places, laws   head-noun rule (shape 4 and lists)
market-share tables, biographies, trademark    never read: only sentences of Items 1, 1A, 7
notices, litigation                            whose lists a competition shape introduces,
                                               and tables headed "Competitors"
=============================================  ============================================

A name is the filer's own — and dropped — when it shares the registrant's first word
("Microsoft Dynamics"), when the filing writes "our X" or "the Company's X", "X, our (wholly
owned) subsidiary" or "our subsidiaries, X and Y", when the paragraph opening Item 1
defines it in quotes ("Apple Inc. (“Apple” or the “Company”)"), and — unless the gazetteer
knows it as a company — when X is the subject of "X competes / faces competition" (the
filer's product: "Windows Phone faces competition …") or carries a ® or ™ ("REMICADE®").
Aliases and short forms of a listed name ("Huawei" after "Huawei Technologies Co. Ltd.",
"AMD" after "Advanced Micro Devices, Inc., or AMD") are folded into it.

Also: competition for personnel ("we compete for qualified personnel with … such as
Harvard") and antitrust ("competition laws, including the Sherman Act") name no rival; a
heading line inside a long paragraph (text from a PDF) opens a section like any heading.

The gazetteer (:mod:`research_kit.lexicon.gazetteer`) is evidence only; pass SEC's
``company_tickers.json`` titles as ``registrant_names`` to widen it (the parser works
without them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon.company_names import company_key
from ...lexicon.gazetteer import Gazetteer, gazetteer
from ...provenance import table_from_rows
from .competition_part import competition_passage
from .competitor_names import names_in_sentence
from .competitor_passages import COMPETITION_TITLE, ITEMS, competitor_units
from .item_paragraphs import section_source
from .sections import AnnualReport

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Mention", "competitor_mentions", "competitors_from_10k", "MENTION_COLUMNS"]

MENTION_COLUMNS = ["name", "quote"]
"""Plus the source columns; ``section`` says where the quote sits: "Item 1. Business —
Competition", "Item 1. Business — Competition in Client Segment", "Item 1A. Risk Factors",
"Item 7. Management's Discussion …"."""
_COMMON_FIRST_WORDS = {"the", "first", "american", "united", "general", "national", "international",
                       "new", "great", "southern", "northern", "eastern", "western", "global",
                       "universal", "standard", "central", "pacific", "atlantic", "royal", "us",
                       "u.s", "china", "bank"}


@dataclass
class Mention:
    """One competitor named in one sentence."""

    name: str
    quote: str
    item: str
    section: str | None
    offset: int


def _own_names(report: AnnualReport, text: str, gaz: Gazetteer) -> tuple[set[str], str | None]:
    """Keys of names the filing calls its own, and the registrant's distinctive first word."""
    own: set[str] = set()
    first = None
    if report.company:
        own.add(company_key(report.company))
        word = re.split(r"[\s,]+", report.company.strip())[0].lower().strip(".!")
        if len(word) > 2 and word not in _COMMON_FIRST_WORDS:
            first = word
    for match in re.finditer(r"\(\s*(?:the\s+)?[\u201c\"]([^\u201d\"]{2,40})[\u201d\"]", _opening(report)):
        own.add(company_key(match.group(1)))  # "Apple Inc. (“Apple” or the “Company”)"
    for match in re.finditer(r"\b(?:our|[Cc]ompany[\u2019']s)\s+(?:own\s+)?((?:[A-Z][\w&.\-]*\s?){1,4})",
                             text):
        own.add(company_key(match.group(1).strip()))
    for match in re.finditer(r"((?:[A-Z][\w&.\-]*,?\s){1,5})\(?(?:a|an|our|its)\s+(?:wholly[- ]owned\s+)?"
                             r"(?:direct\s+|indirect\s+)?subsidiary(?:\s+of\s+([\w\u2019'.]+(?:\s\w+)?))?",
                             text):
        parent = (match.group(2) or "").lower()
        if not parent or parent.startswith(("the company", "us", "the registrant", "our")) or (
                first is not None and parent.startswith(first)):
            own.add(company_key(match.group(1).strip(" ,(")))  # not "Fluke, a subsidiary of Fortive"
    for match in re.finditer(r"subsidiar(?:y|ies),?\s+((?:[A-Z][\w&.\-]*\s?){1,5})", text):
        own.add(company_key(match.group(1).strip()))
    # own products: "Windows Phone faces competition", "Model S and Model X compete" (a
    # company the gazetteer knows, in that place, is more likely a rival: "Intel competes …")
    for match in re.finditer(r"(?:^|[.;:,]\s+|\n|\band\s)((?:[A-Z][\w&.\-]*\s){1,4})(?:also\s+)?(?:compete|"
                             r"competes|faces\s+(?:\w+\s+)?competition)\b"
                             r"(?!\s+(?:directly\s+)?(?:with|against)\s+(?:us|our))", text):
        if not gaz.knows(match.group(1).strip()):
            own.add(company_key(match.group(1).strip()))
    for match in re.finditer(r"((?:[A-Z][\w&.\-]*\s?){1,3})\s?[\u00ae\u2122]", text):
        if not gaz.knows(match.group(1).strip()):  # a trademark the filer marks: its own
            own.add(company_key(match.group(1).strip()))
    if first:  # "Microsoft Office", "Microsoft Dynamics": the filer's own product lines
        for match in re.finditer(rf"\b{re.escape(first)}\s+((?:[A-Z][\w&.\-]*\s?){{1,3}})", text, re.I):
            own.add(company_key(match.group(1).strip()))
    own.discard("")
    return own, first


def _opening(report: AnnualReport) -> str:
    """The paragraph that opens Item 1: where the filer defines its own short names."""
    item = report.item("1")
    if item is None or item.body_start < 0:
        return ""
    for paragraph in re.split(r"\n[ \t]*\n", report.text[item.body_start:item.body_start + 5000]):
        if len(paragraph) > 80:
            return paragraph
    return ""


def _is_own(name: str, own: set[str], first: str | None) -> bool:
    key = company_key(name)
    if key in own:
        return True
    word = re.split(r"[\s,]+", name.strip())[0].lower().strip(".!")
    return first is not None and word == first


def _mentions(report: AnnualReport, registrant_names: Iterable[str] | None) -> list[Mention]:
    gaz = gazetteer(registrant_names)
    raw: list[tuple[str, str | None, set[str], Mention]] = []
    for unit in competitor_units(report):
        context = unit.context
        if not (context.in_section or context.around or context.lead_in or context.after_cue):
            continue
        for listed in names_in_sentence(unit.text, context, gaz):
            mention = Mention(listed.name, unit.quote, unit.item, unit.section, unit.offset)
            raw.append((listed.name, listed.alias_of, listed.evidence, mention))
    if not raw:
        return []
    spans = [report.item(k) for k in ITEMS]
    text = "\n".join(report.text[it.body_start:it.end] for it in spans
                     if it is not None and it.body_start >= 0)
    own, first = _own_names(report, text, gaz)
    canonical = _canonical_names(raw)
    mentions = []
    for name, alias_of, _evidence, mention in raw:
        if _is_own(name, own, first) or (alias_of and _is_own(alias_of, own, first)):
            continue
        mention.name = canonical.get(company_key(name), name)
        mentions.append(mention)
    return mentions


def _canonical_names(raw) -> dict[str, str]:
    """key of every name → the name to show: aliases and short forms folded into the full
    name ("Huawei" → "Huawei Technologies Co. Ltd."), equal keys shown the fullest way."""
    shown: dict[str, str] = {}
    for name, alias_of, _evidence, _mention in raw:
        if alias_of is None:
            key = company_key(name)
            if key not in shown or (len(name) > len(shown[key]) and "," not in shown[key]):
                shown.setdefault(key, name)
    aliases = {company_key(name): company_key(alias_of) for name, alias_of, *_ in raw if alias_of}
    result = dict(shown)
    for alias, full in aliases.items():
        result[alias] = shown.get(full, result.get(full, alias))
    keys = sorted(shown, key=len)
    for short in keys:
        longer = [k for k in keys if k != short and k.startswith(short + " ")]
        if longer and short not in aliases:
            result[short] = shown[longer[0]]  # "Huawei" → "Huawei Technologies Co. Ltd."
    return result


def competitor_mentions(report: AnnualReport, *,
                        registrant_names: Iterable[str] | None = None) -> pd.DataFrame:
    """Every sentence of Items 1, 1A and 7 that names a competitor: one row per name and
    sentence (name, quote, and the source columns; ``section`` says where), in document
    order. ``registrant_names``: SEC registrant titles to use as extra evidence."""
    rows = []
    mentions = _mentions(report, registrant_names)
    span = _competition_span(report) if mentions else None
    for mention in mentions:
        part = _part_of_item(mention, span)
        rows.append({"name": mention.name, "quote": mention.quote,
                     "section": _section_label(report, mention.item, part),
                     "source": section_source(report, mention.item, part)})
    return table_from_rows(rows, MENTION_COLUMNS)


def _competition_span(report: AnnualReport) -> tuple[int, int] | None:
    passage = competition_passage(report)
    return (passage.start, passage.end) if passage is not None else None


def _part_of_item(mention: Mention, span: tuple[int, int] | None) -> str | None:
    """The part of its Item a quote sits in, as the filing titles it ("Competition",
    "Competition in Client Segment"); None for a quote elsewhere in the Item (a risk
    factor of Item 1A, a paragraph of Item 7): the Item alone is cited. A lead-in the reader
    treats as a section ("Our current competitors include") is not a title."""
    section = mention.section
    if section and COMPETITION_TITLE.match(section):
        return section
    if mention.item == "1" and span is not None and span[0] <= mention.offset < span[1]:
        return "Competition"
    return None


def _section_label(report: AnnualReport, key: str, section: str | None) -> str:
    """"Item 1. Business — Competition" (kept even when the report has no Source)."""
    item = report.item(key)
    label = f"Item {key}. {item.title}" if item is not None and item.title else f"Item {key}"
    return f"{label} — {section}" if section else label


def competitors_from_10k(report: AnnualReport, *,
                         registrant_names: Iterable[str] | None = None) -> list[str]:
    """The companies (and competing offerings) a 10-K names as competitors, in order of
    first mention, one name per company."""
    names: list[str] = []
    seen: set[str] = set()
    for mention in _mentions(report, registrant_names):
        key = company_key(mention.name)
        if key not in seen:
            seen.add(key)
            names.append(mention.name)
    return names
