"""``research-kit forget WS NAME``: remove one person's files from a workspace.

What it deletes (and nothing else):

1. the profile file named by their ``profile = "..."`` in target.toml, when it lies inside
   the workspace (a file elsewhere is listed, never touched);
2. their interview notes and finished thank-you note: ``notes/interview-<slug>.md``,
   ``notes/thank-you-<slug>.md``;
3. any other file in the workspace whose *file name* carries their name (``miguel-santos``,
   ``miguel_santos``, ``MiguelSantos`` …), e.g. ``notes/miguel-santos-linkedin.pdf`` or a
   per-person output in ``out/`` — except target.toml and notebooks, which are never
   deleted.

What it does not delete, but lists so the user can act: files that *mention* the person
among other content (target.toml, notebooks, the brief, cached tables): they hold other
people's data too. ``--edit-target`` removes their ``[[interviewers]]``/``[coordinator]``
table from target.toml (only that block of lines). The shared HTTP cache holds public web
pages only (the company's site, filings), never profiles or notes; it is not touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError
from ..provenance import path_within
from ..research.normalize import fold, person_key, slugify
from ..research.people.interviewers import load_interviewers, read_target

__all__ = ["ForgetPlan", "plan_forget", "forget_person"]

_TEXT_SUFFIXES = {".md", ".txt", ".html", ".htm", ".json", ".csv", ".tsv", ".toml", ".yaml",
                  ".yml", ".ipynb", ".xml"}
_NEVER_DELETE = {".ipynb"}
_SKIP_DIRS = {".git", ".ipynb_checkpoints", "__pycache__", ".venv"}


@dataclass
class ForgetPlan:
    person: str
    slug: str
    workspace: Path
    delete: list[tuple[Path, str]] = field(default_factory=list)
    """(path, why) — removed by :func:`forget_person`."""
    keep: list[tuple[Path, str]] = field(default_factory=list)
    """(path, why) — mention the person or are theirs but outside the workspace; untouched."""
    target_block: tuple[int, int] | None = None
    """1-based first and last line of their table in target.toml."""
    deleted: list[Path] = field(default_factory=list)
    target_edited: bool = False

    def to_dict(self) -> dict[str, Any]:
        rel = self._rel
        return {"person": self.person, "slug": self.slug,
                "delete": [{"path": rel(p), "why": w} for p, w in self.delete],
                "deleted": [rel(p) for p in self.deleted],
                "kept": [{"path": rel(p), "why": w} for p, w in self.keep],
                "target_toml_lines": list(self.target_block) if self.target_block else None,
                "target_edited": self.target_edited}

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.workspace).as_posix()
        except ValueError:
            return str(path)


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _name_tokens(text: str) -> list[str]:
    """"MiguelSantos_profile" → ["miguel", "santos", "profile"]."""
    return fold(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", text)).split()


def _carries(stem_tokens: list[str], name_tokens: list[str]) -> bool:
    n = len(name_tokens)
    return n > 0 and any(stem_tokens[i:i + n] == name_tokens
                         for i in range(len(stem_tokens) - n + 1))


def _target_block(target: Path, name: str) -> tuple[int, int] | None:
    """Lines of the [[interviewers]] / [coordinator] table whose name is ``name``."""
    lines = target.read_text(encoding="utf-8").splitlines()
    headers = [i for i, line in enumerate(lines) if re.match(r"^\s*\[", line)]
    wanted = _compact(name)
    for k, start in enumerate(headers):
        if not re.match(r"^\s*\[\[?\s*(interviewers|coordinator)\s*\]\]?\s*(#.*)?$", lines[start]):
            continue
        end = headers[k + 1] - 1 if k + 1 < len(headers) else len(lines) - 1
        for line in lines[start:end + 1]:
            m = re.match(r"""^\s*name\s*=\s*["'](.+?)["']""", line)
            if m and _compact(m.group(1)) == wanted:
                while end > start and not lines[end].strip():
                    end -= 1
                return start + 1, end + 1
    return None


def plan_forget(workspace: Any, name: str) -> ForgetPlan:
    """What :func:`forget_person` would delete and what it would leave (listing why)."""
    target, _ = read_target(workspace)
    ws = target.parent.resolve()
    target = target.resolve()
    everyone = load_interviewers(ws)
    # the full name only: "Li" must not pick "Ana Li" (find_person's partial matching)
    person = next((p for p in everyone if person_key(p.name) == person_key(name)), None)
    if person is not None:
        full_name, profile_file = person.name, person.profile_file
    else:  # already gone from target.toml: files may remain
        full_name, profile_file = name.strip(), None
    others = [_name_tokens(p.name) for p in everyone if _compact(p.name) != _compact(full_name)]
    if len(_compact(full_name)) < 4 or " " not in full_name.strip():
        raise WorkspaceError(f"{name!r} is too short to identify one person's files",
                             suggestion="give the full name as written in target.toml")
    plan = ForgetPlan(full_name, slugify(full_name), ws)
    chosen: dict[Path, str] = {}
    if profile_file:
        path = (ws / profile_file)
        if path.is_file() and path_within(path, ws) is not None:
            chosen[path.resolve()] = "their profile file (profile = … in target.toml)"
        elif path.is_file():
            plan.keep.append((path, "their profile file is outside the workspace: not touched"))
    for kind in ("interview", "thank-you"):
        path = ws / "notes" / f"{kind}-{plan.slug}.md"
        if path.is_file():
            chosen[path.resolve()] = f"their {kind.replace('-', ' ')} notes"
    mine = _name_tokens(full_name)
    for path in sorted(ws.rglob("*")):
        if not path.is_file() or any(part in _SKIP_DIRS for part in path.relative_to(ws).parts):
            continue
        if path.resolve() == target.resolve() or path.resolve() in chosen:
            continue
        stem = _name_tokens(path.stem)
        if _carries(stem, mine) and path.suffix.lower() not in _NEVER_DELETE:
            other = next((o for o in others if len(o) > len(mine) and _carries(stem, o)), None)
            if other:  # "ana-li-chen" is not "ana-li"'s file
                plan.keep.append((path, f"its name also matches {' '.join(other).title()}: "
                                        "not touched"))
            else:
                chosen[path.resolve()] = "file name carries their name"
        elif path.suffix.lower() in _TEXT_SUFFIXES and path.stat().st_size < 20_000_000:
            text = path.read_text(encoding="utf-8", errors="replace")
            if re.search(re.escape(full_name), text, re.I):
                plan.keep.append((path, "mentions them among other content: not changed; "
                                        "edit it or regenerate it"))
    plan.delete = sorted(chosen.items())
    plan.target_block = _target_block(target, full_name)
    if plan.target_block:
        first, last = plan.target_block
        plan.keep.insert(0, (target, f"lines {first}–{last} hold their table: delete them, or "
                                     "run with --edit-target"))
    return plan


def forget_person(workspace: Any, name: str, *, edit_target: bool = False) -> ForgetPlan:
    """Delete the files :func:`plan_forget` lists; with ``edit_target`` also remove their
    table from target.toml (only those lines). Returns the executed plan."""
    plan = plan_forget(workspace, name)
    for path, _why in plan.delete:
        path.unlink(missing_ok=True)
        plan.deleted.append(path)
    if edit_target and plan.target_block:
        target = plan.workspace / "target.toml"
        lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
        first, last = plan.target_block
        del lines[first - 1:last]
        target.write_text("".join(lines), encoding="utf-8")
        plan.target_edited = True
        plan.keep = [(p, w) for p, w in plan.keep if p.resolve() != target.resolve()]
    return plan
