"""``research-kit config`` and ``research-kit cache info|clear|import``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the effective settings and where each came from")
    p.add_argument("workspace", nargs="?", help="a workspace folder (its TOML counts too)")
    p.set_defaults(handler=show_config)

    p = sub.add_parser("cache", help="inspect, clear or load the HTTP cache (saved pages too)")
    p.add_argument("action", choices=["info", "clear", "import"],
                   help="info: where and how big; clear: delete it; import: load saved "
                        "responses (docs/saved-responses.md)")
    p.add_argument("path", nargs="?", metavar="DIR|FILE",
                   help="import: a .jsonl of saved responses, or a folder of them")
    p.add_argument("--workspace", metavar="WS",
                   help="import into this workspace's cache (default: your user cache)")
    p.add_argument("--yes", action="store_true", help="clear without asking")
    p.set_defaults(handler=cache_command)


def show_config(args) -> int:
    from ..settings import load_settings, user_config_file

    settings = load_settings(args.workspace)
    width = max(len(name) for name, _, _ in settings.describe())
    for name, value, origin in settings.describe():
        print(f"{name:<{width}}  {value}    ({origin})")
    print(f"\nuser config file: {user_config_file()}")
    if not settings.contact_email:
        print("\nnote: no contact set; SEC (EDGAR) requests will be refused until you set "
              "RESEARCH_KIT_CONTACT=\"Your Name you@example.com\"", file=sys.stderr)
    return 0


def cache_command(args) -> int:
    from ..gateway import cache_admin
    from ..settings import load_settings

    if args.action == "import":
        return cache_import(args)
    settings = load_settings()
    if args.action == "info":
        info = cache_admin.cache_info(settings)
        for key, value in info.items():
            print(f"{key}: {value}")
        return 0
    if not args.yes and sys.stdin.isatty():
        answer = input(f"delete every cached response in {settings.cache_dir}? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    removed = cache_admin.clear_cache(settings)
    print(f"cleared {removed} cached response(s) from {settings.http_cache_path}")
    return 0


def cache_import(args) -> int:
    from ..app.saved_responses import read_saved_responses
    from ..errors import InputError

    if not args.path:
        raise InputError("cache import needs DIR or FILE (saved responses, JSON Lines)",
                         suggestion="research-kit cache import saved-pages/ --workspace WS")
    records = read_saved_responses(args.path)
    if args.workspace:
        from ..workbench.base import install_workspace_gateway
        from ..workspace import open_workspace

        gateway = install_workspace_gateway(open_workspace(args.workspace))
    else:
        from ..gateway.client import Gateway
        from ..settings import load_settings

        gateway = Gateway(load_settings())
    try:
        count = gateway.import_responses(records)
        where = gateway.settings.http_cache_path
    finally:
        gateway.close()
    print(f"imported {count} response(s) into {where}")
    for record in records[:20]:
        print(f"  {record['status']}  {record['retrieved_at'][:10]}  {record['url']}")
    if len(records) > 20:
        print(f"  … and {len(records) - 20} more")
    return 0
