"""``build``: every tutorial under a source folder -> page sources -> mkdocs -> the site,
atomically.

Page sources go into a fresh temporary docs folder in the build cache's folder (never the
repository; cached pages are hard-linked there); mkdocs builds into a staging folder beside the
target, which replaces the old site only when the whole build succeeded (see
:mod:`generator.site.swap`). Screenshots, placeholders and social cards are written into a media
folder beside it and moved into the staged site after mkdocs, so mkdocs never copies them; when
the build renders in several processes, the placeholders and cards the image cache lacks are
drawn while mkdocs runs (:mod:`generator.site.drawings`). Tutorial pages are filled into frames
of the theme's page template (:mod:`generator.site.frames`). Unchanged tutorials come from the
build cache (:mod:`generator.site.cache`); the site's ``manifest.json`` records every tutorial's
steps and its last update (:mod:`generator.site.manifest`); dates come from the sources
(:mod:`generator.site.dates`), so the same input gives the same bytes.
"""

from __future__ import annotations

import gc
import io
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from generator.diagnostics import GeneratorError
from generator.files import place_file
from generator.render.catalogue import groups, render_group, render_home
from generator.render.environment import environment, keep_compiled
from generator.render.images import ImageProcessor, Used
from generator.render.pages import CERTIFICATE_HELPER, PageSource
from generator.render.tutorial import CatalogueEntry
from generator.site.cache import PageCache
from generator.site.dates import build_date, site_epoch
from generator.site.drawings import PendingDrawings, deferring
from generator.site.frames import last_build
from generator.site.manifest import Manifest, Span
from generator.site.mkdocs_run import run_mkdocs
from generator.site.options import CONFIG_FILE, BuildOptions, BuildReport, default_cache_dir
from generator.site.patch import patch_site
from generator.site.prune import prune_cache
from generator.site.sources import Sources, find_tutorials, tutorial_key
from generator.site.stamps import Stamps
from generator.site.state import PageState, SiteState, forget, site_inputs
from generator.site.swap import discard, move_into, staging_dir, swap_in
from generator.site.tutorials import CERTIFICATE_TEMPLATE, TutorialPages, site_helpers, template_error
from generator.site.workers import Job, pool, render_all
from generator.sync.progress import Bar, Lines, display

if TYPE_CHECKING:
    from mkdocs.plugins import BasePlugin

__all__ = ["CONFIG_FILE", "BuildOptions", "BuildReport", "build_site", "tutorial_key", "write_pages"]


@dataclass
class Pages:
    """The docs folder (each page is written there as it comes, so no page waits in memory), the
    navigation, where each page came from, the tutorials' catalogue entries and the manifest."""

    docs: Path
    written: int = 0
    nav: list[dict[str, Any]] = field(default_factory=list)
    origins: dict[str, Path] = field(default_factory=dict)
    entries: list[CatalogueEntry] = field(default_factory=list)
    manifest: Manifest = field(default_factory=Manifest)
    states: dict[str, PageState] = field(default_factory=dict)  # what the next build may patch from
    used: Used = field(default_factory=Used)  # the image cache entries its pages use

    def add(self, page: PageSource, origin: Path | None = None, page_file: Path | None = None) -> None:
        """Write ``page``, or link its text from the page cache (``page_file``) where it already is."""
        if page_file is None:
            self.write(page.path, page.text())
        else:
            place_file(page_file, self.docs / page.path)
            self.written += 1
        if origin is not None:
            self.origins[page.path] = origin

    def write(self, path: str, text: str) -> None:
        (self.docs / path).parent.mkdir(parents=True, exist_ok=True)
        (self.docs / path).write_text(text, encoding="utf-8")
        self.written += 1


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Rendering makes millions of objects that live until their page is done; Python's collector,
    at its default thresholds, would spend about a tenth of the time looking for cycles among them."""
    thresholds = gc.get_threshold()
    gc.set_threshold(50_000, 20, 20)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def build_site(options: BuildOptions) -> BuildReport:
    """Build the site, or patch the previous one where that gives the same site
    (:mod:`generator.site.patch`); on failure raise (``GeneratorError`` carries file and line)
    and keep the old site."""
    cache_dir = options.cache_dir or default_cache_dir()
    if options.patch and not options.offline and not options.gc:
        patched = patch_site(options, cache_dir)
        if patched is not None:
            return patched
    previous = Manifest.read(options.site_dir)
    staged, media = staging_dir(options.site_dir), staging_dir(options.site_dir)
    try:
        # beside the page cache, so cached pages are linked into it rather than copied
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise GeneratorError(str(cache_dir), 1, f"cannot create the build cache folder: {exc}") from exc
        with tempfile.TemporaryDirectory(prefix="tc-docs-", dir=cache_dir) as docs_name:
            docs = Path(docs_name)

            def mkdocs(site: Pages, report: BuildReport) -> None:
                Lines(options.progress or io.StringIO()).log(f"build: mkdocs writes {report.pages} pages")
                started = time.perf_counter()
                _mkdocs(options, cache_dir, docs, staged, site)
                report.mkdocs_seconds = time.perf_counter() - started

            site, report = write_pages(options, docs, media, previous, beside=mkdocs)
        move_into(media, staged)
        spans = site.manifest.publish(staged, previous)
        forget(cache_dir, options.site_dir)
        swap_in(staged, options.site_dir)
        _keep_state(options, cache_dir, site, spans)
        if options.gc:
            pages = {page.cache_key for page in site.states.values()}
            sources = {tutorial["source"] for tutorial in site.manifest.tutorials.values()}
            report.pruned = prune_cache(cache_dir, pages, sources, site.used)
    except jinja2.TemplateError as exc:
        raise template_error(exc) from exc
    finally:
        discard(media)
        discard(staged)  # gone already when the build succeeded
    return report


def _mkdocs(options: BuildOptions, cache_dir: Path, docs: Path, staged: Path, site: Pages) -> None:
    """mkdocs builds the docs folder into ``staged``, with the build's own plugins."""
    # Imported here: a patched rebuild runs no mkdocs, and its plugins would cost it ~0.1 s to import.
    from generator.site.compiled import CompiledTemplates
    from generator.site.offline import OfflineSite

    plugins: dict[str, BasePlugin] = {"tc-compiled": CompiledTemplates(cache_dir / "templates")}
    if options.offline:
        plugins["tc-offline"] = OfflineSite()
    with build_date(site_epoch(entry.updated for entry in site.entries)):
        run_mkdocs(
            options.config_file,
            docs,
            staged,
            site.origins,
            plugins=plugins,
            nav=site.nav,
            site_url=options.site_url,
        )


def _keep_state(options: BuildOptions, cache_dir: Path, site: Pages, spans: dict[str, Span]) -> None:
    """What the next build needs to patch this site, when it can be patched (see generator.site.state)."""
    frames = last_build()
    inputs = site_inputs(options.config_file, options.site_url)
    if options.offline or frames is None or inputs is None:
        return
    kept, toc = frames.kept()
    if toc is not None:
        for key, page in site.states.items():
            page.record = list(spans[key])
        SiteState(inputs, kept, toc, site.states).write(cache_dir, options.site_dir)


def write_pages(
    options: BuildOptions,
    docs: Path,
    media: Path,
    previous: Manifest | None = None,
    beside: Callable[[Pages, BuildReport], None] | None = None,
) -> tuple[Pages, BuildReport]:
    """The generator's part of a build: every page source into ``docs`` and its images into ``media``.

    ``beside`` (mkdocs, in a build) runs once the pages are written, while the pictures the
    image cache lacked are drawn, when rendering left them (:mod:`generator.site.drawings`).
    What mkdocs makes of the pages is the site; the benchmarks time this part alone.
    """
    source = options.source.resolve()
    if not source.is_dir():
        raise GeneratorError(str(options.source), 1, "the source folder does not exist")
    report = BuildReport()
    cache_dir = options.cache_dir or default_cache_dir()
    environment.cache_clear()  # templates may have changed since the last build (serve)
    keep_compiled(cache_dir)
    sources = find_tutorials(source)
    started = time.perf_counter()
    with (
        display(options.progress or io.StringIO(), len(sources.paths), "build", options.quiet) as shown,
        fewer_collections(),
    ):
        previous = previous or Manifest()
        site, images = _render_site(sources, docs, media, cache_dir, previous, report, shown, options.jobs)
    report.pages = site.written
    report.render_seconds = time.perf_counter() - started
    site.used = images.used
    with PendingDrawings(images.deferred, images.stats, cache_dir, media, options.jobs):
        if beside is not None:
            beside(site, report)
    report.images = images.stats.summary()
    return site, report


def _render_site(
    sources: Sources,
    docs: Path,
    media: Path,
    cache_dir: Path,
    previous: Manifest,
    report: BuildReport,
    shown: Lines | Bar,
    jobs: int,
) -> tuple[Pages, ImageProcessor]:
    """Every page written into the docs folder; the image processor, whose pictures the image
    cache lacked are left to draw (``deferred``)."""
    helpers = site_helpers()
    site = Pages(docs)
    stamps = Stamps(time.time_ns())  # before any tutorial is read
    pages = TutorialPages(sources.root, sources.keys, PageCache(cache_dir), previous)
    report.cache = pages.cache.stats
    defer = deferring(jobs)  # else the image threads draw them beside the rendering
    job = Job(pages, media, cache_dir, sources.links(), helpers, defer_drawing=defer)
    planned = [pages.plan(*found) for found in zip(sources.paths, sources.reals, sources.keys, strict=True)]
    stats = pages.cache.stats
    shown.log(f"build: {stats.tutorials} tutorials, {stats.hits} unchanged, {stats.misses} to render")
    # Image threads only where tutorials are rendered in this process (their encoding overlaps
    # the rendering); placing cached files is a few system calls, cheaper without hand-offs.
    threads = None if stats.misses and jobs <= 1 else 0
    with (
        pool(job, jobs, stats.misses) as executor,
        ImageProcessor(
            sources.root, media, cache_dir, workers=threads if executor is None else 0, defer_drawing=defer
        ) as images,
    ):
        for item in planned:
            if item.rendered is not None:
                pages.place_images(item.rendered, item.path, images)
        for item, rendered in zip(planned, render_all(executor, job, planned, images), strict=True):
            shown.working(item.key)
            report.diagnostics.extend(rendered.diagnostics)
            site.add(rendered.page, item.path, rendered.page_file)
            site.entries.append(rendered.entry)
            site.manifest.add(item.key, rendered.source, rendered.steps, rendered.update)
            page_stamps = stamps.page(item.path, rendered.deps)
            site.states[item.key] = PageState.of(item.cache_key, rendered, item.context, page_stamps)
            shown.advance()
    report.tutorials = len(site.entries)
    report.updated = pages.updated
    home = render_home(site.entries)
    site.add(home)
    site.nav.append({"Home": home.path})
    service_groups = groups(site.entries)
    if service_groups:
        site.nav.append({"Services": [{group.name: group.path} for group in service_groups]})
    for group in service_groups:
        site.add(render_group(group))
    if "certificate" in helpers:
        page_path = f"{CERTIFICATE_HELPER}.md"
        helper = environment().get_template(CERTIFICATE_TEMPLATE)
        site.write(page_path, helper.render(tutorials=site.entries))
        site.nav.append({"Certificate helper": page_path})
    return site, images
