"""Each page loads the scripts it uses (assets/javascripts/loader.js), and every feature still
starts on every page: on a first load, after instant navigation between pages that use
different features, and when the training tools arrive only once the reader opens them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.conftest import ROOT
from tests.support.cert_page import formats_a_certificate

pytestmark = pytest.mark.browser

SHIPPED = "contoso-mail-tutorial"  # a tutorial with screenshots
TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"
TRAINING = ("setup.js", "presenter.js", "share.js", "transfer.js", "handout.js")
OURS = {path.name for path in (ROOT / "site_overrides" / "assets" / "javascripts").glob("*.js")}


def scripts(page: Page) -> set[str]:
    """The names of the project's scripts the page has loaded so far."""
    urls = page.evaluate("[...document.querySelectorAll('script[src]')].map(s => s.src)")
    return {url.rsplit("/", 1)[-1] for url in urls} & OURS


def counter(page: Page):
    return page.locator("[data-tc-progress=tutorial] [data-tc-count]")


def features_ready(page: Page) -> None:
    """Wait until the page's features have arrived: a reader's first click can beat them, which
    these tests are not about (the test of a slow feature file is)."""
    page.wait_for_function("!TC.loader.loading()")


def start_presenting(page: Page) -> None:
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Present").click()
    expect(page.locator(".tc-presenter__position")).to_have_text("Section 1 · Step 1 (1 of 37)")
    page.keyboard.press("Escape")
    expect(page.locator(".tc-presenter__position")).to_have_count(0)


def test_home_tutorial_helper_tutorial_every_feature_starts(page: Page, built_site: BuiltSite):
    page.goto(built_site.url())
    expect(page.locator("[data-tc-filter-box]")).to_be_visible()
    page.evaluate("window.__samePageView = true")

    page.locator(f'[data-tc-entry="{SEED_KEY}"] a').click()
    expect(page).to_have_url(built_site.tutorial(SEED_KEY))
    features_ready(page)
    page.locator("li.tc-step input").nth(0).check()
    expect(counter(page)).to_have_text("1 of 37 steps")
    page.select_option("#tc-region-mimecast", "za")
    expect(page.locator(".tc-region__url").first).to_have_text("https://webmail-za.mimecast.com")
    page.fill("#tc-value-tenant_id", TENANT)
    expect(page.locator('[data-tc-value="issuer_url"] .tc-value__text').first).to_have_text(
        f"https://sts.windows.net/{TENANT}/"
    )
    start_presenting(page)
    assert page.evaluate("window.__samePageView") is True, "instant navigation reloaded the page"

    # The helper reloads into a document of its own (its Content-Security-Policy must govern it).
    page.locator("a.tc-helper").nth(1).click()
    page.locator("[data-tc-cert-ready]").wait_for(state="attached")
    formats_a_certificate(page)

    page.get_by_role("link", name="Back to step 9.8").click()
    expect(page).to_have_url(re.compile(rf"tutorials/{SEED_KEY}/#configuring-single-sign-on-"))
    expect(counter(page)).to_have_text("1 of 37 steps")
    expect(page.locator(".tc-region__url").first).to_have_text("https://webmail-za.mimecast.com")
    expect(page.locator("#tc-value-tenant_id")).to_have_value(TENANT)
    page.evaluate("window.__samePageView = true")

    page.locator("a.md-header__button.md-logo").click()
    row = page.locator(f'[data-tc-entry="{SEED_KEY}"]')
    expect(row.locator("[data-tc-entry-progress]")).to_have_text("1 of 37 steps")
    page.locator(f'[data-tc-entry="{SHIPPED}"] a').click()
    expect(page).to_have_url(built_site.tutorial(SHIPPED))
    features_ready(page)
    page.locator("a.tc-lightbox").first.click()
    expect(page.locator("dialog.tc-lightbox-dialog")).to_be_visible()
    page.keyboard.press("Escape")
    page.go_back()
    page.go_back()
    expect(page).to_have_url(re.compile(rf"tutorials/{SEED_KEY}/#configuring-single-sign-on-"))
    expect(counter(page)).to_have_text("1 of 37 steps")
    start_presenting(page)
    assert page.evaluate("window.__samePageView") is True, "instant navigation reloaded the page"


def test_a_page_loads_only_the_scripts_it_uses(page: Page, built_site: BuiltSite):
    page.goto(built_site.url())
    expect(page.locator("[data-tc-filter-box]")).to_be_visible()
    assert scripts(page) == {"core.js", "loader.js", "boot.js", "catalogue.js"}

    page.goto(built_site.tutorial(SEED_KEY))
    expect(page.locator("[data-tc-training]")).to_be_visible()
    loaded = scripts(page)
    assert {"checklist.js", "regions.js", "values.js"} <= loaded
    assert not loaded & {"der.js", "certificate.js", "catalogue.js", *TRAINING}
    page.locator("[data-tc-training] summary").click()
    features_ready(page)
    assert set(TRAINING) <= scripts(page)

    page.goto(built_site.url("certificate-helper/"))
    page.locator("[data-tc-cert-ready]").wait_for(state="attached")
    assert not scripts(page) & {"checklist.js", "values.js", "catalogue.js", *TRAINING}


def test_a_click_that_comes_before_the_training_tools_is_not_lost(page: Page, built_site: BuiltSite):
    held: list[Route] = []
    page.route("**/assets/javascripts/presenter.js", lambda route: held.append(route))
    page.goto(built_site.tutorial(SEED_KEY))
    features_ready(page)
    page.evaluate("() => { window.__starts = 0; TC.register('probe', () => { window.__starts += 1; }); }")
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Present").click()
    expect(page.locator(".tc-presenter__position")).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    expect(page.locator(".tc-presenter__position")).to_have_text("Section 1 · Step 1 (1 of 37)")
    features_ready(page)
    assert page.evaluate("window.__starts") == 1, "opening the tools and an early click start them once"


def test_a_tick_that_comes_before_the_checklist_script_is_kept(page: Page, built_site: BuiltSite):
    held: list[Route] = []
    page.route("**/assets/javascripts/checklist.js", lambda route: held.append(route))
    page.goto(built_site.tutorial(SEED_KEY), wait_until="domcontentloaded")
    page.locator("li.tc-step input").nth(1).check()  # the page is there; its checklist is not yet
    for _ in range(100):  # the loader asks for checklist.js once the page is ready
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1
    held[0].continue_()
    expect(counter(page)).to_have_text("1 of 37 steps")
    page.unroute("**/assets/javascripts/checklist.js")
    page.reload()
    expect(counter(page)).to_have_text("1 of 37 steps")
    expect(page.locator("li.tc-step input").nth(1)).to_be_checked()


def test_a_shared_link_loads_its_tools_on_arrival(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SEED_KEY) + "?tc-region-mimecast=za")
    expect(page.locator("[data-tc-training-status]")).to_contain_text("Mimecast region: South Africa")
    expect(page.locator(".tc-region__url").first).to_have_text("https://webmail-za.mimecast.com")


@pytest.mark.parametrize(
    "path", ["javascripts/loader.js", "javascripts/checklist.js", "stylesheets/checklist.css"]
)
def test_the_site_serves_its_own_files_minified(page: Page, built_site: BuiltSite, path: str):
    source = (ROOT / "site_overrides" / "assets" / path).read_text(encoding="utf-8")
    served = page.request.get(built_site.url(f"assets/{path}")).text()
    assert "/*" in source and "/*" not in served
    assert len(served) < 0.8 * len(source)
