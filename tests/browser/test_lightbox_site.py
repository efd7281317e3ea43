"""Screenshots on the built site: every image loads, the lightbox opens and closes."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from generator.pipeline import load
from generator.render import social
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.conftest import SEED

pytestmark = pytest.mark.browser

SHIPPED = "contoso-mail-tutorial"


def test_seed_page_shows_22_placeholders_and_no_request_fails(page: Page, built_site: BuiltSite):
    failed: list[str] = []
    foreign: list[str] = []
    page.on(
        "response",
        lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}"),
    )
    page.on("requestfailed", lambda request: failed.append(f"failed {request.url}"))
    page.on(
        "request", lambda request: request.url.startswith(built_site.base_url) or foreign.append(request.url)
    )
    page.goto(built_site.tutorial(SEED_KEY))

    placeholders = page.locator("figure.tc-figure--placeholder img")
    expect(placeholders).to_have_count(22)
    for index in range(placeholders.count()):
        placeholders.nth(index).scroll_into_view_if_needed()
    page.wait_for_function("Array.from(document.images).every(img => img.complete)")

    assert (
        page.evaluate("Array.from(document.images).filter(img => img.naturalWidth === 0).map(img => img.src)")
        == []
    )
    sources = placeholders.evaluate_all("imgs => imgs.map(img => img.getAttribute('src'))")
    assert len(set(sources)) == 19, "one placeholder per title: three of the 22 repeat a title"
    tooltips = placeholders.evaluate_all("imgs => imgs.map(img => img.title)")
    assert len(set(tooltips)) == 22 and all(t.startswith("File not found: ") for t in tooltips)
    assert placeholders.evaluate_all("imgs => imgs.map(img => img.naturalWidth)") == [800] * 22
    expect(placeholders.first).to_have_attribute("alt", "Scenario (screenshot not available)")
    assert failed == []
    assert foreign == []


def test_clicking_a_screenshot_opens_the_lightbox_and_escape_closes_it(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SHIPPED))
    link = page.locator("a.tc-lightbox").first
    link.click()

    dialog = page.locator("dialog.tc-lightbox-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.locator("img")).to_have_attribute("src", link.evaluate("a => a.href"))
    page.wait_for_function("document.querySelector('dialog.tc-lightbox-dialog img').naturalWidth > 0")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert link.evaluate("a => a === document.activeElement")


def test_lightbox_still_works_once_after_instant_navigation(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SHIPPED))
    page.evaluate("window.__sameDocument = true")
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_url(built_site.url())
    page.go_back()
    page.wait_for_url(built_site.tutorial(SHIPPED))
    assert page.evaluate("window.__sameDocument") is True, "instant navigation should not reload the page"

    page.evaluate(
        """() => {
            const show = HTMLDialogElement.prototype.showModal;
            window.__opened = 0;
            HTMLDialogElement.prototype.showModal = function () {
                window.__opened += 1;
                return show.call(this);
            };
        }"""
    )
    page.locator("a.tc-lightbox").nth(1).click()
    expect(page.locator("dialog.tc-lightbox-dialog")).to_be_visible()
    assert page.evaluate("window.__opened") == 1, "one click must open the lightbox exactly once"
    expect(page.locator("dialog.tc-lightbox-dialog")).to_have_count(1)
    expect(page.locator(".tc-lightbox-dialog__counter")).to_have_text(
        f"2 / {page.locator('a.tc-lightbox').count()}"
    )
    page.keyboard.press("Escape")
    expect(page.locator("dialog.tc-lightbox-dialog")).to_be_hidden()


def test_tutorial_page_points_to_its_own_social_card(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SEED_KEY))
    card_url = page.locator('meta[property="og:image"]').get_attribute("content")
    title = load(SEED).tutorial.title

    assert card_url.startswith(built_site.base_url)
    response = page.request.get(card_url)
    assert response.ok
    with Image.open(io.BytesIO(response.body())) as card:
        assert card.size == social.SIZE
        assert card.text["Title"] == title
