"""A company source that cannot be read is named in the brief with its cause, and the
brief never suggests adding what target.toml already has."""

from __future__ import annotations

from fpdf import FPDF
from PIL import Image, ImageDraw

from research_kit.app.create import create_workspace
from research_kit.workbench.research import open_research


def _locked_pdf(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Annual Report 2023")
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.output(str(path))


def _scanned_pdf(path):
    img = Image.new("L", (600, 800), 255)
    ImageDraw.Draw(img).text((40, 40), "Annual Report 2023 - Revenue EUR 12.5 million", fill=0)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(img, x=0, y=0, w=210)
    pdf.output(str(path))


def _snapshot_line(tmp_path, **target):
    created = create_workspace("Nordic Widgets Oy", directory=tmp_path / "ws",
                               base_dir=tmp_path, **target)
    return open_research(created.workspace.path).brief_model().missing_text("snapshot")


def test_a_password_protected_report_is_named_with_its_cause(tmp_path):
    _locked_pdf(tmp_path / "locked.pdf")
    line = _snapshot_line(tmp_path, annual_report="locked.pdf")
    assert "Could not read annual report (PDF): locked.pdf is password-protected" in line
    assert "annual_report" not in line  # never suggest adding what is there


def test_a_scan_without_text_is_named_with_its_cause(tmp_path):
    _scanned_pdf(tmp_path / "scan.pdf")
    line = _snapshot_line(tmp_path, annual_report="scan.pdf")
    assert "Could not read annual report (PDF)" in line and "no text layer" in line


def test_a_site_that_answers_403_is_named_with_its_cause(tmp_path, httpserver, make_gateway):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    httpserver.expect_request("/").respond_with_data("Forbidden", status=403)
    created = create_workspace("Nordic Widgets Oy", directory=tmp_path / "ws",
                               site=httpserver.url_for("/"))
    research = open_research(created.workspace.path, gateway=make_gateway())
    line = research.brief_model().missing_text("snapshot")
    assert "Could not read company website" in line and "403" in line
    assert 'site = "' not in line
