"""Each tutorial's page for a build: from the cache when nothing it is made from changed, else read,
enriched and rendered (and cached).

A page carries its last update in its page data (``updates``, see
:mod:`generator.site.manifest`), so a cached page is used only if it was rendered with the
update this build gives the tutorial; that is the previous build's when the steps are the
same, so an unchanged tutorial stays a cache hit build after build.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2

from generator.diagnostics import Diagnostic, GeneratorError
from generator.enrich import EnrichData, enrich, load_data
from generator.enrich.apply import data_dir_for
from generator.enrich.sidecar import sidecar_path
from generator.enrich.store import CatalogueStore
from generator.model.nodes import Image, Tutorial
from generator.pipeline import Loaded, load_bytes
from generator.render.context import RenderContext
from generator.render.environment import TEMPLATES
from generator.render.images import ImageProcessor, iter_images
from generator.render.tutorial import HELPERS, Helper, render_tutorial
from generator.site.cache import PageCache, RenderedTutorial, build_digest, digest, tree_digest
from generator.site.manifest import Manifest, carried, new_update, step_records

CERTIFICATE_TEMPLATE = "certificate-helper.md.j2"


@dataclass
class Planned:
    """One tutorial after the cache was asked: ``rendered`` on a hit, ``None`` on a miss."""

    path: Path
    key: str
    data: bytes
    cache_key: str
    context: str  # TutorialPages.context
    rendered: RenderedTutorial | None = None


class TutorialPages:
    """Pages of the tutorials under ``source`` for one build (``keys``: every tutorial's page name)."""

    def __init__(self, source: Path, keys: list[str], cache: PageCache, previous: Manifest) -> None:
        self.source = source
        self.cache = cache
        self.previous = previous
        self.shared = build_digest(TEMPLATES, keys)
        self.catalogues: dict[Path, str] = {}
        self.data_dirs: dict[Path, Path] = {}  # a tutorial's resolved folder -> its _data folder
        self.contexts: dict[Path, str] = {}  # a tutorial's resolved folder -> context()
        self.updated: dict[str, dict[str, Any]] = {}  # tutorials given a new update by this build

    def plan(self, path: Path, real: Path, key: str) -> Planned:
        """Read the tutorial's bytes and look for its page in the cache (``real``: its resolved path)."""
        return self.look_up(self.read(path, real, key))

    def read(self, path: Path, real: Path, key: str) -> Planned:
        """The tutorial's bytes and the key its page has in the cache (which is not asked yet)."""
        self.cache.stats.tutorials += 1
        data = _read(path)
        return Planned(path, key, data, self._cache_key(path, real, key, data), self.context(real))

    def look_up(self, planned: Planned) -> Planned:
        """``planned`` with its page from the cache when the cache has it, for this build's update."""
        key = planned.key
        hit = self.cache.get(planned.cache_key)
        if hit is not None and carried(self.previous, key, hit.steps) == hit.update:
            self.cache.stats.hits += 1
            planned.rendered = hit
            return planned
        self.cache.stats.misses += 1
        self.cache.stats.rendered.append(key)
        return planned

    @staticmethod
    def place_images(hit: RenderedTutorial, path: Path, images: ImageProcessor) -> None:
        """Put a cached page's screenshots and social card into this build's site."""
        for image in hit.images:
            images.submit(image, path)
        if "tc_social_image" in hit.page.meta:
            images.social_card(hit.entry.title, hit.entry.app)

    def render(
        self, planned: Planned, ctx: RenderContext, helpers: dict[str, Helper], catalogues: CatalogueStore
    ) -> RenderedTutorial:
        """The page of a tutorial the cache did not have: read, enriched, rendered, and cached.

        Runs in a worker process too (:mod:`generator.site.workers`): what it changes besides
        the cache on disk (``updated``, the cache statistics) is handed back from there.
        """
        loaded = _load(planned.path, planned.data, self.source)
        if ctx.images is not None:
            ctx.images.prefetch(loaded.tutorial, planned.path)
        data = load_data(planned.path, catalogues=catalogues)
        tutorial, problems = enrich(loaded.tutorial, data, copy=False)  # the build owns this model
        _refuse_broken_sidecar(problems)
        steps = step_records(tutorial)
        update = self._update(planned, tutorial, data, steps)
        ctx.page_data = {"updates": update} if update else {}
        try:
            page, entry = render_tutorial(tutorial, planned.key, ctx, helpers)
        except (GeneratorError, jinja2.TemplateSyntaxError):  # the template's own file and line, see build.py
            raise
        except Exception as exc:  # a renderer bug still names the tutorial that triggered it
            raise GeneratorError(str(planned.path), 1, f"cannot render this tutorial: {exc!r}") from exc
        if entry.updated is not None:  # the sitemap's date for this page (see hooks.py)
            page = replace(page, site_meta={**page.site_meta, "updated": entry.updated.isoformat()})
        images = list(iter_images(tutorial))
        media = _media(ctx, images, planned.path, page.meta.get("tc_social_image"))
        rendered = RenderedTutorial(
            page=page,
            entry=entry,
            steps=steps,
            update=update,
            diagnostics=[*loaded.diagnostics.items, *problems],
            images=images,
            source=self.cache.keep_source(planned.data),
            deps=self.cache.dependencies(tutorial, images, planned.path, self.source),
            media=media,
        )
        return self.cache.put(planned.cache_key, rendered)

    def context(self, real: Path) -> str:
        """What a tutorial's page is made from besides its own files: what every page is made
        from, and the catalogue it is enriched with (``real``: its resolved path)."""
        context = self.contexts.get(real.parent)
        if context is None:
            folder = self._data_dir(real)
            context = self.contexts[real.parent] = digest(self.shared, str(folder), self._catalogue(folder))
        return context

    def _cache_key(self, path: Path, real: Path, key: str, data: bytes) -> str:
        folder = self._data_dir(real)
        sidecar = sidecar_path(path)
        return digest(self.shared, key, str(real), data, self._catalogue(folder), _bytes(sidecar))

    def _data_dir(self, real: Path) -> Path:
        """The nearest _data folder above: the same for a whole folder of tutorials."""
        folder = self.data_dirs.get(real.parent)
        if folder is None:
            folder = self.data_dirs[real.parent] = data_dir_for(real)
        return folder

    def _catalogue(self, folder: Path) -> str:
        if folder not in self.catalogues:
            self.catalogues[folder] = tree_digest(folder, (".yml", ".yaml")) if folder.is_dir() else ""
        return self.catalogues[folder]

    def _update(
        self, planned: Planned, tutorial: Tutorial, data: EnrichData, steps: list[dict[str, Any]]
    ) -> dict[str, Any]:
        """The previous build's update if the steps are the same, else a new one (kept in ``updated``).

        The previous version is enriched like this one, so the two differ only where the sources do.
        """
        update = carried(self.previous, planned.key, steps)
        if update is not None:
            return update
        before = self.previous.tutorials[planned.key]
        old_bytes = self.cache.source(before["source"])
        old = None
        if old_bytes is not None:
            self.cache.stats.previous_versions_read += 1
            old = enrich(_load(planned.path, old_bytes, self.source).tutorial, data, copy=False)[0]
        update = new_update(before, old, tutorial, steps)
        self.updated[planned.key] = update
        return update


def _media(ctx: RenderContext, images: list[Image], path: Path, social: str | None) -> list[str]:
    """The files the page uses in the site folder (its images are done: the page shows them)."""
    found = {social} if social else set()
    if ctx.images is not None:
        for image in images:
            done = ctx.images.process(image, path)
            found.update(src for src in (done.web_src, done.original_src) if src)
    return sorted(found)


def site_helpers() -> dict[str, Helper]:
    """Helper pages this site has (tutorials link to them): the certificate helper once its page
    template exists."""
    return {"certificate": HELPERS["certificate"]} if (TEMPLATES / CERTIFICATE_TEMPLATE).is_file() else {}


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise GeneratorError(str(path), 1, f"cannot read this tutorial: {exc}") from exc


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _load(path: Path, data: bytes, source: Path) -> Loaded:
    try:
        return load_bytes(data, path, root=source)
    except GeneratorError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:
        raise GeneratorError(str(path), 1, f"cannot read this tutorial: {exc}") from exc


def _refuse_broken_sidecar(problems: list[Diagnostic]) -> None:
    """A sidecar the docs team wrote wrong stops the build at its file and line (a stale rule does not)."""
    for problem in problems:
        if problem.code == "sidecar-invalid":
            raise GeneratorError(problem.file, problem.line, problem.message)


def template_error(exc: jinja2.TemplateError) -> GeneratorError:
    """A broken page or theme template, named by its file and line (from the traceback if need be)."""
    file, line = getattr(exc, "filename", None), getattr(exc, "lineno", None)
    if not file:
        frames = [(f.f_code.co_filename, n) for f, n in traceback.walk_tb(exc.__traceback__)]
        file, line = next(
            ((name, n) for name, n in reversed(frames) if name.endswith((".j2", ".html"))), (None, 1)
        )
    return GeneratorError(file or str(TEMPLATES), line or 1, f"template error: {exc.message or exc!r}")
