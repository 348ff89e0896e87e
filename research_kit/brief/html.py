"""The brief as one self-contained HTML file, from the same model as the PDF.

Inline CSS, charts as data-URI images, no scripts, no external requests (a
Content-Security-Policy meta tag forbids them too). Every string from the model goes
through :func:`html.escape`: scraped text is data, never markup. Links are made only for
http(s) source URLs, with the URL escaped. Footnote numbers come from
:class:`~research_kit.brief.citations.Numbering`, as in the PDF.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence

from ..display import escape, safe_link
from .charts import ChartImage, chart_image
from .citations import Numbering, source_line
from .layout import DrawnPart
from .markdown import parse_markdown
from .model import SECTION_BY_KEY, SWOT_QUADRANTS, BriefModel, Sources
from .style import STATUS, paper_size

__all__ = ["render_html"]

_CSS = """
*{box-sizing:border-box}
body{overflow-wrap:anywhere;margin:0;background:#e9edf2;color:#212529;font:14px/1.4 "DejaVu Sans",Verdana,
 "Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans CJK JP","Microsoft YaHei",sans-serif}
.brief{max-width:60rem;margin:1.5rem auto;background:#fff;padding:1.6rem 2rem;
 box-shadow:0 1px 4px rgba(0,0,0,.15)}
.demo{background:#fff3cd;border-left:4px solid #deaa32;color:#664600;padding:.35rem .7rem;
 margin:0 0 .8rem;font-size:.85rem}
.head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.3rem 1rem;
 border-bottom:3px solid #183760;padding-bottom:.5rem;margin-bottom:.9rem}
.head>div:first-child{flex:1 1 24rem;min-width:0}
h1{color:#183760;font-size:1.9rem;margin:0;line-height:1.15}
.role{margin:.15rem 0;font-size:1.1rem}.role .loc{color:#5c6570}
.meta{margin:0;font-size:.85rem}.meta b,.label{color:#5c6570}
.side{text-align:right}.label{display:block;font-size:.75rem;font-weight:bold}
.date{font-weight:bold}
h2{color:#183760;font-size:1.02rem;margin:0 0 .35rem;border-bottom:1.5px solid #183760;
 padding-bottom:.1rem}
section{margin:0 0 .9rem}
.snap{display:flex;gap:1.2rem;align-items:flex-start}.snap>p{flex:1.2;margin:0;min-width:0}
.figures{flex:1;min-width:0;display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.35rem;list-style:none;
 margin:0;padding:0}
.figures.of1{grid-template-columns:minmax(0,1fr);flex:.6}
.figures.of2{grid-template-columns:repeat(2,minmax(0,1fr))}
.figures li{background:#f0f4f9;padding:.3rem .45rem}
.figures .v{display:block;color:#183760;font-weight:bold;font-size:1.2rem}
.figures li{container-type:inline-size}
.figures .v.w{font-size:1rem;hyphens:auto}
.figures .n{color:#5c6570;font-size:.75rem;font-weight:normal}
.figures .l{display:block;color:#5c6570;font-size:.78rem}
.charts{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:1rem}
.charts figure{margin:0}.charts figcaption{font-size:.8rem;font-weight:bold;color:#5c6570}
.charts img{width:100%;height:auto;max-height:11rem;object-fit:contain;object-position:left}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:0 2rem}
.col{min-width:0}.cont{font-weight:normal;font-style:italic;color:#5c6570;font-size:.8em}
.columns{columns:2;column-gap:2rem}
.columns section{break-inside:auto}
.columns li,.columns tr,.swot{break-inside:avoid}
ul,ol{margin:0;padding-left:1.2rem}li{margin:0 0 .2rem}
ul.tp{list-style:"› "}ul.common{list-style:"↔ "}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th{text-align:left;color:#5c6570;font-size:.8rem}
td,th{padding:.2rem .3rem;vertical-align:top;border-top:1px solid #c4cdd8}
td.s{width:1.2rem;font-weight:bold}.met{color:#287a3c}.partial{color:#be7800}.gap{color:#be3228}.unknown{color:#78808a}
.none{font-style:italic;color:#5c6570}
.comp b{display:block}.comp .fig{color:#183760;font-weight:normal}.comp p{margin:0;color:#5c6570;
 font-size:.88rem}.comp li{list-style:none;margin-bottom:.4rem}.comp ul{padding:0}
.swot{display:grid;grid-template-columns:1fr 1fr;gap:.35rem;font-size:.88rem}
.swot div{background:#f0f4f9;padding:.3rem .45rem;border-left:3px solid}
.swot h3{font-size:.85rem;margin:0 0 .15rem}
.strengths{border-color:#287a3c!important}.strengths h3{color:#287a3c}
.weaknesses{border-color:#be3228!important}.weaknesses h3{color:#be3228}
.opportunities{border-color:#26689e!important}.opportunities h3{color:#26689e}
.threats{border-color:#965f00!important}.threats h3{color:#965f00}
.note h3{font-size:.95rem;margin:.2rem 0;color:#183760}.note p{margin:0 0 .3rem}
.more{font-style:italic;color:#5c6570;font-size:.85rem;margin:.2rem 0 0}
.fn{font-size:.72em;color:#26689e;white-space:nowrap}.fn a{color:inherit;text-decoration:none}
footer{border-top:1px solid #c4cdd8;padding-top:.4rem;font-size:.8rem;color:#5c6570}
footer h2{font-size:.85rem;border:0;display:inline;margin-right:.6rem}
.sources{columns:3;column-gap:1.2rem;margin:.3rem 0;padding:0;list-style:none}
.sources li{break-inside:avoid;margin-bottom:.2rem;padding-left:2.3rem;text-indent:-2.3rem}
.sources .num{display:inline-block;width:2.1rem;text-indent:0;text-align:right;white-space:nowrap;
 color:#183760;font-weight:bold}.sources b{color:#212529}
.sources a{color:#5c6570}.sources .d{white-space:nowrap}
footer .note{font-style:italic;margin:.4rem 0 0}
img{max-width:100%}
@media (max-width:48rem){.brief{margin:0;padding:1rem .9rem}.columns{columns:1}
 .cols{grid-template-columns:minmax(0,1fr)}.continued>h2{display:none}
 .snap{display:block}.snap>p{margin-bottom:.6rem}.figures{grid-template-columns:repeat(2,minmax(0,1fr))}
 .charts{grid-template-columns:minmax(0,1fr)}.side{text-align:left}h1{font-size:1.5rem}
 .sources{columns:1}}
@media print{body{background:#fff;font-size:9pt}.brief{box-shadow:none;margin:0;max-width:none;
 padding:0}}
"""


class _Html:
    def __init__(self, model: BriefModel, numbering: Numbering) -> None:
        self.model = model
        self.numbering = numbering

    def marks(self, sources: Sources) -> str:
        numbers = self.numbering.of(sources)
        if not numbers:
            return ""
        links = "".join(f'<a href="#src-{n}">[{n}]</a>' for n in numbers)
        return f' <span class="fn">{links}</span>'


def _image(image: ChartImage) -> str:
    return f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"


def _fit_word(value: str) -> str:
    """A style that shrinks a tile's value in words until its longest word fits the tile
    (container units: a bold character is about 0.66em wide), or nothing."""
    if any(c.isdigit() for c in value):
        return ""
    longest = max((len(w) for w in value.split()), default=0)
    if longest < 9:
        return ""
    return f' style="font-size:min(1rem,{100 / (longest * 0.66):.1f}cqi)"'


def _more(count: int, what: str = "") -> str:
    if not count:
        return ""
    return f'<p class="more">+ {count} more{what} in the notebook</p>'


def _missing(model: BriefModel, key: str) -> str:
    return f'<p class="none">{escape(model.missing_text(key))}</p>'


def _header(model: BriefModel) -> str:
    h = model.header
    out = []
    if h.fictional_demo:
        out.append(f'<p class="demo"><strong>FICTIONAL DEMO</strong> {escape(h.demo_notice)}</p>')
    if h.cautions:
        out.append('<p class="demo"><strong>CHECK</strong> '
                   + " &middot; ".join(escape(c) for c in h.cautions) + "</p>")
    role = f"<strong>{escape(h.role or '(role not named)')}</strong>"
    if h.location:
        role += f' <span class="loc">· {escape(h.location)}</span>'
    meta = []
    if h.interviewers:
        meta.append("<b>Interviewers</b> " + " · ".join(escape(p) for p in h.interviewers))
    if h.candidate:
        meta.append(f"<b>Candidate</b> {escape(h.candidate)}")
    meta_html = "&emsp;".join(meta) or '<span class="none">Interviewers not named yet</span>'
    date = f'<span class="date">{escape(h.date)}</span>' if h.date else ""
    out.append(
        f'<header class="head"><div><h1>{escape(h.company or "(company not named)")}</h1>'
        f'<p class="role">{role}</p><p class="meta">{meta_html}</p></div>'
        f'<div class="side"><span class="label">INTERVIEW PREP BRIEF</span>{date}</div></header>')
    return "".join(out)


def _snapshot(doc: _Html, trimmed: Mapping[str, int]) -> str:
    model, snap = doc.model, doc.model.snapshot
    title = escape(SECTION_BY_KEY["snapshot"].title)
    if snap.empty:
        return f'<section id="snapshot"><h2>{title}</h2>{_missing(model, "snapshot")}</section>'
    if snap.summary is not None:
        summary = f"<p>{escape(snap.summary.text)}{doc.marks(snap.summary.sources)}</p>"
    else:
        summary = '<p class="none">No description of what the company does was found.</p>'
    # a value in words ("Semiconductors & Related Devices") is set smaller and hyphenated,
    # never broken inside a word ("Semicond|uctors")
    figures = "".join(
        f'<li><span class="{"v" if any(c.isdigit() for c in f.value) else "v w"}"'
        f'{_fit_word(f.value)}>{escape(f.value)}'
        + (f' <span class="n">{escape(f.note)}</span>' if f.note else "")
        + f'</span><span class="l">{escape(f.label)}{doc.marks(f.sources)}</span></li>'
        for f in snap.figures)
    # one or two tiles take the room three would share ("Motor Vehicles & Passenger Car
    # Bodies" in a third of it wraps a word per line)
    few = f" of{len(snap.figures)}" if len(snap.figures) < 3 else ""
    figures = f'<ul class="figures{few}">{figures}</ul>' if figures else ""
    return (f'<section id="snapshot"><h2>{title}</h2><div class="snap">{summary}{figures}</div>'
            f'{_more(trimmed.get("snapshot", 0), " figures")}</section>')


def _charts(doc: _Html, images: Mapping[int, ChartImage], trimmed: int) -> str:
    if not doc.model.charts:
        return f'<section id="charts">{_more(trimmed, " charts")}</section>' if trimmed else ""
    figures = []
    for chart in doc.model.charts:
        image = images.get(id(chart)) or chart_image(chart.image)
        figures.append(f'<figure><figcaption>{escape(chart.title)}{doc.marks(chart.sources)}'
                       f'</figcaption><img src="{_image(image)}" '
                       f'alt="{escape(chart.alt or chart.title)}"></figure>')
    return (f'<section id="charts"><div class="charts">{"".join(figures)}</div>'
            f'{_more(trimmed, " charts")}</section>')


def _pick(items, orders: Sequence[int] | None):
    """The items one column shows (all of them when the columns are not known)."""
    items = list(items)
    return items if orders is None else [items[i] for i in orders if i < len(items)]


def _requirements(doc: _Html, orders: Sequence[int] | None = None) -> str:
    rows = []
    for req in _pick(doc.model.requirements, orders):
        glyph, _, word = STATUS[req.status]
        evidence = (escape(req.evidence) if req.evidence
                    else '<span class="none">no evidence yet</span>')
        rows.append(f'<tr><td class="s {req.status}" title="{word}">{glyph}</td>'
                    f"<td>{escape(req.requirement)}</td><td>{evidence}{doc.marks(req.sources)}"
                    "</td></tr>")
    return ('<table><thead><tr><th></th><th>Requirement</th><th>My evidence</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _items(doc: _Html, items, css: str, ordered: bool = False, start: int = 1) -> str:
    tag = "ol" if ordered else "ul"
    lis = "".join(f"<li>{escape(i.text)}{doc.marks(i.sources)}</li>" for i in items)
    first = f' start="{start}"' if ordered and start > 1 else ""
    return f'<{tag} class="{css}"{first}>{lis}</{tag}>'


def _competitors(doc: _Html, orders: Sequence[int] | None = None) -> str:
    lis = []
    for c in _pick(doc.model.competitors, orders):
        figure = f' <span class="fig">{escape(c.figure)}</span>' if c.figure else ""
        summary = f"<p>{escape(c.summary)}{doc.marks(c.sources)}</p>" if c.summary else ""
        marks = "" if c.summary else doc.marks(c.sources)
        lis.append(f"<li><b>{escape(c.name)}{figure}{marks}</b>{summary}</li>")
    return f'<div class="comp"><ul>{"".join(lis)}</ul></div>'


def _swot(doc: _Html) -> str:
    cells = []
    for key, label in SWOT_QUADRANTS:
        items = getattr(doc.model.swot, key)
        body = _items(doc, items, "") if items else '<p class="none">none listed</p>'
        cells.append(f'<div class="{key}"><h3>{escape(label)}</h3>{body}</div>')
    return f'<div class="swot">{"".join(cells)}</div>'


def _runs(runs) -> str:
    out = []
    for run in runs:
        text = escape(run.text)
        if run.italic:
            text = f"<em>{text}</em>"
        if run.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def _notes(doc: _Html, orders: Sequence[int] | None = None) -> str:
    parts = []
    for note in _pick(doc.model.notes, orders):
        html, bullets = [], []
        blocks = parse_markdown(note.markdown)
        for n, block in enumerate(blocks):
            marks = doc.marks(note.sources) if n == len(blocks) - 1 else ""
            if block.kind == "bullet":
                bullets.append(f"<li>{_runs(block.runs)}{marks}</li>")
                continue
            if bullets:
                html.append(f'<ul>{"".join(bullets)}</ul>')
                bullets = []
            tag = "h3" if block.kind == "heading" else "p"
            html.append(f"<{tag}>{_runs(block.runs)}{marks}</{tag}>")
        if bullets:
            html.append(f'<ul>{"".join(bullets)}</ul>')
        if html:
            parts.append(f'<div class="note">{"".join(html)}</div>')
    return "".join(parts)


def _section(doc: _Html, key: str, orders: Sequence[int] | None, *, continued: bool = False,
             more: int = 0) -> str:
    """One section (or the part of it one column shows) with its heading."""
    model = doc.model
    spec = SECTION_BY_KEY[key]
    start = (orders[0] + 1) if orders else 1
    render = {
        "requirements": lambda: _requirements(doc, orders),
        "talking_points": lambda: _items(doc, _pick(model.talking_points, orders), "tp"),
        "questions": lambda: _items(doc, _pick(model.questions, orders), "q", ordered=True,
                                    start=start),
        "competitors": lambda: _competitors(doc, orders),
        "commonalities": lambda: _items(doc, _pick(model.commonalities, orders), "common"),
        "swot": lambda: _swot(doc),
        "notes": lambda: _notes(doc, orders),
    }
    if model.section_empty(key):
        content = _missing(model, key) if spec.missing and not continued else ""
    else:
        content = render[key]()
    title = escape(spec.title)
    if continued:
        title += ' <span class="cont">(continued)</span>'
    css = ' class="continued"' if continued else ""
    return f'<section id="{key}{"-cont" if continued else ""}"{css}><h2>{title}</h2>' \
           f"{content}{_more(more)}</section>"


def _column_sections(doc: _Html, trimmed: Mapping[str, int],
                     columns: Sequence[Sequence[DrawnPart]] | None = None) -> str:
    """The column sections: as the PDF drew them (two columns, "(continued)" where a
    section goes on in the next column), else in one CSS-columns flow."""
    model = doc.model
    if columns:
        cols = []
        for parts in columns:
            html = "".join(_section(doc, p.key, list(p.orders), continued=p.continued,
                                    more=trimmed.get(p.key, 0) if p.marker else 0)
                           for p in parts)
            cols.append(f'<div class="col">{html}</div>')
        return f'<div class="cols">{"".join(cols)}</div>'
    out = []
    for key in ("requirements", "talking_points", "questions", "competitors",
                "commonalities", "swot", "notes"):
        more = trimmed.get(key, 0)
        if model.section_empty(key) and not SECTION_BY_KEY[key].missing and not more:
            continue  # optional section, nothing to say
        out.append(_section(doc, key, None, more=more))
    return f'<div class="columns">{"".join(out)}</div>'


def _sources(numbering: Numbering, trimmed_total: int) -> str:
    items = []
    for n, source in enumerate(numbering.sources, 1):
        line = source_line(n, source, numbering.titles)
        title = f"<b>{escape(line.title)}</b> " if line.title else ""
        where = safe_link(line.url, line.location)
        date = f' <span class="d">{escape(line.retrieved)}</span>' if line.retrieved else ""
        items.append(f'<li id="src-{n}"><span class="num">[{n}]</span> {title}{where}{date}</li>')
    note = "Prepared with research-kit: every fact is cited; check the sources before you " \
           "quote them."
    if trimmed_total:
        note += (f" {trimmed_total} lower-ranked items did not fit: they are in the "
                 "notebook.")
    listing = (f'<h2>Sources</h2><span>numbers in brackets point here; date = retrieved</span>'
               f'<ol class="sources">{"".join(items)}</ol>') if items else ""
    return f'<footer>{listing}<p class="note">{escape(note)}</p></footer>'


def render_html(model: BriefModel, *, trimmed: Mapping[str, int] | None = None,
                charts: Mapping[int, ChartImage] | None = None, paper: str = "letter",
                columns: Sequence[Sequence[DrawnPart]] | None = None) -> str:
    """The brief as a self-contained HTML page.

    ``trimmed`` (section key → count) adds the same "+ N more in the notebook" markers as
    the PDF; pass the PDF's trimmed model and counts so both show the same items and
    numbers. ``charts`` reuses chart images already made for the PDF (by ``id(chart)``);
    ``columns`` (the PDF's :attr:`~research_kit.brief.pdf.PdfResult.columns`) splits the
    sections into the same two columns, "(continued)" headings included.
    """
    trimmed = dict(trimmed or {})
    doc = _Html(model, Numbering(model))
    size = paper_size(paper)
    header = model.header
    title = f"Interview brief: {header.company}" + (f", {header.role}" if header.role else "")
    css = _CSS + f"@page{{size:{size.width}mm {size.height}mm;margin:10mm}}"
    body = "".join([
        _header(model),
        _snapshot(doc, trimmed),
        _charts(doc, charts or {}, trimmed.get("charts", 0)),
        _column_sections(doc, trimmed, columns),
        _sources(doc.numbering, sum(trimmed.values())),
    ])
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "img-src data:; style-src 'unsafe-inline'\">"
            "<meta name=\"generator\" content=\"research-kit\">"
            f"<title>{escape(title)}</title><style>{css}</style></head>"
            f'<body><main class="brief">{body}</main></body></html>\n')
