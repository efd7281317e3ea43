"""Tokens -> :class:`Tutorial`: structure, then ids, fingerprints and step facts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from generator.model import ids
from generator.model import inline as inl
from generator.model.blocks import Context, block_text, walk
from generator.model.nodes import Include, Section, Step, Tutorial
from generator.model.steps import number_positions
from generator.model.structure import build_structure
from generator.model.tree import block_tree
from generator.parse import parser
from generator.read.source import Source

if TYPE_CHECKING:
    from markdown_it.token import Token

_TITLE_SUFFIX = (" | Microsoft Azure", " | Microsoft Docs", " | Microsoft Learn")


def build(
    source: Source,
    tokens: list[Token],
    include: Callable[[str, str, int], Include] | None = None,
) -> Tutorial:
    ctx = Context(source.diagnostics, source.markers, include, parser(), source.text.split("\n"))
    metadata = source.metadata
    tutorial = Tutorial(source=source.path, dialect=source.dialect, title="", metadata=dict(metadata))
    tutorial.description = metadata.get("description", "")
    build_structure(block_tree(tokens), ctx, tutorial)
    if not tutorial.title:
        fallback = metadata.get("title") or metadata.get("pageTitle") or ""
        for suffix in _TITLE_SUFFIX:
            fallback = fallback.removesuffix(suffix)
        tutorial.title = fallback.strip()
        source.diagnostics.warning(
            "no-title",
            "no '# Title' heading; the title is taken from the metadata" if fallback else "no title found",
        )
    assign_ids(tutorial, source)
    return tutorial


def assign_ids(tutorial: Tutorial, source: Source) -> None:
    section_ids = ids.Unique()
    step_ids = ids.Unique()

    def visit_section(section: Section) -> None:
        section.id = section_ids(ids.slug(section.title))
        for index, procedure in enumerate(section.procedures, start=1):
            procedure.id = f"{section.id}-steps" + (f"-{index}" if index > 1 else "")
            number_positions(procedure.steps)
            for step in procedure.steps:
                visit_step(step, section.id, "")
        for sub in section.subsections:
            visit_section(sub)

    def visit_step(step: Step, slug: str, parent_text: str) -> None:
        base = ids.step_id(slug, step.text, parent_text)
        step.id = step_ids(base)
        if step.id != base:
            source.diagnostics.warning(
                "duplicate-step-id",
                f"step repeats an earlier step's text in this place (id {base} is taken; using {step.id})",
                step.line,
            )
        if not step.text and not step.content and not step.steps:
            source.diagnostics.warning("empty-step", f"step {step.number or '?'} is empty", step.line)
        step.ui_labels = inl.ui_labels(step.inline)
        step.ui_paths = inl.ui_paths(step.inline)
        step.urls = inl.urls(step.inline)
        step.code_values = inl.code_values(step.inline)
        step.fingerprint = fingerprint(step)
        for sub in step.steps:
            visit_step(sub, slug, step.text)

    for section in tutorial.sections:
        visit_section(section)


def fingerprint(step: Step) -> str:
    """Hash of everything a reader sees in the step itself (sub-steps have their own)."""
    parts = [ids.normalise(step.text)]
    for block in walk(step.content):
        parts.append(ids.normalise(block_text(block)))
        if block.image:
            parts.append(block.image.src)
    return ids.digest("\x1f".join(parts), 12)
