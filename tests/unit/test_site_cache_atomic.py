"""A failing build names the file and line of its cause and leaves the published site byte for byte
as it was (no staging folder left behind either); the cache never lets a broken input through."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import GeneratorError
from generator.site.build import CONFIG_FILE, BuildOptions, build_site
from tests.conftest import ROOT, SOURCE_DOCS

SIDECAR = "contoso-mail-tutorial.checklist.yml"
BROKEN_SIDECAR = """# Enrichment for contoso-mail-tutorial.md
rules:
  - match: {text: [A directory sign-in page
    skip: true
"""


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def leftovers(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name.startswith(f".{site.name}."))


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A copy of source_docs built once into ``site``: (source, site, hashes of every file)."""
    source, site = tmp_path / "source", tmp_path / "out" / "site"
    shutil.copytree(SOURCE_DOCS, source)
    build_site(BuildOptions(source, site, cache_dir=tmp_path / "cache"))
    return source, site, hashes(site)


def test_a_broken_sidecar_fails_the_build_at_its_line_and_keeps_the_site(built, tmp_path: Path, capsys):
    source, site, before = built
    sidecar = source / SIDECAR
    sidecar.write_text(BROKEN_SIDECAR, encoding="utf-8")
    argv = ["build", "--source", str(source), "--site-dir", str(site), "--cache-dir", str(tmp_path / "cache")]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert f"{sidecar}:4:" in err
    assert f"build failed; {site} was left as it was" in err
    assert hashes(site) == before
    assert leftovers(site) == []


def test_a_broken_page_template_fails_the_build_at_its_line_and_keeps_the_site(built, tmp_path: Path):
    """A copy of the project whose tutorial template has a syntax error builds into the same site."""
    source, site, before = built
    project = tmp_path / "project"
    for name in ("generator", "templates", "site_overrides"):
        shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(CONFIG_FILE, project / "mkdocs.yml")
    template = project / "templates" / "tutorial.html.j2"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(i for i, line in enumerate(lines) if line.startswith("<h1>"))
    lines[broken] = "<h1>{{ tutorial.title }</h1>\n"
    template.write_text("".join(lines), encoding="utf-8")

    command = [sys.executable, "-m", "generator", "build", "--source", str(source), "--site-dir", str(site)]
    command += ["--cache-dir", str(tmp_path / "cache")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)}
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert f"{template}:{broken + 1}: template error" in done.stderr
    assert hashes(site) == before
    assert leftovers(site) == []


def test_a_broken_theme_template_fails_the_build_at_its_line_and_keeps_the_site(built, tmp_path: Path):
    source, site, before = built
    overrides = tmp_path / "overrides"
    shutil.copytree(ROOT / "site_overrides", overrides)
    main_html = overrides / "main.html"
    lines = main_html.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(i for i, line in enumerate(lines) if "og:title" in line)
    lines[broken] = '<meta property="og:title" content="{{ page.title }">\n'
    main_html.write_text("".join(lines), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    text = CONFIG_FILE.read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {overrides}")
    text = text.replace("- generator/site/", f"- {ROOT / 'generator/site'}/")  # every hook
    config.write_text(text, encoding="utf-8")

    with pytest.raises(GeneratorError) as failure:
        build_site(BuildOptions(source, site, config_file=config, cache_dir=tmp_path / "cache"))
    assert (failure.value.file, failure.value.line) == (str(main_html), broken + 1)
    assert hashes(site) == before
    assert leftovers(site) == []
