"""The O*NET + BLS tables research-kit works with, bundled or loaded from a full download.

:class:`OnetData` holds six tidy tables keyed by O*NET-SOC code. :func:`bundled_onet` reads
the compact extract shipped in ``research_kit/data/onet/`` (built from public O*NET and BLS
files by ``benchmarks/tools/build_onet_extract.py``), so occupations work offline out of the
box. :func:`~.extract.read_onet_release` reads a full O*NET release instead (the "Text" or
"Excel" download from https://www.onetcenter.org/database.html), optionally with a BLS OEWS
national table, for users who want the newest release.

O*NET data are licensed CC BY 4.0 and must be shown with their attribution:
:data:`ONET_ATTRIBUTION` (and ``research_kit/data/onet/ATTRIBUTION.md``).
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import ParseError
from ...provenance import SOURCE_COLUMNS

__all__ = ["OnetData", "bundled_onet", "BUNDLED_DIR", "ONET_ATTRIBUTION", "ONET_URL",
           "TABLE_COLUMNS"]

ONET_URL = "https://www.onetcenter.org/database.html"
BUNDLED_DIR = Path(__file__).resolve().parents[2] / "data" / "onet"
ONET_ATTRIBUTION = (
    "Includes information from the O*NET database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license "
    "(https://creativecommons.org/licenses/by/4.0/). research-kit has modified all or some of "
    "this information; USDOL/ETA has not approved, endorsed, or tested these modifications. "
    "O*NET® is a trademark of USDOL/ETA. Wages: U.S. Bureau of Labor Statistics, Occupational "
    "Employment and Wage Statistics (public domain)."
)

TABLE_COLUMNS: dict[str, list[str]] = {
    "occupations": ["soc_code", "title", "description"],
    "alternate_titles": ["soc_code", "alternate_title", "short_title", "origin_code"],
    "tasks": ["soc_code", "rank", "task", "task_type", "task_id", "origin_code"],
    "skills": ["soc_code", "skill", "importance", "level", "element_id", "origin_code"],
    "technology_skills": ["soc_code", "technology", "commodity_title", "hot_technology",
                          "in_demand", "commodity_code"],
    "wages": ["soc_code", "occupation", "group", "employment", "annual_p10", "annual_p25",
              "annual_median", "annual_p75", "annual_p90", "annual_mean", "hourly_p10",
              "hourly_median", "hourly_p90", "hourly_mean", "top_coded", "top_code_annual",
              "top_code_hourly", "annual_only", "hourly_only", "survey"],
}
_DTYPES = {"soc_code": str, "origin_code": str, "commodity_code": str, "task_id": str,
           "element_id": str}
_BOOL_COLUMNS = ("hot_technology", "in_demand", "annual_only", "hourly_only", "from_cache")


@dataclass
class OnetData:
    """Occupations, their alternate titles, tasks, skills, technology skills and wages."""

    occupations: Any
    alternate_titles: Any
    tasks: Any
    skills: Any
    technology_skills: Any
    wages: Any
    attribution: str = ONET_ATTRIBUTION
    description: str = ""
    manifest: dict[str, Any] = field(default_factory=dict)
    crosswalk: Any = None
    """Older → primary O*NET-SOC codes, when tables were carried over from an older release."""
    cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    """Derived indexes (e.g. the title matcher's), built on first use."""

    TABLES = tuple(TABLE_COLUMNS)

    def table(self, name: str):
        return getattr(self, name)

    def has_occupation(self, soc_code: str) -> bool:
        return bool((self.occupations["soc_code"] == soc_code).any())



def _read_table(folder: Path, name: str):
    import pandas as pd

    path = folder / f"{name}.csv.gz"
    if not path.is_file():
        raise ParseError(f"the bundled O*NET extract lacks {path.name}", path=str(path),
                         suggestion="reinstall research-kit, or rebuild the extract with "
                                    "benchmarks/tools/build_onet_extract.py")
    columns = TABLE_COLUMNS[name] + SOURCE_COLUMNS
    frame = pd.read_csv(path, dtype=_DTYPES)
    for col in _BOOL_COLUMNS:  # Python True/False/None, as the file loaders give them
        if col in frame.columns:
            flags = {True: True, False: False, "True": True, "False": False}
            frame[col] = pd.Series([flags.get(v) for v in frame[col]], index=frame.index,
                                   dtype="object")
    return frame.reindex(columns=columns)


@functools.lru_cache(maxsize=2)
def bundled_onet(folder: str | None = None) -> OnetData:
    """The compact O*NET + BLS extract shipped with research-kit (cached after first use)."""
    base = Path(folder) if folder else BUNDLED_DIR
    manifest_path = base / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ParseError(f"the bundled O*NET extract is missing or damaged ({exc})",
                         path=str(manifest_path),
                         suggestion="reinstall research-kit, or rebuild the extract with "
                                    "benchmarks/tools/build_onet_extract.py") from None
    tables = {name: _read_table(base, name) for name in TABLE_COLUMNS}
    return OnetData(**tables, attribution=ONET_ATTRIBUTION,
                    description=manifest.get("description", "bundled O*NET extract"),
                    manifest=manifest)
