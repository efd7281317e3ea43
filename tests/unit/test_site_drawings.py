"""Placeholders and social cards left by rendering are drawn beside mkdocs: the same files, in
every page that uses them, and a failure to write them stops the build and keeps the site."""

from __future__ import annotations

import multiprocessing
import os
import re
import time
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.model.nodes import Image
from generator.render.images import Drawing, ImageProcessor, ImageStats, draw_all
from generator.site import drawings
from generator.site.build import BuildOptions, build_site
from generator.site.drawings import MIN_FORKED, PendingDrawings
from tests.conftest import SOURCE_DOCS
from tests.support.sources import shipped_and_corpus
from tests.unit.test_site_cache_atomic import hashes

CARD = ("Tutorial: Azure Active Directory integration with Mimecast Admin Console", "Mimecast Admin Console")


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """source_docs plus enough tutorials that their cards are drawn in forked processes."""
    return shipped_and_corpus(tmp_path_factory.mktemp("drawings") / "source", MIN_FORKED)


def test_a_deferred_picture_is_drawn_later_into_the_same_file(tmp_path: Path) -> None:
    missing = Image(src="./media/nowhere.png", alt="Sign-on page", title="The sign-on page", line=3)
    with ImageProcessor(tmp_path, tmp_path / "now", tmp_path / "c1") as now:
        drawn_now = [now.social_card(*CARD), now.process(missing, tmp_path / "t.md").web_src]
    with ImageProcessor(tmp_path, tmp_path / "later", tmp_path / "c2", defer_drawing=True) as later:
        drawn_later = [later.social_card(*CARD), later.process(missing, tmp_path / "t.md").web_src]
        later.social_card(*CARD)  # asked twice, left once

    assert drawn_later == drawn_now
    assert not (tmp_path / "later").exists(), "nothing is drawn while the pages render"
    assert sorted(d.rel for d in later.deferred) == sorted(drawn_now)
    assert draw_all(later.deferred, tmp_path / "c2", tmp_path / "later")[0] == 2
    assert hashes(tmp_path / "later") == hashes(tmp_path / "now")


def test_a_picture_already_in_the_cache_is_placed_at_once(tmp_path: Path) -> None:
    with ImageProcessor(tmp_path, tmp_path / "first", tmp_path / "cache") as first:
        first.social_card(*CARD)
    with ImageProcessor(tmp_path, tmp_path / "second", tmp_path / "cache", defer_drawing=True) as second:
        rel = second.social_card(*CARD)
    assert second.deferred == []
    assert (tmp_path / "second" / rel).read_bytes() == (tmp_path / "first" / rel).read_bytes()


def test_pictures_drawn_in_processes_and_in_the_build_all_arrive(tmp_path: Path) -> None:
    with ImageProcessor(tmp_path, tmp_path / "site", tmp_path / "cache", defer_drawing=True) as images:
        rels = {images.social_card(f"Tutorial number {n}", "An app") for n in range(3 * MIN_FORKED)}
    stats = ImageStats()
    # Nothing runs beside them: the build's process draws what the forked one has not started.
    with PendingDrawings(images.deferred, stats, tmp_path / "cache", tmp_path / "site", jobs=2):
        pass
    assert {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*.png")} == rels
    assert stats.drawn == len(rels)


BUILD = os.getpid()


def dies_in_a_child(chunk: list[Drawing], cache_dir: Path, out_dir: Path) -> tuple[int, float]:
    """draw_all, but a drawing process dies (as if killed for lack of memory)."""
    if os.getpid() != BUILD:
        os._exit(1)
    return draw_all(chunk, cache_dir, out_dir)


def test_pictures_of_a_drawing_process_that_died_are_drawn_in_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ImageProcessor(tmp_path, tmp_path / "site", tmp_path / "cache", defer_drawing=True) as images:
        rels = {images.social_card(f"Tutorial number {n}", "An app") for n in range(3 * MIN_FORKED)}
    monkeypatch.setattr(drawings, "draw_all", dies_in_a_child)
    stats = ImageStats()
    with PendingDrawings(images.deferred, stats, tmp_path / "cache", tmp_path / "site", jobs=2):
        time.sleep(0.5)  # mkdocs, meanwhile
    assert {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*.png")} == rels
    assert stats.drawn == len(rels)


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "no-fork"])
def test_a_first_build_has_every_picture_its_pages_use(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    if not fork:  # as on Windows and macOS: the image threads draw them while the pages render
        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    report = build_site(BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache", jobs=2))
    site = tmp_path / "site"
    used = {
        match
        for page in site.rglob("*.html")
        for match in re.findall(r"images/(?:social|placeholders)/[0-9a-f]{16}\.png", page.read_text("utf-8"))
    }
    cards = {p.relative_to(site).as_posix() for p in (site / "images" / "social").iterdir()}
    assert len(cards) > MIN_FORKED
    assert {rel for rel in used if not (site / rel).is_file()} == set()
    drawn = len(list((tmp_path / "cache" / "generated").rglob("*.png")))
    assert f"{drawn} images drawn" in report.images


def test_unwritable_pictures_stop_the_build_and_keep_the_site(source: Path, tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(BuildOptions(SOURCE_DOCS, site, cache_dir=tmp_path / "first"))
    before = hashes(site)
    cache.mkdir()
    (cache / "generated").write_text("not a folder", encoding="utf-8")
    with pytest.raises(GeneratorError) as failure:
        build_site(BuildOptions(source, site, cache_dir=cache, jobs=2))
    assert "cannot write generated images" in failure.value.message
    assert failure.value.file == str(cache)
    assert hashes(site) == before
