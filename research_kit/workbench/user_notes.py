"""The user's own points: markdown cells tagged ``brief`` in the workspace notebook.

Read from the saved ``research.ipynb`` (save in Jupyter before writing the brief). The
template's placeholder cell is skipped until the user replaces its text.
"""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["brief_cells"]

_PLACEHOLDER_START = "*(Your own points for the brief"


def brief_cells(notebook: str | Path) -> list[str]:
    """Text of each markdown cell tagged ``brief``, in notebook order (empty if none)."""
    path = Path(notebook)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    texts = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "markdown":
            continue
        if "brief" not in (cell.get("metadata", {}).get("tags") or []):
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        text = text.strip()
        if text and not text.startswith(_PLACEHOLDER_START):
            texts.append(text)
    return texts
