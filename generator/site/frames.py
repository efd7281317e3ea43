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
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator.site.cut import SENTINEL, Frame
from generator.site.toc import TOC_ALONE, TOC_ALONE_SOURCE, TOC_PARTIAL, TocFrame

if TYPE_CHECKING:  # mkdocs' page classes cost a patched rebuild, which runs no mkdocs, ~50 ms to import
    from mkdocs.structure.pages import Page

_SLOT = re.compile(SENTINEL + r"(title|description|social|content|toc|skip|name)")
PAGE_TEMPLATE = "main.html"
# Two templates the build adds to the theme (see :func:`extend`): the framed page's own, which
# writes out the HTML made here, and the table of contents alone (generator.site.toc).
FRAMED_TEMPLATE = "tc-framed.html"
_ADDED = {FRAMED_TEMPLATE: "{{ page.content }}", TOC_ALONE: TOC_ALONE_SOURCE}
# The page's own metadata that becomes a slot; every other key is part of the shape.
_FILLED = ("title", "description", "tc_social_image", "template")
_MARKUP = re.compile(r"[&<>\"']")
# The theme adds the title as a heading when the body has none: a stand-in body shows whether it
# has one with this probe, which is cut out of the frame.
_HEADING_PROBE = f"{SENTINEL}probe<h1{SENTINEL}probe"


def cut_page(html: str) -> Frame:
    return Frame.cut(html.replace(_HEADING_PROBE, ""), _SLOT)


def shape_of(url: str, meta: dict[str, Any], toc: bool, content: str) -> str:
    """What, besides the slots, the template's output depends on: folder, metadata, headings."""
    folder = url.rstrip("/").rpartition("/")[0]
    kept = {key: value for key, value in meta.items() if key not in _FILLED}
    present = sorted(key for key in _FILLED if key in meta)
    return json.dumps([folder, present, kept, toc, "<h1" in content], sort_keys=True, default=str)


def shape(page: Page) -> str:
    return shape_of(page.url, page.meta, bool(page.toc.items), page.content or "")


def framable_values(title: str, description: str, social: str, content: str) -> bool:
    """Whether every value is one the theme's filters (escape, striptags, urlencode) leave alone."""
    values = (title, description, social)
    return not any(_MARKUP.search(str(value)) for value in values) and SENTINEL not in content


def framable(page: Page) -> bool:
    return framable_values(
        page.title or "",
        page.meta.get("description", ""),
        page.meta.get("tc_social_image", ""),
        page.content or "",
    )


def page_values(
    title: str, meta: dict[str, Any], content: str, url: str, toc: str, first: str
) -> dict[str, str]:
    """A framed page's slot values (``toc``: its table of contents rendered, ``first``: its first anchor)."""
    return {
        "title": title,
        "description": meta.get("description", ""),
        "social": meta.get("tc_social_image", ""),
        "content": content,
        "toc": toc,
        "skip": first,
        "name": url.rstrip("/").rpartition("/")[2],
    }


def extend(env: jinja2.Environment) -> jinja2.Environment:
    """The theme's environment with the two templates framed pages need."""
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader(_ADDED), env.loader])
    return env


class Frames:
    """The frames of one build, made on first use from the page being rendered.

    The build keeps the trustworthy ones with the table of contents' frame (:meth:`kept`), so
    the next build can patch pages into the site without the theme (:mod:`generator.site.patch`).
    """

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        # The page template with the table of contents left as a slot (rendered per page).
        self.frame_env = env.overlay(
            loader=jinja2.ChoiceLoader([jinja2.DictLoader({TOC_PARTIAL: SENTINEL + "toc"}), env.loader])
        )
        self.frames: dict[str, Frame | None] = {}  # None: this shape is rendered by the template
        self.toc: TocFrame | None = None
        self._toc_derived = False

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

    def kept(self) -> tuple[dict[str, Frame], TocFrame | None]:
        """The frames that gave back the template's output, and the table of contents' frame if it
        agreed with every table of contents rendered in this build."""
        return {key: frame for key, frame in self.frames.items() if frame is not None}, self.toc

    def _template(self, context: dict[str, Any]) -> str:
        return self.env.get_template(PAGE_TEMPLATE).render(context)

    def _make(self, context: dict[str, Any], page: Page, config: Any) -> Frame:
        """Render the page template for a stand-in page of the same shape whose values are sentinels."""
        from mkdocs.structure.files import File  # here, not above: see TYPE_CHECKING
        from mkdocs.structure.pages import Page

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
        return cut_page(html)

    def _values(self, context: dict[str, Any], page: Page) -> dict[str, str]:
        first = next(iter(page.toc.items), None)
        toc = self.env.get_template(TOC_ALONE).render(context)
        self._check_toc(context, page.toc, toc)
        skip = first.id if first else ""
        return page_values(page.title or "", page.meta, page.content or "", page.url, toc, skip)

    def _check_toc(self, context: dict[str, Any], toc: TableOfContents, rendered: str) -> None:
        if not self._toc_derived:
            self._toc_derived = True
            self.toc = TocFrame.derive(self.env, context)
        if self.toc is not None and self.toc.render(toc) != rendered:
            self.toc = None


_built: list[Frames] = []  # the current build's (the hooks module is loaded by mkdocs, not imported)


def start_build(env: jinja2.Environment) -> Frames:
    _built[:] = [Frames(extend(env))]
    return _built[0]


def last_build() -> Frames | None:
    """The frames of the last mkdocs build in this process (``None``: it framed nothing)."""
    return _built[0] if _built else None
