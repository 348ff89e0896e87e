"""``research-kit parse KIND SOURCE --json``: the JSON contract other tools rely on.

One JSON object on stdout and nothing else there; progress and warnings on stderr; exit 0
on success, 2 on bad input with a one-line reason on stderr (see docs/cli.md).

Each kind maps to ``"module:function"``; the function takes ``(source, args)`` and returns a
JSON-ready dict. Kinds are imported only when used.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

PARSE_KINDS: dict[str, str] = {
    # kind: "module:function(source, args) -> dict"
    "site": "research_kit.sources.website.research:parse_site_command",
    "job": "research_kit.cli._parse:parse_job",
    "profile": "research_kit.cli._parse:parse_profile_command",
    "annual-report": "research_kit.cli._company:parse_annual_report",
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="parse one source and print JSON (see docs/cli.md)")
    p.add_argument("kind", help="what SOURCE is: " + ", ".join(sorted(PARSE_KINDS)) if PARSE_KINDS
                   else "what SOURCE is")
    p.add_argument("source", help="a file path, a URL, or '-' for stdin")
    p.add_argument("--json", action="store_true", default=True,
                   help="print JSON (the default and only format)")
    p.add_argument("--id", dest="posting_id", help="job boards: which posting (id)")
    p.add_argument("--title", dest="posting_title", help="job boards: which posting (title)")
    p.add_argument("--allow-form", action="append", default=[],
                   help="annual reports: also accept this form (e.g. 10-KSB)")
    p.set_defaults(handler=parse_command)


def parse_job(source: str, args) -> dict:
    """``research-kit parse job SOURCE``: the posting as JSON (docs/cli.md: source, title,
    company, location, salary, responsibilities, required, preferred, skills, and more)."""
    from ..sources.jobs import load_job_posting

    posting = load_job_posting(_stdin_if_dash(source),
                               posting_id=getattr(args, "posting_id", None),
                               posting_title=getattr(args, "posting_title", None))
    return posting.to_dict()


def _stdin_if_dash(source: str) -> str:
    return sys.stdin.read() if source == "-" else source


def parse_command(args) -> int:
    from ..errors import InputError

    target = PARSE_KINDS.get(args.kind)
    if target is None:
        raise InputError(f"unknown kind {args.kind!r}",
                         suggestion="choose one of: " + ", ".join(sorted(PARSE_KINDS)))
    module_name, func_name = target.split(":")
    func = getattr(importlib.import_module(module_name), func_name)
    result = func(args.source, args)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


def parse_profile_command(source: str, args) -> dict:
    """``research-kit parse profile FILE --json`` (see docs/cli.md): a LinkedIn export,
    resume or YAML profile as JSON; ``-`` reads YAML text from stdin."""
    from ..sources.profiles import load_profile

    if source == "-":
        source = sys.stdin.read()
    return load_profile(source).to_dict()
