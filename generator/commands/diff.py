"""``diff OLD NEW``: what changed between two versions of a tutorial, step by step."""

from __future__ import annotations

import argparse
import sys

from generator.diff import diff_tutorials
from generator.diff.report import as_json, text
from generator.pipeline import load

HELP = "compare two versions of a tutorial step by step (exit 0 when equivalent, 1 when different)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="the earlier version (either dialect)")
    parser.add_argument("new", help="the later version (either dialect)")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run(args: argparse.Namespace) -> int:
    loaded = []
    for path in (args.old, args.new):
        try:
            loaded.append(load(path))
        except OSError as exc:
            print(f"{path}:1:1: error unreadable {exc.strerror or exc}", file=sys.stderr)
            return 2
    diff = diff_tutorials(loaded[0].tutorial, loaded[1].tutorial)
    sys.stdout.write(as_json(diff) if args.format == "json" else text(diff))
    return 0 if diff.equivalent else 1
