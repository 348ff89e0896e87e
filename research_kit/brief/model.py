"""The layout model of the one-page brief: what goes on the page, nothing about how.

Both renderers (:mod:`research_kit.brief.pdf` and :mod:`research_kit.brief.html`) read the
same :class:`BriefModel`. Build one from findings, or see :func:`research_kit.brief.sample.
sample_brief` for a complete example::

    from research_kit.brief.model import BriefModel, Header, Item, Snapshot
    model = BriefModel(
        header=Header(company="Acme Corp", role="Data Engineer", date="2026-03-03",
                      interviewers=("Dana Okafor — VP Engineering",)),
        snapshot=Snapshot(summary=Item("Acme makes anvils.", sources=src_10k)),
        talking_points=[Item("While researching …", rank=1, sources=src_10k.at("Item 1"))],
    )

Conventions every item follows:

* ``rank``: 1 is the most important. When the page is full, the items with the highest
  rank numbers are trimmed first (and a "more in the notebook" marker says how many).
* ``sources``: :class:`~research_kit.provenance.Source` objects (one or a tuple). They print
  as footnote numbers ``[1]``; the numbered list at the bottom names url/file, date
  retrieved and section. Two sources with the same URL and section share a number.
* All text is plain data. Scraped text is never interpreted as markup by either renderer;
  only the user's own :class:`Note` cells are read as (simple) markdown.

A section without items prints a short "not found" line naming what is missing
(:data:`SECTIONS` holds the defaults; override per section with ``BriefModel.not_found``).
Charts and notes are optional: when empty they are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any, Literal

from ..provenance import Source

__all__ = [
    "Item", "KeyFigure", "Requirement", "Competitor", "Chart", "Note", "Header", "Snapshot",
    "Swot", "BriefModel", "SectionSpec", "SECTIONS", "SWOT_QUADRANTS",
]

DEFAULT_RANK = 100

Sources = tuple[Source, ...] | Source | None
"""What an entry's ``sources`` may be given as; it is stored as a tuple (:func:`as_sources`)."""


def as_sources(value: Any) -> tuple[Source, ...]:
    """Accept one Source, None, or an iterable of Sources; keep only Sources."""
    if value is None:
        return ()
    if isinstance(value, Source):
        return (value,)
    return tuple(s for s in value if isinstance(s, Source))


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


class _Normalised:
    """Coerce text fields to str and ``sources`` to a tuple after construction."""

    _text_fields: tuple[str, ...] = ()
    rank: int
    sources: Sources

    def __post_init__(self) -> None:
        for name in self._text_fields:
            object.__setattr__(self, name, _text(getattr(self, name)))
        object.__setattr__(self, "sources", as_sources(self.sources))
        object.__setattr__(self, "rank", int(self.rank))


@dataclass(frozen=True)
class Item(_Normalised):
    """One entry of a list: a talking point, a question, a commonality, a SWOT line."""

    text: str
    rank: int = DEFAULT_RANK
    sources: tuple[Source, ...] | Source | None = ()
    _text_fields = ("text",)

    @classmethod
    def of(cls, finding: Any, rank: int | None = None) -> Item:
        """An Item from any object with ``text`` and ``rank`` plus ``source`` or
        ``sources`` (e.g. ``research.talking_points.TalkingPoint``), or from a plain str."""
        if isinstance(finding, str):
            return cls(finding, DEFAULT_RANK if rank is None else rank)
        sources = getattr(finding, "sources", None) or getattr(finding, "source", None)
        return cls(getattr(finding, "text", ""),
                   rank if rank is not None else getattr(finding, "rank", DEFAULT_RANK),
                   sources)


@dataclass(frozen=True)
class KeyFigure(_Normalised):
    """A company figure for the snapshot: ``KeyFigure("Revenue FY2025", "$497.3M", "+13.8%")``."""

    label: str
    value: str
    note: str = ""
    """Small print after the value, e.g. the change on the year before."""
    rank: int = DEFAULT_RANK
    sources: tuple[Source, ...] | Source | None = ()
    _text_fields = ("label", "value", "note")


@dataclass(frozen=True)
class Requirement(_Normalised):
    """A requirement of the posting (in the posting's order = priority) and my evidence."""

    requirement: str
    evidence: str = ""
    status: Literal["met", "partial", "gap", "unknown"] = "met"
    """met ✓, partial ◐, gap ✗ (the profile shows it is not met), unknown ? (the profile is
    silent: not a gap, something to bring up yourself)."""
    rank: int = DEFAULT_RANK
    sources: tuple[Source, ...] | Source | None = ()
    _text_fields = ("requirement", "evidence")

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.status not in ("met", "partial", "gap", "unknown"):
            object.__setattr__(self, "status", "partial")


@dataclass(frozen=True)
class Competitor(_Normalised):
    """A competitor: name, one line about it, and a headline figure if there is one."""

    name: str
    summary: str = ""
    figure: str = ""
    """e.g. "FY2025 revenue $612.0M" — from the competitor's own filing."""
    rank: int = DEFAULT_RANK
    sources: tuple[Source, ...] | Source | None = ()
    _text_fields = ("name", "summary", "figure")


@dataclass(frozen=True)
class Chart(_Normalised):
    """A small chart: a matplotlib Figure, PNG bytes, or SVG (bytes or str).

    Figures are drawn at their own proportions and scaled to a slot about 6 cm wide; make
    them small with small text (see :func:`research_kit.brief.charts.small_figure`).
    """

    title: str
    image: Any
    rank: int = DEFAULT_RANK
    sources: tuple[Source, ...] | Source | None = ()
    alt: str = ""
    """Text for screen readers (HTML ``alt``); defaults to the title."""
    _text_fields = ("title", "alt")


@dataclass(frozen=True)
class Note(_Normalised):
    """A markdown cell the user tagged ``brief`` in the notebook.

    Simple markdown is honoured (paragraphs, ``-``/``*``/``1.`` bullets, ``#`` headings,
    ``**bold**``, ``*italic*``, ``[text](url)`` shown as text); raw HTML is shown as text.
    """

    markdown: str
    rank: int = 50
    sources: tuple[Source, ...] | Source | None = ()
    _text_fields = ("markdown",)


@dataclass(frozen=True)
class Header:
    """Who, what, when. ``fictional_demo=True`` prints a visible "fictional demo" notice."""

    company: str
    role: str = ""
    date: str = ""
    """The interview date (or the date the brief was made), as the user wants it printed."""
    interviewers: tuple[str, ...] = ()
    """One string per person, e.g. "Dana Okafor — VP Engineering"."""
    location: str = ""
    candidate: str = ""
    fictional_demo: bool = False
    demo_notice: str = ("This company, its people, figures and documents were invented to "
                        "show research-kit. Nothing here is real.")
    cautions: tuple[str, ...] = ()
    """What the candidate should check before relying on the page (an older annual report
    than the latest, a posting from another company …), printed under a "CHECK" label."""

    def __post_init__(self) -> None:
        for name in ("company", "role", "date", "location", "candidate", "demo_notice"):
            object.__setattr__(self, name, _text(getattr(self, name)))
        cautions = (self.cautions,) if isinstance(self.cautions, str) else self.cautions
        object.__setattr__(self, "cautions",
                           tuple(c for c in (_text(x) for x in cautions or ()) if c))
        people = self.interviewers
        if isinstance(people, str):
            people = (people,)
        object.__setattr__(self, "interviewers",
                           tuple(p for p in (_text(x) for x in people or ()) if p))


@dataclass(frozen=True)
class Snapshot:
    """What the company does (one short paragraph) and its key figures (size, revenue …)."""

    summary: Item | None = None
    figures: tuple[KeyFigure, ...] = ()

    def __post_init__(self) -> None:
        summary = self.summary
        if isinstance(summary, str):
            summary = Item(summary) if summary.strip() else None
        elif summary is not None and not summary.text:
            summary = None
        object.__setattr__(self, "summary", summary)
        object.__setattr__(self, "figures", tuple(self.figures or ()))

    @property
    def empty(self) -> bool:
        return self.summary is None and not self.figures


SWOT_QUADRANTS = (("strengths", "Strengths"), ("weaknesses", "Weaknesses"),
                  ("opportunities", "Opportunities"), ("threats", "Threats"))


@dataclass(frozen=True)
class Swot:
    """My SWOT against this posting, in brief: a few items per quadrant."""

    strengths: tuple[Item, ...] = ()
    weaknesses: tuple[Item, ...] = ()
    opportunities: tuple[Item, ...] = ()
    threats: tuple[Item, ...] = ()

    def __post_init__(self) -> None:
        for key, _ in SWOT_QUADRANTS:
            object.__setattr__(self, key, tuple(getattr(self, key) or ()))

    @property
    def empty(self) -> bool:
        return not any(getattr(self, key) for key, _ in SWOT_QUADRANTS)


@dataclass(frozen=True)
class SectionSpec:
    key: str
    title: str
    column: Literal["top", "left", "right"]
    missing: str
    """Printed when the section has nothing; empty string = optional section, left out."""


# Reading order: this is also the order in which footnote numbers are given out.
SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("snapshot", "Company snapshot", "top",
                "No company description or figures found (About page or annual report)."),
    SectionSpec("charts", "Charts", "top", ""),
    SectionSpec("requirements", "Top requirements vs my evidence", "left",
                "No job posting found, so no requirements to match."),
    SectionSpec("talking_points", "Talking points", "left",
                "No talking points: the sources read gave no company fact to quote and no "
                "requirement is shown as met yet."),
    SectionSpec("questions", "Questions to ask", "left",
                "No questions drafted: they come from what the company writes and the "
                "duties the posting lists, and neither was found."),
    SectionSpec("competitors", "Competitors at a glance", "right",
                "No competitors found: none named by the sources read, and no list of yours "
                "(target.toml: competitors = […])."),
    SectionSpec("commonalities", "Interviewer commonalities", "right",
                "No interviewer profiles found, so no shared schools, employers or activities."),
    SectionSpec("swot", "My SWOT in brief", "right",
                "No SWOT yet: add your profile in me.ipynb."),
    SectionSpec("notes", "My notes", "right", ""),
)
SECTION_BY_KEY = {spec.key: spec for spec in SECTIONS}


@dataclass(frozen=True)
class BriefModel:
    """Everything on the one-page brief. Lists may be given in any order; ``rank`` decides
    what is trimmed, the list order decides what is printed first."""

    header: Header
    snapshot: Snapshot = field(default_factory=Snapshot)
    charts: Sequence[Chart] = ()
    requirements: Sequence[Requirement] = ()
    talking_points: Sequence[Item] = ()
    questions: Sequence[Item] = ()
    competitors: Sequence[Competitor] = ()
    commonalities: Sequence[Item] = ()
    swot: Swot = field(default_factory=Swot)
    notes: Sequence[Note] = ()
    not_found: dict[str, str] = field(default_factory=dict)
    """Section key → a more specific "not found" line, e.g.
    ``{"snapshot": "No annual report found for this company."}``."""
    as_of: str = ""
    """ISO date (or datetime) the research is as of; stamped into the PDF as its creation
    date so that re-running from the same sources gives the same file."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name in ("header", "snapshot", "swot", "not_found", "as_of"):
                continue
            object.__setattr__(self, f.name, tuple(value or ()))
        object.__setattr__(self, "not_found", dict(self.not_found or {}))

    def missing_text(self, key: str) -> str:
        return self.not_found.get(key) or SECTION_BY_KEY[key].missing

    def section_empty(self, key: str) -> bool:
        if key in ("snapshot", "swot"):
            return getattr(self, key).empty
        return not getattr(self, key)

    def cited_in_order(self) -> Iterable[Source]:
        """Every source, in reading order (sections in :data:`SECTIONS` order)."""
        if self.snapshot.summary is not None:
            yield from as_sources(self.snapshot.summary.sources)
        for fig in self.snapshot.figures:
            yield from as_sources(fig.sources)
        for key in ("charts", "requirements", "talking_points", "questions", "competitors",
                    "commonalities"):
            for entry in getattr(self, key):
                yield from entry.sources
        for key, _ in SWOT_QUADRANTS:
            for entry in getattr(self.swot, key):
                yield from entry.sources
        for note in self.notes:
            yield from as_sources(note.sources)

    def without(self, removed: set[tuple[str, int]]) -> BriefModel:
        """A copy without some entries, each named by (group, position): the group is a
        list section's key, ``"swot:strengths"`` etc., ``"figures"`` or ``"charts"``; the
        position is the 0-based index in that list. Used by trimming."""
        def keep(group: str, entries):
            return tuple(e for i, e in enumerate(entries) if (group, i) not in removed)

        swot = Swot(**{k: keep(f"swot:{k}", getattr(self.swot, k)) for k, _ in SWOT_QUADRANTS})
        snapshot = replace(self.snapshot, figures=keep("figures", self.snapshot.figures))
        return replace(self, snapshot=snapshot, swot=swot, charts=keep("charts", self.charts),
                       **{k: keep(k, getattr(self, k)) for k in (
                           "requirements", "talking_points", "questions", "competitors",
                           "commonalities", "notes")})
