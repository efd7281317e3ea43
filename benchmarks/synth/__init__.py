"""Deterministic synthetic tutorials shaped like the real corpus (same seed, same bytes)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from benchmarks.synth.markdown import write_markdown
from benchmarks.synth.media import write_shared_images
from benchmarks.synth.plan import TutorialPlan, plan_tutorial
from benchmarks.synth.sizes import LEGACY_SHARE

DEFAULT_SEED = 20240


@dataclass
class CorpusStats:
    """What was written, to set beside the real corpus in the report."""

    tutorials: int
    legacy: int
    bytes: int
    steps: int
    substeps: int
    images: int
    shared_images: int
    callouts: int

    def per_tutorial(self, value: int) -> float:
        return value / self.tutorials if self.tutorials else 0.0


def plans(n: int, seed: int = DEFAULT_SEED) -> list[TutorialPlan]:
    rng = random.Random(seed)
    return [plan_tutorial(rng, i, "legacy" if rng.random() < LEGACY_SHARE else "modern") for i in range(n)]


def write_corpus(folder: Path, n: int, seed: int = DEFAULT_SEED) -> CorpusStats:
    """Write ``n`` tutorials into ``folder/legacy`` and ``folder/modern`` plus ``folder/media/shared``."""
    write_shared_images(folder / "media" / "shared")
    stats = CorpusStats(n, 0, 0, 0, 0, 0, 0, 0)
    for plan in plans(n, seed):
        text = write_markdown(plan).encode("utf-8")
        path = folder / plan.dialect / f"{plan.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text)
        steps = [step for section in plan.sections for step in section.steps]
        stats.legacy += plan.dialect == "legacy"
        stats.bytes += len(text)
        stats.steps += len(steps)
        stats.substeps += sum(len(step.subs) for step in steps)
        stats.images += sum(step.image is not None for step in steps)
        stats.shared_images += sum(step.image is not None and step.image.shared for step in steps)
        stats.callouts += sum(step.callout is not None for step in steps)
    return stats


def tutorial_paths(folder: Path) -> list[Path]:
    """The tutorials of a corpus written by :func:`write_corpus`, in a stable order."""
    return sorted(folder.glob("*/*.md"))
