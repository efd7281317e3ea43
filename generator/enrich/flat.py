"""A run of inline nodes seen as one string, so patterns can span node boundaries.

``https://`` + ``<companyname>`` (an HTML node) + ``.slack.com`` is one URL to a reader
but three nodes to the parser. :class:`Flat` concatenates the run (text nodes can be
split, other nodes count whole, anything else is a barrier no pattern crosses) and
:func:`wrap` replaces a found span with a new node that keeps the original nodes as
its children, so the model loses nothing and the renderer can still show the source.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from generator.model.nodes import Inline

BARRIER = "\x00"

Atomic = Callable[[Inline], str | None]


@dataclass(slots=True)
class Piece:
    index: int
    start: int
    text: str
    splittable: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


class Flat:
    """``nodes`` as one string; ``atomic(node)`` gives the text of a node that counts whole."""

    def __init__(self, nodes: list[Inline], atomic: Atomic) -> None:
        self.nodes = nodes
        self.pieces: list[Piece] = []
        offset = 0
        for index, node in enumerate(nodes):
            if node.type == "text":
                piece = Piece(index, offset, node.text, True)
            elif node.type in ("softbreak", "hardbreak"):
                piece = Piece(index, offset, " ", False)
            else:
                whole = atomic(node)
                piece = Piece(index, offset, BARRIER if whole is None else whole or BARRIER, False)
            self.pieces.append(piece)
            offset += len(piece.text)
        self.text = "".join([p.text for p in self.pieces])
        self.starts = [p.start for p in self.pieces]

    def piece_at(self, offset: int) -> Piece:
        """The piece holding ``offset`` (the last one starting at or before it: empty pieces
        share their start with the piece after them)."""
        return self.pieces[bisect_right(self.starts, offset) - 1]

    def widen(self, start: int, end: int) -> tuple[int, int]:
        """Grow a span so that it never cuts a node that cannot be split."""
        first, last = self.piece_at(start), self.piece_at(end - 1)
        return (start if first.splittable else first.start), (end if last.splittable else last.end)


def node_maker(kind: str, attrs: dict) -> Callable[[list[Inline], str], Inline]:
    """A ``make`` for :func:`wrap`: a ``kind`` node holding the span's text and nodes."""
    return lambda children, text: Inline(kind, text=text, children=children, attrs=attrs)


def wrap(flat: Flat, start: int, end: int, make: Callable[[list[Inline], str], Inline]) -> Inline:
    """Replace ``flat.text[start:end]`` in ``flat.nodes`` by ``make(children, text)``."""
    start, end = flat.widen(start, end)
    covered = [p for p in flat.pieces if p.end > start and p.start < end]
    before: list[Inline] = []
    after: list[Inline] = []
    children: list[Inline] = []
    for piece in covered:
        node = flat.nodes[piece.index]
        if not piece.splittable:
            children.append(node)
            continue
        lo, hi = max(start, piece.start) - piece.start, min(end, piece.end) - piece.start
        if lo > 0:
            before.append(Inline("text", node.text[:lo]))
        children.append(Inline("text", node.text[lo:hi]))
        if hi < len(node.text):
            after.append(Inline("text", node.text[hi:]))
    new = make(children, flat.text[start:end])
    flat.nodes[covered[0].index : covered[-1].index + 1] = [*before, new, *after]
    return new
