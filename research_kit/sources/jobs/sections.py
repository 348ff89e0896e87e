"""Split a posting's lines into sections and sort each section into a kind.

Headings vary a lot ("What you'll bring", "Minimum qualifications", "Bonus points", "You
might be a fit if…"), so a heading is classified by the phrases it contains (tables below,
checked in order). Qualification headings that do not say whether they are a must or a plus
("What you bring", "About you", "Qualifications") count as *required*, unless the posting
also has an explicit minimum/required section: then they are the preferred list (as in "You'll
be a great addition if you have … / At a minimum you need …").

A bullet inside a required list that itself says it is optional ("… is a plus",
"(preferred)", "nice to have") is filed as preferred.
"""

from __future__ import annotations

import re

from .blocks import Line
from .model import JobSection

__all__ = ["classify_heading", "split_sections", "is_heading", "bullet_is_optional"]

# (kind, pattern) — first match wins; patterns run on the lower-cased heading with curly
# apostrophes straightened.
_HEADING_RULES: list[tuple[str, str]] = [
    ("other", r"equal (employment )?opportunit|\beeo\b|privacy|accommodation|how to apply|"
              r"application process|recruitment fraud|disclaimer|e-?verify|background check"),
    ("preferred", r"prefer|nice[- ]to[- ]have|nice to haves|bonus|\bplus(es)?\b|extra credit|"
                  r"desir(ed|able)|\bideal(ly)?\b(?! candidate)|good to have|would be (great|"
                  r"nice|awesome)|even better|stand out|sets? you apart|additional "
                  r"(qualifications|skills)|not required|optional|it'?s a bonus|great to have|"
                  r"we'?d love (it )?if|brownie points|delight us"),
    ("required", r"minimum|basic qualifications|\brequired\b|\brequirements?\b|must[- ]haves?|"
                 r"must have|essential|mandatory|what you need|what you'?ll need|what we require|"
                 r"you must|at a minimum|baseline|non-negotiable|key (skills|criteria)|"
                 r"selection criteria|prerequisites?"),
    ("qualifications", r"qualification|what you('ll| will)? bring|you bring|about you|"
                       r"who you are|you have|you are|you'?re|your (background|profile|skills|"
                       r"experience|expertise|toolkit)|skills|experience|ideal candidate|"
                       r"looking for|we seek|we'?re seeking|to be successful|fit if|a fit|"
                       r"great addition|thrive|competenc|what it takes|what we expect|"
                       r"knowledge|expertise|education|background|the person|candidate profile|"
                       r"your strengths|what makes you|you should have|do you have|"
                       r"you might be|you may be|you'?ll have|you will have|attributes"),
    ("benefits", r"benefit|perk|what we offer|we offer|our offer|what you('ll| will)? get|"
                 r"compensation|salary|\bpay\b|total rewards|why (join|work)|why you'?ll love|"
                 r"what'?s in it for you|what you can expect|life at|working (here|at|with us)|"
                 r"our culture|rewards|package|wellbeing|well-being"),
    ("responsibilities", r"responsibilit|what you('ll| will)( actually)? do|what you('ll| will) "
                         r"be doing|your role|the role involves|role involves|duties|day[- ]to"
                         r"[- ]day|your impact|impact you|you will|you'?ll|in this role|"
                         r"your mission|what you('ll| will) work on|key (tasks|activities|"
                         r"accountabilities)|accountabilit|tasks|how you('ll| will) contribute|"
                         r"the job involves|job duties|what the job|your day|the work|"
                         r"your (job|work|tasks)|you('ll| will) be"),
    ("role", r"about (the|this) (role|position|job|opportunity)"),
    ("about", r"about (us|the company|the team|our|[a-z0-9]+$)|who we are|our (company|"
              r"mission|story|team|values)|company (description|overview)|about [a-z]|"
              r"the company|the team|our vision|mission"),
    ("role", r"the role|the position|the job|the opportunity|role (overview|summary|"
             r"description)|job (description|summary|overview|purpose)|position (summary|"
             r"overview)|overview|summary|description"),
]
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in _HEADING_RULES]
_OPTIONAL_BULLET = re.compile(
    r"(\(\s*(strongly )?(preferred|desired|desirable|nice to have|a plus|optional|bonus)\s*\)"
    r"|\b(is|are|would be|will be)?\s*(a|an)?\s*(strong |big |huge |definite |distinct )?"
    r"(plus|bonus|advantage|asset)\W*$|\b(strongly )?preferred\W*$|\bnice to have\W*$"
    r"|\bdesirable\W*$|\bdesired\W*$|\bideally\b)", re.I)


def classify_heading(text: str) -> str | None:
    """The kind a heading introduces, "qualifications" when it does not say which, or None."""
    t = text.lower().replace("\u2019", "'").replace("\u2018", "'").strip(" :.-\u2013\u2014")
    for kind, pattern in _COMPILED:
        if pattern.search(t):
            return kind
    return None


def bullet_is_optional(text: str) -> bool:
    return bool(_OPTIONAL_BULLET.search(text))


def is_heading(line: Line, next_line: Line | None = None) -> bool:
    """Whether a line introduces a section (see module docstring)."""
    text = line.text.strip()
    words = len(text.split())
    if not text or words > 16 or len(text) > 120:
        return False
    if line.kind == "heading":
        return True
    ends_colon = text.endswith(":")
    if line.kind == "bullet":
        # an all-bold bullet ending in ":" is a sub-heading inside a list ("Extra Credit:")
        return line.strong and ends_colon and words <= 6
    if ends_colon and words <= 14:
        return True
    if text[-1:] in ".!?;," and not text.endswith("?") or re.search(r"\.\s", text):
        return False
    known = classify_heading(text) is not None
    if line.strong and words <= 10:
        return True
    if words <= 6 and known and (text.isupper() or text.istitle() or _title_like(text)):
        return True
    if next_line is not None and next_line.kind == "bullet" and words <= 10:
        return True  # a short line introducing a list
    if words <= 4 and known and line.gap_before:
        return True
    return False


def _title_like(text: str) -> bool:
    """Every word longer than three letters capitalised ("What We Offer", "About Us")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def split_sections(lines: list[Line]) -> list[JobSection]:
    """Group lines under their headings and classify each section."""
    sections: list[JobSection] = [JobSection("about", "")]
    parent_kind: str | None = None
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if is_heading(line, nxt):
            heading = line.text.strip().rstrip(":").strip()
            kind = classify_heading(heading)
            in_list = line.kind == "bullet"
            if kind is None:
                if in_list and parent_kind:
                    kind = parent_kind
                elif len(heading.split()) > 10 and line.kind != "heading":
                    # a long bold intro sentence, not a heading: keep it as text
                    _add_text(sections[-1], line)
                    continue
                else:
                    kind = "other"
            if not in_list:
                parent_kind = kind
            sections.append(JobSection(kind, heading))
            continue
        _add_text(sections[-1], line)
    sections = [s for s in sections if s.bullets or s.paragraphs or s.heading]
    _resolve_qualifications(sections)
    _file_optional_bullets(sections)
    return [s for s in sections if s.bullets or s.paragraphs]


def _add_text(section: JobSection, line: Line) -> None:
    if line.kind == "bullet":
        section.bullets.append(line.text)
    else:
        section.paragraphs.append(line.text)


def _resolve_qualifications(sections: list[JobSection]) -> None:
    explicit_required = any(s.kind == "required" and s.items for s in sections)
    for section in sections:
        if section.kind == "qualifications":
            section.kind = "preferred" if explicit_required else "required"


def _file_optional_bullets(sections: list[JobSection]) -> None:
    """Move "… is a plus" bullets of a required list into a preferred section after it."""
    out: list[JobSection] = []
    for section in sections:
        out.append(section)
        if section.kind != "required" or not section.bullets:
            continue
        optional = [b for b in section.bullets if bullet_is_optional(b)]
        if optional and len(optional) < len(section.bullets):
            section.bullets = [b for b in section.bullets if b not in optional]
            out.append(JobSection("preferred", section.heading, bullets=optional))
    sections[:] = out
