"""``parse FILE``: the step model as JSON (default) or as an indented outline."""

from __future__ import annotations

import argparse
import json
import sys

from generator.diagnostics import GeneratorError
from generator.enrich import enrich, load_data
from generator.model.nodes import Step, Tutorial
from generator.model.serialize import to_dict
from generator.pipeline import load
from generator.read import DIALECTS

HELP = "print the step model of one tutorial (JSON, or an outline with --format text)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="tutorial Markdown file")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--dialect", choices=DIALECTS, help="force a dialect instead of detecting it")


def outline(tutorial: Tutorial) -> str:
    lines = [f"{tutorial.title}  [{tutorial.dialect}]"]

    def steps(items: list[Step], depth: int) -> None:
        for step in items:
            extras = [f"{len(step.content)} block(s)"] if step.content else []
            lines.append(
                f"{'  ' * depth}{step.number}. {step.text}  #{step.id}"
                + (f"  ({', '.join(extras)})" if extras else "")
            )
            steps(step.steps, depth + 1)

    def section(sec, depth: int) -> None:
        lines.append(f"{'  ' * depth}{'#' * sec.level} {sec.title}  #{sec.id}")
        for procedure in sec.procedures:
            lines.append(f"{'  ' * (depth + 1)}[{procedure.title or 'steps'}]")
            steps(procedure.steps, depth + 2)
        for sub in sec.subsections:
            section(sub, depth + 1)

    for sec in tutorial.sections:
        section(sec, 0)
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    try:
        loaded = load(args.file, args.dialect)
    except OSError as exc:
        print(f"{args.file}:1:1: error unreadable {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        tutorial, _ = enrich(loaded.tutorial, load_data(args.file))
    except GeneratorError as exc:
        print(f"{exc.file}:{exc.line}:1: error catalogue {exc.message}", file=sys.stderr)
        return 1
    if args.format == "text":
        sys.stdout.write(outline(tutorial))
    else:
        json.dump(to_dict(tutorial), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0
