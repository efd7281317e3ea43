"""``build --gc`` leaves the cache as a first build of the same tutorials would make it: all it
needs, none of what earlier versions needed."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.build import BuildOptions, BuildReport, build_site
from generator.site.workers import MIN_PARALLEL
from tests.conftest import SOURCE_DOCS
from tests.support.sources import shipped_and_corpus

MODERN = "contoso-mail-tutorial.md"
PARTS = ("pages", "images", "generated")


def cached(cache: Path) -> set[str]:
    """The files of the parts ``--gc`` prunes."""
    files = (p for part in PARTS for p in (cache / part).rglob("*") if p.is_file())
    return {p.relative_to(cache).as_posix() for p in files}


def build(source: Path, site: Path, cache: Path, **options: object) -> BuildReport:
    return build_site(BuildOptions(source, site, cache_dir=cache, **options))  # type: ignore[arg-type]


@pytest.fixture
def edited(tmp_path: Path) -> Path:
    """The shipped tutorials built once into ``cache``, then edited: a new title (a new social
    card), a step reworded (a new page entry and version) and a screenshot no longer shown."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    build(source, tmp_path / "site", tmp_path / "cache")
    path = source / MODERN
    text = path.read_text(encoding="utf-8")
    text = text.replace("Azure AD single sign-on with Contoso Mail", "Contoso Mail single sign-on")
    text = text.replace("type **Contoso Mail**", "type **Contoso Mail Online**", 1)
    text = re.sub(r"\n *:::image[^\n]*copy-urls\.png[^\n]*\n", "\n", text)
    path.write_text(text, encoding="utf-8")
    return tmp_path


def test_gc_leaves_what_a_first_build_of_the_same_tutorials_makes(edited: Path):
    before = cached(edited / "cache")
    report = build(edited / "source", edited / "site", edited / "cache", gc=True)
    build(edited / "source", edited / "fresh-site", edited / "fresh-cache")
    assert cached(edited / "cache") == cached(edited / "fresh-cache")
    removed = before - cached(edited / "cache")
    assert report.pruned is not None and report.pruned.files == len(removed) > 0
    assert any(name.startswith("generated/") for name in removed), "the old title's card"
    assert any(name.startswith("images/") for name in removed), "the screenshot no page shows"
    assert any(name.startswith("pages/") and "/sources/" in name for name in removed), "the old version"


def test_after_gc_nothing_needed_is_missing(edited: Path):
    build(edited / "source", edited / "site", edited / "cache", gc=True)
    report = build(edited / "source", edited / "site", edited / "cache", patch=False)
    assert report.cache.hits == report.cache.tutorials == 2
    assert " 0 images drawn" in report.images


def test_gc_builds_every_page_and_removes_older_cache_formats(edited: Path):
    old = edited / "cache" / "pages" / "v0"
    old.mkdir(parents=True)
    (old / "entry.json").write_text("{}", encoding="utf-8")
    in_progress = edited / "cache" / "images" / "v2" / ".being-written.tmp"
    in_progress.write_bytes(b"half")
    report = build(edited / "source", edited / "site", edited / "cache", gc=True)
    assert report.kept is None, "not patched: a full build knows all it uses"
    assert not old.exists()
    assert in_progress.exists()


def test_gc_on_the_command_line_says_what_it_removed(edited: Path, capsys: pytest.CaptureFixture[str]):
    args = ["build", "--source", str(edited / "source"), "--site-dir", str(edited / "site")]
    assert main([*args, "--cache-dir", str(edited / "cache"), "--quiet", "--gc"]) == 0
    said = r"cache: removed \d+ files \([\d.]+ MB\) this build did not use"
    assert re.search(said, capsys.readouterr().out)


def test_gc_after_a_build_in_worker_processes_keeps_what_they_used(tmp_path: Path):
    source = shipped_and_corpus(tmp_path / "source")
    build(source, tmp_path / "site", tmp_path / "cache", jobs=2)
    (source / MODERN).unlink()
    report = build(source, tmp_path / "site", tmp_path / "cache", jobs=2, gc=True)
    assert len(report.cache.rendered) > MIN_PARALLEL, "rendered in worker processes (a new list of tutorials)"
    build(source, tmp_path / "fresh-site", tmp_path / "fresh-cache", jobs=2)
    assert cached(tmp_path / "cache") == cached(tmp_path / "fresh-cache")
