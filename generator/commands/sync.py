"""``sync``: download the upstream tutorials listed in ``sources.yml`` and show what changed.

Docs teams run it by hand (or on a schedule) before a build; tests and CI never reach
the network. Each failure is reported as ``sources.yml:LINE: error ...`` and makes the
exit status 1; a broken ``sources.yml`` is a usage error (2).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.diff.report import text
from generator.sync.progress import display
from generator.sync.run import STATUSES, Outcome, sync_one
from generator.sync.sources import SOURCES_FILE, load_sources
from generator.sync.state import STATE_FILE, SyncState

HELP = "download the upstream tutorials of sources.yml; replace a local copy only with a readable tutorial"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--source", type=Path, default=Path("source_docs"), help=f"folder with {SOURCES_FILE} (source_docs)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per download (30)")
    parser.add_argument("--quiet", action="store_true", help="plain lines, no progress bar")


def _what(outcome: Outcome) -> str:
    upstream = outcome.upstream
    return f"{upstream.name} <- {upstream.url}: {outcome.reason}" if outcome.reason else upstream.name


def _line(outcome: Outcome) -> str:
    return f"{outcome.status:<13} {_what(outcome)}"


def summary(outcomes: list[Outcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    downloaded = sum(o.downloaded for o in outcomes)
    parts = ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
    return f"{len(outcomes)} sources, {downloaded} downloaded: {parts or 'nothing to do'}"


def run(args: argparse.Namespace) -> int:
    if args.timeout <= 0:
        print("sync: --timeout must be more than 0 seconds", file=sys.stderr)
        return 2
    try:
        upstreams = load_sources(args.source)
    except GeneratorError as exc:
        print(f"{exc.file}:{exc.line}:1: error sources {exc.message}", file=sys.stderr)
        return 2
    state = SyncState(args.source / STATE_FILE)
    outcomes: list[Outcome] = []
    with display(sys.stdout, len(upstreams), "sync", args.quiet) as progress:
        for upstream in upstreams:
            progress.working(upstream.name)
            outcome = sync_one(upstream, state, args.source, args.timeout)
            outcomes.append(outcome)
            progress.log(_line(outcome))
            if outcome.diff is not None:
                progress.log(text(outcome.diff))
            progress.advance()
    try:
        state.save()
    except OSError as exc:
        message = f"not saved ({exc}); the next sync downloads everything again"
        print(f"{state.path}:1:1: warning sync-state {message}", file=sys.stderr)
    failures = [o for o in outcomes if o.status == "failed"]
    for failure in failures:
        print(f"{failure.upstream.where()}:1: error sync-failed {_what(failure)}", file=sys.stderr)
    print(summary(outcomes))
    return 1 if failures else 0
