"""What rendering one page needs to know about its place in the site."""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class RenderContext:
    """Per-page rendering state.

    ``page_url`` is the page's site-relative URL (``tutorials/foo/``); every link the
    renderer writes is relative (``root`` climbs back to the site root) so the site works
    under any base path and from ``file://``. ``links`` maps resolved tutorial source
    paths to their page URLs so Markdown links between tutorials land on our pages.
    ``images`` is the build's image processor (``generator.render.images``), or ``None``.
    ``page_data`` are keys the build adds to the page's data (the last update, see
    ``generator.site.manifest``).
    """

    page_url: str = ""
    source_path: Path | None = None
    links: dict[Path, str] = field(default_factory=dict)
    images: Any = None
    helper_pages: dict[str, str] = field(default_factory=dict)
    page_data: dict[str, Any] = field(default_factory=dict)
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def root(self) -> str:
        """The relative path from this page back to the site root (``../../`` or ``./``)."""
        depth = self.page_url.rstrip("/").count("/") + 1 if self.page_url.strip("/") else 0
        return "../" * depth or "./"

    def site_link(self, site_path: str) -> str:
        """A link from this page to ``site_path`` (relative to the site root)."""
        link = posixpath.normpath(self.root + site_path)
        return link + "/" if site_path.endswith("/") or not site_path else link

    def next_id(self) -> int:
        """A number unique within the page (for generated element ids such as tab sets)."""
        return next(self._ids)
