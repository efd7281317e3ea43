"""Progress on a terminal (a rich bar), plain lines in CI, in a pipe or with ``--quiet``."""

from __future__ import annotations

import os
from contextlib import AbstractContextManager
from typing import TextIO


class Lines(AbstractContextManager):
    """One line per finished item: what CI logs and pipes should get."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def log(self, text: str) -> None:
        self.stream.write(text.rstrip("\n") + "\n")
        self.stream.flush()

    def working(self, label: str) -> None:
        """Nothing to show until the item is done: CI logs want one line per item."""

    def advance(self) -> None:
        """Nothing to redraw: the logged line already says an item finished."""

    def __exit__(self, *exc: object) -> None:
        return None


class Bar(AbstractContextManager):
    """A rich progress bar; logged text scrolls above it."""

    def __init__(self, stream: TextIO, total: int, label: str) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(file=stream, force_terminal=True, highlight=False),
            transient=True,
        )
        self.label = label
        self.task = self.progress.add_task(label, total=total)

    def __enter__(self) -> Bar:
        self.progress.start()
        return self

    def log(self, text: str) -> None:
        self.progress.console.print(text.rstrip("\n"), markup=False, highlight=False, soft_wrap=True)

    def working(self, label: str) -> None:
        self.progress.update(self.task, description=f"{self.label} {label}")

    def advance(self) -> None:
        self.progress.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def display(stream: TextIO, total: int, label: str, quiet: bool = False) -> Lines | Bar:
    """A bar only for a person at a terminal: not in CI, not in a pipe, not when asked to be quiet."""
    interactive = stream.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"
    return Bar(stream, total, label) if interactive and not quiet else Lines(stream)
