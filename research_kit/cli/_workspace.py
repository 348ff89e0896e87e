"""``research-kit new | run | brief | demo | pack``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a workspace for one target company")
    p.add_argument("name", help='company name, e.g. "Acme Corp"')
    p.add_argument("--ticker", help="stock ticker (US public companies: enables SEC EDGAR)")
    p.add_argument("--site", help="company homepage URL")
    p.add_argument("--job", help="job posting: URL, saved file, or job-board API file (a file "
                   "is copied into the workspace's notes/)")
    p.add_argument("--me", help="your profile: LinkedIn PDF export, resume, or YAML (copied "
                   "into notes/)")
    p.add_argument("--annual-report", dest="annual_report",
                   help="the company's annual report PDF, for companies without SEC filings "
                   "(copied into notes/)")
    p.add_argument("--interviewer", action="append", default=[], metavar="NAME",
                   help="an interviewer's name (repeatable)")
    p.add_argument("--dir", default="notebooks", help="parent folder (default: notebooks)")
    p.add_argument("--force", action="store_true",
                   help="replace target.toml and research.ipynb (old ones kept as backups)")
    p.set_defaults(handler=new_command)

    p = sub.add_parser("run", help="execute a workspace's notebook headless",
                       epilog="prints what was not found and why; exit status 3 when the job "
                              "posting or every company source failed (the brief is written)")
    p.add_argument("workspace")
    p.add_argument("--offline", action="store_true", default=argparse.SUPPRESS,
                   help="cache only, no network")
    p.set_defaults(handler=run_command)

    p = sub.add_parser("brief", help="write out/brief.pdf and out/brief.html for a workspace")
    p.add_argument("workspace")
    p.add_argument("--paper", choices=["letter", "a4"], default=None,
                   help="paper size (default: letter, or paper = \"a4\" in target.toml)")
    p.set_defaults(handler=brief_command)

    p = sub.add_parser("demo", help="run the whole workflow offline on a fictional company")
    p.add_argument("--out", default="research-kit-demo",
                   help="folder for the demo workspace (default: ./research-kit-demo)")
    p.add_argument("--pack", help="replay a workspace pack made with `research-kit pack`: its "
                   "results are rendered with the installed research template; the pack's own "
                   "notebook is not run")
    p.add_argument("--trust-notebook", action="store_true",
                   help="with --pack: run the pack's own notebook (research.pack.ipynb) instead "
                   "of the installed template. A notebook is code: only for packs from people "
                   "you trust")
    p.set_defaults(handler=demo_command)

    p = sub.add_parser("pack", help="export a workspace and its cached sources for offline replay")
    p.add_argument("workspace")
    p.add_argument("-o", "--output", required=True, help="pack file to write (.zip)")
    p.set_defaults(handler=pack_command)


def new_command(args) -> int:
    from ..app.create import create_workspace

    result = create_workspace(args.name, ticker=args.ticker, site=args.site, job=args.job,
                              me=args.me, annual_report=args.annual_report,
                              interviewers=args.interviewer, directory=args.dir,
                              force=args.force)
    for source, copy in result.copied:
        print(f"copied  {source} -> {copy}")
    for path in result.written:
        print(f"wrote   {path}")
    for path in result.kept:
        print(f"kept    {path} (yours; use --force to replace it with a backup)")
    for path in result.backups:
        print(f"backup  {path}")
    ws = result.workspace.path
    changed = _options_not_applied(args, result)
    if changed:
        print(f"\nnote: {ws / 'target.toml'} already existed and was kept, so these options were "
              "NOT applied:", file=sys.stderr)
        for key, kept, asked in changed:
            print(f"  {key}: kept {kept!r}, you asked for {asked!r}", file=sys.stderr)
        print(f"  to change them: edit {ws / 'target.toml'}, or run the same `research-kit new` "
              "with --force (target.toml and the notebooks are replaced; the old ones are kept "
              "as timestamped backups)", file=sys.stderr)
    print(f"\nnext: edit {ws / 'target.toml'}, then `research-kit run {ws}` "
          f"or open {ws / 'research.ipynb'} in Jupyter")
    return 0


def _options_not_applied(args, result) -> list[tuple[str, object, object]]:
    """Options given to `new` that differ from a target.toml that was kept."""
    from ..app.create import TARGET_FILE

    if not any(Path(p).name == TARGET_FILE for p in result.kept):
        return []
    ws = result.workspace
    asked = {"ticker": args.ticker, "site": args.site, "job": args.job, "me": args.me}
    out = [(key, ws.get(key), value) for key, value in asked.items()
           if value is not None and str(ws.get(key) or "") != str(value)]
    if args.interviewer:
        known = {str(p.get("name", "")).casefold() for p in ws.interviewers}
        new = [n for n in args.interviewer if n.casefold() not in known]
        if new:
            out.append(("interviewers", sorted(n for n in known if n) or [], new))
    return out


def run_command(args) -> int:
    from ..app.runner import run_workspace

    result = run_workspace(args.workspace, offline=args.offline or None)
    print(f"executed {result.cells} cells in {result.seconds:.1f} s -> {result.executed_notebook}")
    for name, path in result.outputs.items():
        print(f"{name}: {path}")
    if result.record is None:
        print("note: the notebook wrote no brief, so there is no summary of what was found",
              file=sys.stderr)
        return 0
    return _report(result.record)


def _report(record) -> int:
    """Print what was not found and why; the exit status for the run."""
    from ..workbench.run_record import describe

    print(f"sources cited in the brief: {record.sources}")
    for line in describe(record):
        print(line, file=sys.stderr)
    return 3 if record.core_failed else 0


def brief_command(args) -> int:
    from ..workbench.research import open_research
    from ..workspace import open_workspace

    ws = open_workspace(args.workspace)
    ws.check_files()
    with ws.lock("research-kit brief"):
        research = open_research(ws)
        # the first run of a workspace fetches and parses for a while: say what is happening
        research.on_step = lambda label: print(f"  … {label}", file=sys.stderr, flush=True)
        print(f"research-kit: researching {research.ws.name} for the brief "
              f"({'offline' if research.settings.offline else 'online, cached'})",
              file=sys.stderr, flush=True)
        files = research.write_brief(paper=args.paper)
    print(f"brief.pdf:  {files.pdf_path}  ({files.pages} page)")
    print(f"brief.html: {files.html_path}")
    return _report(research.last_run)


def demo_command(args) -> int:
    from ..app.demo import run_demo

    if args.trust_notebook and not args.pack:
        from ..errors import InputError

        raise InputError("--trust-notebook only applies to --pack",
                         suggestion="research-kit demo --pack FILE --trust-notebook")
    result = run_demo(args.out, pack=args.pack, trust_notebook=args.trust_notebook)
    print(f"\nDemo workspace: {result.workspace}")
    print(f"Notebook (executed): {result.executed_notebook}")
    print(f"Brief (PDF, {result.pages} page): {result.pdf}")
    print(f"Brief (HTML): {result.html}")
    if result.fictional:
        print("The demo company and everything about it are fictional.")
    return 0


def pack_command(args) -> int:
    from ..app.packs import export_pack
    from ..workbench.base import install_workspace_gateway
    from ..workspace import open_workspace

    ws = open_workspace(args.workspace)
    gateway = install_workspace_gateway(ws)
    info = export_pack(ws, args.output, gateway=gateway)
    print(f"wrote {info.path}: {info.responses} cached response(s), {info.files} workspace file(s)")
    if info.missing:
        print(f"warning: {len(info.missing)} URL(s) used by the workspace are no longer cached "
              "and were left out (run the workspace again online to refresh):", file=sys.stderr)
        for url in info.missing[:10]:
            print(f"  {url}", file=sys.stderr)
    print(f"replay it anywhere, offline: research-kit demo --pack {Path(info.path).name}")
    return 0
