"""Values beyond the seed: <companyname> in a modern corpus tutorial, the shipped Contoso Mail
example (region table, secret token in code), and script payloads in labels and values."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import BuiltSite
from tests.support.values_probe import PORTAL_KEY, PROBE_KEY, SLACK_KEY

pytestmark = pytest.mark.browser

CONTOSO_KEY = "contoso-mail-tutorial"
PAYLOAD = "<img src=x onerror=\"window.__xss='typed value'\">"


@pytest.fixture
def open_page(page: Page, built_site: BuiltSite):
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=built_site.base_url.rstrip("/")
    )

    def go(key: str) -> Page:
        page.goto(built_site.tutorial(key))
        expect(page.locator("#tc-values")).to_be_visible()
        return page

    return go


def test_companyname_in_a_modern_corpus_tutorial_is_substituted(open_page) -> None:
    page = open_page(SLACK_KEY)
    placeholder = page.locator(".tc-placeholder").filter(has_text="slack.com")
    expect(placeholder.locator(".tc-placeholder__original")).to_have_text("https://<companyname>.slack.com")
    page.fill("#tc-value-company_name", "contoso")
    expect(placeholder.locator(".tc-placeholder__filled code")).to_have_text("https://contoso.slack.com")
    expect(placeholder.locator(".tc-placeholder__original")).to_be_hidden()
    placeholder.locator(".tc-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == "https://contoso.slack.com"


def test_company_name_must_be_a_slug(open_page) -> None:
    page = open_page(SLACK_KEY)
    page.fill("#tc-value-company_name", "contoso corp")
    expect(page.locator("#tc-value-company_name-error")).to_be_visible()
    expect(page.locator(".tc-placeholder__filled:visible")).to_have_count(0)


def test_region_table_shows_only_the_chosen_row(open_page) -> None:
    page = open_page(CONTOSO_KEY)
    table = page.locator("table").filter(has_text="Reply URL")
    expect(table.locator("tbody tr:visible")).to_have_count(4)
    page.select_option("#tc-region-contoso-mail", label="Canada")
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    expect(table.locator("tbody tr:visible")).to_contain_text("https://ca.contosomail.example/sso/acs")
    page.select_option("#tc-region-contoso-mail", "")
    expect(table.locator("tbody tr:visible")).to_have_count(4)


def test_secret_token_is_masked_and_filled_into_the_code_block(open_page) -> None:
    page = open_page(CONTOSO_KEY)
    field = page.locator("#tc-value-contoso_mail_token")
    expect(field).to_have_attribute("type", "password")
    code = page.locator("pre code").filter(has_text="scim/v2/ServiceProviderConfig")
    expect(code).to_contain_text("Bearer <api-token>")
    field.fill("s3cr3t-T0ken")
    expect(code).to_contain_text('"Authorization: Bearer s3cr3t-T0ken"')
    expect(code).not_to_contain_text("<api-token>")


def test_sidecar_value_shows_where_its_rule_put_it(open_page) -> None:
    page = open_page(CONTOSO_KEY)
    page.fill("#tc-value-company_name", "fabrikam")
    step = page.locator(".tc-step__label").filter(has_text="sign in to the Contoso Mail admin centre")
    expect(step.locator(".tc-value__text")).to_have_text("https://fabrikam.contosomail.example")


def test_script_in_labels_help_and_values_stays_text(open_page) -> None:
    page = open_page(PROBE_KEY)
    picker = page.locator("[data-tc-region-picker]")
    expect(picker.locator("label")).to_have_text("<img src=x onerror=\"window.__xss='family label'\">")
    expect(picker.locator("option").nth(1)).to_have_text(
        "<img src=x onerror=\"window.__xss='region label'\">"
    )
    expect(page.locator("[data-tc-field=probe_name] label")).to_contain_text("window.__xss='value label'")
    expect(page.locator("#tc-value-probe_name-help")).to_contain_text(
        '<script>window.__xss = "value help"</script>'
    )
    page.select_option("[data-tc-region-select]", "eu")
    which = page.locator(".tc-region__which").first
    expect(which).to_have_text("<img src=x onerror=\"window.__xss='region label'\">")
    page.fill("#tc-value-probe_name", PAYLOAD)
    filled = page.locator(".tc-placeholder__filled code")
    expect(filled).to_have_text(f"https://{PAYLOAD}.values-probe.example/admin")
    page.fill("#tc-value-probe_secret", PAYLOAD)
    expect(page.locator(".tc-value__text").first).to_have_text(PAYLOAD)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert page.locator("article img[src=x]").count() == 0


def test_region_is_remembered_across_pages_reached_by_instant_navigation(open_page) -> None:
    page = open_page("contoso-mail-classic-portal-tutorial")
    page.select_option("#tc-region-contoso-mail", "us")
    reply = page.locator(".tc-step__label").filter(has_text="In the Reply URL textbox")
    expect(reply.locator(".tc-region__url")).to_have_text("https://us.contosomail.example/sso/acs")
    page.evaluate("window.__same_document = true")
    page.locator("article a", has_text="Azure portal").first.click()
    expect(page).to_have_url(re.compile(f"/tutorials/{CONTOSO_KEY}/$"))
    table = page.locator("table").filter(has_text="Reply URL")
    expect(table.locator("tbody tr:visible")).to_have_count(1)
    expect(table.locator("tbody tr:visible")).to_contain_text("https://us.contosomail.example/sso/acs")
    assert page.evaluate("window.__same_document") is True


def test_api_host_table_shows_the_chosen_row_with_the_account_code_filled_in(open_page) -> None:
    page = open_page(PORTAL_KEY)
    table = page.locator("table").filter(has_text="/sso/").first
    expect(table.locator("tbody tr:visible")).to_have_count(5)
    page.select_option("#tc-region-mimecast", label="South Africa")
    row = table.locator("tbody tr:visible")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("South Africa")
    page.fill("#tc-value-accountcode", "C0NT0S0")
    expect(row.locator(".tc-region__url")).to_have_text("https://za-api.mimecast.com/sso/C0NT0S0")
