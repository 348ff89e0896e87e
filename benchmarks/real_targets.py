"""Real targets for looking at briefs: public, private (website only) and non-US (PDF).

Each target is an offline workspace built from the real files in ``../shared/fixtures``
(``RESEARCH_KIT_FIXTURES`` overrides): SEC responses are stored in the workspace's own
cache under their real URLs (the way a pack replays), the company website's saved pages
under its real host, and the posting, profiles and annual report PDF copied into
``notes/``. Nothing is fetched; nothing is copied into the project.

    python benchmarks/real_targets.py OUT_DIR [NAME ...]   # writes OUT_DIR/<slug>/out/brief.*

``bench_briefs.py`` scores the briefs these targets give.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))
FIXTURES = Path(os.environ.get("RESEARCH_KIT_FIXTURES") or PROJECT.parent / "shared" / "fixtures")
RETRIEVED_AT = "2026-11-30T09:00:00+00:00"


@dataclass
class Target:
    slug: str
    name: str
    target: dict
    notes: dict[str, str] = field(default_factory=dict)
    """notes/<name> → fixture path (relative to FIXTURES)."""
    web: dict[str, str] = field(default_factory=dict)
    """URL → fixture path."""
    site_root: tuple[str, str] | None = None
    """(https://host/, fixture folder): every file of the folder served under the host."""


AS_LATEST = os.environ.get("REAL_TARGETS_AS_LATEST") == "1"
"""Store each fixture 10-K under the URL of the company's *latest* 10-K (for measuring a
version of research-kit that cannot fall back to an older cached 10-K when offline)."""


def _latest_10k_url(cik: str) -> str | None:
    data = json.loads((FIXTURES / "edgar" / "submissions" / f"CIK{cik}.json").read_text("utf-8"))
    recent = data["filings"]["recent"]
    for form, accession, document in zip(recent["form"], recent["accessionNumber"],
                                         recent["primaryDocument"]):
        if form == "10-K":
            return (f"https://www.sec.gov/Archives/edgar/data/{int(cik)}/"
                    f"{accession.replace('-', '')}/{document}")
    return None


def _sec(cik: str, tenk: str | None = None, facts: bool = True) -> dict[str, str]:
    web = {"https://www.sec.gov/files/company_tickers.json": "edgar/company_tickers.json",
           f"https://data.sec.gov/submissions/CIK{cik}.json": f"edgar/submissions/CIK{cik}.json"}
    if facts:
        web[f"https://data.sec.gov/api/xbrl/companyfacts/CIK{cik}.json"] = \
            f"edgar/companyfacts/CIK{cik}.json"
    if tenk:
        url, path = tenk.split(" ")
        if AS_LATEST:
            url = _latest_10k_url(cik) or url
        web[url] = path
    return web


TARGETS = [
    Target("nvidia", "NVIDIA Corporation",
           {"name": "NVIDIA Corporation", "ticker": "NVDA", "job": "notes/posting.json",
            "me": "notes/me.pdf",
            "interviewers": [{"name": "Lester Chan", "profile": "notes/lester.pdf"}]},
           notes={"posting.json": "jobs/ats_more/ashby_Windsurf.json",
                  "me.pdf": "profiles/linkedin/SilasYudi_Profile_2023fmt.pdf",
                  "lester.pdf": "profiles/linkedin/LesterChan_Profile_2016fmt.pdf"},
           web=_sec("0001045810",
                    "https://www.sec.gov/Archives/edgar/data/1045810/000104581025000023/"
                    "nvda-20250126.htm edgar/10k/nvda-2025.htm")),
    Target("apple", "Apple Inc.",
           {"name": "Apple Inc.", "ticker": "AAPL", "job": "notes/posting.json",
            "job_id": "8636903002", "me": "notes/me.pdf",
            "interviewers": [{"name": "Isaac Mast", "profile": "notes/isaac.pdf"}]},
           notes={"posting.json": "jobs/ats/greenhouse_amplitude_board_content.json",
                  "me.pdf": "profiles/linkedin/AkashZalke_Profile_2023fmt.pdf",
                  "isaac.pdf": "profiles/linkedin/IsaacMast_Profile_2016fmt.pdf"},
           web=_sec("0000320193",
                    "https://www.sec.gov/Archives/edgar/data/320193/000032019324000123/"
                    "aapl-20240928.htm edgar/10k/aapl-2024.htm")),
    Target("tesla", "Tesla, Inc.",
           {"name": "Tesla, Inc.", "ticker": "TSLA", "job": "notes/posting.json",
            "me": "notes/me.pdf"},
           notes={"posting.json": "jobs/ats_more/ashby_materialsecurity.json",
                  "me.pdf": "profiles/linkedin/SilasYudi_Profile_2023fmt.pdf"},
           web=_sec("0001318605",
                    "https://www.sec.gov/Archives/edgar/data/1318605/000162828025003063/"
                    "tsla-20241231.htm edgar/10k/tsla-2024.htm", facts=False)),
    Target("marvell", "Marvell Technology, Inc.",
           {"name": "Marvell Technology, Inc.", "ticker": "MRVL", "job": "notes/posting.json",
            "me": "notes/me.pdf"},
           notes={"posting.json": "jobs/ats_more/ashby_gridium.json",
                  "me.pdf": "profiles/linkedin/AkashZalke_Profile_2023fmt.pdf"},
           web=_sec("0001835632")),
    Target("microsoft", "Microsoft Corporation",
           {"name": "Microsoft Corporation", "ticker": "MSFT", "job": "notes/posting.html",
            "me": "notes/me.pdf"},
           notes={"posting.html": "jobs/html/indeed_papercut_senior_devops.html",
                  "me.pdf": "profiles/linkedin/IsaacMast_Profile_2016fmt.pdf"},
           web=_sec("0000789019", facts=False)),
    Target("cht-global", "CHT Global",
           {"name": "CHT Global", "site": "https://www.chtglobal.com/",
            "job": "notes/posting.html", "me": "notes/me.pdf"},
           notes={"posting.html": "jobs/html/indeed_papercut_senior_devops.html",
                  "me.pdf": "profiles/linkedin/SilasYudi_Profile_2023fmt.pdf"},
           site_root=("https://www.chtglobal.com/", "websites/chtglobal.com")),
    Target("haaga-helia", "Haaga-Helia University of Applied Sciences",
           {"name": "Haaga-Helia University of Applied Sciences",
            "annual_report": "notes/annual-report-2022.pdf", "job": "notes/posting.json",
            "me": "notes/me.pdf"},
           notes={"annual-report-2022.pdf": "reports/haaga-helia_annual_report_2022.pdf",
                  "posting.json": "jobs/ats_more/ashby_herojourneyclub.json",
                  "me.pdf": "profiles/linkedin/LesterChan_Profile_2016fmt.pdf"}),
    Target("standard-shoe-sole", "Standard Shoe Sole and Mould (India) Ltd",
           {"name": "Standard Shoe Sole and Mould (India) Ltd",
            "annual_report": "notes/annual-report-fy2022-23.pdf", "job": "notes/posting.json",
            "me": "notes/me.pdf"},
           notes={"annual-report-fy2022-23.pdf":
                  "reports/annual_reports_more/StandardShoeSole_IN_AnnualReport_FY2022-23.pdf",
                  "posting.json": "jobs/ats_more/ashby_aescape.json",
                  "me.pdf": "profiles/linkedin/IsaacMast_Profile_2016fmt.pdf"}),
]


def _content_type(path: Path) -> str:
    if path.suffix in (".htm", ".html"):
        return "text/html; charset=utf-8"
    if path.suffix == ".json":
        return "application/json"
    if path.suffix == ".xml":
        return "application/xml"
    return "text/plain; charset=utf-8"


def _records(target: Target) -> list[dict]:
    records = []
    for url, rel in target.web.items():
        path = FIXTURES / rel
        records.append({"url": url, "status": 200, "retrieved_at": RETRIEVED_AT,
                        "headers": {"Content-Type": _content_type(path)},
                        "content": path.read_bytes()})
    if target.site_root:
        base, folder = target.site_root
        root = FIXTURES / folder
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            urls = [base + rel]
            if rel == "index.html" or rel.endswith("/index.html"):
                urls.append(base + rel[: -len("index.html")])
            for url in urls:
                records.append({"url": url, "status": 200, "retrieved_at": RETRIEVED_AT,
                                "headers": {"Content-Type": _content_type(path)},
                                "content": path.read_bytes()})
        records.append({"url": base + "robots.txt", "status": 404, "retrieved_at": RETRIEVED_AT,
                        "headers": {"Content-Type": "text/plain"}, "content": b""})
    return records


def build(target: Target, parent: Path) -> Path:
    """The target's offline workspace under ``parent`` (made afresh)."""
    try:
        from research_kit.app.packs import install_offline_workspace
    except ImportError:  # a checkout from before the app/ package (to measure a "before")
        from research_kit.packs import install_offline_workspace  # type: ignore[no-redef]
    from research_kit.workspace import to_toml

    folder = parent / target.slug
    if folder.exists():
        shutil.rmtree(folder)
    files = {"target.toml": to_toml(target.target).encode("utf-8")}
    for name, rel in target.notes.items():
        files[f"notes/{name}"] = (FIXTURES / rel).read_bytes()
    install_offline_workspace(folder, files, _records(target))
    return folder


def brief_for(folder: Path):
    """(research workbench, brief files) for a built target, computed in this process."""
    import research_kit as rk

    research = rk.open_research(folder)
    return research, research.write_brief()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    out = Path(argv[0])
    wanted = set(argv[1:])
    for target in TARGETS:
        if wanted and target.slug not in wanted:
            continue
        folder = build(target, out)
        research, files = brief_for(folder)
        print(f"{target.slug}: {files.pdf_path}")
        print(json.dumps({k: v.reason for k, v in research.missing.items()}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
