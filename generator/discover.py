"""Which files under a source folder are tutorials (one rule for build, check and sync)."""

from __future__ import annotations

import os
from pathlib import Path

SKIPPED_DIRS = {"_data", "media", "includes", ".cache"}


def tutorial_files(root: Path) -> list[Path]:
    """Every ``*.md`` under ``root`` except data, media, include and hidden folders and
    ``_``-files, in path order.

    Skipped folders are not entered at all (a media folder holds thousands of screenshots);
    folders that are symbolic links are not followed, files that are are listed.
    """
    found: list[tuple[list[str], Path, str]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [name for name in dirs if name not in SKIPPED_DIRS and not name.startswith(".")]
        parts = os.path.relpath(folder, root).split(os.sep) if folder != str(root) else []
        where = root.joinpath(*parts)  # a child of a Path costs a tenth of parsing a whole one
        found.extend(
            ([*parts, name], where, name)
            for name in files
            if name.endswith(".md") and not name.startswith(("_", ".")) and name.lower() != "readme.md"
        )
    found.sort(key=lambda item: item[0])  # by parts, as paths compare
    return [where / name for _, where, name in found]
