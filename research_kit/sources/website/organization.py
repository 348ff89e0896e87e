"""Organization facts the company states about itself: schema.org JSON-LD first, then meta
tags and the footer's copyright line.

One row per (fact, value) with how it was found (``method``) and the page it came from.
A fact may have several values (``same_as`` links, founders); the first row of a fact is
the best one (JSON-LD of the homepage beats a meta tag of a subpage).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ...lexicon.company_names import legal_form_pattern
from .document import HtmlDocument
from .jsonld import address_text, is_organization, iter_nodes, text_value, url_value

__all__ = ["FACT_COLUMNS", "FACTS", "organization_facts", "facts_to_dict"]

FACT_COLUMNS = ["fact", "value", "method", "page_url"]
FACTS = ("name", "legal_name", "alternate_name", "description", "url", "logo", "address",
         "telephone", "email", "same_as", "founding_date", "founders", "employees",
         "parent_organization", "ticker")
_LIST_FACTS = {"same_as", "founders"}

_LEGAL_SUFFIX = legal_form_pattern()
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|&copy;|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?\s*,?\s*)?"
    rf"([A-Z0-9][\w&.,' -]{{1,80}}?\s{_LEGAL_SUFFIX})(?![\w])", re.I)


_PLACEHOLDER = re.compile(r"\b(your|insert|enter)\b.{0,40}\bhere\b|lorem ipsum|^(todo|tbd|n/?a|none|"
                          r"untitled|default|home|news)$", re.I)


def _company_name(value: str | None) -> str | None:
    """"Acme Corp | Industrial Sensors" → "Acme Corp": meta names often carry a tagline."""
    if not value:
        return None
    for sep in (" | ", " – ", " — ", " - ", ": "):
        if sep in value and len(value) > 30:
            value = value.split(sep, 1)[0]
    return value.strip() or None


def _employees(value: Any) -> str | None:
    if isinstance(value, dict):
        if "value" in value:
            return text_value(value["value"])
        lo, hi = value.get("minValue"), value.get("maxValue")
        if lo is not None or hi is not None:
            return f"{text_value(lo) or '?'}–{text_value(hi) or '?'}"
    return text_value(value)


def _names(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    out = []
    for v in values:
        name = text_value(v.get("name")) if isinstance(v, dict) else text_value(v)
        if name:
            out.append(name)
    return out


def _from_node(node: dict) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []

    def add(fact: str, value: str | None) -> None:
        if value:
            pairs.append((fact, value))

    add("name", text_value(node.get("name")))
    add("legal_name", text_value(node.get("legalName")))
    add("alternate_name", text_value(node.get("alternateName")))
    add("description", text_value(node.get("description")))
    add("url", url_value(node.get("url")))
    add("logo", url_value(node.get("logo")) or url_value(node.get("image")))
    add("address", address_text(node.get("address")))
    add("telephone", text_value(node.get("telephone")))
    add("email", text_value(node.get("email")))
    same_as = node.get("sameAs")
    for link in (same_as if isinstance(same_as, list) else [same_as]):
        add("same_as", url_value(link))
    add("founding_date", text_value(node.get("foundingDate")))
    for name in _names(node.get("founder") or node.get("founders")):
        add("founders", name)
    add("employees", _employees(node.get("numberOfEmployees")))
    parent = node.get("parentOrganization")
    add("parent_organization",
        text_value(parent.get("name")) if isinstance(parent, dict) else text_value(parent))
    add("ticker", text_value(node.get("tickerSymbol")))
    return pairs


def _org_nodes(doc: HtmlDocument) -> list[tuple[dict, str]]:
    """Organization nodes, the page's own first (top level), then nested ones such as an
    article's publisher."""
    found = []
    for data in doc.json_ld:
        for node, where in iter_nodes(data):
            if is_organization(node):
                found.append((node, where))
    found.sort(key=lambda item: len(item[1]))
    return [(node, "json-ld " + ("/".join(where) + " " if where else "") + "Organization")
            for node, where in found]


def _copyright_owner(doc: HtmlDocument) -> str | None:
    if doc.tree is None:
        return None
    candidates = doc.tree.xpath("//footer|//*[contains(@class,'footer') or contains(@id,'footer')"
                                " or contains(@class,'copyright')]") or [doc.tree]
    for el in candidates[-3:]:
        text = " ".join((el.text_content() or "").split())
        m = _COPYRIGHT.search(text)
        if m:
            return m.group(1).strip(" ,.") + ("." if m.group(1).endswith(".") else "")
    return None


def organization_facts(docs: Iterable[HtmlDocument]) -> list[dict]:
    """Fact rows (``fact, value, method, page_url``) from the pages, best pages first."""
    rows: list[dict] = []
    seen: set[tuple[str, str]] = set()

    def add(fact: str, value: str | None, method: str, doc: HtmlDocument) -> None:
        if not value or _PLACEHOLDER.search(value.strip()):
            return  # template leftovers: "Your page description here ..."
        key = (fact, value.strip().lower())
        if key in seen:
            return
        if fact not in _LIST_FACTS and any(r["fact"] == fact and r["method"].startswith("json-ld")
                                           for r in rows) and not method.startswith("json-ld"):
            return  # a meta tag never competes with what the JSON-LD already says
        seen.add(key)
        rows.append({"fact": fact, "value": value.strip(), "method": method, "page_url": doc.url})

    docs = list(docs)
    for doc in docs:
        for node, method in _org_nodes(doc):
            for fact, value in _from_node(node):
                add(fact, value, method, doc)
    if docs:
        # meta tags: the homepage (first) speaks for the company, subpages for themselves
        home = docs[0]
        add("name", _company_name(home.meta_first("og:site_name")), "meta og:site_name", home)
        add("name", _company_name(home.meta_first("application-name")), "meta application-name", home)
        add("legal_name", _copyright_owner(home), "footer copyright line", home)
        add("name", _company_name(home.meta_first("publisher", "copyright")), "meta publisher", home)
        add("description", home.meta_first("description", "og:description"), "meta description", home)
    order = {f: i for i, f in enumerate(FACTS)}
    rows.sort(key=lambda r: order.get(r["fact"], len(order)))  # stable: best first per fact
    return rows


def facts_to_dict(rows: list[dict]) -> dict[str, Any]:
    """The ``organization`` object of the ``site`` JSON: first value per fact, lists for
    ``same_as`` and ``founders``; every fact key present (None / [] when not found)."""
    out: dict[str, Any] = {f: ([] if f in _LIST_FACTS else None) for f in FACTS}
    for row in rows:
        fact, value = row["fact"], row["value"]
        if fact in _LIST_FACTS:
            out[fact].append(value)
        elif out.get(fact) is None:
            out[fact] = value
    return out
