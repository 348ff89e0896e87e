"""Helpers for the brief tests: build models, read rendered PDFs back (imported by the tests;
not a conftest, so it cannot shadow tests/conftest.py)."""

from __future__ import annotations

import dataclasses
import re

import pytest

from research_kit.brief.model import SECTIONS, BriefModel, Item
from research_kit.brief.sample import sample_brief
from research_kit.provenance import Source


def read_pdf(path) -> tuple[int, str]:
    """(page count, text of all pages with whitespace collapsed) via pdfium."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        pages = len(doc)
        text = " ".join(doc[i].get_textpage().get_text_range() for i in range(pages))
    finally:
        doc.close()
    return pages, normalize(text)


def normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2009", " ")).strip()


def embedded_fonts(path) -> dict[str, bool]:
    """BaseFont name → whether its font program is embedded (FontFile2/3)."""
    import pypdf

    reader = pypdf.PdfReader(str(path))
    fonts = {}
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant["/FontDescriptor"].get_object()
        name = str(font["/BaseFont"]).split("+", 1)[-1]
        fonts[name] = "/FontFile2" in descriptor or "/FontFile3" in descriptor
    return fonts


def headings_for(model: BriefModel) -> list[str]:
    """Every section heading that must be on the page for this model."""
    titles = []
    for spec in SECTIONS:
        if spec.key == "charts":
            continue
        if not spec.missing and model.section_empty(spec.key):
            continue  # optional and empty: left out by design
        titles.append(spec.title)
    return titles


def overfull_brief() -> BriefModel:
    """The sample with every list swollen far beyond one page (ranks 1..n in order)."""
    base = sample_brief(True)
    src = Source("https://www.brightwater-instruments.example/about", "2026-02-24T15:02:50+00:00",
                 title="Brightwater website", section="About")

    def many(prefix: str, n: int) -> tuple[Item, ...]:
        return tuple(Item(f"{prefix} {i}: a longer line of text that wraps onto a second line "
                          f"in the column so that the page fills up quickly ({i}).", i,
                          src.at(f"{prefix} {i}")) for i in range(1, n + 1))

    return dataclasses.replace(
        base, talking_points=many("Talking point", 30), questions=many("Question", 25),
        commonalities=many("Commonality", 12),
        requirements=base.requirements * 3)


@pytest.fixture(scope="session")
def full_model() -> BriefModel:
    return sample_brief(True)


@pytest.fixture(scope="session")
def sparse_model() -> BriefModel:
    return sample_brief(False)
