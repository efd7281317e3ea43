"""``serve [--source DIR] [--port N]``: build, serve on localhost, rebuild when a source file changes.

Uses mkdocs' live-reload server: it watches the tutorials and their sidecar files, the
templates, the theme overrides and mkdocs.yml, rebuilds through the same atomic build as
``build`` (a failing rebuild keeps the last good site) and reloads open pages. The build
cache makes a rebuild read and render only the tutorials that changed, and the site's
manifest makes an edit show on the page as an update.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from mkdocs.livereload import LiveReloadServer

from generator.commands.build import build_or_report
from generator.render.environment import PROJECT_ROOT, TEMPLATES
from generator.site.build import CONFIG_FILE, BuildOptions

HELP = "build the site, serve it on localhost and rebuild it when a tutorial or sidecar changes"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--source", default="source_docs", help="folder of tutorials (default: source_docs)")
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    parser.add_argument("--cache-dir", help="build cache (default ~/.cache/tutorial-checklists)")


def run(args: argparse.Namespace) -> int:
    url = f"http://127.0.0.1:{args.port}/"
    workdir = Path(tempfile.mkdtemp(prefix="tc-serve-"))
    options = BuildOptions(
        source=Path(args.source),
        site_dir=workdir / "site",
        site_url=url,
        cache_dir=Path(args.cache_dir) if args.cache_dir else None,
        progress=sys.stdout,
    )
    try:
        if not build_or_report(options):
            return 1
        server = LiveReloadServer(
            builder=lambda: build_or_report(options),
            host="127.0.0.1",
            port=args.port,
            root=str(options.site_dir),
        )
        for path in (options.source, TEMPLATES, PROJECT_ROOT / "site_overrides", CONFIG_FILE):
            server.watch(str(path))
        print(f"serving {url} (rebuilds when {options.source} changes; Ctrl+C stops)", flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            print("stopped")
        finally:
            server.shutdown()
        return 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
