"""``build [--source DIR] [--site-dir DIR]``: the checklist site, built atomically and incrementally."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.site.build import BuildOptions, build_site
from generator.site.mkdocs_run import MkdocsFailed
from generator.site.workers import default_jobs

HELP = "build the checklist site from a folder of tutorials (mkdocs-material)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default="source_docs", help="folder of tutorials (default: source_docs)")
    parser.add_argument("--site-dir", default="site", help="where the site goes (default: site)")
    parser.add_argument("--site-url", help="the URL the site is served from (overrides mkdocs.yml site_url)")
    parser.add_argument("--offline", action="store_true", help="a site that works opened as files (file://)")
    parser.add_argument("--cache-dir", help="build cache (default ~/.cache/tutorial-checklists)")
    parser.add_argument("--quiet", action="store_true", help="plain progress lines, no progress bar")
    parser.add_argument("--report", help="also write the build report (cache statistics, updates) as JSON")
    parser.add_argument(
        "--jobs", type=int, default=default_jobs(), help="processes rendering tutorials (default: per core)"
    )
    parser.add_argument(
        "--full",
        action="store_true",
        help="build every page with mkdocs, even where the previous site could be patched",
    )
    parser.add_argument(
        "--gc",
        action="store_true",
        help="build every page, then remove from the cache what this build did not use "
        "(a cache shared with other source folders loses their entries)",
    )


def options_from(args: argparse.Namespace) -> BuildOptions:
    return BuildOptions(
        source=Path(args.source),
        site_dir=Path(args.site_dir),
        site_url=args.site_url,
        cache_dir=Path(args.cache_dir) if args.cache_dir else None,
        offline=args.offline,
        progress=sys.stdout,
        quiet=args.quiet,
        jobs=max(1, args.jobs),
        patch=not args.full,
        gc=args.gc,
    )


def build_or_report(options: BuildOptions, report_file: str | None = None) -> bool:
    """Build and print the summary, or print the failure as ``file:line: message``; True on success."""
    try:
        report = build_site(options)
    except MkdocsFailed as failure:
        for line in failure.lines():
            print(line, file=sys.stderr)
        print(f"build failed; {options.site_dir} was left as it was", file=sys.stderr)
        return False
    except GeneratorError as error:
        print(f"{error.file}:{error.line}: {error.message}", file=sys.stderr)
        print(f"build failed; {options.site_dir} was left as it was", file=sys.stderr)
        return False
    print(report.summary(options.site_dir), flush=True)
    if report_file:
        Path(report_file).write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return True


def run(args: argparse.Namespace) -> int:
    return 0 if build_or_report(options_from(args), args.report) else 1
