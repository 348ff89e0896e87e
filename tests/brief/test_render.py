"""The one-page brief end to end: PDF and HTML from one model, read back and checked."""

from __future__ import annotations

import dataclasses
import re

import pytest
from brief_helpers import (  # noqa: F401
    embedded_fonts,
    full_model,
    headings_for,
    normalize,
    overfull_brief,
    read_pdf,
    sparse_model,
)

from research_kit.brief import model as m
from research_kit.brief.citations import Numbering
from research_kit.brief.render import render_brief
from research_kit.brief.sample import sample_brief
from research_kit.brief.style import FLOOR_PT
from research_kit.errors import InputError
from research_kit.provenance import Source

SRC = Source("https://news.example/a", "2026-02-01T10:00:00+00:00", title="Example news")


@pytest.mark.parametrize("paper", ["letter", "a4"])
@pytest.mark.parametrize("kind", ["sparse", "full", "overfull"])
def test_exactly_one_page_with_every_heading(tmp_path, kind, paper):
    model = {"sparse": lambda: sample_brief(False), "full": lambda: sample_brief(True),
             "overfull": overfull_brief}[kind]()
    files = render_brief(model, tmp_path, paper=paper)
    pages, text = read_pdf(files.pdf_path)
    assert pages == files.pages == 1
    for heading in headings_for(model):
        assert heading in text, f"{heading!r} missing from the {kind} {paper} PDF"
    html = files.html_path.read_text(encoding="utf-8")
    for heading in headings_for(model):
        assert f"<h2>{heading}</h2>" in html
    assert "Sources" in text or kind == "sparse"
    if kind == "overfull":
        assert files.trimmed_items > 0
        assert files.body_size == FLOOR_PT  # shrank to the floor before trimming
    elif kind == "sparse":
        assert files.trimmed_items == 0
    assert files.body_size >= FLOOR_PT
    if kind == "sparse":
        assert files.body_size == 9.5  # room to spare: full size


def test_sparse_brief_says_what_is_missing(tmp_path, sparse_model):
    files = render_brief(sparse_model, tmp_path)
    _, text = read_pdf(files.pdf_path)
    html = files.html_path.read_text(encoding="utf-8")
    expected = ["No annual report or About page found for this company.",  # override
                m.SECTION_BY_KEY["competitors"].missing,
                m.SECTION_BY_KEY["commonalities"].missing,
                m.SECTION_BY_KEY["swot"].missing,
                m.SECTION_BY_KEY["questions"].missing]
    for line in expected:
        assert line in text
        assert line.replace("&", "&amp;") in html
    # optional sections stay out when empty
    assert "My notes" not in text and "My notes" not in html


def test_full_brief_stays_readable_on_both_papers(tmp_path, full_model):
    """Readable beats complete: at the floor size, lower-ranked items go to the notebook
    (and the page says so) rather than the text shrinking below 8 pt."""
    for paper in ("letter", "a4"):
        files = render_brief(full_model, tmp_path / paper, paper=paper)
        assert files.body_size >= FLOOR_PT
        _, text = read_pdf(files.pdf_path)
        assert ("more in the notebook" in text) == (files.trimmed_items > 0)
        assert ("did not fit: they are in the notebook" in text) == (files.trimmed_items > 0)
        assert "FICTIONAL DEMO" in text  # the demo notice is visible


def test_trimming_drops_highest_rank_numbers_and_says_so(tmp_path):
    model = overfull_brief()
    files = render_brief(model, tmp_path)
    _, text = read_pdf(files.pdf_path)
    html = files.html_path.read_text(encoding="utf-8")
    assert "more in the notebook" in text and "more in the notebook" in html
    assert "did not fit: they are in the notebook" in " ".join(text.split())
    assert "did not fit: they are in the notebook" in html
    assert files.trimmed["talking_points"] > 0
    kept = [tp.text for tp in model.talking_points if tp.text[:40] in text]
    assert kept, "at least one talking point stays"
    # the kept ones are the best ranked: ranks 1..k, nothing better left out
    kept_ranks = sorted(tp.rank for tp in model.talking_points if tp.text[:40] in text)
    assert kept_ranks == list(range(1, len(kept_ranks) + 1))
    shown = len(kept_ranks)
    assert f"+ {len(model.talking_points) - shown} more in the notebook" in text
    assert f"+ {len(model.talking_points) - shown} more in the notebook" in html
    # the HTML shows exactly the items the PDF shows
    assert html.count("<li>Talking point ") == shown


def test_unicode_names_render_and_fonts_are_embedded(tmp_path):
    names = ["Łódź", "Zürich", "Кириллица", "日本", "東京都", "서울", "Ελληνικά", "Åse Ødegård"]
    model = m.BriefModel(
        header=m.Header(company="Zürich Łódź 日本 Holdings", role="Data Engineer",
                        interviewers=("山田 太郎", "김민수", "Кирилл Иванов")),
        talking_points=[m.Item(f"Office in {n}", i, SRC) for i, n in enumerate(names, 1)],
    )
    files = render_brief(model, tmp_path)
    pages, text = read_pdf(files.pdf_path)
    assert pages == 1
    for name in names + ["山田 太郎", "김민수", "Кирилл Иванов", "Zürich Łódź 日本 Holdings"]:
        assert name in text, name
    fonts = embedded_fonts(files.pdf_path)
    assert all(fonts.values()), fonts
    assert {"DejaVuSansBook", "DejaVuSansBold", "DroidSansFallback",
            "RKHangulSubset"} <= set(fonts)
    html = files.html_path.read_text(encoding="utf-8")
    assert "Office in 東京都" in html and "김민수" in html


def test_every_drawn_character_has_a_glyph(tmp_path):
    """No boxes: the font chosen for each character maps it."""
    from fpdf import FPDF

    from research_kit.brief.fonts import FontBook

    book = FontBook(FPDF())
    for ch in "Łódź Zürich Кириллица 日本東京 서울 ≥ € — “” ✓ ✗ ◐ ›":
        if ch.isspace():
            continue
        key = book.key_for(ch, "")
        assert ord(ch) in book.pdf.fonts[key].cmap, (ch, key)


def test_scraped_markup_is_escaped_in_html_and_literal_in_pdf(tmp_path):
    evil = ['<script>alert("x")</script>', '<img src=x onerror=alert(1)>',
            '**not bold** [link](javascript:alert(1))']
    model = dataclasses.replace(
        sample_brief(True, charts=False),
        talking_points=[m.Item(text, i, SRC) for i, text in enumerate(evil, 1)],
        competitors=[m.Competitor('Evil "Corp" & <b>Sons</b>', "<style>*{}</style>", "", 1, SRC)],
        header=m.Header(company="<i>Acme</i>", role="<svg onload=alert(1)>", date="2026"),
        notes=[m.Note("**Mine** <script>bad()</script> [site](javascript:alert(2))")],
    )
    files = render_brief(model, tmp_path)
    html = files.html_path.read_text(encoding="utf-8")
    lowered = html.lower()
    for tag in ("<script", "<img", "<svg", "<i>acme", "<b>sons", "<style>*", "javascript:"):
        if tag == "javascript:":
            assert 'href="javascript' not in lowered
        else:
            assert tag not in lowered, tag
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "onerror" not in lowered.replace("onerror=alert(1)&gt;", "")
    assert "<strong>Mine</strong>" in html  # the user's own markdown is honoured
    _, text = read_pdf(files.pdf_path)
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "**not bold** [link](javascript:alert(1))" in text  # scraped text: no markdown
    assert '<i>Acme</i>' in text


def test_footnotes_match_between_pdf_and_html(tmp_path):
    model = overfull_brief()  # trimmed, so numbering is over the kept items
    files = render_brief(model, tmp_path)
    _, text = read_pdf(files.pdf_path)
    html = files.html_path.read_text(encoding="utf-8")
    listed = re.findall(r'<li id="src-(\d+)"><span class="num">\[(\d+)\]</span> <b>([^<]*)</b>',
                        html)
    assert listed and all(a == b for a, b, _ in listed)
    numbers = [int(a) for a, _, _ in listed]
    assert numbers == list(range(1, len(numbers) + 1))
    for n, _, title in listed:  # the PDF's source list has the same number → title
        assert f"[{n}] {normalize(title.replace('&amp;', '&'))}" in text
    # each talking point carries the same markers in both
    shown = [tp for tp in model.talking_points if tp.text[:40] in text]
    numbering_html = {int(n): t for n, _, t in listed}
    for tp in shown:
        number = next(n for n, t in numbering_html.items() if t.endswith(tp.sources[0].section))
        assert f"{tp.text} [{number}]" in text
        assert f'{tp.text} <span class="fn"><a href="#src-{number}">[{number}]</a></span>' in html


def test_numbering_is_shared_and_deduplicated():
    a = SRC.at("Item 1")
    same = Source(a.url, "2026-03-01T00:00:00+00:00", section="Item 1")  # re-fetched later
    model = m.BriefModel(header=m.Header(company="X"),
                         talking_points=[m.Item("one", 1, (a, SRC)), m.Item("two", 2, same)],
                         questions=[m.Item("q", 1, SRC)])
    numbering = Numbering(model)
    assert numbering.of([a]) == numbering.of([same]) == [1]
    assert numbering.of([SRC, a]) == [1, 2]
    assert len(numbering) == 2


def test_absurd_input_still_one_page(tmp_path):
    model = m.BriefModel(
        header=m.Header(company="Very Long Company Name " * 60, role="Role " * 80,
                        interviewers=tuple(f"Person {i}" for i in range(60))),
        snapshot=m.Snapshot(summary=m.Item("word " * 2000, sources=SRC),
                            figures=tuple(m.KeyFigure(f"Figure {i}", "9" * 40, "", i, SRC)
                                          for i in range(12))),
        talking_points=[m.Item("x" * 3000, 1, SRC), m.Item("y " * 1500, 2, SRC)],
        questions=[m.Item("Why? " * 400, 1, SRC)],
        swot=m.Swot(strengths=tuple(m.Item(f"s{i} " * 80, i) for i in range(10))),
        notes=[m.Note("# " + "Heading " * 100 + "\n" + "- bullet\n" * 80)],
    )
    files = render_brief(model, tmp_path, paper="a4")
    pages, text = read_pdf(files.pdf_path)
    assert pages == 1
    assert "Talking points" in text


def test_unknown_paper_is_a_friendly_error(tmp_path, sparse_model):
    with pytest.raises(InputError) as info:
        render_brief(sparse_model, tmp_path, paper="legal")
    assert "letter" in info.value.suggestion


def test_html_is_self_contained(tmp_path, full_model):
    files = render_brief(full_model, tmp_path)
    html = files.html_path.read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert not re.search(r'(src|href)="(?!data:|#|https?://)', html)
    assert not re.search(r'src="https?://', html)  # images are inline, nothing fetched
    assert html.count('<img src="data:image/png;base64,') == 3
    assert "Content-Security-Policy" in html
    assert "FICTIONAL DEMO" in html


def test_html_continues_sections_where_the_pdf_does(tmp_path):
    """The HTML repeats the PDF's two columns: a section that goes on in the next column
    does so under its heading and "(continued)", its numbering carried on."""
    from research_kit.brief.html import render_html
    from research_kit.brief.pdf import render_pdf

    for n, model in enumerate((sample_brief(True), overfull_brief())):
        pdf = render_pdf(model, tmp_path / f"{n}.pdf")
        html = render_html(pdf.model, trimmed=pdf.trimmed, charts=pdf.charts, columns=pdf.columns)
        assert len(pdf.columns) == 2 and html.count('<div class="col">') == 2
        continued = [p for column in pdf.columns for p in column if p.continued]
        for part in continued:
            title = m.SECTION_BY_KEY[part.key].title
            assert f'<section id="{part.key}-cont" class="continued"><h2>{title} ' \
                   '<span class="cont">(continued)</span></h2>' in html
            if part.key == "questions":
                assert f'<ol class="q" start="{part.orders[0] + 1}">' in html
        if continued:
            break
    else:
        pytest.fail("no sample brief continues a section in the next column")


def test_cautions_print_above_the_title_in_both_formats(tmp_path):
    model = sample_brief()
    header = dataclasses.replace(model.header, cautions=(
        "The posting names Globex Corporation, not Brightwater Instruments: is it the right "
        "posting?",))
    files = render_brief(dataclasses.replace(model, header=header), tmp_path)
    pages, text = read_pdf(files.pdf_path)
    assert pages == 1
    flat = " ".join(text.split())
    assert "CHECK" in flat and "The posting names Globex Corporation" in flat
    html = files.html_path.read_text(encoding="utf-8")
    assert "<strong>CHECK</strong> The posting names Globex Corporation" in html


def test_a_tile_value_is_never_cut_in_the_pdf(tmp_path):
    """A long value steps down in size rather than ending in "…"; the label stays whole."""
    src = Source(url="notes/report.pdf", retrieved_at="2026-11-30", title="Annual report")
    values = [f"Rs. \u22123,144,166,000,{i:03d}" for i in range(6)]
    model = m.BriefModel(
        header=m.Header(company="Standard Shoe Sole", role="Controller"),
        snapshot=m.Snapshot(summary=m.Item("The company trades in footwear.", 1, src),
                            figures=[m.KeyFigure(f"Net profit {i}", v, "prior year 1,234", i, src)
                                     for i, v in enumerate(values, 1)]))
    _, text = read_pdf(render_brief(model, tmp_path).pdf_path)
    for value in values:
        assert value in text or value.replace(" ", "") in text.replace(" ", "")
    for i in range(1, 7):
        assert f"Net profit {i}" in text


@pytest.mark.parametrize("count, css", [(1, "figures of1"), (2, "figures of2"), (3, "figures")])
def test_few_figure_tiles_take_the_room(tmp_path, count, css):
    """One or two tiles are not squeezed into a third of the snapshot's width each."""
    figures = [m.KeyFigure("Industry (SIC)", "Motor Vehicles & Passenger Car Bodies",
                           sources=SRC)] * count
    model = m.BriefModel(header=m.Header(company="Tesla, Inc.", role="Engineer"),
                         snapshot=m.Snapshot(summary="We make cars.", figures=figures))
    html = render_brief(model, tmp_path).html_path.read_text(encoding="utf-8")
    assert f'<ul class="{css}">' in html
    # a value in words shrinks until its longest word fits the tile, never cut inside it
    assert '<span class="v w" style="font-size:min(1rem,' in html
