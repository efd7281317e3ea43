"""Legacy ACOM dialect (2014-2016): the ``<properties .../>`` + ``<tags .../>`` header.

The header's attributes are read with the standard library's HTML parser, the way
beautifulsoup4's ``html.parser`` tree builder reads them (which this reader used before,
at a fifth of a second of start-up per process). The parser lowercases attribute names,
so the author's spelling (``pageTitle``, ``ms.service``) is recovered from the raw tag
text afterwards.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from generator.diagnostics import Diagnostics

HEADER_TAGS = ("properties", "tags")
_LEADING_BLANK = re.compile(r"\s*")
# Attributes HTML defines as lists of words: beautifulsoup4 kept their words joined by one space.
_WORD_LISTS = frozenset({"class", "accesskey", "dropzone"})
_WORD = re.compile(r"\S+")


class _FirstTag(HTMLParser):
    """The attributes of the first start tag called ``name``: a repeated attribute keeps its last
    value, one without a value is empty, character references are resolved."""

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=False)
        self.name = name
        self.attrs: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.attrs is None and tag == self.name:
            self.attrs = {key: "" if value is None else value for key, value in attrs}


def _tag_end(text: str, start: int) -> int | None:
    """Index just past the ``>`` closing the tag opened at ``start`` (quotes respected)."""
    quote: str | None = None
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == ">":
            return index + 1
    return None


def _attributes(raw: str, name: str) -> dict[str, str]:
    parser = _FirstTag(name)
    parser.feed(raw)
    parser.close()
    if parser.attrs is None:
        return {}
    spelled = {m.group(1).lower(): m.group(1) for m in re.finditer(r"([\w.:-]+)\s*=", raw)}
    result: dict[str, str] = {}
    for key, value in parser.attrs.items():
        text = " ".join(_WORD.findall(value)) if key in _WORD_LISTS else value
        result[spelled.get(key, key)] = text.strip()
    return result


def split_header(text: str, diags: Diagnostics) -> tuple[dict[str, str], str]:
    """Return (metadata, text with the header lines blanked out)."""
    metadata: dict[str, str] = {}
    position = 0
    for name in HEADER_TAGS:
        match = _LEADING_BLANK.match(text, position)
        start = match.end() if match else position
        if not text[start:].lower().startswith("<" + name):
            continue
        end = _tag_end(text, start)
        line = text.count("\n", 0, start) + 1
        if end is None:
            diags.error("header-unclosed", f"<{name}> header is never closed with '>'", line)
            end = len(text)
        metadata.update(_attributes(text[start:end], name))
        blank = re.sub(r"[^\n]", "", text[position:end])
        text = text[:position] + blank + text[end:]
        position = position + len(blank)
    return metadata, text
