"""A tutorial's step tree as one list in reading order, each step with where it sits.

Order and displayed numbers ("9.4", lettered "2a") are the page's own (render.outline),
so a change is reported under the number a reader sees. Versions can be shaped
differently (a sub-step promoted to a step, a section renamed), so every step is seen
with its full number and its section, and compared on its own content only.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import ids
from generator.model.blocks import block_text, walk
from generator.model.nodes import Block, Procedure, Section, Step, Tutorial
from generator.render.outline import parts, step_number


@dataclass(frozen=True)
class CalloutRef:
    kind: str
    text: str


@dataclass(frozen=True)
class ImageRef:
    src: str
    alt: str


@dataclass
class FlatStep:
    step: Step
    index: int
    path: str
    section_id: str
    section: str
    words: tuple[str, ...]
    body: str
    callouts: list[CalloutRef]
    images: list[ImageRef]


def _images(blocks: list[Block]) -> list[ImageRef]:
    return [ImageRef(b.image.src, b.image.alt) for b in walk(blocks) if b.image is not None]


def _callouts(blocks: list[Block]) -> list[CalloutRef]:
    found = []
    for block in walk(blocks):
        if block.callout is not None:
            text = block.callout.text or " ".join(map(block_text, block.callout.content))
            found.append(CalloutRef(block.callout.kind, " ".join(text.split())))
    return found


def _body(blocks: list[Block]) -> str:
    """The step's own prose besides its first paragraph: callouts and images are compared apart."""
    texts = [block_text(block) for block in blocks if block.type not in ("image", "callout")]
    return " ".join(" ".join(texts).split())


def flatten(tutorial: Tutorial) -> list[FlatStep]:
    out: list[FlatStep] = []

    def visit_step(step: Step, prefix: str, section: Section, title: str) -> None:
        path = step_number(prefix, step)
        out.append(
            FlatStep(
                step=step,
                index=len(out),
                path=path,
                section_id=section.id,
                section=title,
                words=tuple(ids.normalise(step.text).split()),
                body=_body(step.content),
                callouts=_callouts(step.content),
                images=_images(step.content),
            )
        )
        for sub in step.steps:
            visit_step(sub, path, section, title)

    def visit_section(section: Section, parent: str) -> None:
        title = f"{parent} › {section.title}" if parent else section.title
        for _, part in parts(section):
            if isinstance(part, Procedure):
                for step in part.steps:
                    visit_step(step, "", section, title)
            elif isinstance(part, Section):
                visit_section(part, title)

    for section in tutorial.sections:
        visit_section(section, "")
    return out
