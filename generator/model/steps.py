"""Ordered list nodes -> :class:`Step` trees, read as the author meant them.

Lettered items (``a.``, which the reader rewrote to ``1.`` and remembered) that sit in
the same CommonMark list as numbered ones are sub-steps of the numbered step before
them; nested ordered lists are sub-steps; everything else in an item is its content.
"""

from __future__ import annotations

from generator.model import inline as inl
from generator.model.blocks import Context, convert_all, inline_of, line_of, split_image_lines
from generator.model.nodes import Step
from generator.model.tree import Node


def item_number(item: Node, ctx: Context) -> str:
    line = item.map[0] if item.map else -1
    if line in ctx.markers:
        return ctx.markers[line]
    return str(item.token.info or "")


def is_lettered(number: str) -> bool:
    return number.isalpha()


def item_to_step(item: Node, ctx: Context) -> Step:
    number = item_number(item, ctx)
    children = list(item.children)
    inline: list = []
    lead: list = []
    if children and children[0].type == "paragraph":
        lead = split_image_lines(inline_of(children[0]), line_of(children[0]), ctx)
        children = children[1:]
        if lead and lead[0].type == "paragraph":
            inline = lead.pop(0).inline
    step = Step(id="", number=number, text=inl.plain_text(inline), inline=inline, line=line_of(item))
    step.content.extend(lead)
    rest: list[Node] = []
    for child in children:
        if child.type == "ordered_list":
            _holder(step).content.extend(convert_all(rest, ctx))
            rest = []
            step.steps.extend(list_to_steps(child, ctx))
        else:
            rest.append(child)
    _holder(step).content.extend(convert_all(rest, ctx))
    _hoist_outdented(step, ctx)
    return step


def _hoist_outdented(step: Step, ctx: Context) -> None:
    """Screenshots written at column 0 under a step's bullets are the step's, not a bullet's."""
    last = step.content[-1] if step.content else None
    if last is None or last.type != "list" or last.ordered or not last.items:
        return
    tail = last.items[-1]
    moved = []
    while tail and id(tail[-1]) in ctx.outdented:
        moved.insert(0, tail.pop())
    step.content.extend(moved)


def _holder(step: Step) -> Step:
    """Where blocks after sub-steps go: a lettered sub-step's content sits at the column of
    its letter, left of where CommonMark wants it, so it lands in the parent; it is the
    last lettered sub-step's."""
    last = step.steps[-1] if step.steps else None
    return last if last is not None and is_lettered(last.number) else step


def list_to_steps(node: Node, ctx: Context) -> list[Step]:
    steps: list[Step] = []
    for item in node.children:
        step = item_to_step(item, ctx)
        parent = steps[-1] if steps else None
        if parent is not None and is_lettered(step.number) and not is_lettered(parent.number):
            parent.steps.append(step)
        else:
            steps.append(step)
    return steps


def last_number(steps: list[Step]) -> int | None:
    for step in reversed(steps):
        if step.number.isdigit():
            return int(step.number)
    return None


def number_positions(steps: list[Step]) -> None:
    """``position``: the number a reader sees, as an HTML list shows it.

    ``number`` keeps what the author wrote (all-``1.`` lists, 12 then 12, restarts); the page
    counts on from the first number, and lettered sub-steps count a, b, c.
    """
    first = next((s.number for s in steps if s.number.isdigit()), "1")
    counter = int(first)
    letters = 0
    for step in steps:
        if is_lettered(step.number):
            step.position = chr(ord("a") + letters) if letters < 26 else step.number
            letters += 1
        else:
            step.position = str(counter)
            counter += 1
        number_positions(step.steps)
