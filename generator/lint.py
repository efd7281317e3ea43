"""Source-text checks for things the parser reads "correctly" but an author got wrong.

These look at the text as written (outside fenced and indented code, and code spans),
because once parsed the mistake is gone: ``**Configure Single Sign On **`` is simply not
bold in CommonMark, and ``“*--*“`` is only recognisable as mangled in its raw form.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from generator.diagnostics import Diagnostics
from generator.read.source import Source

_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_STRONG = re.compile(r"\*\*|__")
_MANGLED = re.compile(r"\*+[-–—_.~]+\*+|[“”\"]\*[^\w\s]*\*[“”\"]|Ã[\x80-\xbf©¨±§]|â€[™œ\x9d“”˜]")


def _code_free(line: str) -> str:
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def padded_emphasis(line: str) -> list[tuple[int, str]]:
    """(column, text) of ``**...**`` spans whose inside starts or ends with white space."""
    found = []
    marks = list(_STRONG.finditer(line))
    for opener, closer in zip(marks[::2], marks[1::2], strict=False):
        inner = line[opener.end() : closer.start()]
        if inner.strip() and inner != inner.strip():
            found.append((opener.start() + 1, line[opener.start() : closer.end()]))
    return found


def code_lines(tokens: list[Token]) -> set[int]:
    """0-based lines covered by fenced or indented code blocks."""
    covered: set[int] = set()
    for token in tokens:
        if token.type in ("fence", "code_block") and token.map:
            covered.update(range(*token.map))
    return covered


def lint(source: Source, tokens: list[Token], diags: Diagnostics) -> None:
    skip = code_lines(tokens)
    for index, line in enumerate(source.text.split("\n")):
        if index in skip:
            continue
        text = _code_free(line)
        for col, span in padded_emphasis(text):
            diags.warning(
                "padded-emphasis",
                f"{span.replace(chr(0xA0), ' ')!r} has a space inside the ** markers: not rendered bold",
                index + 1,
                col,
            )
        for match in _MANGLED.finditer(text):
            diags.warning(
                "mangled-text", f"text looks mangled: {match.group(0)!r}", index + 1, match.start() + 1
            )
