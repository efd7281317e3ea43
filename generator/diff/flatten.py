"""A tutorial's step tree as one list in reading order, each step with where it sits.

Alignment and classification compare steps across versions whose trees can be shaped
differently (a sub-step promoted to a step, a section renamed), so every step is seen
with its full number path ("9.2") and its section, and compared on its own content only.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import ids
from generator.model.blocks import block_text, walk
from generator.model.nodes import Block, Section, Step, Tutorial


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
    parts = []
    for block in blocks:
        if block.type in ("image", "callout"):
            continue
        parts.append(block_text(block))
    return " ".join(" ".join(parts).split())


def _section_order(section: Section) -> list[tuple[str, int]]:
    """Procedures and subsections in the order the section's content places them."""
    order = [(b.type, int(b.ref)) for b in section.content if b.type in ("procedure", "subsection") and b.ref]
    placed = set(order)
    order += [("procedure", i) for i in range(len(section.procedures)) if ("procedure", i) not in placed]
    order += [("subsection", i) for i in range(len(section.subsections)) if ("subsection", i) not in placed]
    return order


def flatten(tutorial: Tutorial) -> list[FlatStep]:
    out: list[FlatStep] = []

    def visit_step(step: Step, prefix: str, section: Section, title: str) -> None:
        path = f"{prefix}.{step.number}" if prefix else step.number
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
        for kind, index in _section_order(section):
            if kind == "procedure" and index < len(section.procedures):
                for step in section.procedures[index].steps:
                    visit_step(step, "", section, title)
            elif kind == "subsection" and index < len(section.subsections):
                visit_section(section.subsections[index], title)

    for section in tutorial.sections:
        visit_section(section, "")
    return out
