"""Human titles for sources: what a footnote, a caption or a notebook link calls a source.

One place turns a :class:`~research_kit.provenance.Source` into the words a person reads —
"Brightwater Instruments 10-K FY2025, Item 1A. Risk Factors", "Your LinkedIn profile —
Experience" — so the PDF, the HTML brief and the notebook say the same thing. Code that
makes a Source names it with the builders here (:func:`filing_title`,
:func:`financials_title`, :func:`posting_title`, :func:`profile_title`, …); :func:`source_title`
then folds in the section and drops what only a program understands: XBRL concept names
("us-gaap:Revenues"), accession numbers, "derived from annual_financials", a section that
repeats the title. Sources with the same URL read alike: the title first given to that URL
(``borrowed``, see :func:`titles_by_url`) names them all; a source no one titled says what
kind of place it is ("SEC filing").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from .provenance import Source

__all__ = ["source_title", "titles_by_url", "shown_section", "clean_title", "filing_title",
           "financials_title",
           "press_release_title", "posting_title", "profile_title"]

# -- builders: how code that makes a Source names it ------------------------------------


def _company(name: str | None) -> str:
    return " ".join(str(name or "").split())


def filing_title(company: str | None, form: str = "10-K", fiscal_year: int | str | None = None,
                 filed: str | None = None) -> str:
    """"Apple Inc. 10-K FY2024" (or "… 10-K filed 2024-11-01" when the year is unknown)."""
    text = f"{_company(company)} {form}".strip()
    if fiscal_year not in (None, ""):
        return f"{text} FY{str(fiscal_year).removeprefix('FY')}"
    return f"{text} filed {filed}" if filed else text


def financials_title(company: str | None, fiscal_year: int | str | None = None) -> str:
    """Figures from SEC's XBRL company facts: "Apple Inc. 10-K financials FY2024"."""
    return filing_title(company, "10-K financials", fiscal_year)


def press_release_title(company: str | None, date: str | None = None) -> str:
    """A press release filed with an 8-K: "Apple Inc. press release (8-K, 2024-10-31)"."""
    where = f"8-K, {date}" if date else "8-K"
    return f"{_company(company)} press release ({where})".strip()


def posting_title(company: str | None = None, role: str | None = None) -> str:
    """"Job posting: Data Engineer at Acme" / "Acme job posting" / "Job posting"."""
    role, company = _company(role), _company(company)
    if role and company:
        return f"Job posting: {role} at {company}"
    if role:
        return f"Job posting: {role}"
    return f"{company} job posting" if company else "Job posting"


def profile_title(person: str | None = None, kind: str = "profile") -> str:
    """"Your LinkedIn profile" (``kind="LinkedIn profile"``) or "Dana Okafor's profile"."""
    if not person:
        return f"Your {kind}"
    return f"{_company(person)}'s {kind}"


# -- cleaning: from whatever a Source says to what a person reads ------------------------

_CONCEPT = re.compile(r"\b[a-z][a-z0-9-]*:[A-Z][A-Za-z0-9]{2,}\b")  # us-gaap:Revenues, dei:…
_ACCESSION = re.compile(r"\b\d{10}-\d{2}-\d{6}\b")
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # annual_financials
_DERIVED = re.compile(r"^\s*derived from\b", re.I)
_XBRL_FACTS = re.compile(r"^(?P<who>.*?)\s*\bXBRL company facts\b,?\s*(?P<rest>.*)$", re.I)
_FY = re.compile(r"\bFY\s?(\d{4})\b")


def _squash(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\(\s*\)", "", text)
    return text.strip(" ,;:—–-·").strip()


def clean_title(title: str | None) -> str:
    """A title without program names ("SEC XBRL company facts FY2025" → "10-K financials
    FY2025 (SEC)"; concept names and accession numbers removed)."""
    text = " ".join(str(title or "").split())
    if not text:
        return ""
    facts = _XBRL_FACTS.match(text)
    if facts:
        who = facts.group("who").strip()
        who = "" if who.upper() in ("SEC", "SEC EDGAR", "EDGAR") else who
        rest = facts.group("rest")
        year = _FY.search(rest) or _FY.search(who)
        extra = _squash(_FY.sub("", rest))
        who = _squash(_FY.sub("", who))
        text = financials_title(who, year.group(1) if year else None)
        if not who:
            text += " (SEC)"
        if extra and extra.casefold() not in text.casefold():
            text += f", {extra}"
    text = _CONCEPT.sub("", text)
    text = _ACCESSION.sub("", text)
    text = _IDENTIFIER.sub("", text)
    return _squash(text)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[0-9a-z]+", text.casefold()) if len(w) > 1}


def _is_machine(section: str) -> bool:
    if _DERIVED.match(section) or re.fullmatch(r"EX-\d+(\.\d+)?", section, flags=re.I):
        return True
    bare = _CONCEPT.sub("", _ACCESSION.sub("", _IDENTIFIER.sub("", section)))
    return not re.search(r"[A-Za-z]{2,}", bare.replace("10-K", "").replace("10-Q", ""))


def shown_section(section: str | None) -> str:
    """The section as people read it; "" for a program's name ("us-gaap:Revenues",
    "derived from annual_financials", an accession number)."""
    text = " ".join(str(section or "").split())
    if not text or _is_machine(text):
        return ""
    return _squash(_CONCEPT.sub("", _ACCESSION.sub("", text)))


def _clean_section(section: str | None, title: str) -> str:
    text = shown_section(section)
    if not text:
        return ""
    label = re.sub(r"^(interviewer|candidate|person)\s*:\s*", "", text, flags=re.I)
    # a section that only repeats the title ("EX-99.1" of "… 8-K EX-99.1 …") adds nothing
    if title and _words(label) and _words(label) <= _words(title):
        return ""
    return text


def _kind_of_place(url: str) -> str:
    """What a source is when nothing names it, from its URL alone."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.lower()
    if host == "data.sec.gov" and "companyfacts" in path:
        return "10-K financials (SEC)"
    if host == "data.sec.gov" and "submissions" in path:
        return "SEC company record"
    if host.endswith("sec.gov") and "/archives/" in path:
        return "SEC filing"
    if url.startswith("user-provided:"):
        return "Typed by you"
    name = path.rsplit("/", 1)[-1] if not parts.scheme or parts.scheme == "file" else ""
    if name.endswith("target.toml") or url.endswith("target.toml"):
        return "Your notes (target.toml)"
    if "linkedin" in (name or url.lower()).rsplit("/", 1)[-1]:
        return "LinkedIn profile"
    return ""


def titles_by_url(sources: Iterable[Source]) -> dict[str, str]:
    """The first clean title given to each URL, for sources that have none."""
    found: dict[str, str] = {}
    for source in sources:
        title = clean_title(source.title)
        if title and source.url not in found:
            found[source.url] = title
    return found


def source_title(source: Source, borrowed: Mapping[str, str] | None = None) -> str:
    """What a person reads for ``source``: its title with the section folded in
    ("Acme 10-K FY2024, Item 7. Management's Discussion…", "Your LinkedIn profile —
    Experience"); never a concept or function name. May be "" for a bare file or page
    (the location then speaks for itself)."""
    # one document reads the same in every footnote: the title first given to its URL wins
    title = (borrowed or {}).get(source.url) or clean_title(source.title)
    if not title:
        title = _kind_of_place(source.url)
    section = _clean_section(source.section, title)
    if not section:
        return title
    if not title or section.casefold().startswith(title.casefold()):
        return section  # "O*NET Skills" + "O*NET Skills (2019 taxonomy)": the section says it all
    join = ", " if re.match(r"(Item|Part)\s+[0-9IVX]", section) else " — "
    return f"{title}{join}{section}"
