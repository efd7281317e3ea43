"""HTML for the enrich stage's inline nodes, and the page data regions.js/values.js read.

Each node renders its original text (the source, exactly as written) inside a span that
the scripts enhance: without JavaScript, or before the admin picks a region or types a
value, the tutorial reads as its author wrote it. Variants and placeholders travel in
data attributes (escaped here) and reach the page only through ``textContent``.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from generator.enrich import load_data, page_data
from generator.model.nodes import Inline, Tutorial
from generator.render.context import RenderContext
from generator.render.inline import register_inline, render_inlines
from generator.render.page_data import register_page_data


def _attr(value: Any) -> str:
    return escape(value if isinstance(value, str) else json.dumps(value, ensure_ascii=False), quote=True)


def _original(node: Inline, ctx: RenderContext, block: str) -> str:
    return f'<span class="{block}__original">{render_inlines(node.children, ctx)}</span>'


def render_region(node: Inline, ctx: RenderContext) -> str:
    a = node.attrs
    own = f' data-tc-own="{_attr(a["region"])}"' if a.get("region") else ""
    return (
        f'<span class="tc-region tc-region--{_attr(a["mode"])}" data-tc-region="{_attr(a["family"])}"'
        f' data-tc-kind="{_attr(a["kind"])}" data-tc-mode="{_attr(a["mode"])}"{own}'
        f' data-tc-variants="{_attr(a["variants"])}">{_original(node, ctx, "tc-region")}</span>'
    )


def render_placeholder(node: Inline, ctx: RenderContext) -> str:
    return (
        f'<span class="tc-placeholder" data-tc-text="{_attr(node.text)}">'
        f"{_original(node, ctx, 'tc-placeholder')}</span>"
    )


def render_value(node: Inline, ctx: RenderContext) -> str:
    return f'<span class="tc-value" data-tc-value="{_attr(node.attrs["value"])}" hidden></span>'


def add_page_data(tutorial: Tutorial, data: dict[str, Any]) -> None:
    """Page-data hook: the regions, values, validators and placeholders the page uses (if any)."""
    data.update(page_data(tutorial, load_data(tutorial.source)))


register_inline("region", render_region)
register_inline("placeholder", render_placeholder)
register_inline("value", render_value)
register_page_data(add_page_data)
