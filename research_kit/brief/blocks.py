"""Full-width blocks of the PDF brief: header, company snapshot, chart strip, sources."""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

from .charts import CHART_ASPECT, ChartImage
from .citations import Numbering, source_key, source_line
from .model import BriefModel, Chart, KeyFigure
from .sections import Ctx, Section
from .style import ACCENT, DEMO_EDGE, DEMO_FILL, DEMO_INK, FLOOR_PT, INK, MUTED, RULE, TINT
from .textflow import Laid, Span

__all__ = ["HeaderBlock", "SnapshotSection", "ChartStrip", "SourcesBlock", "MAX_FIGURES",
           "MAX_CHARTS"]

MAX_FIGURES = 6
MAX_CHARTS = 3


class HeaderBlock:
    """Demo notice (if any), company, role, date, interviewers, a strong rule."""

    def __init__(self, ctx: Ctx, model: BriefModel, width: float) -> None:
        self.ctx, self.width = ctx, width
        st, h = ctx.style, model.header
        # notices above the title: the demo's, then what to check before relying on the page
        notices = ([("FICTIONAL DEMO  ", h.demo_notice)] if h.fictional_demo else []) + \
            ([("CHECK  ", "   ·   ".join(h.cautions))] if h.cautions else [])
        self.notices = [ctx.lay([Span(label, "B", DEMO_INK), Span(text, color=DEMO_INK)],
                                width - 4, st.small, max_lines=3) for label, text in notices]
        self.label = ctx.lay([Span("INTERVIEW PREP BRIEF", "B", MUTED)], 60, st.small * 0.95)
        self.date = ctx.lay([Span(h.date, "B", INK)], 60, st.body) if h.date else None
        side_w = max(self.label.lines and self._line_w(self.label) or 0,
                     self._line_w(self.date) if self.date else 0) + 2
        self.side_w = side_w
        self.company = ctx.lay([Span(h.company or "(company not named)", "B", ACCENT)],
                               width - side_w - 3, st.title, leading=1.12, max_lines=2)
        role = [Span(h.role or "(role not named)", "B", INK)]
        if h.location:
            role.append(Span(f"  ·  {h.location}", color=MUTED))
        self.role = ctx.lay(role, width, st.role, max_lines=2)
        meta = []
        if h.interviewers:
            meta += [Span("Interviewers  ", "B", MUTED), Span("   ·   ".join(h.interviewers))]
        if h.candidate:
            meta += [Span(("     " if meta else "") + "Candidate  ", "B", MUTED),
                     Span(h.candidate)]
        if not meta:
            meta = [Span("Interviewers not named yet", "I", MUTED)]
        self.meta = ctx.lay(meta, width, st.small, max_lines=3)
        notice_h = sum(notice.height + 2.6 for notice in self.notices)
        self.notice_h = notice_h
        self.height = (notice_h + max(self.company.height, self.label.height
                                      + (self.date.height if self.date else 0))
                       + self.role.height + 0.6 + self.meta.height + 2.2)

    def _line_w(self, laid: Laid) -> float:
        if not laid.lines:
            return 0.0
        last = laid.lines[0][-1]
        return last.x + self.ctx.fonts.width(last.text, last.key, last.size)

    def draw(self, x: float, y: float) -> float:
        ctx = self.ctx
        for notice in self.notices:
            ctx.fill(x, y, self.width, notice.height + 1.6, DEMO_FILL)
            ctx.pdf.set_fill_color(*DEMO_EDGE)
            ctx.pdf.rect(x, y, 1.0, notice.height + 1.6, style="F")
            ctx.draw(notice, x + 3, y + 0.8)
            y += notice.height + 2.6
        top = y
        ctx.draw(self.company, x, y)
        side_x = x + self.width - self.side_w
        ctx.draw(self.label, side_x + self.side_w - self._line_w(self.label), y + 0.4)
        if self.date:
            ctx.draw(self.date, side_x + self.side_w - self._line_w(self.date),
                     y + 0.4 + self.label.height)
        y = top + max(self.company.height,
                      self.label.height + (self.date.height if self.date else 0))
        y += ctx.draw(self.role, x, y) + 0.6
        y += ctx.draw(self.meta, x, y) + 1.0
        ctx.rule(x, y, self.width, ACCENT, 0.7)
        return top - self.notice_h + self.height


class SnapshotSection(Section):
    """What they do (left) and key-figure tiles (right)."""

    def __init__(self, ctx: Ctx, model: BriefModel, title: str, width: float) -> None:
        super().__init__(ctx, "snapshot", title, width, model.missing_text("snapshot"))
        st, snap = ctx.style, model.snapshot
        figures = sorted(snap.figures, key=lambda f: f.rank)[:MAX_FIGURES]
        self.pre_trimmed = len(snap.figures) - len(figures)
        self.figures = [f for f in snap.figures if f in figures]
        per_row = 3 if len(self.figures) > 4 or len(self.figures) == 3 else 2
        self.per_row = min(per_row, max(len(self.figures), 1))
        self.tiles_w = width * (0.46 if self.per_row == 3 else 0.36) if self.figures else 0.0
        self.text_w = width - self.tiles_w - (4.0 if self.figures else 0.0)
        if snap.summary is None:
            what = [Span("No description of what the company does was found.", "I", MUTED)]
        else:
            what = [Span(snap.summary.text), *ctx.marks(snap.summary.sources)]
        self.summary = ctx.lay(what, self.text_w, st.body, max_lines=7) \
            if not snap.empty else None
        self.tile_gap = 1.4
        self.tile_w = ((self.tiles_w - self.tile_gap * (self.per_row - 1)) / self.per_row
                       if self.figures else 0)
        self.tiles = [self._tile(f) for f in self.figures]
        rows = [self.tiles[i:i + self.per_row] for i in range(0, len(self.tiles), self.per_row)]
        self.row_heights = [max(t[2] for t in row) for row in rows]
        tiles_h = sum(self.row_heights) + self.tile_gap * max(len(rows) - 1, 0)
        self.body_h = max(self.summary.height if self.summary else 0.0, tiles_h)

    def _tile(self, fig: KeyFigure) -> tuple[Laid, Laid, float]:
        ctx, st = self.ctx, self.ctx.style
        inner = self.tile_w - 2.2
        label_spans = [Span(fig.label, color=MUTED), *ctx.marks(fig.sources)]
        # a word value ("Semiconductors & Related Devices") steps down rather than breaking
        # mid-word: to the body size, and for a word that still does not fit in a narrow
        # tile to the floor size
        size = st.figure_value
        longest = max(fig.value.split(), key=len, default="")
        while size > FLOOR_PT and ctx.fonts.width(longest, "dejavuB", size) > inner:
            size = max(size - 0.5, st.body if size > st.body else FLOOR_PT)
        top = ctx.lay([Span(fig.value, "B", ACCENT)], inner, size, leading=1.12, max_lines=2)
        while top.clipped and size > st.body:  # a value is never cut ("Rs. (31,44,166)…")
            size = max(size - 0.5, st.body)
            top = ctx.lay([Span(fig.value, "B", ACCENT)], inner, size, leading=1.12,
                          max_lines=2)
        if top.clipped:
            top = ctx.lay([Span(fig.value, "B", ACCENT)], inner, size, leading=1.12)
        small = st.small * 0.92
        label = ctx.lay(label_spans, inner, small, max_lines=3, leading=1.15)
        if label.clipped:  # a label cut to a fragment means nothing: it wraps whole
            label = ctx.lay(label_spans, inner, small, leading=1.15)
        if fig.note:
            with_note = ctx.lay([Span(fig.value, "B", ACCENT),
                                 Span(f" {fig.note}", color=MUTED, scale=0.62)],
                                inner, size, leading=1.12, max_lines=2)
            noted = ctx.lay([Span(f"{fig.note} · ", color=ACCENT), *label_spans], inner,
                            small, max_lines=3, leading=1.15)
            if len(with_note.lines) == len(top.lines) and not with_note.clipped:
                top = with_note
            elif not noted.clipped:  # the note would wrap alone under the value
                label = noted
            # else the note is left out: what the tile says (its label) is never cut
        return top, label, top.height + label.height + 1.6

    def height(self, removed: set[tuple[str, int]]) -> float:
        extra = self.marker_h if self.pre_trimmed else 0.0
        if self.summary is None:
            return self.heading_h + (self.missing.height if self.missing else 0.0) + extra
        return self.heading_h + self.body_h + extra

    def draw(self, x: float, y: float, removed: set[tuple[str, int]], limit: float):
        if self.summary is None:
            return super().draw(x, y, removed, limit)
        y = self.draw_heading(x, y)
        self.ctx.draw(self.summary, x, y)
        tx = x + self.width - self.tiles_w
        ty = y
        for r, height in enumerate(self.row_heights):
            row = self.tiles[r * self.per_row:(r + 1) * self.per_row]
            for c, (top, label, _) in enumerate(row):
                cx = tx + c * (self.tile_w + self.tile_gap)
                self.ctx.fill(cx, ty, self.tile_w, height, TINT)
                self.ctx.draw(top, cx + 1.1, ty + 0.8)
                self.ctx.draw(label, cx + 1.1, ty + 0.8 + top.height)
            ty += height + self.tile_gap
        y += self.body_h
        if self.pre_trimmed:
            marker = self.ctx.lay([Span(f"+ {self.pre_trimmed} more figures in the notebook",
                                        "I", MUTED)], self.width, self.ctx.style.small)
            self.ctx.draw(marker, x, y + self.gap)
            y += self.marker_h
        return y, 0


@dataclass
class PlacedChart:
    chart: Chart
    image: ChartImage
    caption: Laid


class ChartStrip:
    """Up to three small charts side by side, each with a caption and its footnotes."""

    def __init__(self, ctx: Ctx, charts: list[tuple[Chart, ChartImage]], width: float) -> None:
        self.ctx, self.width = ctx, width
        st = ctx.style
        self.gap = 5.0
        self.slot_w = (width - 2 * self.gap) / MAX_CHARTS
        self.placed = []
        for chart, image in charts[:MAX_CHARTS]:
            caption = ctx.lay([Span(chart.title, "B", MUTED), *ctx.marks(chart.sources)],
                              self.slot_w, st.small, max_lines=2)
            self.placed.append(PlacedChart(chart, image, caption))
        self.caption_h = max((p.caption.height for p in self.placed), default=0.0)
        self.image_h = self.slot_w * CHART_ASPECT
        self.height = (self.caption_h + 0.8 + self.image_h) if self.placed else 0.0

    def draw(self, x: float, y: float) -> float:
        for n, placed in enumerate(self.placed):
            sx = x + n * (self.slot_w + self.gap)
            self.ctx.draw(placed.caption, sx, y)
            w = self.slot_w
            h = w * placed.image.aspect
            if h > self.image_h:
                h = self.image_h
                w = h / placed.image.aspect
            iy = y + self.caption_h + 0.8
            self.ctx.pdf.image(io.BytesIO(placed.image.data), x=sx, y=iy, w=w, h=h)
        return y + self.height


class SourcesBlock:
    """The numbered source list in three columns, small; heights known per source."""

    COLUMNS = 3

    def __init__(self, ctx: Ctx, numbering: Numbering, width: float) -> None:
        self.ctx, self.width = ctx, width
        st = ctx.style
        self.col_gap = 4.0
        self.col_w = (width - self.col_gap * (self.COLUMNS - 1)) / self.COLUMNS
        self.heading = ctx.lay([Span("Sources", "B", ACCENT),
                                Span("   numbers in brackets point here; date = retrieved",
                                     "I", MUTED, 0.9)], width, st.sources * 1.1)
        self.lines: dict[tuple[str, str], Laid] = {}
        self.urls: dict[tuple[str, str], str] = {}
        self.keys: list[tuple[str, str]] = []
        number_w = ctx.fonts.width(f"[{max(len(numbering), 1)}]", "dejavuB", st.sources) + 0.8
        for n, source in enumerate(numbering.sources, 1):
            line = source_line(n, source, numbering.titles)
            spans = []
            if line.title:
                spans.append(Span(line.title + "  ", "B", INK))
            spans.append(Span(line.location, color=MUTED))
            if line.retrieved:
                spans.append(Span(f"  {line.retrieved}", color=MUTED))
            laid = ctx.lay(spans, self.col_w, st.sources, leading=1.18, indent=number_w,
                           bullet=f"[{n}]", bullet_color=ACCENT, max_lines=3)
            self.lines[source_key(source)] = laid
            if urlsplit(source.url).scheme in ("http", "https"):
                self.urls[source_key(source)] = source.url
            self.keys.append(source_key(source))
        self.gap = 0.35

    def height_for(self, keys: list[tuple[str, str]]) -> float:
        if not keys:
            return 0.0
        cols = self._columns(keys)
        body = max(sum(self.lines[k].height + self.gap for k in col) for col in cols)
        return self.heading.height + 0.8 + body

    def _columns(self, keys: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
        per = -(-len(keys) // self.COLUMNS)
        return [keys[i:i + per] for i in range(0, len(keys), per)]

    def draw(self, x: float, y: float, keys: list[tuple[str, str]]) -> float:
        if not keys:
            return y
        self.ctx.rule(x, y, self.width, RULE, 0.2)
        self.ctx.draw(self.heading, x, y + 0.5)
        y += self.heading.height + 0.8
        bottom = y
        for c, col in enumerate(self._columns(keys)):
            cy = y
            for key in col:
                cx = x + c * (self.col_w + self.col_gap)
                height = self.ctx.draw(self.lines[key], cx, cy)
                if key in self.urls:  # clickable in a PDF viewer; only http(s) targets
                    self.ctx.pdf.link(cx, cy, self.col_w, height, self.urls[key])
                cy += height + self.gap
            bottom = max(bottom, cy)
        return bottom
