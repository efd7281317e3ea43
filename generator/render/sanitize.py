"""Raw HTML and link targets from tutorials, made safe for the page.

Tutorials are third-party text: any HTML they carry goes through nh3 (a maintained
html5ever-based sanitiser) with an allow-list of the markup tutorials really use, and
every link target is checked before it becomes an ``href`` or ``src``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "caption", "code", "col", "colgroup", "dd", "del", "div", "dl", "dt",
    "em", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "ol": {"start", "type"},
    "col": {"span"},
    "colgroup": {"span"},
}
URL_SCHEMES = {"http", "https", "mailto"}
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\salt=)")


def clean_html(html: str, image_src: Callable[[str], str | None] | None = None) -> str:
    """Tutorial HTML with scripts, event handlers, iframes and unsafe URLs removed.

    ``image_src`` maps an ``<img src>`` to the URL the page should use (the processed
    screenshot or its placeholder); without it only same-site image paths are kept. An
    image without alt text gets an empty one (nh3's output quotes every attribute). nh3 is
    imported on first use: most pages have no raw HTML.
    """
    import nh3

    def attribute(tag: str, name: str, value: str) -> str | None:
        if tag != "img" or name != "src":
            return value
        if image_src is not None:
            return image_src(value)
        return None if value.startswith("//") or _SCHEME.match(value.lower()) else value

    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=attribute,
    )
    return _IMG_WITHOUT_ALT.sub('<img alt=""', cleaned)


def safe_href(href: str | None) -> str | None:
    """``href`` if it is http(s), mailto, relative or a fragment; ``None`` for ``javascript:``, ``data:``...

    Browsers ignore tabs, newlines and control characters inside a scheme, so those are
    removed before the scheme is judged.
    """
    if href is None:
        return None
    href = href.strip()
    match = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", href).lower())
    if match is None:
        return href
    return href if match.group(1) in URL_SCHEMES else None
