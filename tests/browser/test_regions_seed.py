"""Region picker on the seed page: variants and a prompt until chosen, then exactly one URL."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, XSS_KEY, BuiltSite
from tests.conftest import SEED

pytestmark = pytest.mark.browser

UK, US, ZA = (f"https://webmail-{r}.mimecast.com" for r in ("uk", "us", "za"))


def step3(page: Page) -> Locator:
    """Single-sign-on step 3 (id from the model, not from the page)."""
    step_id = load(SEED).tutorial.sections[1].procedures[0].steps[2].id
    return page.locator(f'[id="{step_id}"] > .tc-step__head .tc-step__label')


@pytest.fixture
def seed(seed_page: Page) -> Page:
    return seed_page


def test_before_a_choice_step_3_shows_every_variant_and_asks(seed: Page) -> None:
    label = step3(seed)
    expect(label.locator(".tc-region__original")).to_be_visible()
    assert f"(e.g.: “{UK}” or “{US}”" in label.inner_text()
    expect(label.locator(".tc-region__prompt")).to_be_visible()
    expect(label.locator(".tc-region__prompt")).to_have_text("choose your region to see your URL")
    expect(label.locator(".tc-region__chosen")).to_be_hidden()
    expect(seed.locator("#tc-region-mimecast")).to_have_value("")


def test_south_africa_shows_exactly_its_url_and_copies_it(seed: Page) -> None:
    seed.select_option("#tc-region-mimecast", label="South Africa")
    label = step3(seed)
    expect(label.locator(".tc-region__url")).to_have_text(ZA)
    expect(label.locator(".tc-region__original")).to_be_hidden()
    expect(label.locator(".tc-region__prompt")).to_be_hidden()
    shown = label.inner_text()
    assert ZA in shown
    assert UK not in shown
    assert US not in shown
    label.locator(".tc-copy").click()
    assert seed.evaluate("navigator.clipboard.readText()") == ZA
    expect(seed.locator("input[data-tc-box]:checked")).to_have_count(0)


def test_the_choice_survives_a_reload(seed: Page) -> None:
    seed.select_option("#tc-region-mimecast", "za")
    seed.reload()
    expect(step3(seed).locator(".tc-region__url")).to_have_text(ZA)
    expect(seed.locator("#tc-region-mimecast")).to_have_value("za")


def test_query_parameter_preselects_the_region(seed: Page, built_site: BuiltSite) -> None:
    seed.goto(built_site.tutorial(SEED_KEY) + "?region=us")
    expect(step3(seed).locator(".tc-region__url")).to_have_text(US)
    expect(seed.locator("#tc-region-mimecast")).to_have_value("us")


def test_query_parameter_accepts_an_alias(seed: Page, built_site: BuiltSite) -> None:
    seed.goto(built_site.tutorial(SEED_KEY) + "?region=EU")
    expect(step3(seed).locator(".tc-region__url")).to_have_text(UK)


def test_a_region_without_a_webmail_url_keeps_the_variants_and_says_so(seed: Page) -> None:
    seed.select_option("#tc-region-mimecast", label="Australia")
    label = step3(seed)
    expect(label.locator(".tc-region__original")).to_be_visible()
    assert f"“{UK}” or “{US}”" in label.inner_text()
    expect(label.locator(".tc-region__prompt")).to_have_text("(no address is listed for Australia)")


def test_changing_region_updates_the_step_without_a_reload(seed: Page) -> None:
    seed.select_option("#tc-region-mimecast", "za")
    seed.evaluate("window.__same_page = true")
    seed.select_option("#tc-region-mimecast", "offshore")
    expect(step3(seed).locator(".tc-region__url")).to_have_text("https://webmail.mimecast-offshore.com")
    assert seed.evaluate("window.__same_page") is True


def test_the_prompt_leads_to_the_picker(seed: Page) -> None:
    step3(seed).locator(".tc-region__prompt").click()
    expect(seed.locator("#tc-region-mimecast")).to_be_focused()


def test_pages_without_region_urls_have_no_picker(page: Page, built_site: BuiltSite) -> None:
    page.goto(built_site.tutorial(XSS_KEY))
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()
    expect(page.locator("[data-tc-region-picker]")).to_have_count(0)


def test_without_javascript_the_original_text_stays(browser: Browser, built_site: BuiltSite) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_site.tutorial(SEED_KEY) + "?region=za")
    assert f"(e.g.: “{UK}” or “{US}”), and then click" in step3(page).inner_text()
    expect(page.locator("#tc-values")).to_be_hidden()
    expect(step3(page).locator(".tc-region__prompt")).to_have_count(0)
    context.close()
