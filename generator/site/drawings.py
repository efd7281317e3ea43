"""Placeholders and social cards, drawn while mkdocs runs.

A full build renders its tutorials on every core, then spends a fifth of its time in mkdocs,
which uses one. A first build (an empty image cache) also draws a card for every tutorial and a
placeholder for every missing screenshot's title, about 3 ms each: seconds at a thousand
tutorials. Pages need only their paths and sizes, known without drawing them, so when the build
renders in worker processes (:func:`deferring`) rendering leaves them
(``ImageProcessor(defer_drawing=True)``) and they are drawn here, in processes forked beside
mkdocs on the cores it leaves idle; once mkdocs is done, the build's own process draws the
chunks still waiting for one. They reach the site with the screenshots: the media folder is
moved in after mkdocs. A drawing process that cannot be forked, or dies, costs time: its
pictures are drawn in the build's own process.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from types import TracebackType

from generator.diagnostics import GeneratorError
from generator.render.images import Drawing, ImageStats, draw_all

# Below this many pictures, forking costs more than drawing them in the build's own process.
MIN_FORKED = 16
_CHUNK = 16  # pictures per task: small enough to share out at the end, big enough to be cheap


def deferring(jobs: int) -> bool:
    """Whether a build with ``jobs`` processes leaves its pictures to be drawn beside mkdocs (else
    its image threads draw them while it renders)."""
    return jobs > 1 and "fork" in multiprocessing.get_all_start_methods()


class PendingDrawings:
    """Drawing ``drawings`` into ``out_dir``, from when it is made; leaving the ``with`` block waits
    for them and adds them to ``stats``, or on an error stops them."""

    def __init__(
        self, drawings: list[Drawing], stats: ImageStats, cache_dir: Path, out_dir: Path, jobs: int
    ) -> None:
        self.stats = stats
        self.cache_dir = cache_dir
        self.out_dir = out_dir
        unique = list({drawing.key: drawing for drawing in drawings}.values())
        chunks = [unique[at : at + _CHUNK] for at in range(0, len(unique), _CHUNK)]
        self._executor: ProcessPoolExecutor | None = None
        self._tasks: list[tuple[Future[tuple[int, float]] | None, list[Drawing]]] = [
            (None, c) for c in chunks
        ]
        if len(unique) < MIN_FORKED or not deferring(jobs):
            return
        # One core stays with mkdocs; the processes are forked now, before it starts.
        gc.freeze()  # what the build made so far: the children's collector need not touch it
        try:
            context = multiprocessing.get_context("fork")
            self._executor = ProcessPoolExecutor(min(jobs - 1, len(chunks)), mp_context=context)
            self._tasks = [(self._executor.submit(draw_all, c, cache_dir, out_dir), c) for c in chunks]
        except OSError:  # no process could be forked (out of memory, process limit)
            self._stop()
            self._tasks = [(None, c) for c in chunks]
        finally:
            gc.unfreeze()

    def __enter__(self) -> PendingDrawings:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            self._stop()

    def _finish(self) -> None:
        """Draw the chunks still waiting for a process (from the last), then collect the others."""
        for task, chunk in reversed(self._tasks):
            if task is None or task.cancel():
                self._draw(lambda chunk=chunk: draw_all(chunk, self.cache_dir, self.out_dir))
        for task, chunk in self._tasks:
            if task is not None and not task.cancelled():
                self._draw(lambda task=task, chunk=chunk: _result(task, chunk, self.cache_dir, self.out_dir))

    def _draw(self, drawing: Callable[[], tuple[int, float]]) -> None:
        try:
            drawn, seconds = drawing()
        except OSError as exc:  # the cache or the site's media folder cannot be written
            raise GeneratorError(str(self.cache_dir), 1, f"cannot write generated images: {exc}") from exc
        self.stats.add(seconds, drawn=drawn)

    def _stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None


def _result(
    task: Future[tuple[int, float]], chunk: list[Drawing], cache_dir: Path, out_dir: Path
) -> tuple[int, float]:
    """A chunk's result; drawn here when its process died."""
    try:
        return task.result()
    except BrokenProcessPool:
        return draw_all(chunk, cache_dir, out_dir)
