"""Block rule for DocFX ``:::`` directives: ``:::image``, ``:::code``, ``::: zone``.

``:::image type="content" source="..." alt-text="...":::`` becomes one ``dfm_image``
token; the ``type="complex"`` form keeps the text up to ``:::image-end:::`` as its long
description. Zones become flat ``dfm_zone`` marker tokens (``meta["end"]`` for
``::: zone-end``), so headings inside a zone still structure the document.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_ATTR = re.compile(r'([A-Za-z][\w-]*)\s*=\s*"([^"]*)"|([A-Za-z][\w-]*)\s*=\s*([^\s":]+)')
_OPEN = re.compile(r"^:::\s*([A-Za-z][\w-]*)")
MAX_DIRECTIVE_LINES = 20


def parse_attributes(text: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for match in _ATTR.finditer(text):
        if match.group(1):
            attrs[match.group(1)] = match.group(2)
        else:
            attrs[match.group(3)] = match.group(4)
    return attrs


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _directive(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    first = _line(state, start_line)
    match = _OPEN.match(first)
    if not match:
        return False
    if silent:
        return True
    name = match.group(1).lower()
    # The opening directive may wrap over several lines before its closing ':::'.
    text, line = first[match.end() :], start_line
    while (
        not text.rstrip().endswith(":::") and line + 1 < end_line and line - start_line < MAX_DIRECTIVE_LINES
    ):
        if not _line(state, line + 1).strip():
            break
        line += 1
        text += " " + _line(state, line)
    attrs = parse_attributes(text.rstrip().removesuffix(":::"))
    next_line = line + 1
    if name == "image":
        description = ""
        if attrs.get("type") == "complex":
            body: list[str] = []
            probe = next_line
            while probe < end_line and not _line(state, probe).startswith(":::image-end"):
                body.append(_line(state, probe))
                probe += 1
            if probe < end_line:
                description = "\n".join(body).strip()
                next_line = probe + 1
        token = state.push("dfm_image", "img", 0)
        token.meta = {"attrs": attrs, "description": description}
    elif name in ("zone", "zone-end", "moniker", "moniker-end"):
        token = state.push("dfm_zone", "", 0)
        kind = name.removesuffix("-end")
        end = name.endswith("-end") or first[match.end() :].strip().startswith("-end")
        token.meta = {"kind": kind, "attrs": attrs, "end": end}
    elif name == "code":
        token = state.push("dfm_code", "code", 0)
        token.meta = {"attrs": attrs}
    else:
        token = state.push("dfm_directive", "", 0)
        token.meta = {"name": name, "attrs": attrs}
        token.content = first
    token.map = [start_line, next_line]
    state.line = next_line
    return True


def directives_plugin(md: MarkdownIt) -> None:
    md.block.ruler.before("fence", "dfm_directive", _directive, {"alt": ["paragraph", "list", "blockquote"]})
