"""The ``research-kit`` command.

Each command group lives in its own module exposing ``register(subparsers)``; the module
list below is the only place they are wired in. Modules import the heavy parts of the
library (pandas, parsers) inside their handlers so that ``research-kit --help`` stays fast.

Errors: a :class:`~research_kit.errors.ResearchKitError` prints one line plus its
suggestion on stderr and exits 2; ``--debug`` shows the traceback instead.

Exit status (docs/cli.md): 0 done; 1 some rows of a batch failed; 2 an error (bad input,
no network, a workspace in use …); 3 ``run``/``brief`` wrote a brief, but the job posting
named in target.toml or every company source failed; 130 interrupted (Ctrl-C).

The global flags (``--offline``, ``--debug``) work before or after the command:
``research-kit --offline run WS`` and ``research-kit run WS --offline`` are the same.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback

from .._version import __version__
from ..errors import ResearchKitError
from ..workspace import one_line

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

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_SOURCES_FAILED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

_GLOBAL_FLAGS = (
    ("--debug", "show tracebacks for errors"),
    ("--offline", "use the cache only; never touch the network"),
)


def build_parser() -> argparse.ArgumentParser:
    from ._help import TOP_EPILOG, describe

    parser = argparse.ArgumentParser(
        prog="research-kit",
        description="Interview research as a repeatable, sourced, offline-capable notebook.",
        epilog=TOP_EPILOG + "\n\nexit status: 0 done, 1 some batch rows failed, 2 error, 3 brief "
               "written but the job posting or every company source failed, 130 interrupted",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"research-kit {__version__}")
    for flag, help_text in _GLOBAL_FLAGS:
        parser.add_argument(flag, action="store_true", default=False, help=help_text)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    describe(parser)
    for command in sub.choices.values():
        # the same flags after the command; SUPPRESS keeps the value given before it
        known = {opt for action in command._actions for opt in action.option_strings}
        for flag, help_text in _GLOBAL_FLAGS:
            if flag not in known:
                command.add_argument(flag, action="store_true", default=argparse.SUPPRESS,
                                     help=help_text)
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
        print(f"research-kit: error: {one_line(exc.message)}", file=sys.stderr)
        if exc.suggestion:
            print(f"  suggestion: {exc.suggestion}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("\nresearch-kit: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK if result is None else int(result)


def entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main())
