"""``load_job_posting``: a URL, a saved file or pasted text → one :class:`JobPosting`.

Readers are tried in this order, most structured first:

1. a job-board API response (JSON), recognised from its shape (:mod:`.boards`);
2. schema.org JobPosting JSON-LD in a page (:mod:`.jsonld`);
3. a page whose description block is marked or dense with text (:mod:`.page`), unless the
   page is a list of jobs (embedded career-site data, or repeated job cards);
4. plain text (:mod:`.text`).

A source that lists several postings raises :class:`PostingChoiceError` naming them, unless
``posting_id`` or ``posting_title`` picks one.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from ...errors import InputError, ParseError, PostingChoiceError
from ...parse_guard import parse_guard
from ...provenance import Source
from .boards import board_records
from .build import PostingRecord, build_posting
from .jsonld import job_postings_in_html
from .model import JobPosting
from .page import (
    description_node,
    embedded_records,
    id_from_url,
    listing_records,
    marked_description,
    page_record,
    page_url,
    soup_of,
)
from .routes import route_for_url
from .text import text_record

__all__ = ["load_job_posting", "parse_job_content"]

MAX_TEXT_CHARS = 5_000_000
MAX_PLAIN_TEXT_CHARS = 300_000
"""A posting's text is a few thousand characters; the text reader takes ~7 s per MB."""
_HTML = re.compile(r"<(html|body|div|p|ul|ol|li|h[1-6]|script|span|table|br)\b", re.I)


def load_job_posting(source: str, *, posting_id: str | None = None,
                     posting_title: str | None = None, gateway=None) -> JobPosting:
    """Read a job posting from a URL, a file path, or pasted text (see module docstring).

    Raises only research-kit errors: whatever a damaged file makes a third-party parser
    raise is a ParseError naming it (the parsing, not the network, is time-bounded)."""
    with parse_guard("the job posting", seconds=None):
        return _load_job_posting(source, posting_id=posting_id, posting_title=posting_title,
                                 gateway=gateway)


def _load_job_posting(source: str, *, posting_id: str | None, posting_title: str | None,
                      gateway) -> JobPosting:
    if not isinstance(source, (str, os.PathLike)):
        raise InputError(f"a job posting source must be a URL, a path or text, not "
                         f"{type(source).__name__}")
    text_source = os.fspath(source)
    if re.match(r"^https?://\S+$", text_source.strip()):
        return _load_url(text_source.strip(), posting_id, posting_title, gateway)
    if _looks_like_path(text_source):
        path = Path(text_source).expanduser()
        if path.is_file():
            return _load_file(path, posting_id, posting_title)
        if "\n" not in text_source and len(text_source) < 300 and (
                "/" in text_source or "\\" in text_source or re.search(r"\.\w{2,5}$", text_source)):
            raise InputError(f"no such file: {text_source}", path=text_source,
                             suggestion="check the path, or pass the posting's URL or its text")
    if len(text_source.strip()) < 20:
        raise InputError("this is not a URL, an existing file or the text of a posting: "
                         f"{text_source.strip()[:60]!r}",
                         suggestion="pass the posting's URL, a saved page/JSON file, or paste "
                                    "its text")
    return parse_job_content(text_source, Source.for_text("pasted job posting"),
                             posting_id=posting_id, posting_title=posting_title)


def _looks_like_path(text: str) -> bool:
    return "\n" not in text and len(text) < 1024


def _load_file(path: Path, posting_id, posting_title) -> JobPosting:
    from ...gateway.client import decode_body

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", path=str(path)) from None
    if data[:5] == b"%PDF-":
        raise InputError(f"{path.name} is a PDF; job postings are read from pages, board JSON "
                         "or text", path=str(path),
                         suggestion="open the posting in a browser and save the page (HTML), "
                                    "or copy its text into a .txt file")
    if len(data) > MAX_TEXT_CHARS:
        raise InputError(f"{path.name} is {len(data):,} bytes: too large for a job posting",
                         path=str(path))
    return parse_job_content(decode_body(data), Source.for_file(path),
                             posting_id=posting_id, posting_title=posting_title)


def _load_url(url: str, posting_id, posting_title, gateway) -> JobPosting:
    from ...gateway.client import get_gateway

    gw = gateway or get_gateway()
    route = route_for_url(url)
    response = gw.get(route.fetch_url)
    posting = parse_job_content(response.text, response.source,
                                posting_id=posting_id or route.posting_id,
                                posting_title=posting_title, fetch=gw.get)
    if posting.url is None:
        posting.url = url
    return posting


def parse_job_content(text: str, source: Source, *, posting_id: str | None = None,
                      posting_title: str | None = None, fetch=None) -> JobPosting:
    """Parse the content of a page, a board response or a text (any of the readers).

    Raises only research-kit errors, within a time bound per document (a board listing
    whose posting is on its own page is fetched outside that bound)."""
    what = f"the job posting {source.label()}" if isinstance(source, Source) else "the job posting"
    with parse_guard(what, source=getattr(source, "url", None)):
        if not isinstance(text, str) or not text.strip():
            raise ParseError("the job posting is empty", source=source.url,
                             suggestion="check the file or URL; a saved page may be a login wall")
        if "\x00" in text[:2000]:
            raise ParseError("this looks like a binary file, not a job posting", source=source.url)
        records = _records(text, source)
        record = _choose(records, posting_id, posting_title, source)
    if fetch is not None and record.detail_url and not (record.description_html
                                                         or record.description_text):
        response = fetch(record.detail_url)
        return parse_job_content(response.text, response.source, posting_id=record.posting_id)
    with parse_guard(what, source=getattr(source, "url", None)):
        return build_posting(record, source)


def _records(text: str, source: Source) -> list[PostingRecord]:
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped[:1] in "[{":
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if data is not None:
            found = board_records(data)
            if found:
                return found[1]
            raise ParseError("this JSON is not a job posting or a job board response this "
                             "version knows", source=source.url,
                             suggestion="save the posting's page (HTML) or its text instead")
    if _HTML.search(stripped[:20000]):
        return _html_records(stripped, source)
    if len(stripped) > MAX_PLAIN_TEXT_CHARS:
        raise ParseError(f"this text is {len(stripped):,} characters; a job posting is a few "
                         "thousand", source=source.url,
                         suggestion="give the text of the one posting (or its page or URL)")
    return [text_record(stripped)]


MAX_NESTING = 500
MAX_TAGS = 15_000
"""Real job pages nest tags a few dozen deep and hold ~500-1,500 tags (the largest fixture,
a LinkedIn search page, 1,349). The HTML readers try dozens of CSS selectors over the tree
(≈ 0.3 ms per tag) and walk it in ways that cost depth × size, so a page nested thousands
deep or with tens of thousands of tags (damaged, or built to stall parsers) is refused
before they see it: at the caps a page takes at most ~5 s."""


class _NestingDepth:
    """lxml parser target: the deepest tag nesting, counted as the tree builder sees it,
    and the number of tags."""

    def __init__(self) -> None:
        self.depth = self.deepest = self.tags = 0

    def start(self, tag, attrib) -> None:
        self.depth += 1
        self.tags += 1
        self.deepest = max(self.deepest, self.depth)

    def end(self, tag) -> None:
        self.depth -= 1

    def data(self, data) -> None:
        pass

    def close(self) -> tuple[int, int]:
        return self.deepest, self.tags


def _check_nesting(page: str, source: Source) -> None:
    from lxml import etree

    parser = etree.HTMLParser(target=_NestingDepth())
    try:
        parser.feed(page)
        deepest, tags = parser.close()
    except (etree.LxmlError, ValueError):
        return  # the readers report what they make of it
    if tags > MAX_TAGS:
        raise ParseError(f"this page has {tags:,} tags; a job posting page has a few "
                         "thousand at most", source=source.url,
                         suggestion="copy the posting's text into a .txt file and give that")
    if deepest > MAX_NESTING:
        raise ParseError(f"this page nests its tags {deepest:,} levels deep; a job posting "
                         f"has a few dozen", source=source.url,
                         suggestion="save the posting's page again from the browser, or copy "
                                    "its text into a .txt file")


def _html_records(page: str, source: Source) -> list[PostingRecord]:
    _check_nesting(page, source)
    from_jsonld = [r for r in job_postings_in_html(page) if r.title or r.description_html]
    soup = soup_of(page)
    if from_jsonld:
        if len(from_jsonld) == 1:  # the page's own address names the posting (Indeed's jk=)
            own = page_url(soup)
            from_jsonld[0].url = from_jsonld[0].url or own
            from_jsonld[0].posting_id = from_jsonld[0].posting_id or id_from_url(own)
        return from_jsonld
    base_url = source.url if source.url.startswith("http") else None
    marked = marked_description(soup)
    if marked is not None:
        return [page_record(page, base_url)]
    embedded = embedded_records(page)
    if len(embedded) >= 2:
        return embedded
    listing = listing_records(page, base_url)
    node = description_node(soup)
    words = len(node.get_text(" ", strip=True).split()) if node is not None else 0
    if listing and not _is_description_outside_cards(node, listing, words):
        return listing
    if embedded and words < 120:
        return embedded
    record = page_record(page, base_url)
    if not (record.title or words):
        raise ParseError("no job posting found in this page", source=source.url,
                         suggestion="save the posting's own page (not a search page), or copy "
                                    "its text into a .txt file")
    return [record]


def _is_description_outside_cards(node, listing: list[PostingRecord], words: int) -> bool:
    """A posting page with a few "similar jobs" cards beside a long description."""
    if node is None or words < 150:
        return False
    hrefs = {a.get("href", "") for a in node.find_all("a", href=True)}
    inside = sum(1 for r in listing if any(h and (r.url or "").endswith(h) for h in hrefs))
    return inside < 2


def _choose(records: list[PostingRecord], posting_id, posting_title,
            source: Source) -> PostingRecord:
    if not records:
        raise ParseError("no job posting found", source=source.url)
    chosen = records
    if posting_id is not None:
        wanted = str(posting_id).strip()
        chosen = [r for r in records if str(r.posting_id) == wanted
                  or (r.url or "").rstrip("/").endswith("/" + wanted)]
    if posting_title:
        wanted_title = posting_title.strip().lower()
        exact = [r for r in chosen if (r.title or "").strip().lower() == wanted_title]
        chosen = exact or [r for r in chosen if wanted_title in (r.title or "").lower()]
    if len(chosen) == 1:
        return chosen[0]
    choices = [r.choice() for r in (chosen or records)]
    if not chosen:
        raise PostingChoiceError(
            f"no posting matches {'id ' + repr(posting_id) if posting_id else ''}"
            f"{' and ' if posting_id and posting_title else ''}"
            f"{'title ' + repr(posting_title) if posting_title else ''} "
            f"among {len(records)} postings", choices=choices, source=source.url)
    raise PostingChoiceError(f"{source.label()} lists {len(chosen)} postings; which one?",
                             choices=choices, source=source.url)
