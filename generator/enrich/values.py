"""Value references: a step that names a known value by its UI label shows the value.

"copy the **Issuer URL** value, and then paste it into the **Issuer URL** textbox" gets
one ``value`` node, right after the label the admin copies from. A label that is only
the destination ("into the **Logout URL** textbox") is skipped when the same sentence
names a source, so 9.6 of the seed shows the Login URL it tells the admin to copy.
"""

from __future__ import annotations

import re

from generator.enrich.catalogue import Catalogue
from generator.model.inline import plain_text
from generator.model.nodes import Inline

_BEFORE_DESTINATION = re.compile(r"\b(?:into|in|to)\s+(?:the\s+)?$", re.I)
_AFTER_DESTINATION = re.compile(r"^\s*(?:text\s?box|box|field)\b", re.I)


def value_node(name: str, label: str) -> Inline:
    return Inline("value", attrs={"value": name, "label": label})


def _text_at(nodes: list[Inline], index: int) -> str:
    return nodes[index].text if 0 <= index < len(nodes) and nodes[index].type == "text" else ""


def _is_destination(nodes: list[Inline], index: int) -> bool:
    return bool(
        _BEFORE_DESTINATION.search(_text_at(nodes, index - 1))
        and _AFTER_DESTINATION.search(_text_at(nodes, index + 1))
    )


def mark_value_labels(nodes: list[Inline], catalogue: Catalogue) -> list[Inline]:
    """Insert a ``value`` node after the label of each known value named in ``nodes``."""
    occurrences: list[tuple[int, str, str, bool]] = []
    for index, node in enumerate(nodes):
        if node.type == "strong":
            label = plain_text(node.children)
            value = catalogue.value_for_label(label)
            if value is not None:
                occurrences.append((index, value.name, label, _is_destination(nodes, index)))
    if any(not destination for *_, destination in occurrences):
        occurrences = [o for o in occurrences if not o[3]]
    chosen: dict[str, tuple[int, str]] = {}
    for index, name, label, _ in occurrences:
        chosen.setdefault(name, (index, label))
    made = []
    for name, (index, label) in sorted(chosen.items(), key=lambda item: -item[1][0]):
        node = value_node(name, label)
        nodes.insert(index + 1, node)
        made.append(node)
    return made[::-1]
