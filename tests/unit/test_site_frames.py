"""Tutorial pages filled into frames are the pages the theme's template gives, byte for byte.

Each site here is built twice: as the build does it (frames) and with every page rendered by the
theme's ``main.html``, the way mkdocs renders any page. The tutorials vary everything a frame
depends on: folder depth, description or none, headings or none, markup characters in the title.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.pipeline import load
from generator.site import frames
from generator.site.build import BuildOptions, build_site
from tests.conftest import SEED

PLAIN = """---
title: Configure {app} for single sign-on
description: Set up {app} step by step.
ms.service: active-directory
---
# Configure {app} for single sign-on

## Enable single sign-on

1. Sign in to the **Azure portal**.
1. Select **{app}**.

## Test it

1. Open the access panel.
"""

NO_DESCRIPTION = """---
title: Notes for {app}
ms.service: active-directory
---
# Notes for {app}

1. Read this first.
"""

MARKUP = """---
title: Hack "><b>bold</b> & {app}
description: Say "hi" <i>there</i> & go
ms.service: active-directory
---
# Hack "><b>bold</b> & {app}

## Do

1. Click **Start**.
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("frames-src")
    (root / "deep" / "er").mkdir(parents=True)
    for name, app in (("alpha", "Alpha"), ("beta", "Beta")):
        (root / f"{name}.md").write_text(PLAIN.format(app=app), encoding="utf-8")
    (root / "deep" / "gamma.md").write_text(PLAIN.format(app="Gamma"), encoding="utf-8")
    (root / "deep" / "er" / "delta.md").write_text(PLAIN.format(app="Delta"), encoding="utf-8")
    (root / "deep" / "er" / "epsilon.md").write_text(PLAIN.format(app="Epsilon"), encoding="utf-8")
    (root / "notes-one.md").write_text(NO_DESCRIPTION.format(app="One"), encoding="utf-8")
    (root / "notes-two.md").write_text(NO_DESCRIPTION.format(app="Two"), encoding="utf-8")
    (root / "markup.md").write_text(MARKUP.format(app="Zeta"), encoding="utf-8")
    shutil.copy(SEED, root / "seed.md")
    return root


def _pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_framed_pages_equal_template_pages(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fills: list[int] = []
    fill = frames.Frame.fill
    monkeypatch.setattr(frames.Frame, "fill", lambda self, values: fills.append(1) or fill(self, values))
    build_site(BuildOptions(source, tmp_path / "framed", cache_dir=tmp_path / "cache"))
    framed = _pages(tmp_path / "framed")
    # Every shape's first page is checked against the template, the others are filled only:
    # 9 tutorials, 5 shapes (3 folders, no description, no headings...), the markup one never framed.
    assert len(fills) >= 8

    monkeypatch.setattr(frames.Frames, "render", lambda self, context, page, config: self._template(context))
    build_site(BuildOptions(source, tmp_path / "template", cache_dir=tmp_path / "cache2"))
    assert framed == _pages(tmp_path / "template")
    assert any(name.startswith("tutorials/deep/er/") for name in framed)


def test_title_and_description_cannot_break_out_of_the_page_head(source: Path, tmp_path: Path) -> None:
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache"))
    html = (tmp_path / "site" / "tutorials" / "markup" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.head is not None
    assert soup.head.find(["b", "i"]) is None
    title = load(source / "markup.md").tutorial.title
    assert '">' in title and "&" in title
    assert soup.title is not None and soup.title.string == f"{title} - Tutorial checklists"
    description = soup.head.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"] == 'Say "hi" <i>there</i> & go'
    og_title = soup.head.find("meta", attrs={"property": "og:title"})
    assert og_title is not None and og_title["content"] == title


def test_a_frame_that_disagrees_with_the_template_is_not_used(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A theme change the frames do not foresee costs speed, never a wrong page."""
    monkeypatch.setattr(frames.Frame, "fill", lambda self, values: "<p>not the page</p>")
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache"))
    for page in (tmp_path / "site" / "tutorials").rglob("index.html"):
        assert "not the page" not in page.read_text(encoding="utf-8")
        assert "</html>" in page.read_text(encoding="utf-8")
