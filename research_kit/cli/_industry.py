"""``research-kit occupation TITLE`` and ``research-kit peers TICKER``."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("occupation", help="job title (or SOC code) → O*NET occupation, tasks, "
                                          "skills, hot technologies, BLS wages")
    p.add_argument("title", help='a job title ("Senior Data Engineer") or a SOC code (15-1252)')
    p.add_argument("--candidates", type=int, default=5, help="how many candidates to list")
    p.add_argument("--skills", default="",
                   help="comma-separated skills of the position, checked against the "
                        "occupation's hot technologies")
    p.add_argument("--onet-dir", help="a full O*NET release folder to use instead of the "
                                      "bundled extract")
    p.add_argument("--wages", help="with --onet-dir: a BLS OEWS national_M<year>_dl.xlsx")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=occupation_command)

    p = sub.add_parser("peers", help="compare a public company with its competitors "
                                     "(revenue, growth, margins, R&D, employees)")
    p.add_argument("ticker", help="the target's ticker or company name")
    p.add_argument("--competitor", action="append", default=[], metavar="NAME",
                   help="add a competitor (name or ticker); repeatable")
    p.add_argument("--max-sic-peers", type=int, default=8,
                   help="how many same-SIC companies to add, largest first (default 8)")
    p.add_argument("--no-10k", action="store_true",
                   help="do not read competitor names from the latest 10-K")
    p.add_argument("--json", action="store_true", help="print JSON instead of text")
    p.set_defaults(handler=peers_command)


def occupation_command(args) -> int:
    from ..research.industry.occupation import hot_skill_overlap, occupation_panel

    data = None
    if args.onet_dir:
        from ..sources.onet import read_onet_release

        data = read_onet_release(args.onet_dir, args.wages)
    profile = occupation_panel(args.title, data=data, candidates=max(1, args.candidates))
    skills = [s.strip() for s in args.skills.split(",") if s.strip()]
    overlap = hot_skill_overlap(skills, profile) if skills else None
    if args.json:
        out = {"query": args.title, "soc_code": profile.soc_code, "title": profile.title,
               "description": profile.description,
               "candidates": _records(profile.candidates, ["rank", "soc_code", "title",
                                                            "score", "confidence",
                                                            "matched_name", "matched_kind"]),
               "tasks": list(profile.tasks["task"]),
               "skills": _records(profile.skills, ["skill", "importance", "level"]),
               "hot_technologies": profile.hot_technologies,
               "wages": profile.wage_summary(),
               "skill_overlap": _records(overlap, ["skill", "technology", "hot_technology",
                                                   "in_demand"]) if overlap is not None else [],
               "notes": profile.notes, "attribution": profile.attribution}
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    print(profile)
    if overlap is not None:
        print("\nPosition skills vs. this occupation's technologies (O*NET):")
        for row in overlap.itertuples():
            if isinstance(row.technology, str):
                flag = "HOT" if row.hot_technology is True else "listed"
                demand = ", in demand" if row.in_demand is True else ""
                print(f"  {row.skill:<20} {flag}{demand}: {row.technology}")
            else:
                print(f"  {row.skill:<20} not listed for this occupation")
    return 0


def _records(frame, columns):
    import pandas as pd

    if frame is None or frame.empty:
        return []
    out = []
    for row in frame.reindex(columns=columns).to_dict("records"):
        out.append({k: (None if not isinstance(v, (list, str)) and pd.isna(v) else v)
                    for k, v in row.items()})
    return out


def peers_command(args) -> int:
    from ..research.industry.peers import format_peer_table, peers_for_ticker

    result = peers_for_ticker(args.ticker, competitors=args.competitor,
                              max_sic_peers=args.max_sic_peers, use_10k=not args.no_10k)
    if args.json:
        json.dump(result.to_json(), sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    print(format_peer_table(result))
    return 0
