"""``python -m generator``: wires the stages together; each command lives in its own module.

A command module exposes ``HELP`` (one line), ``add_arguments(parser)`` and
``run(args) -> int``. Exit codes: 0 success, 1 findings or failure, 2 usage error
(argparse), 3 refused input (the certificate helper's private-key refusal).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from generator import __version__

COMMANDS = {
    "parse": "generator.commands.parse",
    "check": "generator.commands.check",
    "build": "generator.commands.build",
    "serve": "generator.commands.serve",
    "cert": "generator.cert.command",
    "diff": "generator.commands.diff",
    "sync": "generator.commands.sync",
    "bundle": "generator.commands.bundle",
}


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command, or of the command ``only`` alone.

    A command module imports its whole stage on import (``build``: the renderer and mkdocs);
    a run of one command needs only its own, while the overview (``--help``) and a usage
    error name them all.
    """
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Azure setup tutorials (legacy and modern Markdown) to an interactive checklist site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module_name in COMMANDS.items():
        if only not in (None, name):
            continue
        module = importlib.import_module(module_name)
        command = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # argparse hands everything after the command's name to that command's own parser
    only = argv[0] if argv and argv[0] in COMMANDS else None
    args = build_parser(only).parse_args(argv)
    try:
        return args.run(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
