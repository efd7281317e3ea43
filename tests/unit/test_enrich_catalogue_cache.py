"""The shared catalogue, loaded once and kept in the build cache: what a user of `build` and `serve` sees.

A catalogue edit shows in the next build (also one in the same process, as `serve` runs them, and
also an edit that keeps the file's size and date); a damaged cache entry only costs the time of
loading the catalogue again; a broken catalogue is reported at its file and line, the same from the
cache as from the files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.enrich import store
from generator.enrich.catalogue import load_catalogue
from generator.enrich.store import CatalogueStore
from generator.site.build import BuildOptions, build_site
from tests.conftest import ROOT, SOURCE_DOCS

PAGE = Path("tutorials") / "contoso-mail-tutorial" / "index.html"


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build_in_new_process(source: Path, site: Path, cache: Path) -> subprocess.CompletedProcess:
    folders = ["--source", str(source), "--site-dir", str(site), "--cache-dir", str(cache)]
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", *folders, "--quiet"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


@pytest.fixture
def new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process forgets the catalogues it loaded, as a new process starts without them."""
    monkeypatch.setattr(store, "_loaded", {})


def test_a_catalogue_edit_shows_in_the_next_build_of_the_same_process(tmp_path: Path) -> None:
    """As in `serve`: even an edit that keeps the file's size and modification time."""
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    options = BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache")
    build_site(options)
    page = (tmp_path / "site" / PAGE).read_text(encoding="utf-8")
    assert '"label":"Canada"' in page and "Kanada" not in page

    catalogue = source / "_data" / "contoso-mail.yml"
    stat = catalogue.stat()
    catalogue.write_text(catalogue.read_text(encoding="utf-8").replace("Canada", "Kanada"), encoding="utf-8")
    os.utime(catalogue, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert catalogue.stat().st_size == stat.st_size
    build_site(options)
    page = (tmp_path / "site" / PAGE).read_text(encoding="utf-8")
    assert '"label":"Kanada"' in page and '"label":"Canada"' not in page


def test_a_damaged_catalogue_cache_entry_is_ignored(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    cache = tmp_path / "cache"
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=cache))
    [entry] = (cache / "catalogues").iterdir()
    entry.write_text(entry.read_text(encoding="utf-8")[:300], encoding="utf-8")
    for rendered in ("pages", "sites"):  # so the new build renders every page again
        shutil.rmtree(cache / rendered)

    done = build_in_new_process(source, tmp_path / "again", cache)
    assert done.returncode == 0, done.stderr
    assert hashes(tmp_path / "again") == hashes(tmp_path / "site")
    assert json.loads(entry.read_text(encoding="utf-8"))  # kept whole again


@pytest.mark.parametrize(
    "damage",
    [b"", b"\xff\xfe not json", b"[]", b'{"families": 1}', b'{"error": [1]}', b'{"values": [{"x": 1}]}'],
    ids=["empty", "not-json", "a-list", "wrong-shape", "short-error", "wrong-value"],
)
def test_a_damaged_entry_is_a_miss_never_an_error(tmp_path: Path, new_process: None, damage: bytes) -> None:
    catalogues = CatalogueStore(tmp_path / "catalogues", "code")
    catalogues.catalogue(SOURCE_DOCS / "_data")
    [entry] = (tmp_path / "catalogues").iterdir()
    entry.write_bytes(damage)
    store._loaded.clear()  # the next process
    assert catalogues.catalogue(SOURCE_DOCS / "_data") == load_catalogue(SOURCE_DOCS / "_data")


def test_the_catalogue_from_the_cache_is_the_one_loaded_from_its_files(tmp_path: Path, new_process: None):
    catalogues = CatalogueStore(tmp_path, "code")
    loaded = catalogues.catalogue(SOURCE_DOCS / "_data")
    store._loaded.clear()  # the next process
    kept = catalogues.catalogue(SOURCE_DOCS / "_data")
    assert kept is not loaded
    assert kept == loaded == load_catalogue(SOURCE_DOCS / "_data")
    assert kept.value_for_label("Remote Login URL:") is kept.values["login_url"]


def test_other_code_does_not_read_the_entry(tmp_path: Path, new_process: None) -> None:
    CatalogueStore(tmp_path, "old code").catalogue(SOURCE_DOCS / "_data")
    store._loaded.clear()
    CatalogueStore(tmp_path, "new code").catalogue(SOURCE_DOCS / "_data")
    assert len(list(tmp_path.iterdir())) == 2


def test_a_broken_catalogue_is_reported_at_its_file_and_line_also_from_the_cache(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    broken = source / "_data" / "contoso-mail.yml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("sharing: secret", "sharing: public"), encoding="utf-8")
    line = text.splitlines().index("    sharing: secret") + 1
    message = (
        f"{broken}:{line}: does not match catalogue.schema.json: values/contoso_mail_token/sharing:"
        " 'public' is not one of ['shareable', 'secret']"
    )

    first = build_in_new_process(source, tmp_path / "site", tmp_path / "cache")
    assert first.returncode == 1
    assert message in first.stdout + first.stderr
    assert [json.loads(e.read_bytes()) for e in (tmp_path / "cache" / "catalogues").iterdir()] == [
        {"error": [str(broken), line, message.split(": ", 1)[1]]}
    ]
    again = build_in_new_process(source, tmp_path / "site", tmp_path / "cache")
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)


def test_a_broken_catalogue_from_the_cache_raises_what_loading_it_raises(tmp_path: Path, new_process: None):
    data = tmp_path / "_data"
    data.mkdir()
    (data / "values.yml").write_text(
        "values:\n  tenant_id:\n    label: Tenant ID\n    sharing: shareable\n    validator: nosuch\n",
        encoding="utf-8",
    )
    catalogues = CatalogueStore(tmp_path / "cache", "code")
    with pytest.raises(GeneratorError) as loading:
        catalogues.catalogue(data)
    store._loaded.clear()  # the next process
    with pytest.raises(GeneratorError) as kept:
        catalogues.catalogue(data)
    assert (kept.value.file, kept.value.line, kept.value.message) == (
        str(data / "values.yml"),
        2,
        "value 'tenant_id': unknown validator 'nosuch'",
    )
    assert str(kept.value) == str(loading.value)
