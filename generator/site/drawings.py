"""Placeholders and social cards, drawn while mkdocs runs.

A full build renders its tutorials on every core, then spends a fifth of its time in mkdocs,
which uses one. A first build (an empty image cache) also draws a card for every tutorial and a
placeholder for every missing screenshot's title, about 3 ms each: seconds at a thousand
tutorials. Pages need only their paths and sizes, known without drawing them, so rendering
leaves them (``ImageProcessor(defer_drawing=True)``) and they are drawn here, in processes
forked beside mkdocs on the cores it leaves idle; once mkdocs is done, the build's own process
draws what none of them has started. They reach the site with the screenshots: the media
folder is moved in after mkdocs.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from generator.diagnostics import GeneratorError
from generator.render.images import Drawing, ImageStats, draw_all

# Below this many pictures, forking costs more than drawing them in the build's own process.
MIN_FORKED = 16
_CHUNK = 16  # pictures per task: small enough to share out at the end, big enough to be cheap
T = TypeVar("T")


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
        self._executor: ProcessPoolExecutor | None = None
        self._tasks: list[tuple[Future[tuple[int, float]], list[Drawing]]] = []
        if len(unique) < MIN_FORKED or jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            self._draw(lambda: draw_all(unique, cache_dir, out_dir))
            return
        # One core stays with mkdocs; the processes are forked now, before it starts.
        context = multiprocessing.get_context("fork")
        self._executor = ProcessPoolExecutor(max(1, jobs - 1), mp_context=context)
        chunks = [unique[at : at + _CHUNK] for at in range(0, len(unique), _CHUNK)]
        submit = self._executor.submit
        self._tasks = [(submit(draw_all, chunk, cache_dir, out_dir), chunk) for chunk in chunks]

    def __enter__(self) -> PendingDrawings:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if kind is None:
                self._finish()
        finally:
            if self._executor is not None:
                self._executor.shutdown(cancel_futures=True)

    def _finish(self) -> None:
        """Draw the chunks no process has started (from the last), then wait for the others."""
        for task, chunk in reversed(self._tasks):
            if task.cancel():
                self._draw(lambda chunk=chunk: draw_all(chunk, self.cache_dir, self.out_dir))
        for task, _ in self._tasks:
            if not task.cancelled():
                self._draw(task.result)

    def _draw(self, drawing: Callable[[], tuple[int, float]]) -> None:
        try:
            drawn, seconds = drawing()
        except OSError as exc:  # the cache or the site's media folder cannot be written
            raise GeneratorError(str(self.cache_dir), 1, f"cannot write generated images: {exc}") from exc
        self.stats.add(seconds, drawn=drawn)
