"""Changes above the steps: title, metadata (e.g. ``ms.date``), prerequisites, sections.

Legacy headers and modern front matter name some fields differently (``pageTitle`` /
``title``, ``authors`` / ``author``, ``documentationCenter`` / ``documentationcenter``);
keys are compared under one spelling so a dialect change alone is not a difference.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.diff.align import Match
from generator.diff.flatten import FlatStep
from generator.diff.text import word_diff
from generator.model import ids
from generator.model.nodes import Section, Tutorial

_ALIASES = {"pagetitle": "title", "authors": "author"}


@dataclass
class FieldChange:
    field: str
    old: str | None
    new: str | None
    diff: str | None = None


@dataclass
class SectionChange:
    kind: str  # added, removed, renamed
    old: str | None
    new: str | None


def _metadata(tutorial: Tutorial) -> dict[str, str]:
    out = {}
    for key, value in tutorial.metadata.items():
        canonical = key.lower()
        out[_ALIASES.get(canonical, canonical)] = str(value).strip()
    return out


def _field(name: str, old: str | None, new: str | None) -> FieldChange | None:
    if (old or "") == (new or ""):
        return None
    both = old is not None and new is not None
    return FieldChange(name, old, new, word_diff(old, new) if both else None)


def field_changes(old: Tutorial, new: Tutorial) -> list[FieldChange]:
    found = [
        _field("heading", old.title, new.title),
        _field("prerequisites", "; ".join(old.prerequisites) or None, "; ".join(new.prerequisites) or None),
    ]
    before, after = _metadata(old), _metadata(new)
    found += [_field(f"metadata {key}", before.get(key), after.get(key)) for key in sorted({*before, *after})]
    return [change for change in found if change is not None]


def _sections(tutorial: Tutorial) -> list[Section]:
    out: list[Section] = []

    def visit(section: Section) -> None:
        out.append(section)
        for sub in section.subsections:
            visit(sub)

    for section in tutorial.sections:
        visit(section)
    return out


def section_map(
    old: Tutorial, new: Tutorial, matches: list[Match], old_steps: list[FlatStep], new_steps: list[FlatStep]
) -> dict[str, str]:
    """Old section id -> new section id: same title, else where most of its steps went."""
    mapping: dict[str, str] = {}
    by_title = {ids.normalise(s.title): s.id for s in _sections(new)}
    for section in _sections(old):
        same = by_title.get(ids.normalise(section.title))
        if same is not None:
            mapping[section.id] = same
    taken = set(mapping.values())
    votes: Counter[tuple[str, str]] = Counter(
        (old_steps[m.old].section_id, new_steps[m.new].section_id) for m in matches
    )
    for (before, after), _ in votes.most_common():
        if before not in mapping and after not in taken:
            mapping[before] = after
            taken.add(after)
    return mapping


def section_changes(old: Tutorial, new: Tutorial, mapping: dict[str, str]) -> list[SectionChange]:
    titles = {s.id: s.title for s in _sections(new)}
    found = []
    for section in _sections(old):
        target = mapping.get(section.id)
        if target is None:
            found.append(SectionChange("removed", section.title, None))
        elif ids.normalise(titles[target]) != ids.normalise(section.title):
            found.append(SectionChange("renamed", section.title, titles[target]))
    mapped = set(mapping.values())
    found += [SectionChange("added", None, s.title) for s in _sections(new) if s.id not in mapped]
    return found
