"""Tutorial pages from frames: the theme's page template rendered once per page shape, then filled.

mkdocs-material's ``main.html`` costs milliseconds per page (header, navigation, palette, search,
scripts), and on a tutorial page everything it draws is the same from page to page except a
few values: the title, the description, the social card, the page's folder name, the body and
its table of contents. So the template is rendered once per *shape* (same folder depth, same
metadata keys, with or without a table of contents) for a stand-in page whose values are
sentinels, the output is cut at the sentinels into a :class:`Frame`, and every tutorial page
of that shape is the frame with its own values put back. The table of contents is rendered
per page from the theme's own ``partials/toc.html``.

The result must be the bytes the template itself would give. Values that the theme's filters
could change (markup characters, see :func:`framable`) are never framed; and the first page of
every shape is rendered both ways and compared, so a theme that treats a value differently
(a new filter, a value used in a new place) falls back to the template for that shape instead
of publishing a wrong page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

SENTINEL = "tcframe7e1"
_SLOT = re.compile(SENTINEL + r"(title|description|social|content|toc|skip|name)")
TOC_PARTIAL = "partials/toc.html"
PAGE_TEMPLATE = "main.html"
# Two templates the build adds to the theme (see :func:`extend`): the framed page's own, which
# writes out the HTML made here, and the table of contents alone, with the language macros
# ``partials/toc.html`` expects from ``base.html``.
FRAMED_TEMPLATE = "tc-framed.html"
_TOC_ALONE = "tc-toc.html"
_ADDED = {
    FRAMED_TEMPLATE: "{{ page.content }}",
    _TOC_ALONE: '{% import "partials/language.html" as lang with context %}'
    + f'{{% include "{TOC_PARTIAL}" %}}',
}
# The page's own metadata that becomes a slot; every other key is part of the shape.
_FILLED = ("title", "description", "tc_social_image", "template")
_MARKUP = re.compile(r"[&<>\"']")
# The theme adds the title as a heading when the body has none: a stand-in body shows whether it
# has one with this probe, which is cut out of the frame.
_HEADING_PROBE = f"{SENTINEL}probe<h1{SENTINEL}probe"


@dataclass(frozen=True)
class Frame:
    """A rendered page cut at its slots: ``texts`` around ``slots`` (one more text than slots)."""

    texts: tuple[str, ...]
    slots: tuple[str, ...]

    @classmethod
    def cut(cls, html: str) -> Frame:
        pieces = _SLOT.split(html.replace(_HEADING_PROBE, ""))
        return cls(tuple(pieces[0::2]), tuple(pieces[1::2]))

    def fill(self, values: dict[str, str]) -> str:
        out = [self.texts[0]]
        for slot, text in zip(self.slots, self.texts[1:], strict=True):
            out.append(values[slot])
            out.append(text)
        return "".join(out)


def shape(page: Page) -> str:
    """What, besides the slots, the template's output depends on: folder, metadata, headings."""
    folder = page.url.rstrip("/").rpartition("/")[0]
    meta = {key: value for key, value in page.meta.items() if key not in _FILLED}
    present = sorted(key for key in _FILLED if key in page.meta)
    parts = [folder, present, meta, bool(page.toc.items), "<h1" in (page.content or "")]
    return json.dumps(parts, sort_keys=True, default=str)


def framable(page: Page) -> bool:
    """Whether every value is one the theme's filters (escape, striptags, urlencode) leave alone."""
    values = [page.title or "", page.meta.get("description", ""), page.meta.get("tc_social_image", "")]
    return not any(_MARKUP.search(str(value)) for value in values) and SENTINEL not in (page.content or "")


def extend(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment with the two templates framed pages need."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(_ADDED), env.loader])
    return env


class Frames:
    """The frames of one build, made on first use from the page being rendered."""

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        # The page template with the table of contents left as a slot (rendered per page).
        self.frame_env = env.overlay(
            loader=jinja2.ChoiceLoader([jinja2.DictLoader({TOC_PARTIAL: SENTINEL + "toc"}), env.loader])
        )
        self.frames: dict[str, Frame | None] = {}  # None: this shape is rendered by the template

    def render(self, context: dict[str, Any], page: Page, config: Any) -> str:
        """The page's HTML: its frame filled in when there is a trustworthy one, else the template."""
        if not framable(page):
            return self._template(context)
        key = shape(page)
        if key not in self.frames:
            frame = self._make(context, page, config)
            whole = self._template(context)
            self.frames[key] = frame if frame.fill(self._values(context, page)) == whole else None
            return whole
        frame = self.frames[key]
        if frame is None:
            return self._template(context)
        return frame.fill(self._values(context, page))

    def _template(self, context: dict[str, Any]) -> str:
        return self.env.get_template(PAGE_TEMPLATE).render(context)

    def _make(self, context: dict[str, Any], page: Page, config: Any) -> Frame:
        """Render the page template for a stand-in page of the same shape whose values are sentinels."""
        folder = page.file.src_uri.rpartition("/")[0]
        name = f"{folder}/{SENTINEL}name.md" if folder else f"{SENTINEL}name.md"
        file = File(name, page.file.src_dir, page.file.dest_dir, page.file.use_directory_urls)
        stand_in = Page(None, file, config)
        stand_in.markdown = ""
        stand_in.meta = {key: value for key, value in page.meta.items() if key != "template"}
        for key, slot in (("title", "title"), ("description", "description"), ("tc_social_image", "social")):
            if key in page.meta:
                stand_in.meta[key] = SENTINEL + slot
        stand_in.content = SENTINEL + "content" + (_HEADING_PROBE if "<h1" in (page.content or "") else "")
        stand_in.toc = TableOfContents([AnchorLink("", SENTINEL + "skip", 2)] if page.toc.items else [])
        stand_in.update_date = page.update_date
        html = self.frame_env.get_template(PAGE_TEMPLATE).render(dict(context, page=stand_in))
        return Frame.cut(html)

    def _values(self, context: dict[str, Any], page: Page) -> dict[str, str]:
        first = next(iter(page.toc.items), None)
        return {
            "title": page.title or "",
            "description": page.meta.get("description", ""),
            "social": page.meta.get("tc_social_image", ""),
            "content": page.content or "",
            "toc": self.env.get_template(_TOC_ALONE).render(context),
            "skip": first.id if first is not None else "",
            "name": page.url.rstrip("/").rpartition("/")[2],
        }
