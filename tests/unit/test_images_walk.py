"""``iter_images`` finds every block and inline image of a tutorial, in tree order.

The build walks every tutorial for its images several times, so ``iter_images`` follows only
the fields that can hold one; the reference here is the slow walk over every field of every
dataclass, written independently of it, over every tutorial of ../shared/corpus and the seed.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from pathlib import Path

import pytest

from generator.enrich.apply import enrich, load_data
from generator.model import nodes
from generator.model.nodes import (
    Block,
    Callout,
    Image,
    Include,
    Inline,
    Procedure,
    Section,
    Step,
    Tab,
    Tutorial,
)
from generator.pipeline import load
from generator.render.images import _CHILDREN, iter_images
from tests.conftest import CORPUS, SEED

FILES = [SEED, *sorted(CORPUS.glob("*/*.md"))]


def every_image(node: object) -> list[tuple[str, str, str | None, int, bool]]:
    """Every image in ``node``, found by visiting every field of every node (inline images too)."""
    if isinstance(node, Image):
        return [(node.src, node.alt, node.title, node.line, node.inline)]
    if isinstance(node, Inline):
        own = [(node.href or "", node.text, node.title, node.attrs.get("line", 0), True)]
        return (own if node.type == "image" else []) + every_image(node.children)
    if isinstance(node, list):
        return [found for item in node for found in every_image(item)]
    if is_dataclass(node):
        return [found for f in fields(node) for found in every_image(getattr(node, f.name))]
    return []


def found(node: object) -> list[tuple[str, str, str | None, int, bool]]:
    return [(i.src, i.alt, i.title, i.line, i.inline) for i in iter_images(node)]


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_image_of_a_tutorial_is_found_in_order(path: Path) -> None:
    tutorial = load(path).tutorial
    enriched, _ = enrich(tutorial, load_data(path))

    assert found(tutorial) == every_image(tutorial)
    assert found(enriched) == every_image(enriched)
    assert found(tutorial.sections) == every_image(tutorial.sections)


@pytest.mark.corpus
def test_the_corpus_has_block_and_inline_images_to_find() -> None:
    kinds = {image[4] for path in FILES for image in every_image(load(path).tutorial)}

    assert len(FILES) == 81
    assert kinds == {True, False}


def test_images_in_every_place_a_tutorial_can_hold_one_are_found_in_order() -> None:
    lines = iter(range(1, 100))

    def inline() -> list[Inline]:
        line = next(lines)
        return [
            Inline("strong", children=[Inline("image", "shot", href=f"{line}.png", attrs={"line": line})])
        ]

    def blocks() -> list[Block]:
        line = next(lines)
        return [Block("image", line=line, image=Image(f"{line}.png", "shot", line=line))]

    table = Block("table", header=[inline()], rows=[[inline(), inline()]])
    containers = [
        Block("paragraph", inline=inline()),
        Block("list", items=[blocks(), blocks()]),
        table,
        Block("zone", blocks=blocks()),
        Block("callout", callout=Callout("note", "n", content=blocks())),
        Block("include", include=Include("i", "i.md", True, content=blocks())),
        Block("tabs", tabs=[Tab("A", "a", blocks()), Tab("B", "b", blocks())]),
    ]
    sub = Step("s2", "1", "sub", inline=inline(), content=blocks())
    step = Step("s1", "1", "step", inline=inline(), content=containers, steps=[sub])
    subsection = Section("sub", "Sub", 3, inline=inline(), content=blocks())
    section = Section(
        "s",
        "S",
        2,
        inline=inline(),
        content=blocks(),
        procedures=[Procedure("p", None, [step])],
        subsections=[subsection],
    )
    tutorial = Tutorial("t.md", "modern", "T", intro=blocks(), sections=[section], title_inline=inline())
    placed = next(lines) - 1

    assert [image[3] for image in found(tutorial)] == [image[3] for image in every_image(tutorial)]
    assert sorted(image[3] for image in found(tutorial)) == list(range(1, placed + 1))
    assert found(step) == every_image(step)
    assert found(containers) == every_image(containers)


def test_a_field_added_to_the_model_that_can_hold_an_image_is_walked() -> None:
    """The walk lists fields by hand; a new field holding blocks or inline text must join it."""
    holders = ("Block", "Inline", "Image", "Step", "Section", "Procedure", "Callout", "Include", "Tab")
    for cls in vars(nodes).values():
        if is_dataclass(cls) and cls not in (Image, Inline):
            can_hold = [f.name for f in fields(cls) if any(name in str(f.type) for name in holders)]
            assert list(_CHILDREN.get(cls, ())) == can_hold, cls.__name__
