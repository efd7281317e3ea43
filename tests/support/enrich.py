"""Enrich tests: build a tutorial from Markdown text and look at what enrich made of it."""

from __future__ import annotations

from pathlib import Path

from generator.enrich import EnrichData, enrich, load_data
from generator.enrich.spots import sections, step_spots, steps
from generator.model.inline import walk
from generator.model.nodes import Inline, Step, Tutorial
from generator.pipeline import load, load_bytes

LEGACY_HEAD = (
    '<properties pageTitle="T" description="d" services="" documentationCenter="" authors="" manager=""/>\n'
)


def tutorial_from(text: str, path: Path | str = "example.md") -> Tutorial:
    return load_bytes(text.encode("utf-8"), path).tutorial


def enriched(
    source: str | Path, sidecar: str | None = None, tmp_path: Path | None = None
) -> tuple[Tutorial, list]:
    """Enrich Markdown text (or a file); with ``sidecar``, write both into ``tmp_path`` first."""
    if isinstance(source, Path):
        return enrich(load(source).tutorial, load_data(source))
    assert tmp_path is not None or sidecar is None
    path = (tmp_path or Path(".")) / "example.md"
    if sidecar is not None:
        path.write_text(source, encoding="utf-8")
        path.with_name("example.checklist.yml").write_text(sidecar, encoding="utf-8")
    data: EnrichData = load_data(path)
    return enrich(tutorial_from(source, path), data)


def all_steps(tutorial: Tutorial) -> list[Step]:
    return list(steps(tutorial))


def nodes_of(step: Step, kind: str, deep: bool = True) -> list[Inline]:
    """Inline nodes of ``kind`` in the step's first paragraph (``deep``: and its body)."""
    runs = [s.nodes for s in step_spots(step)] if deep else [step.inline]
    return [n for run in runs for n in walk(run) if n.type == kind]


def step_at(tutorial: Tutorial, section: str, *numbers: str) -> Step:
    """The step numbered ``numbers`` (as written) in the first procedure of the section titled ``section``."""
    found = next(s for s in sections(tutorial) if s.title.startswith(section))
    items = found.procedures[0].steps
    step = None
    for number in numbers:
        step = next(s for s in items if s.number == number)
        items = step.steps
    assert step is not None
    return step
