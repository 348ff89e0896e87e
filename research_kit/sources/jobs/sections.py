"""Split a posting's lines into sections and give each section its kind.

Lines are grouped under their headings (:mod:`.headings` says which lines are headings and
what each introduces). Postings nest their headings, so an unclassified heading takes the
kind of the heading it sits under:

* a higher-level heading (``<h2>`` "Key Responsibilities" over bold "Events & Programs"),
* an empty heading directly followed by others ("Your Impact" then "Creative Leadership
  & Collaboration", all bold paragraphs),
* a bold list item that only labels a nested list ("Content Creation & Copywriting").

Then a few rules over the whole posting, each covering one shape seen in real postings
(their docstrings say which): the tier of soft qualification headings, prose lead-ins,
duties under a misleading heading, benefit lines inside a requirement list, and duties
written as one paragraph. Optional wording inside a required list ("… is a plus") is left
in place — :func:`~.features.optional_wording` flags it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import Line
from .headings import (
    classify_heading,
    is_heading,
    is_minimum_heading,
    is_soft_heading,
    title_like,
)
from .model import JobSection

__all__ = ["split_sections", "classify_heading", "is_heading", "bullet_reads_as_duty",
           "is_benefit_line", "sentences"]



@dataclass
class _Container:
    rank: int
    kind: str
    grouping: bool
    """The heading had no text of its own: the headings right after it are its parts."""


def split_sections(lines: list[Line]) -> list[JobSection]:
    """Group lines under their headings and classify each section (see module docstring)."""
    sections, inherited = _outline(lines)
    for section in sections:
        # a sub-heading takes its parent's kind for the list it introduces; prose under an
        # unknown sub-heading ("Location: Remote (US)" under "What you'll do") is not one
        if id(section) in inherited and not section.bullets:
            section.kind = "other"
    _prose_before_its_list(sections)
    _duties_under_vague_heading(sections)
    _resolve_qualifications(sections)
    _benefit_lines_out_of_requirements(sections)
    _duties_in_one_paragraph(sections)
    return [s for s in sections if s.bullets or s.paragraphs]


def _outline(lines: list[Line]) -> tuple[list[JobSection], set[int]]:
    """Sections in posting order, and the ids of those whose kind came from a parent."""
    sections: list[JobSection] = [JobSection("about", "")]
    inherited: set[int] = set()
    containers: list[_Container] = []
    list_kind: str | None = None  # the kind of the section the current list started in
    previous: Line | None = None
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.kind == "bullet" and (previous is None or previous.kind != "bullet"):
            list_kind = sections[-1].kind
        previous = line
        if _is_group_label(line, nxt):
            kind = classify_heading(line.text)
            if kind not in ("required", "preferred"):
                kind = list_kind or sections[-1].kind
            sections.append(JobSection(kind, line.text.strip().rstrip(":").strip()))
            continue
        if not is_heading(line, nxt):
            _add_text(sections[-1], line)
            continue
        heading = line.text.strip().rstrip(":").strip()
        kind = classify_heading(heading)
        if line.kind == "bullet":  # a sub-heading inside a list ("Baseline:", "Extra Credit:")
            sections.append(JobSection(kind or list_kind or sections[-1].kind, heading))
            continue
        if kind is None and len(heading.split()) > 10 and line.kind != "heading":
            _add_text(sections[-1], line)  # a long bold intro sentence, not a heading
            continue
        rank = line.rank or 7
        containers = [c for c in containers if c.rank < rank
                      or (c.rank == rank and kind is None and c.grouping)]
        section = JobSection(kind or (containers[-1].kind if containers else "other"), heading)
        if kind is None and containers:
            inherited.add(id(section))
        grouping = nxt is not None and is_heading(nxt, lines[i + 2] if i + 2 < len(lines)
                                                 else None) and nxt.kind != "bullet"
        if rank < 7 or grouping:
            containers.append(_Container(rank, section.kind, grouping))
        sections.append(section)
    return sections, inherited


def _is_group_label(line: Line, nxt: Line | None) -> bool:
    """A bold list item that only names the nested list under it ("Webinar Management").

    Shape: nested lists whose parent is a label, not an item: all bold in HTML; in plain
    text (no bold) a short title-case line. A parent with its own words after a bold label
    ("Technical Acumen: Our product is complex …") stays an item.
    """
    text = line.text.strip()
    if not (line.kind == "bullet" and nxt is not None and nxt.kind == "bullet"
            and nxt.level > line.level and text[-1:] not in ".;!?"):
        return False
    words = len(text.split())
    return (line.strong and words <= 8) or (words <= 6 and title_like(text))


def _add_text(section: JobSection, line: Line) -> None:
    if line.kind == "bullet":
        section.bullets.append(line.text)
    else:
        section.paragraphs.append(line.text)


def _prose_before_its_list(sections: list[JobSection]) -> None:
    """Prose that introduces a list of the same kind is not itself an item.

    Shape: "Your role" paragraphs, then a lead-in "In this position you will:" with the duty
    bullets; "Who We're Looking For" prose, then "What You'll Bring" bullets. The prose stays
    in the posting as the role's description. Only prose (sentences, not one short item per
    line) and only before a list of the very same kind: a "Requirements" block written as
    short lines before a "Nice to have" list keeps its lines as items.
    """
    filled = [s for s in sections if s.bullets or s.paragraphs]
    for section, after in zip(filled, filled[1:], strict=False):
        if (not section.bullets and section.kind in ("qualifications", "responsibilities")
                and after.bullets and after.kind == section.kind
                and _is_prose(section.paragraphs)):
            section.kind = "role"


def _is_prose(paragraphs: list[str]) -> bool:
    """Running sentences: a paragraph of 20+ words or of two sentences or more."""
    return any(len(p.split()) >= 20 or len(sentences(p)) >= 2 for p in paragraphs)


_DUTY_VERBS = frozenset("""
act administer advise advocate analyse analyze answer architect assemble assess assist
audit automate budget build care champion clean close coach collaborate communicate conduct
configure consult contribute coordinate create debug define deliver deploy design develop
diagnose document draft drive edit educate engage ensure establish evaluate execute
facilitate forecast generate guide handle help identify implement improve inspect install
instruct integrate investigate launch lead maintain manage measure mentor model monitor
negotiate obtain operate optimise optimize organise organize oversee own participate partner
perform plan prepare present prioritise prioritize process produce prospect provide publish
recruit repair report represent research resolve respond review run scale schedule sell
serve set shape share ship source support teach test track train translate treat
troubleshoot use work write
""".split())
_LABEL = re.compile(r"^[^:]{1,40}:\s+")


def bullet_reads_as_duty(text: str) -> bool:
    """The bullet starts with an imperative duty verb, after any "Label:" ("Deliver Virtual
    Care: Provide remote video consultations …")."""
    body = _LABEL.sub("", text.strip(), count=1)
    first = re.match(r"[A-Za-z]+", body)
    return first is not None and first.group(0).lower() in _DUTY_VERBS


def _duties_under_vague_heading(sections: list[JobSection]) -> None:
    """A list under a vague qualification heading that reads as duties is the duties list.

    Shape: misleading heading — the duties of a posting with no duties section are headed
    "Skills" ("Deliver Virtual Care: Provide …", "Create Impactful Care Plans: Use …").
    Only when no section is headed as duties, only under a heading that does not say
    required/preferred, only when two thirds of the bullets start with a duty verb, and only
    when another list holds the qualifications (a posting's only list stays its
    requirements).
    """
    if any(s.kind == "responsibilities" and s.bullets for s in sections):
        return
    for section in sections:
        bullets = section.bullets
        others = any(o is not section and o.bullets and o.kind in ("required", "preferred",
                                                                  "qualifications")
                     for o in sections)
        if section.kind == "qualifications" and len(bullets) >= 3 and others and \
                sum(bullet_reads_as_duty(b) for b in bullets) * 3 >= 2 * len(bullets):
            section.kind = "responsibilities"
            return


def _resolve_qualifications(sections: list[JobSection]) -> None:
    """The tier of a qualification list whose heading does not say must or plus.

    Shapes: "You'll be a great addition if you have" before "At a minimum, you need to
    have"; "Ideal Candidates" after "Required Skill & Experience" — an inviting heading
    beside an explicit required list is the preferred list, and alone (the only
    qualification list: the Sorcerer intern) the required one. A neutral heading
    ("Qualifications", "What you'll bring", "Education/Experience") is required, unless the
    posting names a floor ("Minimum qualifications", "Must-haves"): then it lists more than
    the minimum. A "Physical Requirements" block is required, and no floor.
    """
    explicit_required = any(s.kind == "required" and s.items for s in sections)
    floor = any(s.kind == "required" and s.items and is_minimum_heading(s.heading)
                for s in sections)
    for section in sections:
        if section.kind == "qualifications":
            beyond = explicit_required if is_soft_heading(section.heading) else floor
            section.kind = "preferred" if beyond else "required"


_BENEFIT = re.compile(
    r"\b(health|medical|dental|vision|life|disability) (insurance|coverage|benefits?|plans?)\b"
    r"|\b401\s*\(?k\)?|\bpaid (time off|holidays?|leave|vacation)\b|\bpto\b"
    r"|\b(parental|maternity|paternity) leave\b|\bstock options\b|\bequity (package|grant)"
    r"|\b(salary|pay|compensation|wage) (range|band)\b|\bbase salary\b"
    r"|\bequal (employment )?opportunit|\bunlimited (vacation|pto)\b"
    r"|\b(wellness|learning|education) (stipend|allowance|budget)\b|\bgym membership"
    r"|\bcommuter benefits\b|\bretirement (plan|savings)\b|\bpension\b", re.I)
_ASKS = re.compile(
    r"\b(experience[ds]?|ability|able to|knowledge|degree|years?|proficien\w*|familiar\w*|"
    r"skills?|must|required|understanding|background|certifi\w*|licen[cs]\w*|expertise|"
    r"track record|comfortable|strong)\b", re.I)


def is_benefit_line(text: str) -> bool:
    """A line that offers (insurance, PTO, 401(k), a salary range, EEO) and asks nothing."""
    return bool(_BENEFIT.search(text or "")) and not _ASKS.search(text or "")


def _benefit_lines_out_of_requirements(sections: list[JobSection]) -> None:
    """Benefit, salary and EEO lines never count as requirements.

    Shape: a benefits block whose heading was not recognised ("Insurance Benefits - Medical
    Insurance …" lines under the requirements). Each such line moves to a benefits section
    right after; requirement lines around it stay where they are.
    """
    out: list[JobSection] = []
    for section in sections:
        out.append(section)
        if section.kind not in ("required", "preferred"):
            continue
        moved = [t for t in section.items if is_benefit_line(t)]
        if not moved:
            continue
        if section.bullets:
            section.bullets = [b for b in section.bullets if b not in moved]
        else:
            section.paragraphs = [p for p in section.paragraphs if p not in moved]
        out.append(JobSection("benefits", section.heading, paragraphs=moved))
    sections[:] = out


_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|vs|inc|ltd|co|sr|jr|dr|mr|mrs|ms|st|no|u\.s|"
                           r"approx|incl)\.$", re.I)


def sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, verbatim (not split after "e.g.", "Inc.", "U.S." …)."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"\u201c(])", paragraph.strip())
    out: list[str] = []
    for part in parts:
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return [p for p in out if p]


# "This role is an opportunity to …", "This is an exciting opportunity …": a pitch, not a duty
_PITCH = re.compile(r"^this (role|position|job)? ?is (an?|the) (\w+ )?opportunity\b|"
                    r"\byou won'?t find\b", re.I)


def _duties_in_one_paragraph(sections: list[JobSection]) -> None:
    """Duties written as one prose paragraph are listed sentence by sentence.

    Shape: responsibilities only as prose ("Scope of Role & Responsibilities" followed by
    "Journey Guides … lead online classes … They are responsible for …"). Only for a
    duties section that is a single paragraph (line-per-duty text keeps its lines); a
    sentence that sells the role ("This role is an opportunity to …") is not a duty.
    """
    out: list[JobSection] = []
    for section in sections:
        out.append(section)
        if section.kind != "responsibilities" or section.bullets or len(section.paragraphs) != 1:
            continue
        parts = sentences(section.paragraphs[0])
        duties = [p for p in parts if not _PITCH.search(p.replace("\u2019", "'"))]
        if len(parts) > 1 and duties:
            section.paragraphs = duties
            pitch = [p for p in parts if p not in duties]
            if pitch:
                out.append(JobSection("role", section.heading, paragraphs=pitch))
    sections[:] = out
