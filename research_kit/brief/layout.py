"""Page assembly and fitting: always exactly one page.

The page: header, company snapshot and chart strip across the full width; then the
column sections (requirements, talking points, questions, competitors, commonalities,
SWOT, notes) poured in reading order through two equal columns, a section continuing at
the top of the right column under its heading when it must; the numbered sources at the
foot. The columns are balanced: the shortest column height that still fits is used.

Fitting:

1. Lay out everything at the largest body size (9.5 pt) that fits; sizes step down by
   0.25 pt to the floor (:data:`~research_kit.brief.style.FLOOR_PT`).
2. Still too tall at the floor: trim items, highest ``rank`` number first, keeping at
   least one item per section (and per SWOT quadrant); then put back, best rank first,
   any trimmed item that fits in the room left. Each section that lost items says
   "+ N more in the notebook"; the foot line gives the total.
3. Still too tall: drop the chart strip.
4. The drawing itself never crosses the bottom margin: anything that would is skipped and
   counted (this only happens with absurd input such as a 5,000-character company name).

Heights are measured once per attempt with the same line breaking the drawing uses;
trimming then works on the measured heights, without laying text out again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set
from dataclasses import dataclass, field

from .blocks import MAX_CHARTS, MAX_FIGURES, ChartStrip, HeaderBlock, SnapshotSection, SourcesBlock
from .charts import ChartImage
from .citations import Numbering, source_key
from .fonts import FontBook
from .model import SECTION_BY_KEY, BriefModel, Chart
from .sections import Ctx, Entry, Section, build_column_sections
from .style import BODY_SIZES, MUTED, Paper, Style
from .textflow import Span

__all__ = ["PageLayout", "FitResult", "DrawnPart", "fit_page", "cap_model"]


class PageLayout:
    """Every block of the page, measured for one body size and one footnote numbering."""

    def __init__(self, model: BriefModel, paper: Paper, style: Style, fonts: FontBook,
                 charts: list[tuple[Chart, ChartImage]]) -> None:
        self.model, self.paper, self.style = model, paper, style
        self.numbering = Numbering(model)
        ctx = self.ctx = Ctx(fonts, style, self.numbering)
        self.x0 = style.margin_x
        self.width = paper.width - 2 * style.margin_x
        self.top = style.margin_y
        self.bottom = paper.height - style.margin_y
        self.col_w = (self.width - style.gutter) / 2
        self.header = HeaderBlock(ctx, model, self.width)
        self.snapshot = SnapshotSection(ctx, model, SECTION_BY_KEY["snapshot"].title,
                                        self.width)
        self.charts = ChartStrip(ctx, charts, self.width)
        self.sections = build_column_sections(ctx, model, self.col_w)
        self.sources = SourcesBlock(ctx, self.numbering, self.width)
        self.footer_line = ctx.lay([Span("x", "I", MUTED)], self.width, style.sources)
        self.drawn_columns: list[list[DrawnPart]] = []
        """Filled by :meth:`draw`: which parts of which sections each column shows."""

    # -- measuring -----------------------------------------------------------------------
    def cited_keys(self, removed: set[tuple[str, int]], charts_on: bool) -> list[tuple[str, str]]:
        """Source keys still cited after trimming, in numbering order."""
        if not removed and charts_on:
            return list(self.sources.keys)
        kept_model = self.model.without(removed)
        if not charts_on:
            kept_model = kept_model.without({("charts", i) for i in range(len(kept_model.charts))})
        alive = {source_key(s) for s in kept_model.cited_in_order()}
        return [k for k in self.sources.keys if k in alive]

    def top_height(self, charts_on: bool) -> float:
        st = self.style
        h = self.header.height + st.section_gap * 0.8
        h += self.snapshot.height(set()) + st.section_gap
        if charts_on and self.charts.height:
            h += self.charts.height + st.section_gap
        return h

    def footer_height(self, removed: set[tuple[str, int]], charts_on: bool) -> float:
        keys = self.cited_keys(removed, charts_on)
        return (self.sources.height_for(keys) + self.style.section_gap * 0.6
                + self.footer_line.height + 0.8)

    def available(self, removed: set[tuple[str, int]], charts_on: bool) -> float:
        return (self.bottom - self.top - self.top_height(charts_on)
                - self.footer_height(removed, charts_on))

    def fits(self, removed: Set[tuple[str, int]] = frozenset(), charts_on: bool = True) -> bool:
        removed = set(removed)
        return flow(self.sections, removed, self.available(removed, charts_on),
                    self.style.section_gap) is not None

    def balanced(self, removed: set[tuple[str, int]], height: float) -> list[list[Part]]:
        """The flow with the shortest column height (≤ ``height``) that still fits, so the
        two columns end level; when nothing fits, a forced flow the drawing clips."""
        gap = self.style.section_gap
        best = flow(self.sections, removed, height, gap)
        if best is None:
            forced = flow(self.sections, removed, height, gap, force=True)
            assert forced is not None  # a forced flow always returns its columns
            return forced
        lo, hi = 0.0, height
        for _ in range(18):
            mid = (lo + hi) / 2
            attempt = flow(self.sections, removed, mid, gap)
            if attempt is None:
                lo = mid
            else:
                best, hi = attempt, mid
            if hi - lo < 0.3:
                break
        return best

    # -- drawing -------------------------------------------------------------------------
    def draw(self, charts_on: bool, trimmed_total: int) -> int:
        """Draw the page (nothing removed: the model is already the trimmed one).

        Returns how many entries had to be skipped at draw time (0 unless input is absurd).
        """
        st, ctx, x = self.style, self.ctx, self.x0
        removed: set[tuple[str, int]] = set()
        footer_top = self.bottom - self.footer_height(removed, charts_on)
        y = self.header.draw(x, self.top) + st.section_gap * 0.8
        y, _ = self.snapshot.draw(x, y, removed, footer_top)
        y += st.section_gap
        if charts_on and self.charts.height and y + self.charts.height <= footer_top:
            y = self.charts.draw(x, y) + st.section_gap
        clipped = 0
        columns = self.balanced(removed, footer_top - y)
        self.drawn_columns = [[DrawnPart(p.section.key, tuple(e.order for e in p.entries),
                                         p.continued, p.marker) for p in parts]
                              for parts in columns]
        for n, parts in enumerate(columns):
            cx, cy = x + n * (self.col_w + st.gutter), y
            for part in parts:
                if cy + part.section.heading_h > footer_top:
                    clipped += max(len(part.entries), 1)
                    continue
                cy, lost = part.section.draw_part(
                    cx, cy, part.entries, continued=part.continued, marker=part.marker,
                    start=part.start, removed=removed, limit=footer_top)
                clipped += lost
                cy += st.section_gap
        fy = footer_top + st.section_gap * 0.6
        fy = self.sources.draw(x, fy, self.cited_keys(removed, charts_on))
        note = "Prepared with research-kit: every fact is cited; check the sources before " \
               "you quote them."
        if trimmed_total + clipped:
            note += (f"  {trimmed_total + clipped} lower-ranked items did not fit: they "
                     "are in the notebook.")
        line = ctx.lay([Span(note, "I", MUTED)], self.width, st.sources, max_lines=1)
        ctx.draw(line, x, min(fy + 0.8, self.bottom - line.height))
        return clipped


@dataclass(frozen=True)
class DrawnPart:
    """What one column shows of one section: the HTML brief repeats the PDF's columns."""

    key: str
    """The section's key."""
    orders: tuple[int, ...]
    """Indices of its items (in the drawn model's list) shown here."""
    continued: bool
    """Under a "(continued)" heading: the section began in the previous column."""
    marker: bool
    """Carries the section's "+ N more in the notebook" line."""


@dataclass
class Part:
    """One section's entries drawn in one column."""

    section: Section
    entries: list[Entry]
    continued: bool
    marker: bool
    start: int
    """1-based position of the first entry among the section's kept entries."""


def flow(sections: list[Section], removed: set[tuple[str, int]], height: float, gap: float,
         columns: int = 2, force: bool = False) -> list[list[Part]] | None:
    """Pour the sections, in order, into ``columns`` columns of ``height`` (mm).

    A section starts with its heading and first entry together; later entries may move
    to the next column under a "(continued)" heading. Returns the columns' parts, or None
    when they do not fit (with ``force``, the last column simply runs long).
    """
    eps = 0.01
    cols: list[list[Part]] = [[]]
    y = 0.0

    def next_column() -> bool:
        if len(cols) >= columns:
            return False
        cols.append([])
        return True

    for section in sections:
        pieces = section.pieces(removed)
        start = 1
        for n, piece in enumerate(pieces):
            if n == 0:
                need = piece.height + (gap if cols[-1] else 0.0)
                if cols[-1] and y + need > height + eps:
                    if next_column():
                        y, need = 0.0, piece.height
                    elif not force:
                        return None
                if need > height + eps and not force:
                    return None
                cols[-1].append(Part(section, list(piece.entries), False, piece.last, start))
                y += need
                start += len(piece.entries)
                continue
            if y + piece.height > height + eps:
                if next_column():
                    need = section.continued_height + piece.height - section.gap
                    if need > height + eps and not force:
                        return None
                    cols[-1].append(Part(section, list(piece.entries), True, piece.last,
                                         start))
                    y = need
                    start += len(piece.entries)
                    continue
                if not force:
                    return None
            part = cols[-1][-1]  # same column, same section: extend its part
            part.entries += piece.entries
            part.marker = piece.last
            y += piece.height
            start += len(piece.entries)
    return cols


@dataclass
class FitResult:
    layout: PageLayout
    body_size: float
    charts_on: bool
    trimmed: Counter = field(default_factory=Counter)
    """Section key → how many items were left out of the page."""
    model: BriefModel | None = None
    """The model as drawn (trimmed)."""

    @property
    def trimmed_items(self) -> int:
        return sum(self.trimmed.values())


def _section_of(layout: PageLayout) -> dict[tuple[str, int], Section]:
    return {entry.key: section for section in layout.sections for entry in section.entries}


def _trim(layout: PageLayout) -> tuple[set[tuple[str, int]], bool]:
    """Remove the lowest-ranked entries until the page fits; may drop the charts.

    Ties in rank go first to the section with the most entries left, then to the later
    entry in its section. At least one entry of every group stays.
    """
    removed: set[tuple[str, int]] = set()
    charts_on = True
    entries = [e for s in layout.sections for e in s.entries]
    while not layout.fits(removed, charts_on):
        groups = Counter(e.group for e in entries if e.key not in removed)
        candidates = [(e.rank, groups[e.group], e.order, e.key) for e in entries
                      if e.key not in removed and groups[e.group] > 1]
        if not candidates:
            if charts_on and layout.charts.height:
                charts_on = False
                continue
            break  # the draw step clips what is left
        removed.add(max(candidates)[3])
    # trimming by rank alone can overshoot: a tall entry that had to go first may leave
    # room that smaller, better-ranked entries trimmed before it would fill. Put back
    # what fits, best rank first. Ties are broken by the key too: ``removed`` is a set of
    # strings, whose order changes with the process's hash seed, and the page must not.
    by_key = {e.key: e for e in entries}
    for key in sorted(removed, key=lambda k: (by_key[k].rank, by_key[k].order, k)):
        if layout.fits(removed - {key}, charts_on):
            removed.discard(key)
    return removed, charts_on


def cap_model(model: BriefModel) -> tuple[BriefModel, Counter]:
    """Keep the best-ranked :data:`MAX_FIGURES` key figures and :data:`MAX_CHARTS` charts
    (in their given order); the rest count as trimmed from the start."""
    def worst(group, entries, cap):
        ranked = sorted(range(len(entries)), key=lambda i: (entries[i].rank, i))
        return {(group, i) for i in ranked[cap:]}

    drop_figures = worst("figures", model.snapshot.figures, MAX_FIGURES)
    drop_charts = worst("charts", model.charts, MAX_CHARTS)
    trimmed: Counter[str] = Counter()
    if drop_figures:
        trimmed["snapshot"] = len(drop_figures)
    if drop_charts:
        trimmed["charts"] = len(drop_charts)
    if not trimmed:
        return model, trimmed
    return model.without(drop_figures | drop_charts), trimmed


def fit_page(model: BriefModel, paper: Paper, fonts: FontBook,
             charts: list[tuple[Chart, ChartImage]], pre_trimmed: Counter | None = None
             ) -> FitResult:
    """Choose the body size and the items that make ``model`` fill exactly one page.

    ``model`` should already be capped (:func:`cap_model`); ``pre_trimmed`` is what the
    cap removed, so that markers and counts include it.
    """
    pre_trimmed = Counter(pre_trimmed or {})

    def build(size: float, mdl: BriefModel, imgs) -> PageLayout:
        page = PageLayout(mdl, paper, Style(size), fonts, imgs)
        page.snapshot.pre_trimmed = pre_trimmed.get("snapshot", 0)
        return page

    # the largest size that fits untrimmed: try the top, then bisect (heights grow with size)
    sizes = list(BODY_SIZES)
    first = build(sizes[0], model, charts)
    if first.fits():
        chosen, layout = sizes[0], first
    else:
        lo, hi = 1, len(sizes) - 1  # sizes[hi] is the floor
        best = None
        while lo <= hi:
            mid = (lo + hi) // 2
            attempt = build(sizes[mid], model, charts)
            if attempt.fits():
                best, hi = (sizes[mid], attempt), mid - 1
            else:
                lo = mid + 1
        if best is None:
            floor = sizes[-1]
            layout = attempt if attempt.style.body == floor else build(floor, model, charts)
            chosen = floor
        else:
            chosen, layout = best
    if layout.fits():
        return FitResult(layout, chosen, True, pre_trimmed, model)

    removed, charts_on = _trim(layout)
    owner = _section_of(layout)
    trimmed = Counter(owner[key].key for key in removed) + pre_trimmed
    kept_model = model.without(removed)
    kept_charts = charts if charts_on else []
    if not charts_on:
        trimmed["charts"] += len(model.charts)
        kept_model = kept_model.without({("charts", i) for i in range(len(kept_model.charts))})
    final = build(chosen, kept_model, kept_charts)
    # the new sections know nothing of what was trimmed: tell them, for their markers
    for section in [final.snapshot, *final.sections]:
        section.pre_trimmed = trimmed.get(section.key, 0)
    return FitResult(final, chosen, charts_on, trimmed, kept_model)
