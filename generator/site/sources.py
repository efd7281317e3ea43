"""The tutorials of a source folder: their files, where they really are, and their page names."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.discover import tutorial_files

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9._/-]+")


@dataclass(frozen=True)
class Sources:
    """Every tutorial under ``root`` (resolved), in build order: ``paths`` as found, ``reals``
    resolved (symbolic links followed), ``keys`` their page names."""

    root: Path
    paths: list[Path]
    reals: list[Path]
    keys: list[str]

    def links(self) -> dict[Path, str]:
        """Each tutorial's page, by its real path (links between tutorials are rendered to these)."""
        return {real: f"tutorials/{key}/" for real, key in zip(self.reals, self.keys, strict=True)}


def find_tutorials(root: Path) -> Sources:
    """The tutorials under ``root`` (a resolved folder); a link to a file outside it, or two
    tutorials whose page names would be the same, stop the build."""
    paths = tutorial_files(root)
    reals = _resolved(paths)
    base = os.path.join(root, "")
    for path, real in zip(paths, reals, strict=True):
        if not str(real).startswith(base):
            raise GeneratorError(
                str(path),
                1,
                f"links to {real}, outside the source folder, where its screenshots, includes and "
                "catalogue would not be found; copy it into the source folder",
            )
    keys = [_key(real, root) for real in reals]
    seen: dict[str, Path] = {}
    for path, key in zip(paths, keys, strict=True):
        if key in seen:
            raise GeneratorError(str(path), 1, f"has the same page name {key!r} as {seen[key]}; rename one")
        seen[key] = path
    return Sources(root, paths, reals, keys)


def tutorial_key(path: Path, source: Path) -> str:
    """The tutorial's page name and progress key: its path in the source folder, URL-safe."""
    return _key(path.resolve(), source)


def _key(real: Path, source: Path) -> str:
    text, base = str(real), os.path.join(source, "")
    if not text.startswith(base):  # not under the source folder: relative_to says so
        return _UNSAFE_KEY.sub("-", real.relative_to(source).with_suffix("").as_posix())
    relative = os.path.splitext(text[len(base) :])[0]  # a thousand times cheaper than pathlib's steps
    return _UNSAFE_KEY.sub("-", relative.replace(os.sep, "/"))


def _resolved(paths: list[Path]) -> list[Path]:
    """``path.resolve()`` of each, resolving each folder once (a build has thousands of files in a
    few folders, and resolving costs a system call per folder level)."""
    folders: dict[str, Path] = {}
    reals = []
    for path in paths:
        parent, name = os.path.split(path)
        folder = folders.get(parent)
        if folder is None:
            folder = folders[parent] = Path(os.path.realpath(parent))
        reals.append(path.resolve() if os.path.islink(path) else folder / name)
    return reals
