"""`research-kit demo`: the whole workflow, offline, on a fictional company.

The demo company (Brightwater Instruments, Inc.) is invented; its public footprint —
SEC submissions, XBRL company facts, a 10-K, 8-K press releases, a website, a job posting
in Greenhouse's API format, LinkedIn-style profile PDFs — is written by us in the real
formats (see docs/demo-company.md). It reaches the library through the same HTTP cache
path as live data: the files under ``web/`` are loaded into the demo workspace's own cache,
and the workspace runs with ``offline = true``, so nothing ever touches the network.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from ...private_files import private_dir
from ..runner import STDERR

__all__ = ["run_demo", "DemoResult", "demo_workspace_files", "prepare_demo_workspace",
           "DEMO_SLUG"]

DEMO_ROOT = Path(__file__).resolve().parent
DEMO_SLUG = "brightwater-instruments"


@dataclass
class DemoResult:
    workspace: Path
    executed_notebook: Path
    pdf: Path
    html: Path
    pages: int
    fictional: bool
    seconds: float


def demo_workspace_files() -> dict[str, bytes]:
    """target.toml, research.ipynb and notes/ for the demo workspace."""
    from ..templates import render_notebook

    files = {"target.toml": (DEMO_ROOT / "workspace" / "target.toml").read_bytes(),
             "research.ipynb": render_notebook("research", {"workspace": "."}).encode("utf-8")}
    for path in sorted((DEMO_ROOT / "files").glob("*")):
        if path.is_file():
            files[f"notes/{path.name}"] = path.read_bytes()
    return files


def prepare_demo_workspace(parent: str | os.PathLike | None = None) -> Path:
    """Set up the offline demo workspace (kept if it exists) and return its folder.

    Worked examples and tests use this; ``parent`` defaults to research-kit's user cache.
    """
    from ..packs import demo_records, install_offline_workspace

    if parent is None:
        from ...settings import default_cache_dir

        parent = default_cache_dir() / "demo"
    from datetime import datetime

    from ..packs import DEMO_RETRIEVED_AT

    stamp = datetime.fromisoformat(DEMO_RETRIEVED_AT).timestamp()
    ws = install_offline_workspace(Path(parent) / DEMO_SLUG, demo_workspace_files(),
                                   demo_records(), stamp=stamp)
    return ws.path


def _pdf_pages(path: Path) -> int:
    import re

    data = path.read_bytes()
    return len(re.findall(rb"/Type\s*/Page(?!s)", data))


def run_demo(out_dir: str | os.PathLike = "research-kit-demo", *, pack: str | None = None,
             trust_notebook: bool = False, progress: TextIO | None = STDERR) -> DemoResult:
    """Set up (or reuse) the demo workspace under ``out_dir``, run it offline, write the brief.

    ``pack``: replay a workspace pack instead; its results are rendered with the installed
    research template. The pack's own notebook is code from whoever made the pack: it runs
    only with ``trust_notebook``."""
    import time

    from ...workspace import open_workspace
    from ..packs import PACK_NOTEBOOK, unpack_pack
    from ..runner import kernel_env, run_workspace, start_kernel

    started = time.perf_counter()
    out = Path(out_dir)
    kernel = None
    notebook = None
    if pack:
        ws, contents = unpack_pack(pack, out)
        fictional = False
        if progress and contents.skipped:
            print(f"research-kit demo: left out of the pack (not workspace files): "
                  f"{', '.join(contents.skipped[:8])}", file=progress)
        if trust_notebook:
            notebook = ws.path / PACK_NOTEBOOK
            if not notebook.exists():
                from ...errors import InputError

                raise InputError(f"{pack} has no notebook of its own to trust",
                                 suggestion="run it without --trust-notebook")
    else:
        # the kernel boots (about half a second) while we unpack the demo on this core
        folder = out / DEMO_SLUG
        private_dir(folder)
        kernel = start_kernel(folder, log_path=folder / "out" / "kernel.log",
                              env=kernel_env(offline=True))
        try:
            ws = open_workspace(prepare_demo_workspace(out))
        except BaseException:
            kernel.shutdown()
            raise
        fictional = True
    if progress:
        print(f"research-kit demo: running {ws.path} offline", file=progress)
    # the workspace's research-kit.toml points at its own cache and says offline; the
    # environment may only add "offline", never send the demo to the network
    result = run_workspace(ws, offline=True, progress=progress, kernel=kernel, notebook=notebook)
    pdf, html = ws.out_dir / "brief.pdf", ws.out_dir / "brief.html"
    if not pdf.exists():
        from ...errors import WorkspaceError

        raise WorkspaceError("the demo ran but wrote no brief", path=str(ws.path),
                             suggestion=f"open {result.executed_notebook} to see why")
    return DemoResult(ws.path, result.executed_notebook, pdf, html, _pdf_pages(pdf), fictional,
                      time.perf_counter() - started)
