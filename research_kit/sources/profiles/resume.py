"""Resumes as text (from a .txt, a DOCX, or a PDF that is not a LinkedIn export).

Resumes have no fixed layout, so this reads what most of them share: a name on the first
line, headings such as "Skills", "Experience", "Education", "Certifications", date ranges on
roles, degree words on education lines, and "key - value" lines some resume builders
write ("company - Tech Mahindra"). Text damaged by a wrong decoding (UTF-8 read as
Latin-1: "NaÃ¯ve", "â€¢") is repaired first.
"""

from __future__ import annotations

import re

from ...lexicon.company_names import company_key
from ...lexicon.languages import detect_language
from ...lexicon.terms import vocabulary
from ...provenance import Source
from .dates import find_range, parse_range
from .model import Education, Entry, Experience, Passage, Profile
from .passages import BULLET, make_passage, passages_from_text, role_label, split_inline_bullets

__all__ = ["parse_resume_text", "fix_mojibake", "RESUME_HEADINGS"]

RESUME_HEADINGS = {
    "summary": r"summary|professional summary|profile|about me|objective|career objective|"
               r"personal statement|overview",
    "skills": r"skills|technical skills|key skills|core skills|skill set|skill details|"
              r"core competencies|competencies|technologies|tools|technical proficiency|"
              r"expertise|areas of expertise|it skills|adjoining skills",
    "experience": r"experience|work experience|professional experience|employment|"
                  r"employment history|work history|career history|company details|"
                  r"relevant experience|working experience|experience details",
    "education": r"education|education details|academic background|qualifications|"
                 r"academic qualifications|educational qualifications",
    "certifications": r"certifications?|licen[cs]es?( and certifications)?|courses|training",
    "languages": r"languages?|language skills",
    "volunteering": r"volunteer(ing)?( experience)?|community service|volunteer work",
    "projects": r"projects?|personal projects|academic projects|key projects",
    "awards": r"awards|honou?rs( and awards)?|achievements|accomplishments",
}
_HEADING = re.compile(r"^\s*(?P<h>" + "|".join(f"(?:{p})" for p in RESUME_HEADINGS.values())
                      + r")\s*:?\s*$", re.I)
_GLUED = re.compile(r"(?<=[a-z.)\]])(?=(Education Details|Skill Details|Company Details|"
                    r"Work Experience|Professional Experience|Technical Skills)\b)|"
                    r"(?<=\S)[ \t]*(?=(Education Details|Skill Details|Company Details)\s*$)",
                    re.M)
_MOJIBAKE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                       "\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{1,3}")
_SCHOOL = re.compile(r"\b(university|universidade|universidad|université|college|institute|"
                     r"school|polytechnic|academy|iit|nit|vidyalaya|faculty)\b", re.I)
_DEGREE = re.compile(r"\b(ph\.?d|doctorate|master'?s?|m\.?s\.?c?|mba|m\.?tech|m\.?e\b|"
                     r"bachelor'?s?|b\.?s\.?c?|b\.?a\b|b\.?tech|b\.?e\b|b\.?com|bca|mca|"
                     r"diploma|associate'?s? degree|high school|hsc|ssc|degree|first year|"
                     r"(?:higher )?secondary|1[02]th|post ?graduat\w*)\b", re.I)
_KEY_VALUE = re.compile(r"^\s*(?P<k>company|employer|organi[sz]ation|designation|title|role|"
                        r"position|duration|period|dates?|description)\s*[-:]\s*(?P<v>.*)$",
                        re.I)
_JOB_WORD = re.compile(r"\b(engineer|developer|manager|analyst|associate|consultant|specialist|"
                       r"intern|scientist|designer|assistant|officer|director|lead|architect|"
                       r"administrator|executive|trainer|teacher|advocate|accountant|"
                       r"representative|technician|coordinator|resume|curriculum)\b", re.I)
_SPLIT_SKILLS = re.compile(r"\s*(?:[,;|•\u2022*]|\s-\s|\band\b)\s*")


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 that was decoded as Latin-1/cp1252 ("â€¢" → "•", "NaÃ¯ve" → "Naïve")."""
    def repair(m: re.Match) -> str:
        chunk = m.group(0)
        raw = b""
        for ch in chunk:
            try:
                raw += ch.encode("cp1252")
            except UnicodeEncodeError:
                try:
                    raw += ch.encode("latin-1")
                except UnicodeEncodeError:
                    return chunk
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return chunk

    return _MOJIBAKE.sub(repair, text or "")


def _name_from(lines: list[str]) -> str:
    for line in lines[:3]:
        words = line.split()
        if (2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
                and not re.search(r"[\d@:/|]", line) and not _HEADING.match(line)
                and not _DEGREE.search(line) and not _SCHOOL.search(line)
                and not _JOB_WORD.search(line) and len(line) <= 40):
            return line.strip()
    return ""


def _sections(lines: list[str]) -> list[tuple[str, str, list[str]]]:
    out: list[tuple[str, str, list[str]]] = [("_header", "Header", [])]
    for line in lines:
        m = _HEADING.match(line)
        if m and len(line) <= 45:
            heading = m.group("h").lower()
            key = next(k for k, p in RESUME_HEADINGS.items()
                       if re.fullmatch(p, heading, re.I))
            out.append((key, m.group("h").strip(), []))
        else:
            out[-1][2].append(line)
    return out


def parse_resume_text(text: str, source: Source) -> Profile:
    text = fix_mojibake(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _GLUED.sub("\n", text)
    lines = [re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    profile = Profile(name=_name_from(lines), source=source, raw_text=text)
    # headings glued to the first line ("Skills * Python, SQL"): split them off
    if lines:
        m = re.match(r"^(Skills|Technical Skills|Key Skills|Summary|Objective)\b\s*[:*-]?\s+(.+)$",
                     lines[0])
        if m:
            lines = [m.group(1), m.group(2), *lines[1:]]
    sections = _sections(lines)
    assigned: list[tuple[str, int | None, str]] = []
    for key, _heading, body in sections:
        src = source.at(key if not key.startswith("_") else None)
        if key == "_header":
            _header(profile, body)
        elif key == "summary":
            profile.summary = "\n".join(body)
        elif key == "skills":
            profile.skills.extend(s for s in _skills(body) if s not in profile.skills)
        elif key == "experience":
            roles, lines_of = _experience(body, src, len(profile.experience))
            profile.experience.extend(roles)
            assigned.extend(lines_of)
        elif key == "education":
            profile.education.extend(_education(body, src))
        elif key == "certifications":
            profile.certifications.extend(b.strip("•*- ") for b in body if len(b) < 150)
        elif key == "languages":
            profile.languages.extend(s for s in _SPLIT_SKILLS.split(" , ".join(body)) if s)
        elif key == "volunteering":
            profile.volunteering.extend(Entry(text=b, source=src) for b in body if len(b) < 200)
        elif key == "awards":
            profile.honors.extend(b for b in body if len(b) < 200)
    if not profile.skills:
        vocab = vocabulary()
        profile.skills = [c for c in vocab.concepts_in(text)
                          if vocab.category(c) not in ("soft", "language-spoken")]
    _titles_from_elsewhere(profile, sections)
    profile.passages = resume_passages(profile, sections, iter(assigned), source)
    profile.language = detect_language(" ".join(p.text for p in profile.passages
                                                if p.kind in ("summary", "bullet", "text")))
    return profile


_TITLE_COMPANY = re.compile(r"^(?P<title>[^-–—|]{2,80}?)\s+[-–—|]\s+(?P<company>.{2,80})$")
_SKILL_DURATION = re.compile(r"^(?P<skill>.+?)\s*-\s*Exp\w*\s*-\s*(?P<value>.+?months?)$", re.I)
_TOTAL = re.compile(r"^\s*total\s+(?:work\s+)?experience\b", re.I)
_PASSAGE_KIND = {"summary": "summary", "skills": "skill", "education": "education",
                 "certifications": "certification", "languages": "language",
                 "volunteering": "volunteering", "projects": "text", "awards": "honor",
                 "_header": "text"}


def _titles_from_elsewhere(profile: Profile, sections) -> None:
    """"Business Analyst - Fino Payments Bank" on a line outside the roles (a resume
    builder's list of positions) names the title of the role at that company."""
    untitled = [e for e in profile.experience if not e.title and e.company]
    if not untitled:
        return
    for key, _heading, body in sections:
        if key == "experience":
            continue
        for line in body:
            m = _TITLE_COMPANY.match(line)
            if not m:
                continue
            wanted = company_key(m.group("company"))
            for role in untitled:
                if not role.title and company_key(role.company) == wanted:
                    role.title = m.group("title").strip()


_RUNS_ON = re.compile(r"(?:,|\b(?:of|and|or|the|a|an|to|for|with|by|on|at|from|in|into|using|"
                      r"as|that|which|like|including|such as))$", re.I)


def _join_wrapped(lines: list[str]) -> list[str]:
    """Join a line cut mid-sentence with the next ("… interacting with" / "Vendors to …"):
    the joined rows stay separated by "\n" so that callers can count them."""
    out: list[str] = []
    for line in lines:
        if out and not _KEY_VALUE.match(line) and not BULLET.match(line) and (
                _RUNS_ON.search(out[-1]) or line[:1].islower() and
                not re.search(r"[.!?:;]$", out[-1])):
            out[-1] = f"{out[-1]}\n{line}"
        else:
            out.append(line)
    return out


def resume_passages(profile: Profile, sections, assigned, source: Source) -> list[Passage]:
    """The resume as passages: one per bullet or sentence, with its section and, inside
    the experience section, its role."""
    out: list[Passage] = []
    labels = [role_label(e.title, e.company) for e in profile.experience]
    for key, heading, body in sections:
        section = heading if key != "_header" else "Header"
        for line in _join_wrapped(body):
            role_index, kind = None, _PASSAGE_KIND.get(key, "text")
            if key == "experience":
                for _ in range(line.count("\n") + 1):  # a joined line used several rows
                    _, role_index, kind = next(assigned)
                line = " ".join(line.split("\n"))
            if key == "_header" and line == profile.headline:
                kind = "headline"
            if key == "education" and not (_DEGREE.search(line) or _SCHOOL.search(line)):
                # the line _education() does not take as a degree or school is prose the
                # resume filed there ("Having an exp of 6 years experience in Project
                # Management in IT."): said like a summary, counted like one
                kind = "text"
            line = " ".join(line.split("\n"))
            text = _KEY_VALUE.sub(lambda m: m.group("v"), line) if key == "experience" else line
            text = text.strip()
            if not text:
                continue
            m = _TITLE_COMPANY.match(text) if key != "experience" else None
            if m and labels:  # "Business Analyst - Fino Payments Bank": a role named elsewhere
                wanted = company_key(m.group("company"))
                role_index = next((i for i, e in enumerate(profile.experience)
                                   if e.company and company_key(e.company) == wanted), None)
                kind = "role" if role_index is not None else kind
            role = labels[role_index] if role_index is not None else ""
            if _SKILL_DURATION.match(text):
                out.append(make_passage(source, text, section, "skill-duration"))
            elif _TOTAL.match(text):
                out.append(make_passage(source, text, section, "total", role=role,
                                        role_index=role_index))
            elif kind in ("role", "dates", "education", "skill", "certification", "language"):
                for piece in split_inline_bullets(text):
                    out.append(make_passage(source, piece, section, kind, role=role,
                                            role_index=role_index))
            else:
                out.extend(passages_from_text(source, text, section, kind, role=role,
                                              role_index=role_index))
    return out


def _header(profile: Profile, body: list[str]) -> None:
    rest = [b for b in body if b != profile.name and "@" not in b
            and not re.search(r"\+?\d[\d\s().-]{7,}", b)]
    if rest and len(rest[0]) <= 100 and not find_range(rest[0]):
        profile.headline = rest[0]


def _skills(body: list[str]) -> list[str]:
    out: list[str] = []
    for line in body:
        line = re.sub(r"^[^:]{2,40}:\s*", "", line)  # "Programming Languages: Python, SQL"
        # "JAVASCRIPT- Exprience - 24 months" (a resume builder's skill table)
        line = re.sub(r"\s*-\s*Exp\w*\s*-\s*[^,;]*?months?\b", "", line, flags=re.I)
        for part in _SPLIT_SKILLS.split(line):
            part = part.strip(" .()-*•")
            if 1 < len(part) <= 40 and len(part.split()) <= 5 and part not in out:
                out.append(part)
    return out


def _experience(body: list[str], src: Source, offset: int = 0
                ) -> tuple[list[Experience], list[tuple[str, int | None, str]]]:
    """The roles, and per line of ``body``: (line, index of its role or None, passage kind)."""
    roles: list[Experience] = []
    lines_of: list[tuple[str, int | None, str]] = []
    current: Experience | None = None
    pending: dict[str, str] = {}

    def here(kind: str) -> tuple[str, int | None, str]:
        return (line, offset + len(roles) - 1 if roles else None, kind)

    for line in body:
        kv = _KEY_VALUE.match(line)
        if kv:
            key, value = kv.group("k").lower(), kv.group("v").strip()
            if key in ("company", "employer", "organisation", "organization"):
                current = Experience(title=pending.pop("title", ""), company=value, source=src)
                roles.append(current)
                lines_of.append(here("role"))
                continue
            if key in ("designation", "title", "role", "position"):
                if current is not None and not current.title:
                    current.title = value
                else:
                    pending["title"] = value
                lines_of.append(here("role"))
                continue
            if key in ("duration", "period", "dates", "date") and current is not None:
                current.start, current.end = parse_range(value)
                lines_of.append(here("dates"))
                continue
            if key == "description" and current is not None:
                current.description = (current.description + "\n" + value).strip()
                _dates_or_title_within(current, value)
                lines_of.append(here("bullet"))
                continue
        m = find_range(line)
        if m and current is not None and re.match(r"^\s*(duration|period|dates?)\b", line, re.I):
            current.start, current.end = parse_range(m.group(0))  # "Duration   Oct 2017- Till Date"
            lines_of.append(here("dates"))
            continue
        if m and len(line) < 140:
            head = (line[:m.start()] + " " + line[m.end():]).strip(" |,-–—()")
            title, company = _title_company(head)
            current = Experience(title=title, company=company, source=src)
            current.start, current.end = parse_range(m.group(0))
            roles.append(current)
            lines_of.append(here("role"))
            continue
        if current is not None:
            current.description = (current.description + "\n" + line).strip()
            _dates_or_title_within(current, line)
        lines_of.append(here("bullet"))
    return roles, lines_of


_ORGANISATION_DATES = re.compile(r"^\s*(?:organi[sz]ation|company|employer|tenure|duration|"
                                 r"period)\b", re.I)
_JOB_PROFILE = re.compile(r"^\s*(?:job\s+profile|job\s+title|designation|position|role)\s*:\s*"
                          r"(?P<title>[^-–—:]{2,60}?)(?:\s+[-–—]\s+.*)?$", re.I)


def _dates_or_title_within(role: Experience, line: str) -> None:
    """A role's dates or title written inside its description ("Organization: BNY Mellon
    …: Sept 2009- till date", "Job Profile: Operations Manager - BNY Mellon …")."""
    if role.start is None and len(line) < 160 and _ORGANISATION_DATES.match(line):
        m = find_range(line)
        if m:
            role.start, role.end = parse_range(m.group(0))
    title = _JOB_PROFILE.match(line) if not role.title else None
    if title:
        # 'Worked as an "Application Support Engineer Tier II\'\'' names the title
        role.title = re.sub(r"^(?:worked|working|served|serving)\s+as\s+(?:an?\s+)?", "",
                            title.group("title").strip(), flags=re.I).strip(" \"'“”‘’")


def _title_company(text: str) -> tuple[str, str]:
    for sep in (r"\s+at\s+", r"\s+[|@]\s+", r"\s+[-–—]\s+", r",\s+"):
        parts = re.split(sep, text, maxsplit=1)
        if len(parts) == 2 and parts[0] and parts[1]:
            return parts[0].strip(), parts[1].strip()
    return text.strip(), ""


def _education(body: list[str], src: Source) -> list[Education]:
    out: list[Education] = []
    for line in body:
        if not (_DEGREE.search(line) or _SCHOOL.search(line)):
            continue
        start, end = parse_range(line)
        if start is None:
            years = re.findall(r"\b(19[5-9]\d|20[0-4]\d)\b", line)
            end = years[-1] if years else None
        text = re.sub(r"\b(January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)\s+\d{4}(\s+to\s+\w+\s+\d{4})?", "", line)
        school = ""
        m = _SCHOOL.search(text)
        if m:
            # the school is the phrase around "University"/"College" …
            chunk = re.split(r"\s{2,}|,|\||\s-\s", text)
            school = next((c.strip() for c in chunk if _SCHOOL.search(c)), "")
        degree = _DEGREE.search(text)
        out.append(Education(school=school or text.strip()[:80],
                             degree=degree.group(0) if degree else None, start=start, end=end,
                             source=src))
    return out
