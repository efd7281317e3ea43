"""Where enrichable text sits in a tutorial: every inline run and every code block.

The enrich passes work on runs of sibling :class:`Inline` nodes and need to know which
step a run belongs to (sidecar rules act per step) and whether it is a table cell
(a table that lists one URL per region is shown row by row, not substituted).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.blocks import walk
from generator.model.nodes import Block, Inline, Section, Step, Tutorial


@dataclass
class Spot:
    """One run of inline nodes; ``table``/``row`` are set for table cells."""

    nodes: list[Inline]
    step: Step | None = None
    table: Block | None = None
    row: int = -1


def _block_spots(blocks: list[Block], step: Step | None) -> Iterator[Spot]:
    for block in walk(blocks):
        if block.inline:
            yield Spot(block.inline, step)
        for cell in block.header:
            yield Spot(cell, step, block, -1)
        for index, row in enumerate(block.rows):
            for cell in row:
                yield Spot(cell, step, block, index)


def steps(tutorial: Tutorial) -> Iterator[Step]:
    """Every step and sub-step, in document order."""

    def below(items: list[Step]) -> Iterator[Step]:
        for step in items:
            yield step
            yield from below(step.steps)

    for section in sections(tutorial):
        for procedure in section.procedures:
            yield from below(procedure.steps)


def sections(tutorial: Tutorial) -> Iterator[Section]:
    def below(items: list[Section]) -> Iterator[Section]:
        for section in items:
            yield section
            yield from below(section.subsections)

    yield from below(tutorial.sections)


def step_spots(step: Step) -> Iterator[Spot]:
    """The step's own runs (its first paragraph and body), not its sub-steps'."""
    yield Spot(step.inline, step)
    yield from _block_spots(step.content, step)


def spots(tutorial: Tutorial) -> Iterator[Spot]:
    """Every inline run of the tutorial."""
    yield from _block_spots(tutorial.intro, None)
    for section in sections(tutorial):
        yield from _block_spots(section.content, None)
    for step in steps(tutorial):
        yield from step_spots(step)


def code_blocks(tutorial: Tutorial) -> Iterator[tuple[Block, Step | None]]:
    """Every code block with the step it belongs to (``None`` outside steps)."""
    everywhere: list[tuple[list[Block], Step | None]] = [(tutorial.intro, None)]
    everywhere += [(section.content, None) for section in sections(tutorial)]
    everywhere += [(step.content, step) for step in steps(tutorial)]
    for blocks, step in everywhere:
        for block in walk(blocks):
            if block.type == "code":
                yield block, step
