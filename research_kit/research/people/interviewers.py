"""Interviewers: who they are, how you are connected, and a card for each.

They come from the workspace's ``target.toml`` (see docs/interviewers.md for every key):
``[[interviewers]]`` tables with a name, a title, free ``notes``, an optional ``profile``
(a LinkedIn "Save to PDF" export or resume the user saved), optional typed facts (schools,
employers, …) and optional ``connection``/``context`` saying how the user is connected;
plus a ``[coordinator]`` table. LinkedIn is never fetched: everything here is what the
user brought. Nothing about a person leaves the machine (no network calls in this module).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...display import Panel
from ...errors import InterviewerNotFoundError, ResearchKitError, WorkspaceError
from ...provenance import Source, table_from_rows
from ...sources.profiles.model import Education, Entry, Experience, Profile
from ..normalize import fold, person_key

__all__ = [
    "CONNECTION_KINDS", "Connection", "Interviewer", "read_target", "workspace_dir",
    "load_me", "load_interviewers", "find_person", "match_site_people", "people_by_title",
    "interviewers_table", "interviewer_card", "interviewer_cards", "Cards",
]

# kind → how a note says it; {context} is the user's own words (which event, post, group …)
CONNECTION_KINDS: dict[str, str] = {
    "event": "We met {context}",
    "talk": "I heard your talk {context}",
    "post": "I read your post {context}",
    "role": "I'm applying for {context}",
    "interview": "I'm interviewing with you for {context}",
    "group": "We're both members of {context}",
    "school": "We both studied at {context}",
    "employer": "We both worked at {context}",
    "volunteering": "We both volunteer with {context}",
    "referral": "{context} suggested I reach out",
}
_KIND_SYNONYMS = {"met": "event", "conference": "event", "meetup": "event", "article": "post",
                  "blog": "post", "job": "role", "application": "role", "alumni": "school",
                  "colleague": "employer", "former colleague": "employer",
                  "volunteer": "volunteering", "introduction": "referral", "intro": "referral"}
_TYPED_LISTS = ("schools", "employers", "skills", "volunteering", "groups", "languages",
                "certifications")


@dataclass
class Connection:
    """How the user is connected to a person, in the user's words."""

    kind: str
    context: str
    url: str | None = None

    def sentence(self) -> str:
        """The connection as a sentence that names it: "I heard your talk at PyData …"."""
        c = self.context.strip().rstrip(".")
        if self.kind in ("talk", "event"):
            c = _with_prep(c, "at")
        elif self.kind == "post":
            c = _with_prep(c, "on")
        elif self.kind in ("role", "interview"):
            c = c if re.match(r"(?i)(the|a|an|your) ", c) else f"the {c}"
            if not re.search(r"(?i)\b(role|position|job|opening)\b", c):
                c += " role"
        return CONNECTION_KINDS[self.kind].format(context=c) + "."


_PREPOSITIONS = ("at ", "on ", "about ", "in ", "from ", "during ", "for ", "with ")


def _with_prep(context: str, default: str) -> str:
    return context if context.lower().startswith(_PREPOSITIONS) else f"{default} {context}"


@dataclass
class Interviewer:
    name: str
    title: str = ""
    role: str = "interviewer"
    """"interviewer" or "coordinator"."""
    notes: str = ""
    profile_file: str | None = None
    """As written in target.toml (relative to the workspace)."""
    connection: Connection | None = None
    profile: Profile = field(default_factory=lambda: Profile(name=""))
    profile_status: str = "notes only"
    """"loaded", "notes only", "loaded with problems: …" or why the file could not be
    used ("could not read …", "could not be used: no name found; no roles found")."""
    source: Source | None = None

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.split() else self.name


# --- the workspace file ----------------------------------------------------------------

def workspace_dir(workspace: Any) -> Path:
    """A workspace folder from a path to it, to its target.toml, or an object with .path."""
    for attr in ("path", "root", "directory"):
        if not isinstance(workspace, (str, os.PathLike)) and hasattr(workspace, attr):
            workspace = getattr(workspace, attr)
            break
    path = Path(workspace).expanduser()
    return path.parent if path.name == "target.toml" else path


def read_target(workspace: Any) -> tuple[Path, dict[str, Any]]:
    """(path of target.toml, its parsed tables). Raises WorkspaceError when missing/broken."""
    path = workspace_dir(workspace) / "target.toml"
    if not path.is_file():
        raise WorkspaceError(f"no target.toml in {path.parent}", path=str(path),
                             suggestion="create one with `research-kit new` or pass the "
                                        "workspace folder that holds target.toml")
    try:
        with path.open("rb") as fh:
            return path, tomllib.load(fh)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise WorkspaceError(f"target.toml is not valid TOML: {exc}", path=str(path),
                             suggestion="fix the line named above (strings need quotes; "
                                        "[[interviewers]] starts each person)") from exc


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def _connection(table: dict[str, Any], path: Path, name: str) -> Connection | None:
    kind = _text(table.get("connection") or table.get("met")).lower()
    context = _text(table.get("context"))
    if not kind and not context:
        return None
    kind = _KIND_SYNONYMS.get(kind, kind)
    if kind not in CONNECTION_KINDS:
        raise WorkspaceError(
            f"{name}: connection = {kind!r} is not a known kind", path=str(path),
            suggestion="use one of: " + ", ".join(CONNECTION_KINDS) + " (docs/interviewers.md)")
    if not context:
        raise WorkspaceError(f"{name}: connection = {kind!r} needs a context (which event, "
                             "post, group …)", path=str(path),
                             suggestion='add e.g. context = "PyData Portland 2025"')
    return Connection(kind, context, _text(table.get("context_url")) or None)


def _profile_from_file(ws: Path, relative: str) -> tuple[Profile | None, str]:
    path = (ws / relative).expanduser()
    if not path.is_file():
        return None, f"file not found: {relative}"
    try:
        from ...sources.profiles import load_profile
    except ImportError:
        return None, "profile parser not installed in this version"
    try:
        profile = load_profile(path)
    except ResearchKitError as exc:
        return None, f"could not read {relative}: {exc.message}"
    from ...sources.profiles.quality import profile_problems, unusable

    problems = profile_problems(profile)
    if unusable(problems):  # a misread export: say so by name rather than compare with it
        return None, f"could not be used: {'; '.join(problems)}"
    if problems:
        return profile, f"loaded with problems: {'; '.join(problems)}"
    return profile, "loaded"


def _build_profile(ws: Path, path: Path, table: dict[str, Any], role: str) -> Interviewer:
    name = _text(table.get("name"))
    if not name:
        raise WorkspaceError(f"an [[interviewers]] / [coordinator] table in {path.name} has "
                             "no name", path=str(path), suggestion='add name = "First Last"')
    source = Source.for_file(path, section=f"{role}: {name}", title=f"target.toml — {name}")
    profile_file = _text(table.get("profile")) or None
    profile, status = (None, "notes only")
    if profile_file:
        profile, status = _profile_from_file(ws, profile_file)
    if profile is None:
        profile = Profile(name=name, source=source)
    profile.name = profile.name or name
    title = _text(table.get("title"))
    profile.headline = profile.headline or title
    profile.location = profile.location or _text(table.get("location"))
    # typed facts add to what a file gave; each keeps target.toml as its source
    for school in _list(table.get("schools")):
        profile.education.append(Education(school=school, source=source))
    for employer in _list(table.get("employers")):
        profile.experience.append(Experience(title="", company=employer, source=source))
    for org in _list(table.get("volunteering")):
        profile.volunteering.append(Entry(text=org, organization=org, source=source))
    for org in _list(table.get("groups")):
        profile.groups.append(Entry(text=org, organization=org, source=source))
    profile.skills.extend(_list(table.get("skills")))
    profile.languages.extend(_list(table.get("languages")))
    profile.certifications.extend(_list(table.get("certifications")))
    return Interviewer(name=name, title=title, role=role, notes=_text(table.get("notes")),
                       profile_file=profile_file, connection=_connection(table, path, name),
                       profile=profile, profile_status=status, source=source)


def load_interviewers(workspace: Any, *, include_coordinator: bool = True) -> list[Interviewer]:
    """Everyone in target.toml: the ``[[interviewers]]`` in order, then the coordinator."""
    path, data = read_target(workspace)
    ws = path.parent
    tables = data.get("interviewers") or []
    if isinstance(tables, dict):
        tables = [tables]
    if not isinstance(tables, list):
        raise WorkspaceError("interviewers must be [[interviewers]] tables", path=str(path),
                             suggestion="write each person as an [[interviewers]] table")
    people = [_build_profile(ws, path, t, "interviewer") for t in tables if isinstance(t, dict)]
    coordinator = data.get("coordinator")
    if include_coordinator and isinstance(coordinator, dict) and _text(coordinator.get("name")):
        people.append(_build_profile(ws, path, coordinator, "coordinator"))
    return people


def load_me(workspace: Any) -> Profile | None:
    """The user's own profile (``me = "..."`` in target.toml), or None when not given or
    not readable; ``[me]`` as a table of typed facts works too."""
    path, data = read_target(workspace)
    me = data.get("me")
    if isinstance(me, dict):
        return _build_profile(path.parent, path, me, "me").profile
    if isinstance(me, str) and me.strip():
        profile, _status = _profile_from_file(path.parent, me.strip())
        return profile
    return None


def find_person(people: Iterable[Interviewer], name: str) -> Interviewer:
    """The person called ``name`` (case, accents, middle names and initials ignored)."""
    people = list(people)
    wanted = person_key(name)
    for person in people:
        if person_key(person.name) == wanted:
            return person
    for person in people:  # "Miguel" alone, or "Santos"
        key = person_key(person.name)
        if wanted and set(wanted) <= set(key):
            return person
    raise InterviewerNotFoundError(f"no interviewer or coordinator named {name!r}",
                                   candidates=[p.name for p in people])


# --- matching to the company's website -------------------------------------------------

_SITE_COLUMNS = ["name", "title", "match", "site_name", "site_title", "site_url"]


def _name_match(ours: tuple[str, ...], theirs: tuple[str, ...]) -> str:
    if not ours or not theirs:
        return ""
    if ours == theirs:
        return "exact"
    if ours[0] == theirs[0] and ours[-1] == theirs[-1]:
        return "likely"  # middle names differ or one side has them
    if ours[-1] == theirs[-1] and ours[0][0] == theirs[0][0]:
        return "possible"  # same surname and initial: "Mike" / "Michael"
    return ""


def match_site_people(people: Iterable[Interviewer], site_people) -> Any:
    """For each person, the best match in the website's people table (columns name, title,
    url + source columns). ``match`` is "exact", "likely" (middle names differ),
    "possible" (same surname and first initial — check it) or "" (not on the site)."""
    rows = []
    records = [] if site_people is None else site_people.to_dict("records")
    rank = {"exact": 3, "likely": 2, "possible": 1, "": 0}
    for person in people:
        ours = person_key(person.name)
        best, best_kind = None, ""
        for record in records:
            kind = _name_match(ours, person_key(str(record.get("name") or "")))
            if rank[kind] > rank[best_kind]:
                best, best_kind = record, kind
        row = {"name": person.name, "title": person.title, "match": best_kind,
               "site_name": None, "site_title": None, "site_url": None}
        if best is not None:
            row.update(site_name=best.get("name"), site_title=best.get("title"),
                       site_url=best.get("url"),
                       source_url=best.get("source_url"), retrieved_at=best.get("retrieved_at"),
                       section=best.get("section"), from_cache=best.get("from_cache"))
        rows.append(row)
    return table_from_rows(rows, _SITE_COLUMNS)


def people_by_title(site_people, *words: str):
    """Without names: the site's people whose title contains all ``words`` (e.g. "data",
    "engineering"), matched on whole words, case- and accent-insensitive."""
    wanted = [fold(w) for w in words if fold(w)]
    if site_people is None or site_people.empty or not wanted:
        return site_people.iloc[0:0] if site_people is not None else None
    titles = site_people["title"].fillna("").map(lambda t: f" {fold(t)} ")
    mask = titles.map(lambda t: all(f" {w} " in t for w in wanted))
    return site_people[mask].reset_index(drop=True)


# --- tables and cards ------------------------------------------------------------------

_TABLE_COLUMNS = ["name", "role", "title", "connection", "context", "profile_file",
                  "profile_status", "notes", "site_match", "site_title", "site_url"]


def interviewers_table(workspace: Any, people=None):
    """One row per person in target.toml, with how you are connected, whether their profile
    file was read, and their match on the company's site (``people``: the website's people
    table, optional). Source columns point at target.toml."""
    interviewers = load_interviewers(workspace)
    matches = match_site_people(interviewers, people).to_dict("records")
    rows = []
    for person, match in zip(interviewers, matches):
        rows.append({
            "name": person.name, "role": person.role, "title": person.title,
            "connection": person.connection.kind if person.connection else None,
            "context": person.connection.context if person.connection else None,
            "profile_file": person.profile_file, "profile_status": person.profile_status,
            "notes": person.notes, "site_match": match["match"] or None,
            "site_title": match["site_title"], "site_url": match["site_url"],
            "source": person.source})
    return table_from_rows(rows, _TABLE_COLUMNS)


def interviewer_card(workspace: Any, name: str, people=None) -> Panel:
    """A profile card: title, how you are connected, what their profile says, your notes,
    where they appear on the company's site."""
    person = find_person(load_interviewers(workspace), name)
    profile = person.profile
    src = person.source.url if person.source else None
    panel = Panel(f"{person.name} — {person.title or person.role}")
    panel.add("role", person.role, src)
    if person.connection:
        panel.add("how you are connected", person.connection.sentence(), src)
    panel.add("profile", f"{person.profile_file or '—'} ({person.profile_status})", src)
    file_src = profile.source.url if profile.source else src
    for label, value in (("headline", profile.headline), ("location", profile.location),
                         ("employers", profile.employers), ("schools", profile.schools),
                         ("volunteering", [v.organization or v.text for v in profile.volunteering]),
                         ("groups", [g.organization or g.text for g in profile.groups]),
                         ("skills", profile.skills[:12]), ("languages", profile.languages),
                         ("certifications", profile.certifications)):
        if value:
            panel.add(label, value, file_src)
    if person.notes:
        panel.add("your notes", person.notes, src)
    if people is not None:
        match = match_site_people([person], people).iloc[0]
        if match["match"]:
            panel.add(f"on the company site ({match['match']} match)",
                      match["site_title"] or match["site_name"], match["source_url"])
        else:
            panel.add("on the company site", "not found in the people table")
    panel.note = "From your own files and notes; nothing about this person is sent anywhere."
    return panel


class Cards(list):
    """Several :class:`Panel` cards shown one after another (escaped HTML / plain text)."""

    def _repr_html_(self) -> str:
        return "".join(card._repr_html_() for card in self)

    def __str__(self) -> str:
        return "\n\n".join(str(card) for card in self)

    __repr__ = __str__


def interviewer_cards(workspace: Any, people=None) -> Cards:
    """A card for every interviewer and the coordinator (see :func:`interviewer_card`)."""
    return Cards(interviewer_card(workspace, person.name, people)
                 for person in load_interviewers(workspace))
