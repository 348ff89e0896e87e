"""Builders shared by the outreach tests: the demo candidate and a demo workspace.

Everything here is fictional (docs/demo-company.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DEMO_ROOT

from research_kit.sources.profiles.model import Education, Entry, Experience, Profile

DEMO_NOTES = DEMO_ROOT / "files"

DEMO_TARGET = '''\
# FICTIONAL demo workspace (docs/demo-company.md)
name = "Brightwater Instruments, Inc."
ticker = "BWTR"
site = "https://www.brightwater-instruments.example"

[outreach]
role = "Senior Data Engineer"
limit = 200

[[interviewers]]
name = "Dana Okafor"
title = "Vice President, Engineering"
location = "Portland, Oregon"
schools = ["Oregon State University"]
volunteering = ["Code for PDX"]
notes = "B.S. Electrical Engineering, Oregon State University; mentors with Code for PDX."

[[interviewers]]
name = "Miguel Santos"
title = "Senior Manager, Data Engineering"
notes = "Spoke at PyData Portland 2025 on streaming sensor data. Previously at Northstar Logistics."
connection = "talk"
context = "at PyData Portland 2025 on streaming sensor data"

[coordinator]
name = "Priya Raman"
title = "Recruiting Coordinator"
'''


def alex() -> Profile:
    """The demo candidate, as the profile parser would give it."""
    return Profile(
        name="Alex Rivera", headline="Data Engineer at Cascadia Grid Analytics",
        location="Portland, OR",
        experience=[Experience("Data Engineer", "Cascadia Grid Analytics", "2021", "present"),
                    Experience("Software Engineer", "Northstar Logistics", "2017", "2021")],
        education=[Education("Oregon State University", "B.S.", "Computer Science", "2013",
                             "2017")],
        skills=["Python", "SQL", "Apache Spark", "Kafka", "Airflow", "AWS", "dbt", "Snowflake"],
        certifications=["AWS Certified Data Engineer – Associate"],
        volunteering=[Entry("Mentor, Code for PDX", "Code for PDX")],
        languages=["English", "Spanish"])


def make_workspace(root: Path, target: str = DEMO_TARGET, *, with_notes: bool = True) -> Path:
    ws = root / "brightwater"
    (ws / "notes").mkdir(parents=True)
    (ws / "target.toml").write_text(target, encoding="utf-8")
    if with_notes:
        for path in DEMO_NOTES.glob("interview-*.md"):
            shutil.copy(path, ws / "notes" / path.name)
    return ws
