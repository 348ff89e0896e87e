"""Help people read: every command's ``--help`` starts with its one-line description and
ends with an example, and the top-level help ends with the usual sequence of commands.

The examples live here, one per command (a test checks that every command has one), so
the command modules keep only their options.
"""

from __future__ import annotations

import argparse

__all__ = ["EXAMPLES", "TOP_EPILOG", "describe"]

EXAMPLES: dict[str, str] = {
    "new": 'research-kit new "Acme Corp" --ticker ACME --site https://www.acme.example '
           "--job https://boards.greenhouse.io/acme/jobs/123 --me ~/Downloads/Profile.pdf",
    "run": "research-kit run notebooks/acme-corp --offline",
    "brief": "research-kit brief notebooks/acme-corp --paper a4",
    "demo": "research-kit demo --out research-kit-demo",
    "pack": "research-kit pack notebooks/acme-corp -o acme.zip",
    "sources": "research-kit sources notebooks/acme-corp",
    "targets": 'research-kit targets add "Acme Corp" --ticker ACME --status applied',
    "batch": "research-kit batch targets.csv",
    "parse": "research-kit parse job https://boards-api.greenhouse.io/v1/boards/acme/jobs/123",
    "occupation": 'research-kit occupation "data engineer"',
    "peers": "research-kit peers MSFT",
    "config": "research-kit config notebooks/acme-corp",
    "cache": "research-kit cache import saved-pages/ --workspace notebooks/acme-corp",
    "note": 'research-kit note check "Hi Dana, we both studied at Oregon State …"',
    "note check": 'research-kit note check "Hi Dana, we both studied at Oregon State …" '
                  "--limit 200",
    "note draft": 'research-kit note draft notebooks/acme-corp --to "Dana Okafor"',
    "forget": 'research-kit forget notebooks/acme-corp "Dana Okafor"',
    "match": "research-kit match posting.json notes/Profile.pdf",
    "company": "research-kit company AAPL",
}

TOP_EPILOG = """\
the usual sequence:
  research-kit demo                                  # the whole workflow, offline, fictional
  research-kit new "Acme Corp" --ticker ACME         # a workspace: notebooks/acme-corp/
  research-kit run notebooks/acme-corp               # execute its notebook headless
  research-kit brief notebooks/acme-corp             # out/brief.pdf + out/brief.html
  research-kit sources notebooks/acme-corp           # every source it used

`research-kit COMMAND --help` shows a command's options and an example.
Not on your PATH? Activate the venv first: source .venv/bin/activate"""


def describe(parser: argparse.ArgumentParser, prefix: str = "") -> None:
    """Give every subcommand of ``parser`` its description (its one-line help) and an
    example, recursively."""
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            key = f"{prefix}{name}"
            line = helps.get(name) or ""
            if line and not sub.description:
                sub.description = line[0].upper() + line[1:] + ("" if line.endswith(".") else ".")
            example = EXAMPLES.get(key)
            if example and "example:" not in (sub.epilog or ""):
                # an epilog the command has (exit statuses) stays, after the example
                sub.epilog = f"example:\n  {example}" + (f"\n\n{sub.epilog}" if sub.epilog
                                                           else "")
                sub.formatter_class = argparse.RawDescriptionHelpFormatter
            describe(sub, prefix=f"{key} ")
