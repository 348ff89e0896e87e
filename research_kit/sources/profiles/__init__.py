"""Profiles: the candidate's own, and interviewers' → :class:`~..profile_model.Profile`.

``load_profile(path_or_yaml)`` reads a LinkedIn "Save to PDF" export (both layouts), a
resume (PDF, DOCX or plain text) or the short YAML format of docs/position.md — given as a
path, or as YAML text directly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ...display import Panel
from ...errors import InputError, ParseError
from ...parse_guard import parse_guard
from ...provenance import Source
from .model import Education, Entry, Experience, Passage, Profile

__all__ = ["load_profile", "profile_panel", "Profile", "Experience", "Education", "Entry",
           "Passage"]

MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_YAML_CHARS = 256 * 1024
"""A typed YAML profile is a few KB; PyYAML reads ~150 KB a second."""


def load_profile(path_or_yaml: str | os.PathLike) -> Profile:
    """Read a profile from a file path (PDF, DOCX, TXT/MD, YAML) or from YAML text.

    Raises only research-kit errors (a damaged PDF or .docx, YAML nested or aliased to
    explode, … is a ParseError naming the file), within :data:`~...parse_guard.DOCUMENT_SECONDS`.
    """
    what = "the profile"
    if isinstance(path_or_yaml, (str, os.PathLike)) and "\n" not in os.fspath(path_or_yaml):
        what = Path(os.fspath(path_or_yaml)[:200]).name or what
    with parse_guard(what):
        return _load_profile(path_or_yaml)


def _load_profile(path_or_yaml: str | os.PathLike) -> Profile:
    if not isinstance(path_or_yaml, (str, os.PathLike)):
        raise InputError(f"a profile is a file path or YAML text, not "
                         f"{type(path_or_yaml).__name__}")
    text = os.fspath(path_or_yaml)
    if "\n" not in text and len(text) < 1024:
        path = Path(text).expanduser()
        if path.is_file():
            return _load_file(path)
        if re.search(r"\.(pdf|docx|txt|md|ya?ml)$", text, re.I) or "/" in text or "\\" in text:
            raise InputError(f"no such file: {text}", path=text,
                             suggestion="check the path to the profile export or resume")
    if re.search(r"^\s*name\s*:", text, re.M):
        from .yaml_profile import parse_profile_yaml

        _check_yaml(text, "the YAML profile")
        return parse_profile_yaml(text, Source.for_text("profile (YAML)"))
    raise InputError("give a profile as a file (LinkedIn PDF export, resume PDF/DOCX/TXT, "
                     "YAML) or as YAML text starting with 'name:'",
                     suggestion="see docs/position.md for the YAML format")


_PARSED: dict[tuple[str, int, int], Profile] = {}


def _load_file(path: Path) -> Profile:
    """Parse a profile file once per version of it (a run reads the same PDF export for
    the match, the SWOT, commonalities and notes); callers get their own copy."""
    import copy

    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    except OSError:
        return _parse_file(path)
    if key not in _PARSED:
        if len(_PARSED) > 32:
            _PARSED.clear()
        _PARSED[key] = _parse_file(path)
    return copy.deepcopy(_PARSED[key])


def _parse_file(path: Path) -> Profile:
    source = Source.for_file(path)
    try:
        head = path.open("rb").read(8)
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}", path=str(path)) from None
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF") or suffix == ".pdf":
        return _load_pdf(path, source)
    if head.startswith(b"PK") or suffix == ".docx":
        from .docx import docx_text
        from .resume import parse_resume_text

        return parse_resume_text(docx_text(path), source)
    if path.stat().st_size > MAX_TEXT_BYTES:
        raise InputError(f"{path.name} is too large for a profile ({path.stat().st_size:,} "
                         "bytes)", path=str(path))
    from ...gateway.client import decode_body

    text = decode_body(path.read_bytes())
    if "\x00" in text[:4000]:
        raise ParseError(f"{path.name} is a binary file, not a profile", path=str(path),
                         suggestion="give a PDF, DOCX, text or YAML profile")
    if suffix in (".yaml", ".yml"):
        from .yaml_profile import parse_profile_yaml

        _check_yaml(text, path.name)
        return parse_profile_yaml(text, source)
    if not text.strip():
        raise ParseError(f"{path.name} is empty", path=str(path))
    from .resume import parse_resume_text

    return parse_resume_text(text, source)


MAX_YAML_DEPTH = 50


def _yaml_depth(text: str) -> int:
    """An upper bound of the nesting: open brackets, or indentation (2 spaces a level)."""
    deepest = depth = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    indent = max((len(line) - len(line.lstrip(" ")) for line in text.splitlines()), default=0)
    return max(deepest, indent // 2)


def _check_yaml(text: str, what: str) -> None:
    """Bounded before PyYAML sees it: the size, and no aliases — a profile has no use for
    YAML anchors, and nine nested aliases expand to a billion items for whoever walks the
    result ("billion laughs")."""
    import yaml

    if len(text) > MAX_YAML_CHARS:
        raise InputError(f"{what} is {len(text):,} characters; a YAML profile is a few "
                         "thousand", suggestion="see docs/position.md for the short format")
    if _yaml_depth(text) > MAX_YAML_DEPTH:
        # PyYAML's scanner slows down with each level (≈ depth × size)
        raise ParseError(f"{what} nests more than {MAX_YAML_DEPTH} levels deep; a profile "
                         "has three or four", suggestion="see docs/position.md for the format")
    try:
        for token in yaml.scan(text):
            if isinstance(token, yaml.AliasToken):
                raise ParseError(f"{what} uses YAML aliases (*name), which profiles do not",
                                 suggestion="write each value out in full")
    except yaml.YAMLError:
        return  # the parser reports the syntax error itself, with its line


def _load_pdf(path: Path, source: Source) -> Profile:
    from .linkedin import looks_like_linkedin, parse_linkedin_pdf
    from .pdf_text import read_pdf
    from .resume import parse_resume_text

    doc = read_pdf(path)
    if looks_like_linkedin(doc):
        return parse_linkedin_pdf(doc, source)
    return parse_resume_text(doc.text, source)


def profile_panel(profile: Profile) -> Panel:
    """A short, escaped summary of a profile for notebooks."""
    url = profile.source.url if profile.source else None
    roles = [f"{e.title}, {e.company}" + (f" ({e.start or '?'}–{e.end or '?'})"
                                          if e.start or e.end else "")
             for e in profile.experience[:6]]
    schools = [f"{e.school}" + (f", {e.degree}" if e.degree else "")
               + (f" {e.field_of_study}" if e.field_of_study else "")
               for e in profile.education]
    return Panel.from_pairs(profile.name or "(no name found)", [
        ("Headline", profile.headline), ("Location", profile.location),
        ("Experience", roles), ("Education", schools), ("Skills", profile.skills[:15]),
        ("Certifications", profile.certifications),
        ("Volunteering", [f"{v.text}, {v.organization}" if v.organization else v.text
                          for v in profile.volunteering]),
        ("Languages", profile.languages),
    ], source=url if url and url.startswith("http") else None)

