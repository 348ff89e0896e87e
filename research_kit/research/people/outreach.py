"""Connection-note drafts that say how you are connected, and the reply to an acceptance.

The advice: never the default text. Say who you are, how you are connected or where you
met, something specific (which talk, post, group, school, employer — the note names it),
and why connecting helps; brief and courteous. A draft is built from the connection the
user recorded in target.toml (``connection`` / ``context``), the strongest commonalities
(:mod:`.commonalities`), and the role. It tries long-to-short versions and keeps the first
that fits the limit (200 characters on a free LinkedIn account, 300 on Premium) and passes
:func:`~.note_checker.check_note`; if none passes, the shortest is returned with its
problems listed, never silently "fixed". Drafts are text for the user to edit and send
themselves: nothing here sends or fetches anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...provenance import Source, table_from_rows
from ...sources.profiles.model import Profile
from ..normalize import short_company
from .commonalities import Commonality, find_commonalities, rank_key
from .interviewers import Interviewer, find_person, load_interviewers, load_me, read_target
from .note_checker import DEFAULT_LIMIT, NoteCheck, check_note

__all__ = ["NoteDraft", "OutreachSettings", "outreach_settings", "draft_connection_note",
           "draft_connect_thanks", "short_company", "connection_notes", "connection_note_for", "NOTE_COLUMNS"]

NOTE_COLUMNS = ["to", "kind", "text", "chars", "limit", "ok", "problems", "based_on"]
_PREPOSITIONS = ("at ", "on ", "about ", "in ", "from ", "during ", "for ", "with ")


@dataclass
class NoteDraft:
    to: str
    kind: str
    """"connection", "connect-thanks", "thank-you" or "coordinator-thanks"."""
    text: str
    check: NoteCheck | None = None
    based_on: list[str] = field(default_factory=list)
    """What the draft cites (a connection, a commonality, a point from your notes)."""
    source: Source | None = None

    @property
    def ok(self) -> bool:
        return self.check.ok if self.check else True

    def row(self) -> dict[str, Any]:
        return {"to": self.to, "kind": self.kind, "text": self.text, "chars": len(self.text),
                "limit": self.check.limit if self.check else None, "ok": self.ok,
                "problems": ", ".join(self.check.codes) if self.check else "",
                "based_on": "; ".join(self.based_on), "source": self.source}


@dataclass
class OutreachSettings:
    """The ``[outreach]`` table of target.toml (all optional)."""

    role: str | None = None
    """The role you are applying for, e.g. "Senior Data Engineer"."""
    limit: int = DEFAULT_LIMIT
    """200 (free LinkedIn account) or 300 (Premium)."""
    my_name: str | None = None
    company: str | None = None
    """As people say it (legal suffix dropped); ``[outreach] company`` overrides."""
    interview_date: str | None = None


def outreach_settings(workspace: Any) -> OutreachSettings:
    _, data = read_target(workspace)
    table = data.get("outreach")
    if not isinstance(table, dict):
        table = {}

    def text(value: Any) -> str | None:
        return value.strip() if isinstance(value, str) and value.strip() else None

    limit = table.get("limit", DEFAULT_LIMIT)
    company = text(table.get("company")) or text(data.get("name"))
    return OutreachSettings(
        role=text(table.get("role")), limit=limit if isinstance(limit, int) and limit > 0
        else DEFAULT_LIMIT, my_name=text(table.get("my_name")),
        company=short_company(company) if company else None,
        interview_date=text(table.get("interview_date")))


# --- sentences -------------------------------------------------------------------------

def _first(name: str | None) -> str:
    return (name or "").split()[0] if (name or "").split() else ""


def _with_prep(context: str, default: str) -> str:
    c = context.strip().rstrip(".")
    return c if c.lower().startswith(_PREPOSITIONS) else f"{default} {c}"


_VERBS = {"school": "studied at", "employer": "worked at", "volunteering": "volunteer with",
          "group": "belong to"}


def _shared_sentence(found: list[Commonality], limit: int = 2) -> tuple[str, list[str]]:
    """"We both studied at X and volunteer with Y." from the strongest commonalities that a
    note can name (schools, employers, volunteering, groups)."""
    # the best links first (rank_key: employer > school > volunteering > groups); a
    # membership alone ("we both belong to ACM") is too weak to open a note with
    usable = sorted((c for c in found if c.category in _VERBS and c.strength in
                     ("strong", "medium")), key=rank_key)[:limit]
    if not usable:
        return "", []
    phrases = [f"{_VERBS[c.category]} {_name(c)}" for c in usable]
    return "We both " + " and ".join(phrases) + ".", [f"{c.category}: {c.shared}" for c in usable]


def _name(c: Commonality) -> str:
    return short_company(c.shared) if c.category == "employer" else c.shared


def _about_me(me: Profile | None, my_name: str | None) -> tuple[str, str]:
    """("I'm Alex, a data engineer at Cascadia Grid Analytics.", "I'm Alex.")."""
    first = _first(my_name or (me.name if me else ""))
    if not first:
        return "", ""
    current = next((e for e in (me.experience if me else []) if e.title and e.company), None)
    if current:
        article = "an" if current.title[:1].lower() in "aeiou" else "a"
        return (f"I'm {first}, {article} {current.title.lower()} at {current.company}.",
                f"I'm {first}.")
    return f"I'm {first}.", f"I'm {first}."


def _reasons(person: Interviewer, settings: OutreachSettings, has_role_link: bool) -> list[str]:
    company = settings.company
    role = settings.role
    out = []
    if person.connection and person.connection.kind in ("talk", "post"):
        out.append("I'd love to hear how your team applies those ideas"
                   + (f" at {company}." if company else "."))
    if role and company and not has_role_link:
        out.append(f"I'm interviewing for the {role} role at {company} and would value "
                   "your perspective.")
    if company:
        out.append(f"I'd love to learn more about your work at {company}.")
    out += ["I'd love to compare notes.", "I'd love to stay in touch."]
    return out


def _compose(greeting: str, parts: list[str]) -> str:
    parts = [p for p in parts if p]
    if parts and parts[0].split(" ", 1)[0] in ("We", "We're", "Your", "It"):
        parts[0] = parts[0][0].lower() + parts[0][1:]  # "Hi Dana, we both …"
    return " ".join([greeting] + parts)


def draft_connection_note(person: Interviewer, me: Profile | None = None,
                          found: list[Commonality] | None = None,
                          settings: OutreachSettings | None = None,
                          limit: int | None = None) -> NoteDraft:
    """A connection note to ``person`` that names how you are connected and why."""
    settings = settings or OutreachSettings()
    limit = limit or settings.limit
    my_name = settings.my_name or (me.name if me else None)
    if found is None and me is not None:
        found = find_commonalities(me, person.profile, notes=person.notes,
                                   notes_source=person.source, company=settings.company)
    found = found or []
    greeting = f"Hi {person.first_name},"
    links, based_on = [], []
    if person.connection:
        links.append(person.connection.sentence())
        based_on.append(f"{person.connection.kind}: {person.connection.context}")
    shared, shared_basis = _shared_sentence(found)
    short_shared, short_basis = _shared_sentence(found, limit=1)
    has_role_link = bool(person.connection and person.connection.kind in ("role", "interview"))
    if not shared:  # say there is none: the note rests on the role or the connection
        based_on.append("no shared employer, school or volunteering found")
    if not links and not shared and settings.company:  # applying is a connection too
        role = f"the {settings.role} role" if settings.role else "a role"
        links.append(f"I'm applying for {role} at {settings.company}.")
        based_on.append(f"role: {settings.role or 'a role'} at {settings.company}")
        has_role_link = True
    intro_long, intro_short = _about_me(me, my_name)
    # priority when space is short: the reason, then what you share, then who you are
    # (LinkedIn shows your name and headline beside the note anyway)
    candidates = []
    for reason in _reasons(person, settings, has_role_link):
        for shared_text, basis in ((shared, shared_basis), (short_shared, short_basis), ("", [])):
            for intro in (intro_long, intro_short, ""):
                text = _compose(greeting, [intro, shared_text] + links + [reason])
                candidates.append((text, based_on + basis))
    names = tuple(n for n in (person.name, *person.name.split(), my_name or "",
                              *(my_name or "").split()) if n)
    chosen = None
    for text, basis in candidates:
        check = check_note(text, limit=limit, names=names)
        if check.ok:
            chosen = NoteDraft(person.name, "connection", text, check, basis, person.source)
            break
    if chosen is None:  # nothing passes: the shortest, with its problems shown
        text, basis = min(candidates, key=lambda c: len(c[0]))
        chosen = NoteDraft(person.name, "connection", text,
                           check_note(text, limit=limit, names=names), basis, person.source)
    return chosen


def draft_connect_thanks(person: Interviewer, my_name: str | None = None, *,
                         they_invited: bool = False, company: str | None = None) -> NoteDraft:
    """A short reply when someone accepts your invitation (or thanks them for inviting you),
    naming the connection when one is recorded."""
    opening = (f"Thank you for the invitation, {person.first_name}: happy to connect."
               if they_invited else f"Thanks for connecting, {person.first_name}!")
    middle = ""
    if person.connection:
        c = person.connection
        middle = {"talk": f"Your talk {_with_prep(c.context, 'at')} gave me a lot to think about.",
                  "post": f"Your post {_with_prep(c.context, 'on')} gave me a lot to think about.",
                  "event": f"It was good to meet {_with_prep(c.context, 'at')}."}.get(c.kind, "")
    closing = (f"I look forward to speaking with you about the role at {company}."
               if company and person.role == "interviewer" else "I look forward to keeping in touch.")
    sign = f" {_first(my_name)}" if _first(my_name) else ""
    text = " ".join(p for p in (opening, middle, closing) if p) + sign
    return NoteDraft(person.name, "connect-thanks", text, None,
                     [f"{person.connection.kind}: {person.connection.context}"]
                     if person.connection else [], person.source)


# --- workspace-level -------------------------------------------------------------------

def connection_note_for(workspace: Any, name: str, *, limit: int | None = None) -> NoteDraft:
    """The connection-note draft for one person of the workspace."""
    person = find_person(load_interviewers(workspace), name)
    return draft_connection_note(person, load_me(workspace), settings=outreach_settings(workspace),
                                 limit=limit)


def connection_notes(workspace: Any, *, limit: int | None = None):
    """A connection-note draft and a thank-you-for-connecting reply per interviewer, each
    with the checker's verdict and what it is based on (NOTE_COLUMNS + source columns)."""
    settings = outreach_settings(workspace)
    me = load_me(workspace)
    my_name = settings.my_name or (me.name if me else None)
    rows = []
    for person in load_interviewers(workspace, include_coordinator=False):
        rows.append(draft_connection_note(person, me, settings=settings, limit=limit).row())
        rows.append(draft_connect_thanks(person, my_name, company=settings.company).row())
    return table_from_rows(rows, NOTE_COLUMNS)
