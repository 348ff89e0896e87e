"""``research-kit config`` and ``research-kit cache info|clear``."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("config", help="show the effective settings and where each came from")
    p.add_argument("workspace", nargs="?", help="a workspace folder (its TOML counts too)")
    p.set_defaults(handler=show_config)

    p = sub.add_parser("cache", help="inspect or clear the HTTP cache")
    p.add_argument("action", choices=["info", "clear"])
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
