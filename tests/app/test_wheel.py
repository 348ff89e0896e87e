"""The wheel ships the notebook templates (and the demo data and fonts) — built for real."""

import subprocess
import sys
import zipfile

import pytest
from conftest import PROJECT


@pytest.mark.slow
def test_wheel_contains_templates_demo_and_fonts(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                             "--no-build-isolation", "-q", "-w", str(tmp_path), str(PROJECT)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {result.stderr[-300:]}")
    wheel = next(tmp_path.glob("research_kit-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in ("research", "follow-up", "me", "targets"):
        assert f"research_kit/templates/{template}.ipynb" in names
        assert f"research_kit/templates/{template}.py" in names
    assert "research_kit/app/demo/workspace/target.toml" in names
    assert any(n.startswith("research_kit/app/demo/web/data.sec.gov/") for n in names)
    assert any(n.startswith("research_kit/brief/fonts/") and n.endswith(".ttf") for n in names)
    assert any(n.startswith("research_kit/data/onet/") for n in names)
    assert not any("/tests/" in n or n.startswith("tests/") for n in names)
