"""``research-kit targets list|add|due`` and ``research-kit batch targets.csv``."""

from __future__ import annotations

import argparse

DEFAULT_FILE = "notebooks/targets.csv"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("targets", help="your target-company list (a CSV shared with targets.ipynb)")
    p.add_argument("action", choices=["list", "add", "due"])
    p.add_argument("name", nargs="?", help="company name (for add)")
    p.add_argument("--file", default=DEFAULT_FILE, help=f"the list (default: {DEFAULT_FILE})")
    for column in ("ticker", "site", "job", "me", "status", "contacts", "next-step",
                   "follow-up", "notes"):
        p.add_argument(f"--{column}", dest=column.replace("-", "_"), help=f"{column} (for add)")
    p.set_defaults(handler=targets_command)

    p = sub.add_parser("batch", help="research every company in a targets CSV (resumable)")
    p.add_argument("targets_csv")
    p.add_argument("--dir", default="notebooks", help="where workspaces go (default: notebooks)")
    p.add_argument("--workers", type=int, default=2,
                   help="companies researched at once (rate limits are shared; default 2)")
    p.add_argument("--no-notebooks", action="store_true",
                   help="write briefs only; do not execute each notebook afterwards")
    p.add_argument("--force", action="store_true", help="redo rows finished in earlier runs")
    p.set_defaults(handler=batch_command)


def targets_command(args) -> int:
    from ..app.tracker import STATUSES, add_target, follow_ups_due, load_targets
    from ..errors import InputError

    if args.action == "add":
        if not args.name:
            raise InputError("targets add needs a company name",
                             suggestion='research-kit targets add "Acme Corp" --status idea')
        fields = {k: getattr(args, k) for k in ("ticker", "site", "job", "me", "status",
                                                 "contacts", "next_step", "follow_up", "notes")}
        df = add_target(args.file, args.name, **{k: v for k, v in fields.items() if v})
        print(f"{args.file}: {len(df)} target(s); statuses: {', '.join(STATUSES)}")
        return 0
    df = load_targets(args.file)
    if args.action == "due":
        df = follow_ups_due(df)
        if df.empty:
            print("no follow-ups due")
            return 0
    columns = ["name", "status", "next_step", "follow_up", "contacts"] + \
        (["days_overdue"] if "days_overdue" in df.columns else [])
    print(df[columns].to_string(index=False))
    return 0


def batch_command(args) -> int:
    from ..app.batch import run_batch

    rows = run_batch(args.targets_csv, directory=args.dir, workers=args.workers,
                     notebooks=not args.no_notebooks, force=args.force)
    ok = [r for r in rows if r.status in ("ok", "skipped")]
    failed = [r for r in rows if r.status == "failed"]
    print(f"\n{len(ok)} of {len(rows)} target(s) done, {len(failed)} failed")
    for r in rows:
        detail = r.brief if r.status != "failed" else r.reason
        print(f"  {r.status:<8} {r.name}: {detail}" + (f"  ({r.reason})" if r.reason and
                                                       r.status == "ok" else ""))
    return 1 if failed else 0
