"""Rendering on several processes gives the same site as one process, and fails the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.site.build import BuildOptions, build_site
from generator.site.workers import MIN_PARALLEL
from tests.support.sources import shipped_and_corpus
from tests.unit.test_site_cache_atomic import BROKEN_SIDECAR, SIDECAR, hashes


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """source_docs plus enough real tutorials that the build starts worker processes."""
    return shipped_and_corpus(tmp_path_factory.mktemp("workers") / "source")


def test_two_processes_build_the_same_site_as_one(source: Path, tmp_path: Path) -> None:
    one = build_site(BuildOptions(source, tmp_path / "one", cache_dir=tmp_path / "c1", jobs=1))
    two = build_site(BuildOptions(source, tmp_path / "two", cache_dir=tmp_path / "c2", jobs=2))
    assert hashes(tmp_path / "one") == hashes(tmp_path / "two")
    assert two.cache.rendered == one.cache.rendered and len(two.cache.rendered) > MIN_PARALLEL
    assert two.images.split(",")[0] == one.images.split(",")[0]  # the same image references counted
    assert [d.file for d in two.diagnostics] == [d.file for d in one.diagnostics]


def test_a_broken_sidecar_in_a_worker_names_its_file_and_line(source: Path, tmp_path: Path) -> None:
    broken = tmp_path / "source"
    shutil.copytree(source, broken)
    (broken / SIDECAR).write_text(BROKEN_SIDECAR, encoding="utf-8")
    with pytest.raises(GeneratorError) as failure:
        build_site(BuildOptions(broken, tmp_path / "site", cache_dir=tmp_path / "cache", jobs=2))
    assert (failure.value.file, failure.value.line) == (str(broken / SIDECAR), 4)
    assert not (tmp_path / "site").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == []
