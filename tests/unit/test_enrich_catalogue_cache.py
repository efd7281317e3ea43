"""The shared catalogue and the sidecars, loaded once and kept in the build cache: what a user of
`build` and `serve` sees.

A catalogue edit shows in the next build (also one in the same process, as `serve` runs them, and
also an edit that keeps the file's size and date); a damaged cache entry only costs the time of
loading the file again; a broken catalogue or sidecar is reported at its file and line, the same
from the cache as from the files.
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
from generator.enrich.sidecar import SIDECAR_SCHEMA
from generator.enrich.store import CatalogueStore
from generator.enrich.yamlfile import load_yaml
from generator.site.build import BuildOptions, build_site
from tests.conftest import ROOT, SOURCE_DOCS

PAGE = Path("tutorials") / "contoso-mail-tutorial" / "index.html"
DATA = SOURCE_DOCS / "_data"
SIDECAR = SOURCE_DOCS / "contoso-mail-tutorial.checklist.yml"
LOADS = {
    "catalogue": (lambda kept: kept.catalogue(DATA), lambda: load_catalogue(DATA)),
    "sidecar": (
        lambda kept: kept.document(SIDECAR, SIDECAR_SCHEMA),
        lambda: load_yaml(SIDECAR, SIDECAR_SCHEMA),
    ),
}


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


def test_a_damaged_cache_entry_is_ignored(tmp_path: Path) -> None:
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    cache = tmp_path / "cache"
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=cache))
    entries = sorted((cache / "catalogues").iterdir())
    assert len(entries) == 3  # the catalogue and two sidecars
    for entry in entries:
        entry.write_text(entry.read_text(encoding="utf-8")[:100], encoding="utf-8")
    for rendered in ("pages", "sites"):  # so the new build renders every page again
        shutil.rmtree(cache / rendered)

    done = build_in_new_process(source, tmp_path / "again", cache)
    assert done.returncode == 0, done.stderr
    assert hashes(tmp_path / "again") == hashes(tmp_path / "site")
    assert all(json.loads(entry.read_text(encoding="utf-8")) for entry in entries)  # kept whole again


@pytest.mark.parametrize("what", sorted(LOADS))
@pytest.mark.parametrize(
    "damage",
    [b"", b"\xff\xfe not json", b"[]", b'{"families": 1}', b'{"error": [1]}', b'{"lines": 1}'],
    ids=["empty", "not-json", "a-list", "wrong-shape", "short-error", "wrong-lines"],
)
def test_a_damaged_entry_is_a_miss_never_an_error(
    tmp_path: Path, new_process: None, damage: bytes, what: str
):
    load, expected = LOADS[what]
    catalogues = CatalogueStore(tmp_path / "catalogues", "code")
    load(catalogues)
    [entry] = (tmp_path / "catalogues").iterdir()
    entry.write_bytes(damage)
    store._loaded.clear()  # the next process
    assert load(catalogues) == expected()


@pytest.mark.parametrize("what", sorted(LOADS))
def test_what_comes_from_the_cache_is_what_loading_the_files_gives(
    tmp_path: Path, new_process: None, what: str
):
    load, expected = LOADS[what]
    catalogues = CatalogueStore(tmp_path, "code")
    loaded = load(catalogues)
    store._loaded.clear()  # the next process
    kept = load(catalogues)
    assert kept is not loaded
    assert kept == loaded == expected()


def test_values_are_found_by_label_in_a_catalogue_from_the_cache(tmp_path: Path, new_process: None) -> None:
    CatalogueStore(tmp_path, "code").catalogue(DATA)
    store._loaded.clear()
    kept = CatalogueStore(tmp_path, "code").catalogue(DATA)
    assert kept.value_for_label("Remote Login URL:") is kept.values["login_url"]


def test_other_code_does_not_read_the_entry(tmp_path: Path, new_process: None) -> None:
    CatalogueStore(tmp_path, "old code").catalogue(DATA)
    store._loaded.clear()
    CatalogueStore(tmp_path, "new code").catalogue(DATA)
    assert len(list(tmp_path.iterdir())) == 2


@pytest.mark.parametrize(
    ("broken", "was", "schema", "where"),
    [
        ("_data/contoso-mail.yml", "sharing: secret", "catalogue", "values/contoso_mail_token/sharing"),
        (
            "contoso-mail-tutorial.checklist.yml",
            "sharing: shareable",
            "sidecar",
            "values/contoso_sign_on_url/sharing",
        ),
    ],
    ids=["catalogue", "sidecar"],
)
def test_a_broken_data_file_is_reported_at_its_file_and_line_also_from_the_cache(
    tmp_path: Path, broken: str, was: str, schema: str, where: str
) -> None:
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    file = source / broken
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace(was, "sharing: public"), encoding="utf-8")
    line = text.splitlines().index(f"    {was}") + 1
    message = f"does not match {schema}.schema.json: {where}: 'public' is not one of ['shareable', 'secret']"

    first = build_in_new_process(source, tmp_path / "site", tmp_path / "cache")
    assert first.returncode == 1
    assert f"{file}:{line}: {message}\n" in first.stderr
    entries = [json.loads(e.read_bytes()) for e in (tmp_path / "cache" / "catalogues").iterdir()]
    assert {"error": [str(file), line, message]} in entries
    again = build_in_new_process(source, tmp_path / "site", tmp_path / "cache")
    assert (again.returncode, again.stderr) == (first.returncode, first.stderr)  # stdout: the cache's counts


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
