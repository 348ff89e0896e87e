"""A profile rebuilt as quotable units: whole sentences, bullets and one-line fields.

PDF text comes as lines cut where the page ran out of width ("…performance improvement in"
/ "Jenkins."). Quoting a line would quote half a sentence, so the lines of a section are
first joined back into paragraphs and bullets, and these are split into sentences:

* a line **continues** the one above when they share size and weight, sit at normal line
  spacing (or the above ends one page and this starts the next), and the first word of this
  line would not have fitted at the end of the line above: that is how a typesetter breaks
  lines, so it holds for any layout and any language;
* a bullet marker ("- ", "•", "1.") starts a new unit and is not part of the quote;
* a unit splits into sentences at ". ", "! ", "? " before a capital — not after an
  initial ("J."), an abbreviation ("e.g.", "Inc.", "Pvt.") or a degree ("B.S.").

Each unit becomes a :class:`~.model.Passage` with its section, role ("Title at Company"),
page and a :class:`~research_kit.provenance.Source` pointing at the profile file there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...provenance import Source
from .model import Passage, Profile
from .pdf_text import PdfLine

__all__ = ["strip_bullet", "sentences", "line_units", "make_passage", "role_label",
           "passages_from_fields", "BULLET"]

BULLET = re.compile(r"^\s*(?:[-–—•*·●▪■◦➢➤►♦✓✔]+|\(?\d{1,2}[.)](?!\d))\s+")
_INLINE_BULLET = re.compile(r"\s+[•●▪➢➤►♦]\s+|\s+\*\s+(?=[A-Z])")
_ABBREVIATIONS = frozenset("""
e.g i.e etc vs inc ltd co corp jr sr dr mr mrs ms st no nos approx incl pvt engg dept govt
univ mt ft fig al viz resp est sq hon assoc bros jan feb mar apr jun jul aug sep sept oct nov
dec
""".split())
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]?(?=\s+[\"“‘'(\[]?[A-Z0-9À-Ý])")


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def sentences(text: str) -> list[str]:
    """Whole sentences of one paragraph or bullet, verbatim (inner spacing kept)."""
    text = text.strip()
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        word = re.search(r"(\S+)$", text[start:m.start() + 1])
        token = word.group(1).rstrip(".!?\"”’')]").lower() if word else ""
        bare = token.lstrip("(\"“")
        if m.group(0)[0] == "." and (
                bare in _ABBREVIATIONS or len(bare) == 1 or "." in bare  # J. / B.S. / U.S.
                or re.fullmatch(r"\d+", bare) and len(bare) <= 2):  # "1. " list numbers
            continue
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def split_inline_bullets(text: str) -> list[str]:
    """"• Typewriting • TORA • SPSS", "Skills * A * B" and "1) A 2) B 3) C" hold several
    bullets on a line."""
    parts = [p.strip() for p in _INLINE_BULLET.split(text)]
    numbers = [int(n) for n in re.findall(r"(?:^|\s)(\d{1,2})\.\s+(?=[A-Z])", text)]
    if len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
        parts = [q.strip() for p in parts for q in re.split(r"(?:^|\s)\d{1,2}\.\s+(?=[A-Z])", p)]
    if len(re.findall(r"(?:^|\s)\d{1,2}\)\s", text)) >= 2:
        parts = [q.strip() for p in parts for q in re.split(r"(?:^|\s)\d{1,2}\)\s+", p)]
    if len(parts) > 1:
        # "4) SAP-ERP for Product specific coding Strengths: 1. Ability …": the next
        # list's heading is not part of the item before it
        parts = [_without_next_heading(p) for p in parts]
    return [strip_bullet(p) for p in parts if strip_bullet(p)]


def _without_next_heading(part: str) -> str:
    cut = _NEXT_HEADING.sub("", part)
    # "ADJOINING SKILLS:" is a heading of its own, not an item and a heading
    return part if cut != part and cut.isupper() else cut


HEADING_WORDS = ("strengths?", "skills?", "tools?", "languages?", "certifications?",
                 "certificates?", "trainings?", "courses?", "education", "experience",
                 "projects?", "achievements?", "awards?", "interests?", "hobbies",
                 "responsibilities", "summary", "objective", "competencies", "expertise",
                 "technologies", "qualifications?", "profile", "details")
"""The words a resume's section headings end in ("TECHNICAL SKILLS", "Strengths:"), as
regular-expression fragments; :mod:`research_kit.research.position.evidence` reads its
capitalised headings with them too."""
_HEAD_WORD = "(?:" + "|".join(HEADING_WORDS) + ")"
_NEXT_HEADING = re.compile(rf"(?<=\S)\s+(?:(?:technical|soft|key|core|personal|other|additional|"
                           rf"professional|computer)\s+)?{_HEAD_WORD}(?:\s+(?:and|&)\s+"
                           rf"{_HEAD_WORD})?\s*:$", re.I)


# --- PDF lines → units ------------------------------------------------------------------

def _char_width(line: PdfLine) -> float:
    return (line.x1 - line.x0) / max(len(line.text), 1)


def _same_row(a: PdfLine, b: PdfLine) -> bool:
    return a.page == b.page and abs(a.top - b.top) < 0.5 * max(a.size, 1.0) and b.x0 > a.x1


def _continues(prev: PdfLine, line: PdfLine, right: float, page_end: bool) -> bool:
    """Does ``line`` carry on the paragraph of ``prev`` (a wrapped line)?"""
    if BULLET.match(line.text) or abs(line.size - prev.size) > 0.25 or line.bold != prev.bold:
        return False
    if line.page != prev.page:
        if not (page_end and line.page == prev.page + 1):
            return False
    else:
        gap = line.top - prev.top  # tops move with the glyphs: allow for descenders
        if not 0 < gap < 2.2 * max(line.size, 1.0):
            return False
    if _soft_break(prev.text) and line.text[:1].isalnum():
        return True  # "Web-" / "Based": a word or URL hyphenated at the line end
    if _OPEN_END.search(prev.text) and not line.text[:1].isupper():
        return True  # "… registration of" / "11 Brazilian States": the sentence runs on
    first = line.text.split()[0] if line.text.split() else ""
    needed = (len(first) + 1) * _char_width(line)
    if prev.x1 + needed > right - 0.5 * _char_width(line):
        return True  # the first word would not have fitted on the line above
    # a lower-case start right under a line that does not close a sentence
    return line.text[:1].islower() and not re.search(r"[.!?:]$", prev.text) and \
        prev.x1 > right - 0.25 * (right - min(prev.x0, line.x0))


_OPEN_END = re.compile(r"(?:,|\b(?:of|and|or|the|a|an|to|for|with|by|on|at|from|in|into|"
                       r"using|as|that|which|whose))$")


def line_units(lines: list[PdfLine], right: float) -> list[tuple[str, PdfLine]]:
    """Paragraphs, bullets and one-line fields of a run of lines: (text, first line).

    ``right``: the right edge of the text column (where lines break)."""
    rows: list[list[PdfLine]] = []
    for ln in lines:  # pieces of one row ("Software Engineering" … "370") belong together
        if rows and _same_row(rows[-1][-1], ln):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    units: list[tuple[list[str], PdfLine, PdfLine]] = []
    for row in rows:
        text = " ".join(piece.text for piece in row)
        first, last = row[0], row[-1]
        if units and len(row) == 1 and _continues(units[-1][2], first, right,
                                                  first.page != units[-1][2].page):
            words = units[-1][0]
            words.append(text)
            units[-1] = (words, units[-1][1], last)
        else:
            units.append(([text], first, last))
    out = []
    for parts, first, _ in units:
        text = parts[0]
        for part in parts[1:]:
            text = text + part if text.endswith("-") and re.search(r"\w-$", text) and \
                not text.endswith(" -") and _soft_break(text) else f"{text} {part}"
        out.append((text, first))
    return out


def _soft_break(text: str) -> bool:
    """A hyphen at a line end that belongs inside a word (a wrapped compound or URL)."""
    return bool(re.search(r"[A-Za-z0-9]-$", text))


# --- Passages ---------------------------------------------------------------------------

def role_label(title: str, company: str) -> str:
    """"Title at Company" as the profile writes a role (a title that already says "at …"
    keeps it: "Software Architect at Livelo" under Compass.uol)."""
    title, company = (title or "").strip(), (company or "").strip()
    if title and company and re.search(r"\bat\s+\S", title):
        return title
    if title and company:
        return f"{title} at {company}"
    return title or (f"at {company}" if company else "")


def make_passage(source: Source | None, text: str, section: str, kind: str, *, role: str = "",
                 role_index: int | None = None, page: int | None = None) -> Passage:
    passage = Passage(text=text, section=section, kind=kind, role=role, role_index=role_index,
                      page=page)
    if source is not None:
        passage.source = source.at(passage.where())
    return passage


def passages_from_text(source: Source | None, text: str, section: str, kind: str, *,
                       role: str = "", role_index: int | None = None,
                       page: int | None = None) -> list[Passage]:
    """Sentences of one paragraph or bullet (bullet markers dropped)."""
    out = []
    for piece in split_inline_bullets(text):
        for sentence in sentences(piece):
            out.append(make_passage(source, sentence, section, kind, role=role,
                                    role_index=role_index, page=page))
    return out


def passages_from_fields(profile: Profile) -> list[Passage]:
    """Passages for a profile built from fields (the YAML format, typed facts in
    target.toml): each field value is a unit, each description line split into sentences."""
    src = profile.source
    out: list[Passage] = []
    if profile.headline:
        out.append(make_passage(src, profile.headline, "Header", "headline"))
    if profile.location:
        out.append(make_passage(src, profile.location, "Header", "location"))
    for para in _lines(profile.summary):
        out += passages_from_text(src, para, "Summary", "summary")
    for i, role in enumerate(profile.experience):
        label = role_label(role.title, role.company)
        if label:
            out.append(make_passage(src, label, "Experience", "role", role=label, role_index=i))
        for para in _lines(role.description):
            out += passages_from_text(src, para, "Experience", "bullet", role=label,
                                      role_index=i)
    for edu in profile.education:
        text = ", ".join(x for x in (edu.degree, edu.field_of_study, edu.school) if x)
        if text:
            out.append(make_passage(src, text, "Education", "education"))
    for kind, section, items in (("skill", "Skills", profile.skills),
                                 ("certification", "Certifications", profile.certifications),
                                 ("language", "Languages", profile.languages),
                                 ("honor", "Honors", profile.honors)):
        out += [make_passage(src, item, section, kind) for item in items if item.strip()]
    for entry in profile.volunteering:
        text = ", ".join(x for x in dict.fromkeys((entry.text, entry.organization)) if x)
        out.append(make_passage(src, text, "Volunteering", "volunteering"))
    for entry in profile.groups:
        out.append(make_passage(src, entry.text, "Groups", "group"))
    return out


def _lines(text: str) -> Iterable[str]:
    for line in (text or "").splitlines():
        if line.strip():
            yield line.strip()
