"""A reader half way through a checklist when the tutorial is regenerated: ticks on unchanged steps
stay (renumbered or not), ticks on changed steps are taken back and marked, and the page says what
changed. The site is built twice into the same folder and served by the test's own server."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.site.build import BuildOptions, build_site

pytestmark = pytest.mark.browser

KEY = "vault"
V1 = """---
title: Vault tutorial
ms.service: key-vault
ms.date: 01/30/2024
---
# Create a vault

## Create the vault

1. Sign in to the Azure portal.
2. Select **Create a resource** and search for **Key Vault**.
3. Enter the name **contoso-vault** and select **Review + create**.
4. Select **Create**.

   > [!NOTE]
   > Creation takes a minute.

5. Open the new vault.
"""
V2 = """---
title: Vault tutorial
ms.service: key-vault
ms.date: 02/15/2024
---
# Create a vault

## Create the vault

1. Sign in to the Azure portal.
2. Make sure you have the Key Vault Contributor role.
3. Select **Create a resource** and search for **Key Vault**.
4. Enter the name **contoso-vault**, choose the **Standard** tier and select **Review + create**.
5. Select **Create**.

   > [!NOTE]
   > Creation takes a few minutes; wait for the deployment to finish.

6. Open the new vault.
"""


class _Quiet(SimpleHTTPRequestHandler):
    """Serves without caching: two builds within one second share a Last-Modified second, so
    a cached page would come back as "not modified" after the rebuild."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class Site:
    source: Path
    root: Path
    cache: Path
    url: str

    def build(self, text: str) -> None:
        (self.source / f"{KEY}.md").write_text(text, encoding="utf-8")
        build_site(BuildOptions(self.source, self.root, site_url=self.url, cache_dir=self.cache))


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    source = tmp_path / "source"
    source.mkdir()
    root = tmp_path / "site"
    root.mkdir()  # served before the first build; the build swaps a new folder in, so serve by name
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site(source, root, tmp_path / "cache", f"http://127.0.0.1:{server.server_address[1]}/site/")
    server.shutdown()
    server.server_close()


def step(page: Page, number: str) -> Locator:
    """The step shown with ``number`` (as a reader finds it: by its number)."""
    return page.locator("li.tc-step").filter(has=page.locator(".tc-step__number", has_text=f"{number}."))


def tick(page: Page, number: str) -> None:
    step(page, number).locator("input[data-tc-box]").check()


def open_tutorial(page: Page, site: Site) -> None:
    page.goto(site.url + f"tutorials/{KEY}/")
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()


def test_ticks_follow_their_steps_and_a_changed_step_is_taken_back_and_marked(page: Page, site: Site):
    site.build(V1)
    open_tutorial(page, site)
    tick(page, "2")
    tick(page, "3")
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("2 of 5 steps")

    site.build(V2)  # a step inserted before step 2, step 3 reworded
    page.reload()
    expect(page.locator("[data-tc-toolbar]")).to_be_visible()

    searched = step(page, "3")  # was step 2: same text, same id, new number
    expect(searched.locator(".tc-step__label")).to_contain_text("search for Key Vault")
    expect(searched.locator("input[data-tc-box]")).to_be_checked()
    expect(searched.locator("[data-tc-updated]")).to_have_count(0)

    renamed = step(page, "4")  # was step 3, reworded
    expect(renamed.locator("input[data-tc-box]")).not_to_be_checked()
    expect(renamed).to_have_class(re.compile(r"\btc-step--updated\b"))
    note = renamed.locator("[data-tc-updated]")
    expect(note).to_contain_text("Updated since you ticked it")
    note.locator("summary").click()
    expect(note.locator("details p")).to_have_text("Enter the name contoso-vault and select Review + create.")
    expect(page.locator("[data-tc-progress=tutorial] [data-tc-count]")).to_have_text("1 of 6 steps")
    expect(step(page, "2").locator("input[data-tc-box]")).not_to_be_checked()  # the inserted step

    panel = page.locator("[data-tc-changes]")
    expect(panel.locator("summary").first).to_contain_text("What changed in the last update")
    page.wait_for_function("!window.TC.loader.loading()")  # no feature arrives mid-click
    panel.locator("summary").first.click()
    expect(panel).to_have_attribute("open", "")
    added = panel.locator("[data-tc-change=added]")
    expect(added).to_have_count(1)
    expect(added).to_contain_text("step 2")
    expect(added).to_contain_text("Key Vault Contributor role")
    changed = panel.locator("[data-tc-change=changed]")
    expect(changed).to_have_count(2)  # the reworded step and the one whose note changed
    expect(changed.nth(0)).to_contain_text("step 4 (was step 3)")
    expect(changed.nth(0)).to_contain_text("Standard")
    expect(changed.nth(1)).to_contain_text("step 5 (was step 4)")
    expect(panel.locator("[data-tc-change=removed]")).to_have_count(0)

    added.locator("a").click()  # the list links to the step where it is now
    expect(page).to_have_url(re.compile(re.escape("#" + str(step(page, "2").get_attribute("id"))) + "$"))


def test_a_step_whose_note_changed_is_taken_back_and_the_mark_lasts_until_ticked_again(
    page: Page, site: Site
):
    site.build(V1)
    open_tutorial(page, site)
    tick(page, "4")
    tick(page, "5")
    site.build(V2)
    page.reload()

    created = step(page, "5")  # was 4: same text, its note changed
    expect(created.locator("input[data-tc-box]")).not_to_be_checked()
    expect(created.locator("[data-tc-updated]")).to_contain_text("notes, screenshots or further instructions")
    expect(step(page, "6").locator("input[data-tc-box]")).to_be_checked()  # was 5, unchanged

    page.reload()  # still marked until the reader looks at it again
    expect(created.locator("[data-tc-updated]")).to_have_count(1)
    expect(created.locator("input[data-tc-box]")).not_to_be_checked()

    created.locator("input[data-tc-box]").check()
    expect(created.locator("[data-tc-updated]")).to_have_count(0)
    page.reload()
    expect(step(page, "5").locator("input[data-tc-box]")).to_be_checked()
    expect(step(page, "5").locator("[data-tc-updated]")).to_have_count(0)


def test_ticks_stored_without_fingerprints_follow_a_reworded_step_by_its_alias(page: Page, site: Site):
    """Progress written by an older version of the site (ids only) is judged by the old fingerprints."""
    site.build(V1)
    open_tutorial(page, site)
    ids = [step(page, n).get_attribute("id") for n in ("1", "3")]
    page.evaluate("(ids) => TC.store.write('progress:' + TC.pageData().tutorial, {ticked: ids})", ids)
    site.build(V2)
    page.reload()
    expect(step(page, "1").locator("input[data-tc-box]")).to_be_checked()
    expect(step(page, "4").locator("input[data-tc-box]")).not_to_be_checked()
    expect(step(page, "4").locator("[data-tc-updated]")).to_have_count(1)
