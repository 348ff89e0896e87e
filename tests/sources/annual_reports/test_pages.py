"""What each page is made of, what could not be read and why, and the typed errors for input
that is not an annual report PDF one can read."""

from __future__ import annotations

import pytest
from reports_support import HAAGA, MSFT, PMI, SHOE_19, SHOE_20, SHOE_23, report

from research_kit import errors
from research_kit.sources.annual_reports.cleaning import clean_line, ocr_word_share
from research_kit.sources.annual_reports.pages import page_list
from research_kit.sources.annual_reports.pdf import read_annual_report_pdf

fixtures = pytest.mark.fixtures


def _fpdf():
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) makes the test PDFs")
    return fpdf.FPDF()


@fixtures
def test_statements_and_charts_that_are_pictures_are_reported_unreadable():
    rep = report(HAAGA)
    assert rep.unreadable_pages == list(range(13, 22))  # the gold's pages, no more
    status = {p.number: p.status for p in rep.page_info}
    assert status[13] == "images" and status[14] == status[15] == "no_text"
    assert status[1] == "text"  # the cover's photo is decoration; its title is text
    assert "36%" in rep.page_info[4].note  # page 5: a table picture beside running text
    assert "pages 13, 16–21: tables or charts are pictures" in rep.warnings[0]
    table = rep.pages_table()
    assert list(table.columns)[:5] == ["page", "status", "chars", "image_cover", "note"]
    assert table["section"].iloc[12] == "page 13"


@fixtures
def test_blank_pages_and_picture_covers_have_no_text():
    rep = report(MSFT)
    assert {1, 27, 85} <= set(rep.unreadable_pages)
    assert all(rep.page_info[n - 1].status == "no_text" for n in (1, 27, 85))


@fixtures
def test_scanned_cover_letters_readable_or_noise():
    # FY2018-19 and FY2019-20: the BSE cover letter is a scan whose OCR is mostly words
    for parts in (SHOE_19, SHOE_20):
        first = report(parts).page_info[0]
        assert first.status == "scan" and first.readable and "OCR" in first.note
    # FY2022-23: the OCR of the two scanned pages is garbage ("Slaldard Shoo Solo lnd")
    rep = report(SHOE_23)
    assert [p.status for p in rep.page_info[:3]] == ["noisy_ocr", "noisy_ocr", "text"]
    assert rep.unreadable_pages == [1, 2, 18]  # and the venue map, a picture
    assert "pictures" in rep.page_info[17].note
    assert any(w.startswith("pages 1–2: a scanned page whose OCR") for w in rep.warnings)


def test_ocr_noise_is_judged_against_the_report_s_own_words():
    words = {"standard", "shoe", "sole", "mould", "india", "limited", "company", "annual",
             "report", "general", "meeting", "board", "directors", "held", "outcome"}
    good = "Standard Shoe Sole and Mould India Limited Outcome of the Board Meeting held"
    noise = "Slaldard Shoo Solo lnd ilorld llndial Lld Ren rbe quatrereDded orh lune"
    assert ocr_word_share(good, words) > 0.8 and ocr_word_share(noise, words) < 0.2
    assert ocr_word_share("too short", words) is None


@fixtures
def test_running_heads_folios_and_production_slugs_are_dropped():
    shoe = report(SHOE_19)
    assert not any("Standar d Shoe Sole" in p for p in shoe.pages)  # the letter-split head
    pmi = report(PMI)
    assert not any("Annual Report_Feb 10, 2023" in p for p in pmi.pages[:6])  # off-page slug
    assert all(not p.startswith("3\n") for p in shoe.pages[3:5])


def test_cleaning_a_line():
    assert clean_line("interna\ufffdonal opera\ufffdons", {"international", "operations"}) == \
        "international operations"
    assert clean_line("A N N U A L  R E P O R T", set()) == "ANNUAL REPORT"
    assert clean_line("\uf0b7 Notice 03", set()) == "• Notice 03"
    assert page_list([13, 14, 15, 17]) == "pages 13–15, 17" and page_list([2]) == "page 2"


def test_scan_without_text_layer_is_refused(tmp_path):
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(img).text((40, 40), "Annual Report 2023 - Revenue EUR 12.5 million", fill=0)
    pdf = _fpdf()
    for _ in range(2):
        pdf.add_page()
        pdf.image(img, x=0, y=0, w=210)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(errors.NoTextLayerError) as info:
        read_annual_report_pdf(path)
    assert "no text layer" in info.value.message and "2 page(s)" in info.value.message
    assert "OCR" in info.value.suggestion


def test_password_protected_pdf_is_refused(tmp_path):
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Annual Report 2023")
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(errors.EncryptedDocumentError) as info:
        read_annual_report_pdf(path)
    assert "password" in info.value.message and info.value.suggestion


def test_not_a_pdf_and_missing_file(tmp_path):
    page = tmp_path / "report.pdf"
    page.write_text("<html><body>Annual report</body></html>")
    with pytest.raises(errors.ParseError) as info:
        read_annual_report_pdf(page)
    assert "is not a PDF" in info.value.message and "save it" in info.value.suggestion
    with pytest.raises(errors.ParseError) as info:
        read_annual_report_pdf(tmp_path / "missing.pdf")
    assert "cannot read" in info.value.message
    with pytest.raises(errors.ParseError, match="is empty"):
        read_annual_report_pdf(b"  ")
