"""Block tree nodes -> content :class:`Block` lists (everything that is not a step)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.model import inline as inl
from generator.model.nodes import Block, Callout, Image, Include, Selector, SelectorOption, Tab
from generator.model.tree import Node

_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.S)
_IMAGE_LINE = re.compile(r"^\s*!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])\s*$")
_TAB_HREF = re.compile(r"^#tab/(?P<id>.+)$")
_BREAKS = ("softbreak", "hardbreak")


@dataclass
class Context:
    """What block conversion needs besides the node: diagnostics, markers, includes."""

    diagnostics: Diagnostics
    markers: dict[int, str] = field(default_factory=dict)
    include: Callable[[str, str, int], Include] | None = None
    md: object | None = None
    lines: list[str] = field(default_factory=list)
    outdented: set[int] = field(default_factory=set)

    def indent(self, line: int) -> int:
        """Leading white space (tabs as 4) of a 1-based source line."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        return len(text.expandtabs(4)) - len(text.expandtabs(4).lstrip())


def line_of(node: Node) -> int:
    if node.map and node.type != "root":
        return node.map[0] + 1
    for child in node.children:
        found = line_of(child)
        if found:
            return found
    return 0


def inline_of(node: Node) -> list:
    """Inline nodes of a paragraph/heading/table cell node."""
    for child in node.children:
        if child.type == "inline":
            return inl.convert(child.token.children, line_of(node))
    return []


def image_only(nodes: list) -> bool:
    meaningful = [
        n
        for n in nodes
        if not (n.type in ("softbreak", "hardbreak") or (n.type == "text" and not n.text.strip()))
    ]
    return bool(meaningful) and all(n.type == "image" for n in meaningful)


def image_blocks(nodes: list, line: int) -> list[Block]:
    return [Block("image", line=line, image=img) for img in inl.images(nodes, inline=False)]


def convert_all(nodes: list[Node], ctx: Context) -> list[Block]:
    blocks: list[Block] = []
    for node in nodes:
        blocks.extend(convert(node, ctx))
    return tidy(blocks)


def tidy(blocks: list[Block]) -> list[Block]:
    """Sibling fix-ups that need the blocks after a node: tabs, split callouts, selectors."""
    return group_tabs(join_followers(blocks))


def join_followers(blocks: list[Block]) -> list[Block]:
    """A quote right after a callout continues it (blank lines split legacy callouts into
    several blockquotes); a bullet list right after an empty selector is its options
    (legacy selectors quote only the marker line)."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if previous and previous.callout and block.type == "quote":
            content = previous.callout.content
            for inner in block.blocks:
                if (
                    content
                    and content[-1].type == "list" == inner.type
                    and content[-1].ordered == inner.ordered
                ):
                    content[-1].items.extend(inner.items)
                else:
                    content.append(inner)
            previous.callout.text = " ".join(filter(None, (block_text(b) for b in content)))
            continue
        if previous and previous.selector and not previous.selector.options and block.type == "list":
            previous.selector.options = _links([block])
            continue
        out.append(block)
    return out


def convert(node: Node, ctx: Context) -> list[Block]:
    handler = _HANDLERS.get(node.type)
    if handler is None:
        return []
    return handler(node, ctx)


def _paragraph(node: Node, ctx: Context) -> list[Block]:
    return split_image_lines(inline_of(node), line_of(node), ctx)


def split_image_lines(nodes: list, line: int, ctx: Context) -> list[Block]:
    """A paragraph whose lines include image-only lines is text and screenshots.

    Authors put a screenshot on the line right after a step's text without a blank line;
    CommonMark folds it into the paragraph as an inline image, but it is a figure. One
    written left of the paragraph (a lazy line) is remembered in ``ctx.outdented``: it
    belongs to an outer step, which :func:`generator.model.steps.item_to_step` hoists it to.
    """
    if nodes and nodes[0].type not in _BREAKS and all(n.type != "image" for n in nodes):
        return [Block("paragraph", line=line, inline=list(nodes))]  # most paragraphs: no screenshot
    lines: list[list] = [[]]
    for node in nodes:
        if node.type in _BREAKS:
            lines.append([])
        lines[-1].append(node)
    blocks: list[Block] = []
    for offset, part in enumerate(lines):
        body = [n for n in part if n.type not in _BREAKS] if blocks or offset else part
        if image_only(body):
            for image in inl.images(body, inline=False):
                image.line = line + offset
                blocks.append(Block("image", line=line + offset, image=image))
                if offset and ctx.indent(line + offset) < ctx.indent(line):
                    ctx.outdented.add(id(blocks[-1]))
        elif blocks and blocks[-1].type == "paragraph":
            blocks[-1].inline.extend(part)
        elif body:
            blocks.append(Block("paragraph", line=line + offset, inline=body))
    return blocks


def _heading(node: Node, ctx: Context) -> list[Block]:
    return [Block("heading", line=line_of(node), level=int(node.token.tag[1]), inline=inline_of(node))]


def list_block(node: Node, ctx: Context) -> Block:
    ordered = node.type == "ordered_list"
    start = int(node.token.attrs.get("start", 1)) if ordered else None
    items = [convert_all(item.children, ctx) for item in node.children]
    return Block("list", line=line_of(node), ordered=ordered, start=start, items=items)


def _list(node: Node, ctx: Context) -> list[Block]:
    return [list_block(node, ctx)]


def _blockquote(node: Node, ctx: Context) -> list[Block]:
    blocks = convert_all(node.children, ctx)
    if blocks and all(b.type in ("video", "include") for b in blocks):
        return blocks
    return [Block("quote", line=line_of(node), blocks=blocks)]


def _callout(node: Node, ctx: Context) -> list[Block]:
    meta = node.token.meta
    content = convert_all(node.children, ctx)
    text = " ".join(filter(None, (block_text(b) for b in content)))
    callout = Callout(meta["kind"], text, meta.get("heading"), content, line_of(node))
    return [Block("callout", line=line_of(node), callout=callout)]


def _links(blocks: list[Block]) -> list[SelectorOption]:
    options = []
    for block in walk(blocks):
        for node in inl.walk(block.inline):
            if node.type == "link":
                options.append(SelectorOption(inl.plain_text(node.children), node.href or ""))
    return options


def _div(node: Node, ctx: Context) -> list[Block]:
    attrs = node.token.meta.get("attrs", {})
    blocks = convert_all(node.children, ctx)
    css = attrs.get("class", "")
    if css in ("op_single_selector", "op_multi_selector"):
        kind = "single" if css == "op_single_selector" else "multi"
        selector = Selector(kind, _links(blocks), [], line_of(node))
        return [Block("selector", line=line_of(node), selector=selector)]
    return [Block("div", line=line_of(node), blocks=blocks, attrs=dict(attrs))]


def _selector(node: Node, ctx: Context) -> list[Block]:
    blocks = convert_all(node.children, ctx)
    meta = node.token.meta
    selector = Selector(meta["kind"], _links(blocks), meta.get("titles", []), line_of(node))
    return [Block("selector", line=line_of(node), selector=selector)]


def _include(node: Node, ctx: Context) -> list[Block]:
    meta, line = node.token.meta, line_of(node)
    if ctx.include is not None:
        include = ctx.include(meta["name"], meta["path"], line)
    else:
        include = Include(meta["name"], meta["path"], False, line)
    return [Block("include", line=line, include=include)]


def _video(node: Node, ctx: Context) -> list[Block]:
    return [Block("video", line=line_of(node), text=node.token.meta.get("id", ""))]


def _code(node: Node, ctx: Context) -> list[Block]:
    text = node.token.content
    lines = [line for line in text.splitlines() if line.strip()]
    if node.type == "code_block" and lines and all(_IMAGE_LINE.match(line) for line in lines):
        # An image indented too far at top level is still the author's screenshot.
        tokens = ctx.md.parseInline(text.strip(), {}) if ctx.md else []  # type: ignore[attr-defined]
        nodes = inl.convert(tokens[0].children if tokens else [], line_of(node))
        return image_blocks(nodes, line_of(node))
    lang = (node.token.info or "").strip().split(" ")[0] if node.type == "fence" else ""
    if node.type == "code_block":
        text = textwrap.dedent(text)  # a tab expanded past the block's indent leaves spaces
    return [Block("code", line=line_of(node), lang=lang, text=text)]


def _html(node: Node, ctx: Context) -> list[Block]:
    text = _COMMENT.sub("", node.token.content).strip()
    return [Block("html", line=line_of(node), text=text)] if text else []


def _table(node: Node, ctx: Context) -> list[Block]:
    header: list = []
    rows: list = []
    align: list[str] = []
    for part in node.children:
        for row in part.children:
            cells = [inline_of(cell) for cell in row.children]
            if part.type == "thead":
                header = cells
                align = [
                    str(cell.token.attrs.get("style", "")).removeprefix("text-align:")
                    for cell in row.children
                ]
            else:
                rows.append(cells)
    return [Block("table", line=line_of(node), header=header, rows=rows, align=align)]


def _rule(node: Node, ctx: Context) -> list[Block]:
    return [Block("rule", line=line_of(node))]


def _dfm_image(node: Node, ctx: Context) -> list[Block]:
    attrs = dict(node.token.meta["attrs"])
    image = Image(
        src=attrs.pop("source", ""),
        alt=attrs.pop("alt-text", ""),
        title=None,
        line=line_of(node),
        lightbox=attrs.pop("lightbox", None),
        border=None if "border" not in attrs else attrs.pop("border") != "false",
        description=node.token.meta.get("description") or None,
        attrs=attrs,
    )
    return [Block("image", line=image.line, image=image)]


def _dfm_code(node: Node, ctx: Context) -> list[Block]:
    attrs = node.token.meta["attrs"]
    return [Block("code", line=line_of(node), lang=attrs.get("language", ""), attrs=dict(attrs))]


def _dfm_zone(node: Node, ctx: Context) -> list[Block]:
    meta = node.token.meta
    attrs = {**meta["attrs"], "kind": meta["kind"], "end": meta["end"]}
    return [Block("zone", line=line_of(node), attrs=attrs)]


def _dfm_directive(node: Node, ctx: Context) -> list[Block]:
    token, line = node.token, line_of(node)
    ctx.diagnostics.warning(
        "unknown-directive", f"unknown DocFX directive ':::{token.meta['name']}' kept as text", line
    )
    return [Block("paragraph", line=line, inline=[inl.Inline("text", token.content)])]


_HANDLERS: dict[str, Callable[[Node, Context], list[Block]]] = {
    "paragraph": _paragraph,
    "heading": _heading,
    "bullet_list": _list,
    "ordered_list": _list,
    "blockquote": _blockquote,
    "callout": _callout,
    "div": _div,
    "selector": _selector,
    "include": _include,
    "video": _video,
    "fence": _code,
    "code_block": _code,
    "html_block": _html,
    "table": _table,
    "hr": _rule,
    "dfm_image": _dfm_image,
    "dfm_code": _dfm_code,
    "dfm_zone": _dfm_zone,
    "dfm_directive": _dfm_directive,
}


def tab_of(block: Block) -> tuple[str, str] | None:
    """(label, id) when ``block`` is a DocFX tab heading ``# [Label](#tab/id)``."""
    if block.type != "heading":
        return None
    links = [n for n in block.inline if not (n.type == "text" and not n.text.strip())]
    if len(links) == 1 and links[0].type == "link":
        match = _TAB_HREF.match(links[0].href or "")
        if match:
            return inl.plain_text(links[0].children), match.group("id")
    return None


def group_tabs(blocks: list[Block]) -> list[Block]:
    """Fold DocFX tab headings and what follows them (up to ``---``) into one tabs block."""
    out: list[Block] = []
    group: Block | None = None
    level = 0
    for block in blocks:
        tab = tab_of(block)
        if tab:
            if group is None or block.level < level:
                group = Block("tabs", line=block.line)
                out.append(group)
                level = block.level
            group.tabs.append(Tab(tab[0], tab[1]))
            continue
        if group is not None:
            ends = block.type == "rule" or (block.type == "heading" and block.level <= level)
            if not ends:
                group.tabs[-1].blocks.append(block)
                continue
            group = None
            if block.type == "rule":
                continue
        out.append(block)
    return out


def walk(blocks: list[Block]):
    """Every block, depth first, including those nested in lists, callouts, tabs."""
    for block in blocks:
        yield block
        for item in block.items:
            yield from walk(item)
        yield from walk(block.blocks)
        if block.callout:
            yield from walk(block.callout.content)
        if block.include:
            yield from walk(block.include.content)
        for tab in block.tabs:
            yield from walk(tab.blocks)


def block_text(block: Block) -> str:
    """Plain text of a block and everything inside it."""
    parts: list[str] = []
    for inner in walk([block]):
        if inner.inline:
            parts.append(inl.plain_text(inner.inline))
        if inner.type in ("code", "html"):
            parts.append(inner.text)
        for row in [inner.header, *inner.rows]:
            parts.extend(inl.plain_text(cell) for cell in row)
    return " ".join(p for p in parts if p)
