"""Press releases a company filed with SEC: 8-Ks carrying an EX-99.1 exhibit.

For each recent 8-K (newest first) that lists Item 9.01 (exhibits), the filing's
``…-index.htm`` page says which document is the EX-99.1; that document gives the headline
(the short lines just above the dateline) and the first paragraph (the dateline paragraph:
"SAN JOSE, Calif. – March 15, 2023 – Adobe … today reported …"). A full submission
``.txt`` or a saved EX-99.1 file can be read with :func:`press_release_from_document`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from ...errors import FetchError, HTTPStatusError, NotCachedError, ParseError
from ...gateway.client import Gateway
from ...provenance import Source, table_from_rows
from .client import fetch_filing_document, fetch_filing_index_page
from .documents import check_filing_bytes, split_sgml_documents, text_of_document
from .html_text import parse_html
from .submissions import load_submissions, recent_filings

__all__ = ["PressRelease", "press_releases", "press_release_from_document",
           "exhibit_links", "PRESS_COLUMNS"]

PRESS_COLUMNS = ["date", "title", "first_paragraph", "url", "form", "accession", "company", "text"]
_EXHIBIT_TYPES = ("EX-99.1", "EX-99.01", "EX-99", "EX-99.(A)")
_WIRE = re.compile(r"\((?:business\s*wire|globe\s*newswire|pr\s*newswire|accesswire|"
                   r"marketwired)\)|/\s*pr\s*newswire\s*/|/\s*globe\s*newswire\s*/", re.I)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\u2019 -]{2,40},\s*(?:[A-Z][A-Za-z.]{1,12},?\s*)?(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},"
    r"\s*\d{4}\s*)?(?:[-\u2013\u2014]{1,2}|/)")
_ANNOUNCES = re.compile(r"\btoday\b|\bannounced?\b|\breported\b|\breports\b", re.I)
_NOT_A_HEADLINE = re.compile(
    r"^(?:exhibit\s+99|ex-99|for\s+immediate\s+release|news\s+release|press\s+release|"
    r"contacts?\b|investor|media\b|document$|fictional)|@|\bwww\.|https?://|"
    r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}", re.I)
_SCAN_FACTOR = 3
_BODY_PARAGRAPHS = 8
# where the announcement ends: contacts, "About X", the forward-looking-statements notice
_END_OF_BODY = re.compile(r"^(?:about\s|contacts?\b|media\s+contact|investor\s+contact|"
                          r"forward-looking|cautionary|safe\s+harbor|#\s*#\s*#)", re.I)
_log = logging.getLogger(__name__)


@dataclass
class PressRelease:
    title: str | None
    first_paragraph: str | None
    body: str = ""
    """The opening paragraphs (the dateline paragraph and those after it, up to the first
    table or contact block), joined by blank lines: what the release announces."""


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]


def press_release_from_text(text: str) -> PressRelease:
    """Headline and first paragraph of a press release's text."""
    paragraphs = _paragraphs(text)
    dateline = None
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph) < 60:
            continue
        if _WIRE.search(paragraph[:300]) or (_DATELINE.match(paragraph)
                                            and _ANNOUNCES.search(paragraph[:400])):
            dateline = index
            break
    if dateline is None:
        dateline = next((i for i, p in enumerate(paragraphs)
                         if len(p) >= 150 and _ANNOUNCES.search(p[:400])), None)
    if dateline is None:
        dateline = next((i for i, p in enumerate(paragraphs) if len(p) >= 150), None)
    if dateline is None:
        return PressRelease(None, None)
    block: list[str] = []
    for paragraph in reversed(paragraphs[:dateline]):
        if len(paragraph) > 250 or _NOT_A_HEADLINE.search(paragraph) or "\t" in paragraph:
            break
        block.insert(0, paragraph)
    title = block[0] if block else None
    body = []
    for paragraph in paragraphs[dateline:dateline + _BODY_PARAGRAPHS]:
        if "\t" in paragraph or _END_OF_BODY.search(paragraph[:80]):
            break
        body.append(paragraph)
    return PressRelease(title, paragraphs[dateline], "\n\n".join(body))


def press_release_from_document(data: bytes | str) -> PressRelease:
    """Headline and first paragraph from an EX-99.1 document (HTML or text) or from a full
    8-K submission ``.txt`` (its EX-99.1 document is used)."""
    check_filing_bytes(data, where="the press release")
    from ...gateway.client import decode_body

    text = decode_body(data) if isinstance(data, bytes) else data
    if re.search(r"<DOCUMENT>", text[:200_000], re.I):
        docs = split_sgml_documents(text)
        exhibit = next((d for t in _EXHIBIT_TYPES for d in docs if d.type == t), None)
        if exhibit is None:
            raise ParseError("the filing has no EX-99.1 exhibit (no press release)",
                             suggestion="press releases are filed as EX-99.1 of an 8-K")
        text = exhibit.body
    return press_release_from_text(text_of_document(text)[0])


def exhibit_links(index_html: bytes | str, base_url: str) -> dict[str, str]:
    """Document type → absolute URL from a filing's ``-index.htm`` page."""
    root = parse_html(index_html)
    if root is None:
        return {}
    links: dict[str, str] = {}
    for row in root.iter("tr"):
        cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() == "td"]
        if len(cells) < 4:
            continue
        doc_type = " ".join(cells[3].text_content().split()).upper()
        anchor = next(cells[2].iter("a"), None)
        href = anchor.get("href") if anchor is not None else None
        if not doc_type or not href:
            continue
        href = re.sub(r"^/ix\?doc=", "", href)
        links.setdefault(doc_type, urljoin(base_url, href))
    return links


def _release_row(filing: dict, gateway: Gateway | None, company: str) -> dict | None:
    index = fetch_filing_index_page(filing["cik"], filing["accession"], gateway=gateway)
    links = exhibit_links(index.content, "https://www.sec.gov/")
    url = next((links[t] for t in _EXHIBIT_TYPES if t in links), None)
    if url is None:
        return None
    document = fetch_filing_document(url, gateway=gateway)
    release = press_release_from_document(document.content)
    return {"date": filing["filed"], "title": release.title,
            "first_paragraph": release.first_paragraph, "text": release.body, "url": url,
            "form": filing["form"],
            "accession": filing["accession"], "company": company,
            "source": Source(url=url, retrieved_at=document.source.retrieved_at,
                             from_cache=document.source.from_cache, section="EX-99.1",
                             title=f"{company} 8-K {filing['filed']} EX-99.1")}


def press_releases(query_or_cik, limit: int = 5, *, gateway: Gateway | None = None):
    """The ``limit`` most recent press releases (8-K EX-99.1): date, title, first
    paragraph, URL, form, accession, company + source columns."""
    data, source = load_submissions(query_or_cik, gateway=gateway)
    company = str(data.get("name") or "")
    filings = [f for f in recent_filings(data, source, forms=("8-K", "8-K/A"))
               if not f["items"] or "9.01" in f["items"]]
    rows: list[dict] = []
    for filing in filings[:max(limit, 0) * _SCAN_FACTOR]:
        if len(rows) >= limit:
            break
        try:
            row = _release_row(filing, gateway, company)
        except (HTTPStatusError, NotCachedError, ParseError) as exc:
            # one unreadable filing should not hide the others
            _log.warning("skipped 8-K %s: %s", filing["accession"], exc.message)
            continue
        except FetchError:
            raise
        if row is not None:
            rows.append(row)
    return table_from_rows(rows, PRESS_COLUMNS)
