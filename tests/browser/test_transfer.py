"""Progress files and the summary on the seed's page: export, reset, import; refused files; copy summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.pipeline import load
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.conftest import SEED
from tests.support.training_probe import TRAINING_KEY

pytestmark = pytest.mark.browser

TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


def counter(page: Page) -> Locator:
    return page.locator("[data-tc-progress=tutorial] [data-tc-count]")


def ticked(page: Page) -> list[str]:
    return page.locator("input[data-tc-box]:checked").evaluate_all(
        "boxes => boxes.map(box => box.dataset.tcBox)"
    )


def tools(page: Page) -> Page:
    page.locator("[data-tc-training] summary").click()
    return page


def status(page: Page) -> Locator:
    return page.locator("[data-tc-training-status]")


def export(page: Page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download progress").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    return path


def import_file(page: Page, name: str, data: bytes) -> None:
    page.set_input_files(
        "[data-tc-import-file]", files=[{"name": name, "mimeType": "application/json", "buffer": data}]
    )


def storage(page: Page) -> dict[str, str]:
    return page.evaluate("Object.fromEntries(Object.entries(localStorage))")


@pytest.fixture
def seed(page: Page, built_site: BuiltSite) -> Page:
    page.goto(built_site.tutorial(SEED_KEY))
    expect(page.locator("[data-tc-training]")).to_be_visible()
    return page


def test_export_reset_import_restores_the_same_ticks_and_values(seed: Page, tmp_path: Path):
    for index in (0, 4, 9):
        seed.locator("li.tc-step:not([data-tc-parent]) > .tc-step__head > input").nth(index).check()
    seed.fill("#tc-value-tenant_id", TENANT)
    seed.select_option("#tc-region-mimecast", "za")
    before = ticked(seed)
    path = export(tools(seed), tmp_path)
    assert path.name == f"{SEED_KEY}-progress.json"
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["format"] == "tutorial-checklists-progress" and saved["version"] == 1
    assert saved["tutorial"] == SEED_KEY
    assert sorted(saved["ticked"]) == sorted(before)
    assert saved["values"] == {"tenant_id": TENANT} and saved["regions"] == {"mimecast": "za"}

    seed.once("dialog", lambda dialog: dialog.accept())
    seed.locator("[data-tc-action=reset]").click()
    seed.get_by_role("button", name="Forget my values").click()
    seed.select_option("#tc-region-mimecast", "")
    expect(counter(seed)).to_have_text("0 of 37 steps")
    expect(seed.locator("#tc-value-tenant_id")).to_have_value("")

    import_file(seed, path.name, path.read_bytes())
    expect(counter(seed)).to_have_text("3 of 37 steps")
    assert ticked(seed) == before
    expect(seed.locator("#tc-value-tenant_id")).to_have_value(TENANT)
    expect(seed.locator("#tc-region-mimecast")).to_have_value("za")
    expect(seed.locator(".tc-value__text").first).to_have_text(f"https://sts.windows.net/{TENANT}/")
    expect(status(seed)).to_contain_text("Imported")
    seed.reload()
    expect(counter(seed)).to_have_text("3 of 37 steps")


REFUSED = {
    "another tutorial": (
        {
            "format": "tutorial-checklists-progress",
            "version": 1,
            "tutorial": "contoso-mail-tutorial",
            "title": "Contoso Mail",
            "regions": {},
            "values": {},
            "ticked": [],
        },
        "for another tutorial (Contoso Mail)",
    ),
    "a future version": (
        {
            "format": "tutorial-checklists-progress",
            "version": 2,
            "tutorial": SEED_KEY,
            "regions": {},
            "values": {},
            "ticked": [],
        },
        "made by a newer version",
    ),
    "broken JSON": ('{"format": "tutorial-checklists-progress", "version": 1,', "not valid JSON"),
    "some other JSON": ({"ticked": []}, "not a progress file"),
    "a damaged file": (
        {"format": "tutorial-checklists-progress", "version": 1, "tutorial": SEED_KEY, "ticked": "all"},
        "damaged",
    ),
}


@pytest.mark.parametrize("case", REFUSED)
def test_a_file_that_does_not_fit_is_refused_and_changes_nothing(seed: Page, case: str):
    content, message = REFUSED[case]
    step = load(SEED).tutorial.sections[0].procedures[0].steps[1].id
    seed.locator(f'input[data-tc-box="{step}"]').check()
    seed.fill("#tc-value-tenant_id", TENANT)
    before = storage(seed)
    data = content if isinstance(content, str) else json.dumps(content)
    import_file(tools(seed), "progress.json", data.encode())
    expect(status(seed)).to_contain_text(message)
    expect(status(seed)).to_contain_text("Nothing was changed.")
    expect(status(seed)).to_have_class("tc-training__status tc-training__status--error")
    assert storage(seed) == before
    assert ticked(seed) == [step]
    expect(counter(seed)).to_have_text("1 of 37 steps")
    expect(seed.locator("#tc-value-tenant_id")).to_have_value(TENANT)


def test_copy_summary_says_where_one_stands(seed: Page, built_site: BuiltSite):
    seed.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=built_site.base_url.rstrip("/")
    )
    tutorial = load(SEED).tutorial
    sso = tutorial.sections[1].procedures[0].steps
    done = [step.id for step in tutorial.sections[0].procedures[0].steps]
    done += [step.id for step in sso[:8]] + [sub.id for sub in sso[8].steps[:3]]
    seed.evaluate("(ids) => { TC.store.write('progress:' + TC.pageData().tutorial, {ticked: ids}); }", done)
    seed.reload()
    seed.select_option("#tc-region-mimecast", "za")
    expect(counter(seed)).to_have_text("18 of 37 steps")
    tools(seed).get_by_role("button", name="Copy summary").click()
    summary = (
        "Mimecast Admin Console: 18 of 37 steps, region South Africa, "
        "next: Configuring single sign-on step 9.4"
    )
    expect(status(seed)).to_have_text(f"Copied: {summary}")
    assert seed.evaluate("navigator.clipboard.readText()") == summary


def test_a_secret_value_stays_out_of_the_progress_file(page: Page, built_site: BuiltSite, tmp_path: Path):
    page.goto(built_site.tutorial(TRAINING_KEY))
    page.fill("#tc-value-company_name", "contoso")
    page.fill("#tc-value-contoso_mail_token", "s3cr3t-T0ken")
    path = export(tools(page), tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "s3cr3t" not in text
    assert json.loads(text)["values"] == {"company_name": "contoso"}
    expect(status(page)).to_contain_text("secret values are not in the file")


def test_importing_over_other_ticks_asks_first(seed: Page):
    steps = [step.id for step in load(SEED).tutorial.sections[0].procedures[0].steps]
    seed.locator(f'input[data-tc-box="{steps[0]}"]').check()
    progress = {
        "format": "tutorial-checklists-progress",
        "version": 1,
        "tutorial": SEED_KEY,
        "regions": {},
        "values": {},
        "ticked": [steps[5], steps[6]],
    }
    data = json.dumps(progress).encode()
    questions: list[str] = []
    seed.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.dismiss()))
    import_file(tools(seed), "progress.json", data)
    expect(status(seed)).to_contain_text("Import cancelled. Nothing was changed.")
    assert questions == ["Replace your 1 ticked step with the 2 ticked steps in the file?"]
    assert ticked(seed) == [steps[0]]
    seed.once("dialog", lambda dialog: dialog.accept())
    import_file(seed, "progress.json", data)
    expect(counter(seed)).to_have_text("2 of 37 steps")
    assert ticked(seed) == [steps[5], steps[6]]
