"""Which files under a source folder are tutorials (one rule for build, check and sync)."""

from __future__ import annotations

from pathlib import Path

SKIPPED_DIRS = {"_data", "media", "includes", ".cache"}


def tutorial_files(root: Path) -> list[Path]:
    """Every ``*.md`` under ``root`` except data, media, include folders and ``_``-files, sorted."""
    found = []
    for path in root.rglob("*.md"):
        relative = path.relative_to(root)
        if any(part in SKIPPED_DIRS or part.startswith(".") for part in relative.parts[:-1]):
            continue
        if path.name.startswith(("_", ".")) or path.name.lower() == "readme.md":
            continue
        found.append(path)
    return sorted(found)
