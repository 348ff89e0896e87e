"""From the bytes of an EDGAR filing to its text and cover facts, refusing what is not one.

An EDGAR document arrives in one of several shapes:

* a full submission ``.txt``: an SGML ``<SEC-HEADER>`` (or 1990s ``<IMS-HEADER>``) followed
  by several ``<DOCUMENT>``s (the form itself, then exhibits such as EX-13 or EX-99.1),
  each with ``<TYPE>`` and ``<TEXT>``;
* one ``<DOCUMENT>`` wrapper around an HTML or plain-text primary document;
* a bare primary document: inline-XBRL XHTML (2019+), legacy HTML, or plain text.

:func:`read_filing` checks the bytes first (empty, binary, SEC's rate-limit page) so that a
bad file fails with a clear :class:`~research_kit.errors.ParseError`, then picks the
document of the wanted form and turns it into text with the cover facts (form, company,
period) it can find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...errors import ParseError
from ...gateway.charset import decode_body
from .html_text import html_to_text
from .policy import looks_like_sec_rate_limit_page

__all__ = ["SgmlDocument", "FilingText", "read_filing", "check_filing_bytes",
           "split_sgml_documents", "normalize_form", "text_of_document"]

_BINARY_MAGIC = {b"%PDF": "a PDF", b"PK\x03\x04": "a ZIP/Office file", b"\x89PNG": "a PNG image",
                 b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image",
                 b"\x1f\x8b": "a gzip archive", b"\xd0\xcf\x11\xe0": "an old Office file"}
# 1990s plain-text filings carry SGML <TABLE>, <S>, <C>, <PAGE> tags: not signs of HTML
_HTML_HINT = re.compile(rb"<\s*(?:html|body|div|p|font|br|xbrl|ix:\w+)\b", re.I)
_TEXT_TABLE_TAGS = re.compile(r"</?(?:TABLE|CAPTION|S|C|FN)>", re.I)
_DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.S | re.I)
_TAG_LINE = re.compile(r"^\s*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>\s*([^\n<]*)", re.M | re.I)
_TEXT = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)
_HEADER = re.compile(r"<(?:SEC|IMS)-HEADER>(.*?)</(?:SEC|IMS)-HEADER>", re.S | re.I)
_PAGE_MARK = re.compile(r"^[ \t]*</?PAGE>[ \t]*$", re.M | re.I)
_FORM_ON_COVER = re.compile(
    r"\bFORM\s+(10\s*-\s*K(?:SB|405|T)?(?:\s*/\s*A)?|10\s*-\s*Q(?:SB)?|20\s*-\s*F|40\s*-\s*F|"
    r"8\s*-\s*K|6\s*-\s*K|S\s*-\s*1|N\s*-\s*CSR|11\s*-\s*K)(?![\w-])", re.I)
_FISCAL_YEAR_ENDED = re.compile(
    r"(?:fiscal\s+year|year)\s+ended:?\s*([A-Z][a-z]+\.?\s+\d{1,2}\s*,?\s*(?:19|20)\d\d)", re.I)
_EXACT_NAME = re.compile(r"exact\s+name\s+of\s+(?:the\s+)?registrant", re.I)
_CORPORATE_NAME = re.compile(
    r"^[A-Z0-9][\w.,&'\- ]{1,80}\b(?:INC|INCORPORATED|CORP|CORPORATION|COMPANY|CO|LTD|LIMITED|"
    r"PLC|LLC|L\.?P|N\.?V|S\.?A|AG|SE|HOLDINGS|GROUP|TRUST|BANCORP)\.?$", re.I)
# glossy annual reports put the 10-K cover after a letter and highlights
_COVER_WINDOW = 60_000
_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}


@dataclass
class SgmlDocument:
    """One ``<DOCUMENT>`` of an SGML submission."""

    type: str
    filename: str
    description: str
    body: str
    closed: bool = True
    """False when the file ends inside this document (a cut-off download)."""


@dataclass
class FilingText:
    """The text of one filed document and the cover facts found around it."""

    text: str
    form: str | None
    company: str | None = None
    cik: int | None = None
    period_end: str | None = None
    """ISO date of the period the report covers, when stated."""
    fiscal_year: int | None = None
    kind: str = "text"
    """"html" or "text": how the document was written."""
    header: dict[str, str] = field(default_factory=dict)
    unterminated: bool = False
    """The SGML document stops without its ``</DOCUMENT>`` (a cut-off download)."""
    html_unclosed: bool = False
    """Bare HTML without ``</body>``/``</html>`` at its end (weaker evidence of a cut)."""
    cut_after: bool = False
    """The submission is cut off after this document (later exhibits are missing)."""
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    """Bold/italic paragraph openings in :attr:`text` (HTML only)."""


def normalize_form(form: str | None) -> str | None:
    """"10KSB" → "10-KSB", "10-k405" → "10-K405", " 10-K/A " → "10-K/A"."""
    if not form:
        return None
    text = re.sub(r"\s+", "", form).upper()
    text = re.sub(r"^(\d+)-?([A-Z])", r"\1-\2", text)
    return text or None


def check_filing_bytes(data: bytes | str, *, where: str = "the document") -> None:
    """Raise :class:`ParseError` for an empty file, a binary file, or SEC's rate-limit page."""
    if isinstance(data, str):
        if not data.strip():
            raise ParseError(f"{where} is empty", suggestion="check the file or URL")
        if "\x00" in data[:8192]:
            raise ParseError(f"{where} is binary, not a filing",
                             suggestion="give the .htm or .txt document of the filing")
        raw_head = data[:4096].encode("utf-8", "replace")
    else:
        if not data.strip():
            raise ParseError(f"{where} is empty", suggestion="check the file or URL")
        raw_head = data[:4096]
        for magic, what in _BINARY_MAGIC.items():
            if data.startswith(magic):
                hint = (" (for an annual report PDF use research_kit.sources.annual_reports.pdf)"
                        if magic == b"%PDF" else "")
                raise ParseError(f"{where} is {what}, not an EDGAR text or HTML filing{hint}",
                                 suggestion="give the .htm or .txt document of the filing")
        head = data[:8192]
        if b"\x00" in head or _control_ratio(head) > 0.05:
            raise ParseError(f"{where} is binary, not a filing",
                             suggestion="give the .htm or .txt document of the filing")
    if looks_like_sec_rate_limit_page(raw_head):
        raise ParseError(
            f"{where} is SEC's 'Request Rate Threshold Exceeded' error page, not a filing",
            suggestion="it was saved while SEC was refusing requests; download the filing "
                       "again (research-kit keeps to SEC's 10 requests/s)")


def _control_ratio(head: bytes) -> float:
    if not head:
        return 0.0
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls / len(head)


def split_sgml_documents(text: str) -> list[SgmlDocument]:
    """The ``<DOCUMENT>`` parts of an SGML submission (empty list when there are none)."""
    docs = []
    for match in _DOCUMENT.finditer(text):
        part = match.group(1)
        tags = {name.upper(): value.strip() for name, value in _TAG_LINE.findall(part[:2000])}
        body_match = _TEXT.search(part)
        body = body_match.group(1) if body_match else part
        docs.append(SgmlDocument(type=normalize_form(tags.get("TYPE")) or "",
                                 filename=tags.get("FILENAME", ""),
                                 description=tags.get("DESCRIPTION", ""), body=body,
                                 closed=match.end() < len(text)
                                 or text.rstrip().upper().endswith("</DOCUMENT>")))
    return docs


def _header_fields(text: str) -> dict[str, str]:
    match = _HEADER.search(text[:200_000])
    if not match:
        return {}
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and value.strip():
            fields.setdefault(key.strip().upper(), value.strip())
    return fields


def text_of_document(body: str):
    """(text, kind, inline-XBRL cover facts, emphasis spans) of one document body."""
    head = body[:5000].encode("utf-8", "replace")
    if _HTML_HINT.search(head):
        converted = html_to_text(body)
        return converted.text, "html", converted.dei, converted.emphasis
    text = body.replace("\r\n", "\n").replace("\r", "\n").expandtabs(8)
    text = _PAGE_MARK.sub("", text)
    text = _TEXT_TABLE_TAGS.sub("", text)
    text = re.sub(r"[ \t]+$", "", text, flags=re.M)
    return text, "text", {}, []


def _parse_date(text: str) -> date | None:
    m = re.match(r"\s*([A-Za-z]+)\.?\s+(\d{1,2})\s*,?\s*(\d{4})", text)
    if m:
        month = _MONTHS.get(m.group(1)[:3].lower())
        if month:
            try:
                return date(int(m.group(3)), month, int(m.group(2)))
            except ValueError:
                return None
    m = re.match(r"\s*(\d{4})-?(\d\d)-?(\d\d)\s*$", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return None


def fiscal_year_of(period_end: date) -> int:
    """The fiscal year a period ending on ``period_end`` is named after.

    52/53-week years that end in the first days of January belong to the previous year.
    """
    if period_end.month == 1 and period_end.day <= 7:
        return period_end.year - 1
    return period_end.year


def _fiscal_year_as_named(text: str, period_end: date) -> int:
    """Retailers' years ending in January/February are named either way ("fiscal 2024" for
    the year ended Feb 2, 2025; "fiscal 2010" for the year ended Jan 31, 2010): count what
    the document itself says."""
    default = fiscal_year_of(period_end)
    if period_end.month > 2:
        return default
    head = text[:300_000]
    year = period_end.year
    said = {y: len(re.findall(rf"\bfiscal(?:\s+year)?\s+{y}\b", head, re.I)) for y in (year - 1, year)}
    if said[year - 1] != said[year]:
        return year - 1 if said[year - 1] > said[year] else year
    return default


def _company_on_cover(text: str) -> str | None:
    head = text[:30_000]
    match = _EXACT_NAME.search(head)
    if not match:
        # no "(Exact name of registrant …)" caption: the first line on the cover that
        # reads like a corporate name
        for line in head[:12_000].splitlines():
            line = " ".join(line.split())
            if _CORPORATE_NAME.match(line) and "COMMISSION" not in line.upper():
                return line
        return None
    before = head[:match.start()].rstrip(" \t(")
    for line in reversed(before.splitlines()[-6:]):
        line = " ".join(line.replace("\t", " ").split()).strip(" -_=")
        if len(line) >= 2 and not set(line) <= set("-_=. "):
            return line[:200]
    return None


def _pick_document(docs: list[SgmlDocument], wanted: tuple[str, ...]) -> SgmlDocument:
    for doc in docs:
        if doc.type in wanted:
            return doc
    for doc in docs:  # no exhibit: the first document is the form itself
        if not doc.type.startswith("EX-"):
            return doc
    return docs[0]


def read_filing(data: bytes | str, *, wanted_forms: tuple[str, ...] = (),
                where: str = "the document") -> FilingText:
    """Decode, check and unwrap one filing; return the main document's text and cover facts.

    ``wanted_forms``: in a multi-document submission, the document types to prefer (the
    first ``<DOCUMENT>`` that is not an exhibit otherwise).
    """
    check_filing_bytes(data, where=where)
    text = decode_body(data) if isinstance(data, bytes) else data
    text = text.replace("\x00", "")
    header = _header_fields(text)
    docs = split_sgml_documents(text) if re.search(r"<DOCUMENT>", text[:300_000], re.I) else []
    unterminated = cut_after = False
    form = normalize_form(header.get("CONFORMED SUBMISSION TYPE") or header.get("FORM TYPE"))
    if docs:
        doc = _pick_document(docs, wanted_forms or ((form,) if form else ()))
        body = doc.body
        form = doc.type if doc.type and not doc.type.startswith("EX-") else form
        unterminated = not doc.closed
        cut_after = not docs[-1].closed and doc is not docs[-1]
    else:
        body = text
    content, kind, dei, emphasis = text_of_document(body)
    html_unclosed = False
    if kind == "html" and not docs:
        tail = body[-3000:].lower()
        html_unclosed = "</html>" not in tail and "</body>" not in tail
    if not content.strip():
        raise ParseError(f"{where} has no readable text", suggestion="check the file or URL")
    form = normalize_form(dei.get("dei:DocumentType")) or form or _form_on_cover(content)
    company = (dei.get("dei:EntityRegistrantName") or header.get("COMPANY CONFORMED NAME")
               or _company_on_cover(content))
    cik_text = dei.get("dei:EntityCentralIndexKey") or header.get("CENTRAL INDEX KEY") or ""
    period = _parse_date(dei.get("dei:DocumentPeriodEndDate", "")) or _parse_date(
        header.get("CONFORMED PERIOD OF REPORT", "")) or _period_on_cover(content)
    fiscal_year = None
    if dei.get("dei:DocumentFiscalYearFocus", "").strip().isdigit():
        fiscal_year = int(dei["dei:DocumentFiscalYearFocus"].strip())
    elif period:
        fiscal_year = _fiscal_year_as_named(content, period)
    return FilingText(text=content, form=form, company=company,
                      cik=int(cik_text) if cik_text.strip().isdigit() else None,
                      period_end=period.isoformat() if period else None,
                      fiscal_year=fiscal_year, kind=kind, header=header,
                      unterminated=unterminated, html_unclosed=html_unclosed,
                      cut_after=cut_after, emphasis=emphasis)


def _form_on_cover(text: str) -> str | None:
    match = _FORM_ON_COVER.search(text[:_COVER_WINDOW])
    return normalize_form(match.group(1)) if match else None


def _period_on_cover(text: str) -> date | None:
    match = _FISCAL_YEAR_ENDED.search(" ".join(text[:_COVER_WINDOW].split()))
    return _parse_date(match.group(1)) if match else None
