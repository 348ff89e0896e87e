"""Thank-you notes after the interview: one per interviewer, each citing a point that
person made, plus one for the coordinator — and a checker for sameness and specificity.

The advice: send each interviewer a *unique* note that mentions a specific point that
person made; thank the receptionist or coordinator too.

Where the user's notes live (docs/interviewers.md): ``notes/interview-<slug>.md`` in the
workspace, one file per person (slug: "Miguel Santos" → ``miguel-santos``), written by the
user after the interview. Lines starting ``point:`` are the points to cite, else bullets,
else sentences; an optional ``date:`` line gives the interview date. A user's finished note
may be kept as ``notes/thank-you-<slug>.md``: it is checked instead of the draft.
research-kit never overwrites either file.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...provenance import Source, table_from_rows
from ...sources.profiles.model import Profile
from ..normalize import fold, skill_key, slugify
from .interviewers import Interviewer, load_interviewers, load_me, workspace_dir
from .note_checker import Problem, has_specific_reference
from .outreach import NoteDraft, OutreachSettings, outreach_settings

__all__ = ["InterviewNotes", "interview_notes_path", "thank_you_path", "read_interview_notes",
           "draft_thank_you", "draft_coordinator_thanks", "check_thank_you_notes",
           "thank_you_notes", "thank_you_check", "THANK_YOU_CODES"]

THANK_YOU_CODES = {
    "same-as-other": "this note is the same as the one to {other}: make each note unique",
    "no-specific-point": "cite a specific point {first} made in your interview "
                         "(add it to {notes_file})",
    "no-thanks": "say thank you",
    "placeholder": "replace the placeholder(s) before sending: {found}",
}
_PLACEHOLDER = re.compile(r"\[[^\]\n]{2,80}\]")
_POINT_PLACEHOLDER = re.compile(r"(?i)\[add a specific point")
_STOP = {"the", "and", "that", "this", "with", "from", "about", "they", "their", "have",
         "what", "when", "were", "will", "into", "your", "said", "mentioned", "team", "also",
         "would", "which", "there", "been", "them", "then", "than", "more", "some", "like"}


@dataclass
class InterviewNotes:
    person: str
    points: list[str] = field(default_factory=list)
    date: str | None = None
    source: Source | None = None


def interview_notes_path(workspace: Any, name: str) -> Path:
    return workspace_dir(workspace) / "notes" / f"interview-{slugify(name)}.md"


def thank_you_path(workspace: Any, name: str) -> Path:
    return workspace_dir(workspace) / "notes" / f"thank-you-{slugify(name)}.md"


_BULLET = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")


def read_interview_notes(workspace: Any, name: str) -> InterviewNotes:
    """The points from ``notes/interview-<slug>.md`` (none when the file is absent)."""
    path = interview_notes_path(workspace, name)
    notes = InterviewNotes(person=name)
    if not path.is_file():
        return notes
    text = path.read_text(encoding="utf-8", errors="replace")
    notes.source = Source.for_file(path, section="interview notes", title=path.name)
    tagged, bullets, sentences = [], [], []
    in_comment = False
    for line in text.splitlines():
        stripped = line.strip()
        if "<!--" in stripped:
            in_comment = "-->" not in stripped
            continue
        if in_comment:
            in_comment = "-->" not in stripped
            continue
        if not stripped or stripped.startswith(("#", ">")):
            continue
        m = re.match(r"(?i)^(point|date)\s*:\s*(.+)$", _BULLET.sub("", stripped))
        if m and m.group(1).lower() == "date":
            notes.date = m.group(2).strip()
        elif m:
            tagged.append(m.group(2).strip())
        elif _BULLET.match(stripped):
            bullets.append(_BULLET.sub("", stripped))
        else:
            sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", stripped) if s.strip()]
    notes.points = [p.rstrip(".") for p in (tagged or bullets or sentences)]
    return notes


# --- drafting --------------------------------------------------------------------------

_SAID = {"said": "said", "mentioned": "mentioned", "explained": "explained",
         "described": "described", "noted": "noted", "pointed out": "pointed out",
         "told me": "told me", "shared": "shared", "talked about": "talked about",
         "walked me through": "walked me through", "asked about": "asked about",
         "asked me about": "asked me about", "asked": "asked", "showed me": "showed me",
         "emphasized": "emphasized", "emphasised": "emphasised", "stressed": "stressed"}
_YOU_FORM = {"is": "are", "was": "were", "has": "have", "does": "do", "isn't": "aren't",
             "wasn't": "weren't", "doesn't": "don't", "hasn't": "haven't"}
_CLAUSE = re.compile(r"\b(is|are|was|were|will|has|have|had|plans?|wants?|uses?|needs?|"
                     r"should|can|could|would|expects?|hopes?)\b", re.I)
_LOWER_STARTS = {"the", "a", "an", "our", "their", "this", "that", "these", "those", "its",
                 "how", "why", "what", "when", "where", "which", "whether", "every", "each",
                 "all", "most", "some", "there", "it", "we", "they"}


def _lower_first(text: str) -> str:
    """"The team …" → "the team …"; "HydroView's …" stays (a name keeps its capital)."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in _LOWER_STARTS else text


def _point_phrase(point: str, first_name: str) -> str:
    """Turn a line of the user's notes into words addressed to the person:
    "He mentioned the team is moving to Kafka" → "when you mentioned the team is moving to
    Kafka"; "moving HydroView ingestion to Kafka" → "our conversation about moving …"."""
    p = point.strip().rstrip(".")
    subject = rf"(?:he|she|they|{re.escape(first_name)})"
    verbs = "|".join(sorted((re.escape(v) for v in _SAID), key=len, reverse=True))
    m = re.match(rf"(?i)^{subject}\s+({verbs})\b\s*(.*)$", p)
    if m:
        rest = re.sub(r"(?i)\b(his|her)\b", "your", m.group(2))
        return f"it when you {_SAID[m.group(1).lower()]} {rest}".strip()
    m = re.match(r"(?i)^(talked about|discussed|covered|went over|we talked about|"
                 r"we discussed)\s+(.*)$", p)
    if m:  # a line without a subject: "Talked about the Rotterdam center"
        return f"our conversation about {_lower_first(m.group(2))}"
    m = re.match(rf"(?i)^({verbs})\b\s*(.*)$", p)
    if m:  # "Mentioned the move to Kafka" (the interviewer is the implied subject)
        rest = re.sub(r"(?i)\b(his|her)\b", "your", m.group(2))
        return f"it when you {_SAID[m.group(1).lower()]} {rest}".strip()
    m = re.match(rf"(?i)^{subject}\s+(\w+)\b\s*(.*)$", p)
    if m:  # "she moved my interview …" → "how you moved my interview …"
        verb = _YOU_FORM.get(m.group(1).lower(), m.group(1))
        rest = re.sub(r"(?i)\b(his|her)\b", "your", m.group(2))
        return f"how you {verb} {rest}".strip()
    if p.lower().startswith("that "):
        return f"your point {_lower_first(p)}"
    if _CLAUSE.search(p):
        return f"hearing that {_lower_first(p)}"
    return f"our conversation about {_lower_first(p)}"


def _tie_in(point: str, me: Profile | None) -> str:
    """" It connects directly to the Kafka pipelines I build at X." when the point names one
    of your skills; otherwise nothing (no invented link)."""
    if me is None:
        return ""
    words = f" {fold(point)} "
    for skill in me.skills:
        key = skill_key(skill)
        if len(key) > 1 and f" {key} " in words:
            job = next((e for e in me.experience if e.company), None)
            where = f" at {job.company}" if job else ""
            return f" It connects directly to my own work with {skill}{where}."
    return ""


def _about_interview(settings: OutreachSettings, date: str | None, prep: str = "about") -> str:
    role = f" {prep} the {settings.role} role" if settings.role else ""
    company = f" at {settings.company}" if settings.company else ""
    when = f" on {date}" if date else ""
    return f"{when}{role}{company}"


def draft_thank_you(person: Interviewer, notes: InterviewNotes, me: Profile | None = None,
                    settings: OutreachSettings | None = None) -> NoteDraft:
    """A thank-you note to one interviewer citing the first point in your notes; without
    notes, a bracketed placeholder that the checker flags (never an invented point)."""
    settings = settings or OutreachSettings()
    my_first = (settings.my_name or (me.name if me else "") or "").split()[:1]
    first = person.first_name
    if notes.points:
        point = notes.points[0]
        specific = (f"I especially appreciated {_point_phrase(point, first)}."
                    + _tie_in(point, me))
        based_on = [f"point: {point}"]
    else:
        specific = (f"[Add a specific point {first} made: write it in "
                    f"notes/interview-{slugify(person.name)}.md]")
        based_on = []
    text = (f"Dear {first},\n\nThank you for taking the time to speak with me"
            f"{_about_interview(settings, notes.date)}. {specific}\n\n"
            "I enjoyed learning more about the team, and I'm very interested in the role. "
            "Please let me know if I can share anything else.\n\nBest regards,\n"
            + (my_first[0] if my_first else "[your name]"))
    return NoteDraft(person.name, "thank-you", text, None, based_on,
                     notes.source or person.source)


def draft_coordinator_thanks(person: Interviewer, notes: InterviewNotes,
                             me: Profile | None = None,
                             settings: OutreachSettings | None = None) -> NoteDraft:
    """A thank-you to the coordinator/receptionist; cites your note about them when there
    is one ("point: moved my interview when my flight was delayed")."""
    settings = settings or OutreachSettings()
    my_first = (settings.my_name or (me.name if me else "") or "").split()[:1]
    extra = ""
    if notes.points:
        extra = f" I especially appreciated {_point_phrase(notes.points[0], person.first_name)}."
    text = (f"Dear {person.first_name},\n\nThank you for coordinating my interviews"
            f"{_about_interview(settings, notes.date, 'for')} and for your help along the way."
            f"{extra}"
            "\n\nBest regards,\n" + (my_first[0] if my_first else "[your name]"))
    return NoteDraft(person.name, "coordinator-thanks", text, None,
                     [f"point: {notes.points[0]}"] if notes.points else [],
                     notes.source or person.source)


# --- checking --------------------------------------------------------------------------

def _content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if len(w) > 3 and w not in _STOP}


def _masked(text: str, names: list[str]) -> str:
    out = text
    for name in sorted(names, key=len, reverse=True):
        if name:
            out = re.sub(re.escape(name), "<name>", out, flags=re.I)
    return re.sub(r"\s+", " ", out).strip().lower()


def _cites_point(text: str, points: list[str]) -> bool:
    words = _content_words(text)
    for point in points:
        wanted = _content_words(point)
        if wanted and len(words & wanted) / len(wanted) >= 0.6:
            return True
    return False


_CITES = re.compile(r"(?i)\b(you (said|mentioned|explained|described|shared|noted|pointed out|"
                    r"walked me through|showed me|talked about|asked)|your point|our "
                    r"(conversation|discussion) about|hearing (that|about|how))\b")


def check_thank_you_notes(notes: list[tuple[Interviewer, str]],
                          points: dict[str, list[str]] | None = None
                          ) -> dict[str, list[Problem]]:
    """Problems per person for a set of thank-you notes: ``same-as-other`` when two notes
    are the same once names are masked (≥ 90 % alike), ``no-specific-point`` when an
    interviewer's note cites none of the points in your notes about them (or, without
    notes, names nothing specific that they said), ``no-thanks``."""
    points = points or {}
    result: dict[str, list[Problem]] = {person.name: [] for person, _ in notes}
    all_names = [n for person, _ in notes for n in (person.name, *person.name.split())]
    masked = [_masked(text, all_names) for _, text in notes]
    for i, (person, text) in enumerate(notes):
        for j, (other, _) in enumerate(notes):
            if i != j and difflib.SequenceMatcher(None, masked[i], masked[j]).ratio() >= 0.9:
                result[person.name].append(Problem(
                    "same-as-other", THANK_YOU_CODES["same-as-other"].format(other=other.name)))
                break
        if person.role == "interviewer":
            mine = points.get(person.name) or []
            cited = (_cites_point(text, mine) if mine else
                     bool(_CITES.search(text)) and has_specific_reference(
                         text, ignore_names=tuple(all_names)))
            if not cited or _POINT_PLACEHOLDER.search(text):
                result[person.name].append(Problem("no-specific-point", THANK_YOU_CODES[
                    "no-specific-point"].format(first=person.first_name,
                                                notes_file=f"notes/interview-"
                                                           f"{slugify(person.name)}.md")))
        if not re.search(r"(?i)\bthank", text):
            result[person.name].append(Problem("no-thanks", THANK_YOU_CODES["no-thanks"]))
        placeholders = _PLACEHOLDER.findall(text)
        if placeholders:
            result[person.name].append(Problem("placeholder", THANK_YOU_CODES[
                "placeholder"].format(found=", ".join(placeholders))))
    return result


# --- workspace-level -------------------------------------------------------------------

def thank_you_notes(workspace: Any):
    """One thank-you note per interviewer and one for the coordinator: your own text from
    ``notes/thank-you-<slug>.md`` when you wrote one, else a draft; each checked against
    the others (NOTE_COLUMNS + source columns; ``kind`` says draft or yours)."""
    from .outreach import NOTE_COLUMNS

    settings = outreach_settings(workspace)
    me = load_me(workspace)
    drafts, points = [], {}
    for person in load_interviewers(workspace):
        notes = read_interview_notes(workspace, person.name)
        points[person.name] = notes.points
        draft = (draft_coordinator_thanks if person.role == "coordinator" else
                 draft_thank_you)(person, notes, me, settings)
        own = thank_you_path(workspace, person.name)
        if own.is_file():
            draft.text = own.read_text(encoding="utf-8", errors="replace").strip()
            draft.kind += " (yours)"
            draft.source = Source.for_file(own, title=own.name)
        drafts.append((person, draft))
    problems = check_thank_you_notes([(p, d.text) for p, d in drafts], points)
    rows = []
    for person, draft in drafts:
        row = draft.row()
        row.update(limit=None, ok=not problems[person.name],
                   problems=", ".join(p.code for p in problems[person.name]))
        rows.append(row)
    return table_from_rows(rows, NOTE_COLUMNS)


def thank_you_check(workspace: Any):
    """The checker's findings for the workspace's thank-you notes, one row per problem
    (columns to, code, message; empty when every note is unique and specific)."""
    table = thank_you_notes(workspace)
    rows = []
    points = {p.name: read_interview_notes(workspace, p.name).points
              for p in load_interviewers(workspace)}
    people = load_interviewers(workspace)
    found = check_thank_you_notes(
        [(p, t) for p, t in zip(people, table["text"].tolist())], points)
    for person in people:
        for problem in found[person.name]:
            rows.append({"to": person.name, "code": problem.code, "message": problem.message,
                         "source": person.source})
    return table_from_rows(rows, ["to", "code", "message"])
