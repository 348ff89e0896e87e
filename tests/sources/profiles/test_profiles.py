"""Profiles: LinkedIn PDF exports (both layouts), resumes, DOCX, YAML, and unreadable PDFs."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from conftest import DEMO_ROOT, LOCAL, fixture_path

from research_kit import errors
from research_kit.provenance import Source
from research_kit.sources.profiles import load_profile, profile_panel
from research_kit.sources.profiles.pdf_text import read_pdf
from research_kit.sources.profiles.resume import fix_mojibake, parse_resume_text

EXPECTED = json.loads((LOCAL / "profiles/linkedin_expected.json").read_text(encoding="utf-8"))
DEMO_FILES = DEMO_ROOT / "files"


def _check(profile, expected: dict) -> None:
    assert profile.name == expected["name"]
    assert profile.headline == expected["headline"]
    assert profile.location == expected["location"]
    assert profile.schools == expected["schools"]
    assert profile.employers == expected["employers"]
    assert len(profile.experience) == expected["roles"]
    first = profile.experience[0]
    assert [first.title, first.company, first.start, first.end] == expected["first_role"]


@pytest.mark.parametrize("name", sorted(EXPECTED["fixtures"]))
def test_linkedin_fixture_exports(name):
    expected = EXPECTED["fixtures"][name]
    path = fixture_path("profiles", "linkedin", name)
    doc = read_pdf(path)
    assert (doc.column_split is not None) == (expected["layout"] == "new")
    _check(load_profile(str(path)), expected)


@pytest.mark.parametrize("name", sorted(EXPECTED["demo"]))
def test_demo_exports(name):
    path = DEMO_FILES / name
    doc = read_pdf(path)
    assert doc.column_split is not None
    assert any("fictional" in ln.text.lower() for ln in doc.margin_lines)
    _check(load_profile(str(path)), EXPECTED["demo"][name])


def test_demo_candidate_details():
    alex = load_profile(str(DEMO_FILES / "alex-rivera-profile.pdf"))
    assert alex.skills == ["Python", "SQL", "Apache Spark", "Kafka", "Airflow", "AWS", "dbt",
                           "Snowflake"]
    assert alex.certifications == ["AWS Certified Data Engineer – Associate"]
    assert [(v.text, v.organization) for v in alex.volunteering] == [("Mentor", "Code for PDX")]
    assert alex.languages == ["English (Native or Bilingual)", "Spanish (Professional Working)"]
    assert (alex.education[0].degree, alex.education[0].field_of_study,
            alex.education[0].start, alex.education[0].end) == ("B.S.", "Computer Science",
                                                                 "2013", "2017")
    text = " ".join(e.description for e in alex.experience)
    for absent in ("BigQuery", "Redshift", "Kinesis", "IoT"):
        assert absent not in text  # the demo's honest weaknesses


def test_demo_interviewer_details():
    dana = load_profile(str(DEMO_FILES / "dana-okafor-linkedin.pdf"))
    assert (dana.education[0].school, dana.education[0].degree,
            dana.education[0].field_of_study) == ("Oregon State University", "B.S.",
                                                  "Electrical Engineering")
    assert [(v.text, v.organization) for v in dana.volunteering] == [("Mentor", "Code for PDX")]
    # two roles at one company share the company line
    assert [e.company for e in dana.experience[:2]] == ["Brightwater Instruments, Inc."] * 2
    assert "Dana Okafor" in str(profile_panel(dana))


def test_new_layout_sidebar_items_and_wrapped_honors():
    silas = load_profile(str(fixture_path("profiles", "linkedin", "SilasYudi_Profile_2023fmt.pdf")))
    assert silas.skills == ["Java", "Spring Boot", "PHP"]
    assert silas.languages == ["Portuguese (Native or Bilingual)", "English (Professional Working)"]
    assert silas.honors[0] == ("2nd Prize for Technological Innovation Professor Delby "
                               "Fernandes de Medeiros")
    assert silas.experience[1].title == "Software Architect at Livelo"
    assert silas.experience[1].company == "Compass.uol"  # the employer, not the client
    assert silas.education[0].degree == "Master of Informatics"
    assert silas.to_dict()["experience"][0]["location"] == "Remote"


def test_old_layout_sections():
    isaac = load_profile(str(fixture_path("profiles", "linkedin", "IsaacMast_Profile_2016fmt.pdf")))
    assert "Ruby on Rails" in isaac.skills and len(isaac.skills) > 30
    assert isaac.honors == ["PIAA Class AA State Soccer Champion", "Student of the Month"]
    assert [(v.text, v.organization) for v in isaac.volunteering] == [("Bar", "Foo")]
    assert isaac.education[0].degree == "Bachelor of Science (B.S.)"


def test_resumes_all_parse():
    path = fixture_path("profiles", "resumes", "resume_dataset_one_per_category.csv")
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == 25
    with_skills = 0
    for i, row in enumerate(rows):
        profile = parse_resume_text(row["Resume"], Source.for_text(f"resume {i}"))
        assert profile.raw_text
        assert "Ã" not in profile.raw_text and "â€" not in profile.raw_text
        with_skills += bool(profile.skills)
        assert profile.to_dict()["source"].startswith("user-provided:")
    assert with_skills >= 23


def test_mojibake_repair():
    assert fix_mojibake("NaÃ¯ve Bayes â€¢ item â\x80¢ x") == "Naïve Bayes • item • x"
    assert fix_mojibake("café – plain") == "café – plain"


def test_text_resume(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text("Jane Doe\nSenior Analyst\njane@example.com\n\nSkills\nPython, SQL, Tableau\n\n"
                    "Experience\nAnalyst at Acme Corp, Jan 2019 - Present\n- Built dashboards\n\n"
                    "Education\nB.S. Statistics, University of Oregon, 2014 - 2018\n",
                    encoding="utf-8")
    p = load_profile(str(path))
    assert (p.name, p.headline) == ("Jane Doe", "Senior Analyst")
    assert p.skills == ["Python", "SQL", "Tableau"]
    assert (p.experience[0].title, p.experience[0].company, p.experience[0].start) == \
        ("Analyst", "Acme Corp", "2019-01")
    assert p.education[0].school == "University of Oregon"


def _docx(paragraphs: list[tuple[str, bool]]) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    numbered = '<w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>'
    body = "".join(f"<w:p>{numbered if bullet else ''}<w:r><w:t>{text}</w:t></w:r></w:p>"
                   for text, bullet in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return buf.getvalue()


def test_docx_resume(tmp_path):
    path = tmp_path / "cv.docx"
    path.write_bytes(_docx([("Maria Lopez", False), ("Skills", False),
                            ("Kubernetes, Terraform", False), ("Experience", False),
                            ("SRE at Example Co, 2020 - 2024", False),
                            ("Ran on-call for 40 services", True)]))
    p = load_profile(str(path))
    assert p.name == "Maria Lopez" and p.skills == ["Kubernetes", "Terraform"]
    assert p.experience[0].company == "Example Co"
    assert "• Ran on-call" in p.raw_text
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(errors.ParseError):
        load_profile(str(broken))


def test_yaml_profile(tmp_path):
    text = ("name: Alex Rivera\nheadline: Data Engineer\nlocation: Portland, OR\n"
            "experience:\n  - title: Data Engineer\n    company: Cascadia Grid Analytics\n"
            "    start: 2021\n    end: present\neducation:\n  - school: Oregon State University\n"
            "    degree: B.S.\n    field: Computer Science\nskills: [Python, SQL]\n"
            "volunteering:\n  - role: Mentor\n    organization: Code for PDX\n")
    p = load_profile(text)
    assert p.employers == ["Cascadia Grid Analytics"] and p.schools == ["Oregon State University"]
    assert p.experience[0].start == "2021" and p.skills == ["Python", "SQL"]
    path = tmp_path / "me.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_profile(str(path)).name == "Alex Rivera"
    with pytest.raises(errors.ParseError, match="unknown key"):
        load_profile("name: X\nskils: [Python]\n")
    with pytest.raises(errors.ParseError, match="list of entries"):
        load_profile("name: X\nexperience: Data Engineer\n")
    with pytest.raises(errors.ParseError, match="does not parse"):
        load_profile("name: [unclosed\n")


def _fpdf():
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test dependency) makes the test PDFs")
    return fpdf.FPDF()


def test_scanned_pdf_is_refused(tmp_path):
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 500), 255)
    ImageDraw.Draw(img).text((40, 40), "Jane Doe - Data Engineer", fill=0)
    pdf = _fpdf()
    pdf.add_page()
    pdf.image(img, x=10, y=10, w=150)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(errors.NoTextLayerError) as info:
        load_profile(str(path))
    assert "text" in info.value.suggestion


def test_password_protected_pdf_is_refused(tmp_path):
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Jane Doe")
    pdf.set_encryption(owner_password="owner", user_password="user")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(errors.EncryptedDocumentError):
        load_profile(str(path))


def test_200_page_pdf_is_refused(tmp_path):
    pdf = _fpdf()
    pdf.set_font("helvetica", size=12)
    for i in range(200):
        pdf.add_page()
        pdf.cell(text=f"Annual report page {i}")
    path = tmp_path / "long.pdf"
    pdf.output(str(path))
    with pytest.raises(errors.DocumentTooLongError) as info:
        load_profile(str(path))
    assert "200 pages" in info.value.message


def test_resume_pdf_that_is_not_linkedin(tmp_path):
    pdf = _fpdf()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in ("Sam Taylor", "Operations Analyst", "", "Skills", "Excel, SQL, Tableau", "",
                 "Experience", "Analyst at Rivertown Foods, 2018 - 2023"):
        if line:
            pdf.cell(text=line, new_x="LMARGIN", new_y="NEXT", h=16)
        else:
            pdf.ln(16)
    path = tmp_path / "resume.pdf"
    pdf.output(str(path))
    p = load_profile(str(path))
    assert p.name == "Sam Taylor" and "SQL" in p.skills
    assert p.employers == ["Rivertown Foods"]


def test_not_a_pdf_and_missing(tmp_path):
    fake = tmp_path / "x.pdf"
    fake.write_bytes(b"%PDF-garbage")
    with pytest.raises(errors.ParseError):
        load_profile(str(fake))
    with pytest.raises(errors.InputError, match="no such file"):
        load_profile("nowhere/profile.pdf")
    with pytest.raises(errors.InputError):
        load_profile("just some words")


def test_a_roles_dates_and_title_written_inside_its_description():
    from research_kit.provenance import Source
    from research_kit.sources.profiles.resume import parse_resume_text

    profile = parse_resume_text(
        "Operations Manager\nWORK EXPERIENCE\ncompany - BNY Mellon International Operations\n"
        "description - Organization: BNY Mellon International Operations (India) Pvt. Ltd.: "
        "Sept 2009- till date\nBNY Mellon provides a broad range of products.\n\n"
        "Job Profile: Operations Manager - BNY Mellon International Operations (India) Pvt. "
        "Ltd.\n\ncompany - Wipro Technologies\ndescription - CLIENT: Microsoft\n"
        "Job Profile: Worked as an \"Application Support Engineer Tier II''\n",
        Source.for_file("resume.txt"))
    first, second = profile.experience[:2]
    assert (first.title, first.start, first.end) == ("Operations Manager", "2009-09", "present")
    assert second.title == "Application Support Engineer Tier II" and second.start is None
