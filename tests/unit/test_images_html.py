"""Processed images as the page shows them: sizes in the HTML, the lightbox link, placeholders."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from generator.render.context import RenderContext
from generator.render.images import ImageProcessor
from generator.render.media import image_html
from tests.imagefactory import SourceFolder, ref, screenshot

PAGE_URL = "tutorials/tutorial/"


@pytest.fixture
def render(tmp_path: Path):
    folder = SourceFolder(tmp_path / "source")
    folder.add("media/portal.png", screenshot(2400, 1350))
    site = tmp_path / "docs"
    processor = ImageProcessor(folder.root, site, tmp_path / "cache")
    ctx = RenderContext(page_url=PAGE_URL, source_path=folder.tutorial, images=processor)

    def html(src: str, title: str | None = None, alt: str = "The portal") -> tuple[BeautifulSoup, Path]:
        return BeautifulSoup(image_html(ref(src, title, alt), ctx), "html.parser"), site

    yield html
    processor.close()


def target(site: Path, link: str) -> Path:
    """The file a page-relative link points to."""
    return site / posixpath.normpath(posixpath.join(PAGE_URL, link))


def test_large_screenshot_has_web_size_attributes_and_links_to_the_original(render, tmp_path):
    soup, site = render("media/portal.png", title="Portal overview")
    img = soup.find("img")

    assert (img["width"], img["height"], img["loading"]) == ("1200", "675", "lazy")
    assert img["alt"] == "The portal"
    assert not img.has_attr("title")
    with Image.open(target(site, img["src"])) as web:
        assert web.size == (1200, 675)
    link = soup.find("a", class_="tc-lightbox")
    assert (
        target(site, link["href"]).read_bytes() == (tmp_path / "source" / "media" / "portal.png").read_bytes()
    )
    assert soup.find("figcaption").get_text() == "Portal overview"


def test_missing_screenshot_is_a_placeholder_without_a_lightbox(render):
    soup, site = render(
        "media/IC795011.png", title="Configure Single Sign-On", alt="Configure Single Sign-On"
    )
    img = soup.find("img")

    assert soup.find("a") is None
    assert "screenshot not available" in img["alt"]
    assert img["title"] == "File not found: media/IC795011.png"
    with Image.open(target(site, img["src"])) as drawn:
        assert drawn.size == (int(img["width"]), int(img["height"]))
        assert drawn.text["Title"] == "Configure Single Sign-On"


def test_remote_screenshot_placeholder_links_to_the_original(render):
    soup, site = render("https://example.com/shot.png")

    assert soup.find("a")["href"] == "https://example.com/shot.png"
    assert target(site, soup.find("img")["src"]).is_file()
