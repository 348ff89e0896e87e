"""LinkedIn "Save to PDF" profile exports, in both layouts.

* **Old single-column layout** (until ~2017): name, headline and e-mail on top; sections
  (Summary, Experience, Education, Skills & Expertise, …) set in a larger grey type; a role is
  one bold line "Title at Company" followed by its dates; the last page repeats the header
  and says "Contact <name> on LinkedIn".
* **Current two-column layout**: a sidebar (Contact, Top Skills, Languages, Certifications,
  Honors-Awards, Publications, Patents) beside the main column (name, headline, grey
  location, Summary, Experience, Education). A company is set larger than the job titles
  under it; several roles at one company share one company line (followed by the total
  time there); a role's location is grey.

The parser reads the positioned lines of :mod:`.pdf_text` and relies on relative sizes,
boldness, grey colour and line spacing, never on absolute positions; section names are
matched in English and the languages LinkedIn exports most (pt, es, fr, de). A name, a
headline, a company or a job title too long for one line continues on the next line in
the same type: those are joined. Besides the fields, every section becomes
:class:`~.model.Passage` units (:mod:`.passages`) with its page.
"""

from __future__ import annotations

import re
import unicodedata

from ...lexicon.languages import detect_language
from ...provenance import Source
from .dates import find_range, parse_range
from .model import Education, Entry, Experience, Profile
from .passages import line_units, make_passage, passages_from_text, role_label, strip_bullet
from .pdf_text import PdfLine, PdfText

__all__ = ["parse_linkedin_pdf", "looks_like_linkedin", "SECTION_NAMES"]

SECTION_NAMES = {
    "summary": ["summary", "about", "resumo", "sobre", "extracto", "acerca de", "résumé",
                "infos", "zusammenfassung", "info"],
    "experience": ["experience", "experiência", "experiencia", "expérience",
                   "berufserfahrung", "work experience"],
    "education": ["education", "formação acadêmica", "educación", "formation", "ausbildung"],
    "skills": ["skills & expertise", "skills", "top skills", "principais competências",
               "aptitudes principales", "compétences principales", "top-kenntnisse",
               "kenntnisse", "competências"],
    "languages": ["languages", "idiomas", "langues", "sprachen"],
    "certifications": ["certifications", "licenses & certifications", "certificações",
                       "certificaciones", "zertifikate", "certificats", "certification"],
    "honors": ["honors and awards", "honors-awards", "honors & awards", "honors", "awards",
               "prêmios", "prêmios e honrarias", "reconocimientos y premios",
               "distinctions", "auszeichnungen"],
    "volunteering": ["volunteer experience", "volunteering", "volunteer",
                     "experiência de voluntariado", "voluntariado", "bénévolat",
                     "ehrenamt"],
    "organizations": ["organizations", "organizações", "organizaciones", "organisations"],
    "projects": ["projects", "projetos", "proyectos", "projets", "projekte"],
    "publications": ["publications", "publicações", "publicaciones", "publikationen"],
    "patents": ["patents", "patentes", "brevets", "patente"],
    "courses": ["courses", "cursos", "cours", "kurse"],
    "contact": ["contact", "contato", "contacto", "coordonnées", "kontakt"],
    "interests": ["interests", "interesses", "intereses"],
    "recommendations": ["recommendations", "recomendações"],
    "test_scores": ["test scores"],
}
_LOOKUP = {name: key for key, names in SECTION_NAMES.items() for name in names}
_DURATION = re.compile(r"^\(?\d+\s*(years?|yrs?|anos?|años?|ans?|jahre?|months?|mos?|meses|"
                       r"mois|monate?)(\s+\d+\s*(months?|mos?|meses|mois|monate?))?\)?$", re.I)
_LABELLED = re.compile(r"^(grade|activities and societies|nota|atividades|notas)\s*:", re.I)
_ACTIVITIES = re.compile(r"^(?:activities and societies|atividades e grupos|actividades y "
                         r"grupos)\s*:\s*(.+)$", re.I)
_CONTACT = re.compile(r"@|linkedin\.com|^\(linkedin\)$|^[+()\d\s.-]{7,}$|\((?:mobile|home|work|"
                      r"personal|company|blog|portfolio|other)\)$", re.I)
_PASSAGE_KIND = {"skills": "skill", "languages": "language", "certifications": "certification",
                 "honors": "honor", "organizations": "group", "courses": "course",
                 "publications": "publication", "patents": "patent", "projects": "project",
                 "volunteering": "volunteering", "summary": "summary"}


def _key(text: str) -> str | None:
    t = unicodedata.normalize("NFC", text).strip().strip(":").lower()
    return _LOOKUP.get(t)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


def looks_like_linkedin(doc: PdfText) -> bool:
    """The export's own markers: sidebar sections, a LinkedIn profile URL, "… on LinkedIn"."""
    meta = " ".join(doc.metadata.values()).lower()
    if "linkedin" in meta:
        return True
    texts = [ln.text for ln in doc.lines]
    if any(re.match(r"^contact .+ on linkedin$", t, re.I) for t in texts):
        return True
    has_url = any("linkedin.com/in/" in t.lower() for t in texts)
    keys = {_key(t) for t in texts}
    return has_url and "experience" in keys or {"contact", "skills", "experience"} <= keys


def _body_size(lines: list[PdfLine]) -> float:
    sizes = [ln.size for ln in lines if len(ln.text) > 25] or [ln.size for ln in lines]
    return max(set(sizes), key=sizes.count) if sizes else 10.0


def _split_sections(lines: list[PdfLine], min_size: float
                    ) -> list[tuple[str, str, list[PdfLine]]]:
    out: list[tuple[str, str, list[PdfLine]]] = [("_header", "Header", [])]
    for ln in lines:
        key = _key(ln.text)
        if key and ln.size >= min_size:
            out.append((key, ln.text.strip(), []))
        else:
            out[-1][2].append(ln)
    return out


def _same_type(a: PdfLine, b: PdfLine) -> bool:
    return abs(a.size - b.size) < 0.25 and a.bold == b.bold and a.color == b.color


def _next_line_of(a: PdfLine, b: PdfLine) -> bool:
    """``b`` sits right below ``a`` at the spacing of one paragraph (a wrapped line)."""
    return _same_type(a, b) and a.page == b.page and 0 < b.top - a.top < 1.6 * max(a.size, 1)


def _creation_date(metadata: dict[str, str]) -> str | None:
    m = re.match(r"^(?:D:)?(\d{4})(\d{2})(\d{2})", metadata.get("CreationDate", "") or "")
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


class _Context:
    def __init__(self, profile: Profile, source: Source, right: dict[int, float],
                 sidebar: int | None) -> None:
        self.profile, self.source, self.right, self.sidebar = profile, source, right, sidebar

    def units(self, lines: list[PdfLine], *, items: bool = False) -> list[tuple[str, PdfLine]]:
        if not lines:
            return []
        right = self.right.get(lines[0].column, max(ln.x1 for ln in lines))
        units = line_units(lines, right)
        if items and lines[0].column == self.sidebar:
            # sidebar lists: a wrapped item sits closer than the next item
            units = _split_loose(units, lines)
        return units

    def passage(self, text: str, section: str, kind: str, line: PdfLine, **kw) -> None:
        self.profile.passages.append(make_passage(self.source, text, section, kind,
                                                  page=line.page + 1, **kw))

    def sentences(self, text: str, section: str, kind: str, line: PdfLine, **kw) -> None:
        self.profile.passages.extend(passages_from_text(self.source, text, section, kind,
                                                        page=line.page + 1, **kw))


def _split_loose(units: list[tuple[str, PdfLine]], lines: list[PdfLine]
                 ) -> list[tuple[str, PdfLine]]:
    """Undo joins across item spacing: items of a list sit further apart than the lines of
    one wrapped item (sidebar: 17.5 pt apart, wrapped 12 pt)."""
    out: list[tuple[str, PdfLine]] = []
    for text, first in units:
        start = lines.index(first)
        run = [first]
        for ln in lines[start + 1:]:
            if len(" ".join(x.text for x in run)) >= len(text):
                break
            run.append(ln)
        pieces = [[run[0]]]
        for prev, ln in zip(run, run[1:]):
            if ln.page == prev.page and ln.top - prev.top > 1.45 * max(ln.size, 1):
                pieces.append([ln])
            else:
                pieces[-1].append(ln)
        if len(pieces) == 1:
            out.append((text, first))
            continue
        for piece in pieces:
            joined = piece[0].text
            for ln in piece[1:]:
                joined = f"{joined}{ln.text}" if joined.endswith("-") else f"{joined} {ln.text}"
            out.append((joined, piece[0]))
    return out


def parse_linkedin_pdf(doc: PdfText, source: Source) -> Profile:
    two_columns = doc.column_split is not None
    main = doc.stream(1) if two_columns else doc.stream(0)
    side = doc.stream(0) if two_columns else []
    if not main:
        main, side = side, []
    name_lines = _name_lines(main)
    start = main.index(name_lines[0])
    # the old layout's last page repeats the header: stop there
    for i in range(start + len(name_lines), len(main)):
        if main[i].text == name_lines[0].text and abs(main[i].size - name_lines[0].size) < 0.2:
            main = main[:i]
            break
    main = main[start + len(name_lines):]
    right = {ln.column: 0.0 for ln in doc.lines}
    for ln in doc.lines:
        right[ln.column] = max(right[ln.column], ln.x1)
    if two_columns and doc.column_split is not None:
        right[0] = min(right.get(0, doc.column_split), doc.column_split)
    profile = Profile(name=_nfc(" ".join(ln.text for ln in name_lines)), source=source,
                      raw_text=doc.text, as_of=_creation_date(doc.metadata),
                      certifications_complete=not two_columns)
    ctx = _Context(profile, source, right, 0 if two_columns else None)
    sections = _split_sections(main, _body_size(main) + 1.5)
    _header(profile, sections[0][2], ctx)
    side_sections = _split_sections(side, _body_size(side) + 1.0) if side else []
    for key, heading, lines in side_sections[1:] + sections[1:]:
        _fill(ctx, key, heading, lines)
    body = " ".join(p.text for p in profile.passages if p.kind in ("summary", "bullet"))
    profile.language = detect_language(body)
    return profile


# ------------------------------------------------------------------------------- header
def _name_lines(main: list[PdfLine]) -> list[PdfLine]:
    """The name: the largest type on the first page, with the line below it when a long
    name wraps onto a second line in the same type."""
    first = [ln for ln in main if ln.page == main[0].page]
    top = max(first, key=lambda ln: ln.size)
    out = [top]
    index = main.index(top)
    for ln in main[index + 1:index + 3]:
        if _same_type(out[-1], ln) and ln.page == top.page and \
                0 < ln.top - out[-1].top < 1.5 * top.size:
            out.append(ln)
        else:
            break
    return out


def _header(profile: Profile, lines: list[PdfLine], ctx: _Context) -> None:
    """Headline (one or more lines in the type right under the name), then the location
    (grey in the current layout; a place-like last line otherwise)."""
    lines = [ln for ln in lines if not _CONTACT.search(ln.text.strip())]
    if not lines:
        return
    headline: list[PdfLine] = []
    if not lines[0].gray:
        headline = [lines[0]]
        for ln in lines[1:]:
            if _next_line_of(headline[-1], ln) and not ln.gray:
                headline.append(ln)
            else:
                break
    rest = lines[len(headline):]
    grey = [ln for ln in rest if ln.gray]
    location: list[PdfLine] = []
    if grey:
        location = [grey[0]]
        for ln in rest[rest.index(grey[0]) + 1:]:
            if _next_line_of(location[-1], ln) and ln.text[:1].islower():
                location.append(ln)
            else:
                break
    elif rest and _looks_like_place(rest[-1].text):
        location = [rest[-1]]
    elif len(headline) > 1 and _looks_like_place(headline[-1].text) and \
            headline[-1].x1 < 0.6 * ctx.right.get(headline[-1].column, headline[-1].x1 * 2):
        location = [headline.pop()]  # a short place line in the headline's type
    if headline:
        profile.headline = _nfc(" ".join(ln.text for ln in headline))
        ctx.passage(profile.headline, "Header", "headline", headline[0])
    if location:
        profile.location = _nfc(" ".join(ln.text for ln in location))
        ctx.passage(profile.location, "Header", "location", location[0])


def _looks_like_place(text: str) -> bool:
    return (len(text.split()) <= 7 and not re.search(r"\||\bat\b|@|\d{3}", text)
            and (text.count(",") >= 1 or len(text.split()) <= 3) and text[:1].isupper())


# ------------------------------------------------------------------------------- sections
def _fill(ctx: _Context, key: str, heading: str, lines: list[PdfLine]) -> None:
    if not lines:
        return
    profile, source = ctx.profile, ctx.source
    src = source.at(key.capitalize())
    if key == "summary":
        units = ctx.units(lines)
        profile.summary = "\n".join(text for text, _ in units)
        for text, first in units:
            ctx.sentences(text, heading, "summary", first)
    elif key == "experience":
        for role in _roles(lines):
            parts = role.pop("_lines")
            index = len(profile.experience)
            profile.experience.append(Experience(source=src, **role))
            _role_passages(ctx, heading, lines, parts, profile.experience[-1], index)
    elif key == "volunteering":
        for role in _roles(lines):
            role.pop("_lines")
            profile.volunteering.append(Entry(text=role["title"], organization=role["company"]
                                              or None, source=src))
        for text, first in ctx.units(lines):
            ctx.sentences(text, heading, "volunteering", first)
    elif key == "education":
        _education(ctx, heading, lines, src)
    elif key == "contact":
        return
    elif key in ("skills", "languages", "certifications", "honors", "organizations"):
        items = _headed_items(lines) if key in ("certifications", "honors", "organizations") \
            else None
        units = ctx.units(lines, items=True)
        texts = items if items is not None else [text for text, _ in units]
        if key == "skills":
            profile.skills.extend(t for t in texts if t not in profile.skills)
        elif key == "languages":
            profile.languages.extend(texts)
        elif key == "certifications":
            profile.certifications.extend(texts)
        elif key == "honors":
            profile.honors.extend(texts)
        else:
            profile.groups.extend(Entry(text=t, source=src) for t in texts)
        for text, first in units:
            ctx.passage(strip_bullet(text), heading, _PASSAGE_KIND[key], first)
    else:  # projects, publications, patents, courses, …: quotable, not structured
        for text, first in ctx.units(lines, items=key in ("courses", "publications",
                                                          "patents")):
            ctx.sentences(text, heading, _PASSAGE_KIND.get(key, "text"), first)


def _role_passages(ctx: _Context, heading: str, lines: list[PdfLine], parts: dict,
                   role: Experience, index: int) -> None:
    label = role_label(role.title, role.company)
    kw = {"role": label, "role_index": index}
    if parts["title"]:
        first = lines[parts["title"][0]]
        ctx.passage(" ".join(lines[i].text for i in parts["title"]), heading, "role", first, **kw)
    date_line = lines[parts["date"]]
    ctx.passage(date_line.text, heading, "dates", date_line, **kw)
    if parts["location"] is not None:
        ctx.passage(lines[parts["location"]].text, heading, "role-location",
                    lines[parts["location"]], **kw)
    body = [lines[i] for i in parts["body"]]
    for text, first in ctx.units(body):
        ctx.sentences(text, heading, "bullet", first, **kw)


def _headed_items(lines: list[PdfLine]) -> list[str] | None:
    """Items whose first line is bold (old layout: name, then issuer/date lines)."""
    if any(ln.bold for ln in lines):
        return [ln.text for ln in lines if ln.bold]
    return None


def _is_date(ln: PdfLine) -> bool:
    m = find_range(ln.text)
    return bool(m) and len(ln.text) - len(m.group(0)) < 12


def _roles(lines: list[PdfLine]) -> list[dict]:
    dates = [i for i, ln in enumerate(lines) if _is_date(ln) and i > 0]
    roles: list[dict] = []
    starts: list[int] = []
    has_headers = False
    for k, d in enumerate(dates):
        floor = dates[k - 1] if k else -1
        t = d - 1
        title = lines[t]
        header = None
        for j in range(t - 1, floor, -1):
            if _DURATION.match(lines[j].text):
                continue
            if lines[j].size > title.size + 0.2:
                header = j
                break
        title_rows = [t]
        # a long title wrapped onto more lines in the same type
        while title_rows[0] - 1 > floor and (header is None or title_rows[0] - 1 > header) and \
                _next_line_of(lines[title_rows[0] - 1], lines[title_rows[0]]) and \
                not _DURATION.match(lines[title_rows[0] - 1].text) and \
                not _is_date(lines[title_rows[0] - 1]):
            title_rows.insert(0, title_rows[0] - 1)
        title_text = " ".join(lines[i].text for i in title_rows)
        company_rows: list[int] = []
        if header is not None:
            company_rows = [header]
            while company_rows[0] - 1 > floor and \
                    _next_line_of(lines[company_rows[0] - 1], lines[company_rows[0]]):
                company_rows.insert(0, company_rows[0] - 1)
            has_headers = True
            company = " ".join(lines[i].text for i in company_rows)
            starts.append(company_rows[0])
        elif has_headers and roles:
            company = roles[-1]["company"]
            starts.append(title_rows[0])
        else:
            company = ""
            parts = re.split(r"\s+at\s+", title_text)
            if len(parts) >= 2:  # old layout: "Title at Company"
                title_text, company = " at ".join(parts[:-1]), parts[-1]
            starts.append(title_rows[0])
        start, end = parse_range(lines[d].text)
        roles.append({"title": _nfc(title_text), "company": _nfc(company), "start": start,
                      "end": end, "location": None, "description": "",
                      "_lines": {"title": title_rows, "company": company_rows, "date": d,
                                 "location": None, "body": []}})
    for k, role in enumerate(roles):
        d = role["_lines"]["date"]
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = [i for i in range(d + 1, stop) if not _DURATION.match(lines[i].text)]
        if body and (lines[body[0]].gray or
                     re.fullmatch(r"(remote|hybrid|on-?site)", lines[body[0]].text, re.I)):
            role["location"] = lines[body[0]].text
            role["_lines"]["location"] = body[0]
            body = body[1:]
        role["_lines"]["body"] = body
        role["description"] = "\n".join(_paragraphs([lines[i] for i in body]))
    return roles


def _paragraphs(lines: list[PdfLine]) -> list[str]:
    paras: list[str] = []
    prev = None
    for ln in lines:
        new = (prev is None or re.match(r"^\s*(?:[-–•*·]+|\d+[.)])\s+", ln.text)
               or (ln.page == prev.page and ln.top - prev.top > 1.6 * max(ln.size, 1)))
        if new or not paras:
            paras.append(ln.text)
        else:
            paras[-1] = f"{paras[-1]} {ln.text}"
        prev = ln
    return paras


def _education(ctx: _Context, heading: str, lines: list[PdfLine], src: Source) -> None:
    smallest = min(ln.size for ln in lines)
    emphasised = [i for i, ln in enumerate(lines) if ln.bold or ln.size > smallest + 0.3]
    if not emphasised:
        emphasised = [i for i, ln in enumerate(lines)
                      if not find_range(ln.text) and not re.search(r"\(\d{4}", ln.text)
                      and not _LABELLED.match(ln.text)
                      and (i == 0 or find_range(lines[i - 1].text) or
                           re.search(r"\(\d{4}", lines[i - 1].text))]
    # a school name too long for one line continues in the same type
    emphasised = [i for i in emphasised if not (i - 1 in emphasised and
                                                _next_line_of(lines[i - 1], lines[i]))]
    for k, i in enumerate(emphasised):
        stop = emphasised[k + 1] if k + 1 < len(emphasised) else len(lines)
        school_rows = [i]
        while school_rows[-1] + 1 < stop and _next_line_of(lines[school_rows[-1]],
                                                           lines[school_rows[-1] + 1]):
            school_rows.append(school_rows[-1] + 1)
        school = " ".join(lines[j].text for j in school_rows)
        detail: list[str] = []
        for ln in lines[school_rows[-1] + 1:stop]:
            if _LABELLED.match(ln.text):
                break
            detail.append(ln.text)
            if find_range(ln.text) or re.search(r"\(\d{4}\)|\b\d{4}\s*$", ln.text):
                break
        ctx.profile.education.append(_education_entry(_nfc(school), " ".join(detail), src))
        ctx.passage(school, heading, "education", lines[i])
        for text, first in ctx.units(lines[school_rows[-1] + 1:stop]):
            ctx.passage(text, heading, "education", first)
            m = _ACTIVITIES.match(text)
            if m:  # "Activities and Societies: ACM Club, Table Tennis Club" are groups too
                ctx.profile.groups.extend(
                    Entry(text=name.strip(" ."), organization=None, source=src.at("Education"))
                    for name in m.group(1).split(",") if name.strip(" ."))


def _education_entry(school: str, detail: str, src: Source) -> Education:
    start = end = None
    m = find_range(detail)
    if m:
        start, end = parse_range(m.group(0))
        detail = detail[:m.start()]
    else:
        year = re.search(r"\(?(\d{4})\)?\s*$", detail)
        if year:
            end = year.group(1)
            detail = detail[:year.start()]
    detail = re.sub(r"[\s·,(]+$", "", detail).strip()
    degree, field = (detail.split(",", 1) + [""])[:2] if detail else ("", "")
    return Education(school=school, degree=degree.strip() or None,
                     field_of_study=field.strip() or None, start=start, end=end, source=src)
