"""A :class:`TutorialDiff` as text for a docs team, or as JSON for tools and the site."""

from __future__ import annotations

import json

from generator.diff.changes import StepChange, StepRef, TutorialDiff

_MARK = {"changed": "~", "moved": ">", "added": "+", "removed": "-"}


def _where(ref: StepRef) -> str:
    return f"{ref.section} › {ref.number}" if ref.section else ref.number


def _place(change: StepChange) -> str:
    old, new = change.old, change.new
    if old is None or new is None:
        return _where(old or new)  # type: ignore[arg-type]
    if old.section == new.section:
        return _where(new) if old.number == new.number else f"{old.section} › {old.number} → {new.number}"
    return f"{_where(old)} → {_where(new)}"


def _step_lines(change: StepChange) -> list[str]:
    label = change.kind + (f", {change.moved}" if change.moved else "")
    ref = change.new or change.old
    assert ref is not None
    lines = [f"  {_MARK[change.kind]} {_place(change)}  [{label}]"]
    lines.append(f"      {change.text_diff or ref.text}")
    if change.body_diff:
        lines.append(f"      body: {change.body_diff}")
    lines += [f"      + {c.kind}: {c.text or '(no text)'}" for c in change.callouts_added]
    lines += [f"      - {c.kind}: {c.text or '(no text)'}" for c in change.callouts_removed]
    lines += [f"      + image: {i.src}" for i in change.images_added]
    lines += [f"      - image: {i.src}" for i in change.images_removed]
    return lines


def summary(diff: TutorialDiff) -> str:
    counts = diff.counts()
    compared = sum(counts.values())
    parts = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    return f"{compared} steps: {parts}"


def text(diff: TutorialDiff) -> str:
    lines = [
        f"--- {diff.old_source}  ({diff.old_dialect})",
        f"+++ {diff.new_source}  ({diff.new_dialect})",
        summary(diff),
    ]
    if diff.equivalent:
        lines.append("equivalent: no step-level differences")
    if diff.fields:
        lines.append("fields:")
        for item in diff.fields:
            if item.diff is not None:
                lines.append(f"  ~ {item.field}: {item.diff}")
            else:
                mark, value = ("+", item.new) if item.old is None else ("-", item.old)
                lines.append(f"  {mark} {item.field}: {value}")
    if diff.sections:
        lines.append("sections:")
        for section in diff.sections:
            if section.kind == "renamed":
                lines.append(f"  ~ renamed: {section.old} → {section.new}")
            else:
                lines.append(f"  {_MARK[section.kind]} {section.kind}: {section.new or section.old}")
    edited = [s for s in diff.steps if s.kind != "unchanged"]
    if edited:
        lines.append("steps:")
        for change in edited:
            lines += _step_lines(change)
    return "\n".join(lines) + "\n"


def as_json(diff: TutorialDiff) -> str:
    return json.dumps(diff.to_dict(), ensure_ascii=False, indent=2) + "\n"
