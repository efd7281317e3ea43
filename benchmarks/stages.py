"""Stage entry points that run in a child process of their own (``python -m benchmarks.stages``).

``floor CORPUS``: markdown-it-py parses every tutorial (CommonMark plus tables, no plugins):
the least any Markdown site generator in Python must do.

``render CORPUS CACHE``: our generator stage alone (read, parse, model, enrich, render the
pages and their images into a docs folder), i.e. ``build`` with the mkdocs step left out.
``generator.site.build`` has no public entry point for that yet, so this replaces its
``run_mkdocs`` with a no-op and otherwise runs the real ``build_site``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from benchmarks.synth import tutorial_paths


def floor(corpus: Path) -> int:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = 0
    for path in tutorial_paths(corpus):
        tokens += len(parser.parse(path.read_bytes().decode("utf-8")))
    return tokens


def render(corpus: Path, cache: Path) -> int:
    from generator.site import build

    def skip_mkdocs(*args: Any, **kwargs: Any) -> None:
        return None

    if not callable(getattr(build, "run_mkdocs", None)):
        raise SystemExit("generator.site.build.run_mkdocs is gone: update benchmarks/stages.py render()")
    build.run_mkdocs = skip_mkdocs  # type: ignore[assignment]
    with tempfile.TemporaryDirectory(prefix="tc-bench-render-") as folder:
        options = build.BuildOptions(source=corpus, site_dir=Path(folder) / "site", cache_dir=cache)
        return build.build_site(options).pages


def main(argv: list[str]) -> int:
    stage, corpus, *rest = argv
    count = floor(Path(corpus)) if stage == "floor" else render(Path(corpus), Path(rest[0]))
    print(count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
