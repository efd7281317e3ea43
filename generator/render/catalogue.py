"""The home page (every tutorial, filterable) and one page per service group.

Only the home page and the group pages go into the navigation: listing every tutorial
in the navigation of every page makes mkdocs-material's build grow with the square of
the number of tutorials.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.render.context import RenderContext
from generator.render.environment import environment
from generator.render.pages import PageSource, group_path, url_of
from generator.render.tutorial import CatalogueEntry


@dataclass(frozen=True)
class Group:
    slug: str
    name: str
    entries: list[CatalogueEntry]

    @property
    def path(self) -> str:
        return group_path(self.slug)


def groups(entries: list[CatalogueEntry]) -> list[Group]:
    """Tutorials grouped by service, groups and tutorials sorted by name."""
    by_service: dict[str, list[CatalogueEntry]] = defaultdict(list)
    for entry in entries:
        by_service[entry.service].append(entry)
    found = [Group(slug, items[0].service_name, _sorted(items)) for slug, items in by_service.items()]
    return sorted(found, key=lambda group: group.name.lower())


def render_home(entries: list[CatalogueEntry]) -> PageSource:
    ctx = RenderContext(page_url="")
    body = _render("Tutorials", _sorted(entries), ctx, intro=True)
    return PageSource("index.md", "Tutorials", body, "catalogue", {"search": {"exclude": True}})


def render_group(group: Group) -> PageSource:
    ctx = RenderContext(page_url=url_of(group.path))
    body = _render(group.name, group.entries, ctx, intro=False)
    return PageSource(group.path, group.name, body, "catalogue", {"search": {"exclude": True}})


def _render(heading: str, entries: list[CatalogueEntry], ctx: RenderContext, intro: bool) -> str:
    template = environment().get_template("catalogue.html.j2")
    return template.render(heading=heading, entries=entries, ctx=ctx, intro=intro)


def _sorted(entries: list[CatalogueEntry]) -> list[CatalogueEntry]:
    return sorted(entries, key=lambda entry: (entry.title.lower(), entry.key))
