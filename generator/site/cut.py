"""Rendered template output cut at sentinel values, to be filled with real ones later.

The theme's templates are rendered for a stand-in whose values are sentinels (``tcframe7e1``
and the value's name); the output cut at the sentinels is a :class:`Frame`, and filling its
slots gives what the template would have rendered for those values
(:mod:`generator.site.frames`, :mod:`generator.site.toc`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SENTINEL = "tcframe7e1"


@dataclass(frozen=True)
class Frame:
    """A rendered text cut at its slots: ``texts`` around ``slots`` (one more text than slots)."""

    texts: tuple[str, ...]
    slots: tuple[str, ...]

    @classmethod
    def cut(cls, text: str, slots: re.Pattern[str]) -> Frame:
        """``slots`` matches a sentinel and captures the slot's name."""
        pieces = slots.split(text)
        return cls(tuple(pieces[0::2]), tuple(pieces[1::2]))

    def fill(self, values: dict[str, str]) -> str:
        out = [self.texts[0]]
        for slot, text in zip(self.slots, self.texts[1:], strict=True):
            out.append(values[slot])
            out.append(text)
        return "".join(out)

    def to_json(self) -> dict[str, Any]:
        return {"texts": self.texts, "slots": self.slots}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Frame:
        return cls(tuple(data["texts"]), tuple(data["slots"]))
