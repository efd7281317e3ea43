"""Files known unchanged by their metadata, as git's index knows them, so a rebuild need not read them.

A patched rebuild (:mod:`generator.site.patch`) must tell which of a thousand tutorials changed.
Reading and hashing each one, its sidecar and every file it pulled in costs about a tenth of a
second per thousand; comparing what ``stat`` says of them costs a fifth of that. A page's
stamps are, for its tutorial, its sidecar and each file it pulled in, the file's inode, size,
modification and change times; for a sidecar there is none of, that there is none (it is looked
for again); for another file it looked for and did not find, the stamp of the folder it was
looked for in (adding a file to a folder changes the folder's times). Stamps are kept by path:
a tutorial found at another path (another source folder) is read.

A stamp is taken only of a file last changed well before the build started reading
(:data:`RACY_NS`): a file written in the same instant as it was read could change again without
its times showing it. Its change time moves whenever its bytes or times are set, so a file
put back with an old modification time does not pass either. A page with any file that
could not be stamped has no stamps: it is read and hashed every time, until a build stamps it.
On Windows, where the change time is the creation time, nothing is stamped.
"""

from __future__ import annotations

import os
from pathlib import Path

from generator.enrich.sidecar import sidecar_path

# Files changed this close to the start of a build are read and hashed, not stamped: file times
# are coarser than the clock (up to 2 s on some file systems).
RACY_NS = 2_000_000_000

Stamp = list[int]


class Stamps:
    """The file metadata one build sees, each path asked once (``started_ns``: when it started)."""

    def __init__(self, started_ns: int) -> None:
        self.started_ns = started_ns
        self._seen: dict[str, Stamp | None] = {}

    def of(self, path: str) -> Stamp | None:
        """``path``'s stamp as it is now, ``None`` if there is no such file or folder."""
        if path not in self._seen:
            try:
                found = os.stat(path)
            except OSError:
                self._seen[path] = None
            else:
                self._seen[path] = [found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns]
        return self._seen[path]

    def page(self, tutorial: Path, deps: dict[str, str | None]) -> dict[str, Stamp]:
        """The stamps of a page made from ``tutorial`` and ``deps`` (name -> hash, ``None``:
        looked for, not found); empty when one of them changed too lately to be stamped."""
        if os.name == "nt":
            return {}
        sidecar = str(sidecar_path(tutorial))
        stamps: dict[str, Stamp] = {} if self.of(sidecar) else {sidecar: []}
        paths = [str(tutorial), *([] if stamps else [sidecar])]
        paths += [name if known is not None else self._around(name) for name, known in deps.items()]
        for path in paths:
            stamp = self.of(path)
            if stamp is None or max(stamp[2], stamp[3]) >= self.started_ns - RACY_NS:
                return {}
            stamps[path] = stamp
        return stamps

    def _around(self, missing: str) -> str:
        """The nearest folder that holds ``missing`` or would hold what creating it makes."""
        folder = os.path.dirname(missing)
        while self.of(folder) is None and os.path.dirname(folder) != folder:
            folder = os.path.dirname(folder)
        return folder

    def unchanged(self, stamps: dict[str, Stamp], tutorial: Path) -> bool:
        """Whether every stamped file (or folder) is as it was, ``[]``: still absent; never for a
        page without stamps, or stamped at another path than ``tutorial``."""
        if str(tutorial) not in stamps:
            return False
        return all((self.of(path) or []) == stamp for path, stamp in stamps.items())
