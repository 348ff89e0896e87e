"""Screenshots of what people see: the demo's notebook outputs and its brief (HTML, PDF).

    .venv/bin/python tools/screenshots.py OUT_DIR

Runs the offline demo into a temporary folder, renders the executed notebook to HTML
(nbconvert) and takes full-page PNGs in headless Chromium (tests/browser.py): the notebook
at 1280 px, the HTML brief at 390 and 1280 px; the PDF brief's page as a PNG (pypdfium2).
Needs Debian's ``chromium`` (or RESEARCH_KIT_CHROMIUM). Nothing leaves this machine.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import Chromium, find_chromium  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    binary, why = find_chromium()
    if binary is None:
        sys.exit(why)
    work = Path(tempfile.mkdtemp(prefix="rk-shots-"))
    bin_dir = Path(sys.executable).parent
    subprocess.run([str(bin_dir / "research-kit"), "demo", "--out", str(work)], check=True,
                   stdout=subprocess.DEVNULL)
    ws = next(p for p in work.iterdir() if (p / "target.toml").exists())
    notebook_html = work / "notebook.html"
    subprocess.run([str(bin_dir / "jupyter"), "nbconvert", "--to", "html",
                    str(ws / "out" / "research.executed.ipynb"), "--output",
                    str(notebook_html)], check=True, capture_output=True)
    shots = []
    with Chromium(binary) as browser:
        browser.open(notebook_html.as_uri(), 1280)
        shots.append(browser.screenshot(out / "notebook-1280.png"))
        for width in (390, 1280):
            browser.open((ws / "out" / "brief.html").as_uri(), width)
            shots.append(browser.screenshot(out / f"brief-html-{width}.png"))
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(ws / "out" / "brief.pdf"))
    page = pdf[0].render(scale=150 / 72).to_pil()
    page.save(out / "brief-pdf.png")
    shots.append(out / "brief-pdf.png")
    for shot in list(shots):
        shots += _parts(shot)
    for shot in shots:
        print(shot)


def _parts(path: Path, height: int = 1800) -> list[Path]:
    """A tall page also as parts of ``height`` px (easier to look at), name-1.png …"""
    from PIL import Image

    image = Image.open(path)
    if image.height <= height * 1.2:
        return []
    out = []
    for n, top in enumerate(range(0, image.height, height), 1):
        part = path.with_name(f"{path.stem}-{n}.png")
        image.crop((0, top, image.width, min(image.height, top + height))).save(part)
        out.append(part)
    return out


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
