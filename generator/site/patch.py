"""Rebuilds that patch the previous site: only the changed tutorials' pages are written again.

After a one-file edit, a build that renders one tutorial still spent seconds on the other
thousand: reading their cache records, placing their images, and mkdocs writing every page. But
when the edit changes no catalogue entry (title, service, step count, date), every other page of
the site, the navigation, the sitemap and the theme's assets come out byte for byte as before.
So only these are written again (which tutorials changed, their files' stamps tell, else their
hashes: :mod:`generator.site.stamps`):

- the changed tutorials' pages, filled into the frames of the theme's page template and table
  of contents that the build which made the site kept (:mod:`generator.site.state`);
- their runs of entries in the search index (:mod:`generator.site.search_index`);
- their screenshots and social cards, and files no page uses any more;
- the manifest, its unchanged records copied as they were published, and the one it replaces.

Every new file is first written beside its target, and only when all are written are they
renamed into place: a failure before that leaves the site as it was, and readers meet a few
renames, not a site half written.

Anything else falls back to the full build: another generator, config, theme or template; a
tutorial added, removed or renamed; a changed catalogue entry; a page of a shape no frame was
kept for; a site folder that is not the one the state describes; ``--offline``. Rendering is
cached, so a patch given up after rendering costs the full build nothing twice. A patched site
is the site the full build makes from the same input, which the tests check file by file.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.structure.toc import get_toc

from generator.diagnostics import GeneratorError
from generator.render.environment import keep_compiled
from generator.render.images import ImageProcessor
from generator.render.pages import page_body, read_page, split_site_meta, tutorial_path, url_of
from generator.site.cache import PageCache, RenderedTutorial
from generator.site.frames import FRAMED_TEMPLATE, framable_values, page_values, shape_of
from generator.site.manifest import MANIFEST, PREVIOUS, Manifest, compact, join_records, record
from generator.site.options import BuildOptions, BuildReport
from generator.site.search_index import SEARCH_INDEX, replace_runs
from generator.site.sources import Sources, find_tutorials
from generator.site.stamps import Stamps
from generator.site.state import PageState, SiteState, site_inputs
from generator.site.swap import discard, staging_dir
from generator.site.tutorials import Planned, TutorialPages, site_helpers
from generator.site.workers import Job, pool, render_all


@dataclass
class Rewritten:
    """A changed tutorial's page, read as mkdocs would read its file, and the HTML the patch writes."""

    planned: Planned
    rendered: RenderedTutorial
    markdown: str  # the file without its front matter
    meta: dict[str, Any]  # its front matter
    site_meta: dict[str, Any]  # what the site hooks read: its table of contents and search entries
    old_media: list[str]  # the files the page's previous version used
    html: str = ""


def patch_site(options: BuildOptions, cache_dir: Path) -> BuildReport | None:
    """Patch the site in ``options.site_dir`` and return the report, or ``None``: build it instead."""
    stamps = Stamps(time.time_ns())  # before any tutorial is read
    state = SiteState.read(cache_dir, options.site_dir)
    inputs = site_inputs(options.config_file, options.site_url)
    source = options.source.resolve()
    if state is None or inputs is None or state.inputs != inputs or not source.is_dir():
        return None
    sources = find_tutorials(source)
    keys = sources.keys
    if keys != list(state.pages):
        return None
    started = time.perf_counter()
    report = BuildReport()
    keep_compiled(cache_dir)
    published = _published(options.site_dir, state)
    if published is None:
        return None
    text, records = published
    # Of the manifest it replaces, a patch reads only the changed tutorials' records.
    pages = TutorialPages(source, keys, PageCache(cache_dir), Manifest(published=text))
    report.cache = pages.cache.stats
    changed = _changed(pages, sources, state, stamps)
    for planned in changed:
        pages.previous.tutorials[planned.key] = json.loads(records[planned.key])
        pages.look_up(planned)
    media = staging_dir(options.site_dir)
    try:
        rewritten = _render(options, pages, changed, sources, media, cache_dir, report, state)
        if not all(_same_entry(item, state) and _framed(item, state) for item in rewritten):
            return None
        for item in rewritten:
            planned, done = item.planned, item.rendered
            page_stamps = stamps.page(planned.path, done.deps)
            state.pages[planned.key] = PageState.of(planned.cache_key, done, planned.context, page_stamps)
            records[planned.key] = compact(record(done.source, done.steps, done.update))
        if not _write(options.site_dir, media, state, rewritten, records):
            return None
    finally:
        discard(media)
    state.write(cache_dir, options.site_dir)
    report.tutorials = len(keys)
    report.pages = len(rewritten)
    report.kept = len(keys) - len(rewritten)
    report.updated = pages.updated
    report.diagnostics = [d for item in rewritten for d in item.rendered.diagnostics]
    fresh = {item.planned.key for item in rewritten}
    report.kept_problems = sum(page.problems for key, page in state.pages.items() if key not in fresh)
    report.render_seconds = time.perf_counter() - started
    return report


def _changed(pages: TutorialPages, sources: Sources, state: SiteState, stamps: Stamps) -> list[Planned]:
    """The tutorials whose pages the site has not got, read; the rest are counted as cache hits.

    A page whose files' stamps are as kept is unchanged without reading them; one whose files
    are read and hash as before is unchanged too, and stamped for the next build.
    """
    changed = []
    for path, real, key in zip(sources.paths, sources.reals, sources.keys, strict=True):
        kept = state.pages[key]
        if kept.context == pages.context(real) and stamps.unchanged(kept.stamps, path):
            pages.cache.stats.tutorials += 1
            pages.cache.stats.hits += 1
            continue
        planned = pages.read(path, real, key)
        if planned.cache_key == kept.cache_key and pages.cache.unchanged(kept.deps):
            pages.cache.stats.hits += 1
            kept.context, kept.stamps = planned.context, stamps.page(path, kept.deps)
            continue
        changed.append(planned)
    return changed


def _published(site_dir: Path, state: SiteState) -> tuple[str, dict[str, str]] | None:
    """The site's manifest as published, and each tutorial's record in it (as text), where the
    state knows them; ``None``: the site is missing a tutorial's page, build it again."""
    try:
        text = (site_dir / MANIFEST).read_text(encoding="utf-8")
    except OSError:
        return None
    if any(len(page.record) != 2 for page in state.pages.values()):
        return None
    records = {key: text[page.record[0] : page.record[1]] for key, page in state.pages.items()}
    pages = (site_dir / url_of(tutorial_path(key)) / "index.html" for key in state.pages)
    return (text, records) if all(page.is_file() for page in pages) else None


def _render(
    options: BuildOptions,
    pages: TutorialPages,
    changed: list[Planned],
    sources: Sources,
    media: Path,
    cache_dir: Path,
    report: BuildReport,
    state: SiteState,
) -> list[Rewritten]:
    """The changed tutorials' pages (rendered, or from the cache), their files put into ``media``."""
    job = Job(pages, media, cache_dir, sources.links(), site_helpers())
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
    return [_page(item, rendered, state) for item, rendered in zip(changed, done, strict=True)]


def _page(planned: Planned, rendered: RenderedTutorial, state: SiteState) -> Rewritten:
    assert rendered.page_file is not None, "rendered pages are cached"
    markdown, meta = read_page(rendered.page_file.read_text(encoding="utf-8-sig"))
    site_meta = split_site_meta(markdown)[1]
    return Rewritten(planned, rendered, markdown, meta, site_meta, state.pages[planned.key].media)


def _same_entry(item: Rewritten, state: SiteState) -> bool:
    """Whether the home page, the service pages and the navigation are as they were."""
    return item.rendered.entry_json() == state.pages[item.planned.key].entry


def _framed(item: Rewritten, state: SiteState) -> bool:
    """Fill the page into its kept frame, as the site hooks and mkdocs would (``item.html``);
    False: no kept frame fits it."""
    meta = dict(item.meta)
    toc = get_toc(item.site_meta.get("toc", []))
    content = page_body(item.markdown)
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
    media: Path,
    state: SiteState,
    rewritten: list[Rewritten],
    records: dict[str, str],
) -> bool:
    """Write the new files beside their targets, then rename them into place; False: the search
    index does not have one run of entries per rewritten page (nothing was changed then)."""
    index_path = site_dir / SEARCH_INDEX
    runs = {url_of(item.rendered.page.path): item.site_meta.get("search", []) for item in rewritten}
    index = replace_runs(index_path.read_text(encoding="utf-8"), runs) if runs else None
    if runs and index is None:
        return False
    text, spans = join_records(records)
    for key, span in spans.items():
        state.pages[key].record = list(span)
    files = {site_dir / MANIFEST: (text + "\n").encode("utf-8")}
    if index is not None:
        files[index_path] = index.encode("utf-8")
    for item in rewritten:
        page = site_dir / url_of(item.rendered.page.path) / "index.html"
        files[page] = item.html.encode("utf-8", errors="xmlcharrefreplace")  # as mkdocs writes a page
    written: dict[Path, Path] = {}
    try:
        for target, data in files.items():
            written[target] = _beside(target)
            written[target].write_bytes(data)
        written[site_dir / PREVIOUS] = _beside(site_dir / PREVIOUS)
        os.link(site_dir / MANIFEST, written[site_dir / PREVIOUS])  # the manifest it replaces, as published
    except BaseException as exc:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise GeneratorError(str(site_dir), 1, f"cannot write the site: {exc}") from exc
        raise
    _move_media(site_dir, media)
    for target, temporary in written.items():
        os.replace(temporary, target)
    _drop_unused_media(site_dir, state, rewritten)
    return True


def _beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.patch")


def _move_media(site_dir: Path, media: Path) -> None:
    """The rewritten pages' screenshots and cards, made beside the site, into it (renames)."""
    for folder, _, files in os.walk(media):
        for name in files:
            source = Path(folder) / name
            target = site_dir / source.relative_to(media)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)


def _drop_unused_media(site_dir: Path, state: SiteState, rewritten: list[Rewritten]) -> None:
    """Remove the files only the rewritten pages' old versions used (``state`` has the new ones)."""
    keys = {item.planned.key for item in rewritten}
    dropped = {rel for item in rewritten for rel in item.old_media} - {
        rel for key in keys for rel in state.pages[key].media
    }
    if dropped:
        dropped -= {rel for key, page in state.pages.items() if key not in keys for rel in page.media}
    for rel in dropped:
        (site_dir / rel).unlink(missing_ok=True)
        with contextlib.suppress(OSError):  # a screenshot's folder goes with its last file
            (site_dir / rel).parent.rmdir()
