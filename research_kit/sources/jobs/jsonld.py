"""schema.org JobPosting in JSON-LD: the most reliable facts a job page carries.

Job boards and career sites embed it for search engines (Google for Jobs), so title,
company, location, salary and dates come straight from fields. The description inside is
HTML (sometimes entity-escaped) and goes through the same section splitter as everything else.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from typing import Any

from ..website.jsonld import iter_nodes, types_of
from .build import PostingRecord
from .salary import salary_from_values

__all__ = ["jsonld_objects", "job_postings_in_html", "is_job_posting", "record_from_jsonld"]

_SCRIPT = re.compile(r"<script[^>]+type\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script>",
                     re.I | re.S)


def _loads(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip()
    text = re.sub(r"^\s*//<!\[CDATA\[|//\]\]>\s*$", "", text)
    try:
        return json.loads(text, strict=False)
    except ValueError:
        try:
            return json.loads(re.sub(r",\s*([}\]])", r"\1", text), strict=False)
        except ValueError:
            return None


def jsonld_objects(page: str) -> Iterator[dict]:
    """Every JSON object in the page's ld+json scripts, @graph members and nesting included."""
    for m in _SCRIPT.finditer(page or ""):
        data = _loads(m.group(1))
        for node, _ in iter_nodes(data):
            yield node


def is_job_posting(obj: Any) -> bool:
    return isinstance(obj, dict) and "jobposting" in types_of(obj)


def job_postings_in_html(page: str) -> list[PostingRecord]:
    return [record_from_jsonld(obj) for obj in jsonld_objects(page) if is_job_posting(obj)]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("value") or value.get("@value"))
    if isinstance(value, list):
        return ", ".join(t for t in (_text(v) for v in value) if t)
    return str(value)


def _locations(value: Any) -> list[str]:
    places = value if isinstance(value, list) else [value] if value else []
    out = []
    for place in places:
        if isinstance(place, str):
            out.append(place)
            continue
        if not isinstance(place, dict):
            continue
        address = place.get("address", place)
        if isinstance(address, str):
            out.append(address)
            continue
        if not isinstance(address, dict):
            continue
        parts = [_text(address.get(k)) for k in ("addressLocality", "addressRegion",
                                                  "addressCountry")]
        text = ", ".join(p for p in parts if p) or _text(place.get("name"))
        if text:
            out.append(text)
    return out


def record_from_jsonld(obj: dict) -> PostingRecord:
    salary = None
    base = obj.get("baseSalary") or obj.get("estimatedSalary")
    if isinstance(base, list):
        base = base[0] if base else None
    if isinstance(base, dict):
        value = base.get("value")
        if isinstance(value, dict):
            salary = salary_from_values(value.get("minValue", value.get("value")),
                                        value.get("maxValue", value.get("value")),
                                        base.get("currency") or value.get("currency"),
                                        value.get("unitText") or base.get("unitText"))
        else:
            salary = salary_from_values(value, value, base.get("currency"), base.get("unitText"))
    remote = None
    if "TELECOMMUTE" in _text(obj.get("jobLocationType")).upper():
        remote = "remote"
    description = _text(obj.get("description"))
    if "&lt;" in description and "<" not in description:
        description = html_lib.unescape(description)
    extra = []
    for key, heading in (("responsibilities", "Responsibilities"),
                         ("qualifications", "Qualifications"),
                         ("experienceRequirements", "Experience requirements"),
                         ("educationRequirements", "Education requirements"),
                         ("skills", "Skills"), ("jobBenefits", "Benefits")):
        value = _text(obj.get(key))
        if value and value not in description:
            extra.append(f"<h3>{heading}</h3><p>{html_lib.escape(value)}</p>")
    if extra and "<" not in description:
        description = "".join(f"<p>{html_lib.escape(line)}</p>"
                              for line in description.splitlines() if line.strip())
    identifier = obj.get("identifier")
    is_html = bool(extra) or bool(re.search(r"<[a-zA-Z/][^>]*>", description))
    return PostingRecord(
        title=_text(obj.get("title")),
        posting_id=_text(identifier.get("value") if isinstance(identifier, dict) else identifier)
        or None,
        company=_text(obj.get("hiringOrganization")) or None,
        locations=_locations(obj.get("jobLocation")) or _locations(
            obj.get("applicantLocationRequirements")),
        remote=remote, employment_type=_text(obj.get("employmentType")) or None, salary=salary,
        posted=_text(obj.get("datePosted")) or None, url=_text(obj.get("url")) or None,
        description_html=(description + "".join(extra)) if is_html else None,
        description_text=None if is_html else description or None, reader="json-ld")
