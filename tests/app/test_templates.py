import json

from research_kit.app.templates import (
    percent_to_notebook,
    sync_templates,
    template_dir,
    template_names,
)


def test_templates_are_in_sync_and_without_outputs():
    assert sync_templates(check=True) == [], \
        "templates/*.ipynb are stale: run `python -m research_kit.app.templates sync`"
    for name in template_names():
        nb = json.loads((template_dir() / f"{name}.ipynb").read_text())
        for cell in nb["cells"]:
            assert cell.get("outputs", []) == []
            assert cell.get("execution_count") is None


def test_every_template_has_a_parameters_cell_and_loads_through_the_package():
    for name in template_names():
        nb = json.loads((template_dir() / f"{name}.ipynb").read_text())
        tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
        assert len(tagged) == 1, name
        code = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        assert "import research_kit" in code
        assert "../" not in code and "open(" not in code  # data comes through the package


def test_percent_format():
    nb = percent_to_notebook('# %% [markdown] tags=["brief"]\n# # Title\n#\n# text\n'
                             '# %% tags=["parameters"]\nx = 1\n# %%\nprint(x)\n')
    kinds = [(c["cell_type"], c["metadata"].get("tags")) for c in nb["cells"]]
    assert kinds == [("markdown", ["brief"]), ("code", ["parameters"]), ("code", None)]
    assert "".join(nb["cells"][0]["source"]) == "# Title\n\ntext"
