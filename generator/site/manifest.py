"""The build manifest: every tutorial's steps, and what changed in its last update.

Each build publishes ``manifest.json`` at the site root: per tutorial the sha256 of its
source, its steps in page order (id, number, section, text, fingerprint) and its last
update. The next build reads the manifest of the site it replaces (and keeps it as
``manifest.previous.json``): a tutorial whose steps are the same keeps its last update; one
whose steps differ gets a new one, from :func:`generator.diff.diff_tutorials` between the
version readers last saw (kept in the build cache) and the new one, or, when that version
is no longer in the cache, from comparing step ids and fingerprints.

An update is what the page's scripts need to keep a reader's ticks honest:

- ``changes``: added, changed, removed and moved steps (a step only renumbered is not a
  change), each with its new id, number and text and its old ones;
- ``aliases``: old step id -> [new id, the old step's fingerprint] for steps whose id changed
  (a reworded step gets a new id), carried over later updates, so a tick on an old id is
  found and can be compared with what the step says now.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diff import StepRef, diff_tutorials
from generator.model.nodes import Tutorial
from generator.render.outline import step_places

MANIFEST = "manifest.json"
PREVIOUS = "manifest.previous.json"
FORMAT = 1
SHOWN_MOVES = ("section", "reordered")  # "renumbered" is every step after an insertion: not news

Record = dict[str, Any]


@dataclass
class Manifest:
    tutorials: dict[str, Record] = field(default_factory=dict)
    published: str | None = None  # the file this was read from, when every record in it was kept

    @classmethod
    def read(cls, site_dir: Path) -> Manifest:
        """The manifest published in ``site_dir``; empty when there is none or it cannot be read."""
        try:
            text = (site_dir / MANIFEST).read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError):
            return cls()
        tutorials = data.get("tutorials") if isinstance(data, dict) and data.get("format") == FORMAT else None
        if not isinstance(tutorials, dict):
            return cls()
        kept = {key: value for key, value in tutorials.items() if _valid(value)}
        return cls(kept, text if len(kept) == len(tutorials) else None)

    def add(self, key: str, source: str, steps: list[Record], update: Record) -> None:
        self.tutorials[key] = record(source, steps, update)

    def text(self) -> str:
        return self.written()[0]

    def written(self) -> tuple[str, dict[str, Span]]:
        """The manifest as published, and where each tutorial's record is in it.

        Keys in build order, unsorted: an update read back from here gives its page the same
        bytes. Compact: it is fetched by readers' browsers, and only compact JSON has the fast
        encoder.
        """
        return join_records({key: compact(record) for key, record in self.tutorials.items()})

    def publish(self, site_dir: Path, previous: Manifest) -> dict[str, Span]:
        """Write this manifest into the (staged) site, with the one it replaces beside it; returns
        where each record is in the file (see :func:`join_records`)."""
        text, spans = self.written()
        (site_dir / MANIFEST).write_text(text + "\n", encoding="utf-8")
        if previous.tutorials:
            (site_dir / PREVIOUS).write_text(previous.as_published(), encoding="utf-8")
        return spans

    def as_published(self) -> str:
        """This manifest's file: as it was read when nothing in it was dropped (what this version
        wrote, it writes again: its JSON read back is a fixed point), else written anew."""
        return self.published or self.text() + "\n"


Span = tuple[int, int]
_HEAD = f'{{"format":{FORMAT},"tutorials":{{'


def compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def join_records(records: dict[str, str]) -> tuple[str, dict[str, Span]]:
    """The manifest's text from its records' texts (key -> compact JSON), and each record's span
    in it (character offsets): what ``json.dumps`` gives for the whole, compact. A patched rebuild
    copies unchanged records from the published file by these spans instead of reading it all
    (:mod:`generator.site.patch`)."""
    out, spans, at = [_HEAD], {}, len(_HEAD)
    for index, (key, record) in enumerate(records.items()):
        name = ("," if index else "") + compact(key) + ":"
        at += len(name)
        spans[key] = (at, at + len(record))
        at += len(record)
        out += (name, record)
    out.append("}}")
    return "".join(out), spans


def record(source: str, steps: list[Record], update: Record) -> Record:
    """A tutorial's record: the sha256 of its source, its steps and its last update."""
    return {"source": source, "steps": steps, "update": update}


def _valid(record: object) -> bool:
    """A record this version wrote; anything else is skipped (as if the tutorial were new)."""
    if not isinstance(record, dict) or not isinstance(record.get("source"), str):
        return False
    steps, update = record.get("steps"), record.get("update")
    if not isinstance(steps, list) or not all(isinstance(s, dict) and "id" in s for s in steps):
        return False
    if not isinstance(update, dict) or not isinstance(update.get("changes", []), list):
        return False
    aliases = update.get("aliases", {})
    return isinstance(aliases, dict) and all(
        isinstance(a, list) and len(a) == 2 and all(isinstance(x, str) for x in a) for a in aliases.values()
    )


def step_records(tutorial: Tutorial) -> list[Record]:
    """The manifest's view of a tutorial's steps, in page order."""
    return [
        {
            "id": place.step.id,
            "number": place.number,
            "section": place.section,
            "text": place.step.text,
            "fingerprint": place.step.fingerprint,
        }
        for place in step_places(tutorial)
    ]


def carried(previous: Manifest, key: str, steps: list[Record]) -> Record | None:
    """The tutorial's last update if its steps are as in the previous build (``{}`` for a tutorial
    that build did not have), or ``None``: the steps changed and a new update must be worked out."""
    before = previous.tutorials.get(key)
    if before is None:
        return {}
    return before["update"] if before["steps"] == steps else None


def new_update(before: Record, old: Tutorial | None, new: Tutorial, steps: list[Record]) -> Record:
    """The update from the previous build's ``before`` record to ``new``.

    ``old`` is that version read again (from the build cache), or ``None`` when it is gone:
    then steps are paired by id only, so a reworded step shows as removed and added.
    """
    if old is None:
        changes, pairs = _by_id(before["steps"], steps), []
    else:
        diff = diff_tutorials(old, new)
        changes = [
            _change(c.kind, _ref(c.old), _ref(c.new), c.moved)
            for c in diff.steps
            if c.kind in ("added", "changed", "removed") or (c.kind == "moved" and c.moved in SHOWN_MOVES)
        ]
        pairs = [(c.old.id, c.new.id) for c in diff.steps if c.old is not None and c.new is not None]
    fingerprints = {s["id"]: s.get("fingerprint", "") for s in before["steps"]}
    aliases = _aliases(before["update"].get("aliases", {}), pairs, fingerprints, {s["id"] for s in steps})
    return {"changes": changes, "aliases": aliases}


def counts(update: Record) -> dict[str, int]:
    found: dict[str, int] = {}
    for change in update.get("changes", []):
        found[change["kind"]] = found.get(change["kind"], 0) + 1
    return found


def _ref(ref: StepRef | None) -> Record | None:
    return None if ref is None else {"id": ref.id, "number": ref.number, "text": ref.text}


def _change(kind: str, old: Record | None, new: Record | None, moved: str | None = None) -> Record:
    change: Record = {"kind": kind}
    if new is not None:
        change.update(id=new["id"], number=new["number"], text=new["text"])
    if old is not None:
        change.update(old_id=old["id"], old_number=old["number"], old_text=old["text"])
    if moved:
        change["moved"] = moved
    return change


def _by_id(old_steps: list[Record], new_steps: list[Record]) -> list[Record]:
    old = {s["id"]: s for s in old_steps}
    new_ids = {s["id"] for s in new_steps}
    changes = []
    for step in new_steps:
        before = old.get(step["id"])
        if before is None:
            changes.append(_change("added", None, step))
        elif before.get("fingerprint") != step["fingerprint"]:
            changes.append(_change("changed", before, step))
    return changes + [_change("removed", s, None) for s in old_steps if s["id"] not in new_ids]


def _aliases(
    earlier: dict[str, list[str]], pairs: list[tuple[str, str]], fingerprints: dict[str, str], ids: set[str]
) -> dict[str, list[str]]:
    """Old id -> [current id, old fingerprint]: this update's renamed steps, and earlier ones followed on."""
    renamed = {old: new for old, new in pairs if old != new}
    out = {}
    for old, (target, fingerprint) in earlier.items():
        target = renamed.get(target, target)
        if target in ids and old not in ids:
            out[old] = [target, fingerprint]
    for old, new in renamed.items():
        if old not in ids:
            out[old] = [new, fingerprints.get(old, "")]
    return dict(sorted(out.items()))
