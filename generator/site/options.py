"""What a build is asked to do (:class:`BuildOptions`) and what it tells afterwards (:class:`BuildReport`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from generator.diagnostics import Diagnostic
from generator.render.environment import PROJECT_ROOT
from generator.site.cache import CacheStats
from generator.site.manifest import counts
from generator.site.prune import Pruned
from generator.site.workers import default_jobs

CONFIG_FILE = PROJECT_ROOT / "mkdocs.yml"
PROBLEMS = ("error", "warning")  # the severities the build summary counts


@dataclass
class BuildOptions:
    source: Path
    site_dir: Path
    site_url: str | None = None
    cache_dir: Path | None = None
    config_file: Path = CONFIG_FILE
    offline: bool = False  # a site to open as files, for rooms without internet (generator.site.offline)
    progress: TextIO | None = None  # where progress goes (a bar on a terminal); None: nowhere
    quiet: bool = False  # plain progress lines even on a terminal
    jobs: int = field(default_factory=default_jobs)  # processes rendering tutorials (generator.site.workers)
    patch: bool = True  # may patch the previous site instead of building it again (generator.site.patch)
    gc: bool = False  # a full build, then the cache without what it did not use (generator.site.prune)


@dataclass
class BuildReport:
    tutorials: int = 0
    pages: int = 0
    render_seconds: float = 0.0
    mkdocs_seconds: float = 0.0
    images: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)
    cache: CacheStats = field(default_factory=CacheStats)
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> its new last update
    kept: int | None = None  # patched (generator.site.patch): pages kept from the previous site
    kept_problems: int = 0  # patched: the problems of the tutorials it did not read again
    pruned: Pruned | None = None  # build --gc: what it removed from the cache

    def summary(self, site_dir: Path) -> str:
        if self.kept is None:
            built = f"built {self.tutorials} tutorials ({self.pages} pages) into {site_dir}"
            mkdocs = f"mkdocs {self.mkdocs_seconds:.2f} s"
        else:
            built = (
                f"built {self.tutorials} tutorials into {site_dir} by patching the previous site: "
                f"{self.pages} page{'' if self.pages == 1 else 's'} rewritten, {self.kept} kept"
            )
            mkdocs = "mkdocs 0.00 s (not needed)"
        lines = [
            built,
            f"  load and render {self.render_seconds:.2f} s, {mkdocs}",
            f"  {self.images}",
            f"  {self.cache.summary()}",
        ]
        if self.pruned is not None:
            lines.append(f"  {self.pruned.summary()}")
        for key, update in self.updated.items():
            found = (
                ", ".join(f"{n} {kind}" for kind, n in sorted(counts(update).items())) or "renumbered only"
            )
            lines.append(f"  updated since the last build: {key} ({found})")
        if self.problems():
            lines.append(f"  {self.problems()} problems found; `python -m generator check` lists them")
        return "\n".join(lines)

    def problems(self) -> int:
        return sum(d.severity in PROBLEMS for d in self.diagnostics) + self.kept_problems

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable report (``build --report FILE``)."""
        return {
            "tutorials": self.tutorials,
            "pages": self.pages,
            "render_seconds": round(self.render_seconds, 3),
            "mkdocs_seconds": round(self.mkdocs_seconds, 3),
            "patched": self.kept is not None,
            "cache": self.cache.to_dict(),
            "updated": {key: counts(update) for key, update in self.updated.items()},
            "images": self.images,
            "problems": self.problems(),
            "pruned": None if self.pruned is None else vars(self.pruned),
        }


def default_cache_dir() -> Path:
    """Where image work is cached between builds (content-hash keyed, safe to share)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tutorial-checklists"
