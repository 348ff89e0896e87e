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
boldness and grey colour, never on absolute positions; section names are matched in
English and the languages LinkedIn exports most (pt, es, fr, de).
"""

from __future__ import annotations

import re
import unicodedata

from ...provenance import Source
from .dates import find_range, parse_range
from .model import Education, Entry, Experience, Profile
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
_BULLET = re.compile(r"^\s*(?:[-–•*·]+|\d+[.)])\s+")


def _key(text: str) -> str | None:
    t = unicodedata.normalize("NFC", text).strip().strip(":").lower()
    return _LOOKUP.get(t)


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


def _split_sections(lines: list[PdfLine], min_size: float) -> list[tuple[str, list[PdfLine]]]:
    out: list[tuple[str, list[PdfLine]]] = [("_header", [])]
    for ln in lines:
        key = _key(ln.text)
        if key and ln.size >= min_size:
            out.append((key, []))
        else:
            out[-1][1].append(ln)
    return out


def parse_linkedin_pdf(doc: PdfText, source: Source) -> Profile:
    two_columns = doc.column_split is not None
    main = doc.stream(1) if two_columns else doc.stream(0)
    side = doc.stream(0) if two_columns else []
    if not main:
        main, side = side, []
    first = [ln for ln in main if ln.page == main[0].page]
    name_line = max(first, key=lambda ln: ln.size)
    start = main.index(name_line)
    # the old layout's last page repeats the header: stop there
    for i in range(start + 1, len(main)):
        if main[i].text == name_line.text and abs(main[i].size - name_line.size) < 0.2:
            main = main[:i]
            break
    main = main[start:]
    body = _body_size(main)
    sections = _split_sections(main[1:], body + 1.5)
    profile = Profile(name=name_line.text, source=source, raw_text=doc.text)
    _header(profile, sections[0][1])
    side_sections = _split_sections(side, _body_size(side) + 1.0) if side else []
    for key, lines in side_sections[1:] + sections[1:]:
        _fill(profile, key, lines, source)
    return profile


def _header(profile: Profile, lines: list[PdfLine]) -> None:
    lines = [ln for ln in lines if "@" not in ln.text and "linkedin.com" not in ln.text.lower()
             and not re.fullmatch(r"[+()\d\s.-]{7,}", ln.text)]
    if not lines:
        return
    grey = [ln for ln in lines if ln.gray]
    if grey:
        location = grey[0]
        profile.location = location.text
        headline = [ln for ln in lines if ln is not location and ln.top < location.top
                    and ln.page == location.page]
    else:
        headline = lines[:1]
        if len(lines) > 1 and _looks_like_place(lines[-1].text):
            profile.location = lines[-1].text
    profile.headline = " ".join(ln.text for ln in headline).strip()


def _looks_like_place(text: str) -> bool:
    return (len(text.split()) <= 7 and not re.search(r"\||\bat\b|@|\d{3}", text)
            and (text.count(",") >= 1 or len(text.split()) <= 3) and text[:1].isupper())


def _fill(profile: Profile, key: str, lines: list[PdfLine], source: Source) -> None:
    if not lines:
        return
    src = source.at(key.capitalize())
    if key == "summary":
        profile.summary = "\n".join(_paragraphs(lines))
    elif key == "experience":
        for role in _roles(lines):
            profile.experience.append(Experience(source=src, **role))
    elif key == "volunteering":
        for role in _roles(lines):
            profile.volunteering.append(Entry(text=role["title"], organization=role["company"]
                                              or None, source=src))
    elif key == "education":
        profile.education.extend(_education(lines, src))
    elif key == "skills":
        profile.skills.extend(t for t in (_items(lines)) if t not in profile.skills)
    elif key == "languages":
        profile.languages.extend(_items(lines))
    elif key == "certifications":
        profile.certifications.extend(_headed_items(lines))
    elif key == "honors":
        profile.honors.extend(_headed_items(lines))
    elif key == "organizations":
        profile.groups.extend(Entry(text=t, source=src) for t in _headed_items(lines))


# ------------------------------------------------------------------------------- helpers
def _paragraphs(lines: list[PdfLine]) -> list[str]:
    paras: list[str] = []
    prev = None
    for ln in lines:
        new = (prev is None or _BULLET.match(ln.text)
               or (ln.page == prev.page and ln.top - prev.top > 1.6 * max(ln.size, 1)))
        if new or not paras:
            paras.append(ln.text)
        else:
            paras[-1] = f"{paras[-1]} {ln.text}"
        prev = ln
    return paras


def _items(lines: list[PdfLine]) -> list[str]:
    """Sidebar or list items: a wrapped item continues on a line set close below it."""
    items: list[str] = []
    prev = None
    for ln in lines:
        wrapped = (prev is not None and ln.page == prev.page
                   and 0 < ln.top - prev.top < 1.45 * max(ln.size, 1)
                   and not ln.bold and not prev.bold and ln.size == prev.size)
        if wrapped and items:
            joiner = "" if items[-1].endswith("-") else " "
            items[-1] = f"{items[-1]}{joiner}{ln.text}"
        else:
            items.append(ln.text)
        prev = ln
    return [i for i in items if i]


def _headed_items(lines: list[PdfLine]) -> list[str]:
    """Items whose first line is bold (old layout: name, then issuer/date lines)."""
    if any(ln.bold for ln in lines):
        return [ln.text for ln in lines if ln.bold]
    return _items(lines)


def _is_date(ln: PdfLine) -> bool:
    m = find_range(ln.text)
    return bool(m) and len(ln.text) - len(m.group(0)) < 12


def _roles(lines: list[PdfLine]) -> list[dict]:
    dates = [i for i, ln in enumerate(lines) if _is_date(ln) and i > 0]
    roles: list[dict] = []
    starts: list[int] = []
    has_headers = False
    for k, d in enumerate(dates):
        t = d - 1
        title = lines[t]
        floor = dates[k - 1] if k else -1
        header = None
        for j in range(t - 1, floor, -1):
            if _DURATION.match(lines[j].text):
                continue
            if lines[j].size > title.size + 0.2:
                header = j
                break
        title_text = title.text
        if (t - 1 > floor and (header is None or t - 1 > header)
                and lines[t - 1].size == title.size and lines[t - 1].bold == title.bold
                and title.bold and not _DURATION.match(lines[t - 1].text)):
            t -= 1  # a long title wrapped onto two lines (bold in the old layout)
            title_text = f"{lines[t].text} {title_text}"
        if header is not None:
            has_headers = True
            company = lines[header].text
            starts.append(header)
        elif has_headers and roles:
            company = roles[-1]["company"]
            starts.append(t)
        else:
            company = ""
            parts = re.split(r"\s+at\s+", title_text)
            if len(parts) >= 2:  # old layout: "Title at Company"
                title_text, company = " at ".join(parts[:-1]), parts[-1]
            starts.append(t)
        start, end = parse_range(lines[d].text)
        roles.append({"title": title_text, "company": company, "start": start, "end": end,
                      "location": None, "description": "", "_date": d})
    for k, role in enumerate(roles):
        d = role.pop("_date")
        stop = starts[k + 1] if k + 1 < len(starts) else len(lines)
        body = lines[d + 1:stop]
        body = [ln for ln in body if not _DURATION.match(ln.text)]
        if body and (body[0].gray or re.fullmatch(r"(remote|hybrid|on-?site)", body[0].text, re.I)):
            role["location"] = body[0].text
            body = body[1:]
        role["description"] = "\n".join(_paragraphs(body))
    return roles


def _education(lines: list[PdfLine], src: Source) -> list[Education]:
    smallest = min(ln.size for ln in lines)
    emphasised = [i for i, ln in enumerate(lines) if ln.bold or ln.size > smallest + 0.3]
    if not emphasised:
        emphasised = [i for i, ln in enumerate(lines)
                      if not find_range(ln.text) and not re.search(r"\(\d{4}", ln.text)
                      and not _LABELLED.match(ln.text)
                      and (i == 0 or find_range(lines[i - 1].text) or
                           re.search(r"\(\d{4}", lines[i - 1].text))]
    out: list[Education] = []
    for k, i in enumerate(emphasised):
        stop = emphasised[k + 1] if k + 1 < len(emphasised) else len(lines)
        detail: list[str] = []
        for ln in lines[i + 1:stop]:
            if _LABELLED.match(ln.text):
                break
            detail.append(ln.text)
            if find_range(ln.text) or re.search(r"\(\d{4}\)|\b\d{4}\s*$", ln.text):
                break
        out.append(_education_entry(lines[i].text, " ".join(detail), src))
    return out


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
