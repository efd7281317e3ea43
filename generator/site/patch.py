"""Rebuilds that patch the previous site: only the changed tutorials' pages are written again.

After a one-file edit, a build that renders one tutorial still spent seconds on the other
thousand: reading their cache records, placing their images, and mkdocs writing every page. But
when the edit changes no catalogue entry (title, service, step count, date), every other page of
the site, the navigation, the sitemap and the theme's assets come out byte for byte as before.
So the previous site is linked (hard links) into a staging folder and only these are replaced:

- the changed tutorials' pages, filled into the frames of the theme's page template and table
  of contents that the build which made the site kept (:mod:`generator.site.state`);
- their runs of entries in the search index (:mod:`generator.site.search_index`);
- their screenshots and social cards, and files no page uses any more;
- the manifest, as a full build would write it.

The staging folder then replaces the site as a full build's does (:mod:`generator.site.swap`).

Anything else falls back to the full build: another generator, config, theme or template; a
tutorial added, removed or renamed; a changed catalogue entry; a page of a shape no frame was
kept for; a site folder that is not the one the state describes; ``--offline``. Rendering is
cached, so a patch given up after rendering costs the full build nothing twice. A patched site
is the site the full build makes from the same input, which the tests check file by file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.diagnostics import Diagnostic
from generator.discover import tutorial_files
from generator.render.images import ImageProcessor
from generator.render.pages import page_body, split_site_meta, tutorial_path, url_of
from generator.site.cache import PageCache, RenderedTutorial
from generator.site.frames import FRAMED_TEMPLATE, framable_values, page_values, shape_of
from generator.site.keys import tutorial_keys
from generator.site.manifest import MANIFEST, PREVIOUS, Manifest
from generator.site.options import BuildOptions, BuildReport
from generator.site.search_index import SEARCH_INDEX, replace_runs
from generator.site.state import PageState, SiteState, site_inputs
from generator.site.swap import discard, staging_dir, swap_in
from generator.site.tutorials import Planned, TutorialPages, site_helpers
from generator.site.workers import Job, pool, render_all


@dataclass
class Rewritten:
    """A changed tutorial's page: its text as mkdocs would read it, and the HTML the patch writes."""

    planned: Planned
    rendered: RenderedTutorial
    text: str
    html: str = ""


def patch_site(options: BuildOptions, cache_dir: Path, previous: Manifest) -> BuildReport | None:
    """Patch the site in ``options.site_dir`` and return the report, or ``None``: build it instead."""
    state = SiteState.read(cache_dir, options.site_dir)
    inputs = site_inputs(options.config_file, options.site_url)
    source = options.source.resolve()
    if state is None or inputs is None or state.inputs != inputs or not source.is_dir():
        return None
    paths = tutorial_files(source)
    keys = tutorial_keys(paths, source)
    if keys != list(state.pages) or any(key not in previous.tutorials for key in keys):
        return None
    started = time.perf_counter()
    report = BuildReport()
    pages = TutorialPages(source, keys, PageCache(cache_dir), previous)
    report.cache = pages.cache.stats
    changed = []
    for path, key in zip(paths, keys, strict=True):
        planned = pages.read(path, key)
        kept = state.pages[key]
        if planned.cache_key == kept.cache_key and pages.cache.unchanged(kept.deps):
            pages.cache.stats.hits += 1
        else:
            changed.append(pages.look_up(planned))
    media = staging_dir(options.site_dir)
    staged = None
    try:
        rewritten = _render(options, pages, changed, keys, paths, media, cache_dir, report)
        if rewritten is None or not all(_same_entry(item, state) for item in rewritten):
            return None
        rewritten = [item for item in rewritten if _framed(item, state)]
        if len(rewritten) < len(changed):
            return None
        staged = staging_dir(options.site_dir)
        if not _write(options.site_dir, staged, media, state, rewritten, previous, keys):
            return None
        swap_in(staged, options.site_dir)
    finally:
        discard(media)
        if staged is not None:
            discard(staged)  # gone already when the patch succeeded
    for item in rewritten:
        state.pages[item.planned.key] = PageState.of(item.planned.cache_key, item.rendered)
    state.write(cache_dir, options.site_dir)
    report.tutorials = len(keys)
    report.pages = len(rewritten)
    report.kept = len(keys) - len(rewritten)
    report.updated = pages.updated
    report.diagnostics = [Diagnostic(**d) for key in keys for d in state.pages[key].diagnostics]
    report.render_seconds = time.perf_counter() - started
    return report


def _render(
    options: BuildOptions,
    pages: TutorialPages,
    changed: list[Planned],
    keys: list[str],
    paths: list[Path],
    media: Path,
    cache_dir: Path,
    report: BuildReport,
) -> list[Rewritten] | None:
    """The changed tutorials' pages (rendered, or from the cache), their files put into ``media``."""
    links = {path.resolve(): f"tutorials/{key}/" for path, key in zip(paths, keys, strict=True)}
    job = Job(pages, media, cache_dir, links, site_helpers())
    misses = sum(item.rendered is None for item in changed)
    with (
        pool(job, options.jobs, misses) as executor,
        ImageProcessor(pages.source, media, cache_dir, workers=0) as images,
    ):
        for item in changed:
            if item.rendered is not None:
                pages.place_images(item.rendered, item.path, images)
        done = list(render_all(executor, job, changed, images))
    report.images = images.stats.summary()
    return [_page(item, rendered) for item, rendered in zip(changed, done, strict=True)]


def _page(planned: Planned, rendered: RenderedTutorial) -> Rewritten:
    assert rendered.page_file is not None, "rendered pages are cached"
    return Rewritten(planned, rendered, rendered.page_file.read_text(encoding="utf-8-sig"))


def _same_entry(item: Rewritten, state: SiteState) -> bool:
    """Whether the home page, the service pages and the navigation are as they were."""
    return PageState.of(item.planned.cache_key, item.rendered).entry == state.pages[item.planned.key].entry


def _framed(item: Rewritten, state: SiteState) -> bool:
    """Fill the page into its kept frame, as the site hooks and mkdocs would (``item.html``);
    False: no kept frame fits it."""
    markdown, meta = get_data(item.text)
    toc = get_toc(split_site_meta(markdown)[1].get("toc", []))
    content = page_body(markdown)
    url = url_of(item.rendered.page.path)
    title, description, social = (meta.get(key, "") for key in ("title", "description", "tc_social_image"))
    meta["template"] = FRAMED_TEMPLATE
    frame = state.frames.get(shape_of(url, meta, bool(toc.items), content))
    if frame is None or not title or not framable_values(title, description, social, content):
        return False
    first = next(iter(toc.items), None)
    values = page_values(title, meta, content, url, state.toc.render(toc), first.id if first else "")
    item.html = frame.fill(values)
    return True


def _write(
    site_dir: Path,
    staged: Path,
    media: Path,
    state: SiteState,
    rewritten: list[Rewritten],
    previous: Manifest,
    keys: list[str],
) -> bool:
    """The previous site with the rewritten pages, into ``staged``; False: a tutorial's page is
    missing, or the search index does not have one run of entries per rewritten page."""
    _link_tree(site_dir, staged)
    if not all((staged / url_of(tutorial_path(key)) / "index.html").is_file() for key in keys):
        return False  # a page went missing from the site since it was built: build it again
    runs = {url_of(item.rendered.page.path): _search_entries(item) for item in rewritten}
    index_path = staged / SEARCH_INDEX
    index = replace_runs(index_path.read_text(encoding="utf-8"), runs) if runs else None
    if runs and index is None:
        return False
    if index is not None:
        _replace(index_path, index.encode("utf-8"))
    for item in rewritten:
        page = staged / url_of(item.rendered.page.path) / "index.html"
        _replace(page, item.html.encode("utf-8", errors="xmlcharrefreplace"))  # as mkdocs writes a page
    _place_media(staged, media, state, rewritten)
    manifest = Manifest(dict(previous.tutorials))
    for item in rewritten:
        rendered = item.rendered
        manifest.add(item.planned.key, rendered.source, rendered.steps, rendered.update)
    manifest.tutorials = {key: manifest.tutorials[key] for key in keys}  # build order
    for name in (MANIFEST, PREVIOUS):
        (staged / name).unlink(missing_ok=True)
    manifest.publish(staged, previous)
    return True


def _search_entries(item: Rewritten) -> list[dict[str, str]]:
    return split_site_meta(get_data(item.text)[0])[1].get("search", [])


def _place_media(staged: Path, media: Path, state: SiteState, rewritten: list[Rewritten]) -> None:
    """Move the rewritten pages' files in; remove those no page uses any more."""
    for folder, _, files in os.walk(media):
        for name in files:
            source = Path(folder) / name
            target = staged / source.relative_to(media)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    keys = {item.planned.key for item in rewritten}
    dropped = {rel for key in keys for rel in state.pages[key].media}
    dropped -= {rel for item in rewritten for rel in item.rendered.media}
    if dropped:
        dropped -= {rel for key, page in state.pages.items() if key not in keys for rel in page.media}
    for rel in dropped:
        (staged / rel).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # a screenshot's folder goes with its last file
            (staged / rel).parent.rmdir()


def _replace(path: Path, data: bytes) -> None:
    """Write a file of the staged site anew: it is a hard link into the site being replaced."""
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def _link_tree(site: Path, staged: Path) -> None:
    """Every file of ``site`` into ``staged`` as a hard link (a copy where links are impossible)."""
    for entry in os.scandir(site):
        target = staged / entry.name
        if entry.is_dir(follow_symlinks=False):
            target.mkdir()
            _link_tree(Path(entry.path), target)
        else:
            try:
                os.link(entry.path, target, follow_symlinks=False)
            except OSError:
                shutil.copy2(entry.path, target, follow_symlinks=False)
