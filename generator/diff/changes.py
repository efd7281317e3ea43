"""Classify every step of two aligned versions: unchanged, changed, moved, added, removed.

A matched step is *changed* when what a reader sees in it differs (its text, the rest
of its body, its callouts or screenshots) and *moved* when only its place differs:
another section, another order, or another number. A changed step also says whether it
moved. Unmatched steps are added or removed.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from generator.diff.align import Match, align
from generator.diff.document import FieldChange, SectionChange, field_changes, section_changes, section_map
from generator.diff.flatten import CalloutRef, FlatStep, ImageRef, flatten
from generator.diff.text import word_diff
from generator.model import ids
from generator.model.nodes import Tutorial

KINDS = ("unchanged", "changed", "moved", "added", "removed")


@dataclass
class StepRef:
    id: str
    number: str
    section: str
    text: str
    line: int


@dataclass
class StepChange:
    kind: str
    old: StepRef | None = None
    new: StepRef | None = None
    similarity: float = 0.0
    moved: str | None = None  # section, reordered or renumbered
    text_diff: str | None = None
    body_diff: str | None = None
    callouts_added: list[CalloutRef] = field(default_factory=list)
    callouts_removed: list[CalloutRef] = field(default_factory=list)
    images_added: list[ImageRef] = field(default_factory=list)
    images_removed: list[ImageRef] = field(default_factory=list)


@dataclass
class TutorialDiff:
    old_source: str
    new_source: str
    old_dialect: str
    new_dialect: str
    fields: list[FieldChange] = field(default_factory=list)
    sections: list[SectionChange] = field(default_factory=list)
    steps: list[StepChange] = field(default_factory=list)

    @property
    def equivalent(self) -> bool:
        return not self.fields and not self.sections and all(s.kind == "unchanged" for s in self.steps)

    def counts(self) -> dict[str, int]:
        found = Counter(s.kind for s in self.steps)
        return {kind: found.get(kind, 0) for kind in KINDS}

    def aligned_share(self) -> float:
        """Share of the old version's steps that have a counterpart in the new one."""
        old = [s for s in self.steps if s.old is not None]
        return sum(s.new is not None for s in old) / len(old) if old else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "equivalent": self.equivalent, "counts": self.counts()}


def _ref(flat: FlatStep) -> StepRef:
    step = flat.step
    return StepRef(step.id, flat.path, flat.section, step.text, step.line)


def _lis(values: list[int]) -> set[int]:
    """Positions of one longest increasing run of ``values`` (patience sorting)."""
    tails: list[int] = []
    previous: list[int] = [-1] * len(values)
    tail_at: list[int] = []
    for position, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            mid = (low + high) // 2
            if tails[mid] < value:
                low = mid + 1
            else:
                high = mid
        if low == len(tails):
            tails.append(value)
            tail_at.append(position)
        else:
            tails[low] = value
            tail_at[low] = position
        previous[position] = tail_at[low - 1] if low else -1
    keep, position = set(), tail_at[-1] if tail_at else -1
    while position >= 0:
        keep.add(position)
        position = previous[position]
    return keep


def _image_key(image: ImageRef) -> str:
    return posixpath.basename(image.src.replace("\\", "/")).lower()


def _callout_key(callout: CalloutRef) -> tuple[str, str]:
    return callout.kind, ids.normalise(callout.text)


def _pick(items: list, wanted: Counter, key: Callable) -> list:
    out = []
    for item in items:
        if wanted[key(item)] > 0:
            wanted[key(item)] -= 1
            out.append(item)
    return out


def _difference(old: list, new: list, key: Callable) -> tuple[list, list]:
    """(added, removed) between two lists compared by ``key``, counting repeats."""
    before, after = Counter(map(key, old)), Counter(map(key, new))
    return _pick(new, after - before, key), _pick(old, before - after, key)


def _matched(a: FlatStep, b: FlatStep, match: Match, moved: str | None) -> StepChange:
    change = StepChange("unchanged", _ref(a), _ref(b), round(match.score, 3), moved)
    if a.words != b.words:
        change.text_diff = word_diff(a.step.text, b.step.text)
    if ids.normalise(a.body) != ids.normalise(b.body):
        change.body_diff = word_diff(a.body, b.body)
    change.callouts_added, change.callouts_removed = _difference(a.callouts, b.callouts, _callout_key)
    change.images_added, change.images_removed = _difference(a.images, b.images, _image_key)
    edited = (
        change.text_diff
        or change.body_diff
        or change.callouts_added
        or change.callouts_removed
        or change.images_added
        or change.images_removed
    )
    change.kind = "changed" if edited else "moved" if moved else "unchanged"
    return change


def _moves(
    matches: list[Match], old: list[FlatStep], new: list[FlatStep], sections: dict[str, str]
) -> dict[int, str]:
    """Old index -> how the step moved, for steps that did."""
    in_order = _lis([m.new for m in matches])
    moves = {}
    for position, m in enumerate(matches):
        a, b = old[m.old], new[m.new]
        if sections.get(a.section_id) != b.section_id:
            moves[m.old] = "section"
        elif position not in in_order:
            moves[m.old] = "reordered"
        elif a.path != b.path:
            moves[m.old] = "renumbered"
    return moves


def diff_tutorials(old: Tutorial, new: Tutorial) -> TutorialDiff:
    """Everything a docs team needs to know about ``old`` becoming ``new``, step by step."""
    old_steps, new_steps = flatten(old), flatten(new)
    matches = align(old_steps, new_steps)
    sections = section_map(old, new, matches, old_steps, new_steps)
    moves = _moves(matches, old_steps, new_steps, sections)
    ordered: list[tuple[tuple[int, int, int], StepChange]] = []
    for m in matches:
        change = _matched(old_steps[m.old], new_steps[m.new], m, moves.get(m.old))
        ordered.append(((m.new, 0, 0), change))
    matched_new = {m.new for m in matches}
    for b in new_steps:
        if b.index not in matched_new:
            ordered.append(((b.index, 0, 0), StepChange("added", new=_ref(b))))
    anchor = -1
    by_old = {m.old: m.new for m in matches}
    for a in old_steps:
        if a.index in by_old:
            anchor = by_old[a.index]
        else:
            ordered.append(((anchor, 1, a.index), StepChange("removed", old=_ref(a))))
    ordered.sort(key=lambda item: item[0])
    return TutorialDiff(
        old_source=old.source,
        new_source=new.source,
        old_dialect=old.dialect,
        new_dialect=new.dialect,
        fields=field_changes(old, new),
        sections=section_changes(old, new, sections),
        steps=[change for _, change in ordered],
    )
