"""Legacy ACOM dialect (2014-2016): the ``<properties .../>`` + ``<tags .../>`` header.

The header's attributes are read with beautifulsoup4. Its HTML parser lowercases
attribute names, so the author's spelling (``pageTitle``, ``ms.service``) is recovered
from the raw tag text afterwards.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from generator.diagnostics import Diagnostics

HEADER_TAGS = ("properties", "tags")
_LEADING_BLANK = re.compile(r"\s*")


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
    tag = BeautifulSoup(raw, "html.parser").find(name)
    if tag is None:
        return {}
    spelled = {m.group(1).lower(): m.group(1) for m in re.finditer(r"([\w.:-]+)\s*=", raw)}
    result: dict[str, str] = {}
    for key, value in tag.attrs.items():
        text = " ".join(value) if isinstance(value, list) else str(value)
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
