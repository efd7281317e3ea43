"""The lightbox script on a page of processed screenshots (file://, as in the offline bundle)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest
from playwright.sync_api import Page, Request, expect

from generator.render.images import ImageProcessor, RenderedImage
from tests.conftest import ROOT
from tests.imagefactory import SourceFolder, ref, screenshot

pytestmark = pytest.mark.browser

ASSETS = ROOT / "site_overrides" / "assets"
# Stands in for core.js: the lightbox only needs TC.register to call its init with the body.
TC_STUB = "window.TC = {register: function (name, init) { init(document.body); }};"


def figure(result: RenderedImage, href: str) -> str:
    caption = f"<figcaption>{escape(result.caption)}</figcaption>" if result.caption else ""
    return (
        f'<figure class="tc-figure"><a class="tc-lightbox" href="{escape(href)}">'
        f'<img src="{escape(result.web_src)}" width="{result.width}" height="{result.height}" '
        f'alt="{escape(result.alt)}" loading="lazy"></a>{caption}</figure>'
    )


@pytest.fixture
def gallery(tmp_path: Path) -> Path:
    """A page with two processed screenshots and the placeholder of a remote one."""
    folder = SourceFolder(tmp_path / "source")
    folder.add("media/overview.png", screenshot(2400, 1350))
    folder.add("media/settings.png", screenshot(1300, 700))
    site = tmp_path / "site"
    with ImageProcessor(folder.root, site, tmp_path / "cache") as processor:
        overview = processor.process(
            ref("media/overview.png", "Overview <b>not bold</b>", "Portal"), folder.tutorial
        )
        settings = processor.process(ref("media/settings.png", None, "Settings"), folder.tutorial)
        remote = processor.process(ref("https://example.com/remote.png", None, "Remote"), folder.tutorial)
    page = site / "index.html"
    page.write_text(
        f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Screenshots</title>
<link rel="stylesheet" href="{(ASSETS / "stylesheets" / "lightbox.css").as_uri()}"></head>
<body><main class="md-typeset"><h1>Screenshots</h1>
{figure(overview, overview.original_src)}
<p><a id="after" href="#after">A link after the first screenshot</a></p>
{figure(settings, settings.original_src)}
{figure(remote, remote.remote_href)}
</main>
<script>{TC_STUB}</script>
<script src="{(ASSETS / "javascripts" / "lightbox.js").as_uri()}"></script>
</body></html>""",
        encoding="utf-8",
    )
    return page


@pytest.fixture
def opened_page(page: Page, gallery: Path) -> Page:
    failures: list[str] = []

    def failed(request: Request) -> None:
        # A picture still loading when its dialog closes is cancelled (net::ERR_ABORTED): not a failure.
        if "ERR_ABORTED" not in (request.failure or ""):
            failures.append(request.url)

    page.on("requestfailed", failed)
    page.route("http*://**/*", lambda route: route.abort())
    page.goto(gallery.as_uri())
    yield page
    assert failures == []


def dialog(page: Page):
    return page.locator("dialog.tc-lightbox-dialog")


def test_click_opens_the_original_and_escape_closes_returning_focus(opened_page: Page):
    page = opened_page
    first = page.locator("a.tc-lightbox").first
    first.click()

    expect(dialog(page)).to_be_visible()
    image = dialog(page).locator("img")
    expect(image).to_have_attribute("src", first.evaluate("link => link.href"))
    expect(image).to_have_attribute("alt", "Portal")
    page.wait_for_function("document.querySelector('dialog img').complete")
    assert image.evaluate("img => img.naturalWidth") == 2400
    expect(dialog(page).locator("figcaption")).to_have_text("Overview <b>not bold</b>")
    expect(dialog(page).locator(".tc-lightbox-dialog__counter")).to_have_text("1 / 2")

    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    assert first.evaluate("link => link === document.activeElement")


def test_keyboard_alone_opens_steps_and_closes(opened_page: Page):
    page = opened_page
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "tc-lightbox"
    page.keyboard.press("Enter")
    expect(dialog(page)).to_be_visible()

    page.keyboard.press("ArrowRight")
    expect(dialog(page).locator("img")).to_have_attribute("alt", "Settings")
    expect(dialog(page).locator(".tc-lightbox-dialog__counter")).to_have_text("2 / 2")
    expect(dialog(page).locator("figcaption")).to_be_hidden()
    for _ in range(4):
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('dialog').contains(document.activeElement)")
    page.keyboard.press("ArrowLeft")
    expect(dialog(page).locator("img")).to_have_attribute("alt", "Portal")

    page.keyboard.press("Escape")
    expect(dialog(page)).to_be_hidden()
    assert page.evaluate("document.activeElement === document.querySelector('a.tc-lightbox')")


def test_close_button_and_backdrop_close(opened_page: Page):
    page = opened_page
    page.locator("a.tc-lightbox").first.click()
    dialog(page).get_by_role("button", name="Close").click()
    expect(dialog(page)).to_be_hidden()

    page.locator("a.tc-lightbox").nth(1).click()
    expect(dialog(page)).to_be_visible()
    page.mouse.click(5, 5)
    expect(dialog(page)).to_be_hidden()


def test_remote_and_modified_clicks_are_left_to_the_browser(opened_page: Page):
    page = opened_page
    page.evaluate(
        """() => window.addEventListener('click', event => {
            window.lastClickPrevented = event.defaultPrevented;
            event.preventDefault();
        })"""
    )
    page.locator("a.tc-lightbox").nth(2).click()
    assert page.evaluate("window.lastClickPrevented") is False
    page.locator("a.tc-lightbox").first.click(modifiers=["Control"])
    assert page.evaluate("window.lastClickPrevented") is False
    expect(dialog(page)).to_have_count(0)
