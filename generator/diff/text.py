"""Word-level comparison: how alike two steps are, and what changed in between."""

from __future__ import annotations

from difflib import SequenceMatcher


def similarity(old: tuple[str, ...], new: tuple[str, ...]) -> float:
    """Share of words in common, in order (difflib's ratio over words, 0..1)."""
    if old == new:
        return 1.0
    if not old or not new:
        return 0.0
    return SequenceMatcher(None, old, new, autojunk=False).ratio()


def word_diff(old: str, new: str) -> str:
    """``old`` turned into ``new`` as git's word diff shows it: ``[-removed-]{+added+}``."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.extend(a[i1:i2])
            continue
        removed = "[-" + " ".join(a[i1:i2]) + "-]" if i2 > i1 else ""
        added = "{+" + " ".join(b[j1:j2]) + "+}" if j2 > j1 else ""
        out.append(removed + added)
    return " ".join(out)
