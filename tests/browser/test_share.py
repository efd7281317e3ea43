"""Share links on the training probe page (Mimecast region, company name, a secret token):
what the link carries, what opening it does in another browser, and when it asks first."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import BuiltSite
from tests.browser.test_site import serious_violations
from tests.support.training_probe import TRAINING_KEY

pytestmark = pytest.mark.browser

SECRET = "s3cr3t-T0ken-42"
WEBMAIL_ZA = "https://webmail-za.mimecast.com"
ADMIN_URL = "https://contoso.training-probe.example/admin"


def open_probe(page: Page, built_site: BuiltSite, query: str = "") -> Page:
    page.goto(built_site.tutorial(TRAINING_KEY) + query)
    expect(page.locator("#tc-values")).to_be_visible()
    return page


def share_link(page: Page, with_ticks: bool = False) -> str:
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Share setup").click()
    if with_ticks:
        page.get_by_label("Include my ticked steps").check()
    field = page.get_by_label("Link to share")
    expect(field).to_have_value(re.compile("^" + re.escape(page.url.split("?")[0].split("#")[0]) + r"\?"))
    return field.input_value()


@pytest.fixture
def trainer(page: Page, built_site: BuiltSite) -> Page:
    open_probe(page, built_site)
    page.select_option("#tc-region-mimecast", label="South Africa")
    page.fill("#tc-value-company_name", "contoso")
    page.fill("#tc-value-contoso_mail_token", SECRET)
    return page


def test_link_with_south_africa_and_contoso_sets_up_a_fresh_browser(trainer: Page, browser: Browser):
    link = share_link(trainer)
    query = parse_qs(urlsplit(link).query)
    assert query == {"tc-region-mimecast": ["za"], "tc-value-company_name": ["contoso"]}
    assert SECRET not in link and "contoso_mail_token" not in link
    context = browser.new_context()
    trainee = context.new_page()
    dialogs: list[str] = []
    trainee.on("dialog", lambda dialog: dialogs.append(dialog.message))
    trainee.goto(link)
    expect(trainee.locator("#tc-region-mimecast")).to_have_value("za")
    expect(trainee.locator("#tc-value-company_name")).to_have_value("contoso")
    expect(trainee.locator("#tc-value-contoso_mail_token")).to_have_value("")
    steps = trainee.locator("li.tc-step")
    expect(steps.nth(0).locator(".tc-region__url")).to_have_text(WEBMAIL_ZA)
    expect(steps.nth(1).locator(".tc-placeholder__filled code")).to_have_text(ADMIN_URL)
    expect(trainee.locator("[data-tc-training-status]")).to_contain_text("Set up from the shared link")
    expect(trainee.locator("dialog")).to_have_count(0)
    assert dialogs == []
    assert "tc-" not in trainee.url, "a reload must not apply the link again"
    trainee.reload()
    expect(trainee.locator("#tc-value-company_name")).to_have_value("contoso")
    context.close()


def test_a_secret_value_put_into_a_link_by_hand_is_ignored(page: Page, built_site: BuiltSite):
    open_probe(page, built_site, f"?tc-value-contoso_mail_token={SECRET}&tc-value-company_name=contoso")
    expect(page.locator("#tc-value-company_name")).to_have_value("contoso")
    expect(page.locator("#tc-value-contoso_mail_token")).to_have_value("")
    assert SECRET not in page.evaluate("JSON.stringify(localStorage)")
    expect(page.locator("[data-tc-training-status]")).to_contain_text("1 part of it does not fit this page")


def test_an_invalid_value_in_a_link_is_ignored(page: Page, built_site: BuiltSite):
    open_probe(page, built_site, "?tc-value-company_name=not%20a%20slug&tc-region-mimecast=mars")
    expect(page.locator("#tc-value-company_name")).to_have_value("")
    expect(page.locator("#tc-region-mimecast")).to_have_value("")


def test_the_link_asks_before_replacing_a_trainees_own_values(trainer: Page, browser: Browser, built_site):
    link = share_link(trainer)
    context = browser.new_context()
    trainee = open_probe(context.new_page(), built_site)
    trainee.select_option("#tc-region-mimecast", label="United States")
    trainee.fill("#tc-value-company_name", "fabrikam")
    trainee.goto(link)
    question = trainee.get_by_role("dialog", name="Use the shared setup?")
    expect(question).to_be_visible()
    expect(question).to_contain_text("Mimecast region: United States → South Africa")
    expect(question).to_contain_text("Company name: fabrikam → contoso")
    expect(question.get_by_role("button", name="Keep mine")).to_be_focused()
    assert serious_violations(trainee) == []
    question.get_by_role("button", name="Keep mine").click()
    expect(question).to_have_count(0)
    expect(trainee.locator("#tc-value-company_name")).to_have_value("fabrikam")
    expect(trainee.locator("#tc-region-mimecast")).to_have_value("us")
    trainee.goto(link)
    trainee.get_by_role("dialog", name="Use the shared setup?").get_by_role(
        "button", name="Use the shared setup"
    ).click()
    expect(trainee.locator("#tc-value-company_name")).to_have_value("contoso")
    expect(trainee.locator("#tc-region-mimecast")).to_have_value("za")
    context.close()


def test_a_link_with_progress_ticks_the_same_steps(trainer: Page, browser: Browser, built_site):
    trainer.locator("li.tc-step input").nth(0).check()
    trainer.locator("li.tc-step input").nth(2).check()
    link = share_link(trainer, with_ticks=True)
    ticked = parse_qs(urlsplit(link).query)["tc-ticked"][0].split(",")
    assert len(ticked) == 2
    context = browser.new_context()
    trainee = context.new_page()
    trainee.goto(link)
    expect(trainee.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("2 of 4 steps")
    assert (
        trainee.locator("input[data-tc-box]:checked").evaluate_all(
            "boxes => boxes.map(box => box.dataset.tcBox)"
        )
        == ticked
    )
    trainee.locator("li.tc-step input").nth(3).check()
    trainee.goto(link)
    question = trainee.get_by_role("dialog", name="Use the shared setup?")
    expect(question).to_contain_text("Ticked steps: 3 → 2")
    question.get_by_role("button", name="Use the shared setup").click()
    expect(trainee.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("2 of 4 steps")
    context.close()
