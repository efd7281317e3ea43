"""``build --gc``: the build cache without what the build did not use.

The cache keeps every page it rendered, every tutorial version, every screenshot's web version
and every picture it drew, so it grows with each edit and each generator upgrade. A full build
knows what it used: its pages' entries and their tutorials' versions, its screenshots (by the
hash of their bytes) and its drawn pictures (by key). ``--gc`` removes the rest of those three
big parts (``pages``, ``images``, ``generated``), with the folders of older cache formats.
Compiled templates, checked catalogues and site states are small and stay; so do files whose
name starts with a dot (another build's files being written). A cache shared by several source
folders loses the others' entries, which their next build renders again (as Hugo's ``--gc``).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.render.images import CACHE_VERSION as IMAGES_VERSION
from generator.render.images import Used
from generator.site.cache import CACHE_VERSION as PAGES_VERSION

_DIGEST = 64  # characters of a sha256 in hex: what cache file names start with


@dataclass
class Pruned:
    files: int = 0
    bytes: int = 0

    def summary(self) -> str:
        return f"cache: removed {self.files} files ({self.bytes / 1e6:.1f} MB) this build did not use"


def prune_cache(cache_dir: Path, pages: set[str], sources: set[str], used: Used) -> Pruned:
    """Remove from ``cache_dir`` what a build that used ``pages`` (entry keys), ``sources``
    (tutorial versions) and ``used`` (images) does not need."""
    pruned = Pruned()

    def page_entry(folder: str, name: str) -> bool:
        if folder == "sources":
            return name in sources
        return folder != "" or os.path.splitext(name)[0] in pages

    _prune(cache_dir / "pages", PAGES_VERSION, page_entry, pruned)
    _prune(cache_dir / "images", IMAGES_VERSION, lambda _, name: name[:_DIGEST] in used.screenshots, pruned)
    _prune(cache_dir / "generated", IMAGES_VERSION, lambda _, name: name[:_DIGEST] in used.drawings, pruned)
    return pruned


def _prune(part: Path, version: str, needed: Callable[[str, str], bool], pruned: Pruned) -> None:
    """In ``part``, the folders of other versions go; in ``version``'s, every file ``needed``
    (its subfolder, its name) does not keep."""
    try:
        folders = list(os.scandir(part))
    except FileNotFoundError:
        return
    for entry in folders:
        if entry.name.startswith("."):
            continue
        if entry.name != version:
            _remove_tree(Path(entry.path), pruned)
            continue
        for folder, _, names in os.walk(entry.path):
            relative = os.path.relpath(folder, entry.path)
            for name in names:
                if not name.startswith(".") and not needed("" if relative == "." else relative, name):
                    _remove(os.path.join(folder, name), pruned)


def _remove_tree(path: Path, pruned: Pruned) -> None:
    if not path.is_dir():
        _remove(str(path), pruned)
        return
    for folder, _, names in os.walk(path):
        for name in names:
            _remove(os.path.join(folder, name), pruned, count_only=True)
    shutil.rmtree(path, ignore_errors=True)


def _remove(path: str, pruned: Pruned, count_only: bool = False) -> None:
    try:
        size = os.lstat(path).st_size
        if not count_only:
            os.unlink(path)
    except OSError:  # gone already, or not ours to remove: it stays
        return
    pruned.files += 1
    pruned.bytes += size
