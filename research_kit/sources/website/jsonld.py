"""Walk schema.org JSON-LD: flatten @graph and nesting, match types, read common values."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["iter_nodes", "types_of", "is_organization", "is_person", "text_value",
           "url_value", "address_text", "MAX_NODES"]

MAX_NODES = 5000
_ORG_TYPES = {"organization", "corporation", "localbusiness", "ngo", "onlinebusiness",
              "onlinestore", "professionalservice", "educationalorganization",
              "governmentorganization", "medicalorganization", "newsmediaorganization",
              "researchorganization", "consortium", "airline", "store", "fundingscheme",
              "workersunion", "library", "project", "cooperative"}


def iter_nodes(data: Any, *, path: tuple[str, ...] = ()) -> Iterator[tuple[dict, tuple[str, ...]]]:
    """Every JSON object in ``data`` with the property path that led to it (iterative, capped:
    JSON-LD from the wild can be deep or huge)."""
    stack: list[tuple[Any, tuple[str, ...]]] = [(data, path)]
    seen = 0
    while stack and seen < MAX_NODES:
        node, where = stack.pop()
        if isinstance(node, list):
            stack.extend((item, where) for item in reversed(node))
        elif isinstance(node, dict):
            seen += 1
            yield node, where
            for key, value in reversed(list(node.items())):
                if isinstance(value, (dict, list)) and len(where) < 12:
                    stack.append((value, where if key == "@graph" else where + (str(key),)))


def types_of(node: dict) -> set[str]:
    value = node.get("@type", [])
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for v in values if v}


def is_organization(node: dict) -> bool:
    return any(t in _ORG_TYPES or t.endswith(("organization", "business", "corporation"))
               for t in types_of(node))


def is_person(node: dict) -> bool:
    return "person" in types_of(node)


def text_value(value: Any) -> str | None:
    """A readable string from a JSON-LD value: str, number, {"@value"}, {"name"}, first of a list."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return f"{value:,}" if isinstance(value, int) else str(value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return text[:500] or None
    if isinstance(value, list):
        for item in value:
            found = text_value(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "value", "url", "@id"):
            if key in value:
                return text_value(value[key])
    return None


def url_value(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://", "/")):
        return value.strip()
    return None


def address_text(value: Any) -> str | None:
    """A PostalAddress (or plain string) as one line."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return " ".join(value.split()) or None
    if not isinstance(value, dict):
        return None
    street = text_value(value.get("streetAddress"))
    locality = text_value(value.get("addressLocality"))
    region = text_value(value.get("addressRegion"))
    postal = text_value(value.get("postalCode"))
    country = text_value(value.get("addressCountry"))
    city_line = ", ".join(p for p in (locality, " ".join(p for p in (region, postal) if p)) if p)
    parts = [p for p in (street, city_line, country) if p]
    return ", ".join(parts) or text_value(value.get("name"))
