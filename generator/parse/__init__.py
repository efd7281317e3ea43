"""Parse stage: one markdown-it-py instance for both dialects, with small plugins.

The readers have already normalised dialect syntax that must be fixed on text (headers,
heading spaces, lettered markers); everything else is recognised here, on tokens.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from generator.read.source import Source

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The parser, markdown-it-py imported with it: a process that parses no tutorial (a
    rebuild where none changed, ``--help``) is spared its import (about 25 ms)."""
    from markdown_it import MarkdownIt

    from generator.parse.directives import directives_plugin
    from generator.parse.markers import markers_plugin

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    directives_plugin(md)
    markers_plugin(md)
    return md


def parse(source: Source) -> list[Token]:
    return parser().parse(source.text, {"diagnostics": source.diagnostics})
