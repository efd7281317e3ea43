"""Line-level normalisations shared by both dialects.

Each rewrite keeps the number of lines, so markdown-it's line maps stay source lines.
Lines inside fenced code are never touched.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.diagnostics import Diagnostics

_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_NO_SPACE_HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[^#\s])")
_INDENTED_HEADING = re.compile(r"^[ \t]+(#{1,3}[ \t]+\S.*)$")
_TAB_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+\[[^\]]*\]\(#tab/")
_LETTERED = re.compile(r"^(?P<indent>[ \t]*)(?P<letter>[a-z])(?P<delim>[.)])(?P<gap>[ \t]+)(?=\S)")
_NUMBERED = re.compile(r"^[ \t]*\d{1,9}[.)][ \t]+\S")
_HEADING = re.compile(r"^ {0,3}#{1,6}(\s|$)")
_WIDE_MARKER = re.compile(r"^(?P<indent>[ \t]*)(?P<marker>\d{2,9}[.)])(?P<gap> {2,4})(?=\S)")


def outside_fences(lines: list[str]) -> Iterator[int]:
    """Indexes of lines that are not inside (or delimiting) a fenced code block."""
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                continue
            yield index
        elif (
            match
            and match.group(1)[0] == fence[0]
            and len(match.group(1)) >= len(fence)
            and line.strip() == match.group(1)
        ):
            fence = None


def fix_headings(lines: list[str], diags: Diagnostics) -> None:
    """``##Heading`` becomes ``## Heading``; a heading a converter indented into a list item
    moves back to column 0 (tab headings, which legitimately nest, stay)."""
    for index in outside_fences(lines):
        line = lines[index]
        match = _NO_SPACE_HEADING.match(line)
        if match:
            lines[index] = line[: match.end()] + " " + line[match.end() :]
            diags.info(
                "heading-no-space",
                f"heading written without a space after '{match.group(2)}' (read as a heading)",
                index + 1,
                match.start(2) + 1,
            )
            continue
        match = _INDENTED_HEADING.match(line)
        if match and not _TAB_HEADING.match(line):
            lines[index] = match.group(1)
            diags.info(
                "heading-indented", "indented heading moved out of the list it was nested in", index + 1
            )


def narrow_markers(lines: list[str]) -> None:
    """``12.  Step`` puts the item's content at column 5, so the author's tab-indented
    screenshot under it (column 4) would fall out of the list; one space keeps it in."""
    for index in outside_fences(lines):
        match = _WIDE_MARKER.match(lines[index])
        if match:
            lines[index] = match.group("indent") + match.group("marker") + " " + lines[index][match.end() :]


def letter_markers(lines: list[str]) -> dict[int, str]:
    """Rewrite lettered sub-steps (``a.``, ``b)``) as CommonMark ordered items.

    Returns the letters by line so the model keeps the number as written. Only lines
    after a numbered item in the same heading's scope are rewritten, so prose that starts
    with "a. " elsewhere is left alone.
    """
    markers: dict[int, str] = {}
    seen_numbered = False
    for index in outside_fences(lines):
        line = lines[index]
        if _HEADING.match(line):
            seen_numbered = False
        elif _NUMBERED.match(line):
            seen_numbered = True
        elif seen_numbered:
            match = _LETTERED.match(line)
            if match:
                markers[index] = match.group("letter")
                lines[index] = match.group("indent") + "1" + line[match.start("delim") :]
    return markers
