"""Block tokens -> a light tree: each node a block token or an open/close pair with what lies between.

markdown-it-py's ``SyntaxTreeNode`` does the same but also makes a node of every inline
token and answers every attribute through a property; building it cost about a quarter of
the model stage. The model reads inline tokens straight from the ``inline`` token and
block attributes from ``node.token``, so this tree keeps only what it walks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(slots=True)
class Node:
    """``type`` is the token's type (``_open`` removed for a pair); ``token`` the token (the
    opening one of a pair); ``map`` its source lines, ``None`` when the parser gave none."""

    type: str
    token: Token
    map: list[int] | None = None
    children: list[Node] = field(default_factory=list)


def block_tree(tokens: list[Token]) -> Node:
    """The root node (type ``root``) of the block token stream ``tokens``."""
    from markdown_it.token import Token  # loaded already: tokens come from markdown-it-py

    root = Node("root", Token("root", "", 0))
    stack = [root]
    for token in tokens:
        if token.nesting == 0:
            stack[-1].children.append(Node(token.type, token, token.map or None))
        elif token.nesting > 0:
            node = Node(token.type.removesuffix("_open"), token, token.map or None)
            stack[-1].children.append(node)
            stack.append(node)
        else:
            stack.pop()
    return root
