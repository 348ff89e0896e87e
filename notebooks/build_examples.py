"""Rebuild the worked examples in this folder: each template executed on the demo company.

    python notebooks/build_examples.py

Each example is its template with one extra cell after the parameters cell that points it
at the fictional demo workspace (built offline by ``rk.prepare_demo_workspace``), executed
with outputs. CI runs them again under nbval (``--nbval-lax``): cells tagged
``nbval-check-output`` (deterministic summaries) must print exactly what is saved here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEMO_FOLDER = "demo-workspaces"  # beside the examples, git-ignored

# template → (the cell that points it at the demo, the cells whose output CI checks)
EXAMPLES = {
    "research": (
        "# Worked example: the fictional demo company, offline\n"
        f"workspace = str(rk.prepare_demo_workspace({DEMO_FOLDER!r}))",
        ["research.summary()"],
    ),
    "follow-up": (
        "# Worked example: the fictional demo company, offline\n"
        f"workspace = str(rk.prepare_demo_workspace({DEMO_FOLDER!r}))",
        ["rk.thank_you_check(workspace)"],
    ),
    "me": (
        "# Worked example: the fictional demo company's posting, offline\n"
        f"workspaces = str(rk.prepare_demo_workspace({DEMO_FOLDER!r}).parent)",
        [],
    ),
    "targets": (
        "# Worked example: a target list beside the demo workspace\n"
        f"targets_file = str(rk.prepare_demo_workspace({DEMO_FOLDER!r}).parent / "
        "'targets.csv')",
        [],
    ),
}


def build(name: str) -> Path:
    from research_kit.app.runner import execute_notebook
    from research_kit.app.templates import percent_to_notebook, template_dir

    setup, checked = EXAMPLES[name]
    nb = percent_to_notebook((template_dir() / f"{name}.py").read_text(encoding="utf-8"))
    index = next(i for i, c in enumerate(nb["cells"])
                 if "parameters" in c["metadata"].get("tags", []))
    nb["cells"].insert(index + 1, {
        "cell_type": "code", "execution_count": None, "id": "example-setup",
        "metadata": {"tags": ["example-setup"]}, "outputs": [],
        "source": ("import research_kit as rk\n\n" + setup).splitlines(keepends=True)})
    for cell in nb["cells"]:
        if "".join(cell["source"]).strip() in checked:
            cell["metadata"].setdefault("tags", []).append("nbval-check-output")
    source = HERE / f".{name}-example.src.ipynb"
    source.write_text(json.dumps(nb), encoding="utf-8")
    target = HERE / f"{name}-example.ipynb"
    try:
        result = execute_notebook(source, target, cwd=HERE, progress=sys.stderr)
    finally:
        source.unlink()
        (HERE / "kernel.log").unlink(missing_ok=True)
    if result.errors:
        raise SystemExit(f"{name}: {result.errors[0]}")
    return target


if __name__ == "__main__":
    for example in sys.argv[1:] or list(EXAMPLES):
        print(build(example))
