"""Where an image reference points, decided before any file is opened.

Tutorials reference screenshots relative to themselves (``./media/<article>/IC795011.png``).
Anything that could make the build read or publish a file from outside the source folder is
refused here: absolute paths, ``file:`` and other non-web schemes, and relative paths (or
symlinks) that resolve outside the folder. ``http(s)`` images are classified as remote and
never fetched: the site makes no third-party requests.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_REMOTE_SCHEMES = ("http", "https")


@dataclass(frozen=True)
class ImageSource:
    """The outcome of resolving one reference.

    ``kind`` is ``local`` (``path`` is an existing file inside the source folder),
    ``missing`` (inside the folder but no such file), ``remote`` (``href`` is the http(s)
    URL) or ``refused`` (``reason`` says why).
    """

    kind: str
    path: Path | None = None
    href: str | None = None
    reason: str = ""


def resolve_image(src: str, tutorial_path: Path, source_root: Path) -> ImageSource:
    """Resolve ``src`` as written in the tutorial at ``tutorial_path``, confined to ``source_root``."""
    return Resolver(source_root).resolve(src, tutorial_path)


class Resolver:
    """Resolves the references of one build: the source folder and each tutorial's folder once.

    Resolving a path costs a system call per component, and a build resolves every reference;
    only the reference's own target is resolved each time. Safe to share between threads.
    """

    def __init__(self, source_root: Path) -> None:
        self.source_root = source_root
        self._folders: dict[Path, Path] = {}

    def resolve(self, src: str, tutorial_path: Path) -> ImageSource:
        """What ``src`` in the tutorial at ``tutorial_path`` points to (see :class:`ImageSource`)."""
        ref = src.strip()
        if not ref:
            return ImageSource("refused", reason="the image has no path")
        if ref.startswith("//"):
            return ImageSource("remote", href="https:" + ref)
        if ref.startswith(("/", "\\")) or _WINDOWS_DRIVE.match(ref):
            return ImageSource(
                "refused", reason=f"absolute path {ref!r} is not allowed; use a path relative to the tutorial"
            )
        parts = urlsplit(ref)
        if parts.scheme.lower() in _REMOTE_SCHEMES:
            return ImageSource("remote", href=ref)
        if parts.scheme:
            return ImageSource("refused", reason=f"{parts.scheme}: URLs are not allowed for images")
        relative = unquote(parts.path).replace("\\", "/")
        if "\x00" in relative:
            return ImageSource("refused", reason="the image path contains a NUL character")
        try:
            root = self._real(self.source_root)
            target, found = self._target(self._real(tutorial_path).parent, relative)
        except (OSError, RuntimeError) as exc:  # symlink loops, over-long paths
            return ImageSource("refused", reason=f"{ref!r} cannot be resolved ({exc})")
        if not target.is_relative_to(root):
            return ImageSource("refused", reason=f"{ref!r} leaves the source folder")
        if not found:
            return ImageSource("missing", path=target, reason=f"file not found: {relative}")
        return ImageSource("local", path=target)

    def _target(self, base: Path, relative: str) -> tuple[Path, bool]:
        """``base / relative`` resolved, and whether it is a file: the folder part as remembered, then
        the file itself (resolved further only if it is a symlink)."""
        folder, _, name = relative.rpartition("/")
        if name in ("", ".", ".."):
            target = (base / relative).resolve()
            return target, target.is_file()
        target = (self._real(base / folder) if folder else base) / name
        try:
            mode = os.lstat(target).st_mode
        except OSError:
            return target, False
        if stat.S_ISLNK(mode):
            target = target.resolve()
            return target, target.is_file()
        return target, stat.S_ISREG(mode)

    def _real(self, path: Path) -> Path:
        """``path`` resolved, remembered (a failure is not: it is reported for every reference)."""
        real = self._folders.get(path)
        if real is None:
            real = self._folders[path] = path.resolve()
        return real
