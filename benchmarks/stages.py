"""Stage entry points that run in a child process of their own (``python -m benchmarks.stages``).

``floor CORPUS``: markdown-it-py parses every tutorial (CommonMark plus tables, no plugins):
the least any Markdown site generator in Python must do.

``render CORPUS CACHE``: our generator stage alone (read, parse, model, enrich, render the
pages and their images into a docs folder): ``generator.site.build.write_pages``, the part of
``build`` before mkdocs.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from markdown_it import MarkdownIt

from benchmarks.synth import tutorial_paths


def floor(corpus: Path) -> int:
    parser = MarkdownIt("commonmark").enable("table")
    tokens = 0
    for path in tutorial_paths(corpus):
        tokens += len(parser.parse(path.read_bytes().decode("utf-8")))
    return tokens


def render(corpus: Path, cache: Path) -> int:
    from generator.site.build import BuildOptions, write_pages

    with tempfile.TemporaryDirectory(prefix="tc-bench-render-") as folder:
        docs, media = Path(folder) / "docs", Path(folder) / "media"
        options = BuildOptions(source=corpus, site_dir=Path(folder) / "site", cache_dir=cache)
        return write_pages(options, docs, media)[1].pages


def main(argv: list[str]) -> int:
    stage, corpus, *rest = argv
    count = floor(Path(corpus)) if stage == "floor" else render(Path(corpus), Path(rest[0]))
    print(count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
