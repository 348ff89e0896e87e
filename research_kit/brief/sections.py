"""The column sections of the PDF brief: measured once per layout attempt, drawn once.

Each :class:`Section` holds :class:`Entry` objects (one per model item) whose heights are
known, so the fitting loop can ask "how tall is this section without these items?" with
arithmetic instead of re-laying text. Entries drawn are the entries measured.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .citations import Numbering
from .fonts import FontBook
from .markdown import parse_markdown
from .model import SWOT_QUADRANTS, BriefModel, Item, Note, Requirement, Sources
from .style import ACCENT, FOOTNOTE, INK, MUTED, RULE, STATUS, SWOT_COLORS, TINT, Style
from .textflow import Laid, Para, Span, draw, lay_out

__all__ = ["Ctx", "Entry", "Section", "build_column_sections"]


class Ctx:
    """What every block needs while laying out: fonts, sizes, footnote numbers."""

    def __init__(self, fonts: FontBook, style: Style, numbering: Numbering) -> None:
        self.fonts = fonts
        self.style = style
        self.numbering = numbering
        self.pdf = fonts.pdf

    def marks(self, sources: Sources) -> list[Span]:
        numbers = self.numbering.of(sources)
        if not numbers:
            return []
        return [Span("\u2009" + "".join(f"[{n}]" for n in numbers), color=FOOTNOTE, scale=0.8)]

    def lay(self, spans: Sequence[Span], width: float, size: float | None = None,
            **para: Any) -> Laid:
        para.setdefault("leading", self.style.leading)
        return lay_out(Para(list(spans), size or self.style.body, **para), width, self.fonts)

    def draw(self, laid: Laid, x: float, y: float) -> float:
        return draw(laid, x, y, self.fonts)

    def rule(self, x: float, y: float, width: float, color=RULE, weight: float = 0.2) -> None:
        self.pdf.set_draw_color(*color)
        self.pdf.set_line_width(weight)
        self.pdf.line(x, y, x + width, y)

    def fill(self, x: float, y: float, w: float, h: float, color) -> None:
        self.pdf.set_fill_color(*color)
        self.pdf.rect(x, y, w, h, style="F")


@dataclass
class Entry:
    obj: object
    """The model item."""
    group: str
    """The model list it comes from (see :meth:`BriefModel.without`); at least one entry
    of each group stays on the page."""
    rank: int
    order: int
    """Its index in that list."""
    height: float
    paint: Callable[[float, float, int], None]
    """Draw at (x, y); the int is the entry's position among the kept ones (1-based)."""

    @property
    def key(self) -> tuple[str, int]:
        return (self.group, self.order)


@dataclass
class Piece:
    """A run of a section that must stay together in one column."""

    entries: list[Entry]
    height: float
    """Height when it follows the previous piece of its section in the same column (the
    first piece includes the heading; later pieces include the gap before them)."""
    last: bool
    """Carries the section's "+ N more in the notebook" marker."""


class Section:
    """A heading, then entries stacked top to bottom (or a "not found" line).

    Sections flow through the two columns (:func:`research_kit.brief.layout.flow`): a
    breakable section may continue at the top of the next column under its heading again.
    """

    breakable = True

    def __init__(self, ctx: Ctx, key: str, title: str, width: float, missing: str) -> None:
        self.ctx, self.key, self.title, self.width = ctx, key, title, width
        st = ctx.style
        self.heading = ctx.lay([Span(title, "B", ACCENT)], width, st.heading, max_lines=2)
        self.heading_h = self.heading.height + st.body * 0.12
        self.entries: list[Entry] = []
        self.missing = (ctx.lay([Span(missing, "I", MUTED)], width, st.small, max_lines=3)
                        if missing else None)
        self.gap = st.item_gap
        self.lead_h = 0.0
        """Drawn under the heading before the entries (a table's column titles)."""
        self.marker_h = ctx.lay([Span("+", "I")], width, st.small).height + self.gap
        self.pre_trimmed = 0
        """Items dropped before fitting (beyond a section's cap); counted in the marker."""

    @property
    def optional_and_empty(self) -> bool:
        return not self.entries and self.missing is None and not self.pre_trimmed

    def kept(self, removed: set[tuple[str, int]]) -> list[Entry]:
        return [e for e in self.entries if e.key not in removed]

    def trimmed(self, removed: set[tuple[str, int]]) -> int:
        return self.pre_trimmed + sum(1 for e in self.entries if e.key in removed)

    def body_height(self, kept: list[Entry]) -> float:
        if not kept:
            return self.missing.height if self.missing else 0.0
        return self.lead_h + sum(e.height for e in kept) + self.gap * (len(kept) - 1)

    def height(self, removed: set[tuple[str, int]]) -> float:
        if self.optional_and_empty:
            return 0.0
        kept = self.kept(removed)
        extra = self.marker_h if self.trimmed(removed) else 0.0
        return self.heading_h + self.body_height(kept) + extra

    def pieces(self, removed: set[tuple[str, int]]) -> list[Piece]:
        """The section cut where a column may break (between entries)."""
        if self.optional_and_empty:
            return []
        kept = self.kept(removed)
        if not kept or not self.breakable:
            return [Piece(kept, self.height(removed), True)]
        pieces = [Piece([kept[0]], self.heading_h + self.lead_h + kept[0].height, False)]
        pieces += [Piece([e], self.gap + e.height, False) for e in kept[1:]]
        pieces[-1].last = True
        if self.trimmed(removed):
            pieces[-1].height += self.marker_h
        return pieces

    @property
    def continued_height(self) -> float:
        """What a continuation at the top of a column adds: the heading and lead again."""
        return self.heading_h + self.lead_h

    # -- drawing ---------------------------------------------------------------------
    def draw_heading(self, x: float, y: float, continued: bool = False) -> float:
        heading = self.heading
        if continued:
            heading = self.ctx.lay([Span(self.title, "B", ACCENT),
                                    Span("  (continued)", "I", MUTED, 0.8)],
                                   self.width, self.ctx.style.heading, max_lines=2)
        self.ctx.draw(heading, x, y)
        self.ctx.rule(x, y + self.heading.height + 0.15, self.width, ACCENT, 0.3)
        return y + self.heading_h

    def draw_lead(self, x: float, y: float) -> float:
        return y

    def draw_entries(self, x: float, y: float, entries: list[Entry], start: int,
                     limit: float) -> tuple[float, int]:
        clipped = 0
        for i, entry in enumerate(entries, start):
            if y + entry.height > limit + 0.01:
                clipped += 1
                continue
            entry.paint(x, y, i)
            y += entry.height + self.gap
        return y - self.gap, clipped

    def draw_part(self, x: float, y: float, entries: list[Entry], *, continued: bool,
                  marker: bool, start: int, removed: set[tuple[str, int]], limit: float
                  ) -> tuple[float, int]:
        """Draw a heading and ``entries`` (part of the kept ones) at (x, y), never below
        ``limit``; ``marker`` adds "+ N more in the notebook". Returns (bottom, clipped)."""
        y = self.draw_heading(x, y, continued)
        clipped = 0
        if entries:
            y = self.draw_lead(x, y)
            y, clipped = self.draw_entries(x, y, entries, start, limit)
        elif self.missing and not continued:
            self.ctx.draw(self.missing, x, y)
            y += self.missing.height
        trimmed = self.trimmed(removed) + clipped if marker else clipped
        if trimmed and y + self.marker_h <= limit + 0.01:
            text = f"+ {trimmed} more in the notebook"
            line = self.ctx.lay([Span(text, "I", MUTED)], self.width, self.ctx.style.small)
            self.ctx.draw(line, x, y + self.gap)
            y += self.marker_h
        return y, clipped

    def draw(self, x: float, y: float, removed: set[tuple[str, int]], limit: float
             ) -> tuple[float, int]:
        """Draw the whole section at (x, y); return (bottom, entries clipped)."""
        if self.optional_and_empty:
            return y, 0
        return self.draw_part(x, y, self.kept(removed), continued=False, marker=True, start=1,
                              removed=removed, limit=limit)


# -- list sections ---------------------------------------------------------------------
def _bullet_entries(ctx: Ctx, section: Section, items: Sequence[Item], bullet: str,
                    numbered: bool = False, size: float | None = None,
                    group: str | None = None, width: float | None = None) -> list[Entry]:
    st = ctx.style
    size = size or st.body
    width = width or section.width
    indent = ctx.fonts.width("00." if numbered else bullet + " ", "dejavuB", size) + 0.6
    entries = []
    for order, item in enumerate(items):
        def lay_text(text: str, sources: Sources = item.sources) -> Laid:
            return ctx.lay([Span(text), *ctx.marks(sources)], width, size,
                           indent=indent, bullet=bullet, bullet_color=ACCENT, max_lines=6)

        laid = lay_text(item.text)
        if laid.clipped:
            laid = _shorten_quote(item.text, lay_text) or laid

        def paint(x, y, index, laid=laid):
            if numbered:
                laid = dataclasses.replace(laid, para=dataclasses.replace(
                    laid.para, bullet=f"{index}."))
            ctx.draw(laid, x, y)

        entries.append(Entry(item, group or section.key, item.rank, order, laid.height, paint))
    return entries


def _shorten_quote(text: str, lay_text: Callable[[str], Laid]) -> Laid | None:
    """Lay ``text`` with its last quotation cut short enough to fit, or None.

    An entry too long for its lines would lose its end, and the end of a question or a
    talking point is what it asks or says ("… Where does this team fit in that?"). The
    quote is the part a reader can spare: its opening words stay verbatim, "…" marks the
    cut, and the words after the quote stay whole.
    """
    start, end = text.rfind("\u201c"), text.rfind("\u201d")
    if start < 0 or end <= start:
        return None
    words = text[start + 1:end].split(" ")

    def with_words(n: int) -> str:
        cut = " ".join(words[:n]).rstrip(" ,;:.")
        return f"{text[:start + 1]}{cut}\u2026{text[end:]}"

    low, high, best = 3, len(words) - 1, None  # fewer than 3 words says nothing
    while low <= high:
        middle = (low + high) // 2
        laid = lay_text(with_words(middle))
        if laid.clipped:
            high = middle - 1
        else:
            best, low = laid, middle + 1
    return best


def list_section(ctx: Ctx, model: BriefModel, key: str, title: str, width: float,
                 bullet: str = "•", numbered: bool = False) -> Section:
    section = Section(ctx, key, title, width, model.missing_text(key))
    section.entries = _bullet_entries(ctx, section, getattr(model, key), bullet, numbered)
    return section


# -- requirements table -----------------------------------------------------------------
class RequirementsSection(Section):
    """A three-column table: status mark | requirement (posting order) | my evidence."""

    def __init__(self, ctx: Ctx, model: BriefModel, title: str, width: float) -> None:
        super().__init__(ctx, "requirements", title, width, model.missing_text("requirements"))
        st = ctx.style
        self.mark_w = st.body * 0.5
        self.req_w = (width - self.mark_w) * 0.47
        self.ev_w = width - self.mark_w - self.req_w - 1.5
        self.pad = st.body * 0.08
        head = [Span("Requirement", "B", MUTED)]
        self.head_left = ctx.lay(head, self.req_w, st.small)
        self.head_right = ctx.lay([Span("My evidence", "B", MUTED)], self.ev_w, st.small)
        self.head_h = self.head_left.height + self.pad
        self.lead_h = self.head_h
        self.gap = 0.0
        self.entries = [self._row(order, req) for order, req in enumerate(model.requirements)]

    def _row(self, order: int, req: Requirement) -> Entry:
        ctx, st = self.ctx, self.ctx.style
        glyph, color, _ = STATUS[req.status]
        mark = ctx.lay([Span(glyph, "B", color)], self.mark_w, st.body)
        left = ctx.lay([Span(req.requirement)], self.req_w, st.small, max_lines=5)
        evidence = req.evidence or "no evidence yet"
        right = ctx.lay([Span(evidence, "" if req.evidence else "I",
                              INK if req.evidence else MUTED), *ctx.marks(req.sources)],
                        self.ev_w, st.small, max_lines=5)
        height = max(left.height, right.height, mark.height) + 2 * self.pad

        def paint(x, y, index):
            ctx.rule(x, y, self.width, RULE, 0.15)
            ctx.draw(mark, x, y + self.pad - 0.2)
            ctx.draw(left, x + self.mark_w, y + self.pad)
            ctx.draw(right, x + self.mark_w + self.req_w + 1.5, y + self.pad)

        return Entry(req, self.key, req.rank, order, height, paint)

    def draw_lead(self, x: float, y: float) -> float:
        self.ctx.draw(self.head_left, x + self.mark_w, y)
        self.ctx.draw(self.head_right, x + self.mark_w + self.req_w + 1.5, y)
        return y + self.head_h


# -- competitors ------------------------------------------------------------------------
def competitors_section(ctx: Ctx, model: BriefModel, title: str, width: float) -> Section:
    section = Section(ctx, "competitors", title, width, model.missing_text("competitors"))
    st = ctx.style
    for order, comp in enumerate(model.competitors):
        spans = [Span(comp.name, "B")]
        if comp.figure:
            spans.append(Span(f"  {comp.figure}", color=ACCENT))
        first = ctx.lay([*spans, *([] if comp.summary else ctx.marks(comp.sources))],
                        width, st.body, max_lines=3)
        second = (ctx.lay([Span(comp.summary, color=MUTED), *ctx.marks(comp.sources)],
                          width, st.small, max_lines=3) if comp.summary else None)
        height = first.height + (second.height if second else 0.0)

        def paint(x, y, index, first=first, second=second):
            ctx.draw(first, x, y)
            if second:
                ctx.draw(second, x, y + first.height)

        section.entries.append(Entry(comp, "competitors", comp.rank, order, height, paint))
    section.gap = st.item_gap * 2.5
    return section


# -- SWOT ---------------------------------------------------------------------------------
class SwotSection(Section):
    """A 2×2 grid: Strengths | Weaknesses over Opportunities | Threats (never split)."""

    breakable = False

    def __init__(self, ctx: Ctx, model: BriefModel, title: str, width: float) -> None:
        super().__init__(ctx, "swot", title, width, model.missing_text("swot"))
        st = ctx.style
        self.cell_gap = 1.6
        self.cell_w = (width - self.cell_gap) / 2
        self.pad = 1.1
        inner = self.cell_w - 2 * self.pad
        self.labels = {}
        self.none = ctx.lay([Span("none listed", "I", MUTED)], inner, st.small)
        for key, label in SWOT_QUADRANTS:
            self.labels[key] = ctx.lay([Span(label, "B", SWOT_COLORS[key])], inner, st.small)
            items = getattr(model.swot, key)
            self.entries += _bullet_entries(ctx, self, items, "•", size=st.small,
                                            group=f"swot:{key}", width=inner)

    def _quadrant_height(self, key: str, kept: list[Entry]) -> float:
        mine = [e for e in kept if e.group == f"swot:{key}"]
        body = (sum(e.height for e in mine) + self.gap * (len(mine) - 1)) if mine \
            else self.none.height
        return self.labels[key].height + body + 2 * self.pad

    def body_height(self, kept: list[Entry]) -> float:
        if not self.entries:
            return super().body_height(kept)
        keys = [k for k, _ in SWOT_QUADRANTS]
        top = max(self._quadrant_height(k, kept) for k in keys[:2])
        bottom = max(self._quadrant_height(k, kept) for k in keys[2:])
        return top + self.cell_gap + bottom

    def draw_entries(self, x, y, kept, start, limit):
        keys = [k for k, _ in SWOT_QUADRANTS]
        clipped = 0
        for row in (keys[:2], keys[2:]):
            row_h = max(self._quadrant_height(k, kept) for k in row)
            for col, key in enumerate(row):
                cx = x + col * (self.cell_w + self.cell_gap)
                self.ctx.fill(cx, y, self.cell_w, row_h, TINT)
                self.ctx.pdf.set_fill_color(*SWOT_COLORS[key])
                self.ctx.pdf.rect(cx, y, 0.6, row_h, style="F")
                cy = y + self.pad
                self.ctx.draw(self.labels[key], cx + self.pad, cy)
                cy += self.labels[key].height
                mine = [e for e in kept if e.group == f"swot:{key}"]
                if not mine:
                    self.ctx.draw(self.none, cx + self.pad, cy)
                for i, entry in enumerate(mine, 1):
                    if cy + entry.height > limit + 0.01:
                        clipped += 1
                        continue
                    entry.paint(cx + self.pad, cy, i)
                    cy += entry.height + self.gap
            y += row_h + self.cell_gap
        return y - self.cell_gap, clipped


# -- the user's notes ---------------------------------------------------------------------
def notes_section(ctx: Ctx, model: BriefModel, title: str, width: float) -> Section:
    section = Section(ctx, "notes", title, width, "")
    st = ctx.style
    for order, note in enumerate(model.notes):
        laids = _note_paragraphs(ctx, note, width)
        if not laids:
            continue
        height = sum(laid.height for laid in laids) + st.item_gap * (len(laids) - 1)

        def paint(x, y, index, laids=laids):
            for laid in laids:
                y += ctx.draw(laid, x, y) + st.item_gap

        section.entries.append(Entry(note, "notes", note.rank, order, height, paint))
    return section


def _note_paragraphs(ctx: Ctx, note: Note, width: float) -> list[Laid]:
    st = ctx.style
    blocks = parse_markdown(note.markdown)
    laids = []
    for n, block in enumerate(blocks):
        spans = [Span(run.text, ("B" if run.bold or block.kind == "heading" else "")
                      + ("I" if run.italic else ""), ACCENT if block.kind == "heading" else INK)
                 for run in block.runs]
        if n == len(blocks) - 1:
            spans += ctx.marks(note.sources)
        if block.kind == "bullet":
            indent = ctx.fonts.width("00.", "dejavuB", st.body) + 0.6
            laids.append(ctx.lay(spans, width, st.body, indent=indent, bullet=block.marker,
                                 bullet_color=ACCENT, max_lines=6))
        else:
            laids.append(ctx.lay(spans, width, st.body, max_lines=8))
    return laids


# -- the two columns --------------------------------------------------------------------
def build_column_sections(ctx: Ctx, model: BriefModel, width: float) -> list[Section]:
    """The sections of the two columns, in reading order (the page splits them)."""
    from .model import SECTION_BY_KEY as spec

    return [
        RequirementsSection(ctx, model, spec["requirements"].title, width),
        list_section(ctx, model, "talking_points", spec["talking_points"].title, width, "›"),
        list_section(ctx, model, "questions", spec["questions"].title, width, numbered=True),
        competitors_section(ctx, model, spec["competitors"].title, width),
        list_section(ctx, model, "commonalities", spec["commonalities"].title, width, "↔"),
        SwotSection(ctx, model, spec["swot"].title, width),
        notes_section(ctx, model, spec["notes"].title, width),
    ]
