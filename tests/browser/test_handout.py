"""Handouts: the print view shows the reader's region and values in the steps; the blank
worksheet prints empty boxes and blank lines where values go."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.conftest import SEED
from tests.support.training_probe import TRAINING_KEY

pytestmark = pytest.mark.browser

TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


def sub_step_9_4(page: Page) -> Locator:
    step_id = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[3].id
    return page.locator(f'[id="{step_id}"] > .tc-step__head')


def after(locator: Locator, prop: str) -> str:
    return locator.evaluate(f"el => getComputedStyle(el, '::after').{prop}")


def set_up(page: Page, url: str) -> Page:
    page.goto(url)
    page.select_option("#tc-region-mimecast", "za")
    return page


def test_the_print_view_shows_the_chosen_region_and_values_without_buttons(page: Page, built_site: BuiltSite):
    set_up(page, built_site.tutorial(SEED_KEY))
    page.fill("#tc-value-tenant_id", TENANT)
    page.emulate_media(media="print")
    value = sub_step_9_4(page).locator(".tc-value__text")
    expect(value).to_be_visible()
    expect(value).to_have_text(f"https://sts.windows.net/{TENANT}/")
    expect(page.locator(".tc-region__url").first).to_have_text("https://webmail-za.mimecast.com")
    expect(page.locator(".tc-region__url").first).to_be_visible()
    expect(page.locator(".tc-copy:visible")).to_have_count(0)
    expect(page.locator("[data-tc-training]")).to_be_hidden()
    expect(page.get_by_role("button", name="Forget my values")).to_be_hidden()


def test_the_worksheet_prints_empty_boxes_and_blank_lines(page: Page, built_site: BuiltSite):
    set_up(page, built_site.tutorial(TRAINING_KEY) + "?worksheet")
    page.fill("#tc-value-company_name", "contoso")
    first_box = page.locator("input[data-tc-box]").first
    first_box.check()
    page.emulate_media(media="print")
    expect(first_box).to_be_checked()
    assert first_box.evaluate("el => getComputedStyle(el).appearance") == "none", "a ticked box prints empty"
    region = page.locator(".tc-region").first
    expect(region.locator(".tc-region__url")).to_be_hidden()
    assert after(region, "borderBottomStyle") == "solid"
    placeholder = page.locator(".tc-placeholder").first
    expect(placeholder.locator(".tc-placeholder__filled")).to_be_hidden()
    blank_text = placeholder.locator(".tc-placeholder__blank")
    expect(blank_text).to_be_visible()
    expect(blank_text).to_have_text("https://.training-probe.example/admin")
    expect(blank_text.locator(".tc-blank")).to_have_count(1)
    token = page.locator("pre code [data-tc-token='<companyname>']")
    assert token.evaluate("el => getComputedStyle(el).color") == "rgba(0, 0, 0, 0)"
    field = page.locator("#tc-value-company_name")
    expect(field).to_have_value("contoso")
    assert field.evaluate("el => getComputedStyle(el).color") == "rgba(0, 0, 0, 0)", (
        "typed values print blank"
    )
    page.emulate_media(media="screen")
    expect(placeholder.locator(".tc-placeholder__filled code")).to_have_text(
        "https://contoso.training-probe.example/admin"
    )
    expect(blank_text).to_be_hidden()


def test_the_worksheet_button_prints_in_worksheet_mode_then_returns(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(TRAINING_KEY))
    # A function, not an assignment expression: Playwright calls an expression whose value is a function.
    page.evaluate("() => { window.print = () => { window.__printed = document.documentElement.className }; }")
    assert page.evaluate("window.__printed === undefined")
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Print blank worksheet").click()
    # A click before the training tools arrive is held and replayed once they have.
    page.wait_for_function("window.__printed !== undefined")
    assert "tc-worksheet" in page.evaluate("window.__printed")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(page.locator("html.tc-worksheet")).to_have_count(0)
