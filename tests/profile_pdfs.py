"""LinkedIn-like "Save to PDF" exports written with fpdf2, in both layouts, for the shapes
the four real fixture exports do not cover: long names that wrap, accents, initials,
wrapped headlines, several titles grouped under one company (a company line that wraps, a
group split by a page break). The typography copies the real exports, measured on them:

* **2016** single column: name 20 pt bold, headline 13 pt, e-mail 13 pt grey, section
  headings 16 pt grey, a role as one bold 12 pt line "Title at Company", dates 12 pt,
  descriptions 12 pt dark grey (bullets at x 47, wrapped lines at x 50), "PageN" first
  on each page, the header repeated on the last page with "Contact X on LinkedIn";
* **2023** two columns: a dark sidebar (Contact, Top Skills, Languages, Certifications) and
  the main column (name 26 pt, headline 12 pt, location 12 pt grey, section headings 15.8 pt,
  company 12 pt, job title 11.5 pt, dates/location/descriptions 10.5 pt), "Page N of M" in
  the bottom margin.

Everything written here is invented; used by tests/sources/profiles and by
benchmarks/bench_profiles.py (the synthetic variants).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

W, H = 612.0, 792.0
NBSP = "\u00a0"


def _font_dir() -> str:
    import matplotlib

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")


class _Pdf:
    def __init__(self, serif: bool, created: datetime) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        family = "DejaVuSerif" if serif else "DejaVuSans"
        self.pdf.add_font("F", "", os.path.join(_font_dir(), f"{family}.ttf"))
        self.pdf.add_font("F", "B", os.path.join(_font_dir(), f"{family}-Bold.ttf"))
        self.pdf.set_title("Resume")
        self.pdf.set_author("LinkedIn")
        self.pdf.set_subject("Resume generated from profile")
        self.pdf.set_creation_date(created)

    def text(self, x: float, y: float, text: str, size: float, color, bold: bool = False) -> None:
        self.pdf.set_font("F", "B" if bold else "", size=size)
        self.pdf.set_text_color(*color)
        self.pdf.text(x, y, text)

    def wrap(self, text: str, size: float, width: float, bold: bool = False) -> list[str]:
        self.pdf.set_font("F", "B" if bold else "", size=size)
        lines, current = [], ""
        for word in text.split(" "):
            trial = f"{current} {word}".strip()
            if self.pdf.get_string_width(trial) <= width or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
        return lines


# --------------------------------------------------------------------------- 2023 layout
SIDE_X, MAIN_X, MAIN_W, SIDE_W = 22.0, 224.0, 352.0, 165.0
DARK, GREY, SIDE_HEAD, WHITE = (25, 25, 25), (177, 177, 177), (225, 233, 238), (255, 255, 255)
BOTTOM = 760.0


def write_2023(path: str | Path, profile: dict[str, Any]) -> Path:
    doc = _Pdf(serif=False, created=profile.get("created") or datetime(2023, 3, 11, tzinfo=UTC))
    state = {"main": 0.0, "side": 0.0, "pages": 0}

    def new_page() -> None:
        doc.pdf.add_page()
        state["pages"] += 1
        doc.pdf.set_fill_color(44, 62, 80)
        doc.pdf.rect(0, 0, 200, H, style="F")
        state["main"], state["side"] = 46.0, 46.0

    def main(text: str, size: float, color=DARK, gap: float = 0.0,
             leading: float | None = None, keep: int = 1) -> None:
        leading = leading or size * 1.45
        lines = doc.wrap(text, size, MAIN_W)
        state["main"] += gap
        if state["main"] + leading * min(keep, len(lines)) > BOTTOM:
            new_page()
        for line in lines:
            if state["main"] + leading > BOTTOM:
                new_page()
            state["main"] += leading
            doc.text(MAIN_X, state["main"], line, size, color)

    def side(text: str, size: float, color, gap: float = 0.0) -> None:
        state["side"] += gap
        for i, line in enumerate(doc.wrap(text, size, SIDE_W)):
            state["side"] += size * 1.2 if i else size * 1.65
            doc.text(SIDE_X, state["side"], line, size, color)

    new_page()
    first = doc.pdf.page
    side("Contact", 13, SIDE_HEAD)
    for item in profile.get("contact", []):
        side(item, 10.5, WHITE)
    for heading, key in (("Top Skills", "skills"), ("Languages", "languages"),
                         ("Certifications", "certifications")):
        if profile.get(key):
            side(heading, 13, SIDE_HEAD, gap=16)
            for item in profile[key]:
                side(item, 10.5, WHITE)
    state["main"] = 20.0
    main(profile["name"], 26, leading=34)
    if profile.get("headline"):
        main(profile["headline"], 12, gap=4, leading=16)
    if profile.get("location"):
        main(profile["location"], 12, GREY, leading=16)
    if profile.get("summary"):
        main("Summary", 15.8, gap=20)
        for i, para in enumerate(profile["summary"]):
            main(para, 12, gap=8 if i else 6, leading=18)
    main("Experience", 15.8, gap=24)
    for company in profile.get("experience", []):
        main(company["company"], 12, gap=14, leading=17, keep=company.get("keep", 2))
        if company.get("total"):
            main(company["total"], 10.5)
        for role in company["roles"]:
            main(role["title"], 11.5, gap=4 if company.get("total") else 2)
            main(role["dates"].replace(" - ", f"{NBSP}-{NBSP}").replace(" (", f"{NBSP}("), 10.5)
            if role.get("location"):
                main(role["location"], 10.5, GREY)
            for line in role.get("description", []):
                main(line, 10.5, gap=2, leading=18)
    if profile.get("education"):
        main("Education", 15.8, gap=24)
        for school, degree, years in profile["education"]:
            main(school, 12, gap=10)
            if degree or years:
                dates = f"{NBSP}·{NBSP}{years.replace(' - ', NBSP + '-' + NBSP)}" if years else ""
                main(f"{degree}{dates}", 10.5)
    for page in range(first, first + state["pages"]):
        doc.pdf.page = page
        doc.text(384.7, H - 13.9, f"Page {page - first + 1} of {state['pages']}", 9, (0, 0, 0))
    path = Path(path)
    doc.pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- 2016 layout
X16, W16, BOTTOM16 = 36.0, 540.0, 740.0
TEXT16, GREY16, BODY16 = (51, 51, 51), (153, 153, 153), (102, 102, 102)


def write_2016(path: str | Path, profile: dict[str, Any]) -> Path:
    doc = _Pdf(serif=True, created=profile.get("created") or datetime(2016, 9, 1, tzinfo=UTC))
    state = {"y": 0.0, "page": 0}

    def new_page() -> None:
        doc.pdf.add_page()
        state["page"] += 1
        doc.text(X16, 20, f"Page{state['page']}", 1, (255, 255, 255))
        state["y"] = 24.0

    def put(text: str, size: float, color, bold: bool = False, gap: float = 0.0,
            leading: float | None = None, x: float = X16, indent: float | None = None) -> None:
        leading = leading or size * 1.35
        state["y"] += gap
        lines = doc.wrap(text, size, W16 - (x - X16), bold)
        for i, line in enumerate(lines):
            if state["y"] + leading > BOTTOM16:
                new_page()
            state["y"] += leading
            doc.text(x if i == 0 else (indent if indent is not None else x), state["y"], line,
                     size, color, bold)

    def header() -> None:
        put(profile["name"], 20, TEXT16, bold=True, leading=24)
        if profile.get("headline"):
            put(profile["headline"], 13, TEXT16, gap=6, leading=18)
        for item in profile.get("contact", []):
            put(item, 13, GREY16, gap=4, leading=18)

    new_page()
    header()
    if profile.get("summary"):
        put("Summary", 16, GREY16, gap=20)
        for para in profile["summary"]:
            put(para, 12, (0, 0, 0), gap=6, leading=18, indent=X16 + 3)
    put("Experience", 16, GREY16, gap=24)
    for company in profile.get("experience", []):
        for role in company["roles"]:
            put(f"{role['title']} at {company['company']}", 12, (0, 0, 0), bold=True, gap=10)
            put(role["dates"], 12, (0, 0, 0), leading=16)
            for line in role.get("description", []):
                put(line, 12, BODY16, leading=18, x=X16 + 11, indent=X16 + 14)
    if profile.get("education"):
        put("Education", 16, GREY16, gap=24)
        for school, degree, years in profile["education"]:
            put(school, 12, (0, 0, 0), bold=True, gap=6)
            if degree or years:
                put(", ".join(x for x in (degree, years) if x), 12, (0, 0, 0), leading=16)
    new_page()
    header()
    first_name = profile["name"].split()[0]
    put(f"Contact {first_name} on LinkedIn", 12, (0, 0, 255), gap=90)
    path = Path(path)
    doc.pdf.output(str(path))
    return path


# --------------------------------------------------------------------------- variants
def _roles(company: str, titles: list[tuple[str, str]], total: str | None = None,
           location: str = "Remote") -> dict:
    return {"company": company, "total": total, "roles": [
        {"title": t, "dates": d, "location": location,
         "description": [f"- Led the {t.lower()} work for {company}, shipping features "
                         "every week with a small team and measuring each release."]}
        for t, d in titles]}


VARIANTS: list[dict[str, Any]] = [
    {"id": "long-wrapped-name", "name": "Maria Fernanda Gonçalves de Albuquerque Cavalcanti",
     "headline": "Data Scientist at Nubank", "location": "São Paulo, São Paulo, Brazil",
     "contact": ["maria.fernanda@example.com"], "skills": ["Python", "SQL"],
     "experience": [_roles("Nubank", [("Data Scientist", "March 2020 - Present (3 years)")])],
     "education": [("Universidade de São Paulo", "Bachelor's degree, Statistics",
                    "(2014 - 2018)")]},
    {"id": "accents", "name": "José Ángel Núñez-Ibáñez",
     "headline": "Ingeniero de Software en Telefónica", "location": "Málaga, Andalucía, Spain",
     "contact": ["jose.nunez@example.com"], "skills": ["Java", "Kotlin"],
     "experience": [_roles("Telefónica", [("Ingeniero de Software",
                                           "January 2019 - Present (4 years 3 months)")])],
     "education": [("Universidad de Málaga", "Grado en Ingeniería Informática",
                    "(2013 - 2017)")]},
    {"id": "initials", "name": "J. R. K. Okonkwo-Smith",
     "headline": "Principal Engineer | Payments | Distributed Systems",
     "location": "London, England, United Kingdom", "contact": ["jrk@example.com"],
     "skills": ["Go", "Kubernetes"],
     "experience": [_roles("Monzo Bank", [("Principal Engineer", "May 2018 - Present (5 years)")])],
     "education": [("University of Cambridge", "Master of Engineering - MEng, Computer Science",
                    "(2008 - 2012)")]},
    {"id": "wrapped-headline", "name": "Zoë Ødegård",
     "headline": "Senior Staff Software Engineer, Platform Infrastructure | Distributed Systems "
                 "| Kubernetes | Go | Mentor and occasional speaker on reliability engineering",
     "location": "Oslo, Norway", "contact": ["zoe@example.com"], "skills": ["Go"],
     "experience": [_roles("Schibsted", [("Senior Staff Software Engineer",
                                          "June 2017 - Present (5 years 10 months)")])],
     "education": [("Norwegian University of Science and Technology (NTNU)",
                    "Master's degree, Computer Science", "(2010 - 2015)")]},
    {"id": "grouped-roles", "name": "Priya Raghavan",
     "headline": "Engineering Manager at Atlassian", "location": "Sydney, New South Wales, Australia",
     "contact": ["priya@example.com"], "skills": ["Java", "AWS", "Leadership"],
     "summary": ["I build teams that build developer tools. " * 3],
     "experience": [
         _roles("Atlassian", [("Engineering Manager", "July 2021 - Present (1 year 9 months)"),
                              ("Senior Software Engineer", "March 2019 - July 2021 (2 years 5 months)"),
                              ("Software Engineer", "January 2017 - March 2019 (2 years 3 months)")],
                total="6 years 3 months"),
         _roles("Commonwealth Scientific and Industrial Research Organisation (CSIRO) Data61 "
                "Research Division", [("Research Engineer", "February 2014 - December 2016 "
                                       "(2 years 11 months)"),
                                      ("Graduate Engineer", "January 2013 - February 2014 "
                                       "(1 year 2 months)")], total="4 years"),
         _roles("Canva", [("Software Engineering Intern", "November 2011 - February 2012 "
                           "(4 months)")])],
     "education": [("University of New South Wales", "Bachelor of Engineering - BE, Software "
                    "Engineering", "(2009 - 2012)")]},
    {"id": "grouped-across-pages", "name": "Thomas O'Connor",
     "headline": "Staff Engineer at Shopify", "location": "Toronto, Ontario, Canada",
     "contact": ["toc@example.com"], "skills": ["Ruby", "Rails"],
     "summary": ["Long-time Rails engineer; I like boring, reliable systems that let product "
                 "teams move fast without waking anyone up at night. " * 2] * 4,
     "experience": [
         _roles("Shopify", [("Staff Engineer", "April 2020 - Present (3 years)"),
                            ("Senior Developer", "May 2016 - April 2020 (4 years)")],
                total="7 years"),
         _roles("Wealthsimple", [("Developer", "June 2014 - May 2016 (2 years)"),
                                 ("Junior Developer", "June 2013 - June 2014 (1 year 1 month)")],
                total="3 years 1 month"),
         _roles("FreshBooks", [("Support Engineer", "June 2012 - June 2013 (1 year 1 month)"),
                               ("Intern", "January 2012 - May 2012 (5 months)")],
                total="1 year 6 months")],
     "education": [("University of Toronto", "Bachelor of Applied Science - BASc, Computer "
                    "Engineering", "(2008 - 2013)")]},
]


VARIANTS.append(
    {"id": "wrapped-titles", "name": "Anh Nguyễn", "headline": "Solutions Architect at Amazon Web Services (AWS)",
     "location": "Ho Chi Minh City, Vietnam", "contact": ["anh@example.com"], "skills": ["AWS"],
     "experience": [
         _roles("Amazon Web Services (AWS)", [
             ("Senior Solutions Architect, Strategic Accounts for Financial Services and "
              "Insurance in Southeast Asia", "January 2021 - Present (2 years 3 months)"),
             ("Solutions Architect", "April 2018 - January 2021 (2 years 10 months)")],
                total="5 years"),
         _roles("FPT Software", [("Technical Lead", "June 2014 - April 2018 (3 years 11 months)")])],
     "education": [("Ho Chi Minh City University of Technology", "Bachelor of Engineering - BE, "
                    "Computer Science", "(2010 - 2014)")]})


def gold(variant: dict[str, Any]) -> dict[str, Any]:
    """The labels of a variant, in benchmarks/data/profiles_gold.json's shape."""
    experience = [{"title": r["title"], "company": c["company"],
                   "start": r["dates"].split(" - ")[0],
                   "end": r["dates"].split(" - ")[1].split(" (")[0]}
                  for c in variant.get("experience", []) for r in c["roles"]]
    education = []
    for school, degree, years in variant.get("education", []):
        deg, _, field = degree.partition(", ")
        start, _, end = years.strip("()").partition(" - ")
        education.append({"school": school, "degree": deg or None, "field": field or None,
                          "start": start or None, "end": end or None})
    return {"name": variant["name"], "headline": variant.get("headline", ""),
            "location": variant.get("location"), "experience": experience,
            "education": education, "certifications": variant.get("certifications", []),
            "skills": variant.get("skills", []), "languages": variant.get("languages", [])}


def write_variant(folder: str | Path, variant: dict[str, Any], layout: str) -> Path:
    path = Path(folder) / f"{variant['id']}-{layout}.pdf"
    return (write_2023 if layout == "2023" else write_2016)(path, variant)
