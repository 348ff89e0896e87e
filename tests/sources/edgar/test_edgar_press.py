"""Press releases (8-K EX-99.1) from real filings: full submissions, exhibits, index pages."""

from __future__ import annotations

import pytest
from conftest import fixture_path

from research_kit import errors
from research_kit.sources.edgar.press import exhibit_links, press_release_from_document

pytestmark = pytest.mark.fixtures


@pytest.mark.parametrize("name, title, first", [
    ("adbe-2023-03-15-0000796343-23-000044.txt", "Adobe Reports Record Revenue in Q1 Fiscal 2023",
     "SAN JOSE, Calif. – March 15, 2023 – Adobe (Nasdaq:ADBE) today reported"),
    ("mmm-2024-03-08-0000066740-24-000023.txt",
     "3M Board of Directors Approves Spin-off of Solventum",
     "ST. PAUL, Minn., March 8, 2024 /PRNewswire/ -- 3M (NYSE: MMM) today announced"),
    ("bke-2024-11-22-ex99-1.htm", "THE BUCKLE, INC. REPORTS THIRD QUARTER NET INCOME",
     "KEARNEY, NE -- (BUSINESS WIRE) -- The Buckle, Inc. (NYSE: BKE) announced today"),
])
def test_headline_and_first_paragraph(name, title, first):
    release = press_release_from_document(fixture_path("edgar", "8k", name).read_bytes())
    assert release.title == title
    assert release.first_paragraph.startswith(first)


def test_index_page_lists_document_types():
    links = exhibit_links(fixture_path("edgar", "8k", "adbe-2023-03-15-index.html").read_bytes(),
                          "https://www.sec.gov/")
    assert links["EX-99.1"] == ("https://www.sec.gov/Archives/edgar/data/796343/"
                                "000079634323000044/adbeex991q123.htm")
    assert links["8-K"].endswith("/adbe-20230315.htm")  # the /ix?doc= viewer prefix removed


def test_8k_without_exhibit_and_bad_files():
    primary_only = fixture_path("edgar", "8k", "adbe-2023-03-15-8k.htm").read_bytes()
    release = press_release_from_document(primary_only)  # not a press release: no dateline
    assert release.title is None or "Adobe" not in release.title
    wrapped = b"<SEC-DOCUMENT>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nItem 5.07\n</TEXT>\n</DOCUMENT>"
    with pytest.raises(errors.ParseError):
        press_release_from_document(wrapped)
    for bad in (b"", b"%PDF-1.4 ...", fixture_path("edgar", "errors",
                                                  "rate-exceeded-403.html").read_bytes()):
        with pytest.raises(errors.ParseError):
            press_release_from_document(bad)
    assert exhibit_links(b"<html><body>no table</body></html>", "https://www.sec.gov/") == {}
