"""Incremental builds: only tutorials whose own inputs changed are read and rendered again.

Asserted through the cache statistics the build reports (its summary, its JSON report and
``BuildReport.cache``), never through timing.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from PIL import Image

from generator.cli import main
from generator.site.build import BuildOptions, BuildReport, build_site
from tests.conftest import SOURCE_DOCS

CLASSIC = "contoso-mail-classic-portal-tutorial"
MODERN = "contoso-mail-tutorial"


def small(index: int, label: str = "Create") -> str:
    return f"""---
title: Tutorial {index}
ms.service: key-vault
ms.date: 01/{index % 28 + 1:02d}/2024
---
# Tutorial number {index}

## Set up

1. Sign in to the portal number {index}.
2. Select **{label} {index}**.
3. Select **Save**.
"""


def build(source: Path, base: Path) -> BuildReport:
    return build_site(BuildOptions(source, base / "site", cache_dir=base / "cache"))


def hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_after_one_tutorial_of_200_changes_only_that_one_is_read_again(tmp_path: Path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    for index in range(200):
        (source / f"t{index:03d}.md").write_text(small(index), encoding="utf-8")
    first = build(source, tmp_path)
    assert (first.cache.tutorials, first.cache.hits, first.cache.misses) == (200, 0, 200)

    (source / "t117.md").write_text(small(117, label="Create and open"), encoding="utf-8")
    argv = ["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]
    argv += ["--cache-dir", str(tmp_path / "cache"), "--report", str(tmp_path / "report.json"), "--quiet"]
    assert main(argv) == 0

    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["tutorials"] == 200
    assert report["cache"]["hits"] == 199
    assert report["cache"]["misses"] == 1
    assert report["cache"]["rendered"] == ["t117"]
    assert report["updated"] == {"t117": {"changed": 1}}
    out = capsys.readouterr().out
    assert "cache: 199 of 200 tutorials unchanged, 1 read and rendered" in out
    page = (tmp_path / "site" / "tutorials" / "t117" / "index.html").read_text(encoding="utf-8")
    assert "Create and open 117" in page


def test_a_tutorial_is_read_again_when_a_file_it_pulls_in_changes(tmp_path: Path):
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    assert sorted(build(source, tmp_path).cache.rendered) == [CLASSIC, MODERN]
    assert build(source, tmp_path).cache.rendered == []

    include = source / "includes" / "contoso-mail-prerequisites.md"  # both tutorials include it
    include.write_text(include.read_text(encoding="utf-8") + "\n- A coffee.\n", encoding="utf-8")
    assert sorted(build(source, tmp_path).cache.rendered) == [CLASSIC, MODERN]
    page = tmp_path / "site" / "tutorials" / CLASSIC / "index.html"
    assert "A coffee." in page.read_text(encoding="utf-8")

    missing = source / "media" / CLASSIC / "confirm.png"  # referenced, never shipped: a placeholder so far
    Image.new("RGB", (40, 30), "navy").save(missing)
    assert build(source, tmp_path).cache.rendered == [CLASSIC]

    Image.new("RGB", (50, 20), "teal").save(source / "media" / MODERN / "copy-urls.png")
    assert build(source, tmp_path).cache.rendered == [MODERN]

    sidecar = source / f"{MODERN}.checklist.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    assert build(source, tmp_path).cache.rendered == [MODERN]

    catalogue = source / "_data" / "contoso-mail.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    assert sorted(build(source, tmp_path).cache.rendered) == [CLASSIC, MODERN]


def test_a_damaged_or_deleted_cache_costs_time_only(tmp_path: Path):
    source = tmp_path / "source"
    shutil.copytree(SOURCE_DOCS, source)
    build(source, tmp_path)
    build(source, tmp_path)  # now with the previous build's manifest beside its own
    before = hashes(tmp_path / "site")

    entries = list((tmp_path / "cache" / "pages").rglob("*.json"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_text(entry.read_text(encoding="utf-8")[:100], encoding="utf-8")
    assert build(source, tmp_path).kept == 2  # patching the site reads no page's entry
    assert hashes(tmp_path / "site") == before
    full = BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache", patch=False)
    assert build_site(full).cache.misses == 2
    assert hashes(tmp_path / "site") == before

    shutil.rmtree(tmp_path / "cache")
    assert build(source, tmp_path).cache.misses == 2
    assert hashes(tmp_path / "site") == before


def test_a_file_included_by_an_include_inside_a_step_is_a_dependency_too(tmp_path: Path):
    source = tmp_path / "source"
    (source / "includes" / "shared").mkdir(parents=True)
    (source / "tutorial.md").write_text(
        "---\ntitle: Nested includes\n---\n# Nested includes\n\n## Set up\n\n1. Sign in.\n\n"
        "   > [!NOTE]\n   > [!INCLUDE [sign-in](includes/sign-in.md)]\n\n2. Select **Save**.\n",
        encoding="utf-8",
    )
    (source / "includes" / "sign-in.md").write_text(
        "Use your admin account.\n\n[!INCLUDE [mfa](shared/mfa.md)]\n", encoding="utf-8"
    )
    mfa = source / "includes" / "shared" / "mfa.md"
    mfa.write_text("Approve the sign-in on your phone.\n", encoding="utf-8")
    assert build(source, tmp_path).cache.rendered == ["tutorial"]
    assert build(source, tmp_path).cache.rendered == []

    mfa.write_text("Approve the sign-in in the authenticator app.\n", encoding="utf-8")
    assert build(source, tmp_path).cache.rendered == ["tutorial"]
    page = (tmp_path / "site" / "tutorials" / "tutorial" / "index.html").read_text(encoding="utf-8")
    assert "authenticator app" in page
