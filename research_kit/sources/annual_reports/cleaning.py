"""Cleaning the text of an annual report's pages, the way such PDFs need.

* typographic ligatures (ﬁ) become letters (NFKC), and ligatures that lost their character
  mapping (``interna�onal``) are restored from the document's own vocabulary;
* line-end hyphens pdfium marks (U+FFFE, U+0002) become soft hyphens, joined later;
* letter-spaced display text (``A N N U A L  R E P O R T``) is closed up;
* running headers and footers (a line that repeats on many pages, page numbers in the
  margins), and invisible text or text outside the page on born-digital pages (production
  slugs) are dropped;
* a scanned page whose OCR text is mostly not words of this document is marked
  ``noisy_ocr``: its text is kept for reference but nothing is read from it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from .pages import Line, Page

__all__ = ["clean_pages", "vocabulary", "ocr_word_share"]

_LOST_LIGATURE = "\ufffd"
_LIGATURE_GUESSES = ("ti", "tt", "ft", "ff", "fi", "fl", "ffi", "ffl", "tf")
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\ufffd]+")
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:/|of)\s*\d{1,4})?\s*$",
                          re.I)
_MARGIN = 0.09
"""Share of the page height at the top and bottom where running heads and folios live."""
_NOISY_OCR_SHARE = 0.5
"""A scanned page is noisy when fewer than half its words occur on the born-digital pages."""


def clean_pages(pages: list[Page]) -> None:
    """Clean every page's lines in place and mark scans whose OCR text is noise."""
    for page in pages:
        if page.status != "scan":
            # invisible text and text set outside the page: production slugs nobody sees
            page.lines = [ln for ln in page.lines if not ln.invisible and not (
                ln.placed and (ln.top >= page.height or ln.bottom <= 0))]
    _drop_running_lines(pages)
    words = vocabulary(pages)
    for page in pages:
        for line in page.lines:
            line.text = clean_line(line.text, words)
    _judge_scans(pages)


def vocabulary(pages: list[Page]) -> set[str]:
    """The lower-cased words of the born-digital pages."""
    words: set[str] = set()
    for page in pages:
        if page.status == "scan":
            continue
        for line in page.lines:
            words.update(w.lower() for w in _WORD.findall(unicodedata.normalize("NFKC", line.text))
                         if _LOST_LIGATURE not in w)
    return words


def ocr_word_share(text: str, words: set[str]) -> float | None:
    """Share of the words (3+ letters) of ``text`` that occur in ``words``; None for too few."""
    found = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)]
    if len(found) < 10:
        return None
    return sum(w in words for w in found) / len(found)


def _judge_scans(pages: list[Page]) -> None:
    digital = [p for p in pages if p.status == "text"]
    if len(digital) < 3:
        return  # nothing born-digital to compare the OCR with
    words = vocabulary(digital)
    for page in pages:
        if page.status != "scan":
            continue
        share = ocr_word_share(page.text, words)
        if share is not None and share < _NOISY_OCR_SHARE:
            page.status = "noisy_ocr"
            page.note = (f"a scanned page whose OCR text is noise: only {share:.0%} of its words "
                         "occur elsewhere in the report")
        elif share is not None:
            page.note = f"a scanned page with an OCR text layer ({share:.0%} of its words readable)"


def _restore_ligature(match: re.Match, words: set[str]) -> str:
    word = match.group(0)
    for guess in _LIGATURE_GUESSES:
        candidate = word.replace(_LOST_LIGATURE, guess)
        if candidate.lower() in words:
            return candidate
    # "ti" is by far the commonest ligature that loses its mapping (Calibri, Word exports)
    return word.replace(_LOST_LIGATURE, "ti")


def clean_line(text: str, words: set[str]) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\ufffe", "\u00ad").replace("\x02", "\u00ad")
    text = text.replace("\uf0b7", "•").replace("\uf0a7", "•")  # Symbol-font bullets
    if _LOST_LIGATURE in text:
        text = re.sub(r"[A-Za-z]*\ufffd[A-Za-z\ufffd]*",
                      lambda m: _restore_ligature(m, words)
                      if re.search(r"[A-Za-z]", m.group(0)) else m.group(0), text)
    # letter-spaced display text: "A N N U A L  R E P O R T" → "ANNUAL REPORT"
    if re.search(r"(?:\b\w ){3,}\w\b", text):
        parts = re.split(r"\s{2,}", text.strip())
        if all(re.fullmatch(r"(?:\w )+\w", w) for w in parts if w):
            text = " ".join(w.replace(" ", "") for w in parts)
    return re.sub(r"[ \t\u00a0\u2009\u202f]+", " ", text).strip()


def _in_margin(line: Line, page: Page) -> bool:
    if not line.placed:
        return False
    band = page.height * _MARGIN
    return line.bottom <= band or line.top >= page.height - band


def _drop_running_lines(pages: list[Page]) -> None:
    """Lines repeated on many pages (running heads, footers) and folios in the margins."""
    exact: Counter = Counter()
    shape: Counter = Counter()
    for page in pages:
        exact.update({ln.text for ln in page.lines})
        shape.update({re.sub(r"\d+", "#", ln.text) for ln in page.lines if _in_margin(ln, page)})
    threshold = max(3, len(pages) * 0.3) if len(pages) >= 4 else float("inf")
    margin_threshold = max(3, len(pages) * 0.15) if len(pages) >= 4 else float("inf")
    for page in pages:
        kept = []
        for line in page.lines:
            in_margin = _in_margin(line, page)
            if exact[line.text] >= threshold and (in_margin or not line.placed):
                continue
            if in_margin and (shape[re.sub(r"\d+", "#", line.text)] >= margin_threshold
                              or _PAGE_NUMBER.match(line.text)):
                continue
            if not line.placed and _PAGE_NUMBER.match(line.text):
                continue
            kept.append(line)
        page.lines = kept
