"""The seed's checklist page in Chromium: counting, storage, sub-step rules, deep links, robustness."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.conftest import SEED

pytestmark = pytest.mark.browser

STORE_KEY = f"tc:v1:progress:{SEED_KEY}"
SSO = "[data-tc-section=configuring-single-sign-on]"


def sso_ids() -> tuple[str, list[str]]:
    """The model's ids for single-sign-on step 9 and its ten sub-steps (independent of the page)."""
    step9 = load(SEED).tutorial.sections[1].procedures[0].steps[8]
    return step9.id, [sub.id for sub in step9.steps]


@pytest.fixture
def seed(page: Page, built_site: BuiltSite) -> Page:
    page.goto(built_site.tutorial(SEED_KEY))
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()
    return page


def counter(page: Page) -> Locator:
    return page.locator("[data-tc-progress=tutorial] [data-tc-count]")


def box(page: Page, step_id: str) -> Locator:
    return page.locator(f'input[data-tc-box="{step_id}"]')


def top_level_boxes(page: Page) -> Locator:
    return page.locator("li.tc-step:not([data-tc-parent]) > .tc-step__head > input[type=checkbox]")


def test_seed_has_25_steps_and_12_sub_steps_counted_together(seed: Page):
    expect(top_level_boxes(seed)).to_have_count(25)
    expect(seed.locator("li.tc-step[data-tc-parent] > .tc-step__head > input[type=checkbox]")).to_have_count(
        12
    )
    expect(counter(seed)).to_have_text("0 of 37 steps")
    expect(seed.locator(f"{SSO} [data-tc-count]")).to_have_text("0 of 20 steps")


def test_region_note_is_a_note_admonition_inside_single_sign_on_step_3(seed: Page):
    step3 = seed.locator(f"{SSO} ol.tc-steps > li.tc-step").nth(2)
    expect(step3.locator(".tc-step__label")).to_contain_text("Configure App URL")
    note = step3.locator(".admonition.note")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("The sign on URL is region specific")
    expect(note.locator(".admonition-title")).to_have_text("Note")


def test_three_ticks_survive_a_reload(seed: Page):
    for index in (0, 3, 12):
        top_level_boxes(seed).nth(index).click()
    expect(counter(seed)).to_have_text("3 of 37 steps")
    seed.reload()
    checked = seed.locator("input[data-tc-box]:checked")
    expect(checked).to_have_count(3)
    expect(counter(seed)).to_have_text("3 of 37 steps")
    stored = json.loads(seed.evaluate(f"localStorage.getItem('{STORE_KEY}')"))
    assert sorted(stored["ticked"]) == sorted(checked.evaluate_all("els => els.map(e => e.dataset.tcBox)"))


def test_ticking_all_ten_sub_steps_ticks_step_9_and_unticking_one_unticks_it(seed: Page):
    step9, subs = sso_ids()
    assert len(subs) == 10
    for sub in subs:
        expect(box(seed, step9)).not_to_be_checked()
        box(seed, sub).check()
    expect(box(seed, step9)).to_be_checked()
    expect(counter(seed)).to_have_text("11 of 37 steps")
    box(seed, subs[2]).uncheck()
    expect(box(seed, step9)).not_to_be_checked()
    assert box(seed, step9).evaluate("el => el.indeterminate") is True
    expect(counter(seed)).to_have_text("9 of 37 steps")


def test_ticking_a_step_ticks_its_sub_steps(seed: Page):
    step9, subs = sso_ids()
    box(seed, step9).check()
    for sub in subs:
        expect(box(seed, sub)).to_be_checked()
    expect(seed.locator(f"{SSO} [data-tc-count]")).to_have_text("11 of 20 steps")
    box(seed, step9).uncheck()
    expect(seed.locator("input[data-tc-box]:checked")).to_have_count(0)


def test_reset_asks_first_and_clears_everything(seed: Page):
    for index in range(4):
        top_level_boxes(seed).nth(index).click()
    seed.once("dialog", lambda dialog: dialog.dismiss())
    seed.locator("[data-tc-action=reset]").click()
    expect(counter(seed)).to_have_text("4 of 37 steps")
    seed.once("dialog", lambda dialog: dialog.accept())
    seed.locator("[data-tc-action=reset]").click()
    expect(counter(seed)).to_have_text("0 of 37 steps")
    expect(seed.locator("input[data-tc-box]:checked")).to_have_count(0)
    seed.reload()
    expect(counter(seed)).to_have_text("0 of 37 steps")
    assert seed.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None


def test_deep_link_to_sub_step_9_4_scrolls_to_and_highlights_it(page: Page, built_site: BuiltSite):
    target = sso_ids()[1][3]
    page.goto(built_site.tutorial(SEED_KEY) + f"#{target}")
    step = page.locator(f"li#{target}")
    expect(step).to_have_class("tc-step tc-step--target")
    expect(step).to_be_in_viewport()
    expect(page.locator(".tc-step--target")).to_have_count(1)
    expect(step.locator(".tc-step__number")).to_have_text("9.4.")


def test_next_unticked_step_goes_to_the_first_open_box(seed: Page):
    top_level_boxes(seed).nth(0).click()
    top_level_boxes(seed).nth(1).click()
    seed.locator("[data-tc-action=next]").click()
    third = top_level_boxes(seed).nth(2)
    expect(third).to_be_focused()
    expect(seed.locator(".tc-step--target")).to_have_count(1)
    expect(seed.locator(".tc-step--target > .tc-step__head > input")).to_have_id(third.get_attribute("id"))


def test_copy_link_copies_the_step_url(browser: Browser, built_site: BuiltSite):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    url = built_site.tutorial(SEED_KEY)
    page.goto(url)
    target = sso_ids()[1][3]
    page.locator(f"li#{target} .tc-step__link").click()
    expect(page.locator("[data-tc-notice]")).to_have_text("Link to step 9.4 copied.")  # the copy has finished
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}#{target}"
    expect(page).to_have_url(f"{url}#{target}")
    expect(page.locator(f"li#{target}")).to_have_class("tc-step tc-step--target")
    context.close()


def test_instant_navigation_away_and_back_keeps_ticking_and_counting(seed: Page, built_site: BuiltSite):
    top_level_boxes(seed).nth(0).click()
    seed.evaluate("window.__samePageView = true")
    seed.locator("nav.md-nav--primary a", has_text="Home").first.click()
    row = seed.locator(f'[data-tc-entry="{SEED_KEY}"]')
    expect(row.locator("[data-tc-entry-progress]")).to_have_text("1 of 37 steps")
    row.locator("a").click()
    expect(seed).to_have_url(built_site.tutorial(SEED_KEY))
    assert seed.evaluate("window.__samePageView") is True, "navigation reloaded the page"
    expect(counter(seed)).to_have_text("1 of 37 steps")
    top_level_boxes(seed).nth(1).click()
    expect(counter(seed)).to_have_text("2 of 37 steps")
    expect(seed.locator(f"{SSO} [data-tc-count]")).to_have_text("0 of 20 steps")
    seed.reload()
    expect(counter(seed)).to_have_text("2 of 37 steps")


def test_every_checkbox_is_reached_and_toggled_with_the_keyboard(seed: Page):
    seen: list[str] = []
    for _ in range(600):
        seed.keyboard.press("Tab")
        focused = seed.evaluate("document.activeElement && document.activeElement.dataset.tcBox || null")
        if focused and focused not in seen:
            seen.append(focused)
            before = box(seed, focused).is_checked()
            seed.keyboard.press("Space")
            assert box(seed, focused).is_checked() is not before
            seed.keyboard.press("Space")
            assert box(seed, focused).is_checked() is before
        if len(seen) == 37:
            break
    assert len(seen) == 37
    expect(counter(seed)).to_have_text("0 of 37 steps")


@pytest.mark.parametrize("stored", ["{not json", '{"ticked": "everything"}', "[1, 2, 3]", "42", "null"])
def test_corrupt_or_foreign_stored_progress_leaves_a_working_page(
    page: Page, built_site: BuiltSite, stored: str
):
    page.add_init_script(f"localStorage.setItem({json.dumps(STORE_KEY)}, {json.dumps(stored)})")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(built_site.tutorial(SEED_KEY))
    expect(counter(page)).to_have_text("0 of 37 steps")
    top_level_boxes(page).nth(0).click()
    expect(counter(page)).to_have_text("1 of 37 steps")
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{STORE_KEY}')"))["ticked"]) == 1
    assert errors == []


THROWING_STORES = {
    "access throws": """Object.defineProperty(window, "localStorage", {
        configurable: true, get: function () { throw new Error("storage denied by the test"); }});""",
    "writes throw": """Storage.prototype.setItem = function () {
        throw new Error("storage full in the test"); };""",
}
OUR_SCRIPTS = re.compile(r"assets/javascripts/(core|checklist|catalogue|boot)\.js")


@pytest.mark.parametrize("script", THROWING_STORES.values(), ids=THROWING_STORES.keys())
def test_a_throwing_store_leaves_a_working_page_and_says_so(page: Page, built_site: BuiltSite, script: str):
    """mkdocs-material's own scripts do not all survive this; ours must (their stacks are checked)."""
    page.add_init_script(script)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.stack or ""))
    page.on("console", lambda message: message.text.startswith("[tc]") and errors.append(message.text))
    page.goto(built_site.tutorial(SEED_KEY))
    expect(counter(page)).to_have_text("0 of 37 steps")
    top_level_boxes(page).nth(0).click()
    top_level_boxes(page).nth(1).click()
    expect(counter(page)).to_have_text("2 of 37 steps")
    expect(page.locator("[data-tc-notice]")).to_contain_text("cannot be saved")
    assert [error for error in errors if OUR_SCRIPTS.search(error) or error.startswith("[tc]")] == []
