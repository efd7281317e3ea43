"""One tutorial -> its page source and its line in the catalogue."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from generator.model.nodes import Tutorial
from generator.render.context import RenderContext
from generator.render.environment import environment
from generator.render.facts import Facts, facts
from generator.render.outline import step_places
from generator.render.page_data import page_data
from generator.render.pages import CERTIFICATE_HELPER, PageSource, tutorial_path, url_of
from generator.render.search import search_entries, toc_tokens


@dataclass(frozen=True)
class Helper:
    """A helper page a step can link to (``Step.helpers`` names it)."""

    url: str
    label: str


HELPERS = {
    "certificate": Helper(f"{CERTIFICATE_HELPER}/", "Format the certificate in the certificate helper"),
}


@dataclass(frozen=True)
class TutorialPage:
    """What the tutorial template needs besides the model."""

    key: str
    facts: Facts
    total: int
    section_totals: dict[str, int]
    data: dict[str, Any]
    helpers: dict[str, Helper]


@dataclass(frozen=True)
class CatalogueEntry:
    key: str
    title: str
    url: str
    app: str
    service: str
    service_name: str
    steps: int
    updated: date | None


def render_tutorial(
    tutorial: Tutorial, key: str, ctx: RenderContext, helpers: dict[str, Helper] | None = None
) -> tuple[PageSource, CatalogueEntry]:
    """Render ``tutorial`` as the page ``tutorials/<key>/``.

    ``key`` is also the progress key in the reader's browser, so it must stay stable
    across regenerations (the build uses the source path). ``helpers`` are the helper
    pages that exist in this site (default: none).
    """
    env = environment()  # first: it loads the render extensions, whose page-data hooks run below
    path = tutorial_path(key)
    ctx.page_url = url_of(path)
    places = list(step_places(tutorial))
    info = facts(tutorial)
    page = TutorialPage(
        key=key,
        facts=info,
        total=len(places),
        section_totals=dict(Counter(place.section for place in places)),
        data=page_data(tutorial, key, places) | ctx.page_data,
        helpers=helpers or {},
    )
    body = env.get_template("tutorial.html.j2").render(tutorial=tutorial, ctx=ctx, page=page)
    meta: dict[str, Any] = {"search": {"exclude": True}}  # indexed from the model instead, see search.py
    if tutorial.description:
        meta["description"] = tutorial.description
    if ctx.images is not None:
        meta["tc_social_image"] = ctx.images.social_card(tutorial.title, info.app)
    entry = CatalogueEntry(
        key, tutorial.title, ctx.page_url, info.app, info.service, info.service_name, page.total, info.updated
    )
    site_meta = {"toc": toc_tokens(tutorial), "search": search_entries(tutorial, ctx.page_url, places)}
    return PageSource(path, tutorial.title, body, "tutorial", meta, site_meta), entry
