"""The "Your values" panel on the seed page: tenant ID in, exact URLs out in 9.4-9.6, live."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY
from tests.conftest import SEED

pytestmark = pytest.mark.browser

TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"
ISSUER = f"https://sts.windows.net/{TENANT}/"
LOGIN = f"https://login.microsoftonline.com/{TENANT}/saml2"
STORE_KEY = f"tc:v1:values:{SEED_KEY}"


def sub_step(page: Page, number: int) -> Locator:
    """The label of single-sign-on sub-step 9.<number> (id from the model)."""
    step_id = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[number - 1].id
    return page.locator(f'[id="{step_id}"] > .tc-step__head .tc-step__label')


@pytest.fixture
def seed(seed_page: Page) -> Page:
    expect(seed_page.locator("#tc-value-tenant_id")).to_be_visible()
    return seed_page


def test_tenant_id_fills_9_4_9_5_and_9_6_without_a_reload(seed: Page) -> None:
    seed.evaluate("window.__same_page = true")
    seed.fill("#tc-value-tenant_id", TENANT)
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    expect(sub_step(seed, 5).locator(".tc-value__text")).to_have_text(LOGIN)
    expect(sub_step(seed, 6).locator(".tc-value__text")).to_have_text(LOGIN)
    assert seed.evaluate("window.__same_page") is True
    sub_step(seed, 4).locator(".tc-copy").click()
    assert seed.evaluate("navigator.clipboard.readText()") == ISSUER


def test_the_value_sits_after_the_label_the_admin_copies(seed: Page) -> None:
    seed.fill("#tc-value-tenant_id", TENANT)
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    text = " ".join(sub_step(seed, 4).inner_text().split())
    assert f"copy the Issuer URL {ISSUER} Copy value, and then paste it into the Issuer URL textbox." in text


def test_before_any_value_the_steps_link_to_the_panel(seed: Page) -> None:
    link = sub_step(seed, 4).locator(".tc-value__fill")
    expect(link).to_have_text("fill in your Tenant ID")
    link.click()
    expect(seed.locator("#tc-value-tenant_id")).to_be_focused()


def test_invalid_tenant_id_shows_a_message_and_fills_nothing(seed: Page) -> None:
    seed.fill("#tc-value-tenant_id", "7e1b0f5a-1c2d-4e3f-8a9b")
    error = seed.locator("#tc-value-tenant_id-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b")
    expect(seed.locator("#tc-value-tenant_id")).to_have_attribute("aria-invalid", "true")
    for number in (4, 5, 6):
        expect(sub_step(seed, number).locator(".tc-value__text")).to_have_count(0)
        expect(sub_step(seed, number).locator(".tc-value__fill")).to_be_visible()
    assert seed.evaluate(f"localStorage.getItem('{STORE_KEY}')") in (None, "{}")


def test_breaking_a_valid_tenant_id_removes_what_it_filled(seed: Page) -> None:
    seed.fill("#tc-value-tenant_id", TENANT)
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    seed.fill("#tc-value-tenant_id", TENANT + "x")
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_count(0)


def test_values_are_kept_per_tutorial_and_survive_a_reload(seed: Page) -> None:
    seed.fill("#tc-value-tenant_id", TENANT)
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    assert json.loads(seed.evaluate(f"localStorage.getItem('{STORE_KEY}')")) == {"tenant_id": TENANT}
    seed.reload()
    expect(seed.locator("#tc-value-tenant_id")).to_have_value(TENANT)
    expect(sub_step(seed, 6).locator(".tc-value__text")).to_have_text(LOGIN)


def test_forget_my_values_clears_the_store_the_panel_and_the_steps(seed: Page) -> None:
    seed.fill("#tc-value-tenant_id", TENANT)
    seed.get_by_role("button", name="Forget my values").click()
    expect(seed.locator("#tc-value-tenant_id")).to_have_value("")
    expect(sub_step(seed, 4).locator(".tc-value__fill")).to_be_visible()
    assert seed.evaluate(f"localStorage.getItem('{STORE_KEY}')") is None
    seed.reload()
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_count(0)


def test_values_written_by_the_certificate_helper_show_up_live(seed: Page) -> None:
    issuer = "https://sts.windows.net/00000000-1111-2222-3333-444444444444/"
    seed.evaluate(
        "(issuer) => { TC.store.write('values:' + TC.pageData().tutorial, {issuer_url: issuer});"
        " TC.emit('values-changed', {source: 'certificate'}); }",
        issuer,
    )
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(issuer)
    expect(sub_step(seed, 5).locator(".tc-value__fill")).to_be_visible()


def test_values_are_never_sent_anywhere(seed: Page) -> None:
    sent: list[str] = []
    seed.on("request", lambda request: sent.append(request.url + " " + (request.post_data or "")))
    seed.fill("#tc-value-tenant_id", TENANT)
    seed.select_option("#tc-region-mimecast", "za")
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    seed.reload()
    expect(sub_step(seed, 4).locator(".tc-value__text")).to_have_text(ISSUER)
    assert sent, "the reload itself must have been seen"
    assert not [entry for entry in sent if TENANT in entry]
