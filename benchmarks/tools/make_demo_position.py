"""Write the demo's position documents (fictional; see docs/demo-company.md).

* the Greenhouse single-job API response for the demo posting:
  research_kit/app/demo/web/boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345
* two LinkedIn-style "Save to PDF" exports in the current two-column layout:
  research_kit/app/demo/files/alex-rivera-profile.pdf (the candidate) and
  research_kit/app/demo/files/dana-okafor-linkedin.pdf (an interviewer).

The PDFs copy the real exports' structure, measured on real exports: a dark sidebar (Contact,
Top Skills, Languages, Certifications) beside the main column; name 26 pt, headline 12 pt,
location 12 pt grey, section headings 15.8 pt, company 12 pt, job title 11.5 pt, dates,
location and description 10.5 pt (location grey), "Page N of M" in the bottom margin. Every
page carries a visible line saying the document is fictional.

Needs fpdf2 (a test dependency). Run from the project root:
    python benchmarks/tools/make_demo_position.py
"""

from __future__ import annotations

import html
import json
import os
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "research_kit" / "demo" / "web"
FILES = ROOT / "research_kit" / "demo" / "files"
NOTE_LINES = ("Fictional demo data for research-kit:",
              "not a real person or LinkedIn export.")
NBSP = "\u00a0"

# ------------------------------------------------------------------------- the posting
POSTING_HTML = """\
<div class="content-intro"><p><strong>Brightwater Instruments</strong> makes water-quality \
sensors (AquaSense probes), the HydroView analytics cloud, and field service for utilities and \
food &amp; beverage plants. Founded in 2009 and headquartered in Portland, OR, we are 1,240 people \
across Portland, Rotterdam and Singapore.</p></div>
<h2>About the role</h2>
<p>The Sensor Analytics Platform team turns the readings of thousands of AquaSense probes into \
HydroView dashboards and alerts that utilities act on. As a Senior Data Engineer you will own \
pipelines from the probe to the warehouse.</p>
<p>This is a hybrid role based at our Portland, OR headquarters.</p>
<h2>What you'll do</h2>
<ul>
<li>Design, build and operate batch and streaming pipelines that bring probe readings into HydroView.</li>
<li>Model time-series data in our cloud data warehouse for analytics and alerting.</li>
<li>Improve the data quality, observability and cost of the platform.</li>
<li>Work with product managers and field service to turn customers' questions into datasets.</li>
<li>Review code and help teammates grow.</li>
</ul>
<h2>What you'll need</h2>
<ul>
<li>5+ years building production data pipelines in Python and SQL</li>
<li>Hands-on experience with cloud data warehouses (Snowflake, BigQuery or Redshift)</li>
<li>Experience with Apache Spark or similar distributed processing frameworks</li>
<li>Experience with streaming data (Kafka or Kinesis) for time-series/IoT data</li>
<li>BS in Computer Science, Engineering or a related field, or equivalent experience</li>
<li>Comfortable communicating with non-technical stakeholders</li>
</ul>
<h2>Nice to have</h2>
<ul>
<li>Experience with Airflow or dbt</li>
<li>Industrial IoT / sensor data experience</li>
<li>An AWS certification</li>
<li>Experience mentoring engineers</li>
</ul>
<h2>Compensation and benefits</h2>
<p>The base salary range for this position is $142,000&#8211;$176,000 USD per year.</p>
<ul>
<li>Medical, dental and vision coverage from day one</li>
<li>401(k) with a company match</li>
<li>An annual learning budget for courses and conferences</li>
<li>Room to grow with our new European service center in Rotterdam, opened in 2025</li>
</ul>
<div class="content-conclusion"><p>Brightwater Instruments is an equal opportunity employer.</p>
<p><em>This posting is fictional demo data for research-kit. Brightwater Instruments, Inc. is \
not a real company.</em></p></div>"""


def write_posting() -> Path:
    data = {
        "_note": "Fictional demo data for research-kit: Brightwater Instruments, Inc. and this "
                 "posting are invented; the file has the shape of a Greenhouse job board API "
                 "single-job response (boards-api.greenhouse.io/v1/boards/{board}/jobs/{id}).",
        "absolute_url": "https://job-boards.greenhouse.io/brightwaterinstruments/jobs/4012345",
        "data_compliance": [{"type": "gdpr", "requires_consent": False,
                             "requires_processing_consent": False,
                             "requires_retention_consent": False, "retention_period": None,
                             "demographic_data_consent_applies": False}],
        "internal_job_id": 3104455,
        "location": {"name": "Portland, OR"},
        "metadata": [
            {"id": 5550101, "name": "Employment Type", "value": "Full-time",
             "value_type": "single_select"},
            {"id": 5550102, "name": "Location Type", "value": "Hybrid",
             "value_type": "single_select"},
        ],
        "id": 4012345,
        "updated_at": "2026-01-12T09:00:00-08:00",
        "requisition_id": "DE-2026-014",
        "title": "Senior Data Engineer, Sensor Analytics Platform",
        "company_name": "Brightwater Instruments, Inc.",
        "first_published": "2026-01-12T09:00:00-08:00",
        "language": "en",
        "content": html.escape(POSTING_HTML, quote=True),
        "departments": [{"id": 4410021, "name": "Data Engineering", "child_ids": [],
                         "parent_id": 4410001}],
        "offices": [{"id": 4420011, "name": "Portland, OR (HQ)",
                     "location": "Portland, Oregon, United States", "child_ids": [],
                     "parent_id": None}],
    }
    path = WEB / "boards-api.greenhouse.io/v1/boards/brightwaterinstruments/jobs/4012345"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------- the profiles
ALEX = {
    "file": "alex-rivera-profile.pdf",
    "name": "Alex Rivera",
    "headline": "Data Engineer at Cascadia Grid Analytics",
    "location": "Portland, OR",
    "contact": ["alex.rivera@example.com", "alexrivera.example (Personal)"],
    "top_skills": ["Python", "SQL", "Apache Spark", "Kafka", "Airflow", "AWS", "dbt",
                   "Snowflake"],
    "languages": ["English (Native or Bilingual)", "Spanish (Professional Working)"],
    "certifications": ["AWS Certified Data Engineer – Associate"],
    "summary": [
        "Data engineer in Portland who builds reliable batch and streaming pipelines in Python, "
        "SQL and Apache Spark, and makes their data trustworthy for the people who use it.",
        "I like turning messy operational data into tables an analyst can trust, and explaining "
        "what the data can and cannot say to colleagues outside engineering.",
    ],
    "experience": [
        {"company": "Cascadia Grid Analytics", "total": None, "roles": [
            {"title": "Data Engineer", "dates": "June 2021 - Present (4 years 8 months)",
             "location": "Portland, Oregon, United States", "description": [
                 "- Build and run batch and streaming pipelines in Python, SQL and Apache Spark "
                 "that load energy-market and billing data into Snowflake.",
                 "- Moved nightly batch loads to Kafka streaming, cutting data latency from 24 "
                 "hours to 15 minutes.",
                 "- Orchestrate 120+ Airflow DAGs and dbt models on AWS (S3, EMR, MWAA).",
                 "- Present data-quality dashboards to non-technical stakeholders in operations "
                 "and finance every month.",
                 "- Mentored two junior engineers through their first year on the team.",
             ]},
        ]},
        {"company": "Northstar Logistics", "total": None, "roles": [
            {"title": "Software Engineer", "dates": "July 2017 - May 2021 (3 years 11 months)",
             "location": "Portland, Oregon, United States", "description": [
                 "- Built Python services and SQL reporting pipelines for shipment tracking on "
                 "PostgreSQL.",
                 "- Wrote the ETL jobs that fed the company's first data warehouse.",
             ]},
        ]},
    ],
    "education": [("Oregon State University", "B.S., Computer Science", "(2013 - 2017)")],
    "volunteering": [("Code for PDX", "Mentor", "January 2019 - Present (7 years 1 month)",
                      ["Mentor new volunteers on civic data projects."])],
}

DANA = {
    "file": "dana-okafor-linkedin.pdf",
    "name": "Dana Okafor",
    "headline": "Vice President, Engineering at Brightwater Instruments",
    "location": "Portland, Oregon, United States",
    "contact": ["dana.okafor@example.com"],
    "top_skills": ["Engineering Management", "Embedded Systems", "Industrial IoT"],
    "languages": ["English (Native or Bilingual)"],
    "certifications": [],
    "summary": [
        "I lead the engineering teams behind AquaSense probes and the HydroView analytics "
        "cloud: firmware, platform and data. I care about sensors that tell the truth and "
        "teams that ship calmly.",
    ],
    "experience": [
        {"company": "Brightwater Instruments, Inc.", "total": "11 years 6 months", "roles": [
            {"title": "Vice President, Engineering",
             "dates": "March 2019 - Present (6 years 11 months)",
             "location": "Portland, Oregon, United States", "description": [
                 "- Lead firmware, platform and data engineering (80 people).",
                 "- Launched the HydroView analytics cloud for utilities.",
             ]},
            {"title": "Director of Engineering",
             "dates": "August 2014 - February 2019 (4 years 7 months)",
             "location": "Portland, Oregon, United States", "description": [
                 "- Built the AquaSense probe firmware team from 6 to 25 engineers.",
             ]},
        ]},
        {"company": "Harbor Sensing Technologies, Inc.", "total": None, "roles": [
            {"title": "Senior Firmware Engineer",
             "dates": "June 2006 - July 2014 (8 years 2 months)",
             "location": "Seattle, Washington, United States", "description": [
                 "- Wrote firmware for conductivity and turbidity sensors.",
             ]},
        ]},
    ],
    "education": [("Oregon State University", "B.S., Electrical Engineering", "(2002 - 2006)")],
    "volunteering": [("Code for PDX", "Mentor", "May 2016 - Present (9 years 9 months)",
                      ["Mentor students and new contributors on open civic tech projects."])],
}

# measured on real exports (points, RGB)
W, H = 612.0, 792.0
SIDE_X, MAIN_X, MAIN_W, SIDE_W = 22.0, 224.0, 352.0, 165.0
DARK, GREY, SIDE_HEAD, WHITE = (25, 25, 25), (177, 177, 177), (225, 233, 238), (255, 255, 255)
SIDEBAR_FILL = (44, 62, 80)
BOTTOM = 760.0


def _font_dir() -> str:
    import matplotlib

    return os.path.join(os.path.dirname(matplotlib.__file__), "mpl-data", "fonts", "ttf")


class _Layout:
    def __init__(self, profile: dict) -> None:
        from fpdf import FPDF

        self.pdf = FPDF(unit="pt", format="letter")
        self.pdf.set_auto_page_break(False)
        self.pdf.add_font("Sans", "", os.path.join(_font_dir(), "DejaVuSans.ttf"))
        self.pdf.set_title("Resume")
        self.pdf.set_author("research-kit demo (fictional)")
        self.pdf.set_subject("Fictional LinkedIn-style profile export for the research-kit demo")
        self.pdf.set_creator("research-kit benchmarks/tools/make_demo_position.py")
        self.pdf.set_creation_date(_fixed_date())
        self.profile = profile
        self.main_y = 0.0
        self.side_y = 0.0
        self.pages = 0

    def new_page(self) -> None:
        self.pdf.add_page()
        self.pages += 1
        self.pdf.set_fill_color(*SIDEBAR_FILL)
        self.pdf.rect(0, 0, 200, H, style="F")
        self.main_y = 46.0
        self.side_y = 46.0

    def text(self, x: float, y: float, text: str, size: float, color) -> None:
        self.pdf.set_font("Sans", size=size)
        self.pdf.set_text_color(*color)
        self.pdf.text(x, y, text)

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        self.pdf.set_font("Sans", size=size)
        words, lines, current = text.split(" "), [], ""
        for word in words:
            trial = f"{current} {word}".strip()
            if self.pdf.get_string_width(trial) <= width or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        if current:
            lines.append(current)
        return lines

    def main(self, text: str, size: float, color=DARK, gap_before: float = 0.0,
             leading: float | None = None) -> None:
        leading = leading or size * 1.45
        lines = self.wrap(text, size, MAIN_W)
        self.main_y += gap_before
        for line in lines:
            if self.main_y + leading > BOTTOM:
                self.new_page()
            self.main_y += leading
            self.text(MAIN_X, self.main_y, line, size, color)

    def side(self, text: str, size: float, color, gap_before: float = 0.0) -> None:
        lines = self.wrap(text, size, SIDE_W)
        self.side_y += gap_before
        for i, line in enumerate(lines):
            self.side_y += size * 1.2 if i else size * 1.65
            self.text(SIDE_X, self.side_y, line, size, color)


def _fixed_date():
    from datetime import datetime

    return datetime(2026, 1, 20, 12, 0, tzinfo=UTC)


def write_profile(profile: dict) -> Path:
    lay = _Layout(profile)
    lay.new_page()
    first_page = lay.pdf.page
    # sidebar (first page only, as in short real exports)
    lay.side("Contact", 13, SIDE_HEAD)
    for item in profile["contact"]:
        lay.side(item, 10.5, WHITE)
    for heading, items in (("Top Skills", profile["top_skills"]),
                           ("Languages", profile["languages"]),
                           ("Certifications", profile["certifications"])):
        if items:
            lay.side(heading, 13, SIDE_HEAD, gap_before=16)
            for item in items:
                lay.side(item, 10.5, WHITE)
    # main column
    lay.main_y = 20.0
    lay.main(profile["name"], 26, leading=34)
    lay.main(profile["headline"], 12, gap_before=4)
    lay.main(profile["location"], 12, GREY)
    lay.main("Summary", 15.8, gap_before=20)
    for i, para in enumerate(profile["summary"]):
        lay.main(para, 12, gap_before=8 if i else 6, leading=18)
    lay.main("Experience", 15.8, gap_before=24)
    for company in profile["experience"]:
        lay.main(company["company"], 12, gap_before=14)
        if company["total"]:
            lay.main(company["total"], 10.5)
        for role in company["roles"]:
            lay.main(role["title"], 11.5, gap_before=4 if company["total"] else 2)
            lay.main(role["dates"].replace(" - ", f"{NBSP}-{NBSP}").replace(" (", f"{NBSP}("),
                     10.5)
            lay.main(role["location"], 10.5, GREY)
            for line in role["description"]:
                lay.main(line, 10.5, gap_before=2)
    lay.main("Education", 15.8, gap_before=24)
    for school, degree, years in profile["education"]:
        lay.main(school, 12, gap_before=10)
        lay.main(f"{degree}{NBSP}·{NBSP}{years.replace(' - ', NBSP + '-' + NBSP)}", 10.5)
    if profile["volunteering"]:
        lay.main("Volunteer Experience", 15.8, gap_before=24)
        for org, role, dates, description in profile["volunteering"]:
            lay.main(org, 12, gap_before=10)
            lay.main(role, 11.5)
            lay.main(dates.replace(" - ", f"{NBSP}-{NBSP}").replace(" (", f"{NBSP}("), 10.5)
            for line in description:
                lay.main(line, 10.5, gap_before=2)
    total = lay.pages
    for page in range(first_page, first_page + total):
        lay.pdf.page = page
        lay.text(384.7, H - 13.9, f"Page {page - first_page + 1} of {total}", 9, (0, 0, 0))
        for k, line in enumerate(NOTE_LINES):
            lay.text(SIDE_X - 8, H - 19.5 + 8.5 * k, line, 7, WHITE)
    path = FILES / profile["file"]
    path.parent.mkdir(parents=True, exist_ok=True)
    lay.pdf.output(str(path))
    return path


def main() -> None:
    print(write_posting().relative_to(ROOT))
    for profile in (ALEX, DANA):
        print(write_profile(profile).relative_to(ROOT))


if __name__ == "__main__":
    main()
