"""The same input builds the same bytes: on another day, into another folder, with another cache.

Dates come from the tutorials (``ms.date``) or from ``SOURCE_DATE_EPOCH``, never from the clock.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
import struct
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import mkdocs.utils
import pytest

from generator.site.build import BuildOptions, build_site
from tests.conftest import SOURCE_DOCS

CLASSIC_DATE = "2016-05-14"
MODERN_DATE = "2021-03-02"  # the newest ms.date of the shipped tutorials


class _FiveYearsLater(datetime):
    """The clock mkdocs would read on a later day (``mkdocs.utils`` dates pages with ``datetime.now``)."""

    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        return datetime(2031, 5, 6, 7, 8, 9, tzinfo=tz)


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def lastmods(site: Path) -> dict[str, str]:
    """Sitemap page path (``tutorials/x/``, ``""`` for home) -> its lastmod."""
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    found = re.findall(r"<loc>([^<]+)</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    return {urlsplit(loc).path.lstrip("/"): lastmod for loc, lastmod in found}


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    shutil.copytree(SOURCE_DOCS, tmp_path / "source")
    return tmp_path / "source"


def test_two_clean_builds_on_different_days_are_byte_identical(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    build_site(BuildOptions(source, tmp_path / "a" / "site", cache_dir=tmp_path / "a" / "cache"))
    monkeypatch.setattr(mkdocs.utils, "datetime", _FiveYearsLater)
    build_site(BuildOptions(source, tmp_path / "b" / "site", cache_dir=tmp_path / "b" / "cache"))

    first, second = hashes(tmp_path / "a" / "site"), hashes(tmp_path / "b" / "site")
    assert first == second
    assert "sitemap.xml.gz" in first and "search/search_index.json" in first and "manifest.json" in first


def test_sitemap_dates_are_the_tutorials_own_and_the_gzip_header_has_the_newest(source: Path, tmp_path: Path):
    site = tmp_path / "site"
    build_site(BuildOptions(source, site, cache_dir=tmp_path / "cache"))
    dates = lastmods(site)
    assert dates["tutorials/contoso-mail-classic-portal-tutorial/"] == CLASSIC_DATE
    assert dates["tutorials/contoso-mail-tutorial/"] == MODERN_DATE
    assert dates[""] == MODERN_DATE  # the home page: the newest tutorial date
    packed = (site / "sitemap.xml.gz").read_bytes()
    (mtime,) = struct.unpack("<I", packed[4:8])
    assert datetime.fromtimestamp(mtime, UTC).date().isoformat() == MODERN_DATE
    assert gzip.decompress(packed) == (site / "sitemap.xml").read_bytes()


def test_source_date_epoch_dates_the_pages_that_have_no_date_of_their_own(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2024, 7, 1, tzinfo=UTC).timestamp())))
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache"))
    dates = lastmods(tmp_path / "site")
    assert dates[""] == "2024-07-01"
    assert dates["tutorials/contoso-mail-tutorial/"] == MODERN_DATE


def test_a_rebuild_of_the_same_input_only_adds_the_previous_manifest(source: Path, tmp_path: Path):
    site, cache = tmp_path / "site", tmp_path / "cache"
    build_site(BuildOptions(source, site, cache_dir=cache))
    first = hashes(site)
    build_site(BuildOptions(source, site, cache_dir=cache))
    second = hashes(site)
    assert second.pop("manifest.previous.json") == first["manifest.json"]
    assert second == first
