"""The offline bundle (``python -m generator bundle``), unzipped and opened as files in Chromium:
ticks survive a reload, search finds a step, region, values and presenter mode work, the
certificate helper formats a DER certificate, and nothing asks the network for anything."""

from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.cli import main
from generator.pipeline import load
from tests.browser.conftest import SEED_KEY
from tests.conftest import SEED, SOURCE_DOCS
from tests.support.cert_page import formats_a_certificate

pytestmark = pytest.mark.browser

TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """source_docs/ and the seed bundled with the CLI and unzipped; the folder the zip unpacks to."""
    base = tmp_path_factory.mktemp("offline")
    source = base / "source"
    shutil.copytree(SOURCE_DOCS, source)
    shutil.copyfile(SEED, source / f"{SEED_KEY}.md")
    out = base / "room-42.zip"
    args = ["bundle", "--source", str(source), "--out", str(out), "--cache-dir", str(base / "cache")]
    assert main(args) == 0
    with zipfile.ZipFile(out) as archive:
        archive.extractall(base / "unzipped")
    return base / "unzipped" / "room-42"


@pytest.fixture
def requests(page: Page) -> Iterator[list[str]]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    yield seen
    assert [url for url in seen if not url.startswith(("file:", "data:", "blob:", "about:"))] == []


def seed_url(bundle: Path, query: str = "") -> str:
    return (bundle / "tutorials" / SEED_KEY / "index.html").as_uri() + query


def test_a_tick_survives_a_reload(page: Page, bundle: Path, requests: list[str]):
    page.goto(seed_url(bundle))
    page.locator("li.tc-step input").nth(4).check()
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 37 steps")
    page.reload()
    expect(page.locator("li.tc-step input").nth(4)).to_be_checked()
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 37 steps")


def test_the_catalogue_links_to_pages_that_open_as_files(page: Page, bundle: Path, requests: list[str]):
    page.goto((bundle / "index.html").as_uri())
    page.locator(f'[data-tc-entry="{SEED_KEY}"] a').click()
    expect(page).to_have_url(seed_url(bundle))
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()


def test_search_finds_a_step_and_lands_on_it(page: Page, bundle: Path, requests: list[str]):
    target = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[1]  # 9.2: Enforce SAML ...
    page.goto((bundle / "index.html").as_uri())
    page.locator("input.md-search__input").press_sequentially("Enforce SAML Authentication")
    hit = page.locator(f'a.md-search-result__link[href$="#{target.id}"]')
    expect(hit).to_have_count(1, timeout=20_000)
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(seed_url(bundle)) + r"(\?h=[^#]*)?#" + target.id + "$"))
    expect(page.locator(f"li#{target.id}")).to_have_class("tc-step tc-step--target")


def test_region_values_and_presenter_mode_work(page: Page, bundle: Path, requests: list[str]):
    sub = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[3]  # 9.4: the Issuer URL
    page.goto(seed_url(bundle))
    page.select_option("#tc-region-mimecast", "za")
    page.fill("#tc-value-tenant_id", TENANT)
    expect(page.locator(".tc-region__url").first).to_have_text("https://webmail-za.mimecast.com")
    page.goto(seed_url(bundle, f"?present={sub.id}"))
    expect(page.locator(".tc-presenter__position")).to_have_text("Section 2 · Step 9.4 (20 of 37)")
    current = page.locator("li.tc-present-current")
    expect(current.locator(".tc-value__text")).to_have_text(f"https://sts.windows.net/{TENANT}/")
    page.keyboard.press("Space")
    page.keyboard.press("Escape")
    expect(page.locator(f'input[data-tc-box="{sub.id}"]')).to_be_checked()


def test_the_certificate_helper_formats_a_der_certificate(page: Page, bundle: Path, requests: list[str]):
    step = load(SEED).tutorial.sections[1].procedures[0].steps[8].steps[7]  # 9.8: the certificate
    page.goto(seed_url(bundle))
    page.locator(f"li#{step.id} a.tc-helper").click()
    page.locator("[data-tc-cert-ready]").wait_for(state="attached")  # the page's script is listening
    formats_a_certificate(page)
    page.get_by_role("link", name="Back to step 9.8").click()
    expect(page).to_have_url(seed_url(bundle, f"#{step.id}"))
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()


def test_the_training_tools_load_when_opened(page: Page, bundle: Path, requests: list[str]):
    page.goto(seed_url(bundle))
    page.locator("[data-tc-training] summary").click()
    page.get_by_role("button", name="Present").click()
    expect(page.locator(".tc-presenter__position")).to_have_text("Section 1 · Step 1 (1 of 37)")
