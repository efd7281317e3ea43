"""Shared fixtures: paths to the project, the seed and the read-only corpus in ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_cefbcd256e93b8c9.txt"
CORPUS = SHARED / "corpus"
SOURCE_DOCS = ROOT / "source_docs"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the seed tutorial is missing at {SEED}; ../shared must sit beside the project")
    return SEED
