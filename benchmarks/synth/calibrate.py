"""Measure a corpus the way :mod:`benchmarks.synth.sizes` was derived (run by hand, never by the benchmark).

``python -m benchmarks.synth.calibrate ../shared/corpus`` prints, per dialect folder, the size
quantiles and the mean steps, sub-steps, images and callouts per tutorial as the project's own
loader reads them. Pointed at a synthetic corpus it shows how close the imitation is.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Iterator
from pathlib import Path

from generator.model.nodes import Block, Section, Step
from generator.pipeline import load


def _sections(sections: list[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _sections(section.subsections)


def _steps(steps: list[Step], depth: int = 0) -> Iterator[tuple[Step, int]]:
    for step in steps:
        yield step, depth
        yield from _steps(step.steps, depth + 1)


def _blocks(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        for item in block.items:
            yield from _blocks(item)
        yield from _blocks(block.blocks)
        if block.callout:
            yield from _blocks(block.callout.content)


def measure(path: Path) -> dict[str, int]:
    tutorial = load(path, root=path.parent).tutorial
    sections = list(_sections(tutorial.sections))
    steps = [pair for s in sections for p in s.procedures for pair in _steps(p.steps)]
    blocks = [*_blocks(tutorial.intro), *(b for s in sections for b in _blocks(s.content))]
    blocks += [b for step, _ in steps for b in _blocks(step.content)]
    return {
        "bytes": path.stat().st_size,
        "steps": sum(depth == 0 for _, depth in steps),
        "substeps": sum(depth > 0 for _, depth in steps),
        "images": sum(b.type == "image" for b in blocks),
        "callouts": sum(b.type == "callout" for b in blocks),
    }


def main(root: Path) -> None:
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and any(p.glob("*.md"))):
        rows = [measure(path) for path in sorted(folder.glob("*.md"))]
        sizes = sorted(row["bytes"] for row in rows)
        deciles = [round(q) for q in statistics.quantiles(sizes, n=10)]
        print(f"{folder.name}: {len(rows)} files, bytes {(sizes[0], *deciles, sizes[-1])}")
        for name in ("steps", "substeps", "images", "callouts"):
            print(f"  mean {name}: {statistics.mean(row[name] for row in rows):.1f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
