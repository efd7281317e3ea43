"""Rebuilds that patch the previous site: the same site a full build makes, byte for byte, or a full build."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import GeneratorError
from generator.site import stamps
from generator.site.build import CONFIG_FILE, BuildOptions, BuildReport, build_site
from tests.conftest import ROOT

SOURCE = ROOT / "source_docs"
MODERN = "contoso-mail-tutorial.md"
LEGACY = "contoso-mail-classic-portal-tutorial.md"


@pytest.fixture(autouse=True, params=["hashed", "stamped"])
def known_by(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test twice: with the files read and hashed (a test writes them just before it
    builds), and known by their stamps, as if every file had last changed long before."""
    if request.param == "stamped":
        monkeypatch.setattr(stamps, "RACY_NS", -3600 * 10**9)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped tutorials built once, so every test's own first build finds them in the cache."""
    base = tmp_path_factory.mktemp("patch-base")
    shutil.copytree(SOURCE, base / "source")
    build_site(BuildOptions(base / "source", base / "site", cache_dir=base / "cache"))
    return base


@pytest.fixture
def work(built: Path, tmp_path: Path) -> Path:
    """A source folder with its site built (fully) in place: the site every test patches."""
    for name in ("source", "cache"):
        shutil.copytree(built / name, tmp_path / name, symlinks=True)
    assert build(tmp_path).kept is None
    return tmp_path


def build(work: Path, site: str = "site", **options: object) -> BuildReport:
    return build_site(BuildOptions(work / "source", work / site, cache_dir=work / "cache", **options))  # type: ignore[arg-type]


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def same_as_full_build(work: Path) -> None:
    """A full build of the same input, from the same previous site, gives exactly the patched site."""
    build(work, "full", patch=False)
    patched, full = files(work / "site"), files(work / "full")
    assert sorted(patched) == sorted(full)
    assert [name for name in patched if patched[name] != full[name]] == []


def edit(work: Path, name: str, change: Callable[[str], str]) -> None:
    path = work / "source" / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def add_to_first_step(text: str, words: str = " Then wait for the page to load.") -> str:
    match = re.search(r"^1\.\s+.*$", text, flags=re.MULTILINE)
    assert match is not None
    return text[: match.end()] + words + text[match.end() :]


def copy_site(work: Path) -> None:
    """The site as it was before the edit, for the full build to compare with (same previous site)."""
    shutil.copytree(work / "site", work / "full", symlinks=True)


@pytest.mark.parametrize("name", [MODERN, LEGACY])
def test_an_edited_step_is_patched_into_the_site_a_full_build_makes(work: Path, name: str):
    copy_site(work)
    edit(work, name, add_to_first_step)
    report = build(work)
    assert report.kept == 1 and report.pages == 1 and report.mkdocs_seconds == 0
    assert report.cache.misses == 1
    page = work / "site" / "tutorials" / Path(name).stem / "index.html"
    assert "Then wait for the page to load." in page.read_text(encoding="utf-8")
    search = (work / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Then wait for the page to load." in search
    same_as_full_build(work)


def test_edits_in_a_row_keep_patching_and_stay_identical(work: Path):
    for words in (" First edit.", " Second edit."):
        copy_site(work)
        edit(work, MODERN, lambda text, words=words: add_to_first_step(text, words))
        assert build(work).kept == 1
        same_as_full_build(work)
        shutil.rmtree(work / "full")


def test_a_screenshot_no_page_uses_any_more_leaves_the_site(work: Path):
    copy_site(work)
    before = {p.name for p in (work / "site" / "images").rglob("copy-urls*")}
    assert before, "the shipped tutorial shows this screenshot"
    edit(work, MODERN, lambda text: re.sub(r"\n *:::image[^\n]*copy-urls\.png[^\n]*\n", "\n", text))
    assert build(work).kept == 1
    assert not list((work / "site" / "images").rglob("copy-urls*"))
    same_as_full_build(work)


def test_nothing_changed_rewrites_no_page(work: Path):
    copy_site(work)
    report = build(work)
    assert report.kept == 2 and report.pages == 0
    same_as_full_build(work)


def retitle(work: Path) -> None:
    edit(
        work,
        MODERN,
        lambda text: text.replace(
            "# Tutorial: Azure AD single sign-on with Contoso Mail", "# Contoso Mail SSO", 1
        ).replace(
            "title: 'Tutorial: Azure AD single sign-on with Contoso Mail", "title: 'Contoso Mail SSO", 1
        ),
    )


def add_tutorial(work: Path) -> None:
    shutil.copy(work / "source" / MODERN, work / "source" / "another-tutorial.md")


def remove_tutorial(work: Path) -> None:
    (work / "source" / LEGACY).unlink()


def add_step(work: Path) -> None:  # the home page shows each tutorial's number of steps
    edit(work, MODERN, lambda text: add_to_first_step(text, "\n1. A new step of its own."))


def replace_site(work: Path) -> None:  # e.g. restored from a backup, or built by another cache
    shutil.copytree(work / "site", work / "elsewhere")
    shutil.rmtree(work / "site")
    os.rename(work / "elsewhere", work / "site")
    add_to_modern(work)


def add_to_modern(work: Path) -> None:
    edit(work, MODERN, add_to_first_step)


def delete_a_page(work: Path) -> None:  # by hand, or a half-finished copy of the site
    (work / "site" / "tutorials" / Path(LEGACY).stem / "index.html").unlink()
    add_to_modern(work)


@pytest.mark.parametrize(
    "change", [retitle, add_tutorial, remove_tutorial, add_step, replace_site, delete_a_page]
)
def test_changes_beyond_one_page_build_the_whole_site(work: Path, change: Callable[[Path], None]):
    copy_site(work)
    change(work)
    report = build(work)
    assert report.kept is None and report.mkdocs_seconds > 0
    same_as_full_build(work)


def test_another_mkdocs_config_builds_the_whole_site(work: Path):
    config = CONFIG_FILE.parent / f".test-patch-{os.getpid()}.yml"
    config.write_text(
        CONFIG_FILE.read_text(encoding="utf-8").replace("site_name: Tutorial checklists", "site_name: Other"),
        encoding="utf-8",
    )
    try:
        add_to_modern(work)
        report = build(work, config_file=config)
    finally:
        config.unlink()
    assert report.kept is None
    assert "Other" in (work / "site" / "index.html").read_text(encoding="utf-8")


def test_another_site_url_or_date_builds_the_whole_site(work: Path, monkeypatch: pytest.MonkeyPatch):
    add_to_modern(work)
    assert build(work, site_url="https://docs.example.com/").kept is None
    add_to_first_step_again = lambda text: add_to_first_step(text, " Again.")  # noqa: E731
    edit(work, MODERN, add_to_first_step_again)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert build(work, site_url="https://docs.example.com/").kept is None
    edit(work, MODERN, lambda text: add_to_first_step(text, " Once more."))
    assert build(work, site_url="https://docs.example.com/").kept == 1


def test_an_offline_site_is_never_patched(work: Path):
    add_to_modern(work)
    assert build(work, offline=True).kept is None
    edit(work, MODERN, lambda text: add_to_first_step(text, " Again."))
    assert build(work, offline=True).kept is None  # and its build left nothing to patch from
    assert build(work).kept is None


def test_a_broken_sidecar_fails_at_its_line_and_leaves_the_site(work: Path):
    before = files(work / "site")
    sidecar = work / "source" / "contoso-mail-tutorial.checklist.yml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\nvalues: [unclosed\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as failure:
        build(work)
    assert failure.value.file == str(sidecar) and failure.value.line > 1
    assert files(work / "site") == before


def test_full_flag_builds_everything(work: Path, capsys: pytest.CaptureFixture[str]):
    add_to_modern(work)
    common = [
        "build",
        "--source",
        str(work / "source"),
        "--site-dir",
        str(work / "site"),
        "--cache-dir",
        str(work / "cache"),
        "--quiet",
    ]
    assert main([*common, "--full"]) == 0
    assert "by patching" not in capsys.readouterr().out
    edit(work, MODERN, lambda text: add_to_first_step(text, " Again."))
    assert main(common) == 0
    out = capsys.readouterr().out
    assert "by patching the previous site: 1 page rewritten, 1 kept" in out


def test_a_site_that_cannot_be_written_is_left_as_it_was(work: Path, monkeypatch: pytest.MonkeyPatch):
    before = files(work / "site")
    add_to_modern(work)
    write_bytes = Path.write_bytes

    def full_disk(path: Path, data: bytes) -> int:
        if path.name.startswith(".index.html"):
            raise OSError(28, "No space left on device")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(GeneratorError, match="No space left"):
        build(work)
    assert files(work / "site") == before  # and no half-written file beside the pages
