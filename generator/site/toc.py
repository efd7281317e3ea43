"""A page's table of contents without the theme's template, for pages patched into the site.

A framed page's table of contents is the one slot of its frame the theme renders per page
(``partials/toc.html``, one ``partials/toc-item.html`` per heading). A rebuild that patches the
previous site (:mod:`generator.site.patch`) runs no mkdocs and has no theme, so the build that
made the site also cuts those two templates at sentinels into a :class:`TocFrame`:

- the list: what comes before the first item, between two items and after the last, and the
  whole output for a page without headings;
- an item without children: before its link, between link and title, after the title;
- an item with children: the same, then its label (the title without tags), before the first
  child, between children and after the last.

Jinja's ``include`` does not indent, so items nest by plain concatenation. What is cut is
checked against the template at once (:meth:`TocFrame.derive`) and against every table of
contents the template renders in that build (:class:`generator.site.frames.Frames`): a theme
whose table of contents does not compose this way is never patched, only built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup, escape
from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator.site.cut import SENTINEL, Frame

TOC_PARTIAL = "partials/toc.html"
ITEM_PARTIAL = "partials/toc-item.html"
# The table of contents alone, with the language macros ``partials/toc.html`` expects from
# ``base.html`` (added to the theme's environment by generator.site.frames).
TOC_ALONE = "tc-toc.html"
TOC_ALONE_SOURCE = (
    '{% import "partials/language.html" as lang with context %}' + f'{{% include "{TOC_PARTIAL}" %}}'
)
_ITEM = SENTINEL + "item"
_ITEM_ALONE = "tc-toc-item.html"  # the real item template under a name its own includes do not reach
_SLOTS = re.compile(SENTINEL + r"(url|title|item)")
# Titles are HTML: the check uses one with markup and an entity, which the label strips.
_CHECK_TITLE = "Sign <code>in</code> &amp; out"


@dataclass(frozen=True)
class TocFrame:
    """Each list form twice: as it is, and under the page's title (a first heading of level 1,
    whose children the theme lists instead)."""

    empty: tuple[str, str]  # no items; no items under the title
    outer: tuple[tuple[str, ...], tuple[str, ...]]  # before the first item, between items, after the last
    leaf: tuple[str, ...]  # before the link, link..title, after the title
    parent: tuple[str, ...]  # before the link, link..title, title..label, label..child, between, after

    def render(self, toc: TableOfContents | list[AnchorLink]) -> str:
        """What ``partials/toc.html`` gives for a page with this table of contents."""
        items = list(toc)
        titled = bool(items) and items[0].level == 1
        if titled:
            items = items[0].children
        if not items:
            return self.empty[titled]
        before, between, after = self.outer[titled]
        return before + between.join(self._item(item) for item in items) + after

    def _item(self, item: AnchorLink) -> str:
        if not item.children:
            before, middle, after = self.leaf
            return before + item.url + middle + item.title + after
        before, middle, titled, labelled, between, after = self.parent
        children = between.join(self._item(child) for child in item.children)
        label = str(escape(Markup(item.title).striptags()))
        return before + item.url + middle + item.title + titled + label + labelled + children + after

    def to_json(self) -> dict[str, Any]:
        return {"empty": self.empty, "outer": self.outer, "leaf": self.leaf, "parent": self.parent}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TocFrame:
        empty, outer = data["empty"], data["outer"]
        return cls(
            (empty[0], empty[1]),
            (tuple(outer[0]), tuple(outer[1])),
            tuple(data["leaf"]),
            tuple(data["parent"]),
        )

    @classmethod
    def derive(cls, env: jinja2.Environment, context: dict[str, Any]) -> TocFrame | None:
        """Cut the theme's table of contents templates (``context``: a page's, for the language);
        ``None`` when the cuts do not give back what the templates render."""
        try:
            source = env.loader.get_source(env, ITEM_PARTIAL)[0]  # type: ignore[union-attr]
        except jinja2.TemplateNotFound:
            return None
        marked = env.overlay(
            loader=jinja2.ChoiceLoader(
                [jinja2.DictLoader({ITEM_PARTIAL: _ITEM, _ITEM_ALONE: source}), env.loader]  # type: ignore[list-item]
            )
        )

        def cut(template: str, **values: Any) -> Frame:
            return Frame.cut(marked.get_template(template).render(dict(context, **values)), _SLOTS)

        one, two = _StandIn(), _StandIn()
        outer = cut(TOC_ALONE, page=_Page([one, two]))
        titled = cut(TOC_ALONE, page=_Page([_StandIn([one, two], level=1)]))
        leaf = cut(_ITEM_ALONE, toc_item=one)
        branch = cut(_ITEM_ALONE, toc_item=_StandIn([one, two]))
        if (
            outer.slots != ("item", "item")
            or titled.slots != ("item", "item")
            or leaf.slots != ("url", "title")
            or branch.slots != ("url", "title", "title", "item", "item")
        ):
            return None
        real = env.get_template(TOC_ALONE)
        empty = tuple(real.render(dict(context, page=_Page(toc))) for toc in ([], [_StandIn(level=1)]))
        frame = cls((empty[0], empty[1]), (outer.texts, titled.texts), leaf.texts, branch.texts)
        return frame if all(frame.agrees(real, context, toc) for toc in _checks()) else None

    def agrees(self, template: jinja2.Template, context: dict[str, Any], toc: TableOfContents) -> bool:
        return self.render(toc) == template.render(dict(context, page=_Page(list(toc))))


@dataclass
class _Page:
    """All of a page ``partials/toc.html`` reads."""

    toc: list[Any]


@dataclass
class _StandIn:
    """A table of contents item whose link and title are sentinels."""

    children: list[_StandIn] = field(default_factory=list)
    url: str = SENTINEL + "url"
    title: str = SENTINEL + "title"
    level: int = 2


def _link(anchor: str, title: str, level: int = 2, children: Iterable[AnchorLink] = ()) -> AnchorLink:
    link = AnchorLink(title, anchor, level)
    link.children = list(children)
    return link


def _checks() -> list[TableOfContents]:
    """Tables of contents of every form: none, flat, nested two deep, under a page title."""
    deeper = _link("d", "D", 3, [_link("e", "E", 4)])
    branch = _link("b", "B", 2, [_link("c", _CHECK_TITLE, 3), deeper])
    flat = [_link("a", _CHECK_TITLE), branch, _link("f", "F")]
    titled = [_link("t", "Title", 1, flat)]
    alone = [_link("u", "Title", 1)]
    return [TableOfContents(toc) for toc in ([], flat, titled, alone, [_link("g", "G", 3)])]
