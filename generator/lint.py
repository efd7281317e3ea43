"""Source-text checks for things the parser reads "correctly" but an author got wrong.

These look at the text as written (outside fenced and indented code, and code spans),
because once parsed the mistake is gone: ``**Configure Single Sign On **`` is simply not
bold in CommonMark, and ``“*--*“`` is only recognisable as mangled in its raw form.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from generator.diagnostics import Diagnostics
from generator.read.lines import code_free, padded_emphasis
from generator.read.source import Source

_MANGLED = re.compile(r"\*+[-–—_.~]+\*+|[“”\"]\*[^\w\s]*\*[“”\"]|Ã[\x80-\xbf©¨±§]|â€[™œ\x9d“”˜]")


def code_lines(tokens: list[Token]) -> set[int]:
    """0-based lines covered by fenced or indented code blocks."""
    covered: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            covered.update(range(*token.map))
    return covered


def lint(source: Source, tokens: list[Token], diags: Diagnostics) -> None:
    skip = code_lines(tokens)
    for index, line in enumerate(source.original.split("\n")):
        if index in skip:
            continue
        text = code_free(line)
        for col, span in padded_emphasis(text):
            diags.warning(
                "padded-emphasis",
                f"{span.replace(chr(0xA0), ' ')!r}: space inside the ** (read as bold; CommonMark would not)",
                index + 1,
                col,
            )
        for match in _MANGLED.finditer(text):
            diags.warning(
                "mangled-text", f"text looks mangled: {match.group(0)!r}", index + 1, match.start() + 1
            )
