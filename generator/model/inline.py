"""Inline tokens -> :class:`Inline` nodes, and the facts the model derives from them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.model.nodes import Image, Inline

if TYPE_CHECKING:
    from markdown_it.token import Token

_PAIRS = {"strong_open": "strong", "em_open": "em", "link_open": "link", "s_open": "s"}
_URL = re.compile(r"https?://[^\s<>\"“”‘’')\]]+[^\s<>\"“”‘’')\].,;:!?]")
_UI_PATH_SEP = re.compile(r"\s+>\s+")
_SPACES = re.compile(r"\s+")


def convert(children: list[Token] | None, line: int = 0) -> list[Inline]:
    """Nest the flat inline token stream into a tree."""
    root: list[Inline] = []
    stack: list[list[Inline]] = [root]
    for token in children or []:
        kind = token.type
        if kind in _PAIRS:
            node = Inline(_PAIRS[kind])
            if kind == "link_open":
                node.href = str(token.attrGet("href") or "")
                node.title = token.attrGet("title")  # type: ignore[assignment]
            stack[-1].append(node)
            stack.append(node.children)
        elif kind.endswith("_close"):
            if len(stack) > 1:
                stack.pop()
        elif kind == "text":
            if stack[-1] and stack[-1][-1].type == "text":
                stack[-1][-1].text += token.content
            else:
                stack[-1].append(Inline("text", token.content))
        elif kind == "code_inline":
            # Legacy authors escaped angle brackets even in code: `\<ORGANIZATIONID\>`.
            stack[-1].append(Inline("code", token.content.replace("\\<", "<").replace("\\>", ">")))
        elif kind in ("softbreak", "hardbreak"):
            stack[-1].append(Inline(kind))
        elif kind == "html_inline":
            stack[-1].append(Inline("html", token.content))
        elif kind == "image":
            stack[-1].append(
                Inline(
                    "image",
                    text=plain_text(convert(token.children)),
                    href=str(token.attrGet("src") or ""),
                    title=token.attrGet("title"),  # type: ignore[arg-type]
                    attrs={"line": line},
                )
            )
    return [mark_ui_paths(node) for node in root]


def mark_ui_paths(node: Inline) -> Inline:
    """``**Services > Application**`` is a path through the UI, not one label."""
    if node.type == "strong" and len(node.children) == 1 and node.children[0].type == "text":
        parts = _UI_PATH_SEP.split(node.children[0].text.strip())
        if len(parts) > 1 and all(parts):
            return Inline("uipath", children=[Inline("strong", children=[Inline("text", p)]) for p in parts])
    return node


def plain_text(nodes: list[Inline]) -> str:
    parts: list[str] = []
    for node in nodes:
        kind = node.type
        if kind == "text" or kind == "code":
            parts.append(node.text)
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append(" ")
        elif kind == "uipath":
            parts.append(" > ".join(plain_text([c]) for c in node.children))
        elif kind == "image":
            continue
        elif node.children:
            parts.append(plain_text(node.children))
    return _SPACES.sub(" ", "".join(parts)).strip()


def walk(nodes: list[Inline]) -> Iterator[Inline]:
    """Every node, depth first, in document order (read-only: do not edit while walking)."""
    stack = nodes[::-1]
    while stack:
        node = stack.pop()
        yield node
        if node.children:
            stack.extend(node.children[::-1])


def images(nodes: list[Inline], inline: bool = True) -> list[Image]:
    return [
        Image(src=n.href or "", alt=n.text, title=n.title, line=n.attrs.get("line", 0), inline=inline)
        for n in walk(nodes)
        if n.type == "image"
    ]


def ui_labels(nodes: list[Inline]) -> list[str]:
    labels = []
    for node in walk(nodes):
        if node.type == "strong":
            label = plain_text(node.children)
            if label and label not in labels:
                labels.append(label)
    return labels


def ui_paths(nodes: list[Inline]) -> list[list[str]]:
    return [[plain_text([c]) for c in n.children] for n in walk(nodes) if n.type == "uipath"]


def urls(nodes: list[Inline]) -> list[str]:
    found: list[str] = []
    for node in walk(nodes):
        candidates = []
        if node.type == "link" and node.href and node.href.startswith(("http://", "https://")):
            candidates.append(node.href)
        if node.type in ("text", "code"):
            candidates.extend(_URL.findall(node.text))
        for url in candidates:
            if url not in found:
                found.append(url)
    return found


def code_values(nodes: list[Inline]) -> list[str]:
    return [n.text for n in walk(nodes) if n.type == "code"]
