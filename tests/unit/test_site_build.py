"""The build command: a site from a source folder, strict and atomic, linear navigation, search."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli import main
from generator.site.build import CONFIG_FILE, BuildOptions, build_site, tutorial_key
from tests.conftest import ROOT

LEGACY = """<properties pageTitle="Alpha" description="A" services="active-directory" authors="ann"/>
<tags ms.service="active-directory" ms.date="08/01/2015" ms.author="ann" />
#Tutorial: Azure Active Directory integration with Alpha App

##Configuring single sign-on

Some words before the steps.

###To configure single sign-on, perform the following steps:

1.  Click **Configure single sign-on** in the portal.
2.  In the **Settings** section, perform the following steps:

    1.  Type the unmistakable zebra phrase.
    2.  Click **Save**.
"""

MODERN = """---
title: Beta tutorial
ms.service: key-vault
ms.date: 01/30/2024
---
# Create a Beta vault

## Create the vault

1. Sign in to the portal.
1. Select **Create a resource**.
"""


def write_source(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "alpha-app.md").write_text(LEGACY, encoding="utf-8")
    (folder / "guides").mkdir(exist_ok=True)
    (folder / "guides" / "beta vault.md").write_text(MODERN, encoding="utf-8")
    (folder / "_draft.md").write_text("# not a tutorial\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("build")
    source = write_source(base / "source")
    build_site(BuildOptions(source, base / "site", cache_dir=base / "cache"))
    return base / "site"


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_tutorial_gets_a_page_named_after_its_source_path(site: Path):
    assert (site / "tutorials" / "alpha-app" / "index.html").is_file()
    assert (site / "tutorials" / "guides" / "beta-vault" / "index.html").is_file()
    assert not (site / "tutorials" / "_draft").exists()
    page = soup(site / "tutorials" / "alpha-app" / "index.html")
    assert len(page.select("input[type=checkbox][data-tc-box]")) == 4


def test_navigation_lists_groups_not_tutorials(site: Path):
    page = soup(site / "tutorials" / "alpha-app" / "index.html")
    nav = page.select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Home" in nav and "Active Directory" in nav and "Key Vault" in nav
    assert "Alpha App" not in nav and "Beta vault" not in nav
    group = soup(site / "groups" / "active-directory" / "index.html")
    links = [a["href"] for a in group.select("[data-tc-catalogue] a")]
    assert links == ["../../tutorials/alpha-app/"]


def test_home_page_lists_every_tutorial_with_its_step_count(site: Path):
    rows = soup(site / "index.html").select("[data-tc-entry]")
    entries = {row["data-tc-entry"]: (row.a["href"], row["data-tc-steps"]) for row in rows}
    assert entries == {
        "alpha-app": ("tutorials/alpha-app/", "4"),
        "guides/beta-vault": ("tutorials/guides/beta-vault/", "2"),
    }


def test_search_has_an_entry_per_step_that_lands_on_the_step(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [doc for doc in index["docs"] if "zebra" in doc["title"] + doc["text"]]
    assert len(hits) == 1
    page = soup(site / "tutorials" / "alpha-app" / "index.html")
    step = next(li for li in page.select("li.tc-step") if "zebra" in li.label.get_text())
    assert hits[0]["location"] == f"tutorials/alpha-app/#{step['id']}"
    assert hits[0]["title"].startswith("2.1. Type the unmistakable zebra phrase")
    assert not any(
        doc["location"].startswith(("groups/", "index")) or doc["location"] == "" for doc in index["docs"]
    )


def test_table_of_contents_lists_the_sections(site: Path):
    toc = soup(site / "tutorials" / "alpha-app" / "index.html").select("nav.md-nav--secondary a")
    assert [a.get_text(strip=True) for a in toc] == ["Configuring single sign-on"]


def test_pages_load_scripts_styles_and_images_from_the_site_only(site: Path):
    for page in site.rglob("*.html"):
        tree = soup(page)
        urls = [s["src"] for s in tree.select("script[src]")] + [i["src"] for i in tree.select("img[src]")]
        urls += [link["href"] for link in tree.select("link[rel~=stylesheet], link[rel~=icon]")]
        assert [url for url in urls if url.startswith(("http:", "https:", "//"))] == [], page


def test_a_failing_build_reports_file_and_line_and_keeps_the_old_site(tmp_path: Path, capsys):
    source = write_source(tmp_path / "source")
    site = tmp_path / "site"
    assert (
        main(["build", "--source", str(source), "--site-dir", str(site), "--cache-dir", str(tmp_path / "c")])
        == 0
    )
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    config = tmp_path / "mkdocs.yml"
    text = CONFIG_FILE.read_text(encoding="utf-8")
    text = text.replace("custom_dir: site_overrides", f"custom_dir: {ROOT / 'site_overrides'}")
    text = text.replace("- generator/site/", f"- {ROOT / 'generator/site'}/")  # every hook
    config.write_text(text + "\nno_such_option: 1\n", encoding="utf-8")
    with pytest.raises(Exception) as failure:
        build_site(BuildOptions(source, site, config_file=config, cache_dir=tmp_path / "c"))
    assert f"{config}:1:" in "\n".join(failure.value.lines())
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_two_sources_with_the_same_page_name_are_refused_with_the_file(tmp_path: Path, capsys):
    source = write_source(tmp_path / "source")
    shutil.copyfile(source / "alpha-app.md", source / "alpha app.md")
    assert main(["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]) == 1
    err = capsys.readouterr().err
    assert f"{source / 'alpha-app.md'}:1:" in err or f"{source / 'alpha app.md'}:1:" in err
    assert "same page name" in err
    assert not (tmp_path / "site").exists()


def test_rebuilding_replaces_the_site_and_leaves_no_staging_folders(tmp_path: Path):
    source = write_source(tmp_path / "source")
    site = tmp_path / "out" / "site"
    options = BuildOptions(source, site, cache_dir=tmp_path / "cache")
    build_site(options)
    (source / "alpha-app.md").unlink()
    build_site(options)
    assert not (site / "tutorials" / "alpha-app").exists()
    assert (site / "tutorials" / "guides" / "beta-vault" / "index.html").is_file()
    # the replaced copy is removed in the background: gone soon, never in the way
    deadline = time.monotonic() + 30
    while [p.name for p in site.parent.iterdir()] != ["site"] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [p.name for p in site.parent.iterdir()] == ["site"]


def test_tutorial_keys_are_url_safe_paths(tmp_path: Path):
    assert tutorial_key(tmp_path / "a" / "My Tutorial (v2).md", tmp_path) == "a/My-Tutorial-v2-"
