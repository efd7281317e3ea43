"""Images in pages: the one seam between the renderer and ``generator.render.images``.

The image processor (one per build, on ``RenderContext.images``) writes the web version,
the original and placeholders into the site's image folder and reports sizes; this module only
turns its answer into markup. Without a processor (rendering a hand-made model in a test)
the image is shown from its source path.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from generator.model.nodes import Image
from generator.render.context import RenderContext
from generator.render.sanitize import clean_html, safe_href


def image_html(image: Image, ctx: RenderContext, inline: bool = False) -> str:
    """An ``<img>`` (inline) or a ``<figure>`` whose image opens the original full size."""
    if ctx.images is None or ctx.source_path is None:
        src = safe_href(image.src) or ""
        img = _img(src, image.alt, None, None, inline)
        return img if inline else _figure(img, image.title if image.title != image.alt else None, "")
    result = ctx.images.process(image, ctx.source_path)
    img = _img(ctx.site_link(result.web_src), result.alt, result.width, result.height, inline, result.detail)
    if inline:
        return img
    target = result.original_src and ctx.site_link(result.original_src)
    if result.placeholder:
        target = safe_href(result.remote_href)
    if target:
        label = f"{result.alt} (open {'full size' if result.original_src else 'the original'})"
        img = f'<a class="tc-lightbox" href="{escape(target)}" aria-label="{escape(label)}">{img}</a>'
    caption = result.caption if result.caption and result.caption != image.alt else None
    return _figure(img, caption, " tc-figure--placeholder" if result.placeholder else "")


def clean_tutorial_html(html: str, ctx: RenderContext) -> str:
    """Sanitised raw HTML whose ``<img>`` show processed screenshots (or placeholders, never a 404)."""
    processed = ctx.images is not None and ctx.source_path is not None
    return clean_html(html, _raw_image_src(ctx) if processed else None)


def _raw_image_src(ctx: RenderContext) -> Callable[[str], str | None]:
    def src(value: str) -> str:
        result = ctx.images.process(Image(src=value, alt=""), ctx.source_path)
        return ctx.site_link(result.web_src)

    return src


def _img(
    src: str, alt: str, width: int | None, height: int | None, inline: bool, detail: str | None = None
) -> str:
    """``detail`` (why a placeholder stands here, e.g. the missing file) shows as the tooltip."""
    size = f' width="{width}" height="{height}"' if width and height else ""
    tooltip = f' title="{escape(detail)}"' if detail else ""
    css = "tc-inline-img" if inline else "tc-img"
    return f'<img class="{css}" src="{escape(src)}" alt="{escape(alt)}"{size}{tooltip} loading="lazy">'


def _figure(img: str, caption: str | None, extra_class: str) -> str:
    figcaption = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    return f'<figure class="tc-figure{extra_class}">{img}{figcaption}</figure>'
