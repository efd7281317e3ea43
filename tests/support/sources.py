"""Source folders for build tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.site.workers import MIN_PARALLEL
from tests.conftest import CORPUS, SOURCE_DOCS


def shipped_and_corpus(root: Path, count: int = MIN_PARALLEL) -> Path:
    """``root``: the shipped tutorials plus ``count`` real legacy ones, by default enough that a
    build renders in worker processes."""
    shutil.copytree(SOURCE_DOCS, root)
    for path in sorted((CORPUS / "legacy").glob("*.md"))[:count]:
        shutil.copy(path, root / path.name)
    return root
