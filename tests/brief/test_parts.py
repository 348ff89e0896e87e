"""The brief's parts on their own: model, markdown cells, charts, citations, text engine."""

from __future__ import annotations

import struct
import zlib

import pytest
from brief_helpers import read_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from research_kit.brief import model as m
from research_kit.brief.charts import CHART_ASPECT, chart_image, small_figure
from research_kit.brief.citations import shorten_location, source_line
from research_kit.brief.markdown import Block, Run, parse_markdown, plain_text
from research_kit.errors import InputError, ResearchKitError
from research_kit.provenance import Source

SRC = Source("https://www.example.com/a/b/c.html", "2026-02-01T10:00:00+00:00", title="C")


# -- model -------------------------------------------------------------------------------
def test_items_normalize_sources_and_text():
    item = m.Item("  hello  ", "3", SRC)
    assert item.text == "hello" and item.rank == 3 and item.sources == (SRC,)
    assert m.Item("x", sources=None).sources == ()
    assert m.Item("x", sources=[SRC, "not a source", None]).sources == (SRC,)
    assert m.Requirement("r", status="unknown").status == "unknown"  # silent: "?"
    assert m.Requirement("r", status="maybe").status == "partial"
    header = m.Header(company="A", interviewers="Only One")
    assert header.interviewers == ("Only One",)


def test_item_of_any_finding_like_object():
    from research_kit.research.talking_points import TalkingPoint

    point = TalkingPoint("Revenue grew.", "company", "revenue_trend", 2, SRC)
    assert m.Item.of(point) == m.Item("Revenue grew.", 2, SRC)
    assert m.Item.of("plain", rank=4) == m.Item("plain", 4)


def test_snapshot_accepts_plain_text_and_knows_empty():
    assert m.Snapshot().empty
    assert m.Snapshot(summary="  ").empty
    snap = m.Snapshot(summary="Makes anvils.")
    assert not snap.empty and snap.summary.text == "Makes anvils."


def test_without_removes_by_position_only():
    shared = m.Item("same object twice", 1, SRC)
    model = m.BriefModel(header=m.Header(company="X"), talking_points=[shared, shared],
                         swot=m.Swot(strengths=[shared]))
    trimmed = model.without({("talking_points", 1)})
    assert trimmed.talking_points == (shared,)
    assert trimmed.swot.strengths == (shared,)


def test_not_found_override_and_defaults():
    model = m.BriefModel(header=m.Header(company="X"),
                         not_found={"snapshot": "No annual report found for this company."})
    assert model.missing_text("snapshot") == "No annual report found for this company."
    assert model.missing_text("competitors") == m.SECTION_BY_KEY["competitors"].missing
    assert all(model.section_empty(spec.key) for spec in m.SECTIONS)


# -- markdown ----------------------------------------------------------------------------
def test_markdown_blocks_and_inline_styles():
    blocks = parse_markdown("# Title\nSome **bold** and *it* and _em_ text,\nsoft break.\n\n"
                            "- one\n  more\n* two\n1. first\n\n> quote\n```\ncode <b>\n```")
    assert [b.kind for b in blocks] == ["heading", "para", "bullet", "bullet", "bullet", "para",
                                       "para"]
    para = blocks[1]
    assert Run("bold", bold=True) in para.runs and Run("it", italic=True) in para.runs
    assert Run("em", italic=True) in para.runs
    assert "".join(r.text for r in para.runs).endswith("text, soft break.")
    assert blocks[2] == Block("bullet", (Run("one more"),), "•")
    assert blocks[4].marker == "1."
    assert blocks[6].runs == (Run("code <b>"),)


def test_markdown_never_makes_markup():
    text = plain_text('[site](javascript:alert(1)) ![x](http://a/i.png) <script>x</script> '
                      '<https://ok.example> snake_case_word \\*not italic\\*')
    assert "site (javascript:alert(1))" in text
    assert "[image: x]" in text
    assert "<script>x</script>" in text
    assert "https://ok.example" in text and "<https" not in text
    assert "snake_case_word" in text
    assert "*not italic*" in text


@given(st.text(max_size=300))
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_markdown_fuzz(text):
    blocks = parse_markdown(text)
    assert all(isinstance(b, Block) and b.runs for b in blocks)
    assert isinstance(plain_text(text), str)


# -- charts ------------------------------------------------------------------------------
def _png(width: int, height: int) -> bytes:
    def chunk(kind, data):
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc
    raw = b"".join(b"\x00" + b"\xff" * width * 3 for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_chart_images_from_figure_png_and_svg(tmp_path):
    fig, ax = small_figure()
    ax.plot([1, 2, 3])
    size = tuple(fig.get_size_inches())
    image = chart_image(fig)
    assert image.kind == "png" and image.data.startswith(b"\x89PNG")
    assert image.aspect == CHART_ASPECT
    assert tuple(fig.get_size_inches()) == size  # the caller's figure is left as it was
    png = chart_image(_png(40, 10))
    assert png.kind == "png" and png.aspect == 0.25
    svg = chart_image('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"></svg>')
    assert svg.kind == "svg" and svg.aspect == 0.5 and svg.mime == "image/svg+xml"
    path = tmp_path / "c.png"
    path.write_bytes(_png(10, 10))
    assert chart_image(path).aspect == 1.0


@pytest.mark.parametrize("bad", [b"GIF89a....", 42, b"\x89PNG\r\n\x1a\n\x00", "no/such/file.png"])
def test_bad_chart_input_is_our_error(bad):
    with pytest.raises(InputError):
        chart_image(bad)


# -- citations ---------------------------------------------------------------------------
def test_source_lines_are_short_and_complete():
    src = Source("https://www.sec.gov/Archives/edgar/data/1/000/x-20251231.htm",
                 "2026-02-24T15:02:11+00:00", title="10-K FY2025", section="Item 1A")
    line = source_line(3, src)
    assert line.title == "10-K FY2025, Item 1A"
    assert line.location == "sec.gov/…/x-20251231.htm"
    assert line.retrieved == "2026-02-24"
    assert shorten_location("user-provided:notes") == "typed by you"
    assert len(shorten_location("https://a.example/" + "x" * 200)) <= 44
    assert shorten_location("/home/me/" + "d/" * 40 + "cv.pdf") == "…/cv.pdf"


# -- the text engine ---------------------------------------------------------------------
def test_wrapping_measures_what_it_draws():
    from fpdf import FPDF

    from research_kit.brief.fonts import FontBook
    from research_kit.brief.textflow import Para, Span, lay_out

    pdf = FPDF(unit="mm")
    book = FontBook(pdf)
    para = Para([Span("word " * 40), Span("https://long.example/" + "x" * 120, "B"),
                 Span(" 日本語の文章も折り返されます。" * 5)], 8)
    laid = lay_out(para, 60, book)
    for line in laid.lines:
        last = line[-1]
        right = last.x + book.width(last.text, last.key, last.size)
        assert right <= 60.01
    assert laid.height == pytest.approx(len(laid.lines) * 8 * 1.25 / pdf.k)
    clipped = lay_out(Para([Span("word " * 200)], 8, max_lines=2), 60, book)
    assert len(clipped.lines) == 2 and clipped.clipped
    assert clipped.lines[-1][-1].text.endswith("…")


@given(st.lists(st.text(min_size=0, max_size=120), min_size=1, max_size=6))
@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
def test_any_text_renders_one_page(tmp_path, texts):
    """Random text anywhere in the model: one page, and only our error types, if any."""
    from research_kit.brief.render import render_brief

    model = m.BriefModel(
        header=m.Header(company=texts[0], role=texts[-1], interviewers=tuple(texts)),
        snapshot=m.Snapshot(summary=texts[0], figures=[m.KeyFigure(t, t, t) for t in texts]),
        talking_points=[m.Item(t, i, SRC) for i, t in enumerate(texts)],
        competitors=[m.Competitor(t, t, t) for t in texts],
        notes=[m.Note(t) for t in texts],
    )
    try:
        files = render_brief(model, tmp_path)
    except ResearchKitError:
        return
    assert read_pdf(files.pdf_path)[0] == files.pages == 1


def test_a_long_quoted_question_keeps_its_question(tmp_path):
    """Too long for its lines, a question loses words of its quote, never what it asks."""
    from research_kit.brief.render import render_brief

    quote = ("In November 2021, we began to offer Supercharger access to non-Tesla vehicles "
             "in certain locations in support of our mission to accelerate the world's "
             "transition to sustainable energy, and in November 2022, we opened up our "
             "previously proprietary charging connector as the North American Charging "
             "Standard (NACS), and we continue to expand the network every year.") * 2
    question = f"The same 10-K says: \u201c{quote}\u201d Where does this team fit in that?"
    model = m.BriefModel(header=m.Header(company="Tesla, Inc.", role="Engineer"),
                         questions=[m.Item(question, 0, SRC)])
    files = render_brief(model, tmp_path)
    text = read_pdf(files.pdf_path)[1]
    assert "\u201cIn November 2021, we began to offer Supercharger" in text
    assert "\u2026\u201d Where does this team fit in that?" in text
    assert "every year.\u201d Where" not in text
