"""The built site in Chromium: unsafe content, accessibility, search, catalogue, print, mobile, no JS."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, XSS_KEY, BuiltSite
from tests.conftest import SEED

pytestmark = pytest.mark.browser


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_unsafe_content_in_a_tutorial_runs_nothing(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(XSS_KEY))
    expect(page.locator("input[data-tc-box]")).to_have_count(6)
    article = page.locator("[data-tc-checklist]")
    article.get_by_text("here").hover()
    article.get_by_text("that one").click()
    article.get_by_text("text", exact=True).hover()
    page.wait_for_timeout(300)
    assert page.evaluate("window.__xss") is None
    assert article.locator("script, iframe, svg, [onerror], [onmouseover], [onload]").count() == 0
    hrefs = article.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert not [href for href in hrefs if href.lower().startswith(("javascript:", "data:"))]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_tutorial_and_home_page_have_no_serious_accessibility_violations(
    page: Page, built_site: BuiltSite, scheme: str
):
    page.add_init_script(
        f"localStorage.setItem(new URL('.', location).pathname + '.__palette', "
        f"JSON.stringify({{index: {0 if scheme == 'default' else 1}, color: {{scheme: '{scheme}'}}}}))"
    )
    page.goto(built_site.tutorial(SEED_KEY))
    page.locator("li.tc-step input").nth(0).check()
    page.locator("li.tc-step input").nth(9).check()
    assert serious_violations(page) == [], serious_violations(page)
    page.goto(built_site.url())
    expect(page.locator("[data-tc-filter-box]")).to_be_visible()
    assert serious_violations(page) == [], serious_violations(page)


def test_dark_mode_toggle_keeps_the_checklist_working(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SEED_KEY))
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("li.tc-step input").nth(0).check()
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 37 steps")


def test_search_finds_step_text_and_the_hit_lands_on_the_step(page: Page, built_site: BuiltSite):
    target = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[1]  # 9.2: Enforce SAML ...
    page.goto(built_site.url())
    page.locator("input.md-search__input").press_sequentially("Enforce SAML Authentication")  # keys, as typed
    hit = page.locator(f'a.md-search-result__link[href$="#{target.id}"]')
    expect(hit).to_have_count(1, timeout=20_000)
    hit.click()
    step = page.locator(f"li#{target.id}")
    expect(step).to_have_class("tc-step tc-step--target")
    expect(step).to_be_in_viewport()


def test_catalogue_shows_own_progress_and_filters_as_you_type(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SEED_KEY))
    for index in range(3):
        page.locator("li.tc-step input").nth(index).check()
    page.goto(built_site.url())
    rows = page.locator("[data-tc-entry]")
    total = rows.count()
    seed_row = page.locator(f'[data-tc-entry="{SEED_KEY}"]')
    expect(seed_row.locator("td").nth(3)).to_have_text("37")
    expect(seed_row.locator("[data-tc-entry-progress]")).to_have_text("3 of 37 steps")
    page.get_by_label("Filter tutorials").press_sequentially("mimecast admin")
    expect(page.locator("[data-tc-entry]:visible")).to_have_count(1)
    expect(seed_row).to_be_visible()
    expect(page.locator("[data-tc-filter-status]")).to_have_text(f"1 of {total} tutorials match")
    page.get_by_label("Filter tutorials").fill("")
    expect(page.locator("[data-tc-entry]:visible")).to_have_count(total)


def test_without_javascript_the_page_is_a_numbered_list_of_boxes(browser: Browser, built_site: BuiltSite):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(built_site.tutorial(SEED_KEY))
    boxes = page.locator("li.tc-step input[type=checkbox]")
    expect(boxes).to_have_count(37)
    expect(page.locator("[data-tc-toolbar]")).to_be_hidden()
    expect(page.locator("li.tc-step .tc-step__number").nth(19)).to_have_text("9.4.")
    boxes.nth(0).check()
    expect(boxes.nth(0)).to_be_checked()
    context.close()


def test_print_is_a_clean_handout_with_boxes_images_and_callouts(page: Page, built_site: BuiltSite):
    page.goto(built_site.tutorial(SEED_KEY))
    page.locator("li.tc-step input").nth(0).check()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", "[data-tc-action=reset]", ".tc-step__link >> nth=0"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("li.tc-step input").nth(0)).to_be_checked()
    expect(page.locator("li.tc-step input").nth(1)).to_be_visible()
    expect(page.locator(".admonition.note").first).to_be_visible()
    image = page.locator("img.tc-img").first
    expect(image).to_be_visible()
    assert image.bounding_box()["width"] >= 300
    assert page.pdf(format="A4")[:4] == b"%PDF"


def test_phone_width_has_no_sideways_scrolling_and_boxes_work(browser: Browser, built_site: BuiltSite):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(built_site.tutorial(SEED_KEY))
    page.locator("li.tc-step input").nth(2).tap()
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 37 steps")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_pages_request_nothing_from_other_hosts(page: Page, built_site: BuiltSite):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in (f"tutorials/{SEED_KEY}/", "", "groups/active-directory/"):
        page.goto(built_site.url(path))
        page.mouse.wheel(0, 20000)
        page.wait_for_load_state("networkidle")
    assert requests and [url for url in requests if not url.startswith(built_site.base_url)] == []
