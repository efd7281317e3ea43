"""``build``: every tutorial under a source folder -> page sources -> mkdocs -> the site, atomically.

Page sources go into a fresh temporary docs folder (never the repository); mkdocs builds
into a staging folder beside the target, which replaces the old site only when the whole
build succeeded (see :mod:`generator.site.swap`).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.diagnostics import Diagnostic, GeneratorError
from generator.discover import tutorial_files
from generator.enrich import enrich, load_data
from generator.pipeline import Loaded, load
from generator.render.catalogue import groups, render_group, render_home
from generator.render.context import RenderContext
from generator.render.environment import PROJECT_ROOT, TEMPLATES, environment
from generator.render.images import ImageProcessor
from generator.render.pages import CERTIFICATE_HELPER, PageSource
from generator.render.tutorial import HELPERS, CatalogueEntry, render_tutorial
from generator.site.mkdocs_run import run_mkdocs
from generator.site.offline import OfflineSite
from generator.site.swap import discard, staging_dir, swap_in

CONFIG_FILE = PROJECT_ROOT / "mkdocs.yml"
CERTIFICATE_TEMPLATE = "certificate-helper.md.j2"
_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9._/-]+")


@dataclass
class BuildOptions:
    source: Path
    site_dir: Path
    site_url: str | None = None
    cache_dir: Path | None = None
    config_file: Path = CONFIG_FILE
    offline: bool = False  # a site to open as files, for rooms without internet (generator.site.offline)


@dataclass
class BuildReport:
    tutorials: int = 0
    pages: int = 0
    render_seconds: float = 0.0
    mkdocs_seconds: float = 0.0
    images: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self, site_dir: Path) -> str:
        problems = [d for d in self.diagnostics if d.severity in ("error", "warning")]
        lines = [
            f"built {self.tutorials} tutorials ({self.pages} pages) into {site_dir}",
            f"  load and render {self.render_seconds:.2f} s, mkdocs {self.mkdocs_seconds:.2f} s",
            f"  {self.images}",
        ]
        if problems:
            lines.append(f"  {len(problems)} problems found; `python -m generator check` lists them")
        return "\n".join(lines)


@dataclass
class _Site:
    """The docs folder's files (path -> text), the navigation and where each page came from."""

    files: dict[str, str] = field(default_factory=dict)
    nav: list[dict[str, Any]] = field(default_factory=list)
    origins: dict[str, Path] = field(default_factory=dict)

    def add(self, page: PageSource, origin: Path | None = None) -> None:
        self.files[page.path] = page.text()
        if origin is not None:
            self.origins[page.path] = origin


def default_cache_dir() -> Path:
    """Where image work is cached between builds (content-hash keyed, safe to share)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tutorial-checklists"


def build_site(options: BuildOptions) -> BuildReport:
    """Build the site; on failure raise (``GeneratorError`` carries file and line) and keep the old site."""
    source = options.source.resolve()
    if not source.is_dir():
        raise GeneratorError(str(options.source), 1, "the source folder does not exist")
    report = BuildReport()
    environment.cache_clear()  # templates may have changed since the last build (serve)
    staged = staging_dir(options.site_dir)
    try:
        with tempfile.TemporaryDirectory(prefix="tc-docs-") as docs_name:
            docs = Path(docs_name)
            started = time.perf_counter()
            site = _render_site(source, docs, options.cache_dir or default_cache_dir(), report)
            for path, text in site.files.items():
                (docs / path).parent.mkdir(parents=True, exist_ok=True)
                (docs / path).write_text(text, encoding="utf-8")
            report.pages = len(site.files)
            report.render_seconds = time.perf_counter() - started
            started = time.perf_counter()
            run_mkdocs(
                options.config_file,
                docs,
                staged,
                site.origins,
                plugins={"tc-offline": OfflineSite()} if options.offline else None,
                nav=site.nav,
                site_url=options.site_url,
            )
            report.mkdocs_seconds = time.perf_counter() - started
        swap_in(staged, options.site_dir)
    except BaseException:
        discard(staged)
        raise
    return report


def tutorial_key(path: Path, source: Path) -> str:
    """The tutorial's page name and progress key: its path in the source folder, URL-safe."""
    relative = path.resolve().relative_to(source).with_suffix("").as_posix()
    return _UNSAFE_KEY.sub("-", relative)


def _render_site(source: Path, docs: Path, cache_dir: Path, report: BuildReport) -> _Site:
    paths = tutorial_files(source)
    loaded = [_load(path, source) for path in paths]
    keys = [tutorial_key(path, source) for path in paths]
    _refuse_duplicate_keys(paths, keys)
    links = {path.resolve(): f"tutorials/{key}/" for path, key in zip(paths, keys, strict=True)}
    helpers = _helpers()
    site = _Site()
    entries: list[CatalogueEntry] = []
    with ImageProcessor(source, docs, cache_dir) as images:
        for path, item in zip(paths, loaded, strict=True):
            images.prefetch(item.tutorial, path)
        for path, key, item in zip(paths, keys, loaded, strict=True):
            report.diagnostics.extend(item.diagnostics.items)
            tutorial, problems = enrich(item.tutorial, load_data(path))
            report.diagnostics.extend(problems)
            ctx = RenderContext(source_path=path, links=links, images=images)
            try:
                page, entry = render_tutorial(tutorial, key, ctx, helpers)
            except GeneratorError:
                raise
            except Exception as exc:  # a renderer bug still names the tutorial that triggered it
                raise GeneratorError(str(path), 1, f"cannot render this tutorial: {exc!r}") from exc
            site.add(page, path)
            entries.append(entry)
    report.images = images.stats.summary()
    report.tutorials = len(entries)
    home = render_home(entries)
    site.add(home)
    site.nav.append({"Home": home.path})
    service_groups = groups(entries)
    if service_groups:
        site.nav.append({"Services": [{group.name: group.path} for group in service_groups]})
    for group in service_groups:
        site.add(render_group(group))
    if "certificate" in helpers:
        page_path = f"{CERTIFICATE_HELPER}.md"
        site.files[page_path] = environment().get_template(CERTIFICATE_TEMPLATE).render(tutorials=entries)
        site.nav.append({"Certificate helper": page_path})
    return site


def _load(path: Path, source: Path) -> Loaded:
    try:
        return load(path, root=source)
    except GeneratorError:
        raise
    except (OSError, UnicodeError, ValueError) as exc:
        raise GeneratorError(str(path), 1, f"cannot read this tutorial: {exc}") from exc


def _helpers() -> dict[str, Any]:
    """Helper pages this site has: the certificate helper once its page template exists."""
    return {"certificate": HELPERS["certificate"]} if (TEMPLATES / CERTIFICATE_TEMPLATE).is_file() else {}


def _refuse_duplicate_keys(paths: list[Path], keys: list[str]) -> None:
    seen: dict[str, Path] = {}
    for path, key in zip(paths, keys, strict=True):
        if key in seen:
            raise GeneratorError(str(path), 1, f"has the same page name {key!r} as {seen[key]}; rename one")
        seen[key] = path
