"""Build :class:`~.data.OnetData` from O*NET release folders, and write the compact extract.

A *release folder* holds O*NET table files (.txt or .xlsx) of one taxonomy. The primary
release defines the occupations and codes; tables it lacks (tasks, skills, alternate
titles …) may come from older releases, carried onto the primary codes through
:func:`~.crosswalk.derive_crosswalk`. Every row keeps where it came from: its source columns
name the O*NET file and release, and ``origin_code`` the older code it was mapped from.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Sequence
from pathlib import Path

from ...errors import ParseError
from ...provenance import SOURCE_COLUMNS, Source, utc_now_iso
from .bls_wages import BLS_OEWS_URL, load_oews_national
from .crosswalk import derive_crosswalk, primary_predecessors
from .data import ONET_ATTRIBUTION, ONET_URL, TABLE_COLUMNS, OnetData
from .files import ONET_TABLES, read_onet_file, skills_by_importance

__all__ = ["find_table_files", "build_extract", "write_extract", "read_onet_release"]


def find_table_files(folder: Path) -> dict[str, Path]:
    """table name → file in ``folder`` (the .txt when both .txt and .xlsx are there)."""
    found: dict[str, Path] = {}
    if not folder.is_dir():
        raise ParseError(f"not a folder of O*NET files: {folder}", path=str(folder),
                         suggestion=f"download and unpack a release from {ONET_URL}")
    for table in ONET_TABLES.values():
        for suffix in (".txt", ".xlsx"):
            path = folder / f"{table.file_stem}{suffix}"
            if path.is_file():
                found[table.name] = path
                break
    return found


class _Release:
    """The table files of one release and how to label rows taken from them."""

    def __init__(self, folders: Sequence[Path], label: str, source_url: str,
                 retrieved_at: str) -> None:
        self.files: dict[str, Path] = {}
        for folder in folders:
            for name, path in find_table_files(folder).items():
                self.files.setdefault(name, path)
        self.label = label
        self.source_url = source_url
        self.retrieved_at = retrieved_at

    def load(self, name: str):
        path = self.files[name]
        section = f"O*NET {ONET_TABLES[name].file_stem}" + (f" ({self.label})" if self.label
                                                            else "")
        src = Source(url=self.source_url, retrieved_at=self.retrieved_at, section=section)
        return read_onet_file(path, name, source=src)


def _codes_share(codes, occupations) -> float:
    known = set(occupations["soc_code"])
    codes = set(codes)
    return len(codes & known) / len(codes) if codes else 0.0


def build_extract(primary: Path, older: Sequence[Path] = (), wages: Path | None = None, *,
                  extra: Sequence[Path] = (), top_tasks: int = 12,
                  primary_label: str = "", older_label: str = "",
                  source_url: str = ONET_URL, retrieved_at: str | None = None) -> OnetData:
    """Tables keyed by the primary release's O*NET-SOC codes.

    ``older`` folders hold an older release (with its Occupation Data); ``extra`` folders
    hold loose table files (e.g. Alternate Titles downloaded on their own) that are
    assigned to whichever release their codes belong to.
    """
    import pandas as pd

    when = retrieved_at or utc_now_iso()
    new = _Release([primary], primary_label, source_url, when)
    if "occupations" not in new.files:
        raise ParseError(f"{primary} has no 'Occupation Data' file", path=str(primary),
                         suggestion=f"point to an unpacked O*NET release from {ONET_URL}")
    old = _Release(list(older), older_label, source_url, when)
    occupations = new.load("occupations")
    old_occupations = old.load("occupations") if "occupations" in old.files else None
    for folder in extra:
        for name, path in find_table_files(folder).items():
            codes = read_onet_file(path, name)["soc_code"]
            target = new if (old_occupations is None or _codes_share(codes, occupations)
                             >= _codes_share(codes, old_occupations)) else old
            target.files.setdefault(name, path)

    crosswalk = (derive_crosswalk(old_occupations, occupations)
                 if old_occupations is not None else None)
    predecessor = primary_predecessors(crosswalk) if crosswalk is not None else {}
    to_new = (dict(zip(crosswalk["old_code"], crosswalk["new_code"]))
              if crosswalk is not None else {})

    def table(name: str, *, all_predecessors: bool = False):
        """(frame with soc_code in primary codes, origin_code) from the best release."""
        if name in new.files:
            frame = new.load(name)
            return frame.assign(origin_code=None)
        if name not in old.files or crosswalk is None:
            return None
        frame = old.load(name)
        frame = frame.assign(origin_code=frame["soc_code"])
        if all_predecessors:
            mapped = frame["soc_code"].map(to_new)
        else:
            inherit = {o: n for n, o in predecessor.items()}
            mapped = frame["soc_code"].map(inherit)
        frame = frame.assign(soc_code=mapped)
        return frame[frame["soc_code"].notna()].reset_index(drop=True)

    alt = table("alternate_titles", all_predecessors=True)
    alt = _with_merged_titles(alt, crosswalk, occupations, old, when)
    tasks = table("tasks")
    skills = table("skills")
    tech = table("technology_skills")
    tables = {
        "occupations": occupations,
        "alternate_titles": alt,
        "tasks": _top_tasks(tasks, top_tasks),
        "skills": _skills(skills),
        "technology_skills": tech,
        "wages": _wages(wages, when) if wages else None,
    }
    out = {}
    for name, frame in tables.items():
        cols = TABLE_COLUMNS[name] + SOURCE_COLUMNS
        out[name] = (frame.reindex(columns=cols) if frame is not None
                     else pd.DataFrame({c: pd.Series(dtype="object") for c in cols}))
    out["alternate_titles"] = out["alternate_titles"].drop_duplicates(
        ["soc_code", "alternate_title"]).reset_index(drop=True)
    manifest = {
        "description": "O*NET occupations, alternate titles, top tasks, skills, technology "
                       "skills and BLS wages",
        "built_at": when,
        "primary_release": primary_label or primary.name,
        "older_release": older_label or ", ".join(p.name for p in older),
        "files": {name: f"{p.name} ({new.label or 'primary'})" for name, p in new.files.items()}
        | {name: f"{p.name} ({old.label or 'older'})" for name, p in old.files.items()
           if name not in new.files},
        "wages": f"{wages.name} ({BLS_OEWS_URL})" if wages else None,
        "rows": {name: int(len(frame)) for name, frame in out.items()},
        "crosswalk": (crosswalk["method"].fillna("unmapped").value_counts().to_dict()
                      if crosswalk is not None else {}),
    }
    return OnetData(**out, attribution=ONET_ATTRIBUTION, description=manifest["description"],
                    manifest=manifest, crosswalk=crosswalk)


def _with_merged_titles(alt, crosswalk, occupations, old: _Release, when: str):
    """Older occupations folded into a newer one keep their old title as an alternate title."""
    import pandas as pd

    if crosswalk is None:
        return alt
    current = dict(zip(occupations["soc_code"], occupations["title"]))
    src = Source(url=old.source_url, retrieved_at=when,
                 section="O*NET Occupation Data" + (f" ({old.label})" if old.label else ""))
    rows = [{"soc_code": new_code, "alternate_title": old_title, "short_title": None,
             "origin_code": old_code, **src.columns()}
            for old_code, old_title, new_code in zip(crosswalk["old_code"],
                                                     crosswalk["old_title"],
                                                     crosswalk["new_code"])
            if isinstance(new_code, str) and old_title != current.get(new_code)]
    extra = pd.DataFrame(rows)
    return extra if alt is None else pd.concat([alt, extra], ignore_index=True)


def _top_tasks(tasks, top: int):
    """Core tasks first (O*NET's most relevant), in published order; ``top`` per occupation."""
    if tasks is None:
        return None
    order = tasks.assign(_core=(tasks["task_type"].fillna("Core") != "Core").astype(int),
                         _pos=range(len(tasks)))
    order = order.sort_values(["soc_code", "_core", "_pos"], kind="stable")
    order = order.assign(rank=order.groupby("soc_code").cumcount() + 1)
    order = order[order["rank"] <= top]
    return order.assign(task_id=order["task_id"].map(_int_text)).drop(columns=["_core", "_pos"])


def _skills(skills):
    if skills is None:
        return None
    tidy = skills_by_importance(skills.drop(columns=["origin_code"]))
    origin = skills.drop_duplicates(["soc_code", "element_id"]).set_index(
        ["soc_code", "element_id"])["origin_code"]
    keys = list(zip(tidy["soc_code"], tidy["element_id"]))
    return tidy.assign(origin_code=[origin.get(k) for k in keys])


def _wages(path: Path, when: str):
    frame = load_oews_national(path)
    src = Source(url=BLS_OEWS_URL, retrieved_at=when,
                 section=f"{path.name} ({frame['survey'].iloc[0]} national estimates)")
    for key, value in src.columns().items():
        frame[key] = value
    return frame


def _int_text(value):
    try:
        return str(int(float(value)))
    except (TypeError, ValueError):
        return None


def write_extract(data: OnetData, folder: Path, attribution_md: str) -> dict[str, int]:
    """Write each table as a reproducible gzip CSV, plus manifest.json and ATTRIBUTION.md."""
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    tables = {name: data.table(name) for name in TABLE_COLUMNS}
    if data.crosswalk is not None:
        tables["crosswalk"] = data.crosswalk.drop(columns=SOURCE_COLUMNS, errors="ignore")
    for name, frame in tables.items():
        raw = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
        buf = io.BytesIO()
        with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
            gz.write(raw)  # mtime=0 and no file name: the same input gives the same bytes
        path = folder / f"{name}.csv.gz"
        path.write_bytes(buf.getvalue())
        sizes[path.name] = path.stat().st_size
    (folder / "manifest.json").write_text(json.dumps(data.manifest, indent=2, sort_keys=True)
                                          + "\n", encoding="utf-8")
    (folder / "ATTRIBUTION.md").write_text(attribution_md, encoding="utf-8")
    return sizes


def read_onet_release(onet_dir: str | Path, wages_file: str | Path | None = None, *,
                      top_tasks: int = 12) -> OnetData:
    """Read a full O*NET release folder (.txt or .xlsx files) and a BLS OEWS table."""
    return build_extract(Path(onet_dir), wages=Path(wages_file) if wages_file else None,
                         top_tasks=top_tasks)
