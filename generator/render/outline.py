"""A tutorial's parts in reading order: content blocks with procedures and subsections in place.

``Section.content`` holds ``procedure``/``subsection`` blocks whose ``ref`` names the part
(its index in ``procedures``/``subsections``, or its id); parts that no block places are
appended at the end so nothing is lost. The page template and the page data both walk
this one order, so the checkboxes in the page and the steps in the data agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.model.nodes import Block, Procedure, Section, Step, Tutorial

Part = tuple[str, Block | Procedure | Section]


@dataclass(frozen=True)
class StepPlace:
    """One checkbox: the step, its displayed number (``9.4``), parent step and top-level section."""

    step: Step
    number: str
    parent: str | None
    section: str


def parts(section: Section) -> list[Part]:
    """``("block", Block)``, ``("procedure", Procedure)`` and ``("subsection", Section)`` in order."""
    procedures = _lookup(section.procedures)
    subsections = _lookup(section.subsections)
    placed: set[int] = set()
    out: list[Part] = []
    for block in section.content:
        table = {"procedure": procedures, "subsection": subsections}.get(block.type)
        if table is None:
            out.append(("block", block))
            continue
        part = table.get(block.ref or "")
        if part is not None and id(part) not in placed:
            placed.add(id(part))
            out.append((block.type, part))
    out.extend(("procedure", p) for p in section.procedures if id(p) not in placed)
    out.extend(("subsection", s) for s in section.subsections if id(s) not in placed)
    return out


def step_places(tutorial: Tutorial) -> Iterator[StepPlace]:
    """Every step and sub-step in page order."""
    for section in tutorial.sections:
        yield from _section_steps(section, section.id)


def step_number(prefix: str, step: Step) -> str:
    """The number shown for a step (its ``position``, counted as an HTML list counts, not
    the all-``1.`` an author may have typed): sub-steps carry their parent's (``9.4``, ``2a``)."""
    own = step.position or step.number
    if not prefix:
        return own
    return f"{prefix}{own}" if own.isalpha() else f"{prefix}.{own}"


def _section_steps(section: Section, top: str) -> Iterator[StepPlace]:
    for kind, part in parts(section):
        if kind == "procedure":
            yield from _steps(part.steps, "", None, top)  # type: ignore[union-attr]
        elif kind == "subsection":
            yield from _section_steps(part, top)  # type: ignore[arg-type]


def _steps(steps: list[Step], prefix: str, parent: str | None, top: str) -> Iterator[StepPlace]:
    for step in steps:
        number = step_number(prefix, step)
        yield StepPlace(step, number, parent, top)
        yield from _steps(step.steps, number, step.id, top)


def _lookup(items: list) -> dict[str, object]:
    table: dict[str, object] = {str(index): item for index, item in enumerate(items)}
    table.update({item.id: item for item in items})
    return table
