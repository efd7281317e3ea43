"""Content blocks (everything that is not a step) -> HTML, dispatched on ``Block.type``.

Callouts become mkdocs-material admonitions; tables, lists and code keep their meaning;
raw HTML is sanitised; blocks that only mark where a procedure or subsection sits are
placed by the tutorial page template (see :mod:`generator.render.outline`).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from markupsafe import Markup

from generator.model.nodes import Block, Callout
from generator.render import media
from generator.render.context import RenderContext
from generator.render.inline import link_target, render_inlines

BlockHandler = Callable[[Block, RenderContext], str]
CALLOUT_TITLES = {
    "note": "Note",
    "tip": "Tip",
    "important": "Important",
    "warning": "Warning",
    "caution": "Caution",
}
_ALIGN = {"left", "center", "right"}


def render_blocks(blocks: list[Block], ctx: RenderContext) -> Markup:
    """HTML for blocks in source order."""
    return Markup("".join(render_block(block, ctx) for block in blocks))


def render_block(block: Block, ctx: RenderContext) -> str:
    handler = BLOCKS.get(block.type)
    if handler is None:  # a block type this renderer does not know still shows its content
        return _nested(block, ctx)
    return handler(block, ctx)


def render_callout(callout: Callout, ctx: RenderContext) -> str:
    """A material admonition of the callout's kind (``important`` has its own style)."""
    kind = callout.kind if callout.kind in CALLOUT_TITLES else "note"
    title = escape(callout.heading or CALLOUT_TITLES[kind])
    body = render_blocks(callout.content, ctx) if callout.content else f"<p>{escape(callout.text)}</p>"
    return f'<div class="admonition {kind}"><p class="admonition-title">{title}</p>{body}</div>'


def _nested(block: Block, ctx: RenderContext) -> str:
    inline = f"<p>{render_inlines(block.inline, ctx)}</p>" if block.inline else ""
    return inline + render_blocks(block.blocks, ctx)


def _paragraph(block: Block, ctx: RenderContext) -> str:
    return f"<p>{render_inlines(block.inline, ctx)}</p>"


def _heading(block: Block, ctx: RenderContext) -> str:
    level = min(max(block.level, 3), 6)
    return f"<h{level}>{render_inlines(block.inline, ctx)}</h{level}>"


def _list(block: Block, ctx: RenderContext) -> str:
    items = "".join(f"<li>{render_blocks(item, ctx)}</li>" for item in block.items)
    if not block.ordered:
        return f"<ul>{items}</ul>"
    start = f' start="{block.start}"' if block.start not in (None, 1) else ""
    return f"<ol{start}>{items}</ol>"


def _table(block: Block, ctx: RenderContext) -> str:
    def cell(tag: str, nodes: list, index: int) -> str:
        align = block.align[index].strip() if index < len(block.align) else ""
        css = f' class="tc-align-{align}"' if align in _ALIGN else ""
        return f"<{tag}{css}>{render_inlines(nodes, ctx)}</{tag}>"

    head = "".join(cell("th", nodes, i) for i, nodes in enumerate(block.header))
    rows = ("".join(cell("td", nodes, i) for i, nodes in enumerate(row)) for row in block.rows)
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    thead = f"<thead><tr>{head}</tr></thead>" if head else ""
    return f"<table>{thead}<tbody>{body}</tbody></table>"


def _code(block: Block, ctx: RenderContext) -> str:
    if not block.text and block.attrs.get("source"):
        return f'<p class="tc-missing">Code sample not included: {escape(str(block.attrs["source"]))}</p>'
    lang = f' class="language-{escape(block.lang)}"' if block.lang else ""
    return f"<pre><code{lang}>{escape(block.text, quote=False)}</code></pre>"


def _image(block: Block, ctx: RenderContext) -> str:
    return media.image_html(block.image, ctx) if block.image else ""


def _callout(block: Block, ctx: RenderContext) -> str:
    return render_callout(block.callout, ctx) if block.callout else ""


def _include(block: Block, ctx: RenderContext) -> str:
    include = block.include
    if include is None:
        return ""
    if include.resolved:
        return str(render_blocks(include.content, ctx))
    name = escape(include.name or include.path)
    return f'<p class="tc-missing">Shared content not available here: {name}</p>'


def _selector(block: Block, ctx: RenderContext) -> str:
    if block.selector is None:
        return ""
    items = []
    for option in block.selector.options:
        href = link_target(option.href, ctx)
        label = escape(option.label)
        items.append(f'<li><a href="{escape(href)}">{label}</a></li>' if href else f"<li>{label}</li>")
    label = "Other versions of this article"
    return f'<nav class="tc-selector" aria-label="{label}"><ul>{"".join(items)}</ul></nav>'


def _video(block: Block, ctx: RenderContext) -> str:
    reason = "the site loads nothing from other sites"
    return f'<p class="tc-missing">Video not embedded ({reason}): {escape(block.text)}</p>'


def _tabs(block: Block, ctx: RenderContext) -> str:
    """Material's content tabs markup (styled by the theme, works without JavaScript)."""
    group = f"__tabbed_tc{ctx.next_id()}"
    inputs, labels, panels = [], [], []
    for index, tab in enumerate(block.tabs, 1):
        checked = ' checked="checked"' if index == 1 else ""
        inputs.append(f'<input{checked} id="{group}_{index}" name="{group}" type="radio">')
        labels.append(f'<label for="{group}_{index}">{escape(tab.label)}</label>')
        panels.append(f'<div class="tabbed-block">{render_blocks(tab.blocks, ctx)}</div>')
    return (
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{ctx.next_id()}:{len(block.tabs)}">'
        f'{"".join(inputs)}<div class="tabbed-labels">{"".join(labels)}</div>'
        f'<div class="tabbed-content">{"".join(panels)}</div></div>'
    )


def _zone(block: Block, ctx: RenderContext) -> str:
    if block.attrs.get("end"):
        return ""
    pivot = block.attrs.get("pivot") or block.attrs.get("target") or ""
    return f'<p class="tc-zone">The following applies to: <strong>{escape(str(pivot))}</strong></p>'


BLOCKS: dict[str, BlockHandler] = {
    "paragraph": _paragraph,
    "heading": _heading,
    "list": _list,
    "table": _table,
    "code": _code,
    "html": lambda block, ctx: media.clean_tutorial_html(block.text, ctx),
    "image": _image,
    "callout": _callout,
    "include": _include,
    "selector": _selector,
    "video": _video,
    "tabs": _tabs,
    "zone": _zone,
    "quote": lambda block, ctx: f"<blockquote>{render_blocks(block.blocks, ctx)}</blockquote>",
    "div": lambda block, ctx: f'<div class="tc-div">{render_blocks(block.blocks, ctx)}</div>',
    "rule": lambda block, ctx: "<hr>",
}
