"""Presenter mode on the seed's page: one step at a time, keys, ticking, resuming, instant navigation."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.browser.test_site import serious_violations
from tests.conftest import SEED

pytestmark = pytest.mark.browser

TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


def step_ids() -> tuple[list[str], str]:
    """From the model: section 1's steps, and single-sign-on sub-step 9.4."""
    tutorial = load(SEED).tutorial
    first = [step.id for step in tutorial.sections[0].procedures[0].steps]
    return first, tutorial.sections[1].procedures[0].steps[8].steps[3].id


def position(page: Page) -> Locator:
    return page.locator(".tc-presenter__position")


def shown(page: Page) -> Locator:
    return page.locator("li.tc-present-current")


def box(page: Page, step_id: str) -> Locator:
    return page.locator(f'input[data-tc-box="{step_id}"]')


@pytest.fixture
def presenting(page: Page, built_site: BuiltSite) -> Page:
    page.goto(built_site.tutorial(SEED_KEY) + "?present")
    expect(position(page)).to_be_visible()
    return page


def test_step_1_then_three_arrows_show_step_4_space_ticks_it_and_the_page_agrees(presenting: Page):
    first, _ = step_ids()
    expect(position(presenting)).to_have_text("Section 1 · Step 1 (1 of 37)")
    expect(shown(presenting)).to_have_attribute("id", first[0])
    expect(shown(presenting)).to_be_visible()
    for _ in range(3):
        presenting.keyboard.press("ArrowRight")
    expect(position(presenting)).to_have_text("Section 1 · Step 4 (4 of 37)")
    expect(shown(presenting)).to_have_attribute("id", first[3])
    expect(shown(presenting)).to_contain_text("Click Add at the bottom of the page.")
    expect(presenting.locator(f'li[id="{first[0]}"]')).to_be_hidden()
    expect(presenting.locator("[data-tc-progress=tutorial]")).to_be_hidden()
    presenting.keyboard.press("Space")
    expect(box(presenting, first[3])).to_be_checked()
    presenting.keyboard.press("Escape")
    expect(position(presenting)).to_have_count(0)
    expect(presenting.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 37 steps")
    expect(presenting.locator("input[data-tc-box]:checked")).to_have_count(1)
    expect(box(presenting, first[3])).to_be_checked()
    expect(box(presenting, first[3])).to_be_focused()
    expect(presenting.locator(f'li[id="{first[0]}"]')).to_be_visible()
    stored = json.loads(presenting.evaluate(f"localStorage.getItem('tc:v1:progress:{SEED_KEY}')"))
    assert stored["ticked"] == [first[3]]
    assert "present" not in presenting.url


def test_reload_in_presenter_mode_resumes_at_the_same_step(presenting: Page):
    first, _ = step_ids()
    for _ in range(3):
        presenting.keyboard.press("ArrowRight")
    expect(position(presenting)).to_have_text("Section 1 · Step 4 (4 of 37)")
    presenting.reload()
    expect(position(presenting)).to_have_text("Section 1 · Step 4 (4 of 37)")
    expect(shown(presenting)).to_have_attribute("id", first[3])
    expect(box(presenting, first[3])).to_be_focused()


def test_page_keys_buttons_and_ends(presenting: Page):
    expect(presenting.get_by_role("button", name="Previous")).to_be_disabled()
    presenting.keyboard.press("PageDown")
    presenting.keyboard.press("PageDown")
    expect(position(presenting)).to_have_text("Section 1 · Step 3 (3 of 37)")
    presenting.keyboard.press("PageUp")
    expect(position(presenting)).to_have_text("Section 1 · Step 2 (2 of 37)")
    presenting.get_by_role("button", name="Next").click()
    expect(position(presenting)).to_have_text("Section 1 · Step 3 (3 of 37)")
    presenting.keyboard.press("End")
    expect(position(presenting)).to_have_text("Section 4 · Step 3 (37 of 37)")
    expect(presenting.get_by_role("button", name="Next")).to_be_disabled()
    presenting.keyboard.press("ArrowRight")
    expect(position(presenting)).to_have_text("Section 4 · Step 3 (37 of 37)")
    presenting.get_by_role("button", name="Leave presenter mode").click()
    expect(position(presenting)).to_have_count(0)


def test_a_sub_step_shows_its_number_and_live_values(page: Page, built_site: BuiltSite):
    _, sub = step_ids()
    page.goto(built_site.tutorial(SEED_KEY) + f"?present={sub}")
    expect(position(page)).to_have_text("Section 2 · Step 9.4 (20 of 37)")
    expect(page.locator(".tc-presenter__section")).to_have_text("Configuring single sign-on")
    expect(shown(page).locator(".tc-value__fill")).to_be_visible()
    page.evaluate(
        "(tenant) => { TC.store.write('values:' + TC.pageData().tutorial, {tenant_id: tenant});"
        " TC.emit('values-changed', {source: 'test'}); }",
        TENANT,
    )
    expect(shown(page).locator(".tc-value__text")).to_have_text(f"https://sts.windows.net/{TENANT}/")


def test_ticking_a_parent_step_in_presenter_mode_follows_the_checklist_rules(
    page: Page, built_site: BuiltSite
):
    step9 = load(SEED).tutorial.sections[1].procedures[0].steps[8]
    page.goto(built_site.tutorial(SEED_KEY) + f"?present={step9.id}")
    expect(position(page)).to_have_text("Section 2 · Step 9 (16 of 37)")
    expect(page.locator(f'li[id="{step9.steps[0].id}"]')).to_be_hidden()
    page.keyboard.press("Space")
    page.keyboard.press("Escape")
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("11 of 37 steps")


def test_the_present_button_and_instant_navigation(page: Page, built_site: BuiltSite):
    first, _ = step_ids()
    page.goto(built_site.url())
    page.locator(f'[data-tc-entry="{SEED_KEY}"] a').click()
    expect(page.locator("[data-tc-training]")).to_be_visible()
    page.evaluate("window.__samePageView = true")
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Present").click()
    expect(position(page)).to_have_text("Section 1 · Step 1 (1 of 37)")
    page.keyboard.press("ArrowRight")
    expect(position(page)).to_have_text("Section 1 · Step 2 (2 of 37)")
    page.go_back()
    expect(page).to_have_url(built_site.url())
    expect(position(page)).to_have_count(0)
    expect(page.locator("html.tc-presenting")).to_have_count(0)
    expect(page.locator("[data-tc-entry]").first).to_be_visible()
    page.go_forward()
    expect(position(page)).to_have_text("Section 1 · Step 2 (2 of 37)")
    expect(shown(page)).to_have_attribute("id", first[1])
    assert page.evaluate("window.__samePageView") is True, "navigation reloaded the page"


def test_presenter_mode_is_accessible(presenting: Page):
    first, _ = step_ids()
    expect(box(presenting, first[0])).to_be_focused()
    expect(position(presenting)).to_have_attribute("aria-live", "polite")
    assert serious_violations(presenting) == []


def test_a_screenshot_opens_large_in_presenter_mode_and_escape_closes_it_first(
    page: Page, built_site: BuiltSite
):
    page.goto(built_site.tutorial("contoso-mail-tutorial") + "?present")
    expect(position(page)).to_be_visible()
    for _ in range(40):  # the first step with a screenshot
        if shown(page).locator("a.tc-lightbox").count():
            break
        page.keyboard.press("ArrowRight")
    shown(page).locator("a.tc-lightbox").first.click()
    lightbox = page.locator("dialog[open]")
    expect(lightbox.locator("img")).to_be_visible()
    page.keyboard.press("Escape")
    expect(lightbox).to_have_count(0)
    expect(position(page)).to_be_visible()
    page.keyboard.press("Escape")
    expect(position(page)).to_have_count(0)
