"""``research-kit sources WS``: every source a workspace used, with its date and cache state."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sources", help="list every source a workspace used (URL or file, date, "
                                       "cached or not)")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true", help="one JSON list on stdout")
    p.set_defaults(handler=sources_command)


def sources_command(args) -> int:
    from ..app.sources_used import sources_used
    from ..workspace import open_workspace

    ws = open_workspace(args.workspace)
    used = sources_used(ws)
    if args.json:
        json.dump([u.to_dict() for u in used], sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    if not used:
        print(f"{ws.path}: no sources used yet (run the notebook or `research-kit run` first)")
        return 0
    web = [u for u in used if u.kind == "web"]
    files = [u for u in used if u.kind == "file"]
    if web:
        cached = sum(1 for u in web if u.cached)
        print(f"web ({len(web)}; {cached} in the cache — a re-run reads those offline too)")
        for u in web:
            state = "cached    " if u.cached else "not cached"
            print(f"  {u.retrieved or '—':<10}  {state}  {u.location}")
    if files:
        print(f"files ({len(files)}; date = last changed)")
        for u in files:
            print(f"  {u.retrieved or '—':<10}  file        {u.location}")
    return 0
