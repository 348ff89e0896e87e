"""The whole workflow on the fictional demo company: new → run → one-page brief, offline.

The templates are executed with nbval (``--nbval-lax --nbval-current-env``) and papermill
against the demo workspace; ``research-kit demo`` runs twice and gives identical files.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from research_kit.app.demo import prepare_demo_workspace, run_demo

pytestmark = pytest.mark.slow


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RESEARCH_KIT_")}
    env.update(extra)
    return env


def _pdf_text_and_pages(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc))), \
            len(doc)
    finally:
        doc.close()


def test_demo_writes_a_one_page_brief_and_reruns_identically(tmp_path, monkeypatch):
    first = run_demo(tmp_path / "a", progress=None)
    assert first.fictional and first.pages == 1
    text, pages = _pdf_text_and_pages(first.pdf)
    assert pages == 1
    assert "FICTIONAL DEMO" in text and "Brightwater Instruments" in text
    for heading in ("Company snapshot", "Top requirements vs my evidence", "Talking points",
                    "Questions to ask", "Competitors at a glance", "Interviewer commonalities",
                    "My SWOT in brief", "Sources"):
        assert heading in text, heading
    html = first.html.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "http://" not in html.split("<body")[0]
    assert "While researching the competition" in html
    executed = json.loads(first.executed_notebook.read_text(encoding="utf-8"))
    errors = [o for c in executed["cells"] for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == []

    again = run_demo(tmp_path / "a", progress=None)  # same folder, offline re-run (stored)
    # another folder, everything computed and drawn again: stored bytes are what drawing gives
    elsewhere = run_demo(tmp_path / "b", progress=None)
    for other in (again, elsewhere):
        assert other.pdf.read_bytes() == first.pdf.read_bytes()
        assert other.html.read_bytes() == first.html.read_bytes()


def test_demo_keeps_the_users_notebook(tmp_path):
    result = run_demo(tmp_path, progress=None)
    notebook = result.workspace / "research.ipynb"
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "id": "mine", "metadata": {"tags": ["brief"]},
                        "source": "My own point: ask about the Rotterdam team."})
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    again = run_demo(tmp_path, progress=None)
    assert "My own point" in notebook.read_text(encoding="utf-8")
    text, _ = _pdf_text_and_pages(again.pdf)
    assert "ask about the Rotterdam team" in text  # the brief-tagged cell is on the brief


@pytest.mark.parametrize("notebook", ["research.ipynb", "follow-up.ipynb"])
def test_workspace_templates_pass_nbval_on_the_demo(tmp_path, notebook):
    from research_kit.app.templates import render_notebook

    folder = prepare_demo_workspace(tmp_path)
    (folder / notebook).write_text(render_notebook(notebook[:-6], {"workspace": "."}),
                                   encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", str(folder / notebook)],
        cwd=folder, env=_clean_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


@pytest.mark.parametrize("notebook", ["me.ipynb", "targets.ipynb"])
def test_shared_templates_pass_nbval_on_the_demo(tmp_path, notebook):
    from research_kit.app.templates import render_notebook

    prepare_demo_workspace(tmp_path)
    (tmp_path / notebook).write_text(render_notebook(notebook[:-6]), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         "--nbval-current-env", str(tmp_path / notebook)],
        cwd=tmp_path, env=_clean_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_papermill_runs_our_template_with_parameters(tmp_path):
    pytest.importorskip("papermill")
    folder = prepare_demo_workspace(tmp_path)
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(folder / "research.ipynb"), str(out),
         "-p", "workspace", str(folder), "--cwd", str(folder), "--no-progress-bar",
         "-k", "python3"],
        env=_clean_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    nb = json.loads(out.read_text(encoding="utf-8"))
    tags = [c["metadata"].get("tags", []) for c in nb["cells"]]
    assert ["injected-parameters"] in tags


def test_every_demo_talking_point_states_only_its_source_row(tmp_path):
    from research_kit.research.talking_points import verify_point
    from research_kit.workbench.research import open_research

    research = open_research(prepare_demo_workspace(tmp_path))
    points = [p for kind in ("talk", "ask", "why") for p in research._points(kind)]
    assert len(points) >= 12
    for point in points:
        assert point.source is not None and point.source.url, point.text
        assert verify_point(point) == [], (point.text, verify_point(point))


def test_a_sparse_workspace_still_gets_a_one_page_brief(tmp_path):
    from research_kit.app.create import create_workspace
    from research_kit.workbench.research import open_research

    ws = create_workspace("Sparse Co", directory=tmp_path).workspace
    files = open_research(ws, offline=True).write_brief(paper="a4")
    text, pages = _pdf_text_and_pages(files.pdf_path)
    assert pages == 1
    for heading in ("Company snapshot", "Top requirements vs my evidence", "Talking points",
                    "Competitors at a glance", "My SWOT in brief"):
        assert heading in text
    assert "Not found" in text or "No job posting" in text  # says what is missing


def test_pack_records_at_home_and_replays_in_the_room(tmp_path):
    from research_kit.app.packs import export_pack
    from research_kit.workbench.research import open_research

    home = run_demo(tmp_path / "home", progress=None)
    research = open_research(home.workspace)
    pack = export_pack(research.ws, tmp_path / "acme.zip", gateway=research.gateway)
    assert pack.responses > 20 and not pack.missing
    room = run_demo(tmp_path / "room", pack=str(pack.path), progress=None)
    assert room.pages == 1
    assert room.pdf.read_bytes() == home.pdf.read_bytes()


def test_batch_researches_every_row_and_resumes(tmp_path):
    import shutil

    from research_kit.app.batch import run_batch
    from research_kit.app.demo import DEMO_ROOT

    job = tmp_path / "posting.json"  # a saved Greenhouse API response
    shutil.copy(DEMO_ROOT / "web" / "boards-api.greenhouse.io" / "v1" / "boards" /
                "brightwaterinstruments" / "jobs" / "4012345", job)
    csv = tmp_path / "targets.csv"
    csv.write_text("name,job,status\n"
                   f"Brightwater Instruments,{job},applied\n"
                   "Sparse Co,,idea\n"
                   f"Broken Co,{tmp_path / 'missing.html'},idea\n", encoding="utf-8")
    rows = run_batch(csv, directory=tmp_path / "ws", workers=2, notebooks=False,
                     progress=None)
    status = {r.name: r.status for r in rows}
    assert status == {"Brightwater Instruments": "ok", "Sparse Co": "ok", "Broken Co": "failed"}
    broken = next(r for r in rows if r.name == "Broken Co")
    assert "no such file" in broken.reason and "missing.html" in broken.reason
    assert all(Path(r.brief).exists() for r in rows if r.status == "ok")
    again = run_batch(csv, directory=tmp_path / "ws", workers=2, notebooks=False,
                      progress=None)
    assert {r.name: r.status for r in again} == {
        "Brightwater Instruments": "skipped", "Sparse Co": "skipped", "Broken Co": "failed"}


def test_progress_labels_end_at_a_word():
    from research_kit.app.runner import _cell_label

    label = _cell_label({"source": "# Parameters (papermill-compatible). `workspace` is the "
                                   "folder holding target.toml and the notes folder"})
    assert label == "Parameters (papermill-compatible)."
    long = _cell_label({"source": "# " + "word " * 30})
    assert long.endswith(" …") and len(long) <= 70
