"""Model <-> JSON. Empty optional fields are left out; the lists the schema requires stay.

Containers also carry derived ``images`` and ``callouts`` lists: every image and callout
in their own content (not in sub-steps, procedures or subsections), so a consumer need not
walk the content tree to answer "which screenshots does step 9 have?".
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from generator.model import inline as inl
from generator.model.blocks import walk
from generator.model.nodes import Section, Step, Tutorial

ALWAYS = {
    "Tutorial": {"source", "dialect", "title", "metadata", "sections"},
    "Section": {"id", "title", "level", "procedures", "content"},
    "Procedure": {"id", "title", "steps"},
    "Step": {"id", "number", "text", "steps"},
    "Image": {"src", "alt", "title"},
    "Callout": {"kind", "text"},
    "Include": {"name", "path", "resolved"},
    "Block": {"type"},
    "Inline": {"type"},
}


def _value(value: Any) -> Any:
    if is_dataclass(value):
        return to_dict(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    return value


def to_dict(node: Any) -> dict[str, Any]:
    name = type(node).__name__
    keep = ALWAYS.get(name, set())
    out: dict[str, Any] = {}
    for f in fields(node):
        value = getattr(node, f.name)
        tri_state = value is False and f.default is None  # an explicit "no" (border=false)
        if f.name in keep or tri_state or value not in (None, "", [], {}, 0, False):
            out[f.name] = _value(value)
    if isinstance(node, (Step, Section, Tutorial)):
        blocks = node.intro if isinstance(node, Tutorial) else node.content
        own = list(walk(blocks))
        images = [b.image for b in own if b.image] + [
            img
            for b in own
            for img in inl.images(b.inline + [c for row in [b.header, *b.rows] for cell in row for c in cell])
        ]
        if isinstance(node, Step):
            images = inl.images(node.inline) + images
        out["images"] = [to_dict(i) for i in images]
        out["callouts"] = [to_dict(b.callout) for b in own if b.callout]
    return out
