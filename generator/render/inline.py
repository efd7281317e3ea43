"""Inline nodes -> HTML, one small handler per ``Inline.type``.

Handlers live in :data:`HANDLERS`; other modules add their own with
:func:`register_inline` (``generator/render/enriched.py`` registers ``region``,
``value`` and ``placeholder``). A handler returns safe HTML: every piece of tutorial
text goes through :func:`html.escape`, raw HTML through :mod:`generator.render.sanitize`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from generator.model.inline import images
from generator.model.nodes import Inline
from generator.render import media
from generator.render.context import RenderContext
from generator.render.sanitize import safe_href

Handler = Callable[[Inline, RenderContext], str]
HANDLERS: dict[str, Handler] = {}

_SLOT = "\ue000{}\ue001"
_SLOTS = re.compile("\ue000(\\d+)\ue001")


def register_inline(kind: str, handler: Handler) -> None:
    """Render inline nodes of type ``kind`` with ``handler`` (replaces an earlier one)."""
    HANDLERS[kind] = handler


def render_inlines(nodes: list[Inline], ctx: RenderContext) -> Markup:
    """HTML for a run of inline nodes.

    Raw HTML arrives in pieces (``<sup>``, text, ``</sup>`` are separate nodes), so when a
    run contains any, the other nodes are rendered into numbered slots, the whole run is
    sanitised once (nh3 balances and filters the tags) and the slots are filled back in.
    Text that ends up inside a removed element (``<script>...</script>``) disappears with it.
    """
    return Markup(_html(nodes, ctx))


def _html(nodes: list[Inline], ctx: RenderContext) -> str:
    """:func:`render_inlines` as a plain string, for the handlers' own nested runs."""
    for node in nodes:
        if node.type == "html":
            return _sanitised(nodes, ctx)
    return "".join([render_inline(node, ctx) for node in nodes])


def _sanitised(nodes: list[Inline], ctx: RenderContext) -> str:
    rendered: list[str] = []
    parts: list[str] = []
    for node in nodes:
        if node.type == "html":
            parts.append(node.text)
        else:
            parts.append(_SLOT.format(len(rendered)))
            rendered.append(render_inline(node, ctx))
    cleaned = media.clean_tutorial_html("".join(parts), ctx)
    return _SLOTS.sub(lambda m: rendered[int(m.group(1))], cleaned)


def render_inline(node: Inline, ctx: RenderContext) -> str:
    handler = HANDLERS.get(node.type)
    if handler is None:  # an unknown node type still shows its text
        return escape(node.text) + _html(node.children, ctx)
    return handler(node, ctx)


def _children(node: Inline, ctx: RenderContext) -> str:
    return _html(node.children, ctx)


def _text(node: Inline, ctx: RenderContext) -> str:
    return escape(node.text.replace("\ue000", "").replace("\ue001", ""), quote=False)


def _wrap(tag: str, css: str = "") -> Handler:
    attrs = f' class="{css}"' if css else ""
    return lambda node, ctx: f"<{tag}{attrs}>{_children(node, ctx)}</{tag}>"


def _code(node: Inline, ctx: RenderContext) -> str:
    return f"<code>{escape(node.text, quote=False)}</code>"


def _link(node: Inline, ctx: RenderContext) -> str:
    href = link_target(node.href, ctx)
    if href is None:
        return _children(node, ctx)
    title = f' title="{escape(node.title)}"' if node.title else ""
    return f'<a href="{escape(href)}"{title}>{_children(node, ctx)}</a>'


def link_target(href: str | None, ctx: RenderContext) -> str | None:
    """Where a Markdown link should point in the site, or ``None`` to keep only its text.

    Unsafe schemes are dropped; a relative link to another tutorial of the site becomes a
    link to its page; any other relative file link would be broken in the site, so it is
    dropped too. Absolute web links, ``mailto:`` and in-page fragments stay.
    """
    href = safe_href(href)
    if not href:
        return None
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path:
        return href
    if ctx.source_path is None:
        return None
    target = (ctx.source_path.parent / unquote(parts.path)).resolve()
    url = ctx.links.get(target) or ctx.links.get(target.with_suffix(".md"))
    if url is None:
        return None
    return ctx.site_link(url) + (f"#{parts.fragment}" if parts.fragment else "")


def _uipath(node: Inline, ctx: RenderContext) -> str:
    separator = '<span class="tc-uipath__sep"> &gt; </span>'
    crumbs = separator.join(render_inline(child, ctx) for child in node.children)
    return f'<span class="tc-uipath">{crumbs}</span>'


def _url(node: Inline, ctx: RenderContext) -> str:
    return f'<span class="tc-url">{escape(node.text or node.href or "", quote=False)}</span>'


def _image(node: Inline, ctx: RenderContext) -> str:
    """Via the model's own conversion, so the image processor sees the same question as in ``check``."""
    return media.image_html(images([node])[0], ctx, inline=True)


HANDLERS.update(
    {
        "text": _text,
        "strong": _wrap("span", "tc-ui"),
        "em": _wrap("em"),
        "s": _wrap("s"),
        "code": _code,
        "link": _link,
        "image": _image,
        "softbreak": lambda node, ctx: "\n",
        "hardbreak": lambda node, ctx: "<br>",
        "html": lambda node, ctx: media.clean_tutorial_html(node.text, ctx),
        "uipath": _uipath,
        "url": _url,
    }
)
