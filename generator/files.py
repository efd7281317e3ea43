"""Putting a file that already exists somewhere (a cache) into an output folder, without copying
its bytes where the file system can share them."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path


def place_file(source: Path, target: Path) -> None:
    """Make ``target`` the file ``source`` without writing its bytes again: a hard link, else a copy.

    Names are content hashes, so a file already there with the same size is kept (an output
    folder reused between builds). Linking fails across file systems or where there are no hard
    links; then it is a copy. Either way via a temporary name, so no reader sees half a file.
    """
    try:
        if target.stat().st_size == source.stat().st_size:
            return
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)
    # Another build process may have linked the same file there first: renaming a link onto a
    # link of the same file does nothing and leaves the temporary name behind.
    tmp.unlink(missing_ok=True)
