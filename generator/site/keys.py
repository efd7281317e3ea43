"""Tutorials' page names: each tutorial's path in the source folder, made URL-safe."""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import GeneratorError

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9._/-]+")


def tutorial_key(path: Path, source: Path) -> str:
    """The tutorial's page name and progress key: its path in the source folder, URL-safe."""
    relative = path.resolve().relative_to(source).with_suffix("").as_posix()
    return _UNSAFE_KEY.sub("-", relative)


def tutorial_keys(paths: list[Path], source: Path) -> list[str]:
    """Every tutorial's key; two tutorials whose keys would be the same stop the build."""
    keys = [tutorial_key(path, source) for path in paths]
    seen: dict[str, Path] = {}
    for path, key in zip(paths, keys, strict=True):
        if key in seen:
            raise GeneratorError(str(path), 1, f"has the same page name {key!r} as {seen[key]}; rename one")
        seen[key] = path
    return keys
