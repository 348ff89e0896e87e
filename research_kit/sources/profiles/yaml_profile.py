"""The short YAML profile (docs/position.md): type it when there is no export at hand.

```yaml
name: Alex Rivera
headline: Data Engineer at Cascadia Grid Analytics
location: Portland, OR
summary: Builds batch and streaming pipelines.
experience:
  - title: Data Engineer
    company: Cascadia Grid Analytics
    start: 2021
    end: present
    description: |
      Built Kafka and Spark pipelines.
education:
  - school: Oregon State University
    degree: B.S.
    field: Computer Science
    start: 2013
    end: 2017
skills: [Python, SQL]
certifications: [AWS Certified Data Engineer – Associate]
volunteering:
  - role: Mentor
    organization: Code for PDX
languages: [English, Spanish]
```
Only ``name`` is required. Lists may also be written one item per line. Unknown keys are
an error (a typo would otherwise silently drop data).
"""

from __future__ import annotations

from typing import Any

from ...errors import ParseError
from ...provenance import Source
from .model import Education, Entry, Experience, Profile

__all__ = ["parse_profile_yaml", "YAML_KEYS"]

YAML_KEYS = {"name", "headline", "location", "summary", "experience", "education", "skills",
             "certifications", "volunteering", "languages", "groups", "honors"}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise ParseError(f"expected text, found {type(value).__name__}: {str(value)[:60]}")
    return str(value).strip()


def _opt(value: Any) -> str | None:
    text = _text(value)
    return text or None


def _strings(value: Any, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.replace(",", "\n").split("\n") if v.strip()]
    if not isinstance(value, list):
        raise ParseError(f"'{key}' must be a list")
    return [_text(v) for v in value if _text(v)]


def _records(value: Any, key: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ParseError(f"'{key}' must be a list of entries (each a mapping with keys)",
                         suggestion="see docs/position.md for the YAML profile format")
    return value


def parse_profile_yaml(text: str, source: Source) -> Profile:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ParseError(f"the YAML profile does not parse: {str(exc).splitlines()[0]}",
                         source=source.url,
                         suggestion="check indentation and colons; see docs/position.md") from None
    if not isinstance(data, dict):
        raise ParseError("a YAML profile is a mapping with at least a 'name'",
                         source=source.url, suggestion="see docs/position.md")
    unknown = sorted(str(k) for k in data if k not in YAML_KEYS)
    if unknown:
        raise ParseError(f"unknown key(s) in the YAML profile: {', '.join(unknown)}",
                         source=source.url,
                         suggestion="allowed: " + ", ".join(sorted(YAML_KEYS)))
    name = _text(data.get("name"))
    if not name:
        raise ParseError("the YAML profile has no 'name'", source=source.url)
    profile = Profile(name=name, headline=_text(data.get("headline")),
                      location=_text(data.get("location")), summary=_text(data.get("summary")),
                      source=source)
    for item in _records(data.get("experience"), "experience"):
        profile.experience.append(Experience(
            title=_text(item.get("title") or item.get("role")),
            company=_text(item.get("company") or item.get("organization")),
            start=_opt(item.get("start")), end=_opt(item.get("end")),
            location=_opt(item.get("location")), description=_text(item.get("description")),
            source=source.at("experience")))
    for item in _records(data.get("education"), "education"):
        profile.education.append(Education(
            school=_text(item.get("school")), degree=_opt(item.get("degree")),
            field_of_study=_opt(item.get("field") or item.get("field_of_study")),
            start=_opt(item.get("start")), end=_opt(item.get("end")),
            source=source.at("education")))
    for item in _records(data.get("volunteering"), "volunteering"):
        profile.volunteering.append(Entry(
            text=_text(item.get("role") or item.get("text")),
            organization=_opt(item.get("organization")), source=source.at("volunteering")))
    for item in _records(data.get("groups"), "groups"):
        profile.groups.append(Entry(text=_text(item.get("name") or item.get("text")),
                                    organization=_opt(item.get("organization")),
                                    source=source.at("groups")))
    profile.skills = _strings(data.get("skills"), "skills")
    profile.certifications = _strings(data.get("certifications"), "certifications")
    profile.languages = _strings(data.get("languages"), "languages")
    profile.honors = _strings(data.get("honors"), "honors")
    from .passages import passages_from_fields

    profile.passages = passages_from_fields(profile)
    return profile
