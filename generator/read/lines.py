"""Line-level normalisations shared by both dialects.

Each rewrite keeps the number of lines, so markdown-it's line maps stay source lines.
Lines inside fenced code are never touched. No rewrite makes or unmakes a fence line (each
edits lines that start with ``#``, a list marker, ``|``, ``>`` or hold ``**``), so
:func:`fix_lines` finds the lines outside fences once and every fix walks that list.
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


def fix_lines(lines: list[str], diags: Diagnostics) -> dict[int, str]:
    """Every line fix in order; returns :func:`letter_markers`' letters by line."""
    indexes = list(outside_fences(lines))
    fix_headings(lines, indexes, diags)
    narrow_markers(lines, indexes)
    repair_containers(lines, indexes)
    unpad_emphasis(lines, indexes)
    return letter_markers(lines, indexes)


def fix_headings(lines: list[str], indexes: list[int], diags: Diagnostics) -> None:
    """``##Heading`` becomes ``## Heading``; a heading a converter indented into a list item
    moves back to column 0 (tab headings, which legitimately nest, stay)."""
    for index in indexes:
        line = lines[index]
        if "#" not in line:
            continue
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


def narrow_markers(lines: list[str], indexes: list[int]) -> None:
    """``12.  Step`` puts the item's content at column 5, so the author's tab-indented
    screenshot under it (column 4) would fall out of the list; one space keeps it in."""
    for index in indexes:
        match = _WIDE_MARKER.match(lines[index])
        if match:
            lines[index] = match.group("indent") + match.group("marker") + " " + lines[index][match.end() :]


def letter_markers(lines: list[str], indexes: list[int]) -> dict[int, str]:
    """Rewrite lettered sub-steps (``a.``, ``b)``) as CommonMark ordered items.

    Returns the letters by line so the model keeps the number as written. Only lines
    after a numbered item in the same heading's scope are rewritten, so prose that starts
    with "a. " elsewhere is left alone.
    """
    markers: dict[int, str] = {}
    seen_numbered = False
    for index in indexes:
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


_QUOTED_TABLE_ROW = re.compile(r"^([ \t]*>[ \t]*)\|")
_INDENTED_QUOTE = re.compile(r"^([ \t]+)>")
_ORDERED = re.compile(r"^(?P<indent>[ \t]*)(?P<number>\d{1,9})[.)][ \t]+\S")
_COMMENT_LINE = re.compile(r"^<!--.*-->[ \t]*$")
_DELIMITER_ROW = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
_INDENTED_ROW = re.compile(r"^([ \t]+)\|")


def _cells(row: str) -> int:
    body = row.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return len(re.split(r"(?<!\\)\|", body))


def repair_containers(lines: list[str], indexes: list[int]) -> None:
    """Put back into their container the lines a careless edit or converter left outside.

    - rows of a table begun on a ``>|`` line (lazy, so CommonMark drops the table) are quoted;
    - ``>`` lines at column 0 after a callout a converter indented into a step get its indent;
    - ``2.`` at column 0 straight after an indented ``1.`` continues those sub-steps;
    - a table row at column 0 between indented rows of the same table is indented;
    - a one-line HTML comment at column 0 (lint switches) no longer ends the list around it;
    - a table header row with fewer cells than its delimiter row is padded (DocFX accepts it).
    """
    previous: dict[int, int] = {index: indexes[n - 1] if n else -1 for n, index in enumerate(indexes)}
    for index in indexes:
        line = lines[index]
        before = lines[previous[index]] if previous[index] >= 0 else ""
        if line.startswith("<!--") and _COMMENT_LINE.match(line):
            lines[index] = ""
        elif line.startswith("|") and _QUOTED_TABLE_ROW.match(before):
            lines[index] = _QUOTED_TABLE_ROW.match(before).group(1) + line  # type: ignore[union-attr]
        elif line.startswith("|") and _INDENTED_ROW.match(before):
            lines[index] = _INDENTED_ROW.match(before).group(1) + line  # type: ignore[union-attr]
        elif line.startswith(">") and _INDENTED_QUOTE.match(before):
            lines[index] = _INDENTED_QUOTE.match(before).group(1) + line  # type: ignore[union-attr]
        elif (ordered := _ORDERED.match(line)) and not ordered.group("indent"):
            _continue_sub_steps(lines, index, previous, int(ordered.group("number")))
        if "|" in line and _DELIMITER_ROW.match(line) and "|" in before and _cells(before) < _cells(line):
            lines[previous[index]] = (
                before.rstrip().rstrip("|") + " |" * (_cells(line) - _cells(before)) + " |"
            )


def _continue_sub_steps(lines: list[str], index: int, previous: dict[int, int], number: int) -> None:
    """Indent ``n.`` to its sub-list when the nearest marker above, with no blank line
    between, is an indented ``n-1.``."""
    probe = previous[index]
    while probe >= 0 and lines[probe].strip():
        marker = _ORDERED.match(lines[probe])
        if marker:
            if marker.group("indent") and int(marker.group("number")) == number - 1:
                lines[index] = marker.group("indent") + lines[index]
            return
        probe = previous[probe]


_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+\1")
_STRONG = re.compile(r"\*\*|__")


def code_free(line: str) -> str:
    """The line with its code spans blanked (same length), so markers inside are ignored."""
    return _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def padded_emphasis(line: str) -> list[tuple[int, str]]:
    """(1-based column, text) of ``**...**`` spans whose inside starts or ends with white space."""
    found = []
    marks = list(_STRONG.finditer(line))
    for opener, closer in zip(marks[::2], marks[1::2], strict=False):
        inner = line[opener.end() : closer.start()]
        if inner.strip() and inner != inner.strip():
            found.append((opener.start() + 1, line[opener.start() : closer.end()]))
    return found


def unpad_emphasis(lines: list[str], indexes: list[int]) -> None:
    """``**Configure Single Sign On **`` was bold on Microsoft's site; CommonMark shows the
    asterisks. The padding moves outside the markers (``check`` still reports it)."""
    for index in indexes:
        line = lines[index]
        if "**" not in line and "__" not in line:
            continue
        spans = padded_emphasis(code_free(line))
        for col, span in reversed(spans):
            marker, inner = span[:2], span[2:-2]
            fixed = marker + inner.strip() + marker
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            start = col - 1
            line = line[:start] + lead + fixed + trail + line[start + len(span) :]
        lines[index] = line
