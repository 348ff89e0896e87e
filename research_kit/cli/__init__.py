"""The ``research-kit`` command.

Each command group lives in its own module exposing ``register(subparsers)``; the module
list below is the only place they are wired in. Modules import the heavy parts of the
library (pandas, parsers) inside their handlers so that ``research-kit --help`` stays fast.

Errors: a :class:`~research_kit.errors.ResearchKitError` prints one line plus its
suggestion on stderr and exits 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from .._version import __version__
from ..errors import ResearchKitError

# command modules, in the order they appear in --help
COMMAND_MODULES = [
    "research_kit.cli._workspace",
    "research_kit.cli._sources",
    "research_kit.cli._targets",
    "research_kit.cli._parse",
    "research_kit.cli._industry",
    "research_kit.cli._config",
    "research_kit.cli._outreach",
    "research_kit.cli._position",
    "research_kit.cli._company",
]

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    from ._help import TOP_EPILOG, describe

    parser = argparse.ArgumentParser(
        prog="research-kit",
        description="Interview research as a repeatable, sourced, offline-capable notebook.",
        epilog=TOP_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"research-kit {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    parser.add_argument("--offline", action="store_true", default=None,
                        help="use the cache only; never touch the network")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    describe(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if args.offline:
        import os

        os.environ["RESEARCH_KIT_OFFLINE"] = "1"
    try:
        result = args.handler(args)
    except ResearchKitError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"research-kit: error: {exc.message}", file=sys.stderr)
        if exc.suggestion:
            print(f"  suggestion: {exc.suggestion}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("research-kit: interrupted", file=sys.stderr)
        return 130
    return EXIT_OK if result is None else int(result)


def entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main())
