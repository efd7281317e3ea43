"""Top-level structure: title, intro, sections, procedures, from the document's block flow.

Headings of level 2 open sections (deeper ones open subsections); an ordered list inside
a section is a procedure, titled by the "To ...:" heading or the bold/colon-ended paragraph right
before it. Two lists separated only by other blocks are one procedure when the second's
numbers continue the first's; the blocks between then belong to the step before them.
A level-3+ heading numbered ``1.`` is a step of its own ("### 1. Sign in ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.model import inline as inl
from generator.model.blocks import Context, block_text, convert, list_block, tidy, walk
from generator.model.nodes import Block, Inline, Procedure, Section, Step, Tutorial
from generator.model.steps import last_number, list_to_steps
from generator.model.tree import Node

_NUMBERED_HEADING = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>.+)$")
_PREREQ_HINT = re.compile(
    r"already have|prerequisite|before you (begin|start)|you need|following items", re.I
)
_BLOCKS_HINT = re.compile(r"building blocks", re.I)
_LEADING_NUMBER = re.compile(r"^\s*\d{1,3}[.)]\s+")
_PROCEDURE_HEADING = re.compile(r"^to\b|:$|following steps", re.I)
_ATTACHABLE = {"image", "callout", "paragraph", "code", "table", "list", "quote", "html", "video", "include"}
MAX_TITLE_PARAGRAPH = 240


@dataclass
class Pending:
    """An ordered list kept as a tree node until the structure decides what it is."""

    node: Node
    line: int
    end: int


@dataclass
class Builder:
    ctx: Context
    tutorial: Tutorial
    stack: list[Section] = field(default_factory=list)
    since_procedure: list[Block] = field(default_factory=list)
    last_procedure: Procedure | None = None
    last_list_end: int | None = None
    heading_step: Step | None = None
    procedure_title: str | None = None

    @property
    def section(self) -> Section | None:
        return self.stack[-1] if self.stack else None

    def content(self) -> list[Block]:
        return self.section.content if self.section else self.tutorial.intro

    def reset_flow(self) -> None:
        self.since_procedure = []
        self.last_procedure = None
        self.last_list_end = None
        self.heading_step = None
        self.procedure_title = None

    def open_section(self, block: Block) -> None:
        section = Section(
            id="", title=inl.plain_text(block.inline), level=block.level, line=block.line, inline=block.inline
        )
        while self.stack and self.stack[-1].level >= block.level:
            self.stack.pop()
        if self.stack:
            self.stack[-1].subsections.append(section)
            self.stack[-1].content.append(
                Block("subsection", line=block.line, ref=str(len(self.stack[-1].subsections) - 1))
            )
        else:
            self.tutorial.sections.append(section)
        self.stack.append(section)
        self.reset_flow()

    def add_block(self, block: Block) -> None:
        if self.heading_step is not None:
            self.heading_step.content.append(block)
            return
        if (
            block.type == "image"
            and self.last_list_end is not None
            and self.last_procedure
            and not self.since_procedure
        ):
            self.last_procedure.steps[-1].content.append(block)
            return
        self.content().append(block)
        self.since_procedure.append(block)
        self.last_list_end = None

    def add_procedure(self, steps: list[Step], title: str | None, line: int) -> Procedure:
        assert self.section is not None
        procedure = Procedure(id="", title=title, steps=steps, line=line)
        self.section.procedures.append(procedure)
        self.section.content.append(Block("procedure", line=line, ref=str(len(self.section.procedures) - 1)))
        self.last_procedure = procedure
        self.since_procedure = []
        return procedure

    def add_list(self, pending: Pending, following: Block | None) -> None:
        if self.section is None or is_link_list(pending.node) or self.announces_overview():
            block = list_block(pending.node, self.ctx)
            self.add_block(block)
            return
        steps = list_to_steps(pending.node, self.ctx)
        if not steps:
            return
        target = self.heading_step
        if target is not None:
            target.steps.extend(steps)
            return
        previous = self.last_procedure
        first = steps[0].number
        if (
            previous is not None
            and previous.steps
            and first.isdigit()
            and int(first) > 1
            and last_number(previous.steps) == int(first) - 1
            and all(b.type in _ATTACHABLE for b in self.since_procedure)
        ):
            for block in self.since_procedure:
                self.section.content.remove(block)
            previous.steps[-1].content.extend(self.since_procedure)
            previous.steps.extend(steps)
            self.since_procedure = []
        else:
            title = self.procedure_title or self.take_title_paragraph()
            self.add_procedure(steps, title, pending.line)
        self.procedure_title = None
        self.last_list_end = pending.end

    def announces_overview(self) -> bool:
        """ "... consists of the following building blocks:" introduces an overview list."""
        last = self.since_procedure[-1] if self.since_procedure else None
        return bool(last and last.type == "paragraph" and _BLOCKS_HINT.search(inl.plain_text(last.inline)))

    def take_title_paragraph(self) -> str | None:
        if not self.since_procedure:
            return None
        block = self.since_procedure[-1]
        if block.type != "paragraph":
            return None
        text = inl.plain_text(block.inline)
        bold = (
            len([n for n in block.inline if n.type != "softbreak"]) == 1 and block.inline[0].type == "strong"
        )
        if bold or (text.endswith(":") and len(text) <= MAX_TITLE_PARAGRAPH):
            self.section.content.remove(block)  # type: ignore[union-attr]
            self.since_procedure.pop()
            return text
        return None

    def add_heading(self, block: Block, following: Block | Pending | None) -> None:
        text = inl.plain_text(block.inline)
        if block.level == 1 and not self.tutorial.title and not self.tutorial.sections:
            self.tutorial.title, self.tutorial.title_inline, self.tutorial.line = (
                text,
                block.inline,
                block.line,
            )
            return
        numbered = _NUMBERED_HEADING.match(text)
        if self.section is not None and block.level >= 3 and numbered:
            step = Step(
                id="",
                number=numbered.group("number"),
                text=numbered.group("text"),
                inline=strip_number(block.inline),
                line=block.line,
            )
            if self.last_procedure is not None and self.last_procedure.title == "":
                self.last_procedure.steps.append(step)
            else:
                self.add_procedure([step], "", block.line)
            self.heading_step = step
            return
        if (
            self.section is not None
            and block.level >= 3
            and _PROCEDURE_HEADING.search(text)
            and isinstance(following, Pending)
            and not is_link_list(following.node)
        ):
            self.heading_step = None
            self.procedure_title = text
            return
        self.open_section(block)


def strip_number(nodes: list[Inline]) -> list[Inline]:
    """The heading's inline without its leading ``1.``: the checkbox shows the number."""
    if nodes and nodes[0].type == "text":
        rest = _LEADING_NUMBER.sub("", nodes[0].text, count=1)
        return ([Inline("text", rest)] if rest else []) + nodes[1:]
    return nodes


def is_link_list(node: Node) -> bool:
    """A numbered list of in-page links is an overview ("building blocks"), not steps."""
    items = node.children
    if not items:
        return False
    for item in items:
        paragraph = item.children[0] if item.children else None
        if paragraph is None or paragraph.type != "paragraph" or not paragraph.children:
            return False
        token = paragraph.children[0].token
        hrefs = [t.attrGet("href") for t in (token.children or []) if t.type == "link_open"]
        if not hrefs or not str(hrefs[0]).startswith("#"):
            return False
    return True


def pieces(root: Node, ctx: Context) -> list[Block | Pending]:
    """Top-level blocks in order; ordered lists stay pending for the structure pass."""
    out: list[Block | Pending] = []
    blocks: list[Block] = []
    for node in root.children:
        if node.type == "ordered_list":
            out.extend(tidy(blocks))
            blocks = []
            mapping = node.map or [0, 0]
            out.append(Pending(node, mapping[0] + 1, mapping[1]))
        else:
            blocks.extend(convert(node, ctx))
    out.extend(tidy(blocks))
    return out


def build_structure(root: Node, ctx: Context, tutorial: Tutorial) -> None:
    builder = Builder(ctx, tutorial)
    flow = pieces(root, ctx)
    for index, piece in enumerate(flow):
        following = flow[index + 1] if index + 1 < len(flow) else None
        if isinstance(piece, Pending):
            builder.add_list(piece, following if isinstance(following, Block) else None)
        elif piece.type == "heading":
            builder.add_heading(piece, following)
        else:
            builder.add_block(piece)
    _intro_facts(tutorial)


def _intro_facts(tutorial: Tutorial) -> None:
    """Prerequisites and the building-blocks overview, read from the intro."""
    titles = {section.title.strip().lower() for section in tutorial.sections}
    previous = ""
    for block in tutorial.intro:
        if block.type == "list":
            texts = [" ".join(block_text(b) for b in item).strip() for item in block.items]
            matches_sections = block.ordered and sum(t.lower() in titles for t in texts) >= max(
                1, len(texts) // 2
            )
            if block.ordered and (_BLOCKS_HINT.search(previous) or matches_sections):
                tutorial.building_blocks = texts
            elif not block.ordered and _PREREQ_HINT.search(previous) and not tutorial.prerequisites:
                tutorial.prerequisites = texts
        if block.type == "paragraph":
            previous = inl.plain_text(block.inline)
    for section in tutorial.sections:
        if section.title.lower().startswith("prerequisite") and not tutorial.prerequisites:
            for block in walk(section.content):
                if block.type == "list" and not block.ordered:
                    tutorial.prerequisites = [
                        " ".join(block_text(b) for b in item).strip() for item in block.items
                    ]
                    break
