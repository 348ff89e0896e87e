"""Notebook templates: authored as percent-format ``.py`` files, shipped as ``.ipynb`` too.

The ``.py`` file is the source a reviewer reads in a diff (jupytext's percent format:
``# %%`` starts a code cell, ``# %% [markdown]`` a markdown cell, ``tags=["parameters"]``
adds tags). The paired ``.ipynb`` is generated from it without outputs and must stay in
sync (a test checks; ``python -m research_kit.app.templates sync`` regenerates).

In a source checkout templates live in ``<repo>/templates``; in an installed wheel they are
packaged as ``research_kit/templates`` (see pyproject's force-include).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError

__all__ = ["template_dir", "template_names", "percent_to_notebook", "render_notebook",
           "sync_templates"]

_CELL_MARKER = re.compile(r"^# %%(?P<rest>.*)$")
_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def template_dir() -> Path:
    package = Path(__file__).resolve().parents[1]  # research_kit/
    packaged = package / "templates"
    if packaged.is_dir():
        return packaged
    checkout = package.parent / "templates"
    if checkout.is_dir():
        return checkout
    raise WorkspaceError("research-kit's notebook templates are missing from this install",
                         suggestion="reinstall research-kit (pip install --force-reinstall)")


def template_names() -> list[str]:
    return sorted(p.stem for p in template_dir().glob("*.py"))


def _parse_header(rest: str) -> tuple[str, dict[str, Any]]:
    rest = rest.strip()
    cell_type = "code"
    if rest.startswith("[markdown]"):
        cell_type, rest = "markdown", rest[len("[markdown]"):].strip()
    metadata: dict[str, Any] = {}
    m = re.search(r"tags\s*=\s*(\[[^\]]*\])", rest)
    if m:
        metadata["tags"] = json.loads(m.group(1))
    return cell_type, metadata


def _markdown_source(lines: list[str]) -> str:
    out = []
    for line in lines:
        if line.startswith("# "):
            out.append(line[2:])
        elif line.strip() == "#":
            out.append("")
        else:
            out.append(line)
    return "\n".join(out).strip("\n")


def percent_to_notebook(text: str) -> dict[str, Any]:
    """Convert percent-format source to an nbformat-4 notebook dict (no outputs)."""
    cells: list[dict[str, Any]] = []
    current: tuple[str, dict[str, Any]] | None = None
    buffer: list[str] = []

    def flush() -> None:
        if current is None:
            return
        cell_type, metadata = current
        if cell_type == "markdown":
            cells.append({"cell_type": "markdown", "id": f"cell-{len(cells)}",
                          "metadata": metadata, "source": _markdown_source(buffer)})
        else:
            cells.append({"cell_type": "code", "execution_count": None,
                          "id": f"cell-{len(cells)}", "metadata": metadata, "outputs": [],
                          "source": "\n".join(buffer).strip("\n")})

    for line in text.splitlines():
        m = _CELL_MARKER.match(line)
        if m:
            flush()
            current, buffer = _parse_header(m.group("rest")), []
        elif current is not None:
            buffer.append(line)
    flush()
    for cell in cells:  # nbformat stores source as a list of lines
        cell["source"] = cell["source"].splitlines(keepends=True)
    return {"cells": cells, "metadata": {"kernelspec": _KERNELSPEC,
                                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def _fill_parameters(nb: dict[str, Any], params: dict[str, Any]) -> None:
    for cell in nb["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            lines = "".join(cell["source"]).splitlines()
            for key, value in params.items():
                literal = json.dumps(value) if isinstance(value, str) else repr(value)
                pattern = re.compile(rf"^{re.escape(key)}\s*=.*$")
                for i, line in enumerate(lines):
                    if pattern.match(line):
                        lines[i] = f"{key} = {literal}"
                        break
                else:
                    lines.append(f"{key} = {literal}")
            cell["source"] = [line + "\n" for line in lines[:-1]] + lines[-1:]
            return


def notebook_json(nb: dict[str, Any]) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def render_notebook(name: str, params: dict[str, Any] | None = None) -> str:
    """The template ``name`` as .ipynb JSON text, its ``parameters`` cell filled."""
    source = template_dir() / f"{name}.py"
    if not source.exists():
        raise WorkspaceError(f"no notebook template named {name!r}",
                             suggestion="available: " + ", ".join(template_names()))
    nb = percent_to_notebook(source.read_text(encoding="utf-8"))
    if params:
        _fill_parameters(nb, params)
    return notebook_json(nb)


def sync_templates(check: bool = False) -> list[str]:
    """Regenerate every ``templates/*.ipynb`` from its ``.py``; return the names that changed."""
    changed = []
    for src in sorted(template_dir().glob("*.py")):
        target = src.with_suffix(".ipynb")
        text = notebook_json(percent_to_notebook(src.read_text(encoding="utf-8")))
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            changed.append(target.name)
            if not check:
                target.write_text(text, encoding="utf-8")
    return changed


if __name__ == "__main__":  # python -m research_kit.app.templates sync|check
    mode = sys.argv[1] if len(sys.argv) > 1 else "sync"
    result = sync_templates(check=(mode == "check"))
    print("\n".join(result) or "templates in sync")
    sys.exit(1 if (mode == "check" and result) else 0)
