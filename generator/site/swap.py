"""Publish a freshly built site in place of the old one, all or nothing.

The build writes into a staging folder beside the target (same file system, so renames
are cheap and never copy); only a complete build is renamed into place, so a failing
build leaves the previous site untouched and a reader never sees half a site.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A new empty folder next to ``target`` to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))


def swap_in(staged: Path, target: Path) -> None:
    """Replace ``target`` by ``staged``: two renames, then the old copy is removed in the background.

    Deleting thousands of files takes seconds the reader gains nothing from, so ``rm`` does it
    in a process of its own that the build does not wait for.
    """
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(staged, target)
    if old is not None:
        _remove_in_background(old)


_removals: list[subprocess.Popen[bytes]] = []  # running ones are kept, so none is collected early


def _remove_in_background(folder: Path) -> None:
    _removals[:] = [process for process in _removals if process.poll() is None]
    rm = shutil.which("rm")
    if rm is None:
        shutil.rmtree(folder, ignore_errors=True)
        return
    process = subprocess.Popen(
        [rm, "-rf", "--", str(folder)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    _removals.append(process)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def move_into(folder: Path, staged: Path) -> None:
    """Move everything in ``folder`` into ``staged`` (renames: both are beside the target)."""
    for entry in folder.iterdir():
        os.rename(entry, staged / entry.name)
