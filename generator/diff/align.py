"""Which step of the new version is which step of the old one.

IDs first: an id is the section slug plus a hash of the step's text, so an equal id is
the same step wherever its number went. The rest are paired by text similarity, best
pairs first (greedy), so a reworded step is found as "changed" instead of "removed +
added". Ties go to a step in a section of the same title, then to the nearer position.
Last, a lone pair left between the same two matched neighbours on both sides (a step
rewritten in place) is paired when it shares at least a third of its words.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import pairwise

from generator.diff.flatten import FlatStep
from generator.diff.text import similarity
from generator.model import ids

THRESHOLD = 0.6
IN_PLACE_THRESHOLD = 0.34


@dataclass(frozen=True)
class Match:
    old: int
    new: int
    score: float
    how: str  # "id", "text" or "place"


def _candidates(old: list[FlatStep], new: list[FlatStep], sizes: tuple[int, int]) -> list[tuple]:
    """(rank key, old index, new index, score) for every pair alike enough to be one step."""
    found = []
    matcher = SequenceMatcher(None, autojunk=False)
    for b in new:
        if not b.words:
            continue
        matcher.set_seq2(b.words)
        for a in old:
            if not a.words:
                continue
            matcher.set_seq1(a.words)
            if matcher.real_quick_ratio() < THRESHOLD or matcher.quick_ratio() < THRESHOLD:
                continue
            score = 1.0 if a.words == b.words else matcher.ratio()
            if score >= THRESHOLD:
                distance = abs(a.index / sizes[0] - b.index / sizes[1])
                other_section = ids.normalise(a.section) != ids.normalise(b.section)
                found.append(((-score, other_section, distance, a.index, b.index), a.index, b.index, score))
    return found


def align(old: list[FlatStep], new: list[FlatStep]) -> list[Match]:
    """Pairs of (old index, new index), each step used at most once, sorted by old index."""
    matches: list[Match] = []
    by_id = {step.step.id: step.index for step in new if step.step.id}
    for step in old:
        j = by_id.get(step.step.id)
        if j is not None:
            matches.append(Match(step.index, j, 1.0, "id"))
    taken_old = {m.old for m in matches}
    taken_new = {m.new for m in matches}
    rest_old = [s for s in old if s.index not in taken_old]
    rest_new = [s for s in new if s.index not in taken_new]
    for _, i, j, score in sorted(_candidates(rest_old, rest_new, (len(old), len(new)))):
        if i in taken_old or j in taken_new:
            continue
        taken_old.add(i)
        taken_new.add(j)
        matches.append(Match(i, j, score, "text"))
    matches += _in_place(old, new, sorted(matches, key=lambda m: m.old))
    return sorted(matches, key=lambda m: m.old)


def _in_place(old: list[FlatStep], new: list[FlatStep], matches: list[Match]) -> list[Match]:
    """Pairs of the only unmatched step on each side of a gap between two in-order matches."""
    found = []
    bounds = [Match(-1, -1, 1.0, ""), *matches, Match(len(old), len(new), 1.0, "")]
    for before, after in pairwise(bounds):
        if after.new <= before.new:
            continue
        gap_old = range(before.old + 1, after.old)
        gap_new = range(before.new + 1, after.new)
        if len(gap_old) == len(gap_new) == 1:
            a, b = old[gap_old[0]], new[gap_new[0]]
            score = similarity(a.words, b.words)
            if score >= IN_PLACE_THRESHOLD:
                found.append(Match(a.index, b.index, score, "place"))
    return found
