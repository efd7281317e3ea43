"""Core rule: the bracket tokens of both dialects, recognised on block tokens.

``[AZURE.NOTE]`` / ``[!NOTE]`` (and TIP, IMPORTANT, WARNING, CAUTION) turn the blockquote
or paragraph they open into ``callout_open``/``callout_close``; ``[!div class=...]`` and
``[AZURE.SELECTOR]`` do the same for ``div``/``selector``; ``[AZURE.INCLUDE [n](p)]`` /
``[!INCLUDE [n](p)]`` and ``[AZURE.VIDEO id]`` / ``[!VIDEO url]`` become single tokens.
Working on tokens, not text, means markers shown inside code are left alone. The rule
runs before inline parsing, so stripping a marker only edits the raw inline content.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from generator.model.nodes import CALLOUT_KINDS
from generator.parse.directives import parse_attributes

_INCLUDE = re.compile(
    r"^\s*\[(?:AZURE\.|!)INCLUDE\s*\[(?P<name>[^\]]*)\]\(\s*<?(?P<path>[^)>\s]*)>?\s*\)\s*\]", re.I
)
_MARKER = re.compile(r"^\s*\[(?P<prefix>AZURE\.|!)(?P<name>[A-Za-z][\w-]*)(?P<rest>[^\]\n]*)\]", re.I)
_HEADING = re.compile(r"^\s*\((?P<heading>[^)]*)\)\s*$")
_SELECTOR_TITLES = re.compile(r"\(([^)]*)\)")


def _marker(content: str) -> re.Match[str] | None:
    return _MARKER.match(content)


def _strip(inline: Token, end: int) -> None:
    inline.content = inline.content[end:].lstrip(" \t").removeprefix("\n").strip()


def _closing(tokens: list[Token], index: int) -> int:
    """Index of the token closing the one opened at ``index``."""
    depth = 0
    for probe in range(index, len(tokens)):
        depth += tokens[probe].nesting
        if depth == 0:
            return probe
    return len(tokens) - 1


def _classify(match: re.Match[str], line: int, env: dict) -> tuple[str, dict]:
    """Kind of container token and its meta for a marker match."""
    name = match.group("name").lower()
    rest = match.group("rest")
    if name in CALLOUT_KINDS:
        heading = _HEADING.match(rest)
        return "callout", {
            "kind": name,
            "heading": heading.group("heading").strip() if heading else None,
            "source": match.group(0).strip(),
        }
    if name == "div":
        return "div", {"attrs": parse_attributes(rest)}
    if name in ("selector", "selector-list"):
        titles = [t.strip() for t in _SELECTOR_TITLES.search(rest).group(1).split("|")] if "(" in rest else []
        return "selector", {"kind": "multi" if name == "selector-list" else "single", "titles": titles}
    if name == "video":
        return "video", {"id": rest.strip()}
    diags = env.get("diagnostics")
    if diags is not None:
        diags.warning(
            "unknown-callout", f"unknown callout kind '{match.group(0).strip()}' (shown as a note)", line
        )
    return "callout", {"kind": "note", "heading": None, "source": match.group(0).strip()}


def _paragraph_at(tokens: list[Token], index: int) -> bool:
    return (
        index + 2 < len(tokens)
        and tokens[index].type == "paragraph_open"
        and tokens[index + 1].type == "inline"
    )


def _single(kind: str, meta: dict, source: Token) -> Token:
    token = Token(kind, "", 0)
    token.meta = meta
    token.map = source.map
    token.block = True
    token.level = source.level
    return token


def _include_tokens(tokens: list[Token], index: int, match: re.Match[str]) -> list[Token]:
    """An include paragraph becomes an ``include`` token, plus a paragraph for trailing text."""
    inline = tokens[index + 1]
    include = _single("include", {"name": match.group("name"), "path": match.group("path")}, inline)
    _strip(inline, match.end())
    return [include] if not inline.content else [include, *tokens[index : index + 3]]


def _rewrite(state: StateCore) -> None:
    tokens = state.tokens
    output: list[Token] = []
    index = 0
    closers: dict[int, str] = {}
    while index < len(tokens):
        token = tokens[index]
        if token.type == "blockquote_close" and id(token) in closers:
            token.type = closers.pop(id(token))
            token.tag = "div"
        if token.type == "blockquote_open" and _paragraph_at(tokens, index + 1):
            inline = tokens[index + 2]
            match = _marker(inline.content)
            line = (token.map or [0])[0] + 1
            if match and not _INCLUDE.match(inline.content):
                kind, meta = _classify(match, line, state.env)
                if kind != "video":
                    token.type, token.tag, token.meta = f"{kind}_open", "div", meta
                    closers[id(tokens[_closing(tokens, index)])] = f"{kind}_close"
                    _strip(inline, match.end())
                    output.append(token)
                    if not inline.content:
                        index += 4  # drop the now empty paragraph
                        continue
                    index += 1
                    continue
        if _paragraph_at(tokens, index):
            inline = tokens[index + 1]
            include = _INCLUDE.match(inline.content)
            if include:
                output.extend(_include_tokens(tokens, index, include))
                index += 3
                continue
            match = _marker(inline.content)
            if match:
                kind, meta = _classify(match, (token.map or [0])[0] + 1, state.env)
                if kind == "video":
                    output.append(_single("video", meta, inline))
                    _strip(inline, match.end())
                    if inline.content:
                        output.extend(tokens[index : index + 3])
                    index += 3
                    continue
                if kind == "callout":
                    _strip(inline, match.end())
                    opener = _single("callout_open", meta, token)
                    opener.nesting, opener.tag = 1, "div"
                    closer = Token("callout_close", "div", -1)
                    output.append(opener)
                    if inline.content:
                        output.extend(tokens[index : index + 3])
                    output.append(closer)
                    index += 3
                    continue
        output.append(token)
        index += 1
    state.tokens = output


def markers_plugin(md: MarkdownIt) -> None:
    md.core.ruler.after("block", "azure_markers", _rewrite)
