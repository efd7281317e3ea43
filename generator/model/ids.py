"""Stable identifiers.

Rule (documented in README): a section's id is the slug of its title. A step's id is
``<section slug>-<first 8 hex digits of sha1(key)>``, where the section is the innermost
(sub)section holding the step and the key is the step's normalised text: its plain text
in lower case with markup removed and every run of whitespace and punctuation collapsed
to one space. A sub-step's key is ``<parent's normalised text> / <its own>``, because
"Click Next." recurs under many parents. The number and the position play no part, so a
renumbered step keeps its id and an edited one gets a new id. Equal ids within one
tutorial get ``-2``, ``-3`` in source order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
MAX_SLUG = 48


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    return _NON_WORD.sub(" ", text).strip()


def slug(text: str, fallback: str = "section") -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = _NON_WORD.sub("-", ascii_text.lower()).strip("-")
    if len(value) > MAX_SLUG:
        cut = value.rfind("-", 0, MAX_SLUG + 1)
        value = value[: cut if cut > 0 else MAX_SLUG]
    return value or fallback


def digest(text: str, length: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def step_id(section_slug: str, text: str, parent_text: str = "") -> str:
    key = normalise(text) if not parent_text else f"{normalise(parent_text)} / {normalise(text)}"
    return f"{section_slug}-{digest(key)}"


class Unique:
    """Hands out ids, suffixing repeats with -2, -3 ... in the order they are asked for."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, base: str) -> str:
        count = self.seen.get(base, 0) + 1
        self.seen[base] = count
        if count == 1:
            return base
        candidate = f"{base}-{count}"
        while candidate in self.seen:
            count += 1
            candidate = f"{base}-{count}"
        self.seen[candidate] = 1
        return candidate
