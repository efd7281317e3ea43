"""Tutorials the cache did not have, rendered on every core.

Reading, enriching and rendering a tutorial is pure Python, so threads would take turns; worker
processes do not. They are forked before any image thread starts (a fork copies only the
forking thread) and inherit the build's state, so nothing but one tutorial's bytes goes in and
its rendered page comes out. Each worker has its own image processor writing into the same media
and cache folders (their writes are atomic renames); each page comes back once its images are
written, with their counts. Small
builds, and ``jobs=1``, render in the build's own process.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import jinja2

from generator.enrich.store import CatalogueStore
from generator.render.context import RenderContext
from generator.render.images import Drawing, ImageProcessor, ImageStats, Used
from generator.render.tutorial import Helper
from generator.site.cache import RenderedTutorial, package_digest
from generator.site.tutorials import Planned, TutorialPages, template_error

# Below this many tutorials to render, starting processes costs more than it saves.
MIN_PARALLEL = 16


@dataclass
class Job:
    """What every task needs; inherited by the workers when they are forked."""

    pages: TutorialPages
    media: Path
    cache_dir: Path
    links: dict[Path, str]
    helpers: dict[str, Helper]
    defer_drawing: bool = False  # pictures the image cache lacks come back to be drawn later
    catalogues: CatalogueStore = field(init=False)  # loaded shared catalogues, kept in the build cache

    def __post_init__(self) -> None:
        self.catalogues = CatalogueStore(self.cache_dir / "catalogues", package_digest())


@dataclass
class Made:
    """A rendered tutorial and what rendering it changed in the worker: counts and a new update."""

    rendered: RenderedTutorial
    update: dict[str, Any] | None = None
    previous_versions_read: int = 0
    images: dict[str, float] = field(default_factory=dict)
    drawings: list[Drawing] = field(default_factory=list)  # left to draw (Job.defer_drawing)
    used: Used = field(default_factory=Used)  # image cache entries it used


_job: Job | None = None  # the forked worker's
_images: ImageProcessor | None = None  # the worker's own, made at its first task


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@contextmanager
def pool(job: Job, jobs: int, misses: int) -> Iterator[Executor | None]:
    """Worker processes for ``misses`` tutorials, forked now (before image threads), or ``None``."""
    if jobs <= 1 or misses < MIN_PARALLEL or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    global _job
    _job = job
    gc.freeze()  # the build's objects so far: the workers' collector need not look at them again
    executor = ProcessPoolExecutor(min(jobs, misses), mp_context=multiprocessing.get_context("fork"))
    try:
        executor.submit(int).result()  # forks every worker (the fork context starts them all at once)
        yield executor
    finally:
        _job = None
        executor.shutdown(cancel_futures=True)
        gc.unfreeze()


def render_all(
    executor: Executor | None, job: Job, planned: list[Planned], images: ImageProcessor
) -> Iterator[RenderedTutorial]:
    """Every planned tutorial's page, in order: cache hits as they are, misses rendered."""
    misses = [item for item in planned if item.rendered is None]
    if executor is None:
        made = (make(job, item, images) for item in misses)
    else:
        made = executor.map(_make_in_worker, misses, chunksize=4)
    for item in planned:
        if item.rendered is not None:
            yield item.rendered
            continue
        result = next(made)
        if executor is not None:
            _merge(job.pages, images, item, result)
        yield result.rendered


def make(job: Job, planned: Planned, images: ImageProcessor) -> Made:
    """Render one tutorial with ``images`` (the build's processor, or a worker's own)."""
    ctx = RenderContext(source_path=planned.path, links=job.links, images=images)
    read_before = job.pages.cache.stats.previous_versions_read
    try:
        rendered = job.pages.render(planned, ctx, job.helpers, job.catalogues)
    except jinja2.TemplateError as exc:
        raise template_error(exc) from exc
    return Made(
        rendered,
        job.pages.updated.get(planned.key),
        job.pages.cache.stats.previous_versions_read - read_before,
    )


def _make_in_worker(planned: Planned) -> Made:
    """One task in a worker: its image processor lives as long as the worker (the pool forks it)."""
    global _images
    assert _job is not None, "worker processes are forked by pool()"
    if _images is None:
        _images = ImageProcessor(
            _job.pages.source, _job.media, _job.cache_dir, workers=0, defer_drawing=_job.defer_drawing
        )
    before = _counts(_images.stats)
    made = make(_job, planned, _images)
    _images.wait()  # the social card too: the page is done when its files are
    made.images = {name: value - before[name] for name, value in _counts(_images.stats).items()}
    made.drawings, _images.deferred = _images.deferred, []
    made.used, _images.used = _images.used, Used()
    return made


def _merge(pages: TutorialPages, images: ImageProcessor, planned: Planned, made: Made) -> None:
    """Carry what rendering changed in a worker into the build (in the build's own process,
    :func:`make` changed it in place)."""
    if made.update is not None:
        pages.updated[planned.key] = made.update
    pages.cache.stats.previous_versions_read += made.previous_versions_read
    counts = dict(made.images)
    seconds = counts.pop("seconds", 0.0)
    images.stats.add(seconds, **{name: int(value) for name, value in counts.items()})
    images.deferred.extend(made.drawings)
    images.used.update(made.used)


def _counts(stats: ImageStats) -> dict[str, float]:
    return {f.name: getattr(stats, f.name) for f in fields(stats) if not f.name.startswith("_")}
