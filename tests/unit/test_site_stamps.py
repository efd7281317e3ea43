"""A rebuild knows unchanged tutorials by their files' stamps and reads none of them; whatever
changes a page's files, its stamps show, and a file changed as the build starts is read."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.site import stamps, tutorials
from generator.site.build import BuildOptions, build_site
from generator.site.stamps import RACY_NS, Stamps
from tests.unit.test_site_patch import MODERN, SOURCE, add_to_first_step, build, edit

PAGE = Path("site") / "tutorials" / Path(MODERN).stem / "index.html"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped tutorials built once, every file stamped as if it had last changed long ago."""
    monkeypatch.setattr(stamps, "RACY_NS", -3600 * 10**9)
    shutil.copytree(SOURCE, tmp_path / "source")
    build(tmp_path)
    return tmp_path


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The tutorials a build reads."""
    seen: list[Path] = []
    read = tutorials._read

    def counted(path: Path) -> bytes:
        seen.append(path)
        return read(path)

    monkeypatch.setattr(tutorials, "_read", counted)
    return seen


def page(work: Path) -> str:
    return (work / PAGE).read_text(encoding="utf-8")


def test_a_rebuild_with_nothing_changed_reads_no_tutorial(work: Path, reads: list[Path]):
    report = build(work)
    assert report.kept == 2 and report.pages == 0
    assert reads == []


def test_a_touched_tutorial_is_read_once_then_known_again(work: Path, reads: list[Path]):
    os.utime(work / "source" / MODERN)
    assert build(work).pages == 0, "same bytes: no page rewritten"
    assert [p.name for p in reads] == [MODERN]
    build(work)
    assert [p.name for p in reads] == [MODERN], "stamped again by the rebuild that read it"


def test_new_bytes_with_the_old_size_and_time_are_seen(work: Path):
    path = work / "source" / MODERN
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    same_size = text.replace("type **Contoso Mail**", "type **Contoso Mall**", 1)
    assert len(same_size) == len(text) and same_size != text
    path.write_text(same_size, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert build(work).pages == 1
    assert 'type <span class="tc-ui">Contoso Mall</span>' in page(work)


def test_a_screenshot_added_later_is_shown(work: Path):
    media = work / "source" / "media" / "contoso-mail-tutorial"
    later = "\n\n    ![The page added later](media/contoso-mail-tutorial/added-later.png)"
    edit(work, MODERN, lambda text: add_to_first_step(text, later))
    build(work)
    assert "added-later-" not in page(work), "a placeholder while the file is missing"
    shutil.copy(media / "copy-urls.png", media / "added-later.png")
    assert build(work).pages == 1
    assert "added-later-" in page(work), "the screenshot's own file, not a placeholder"


def test_a_sidecar_added_later_is_read(work: Path):
    sidecar = work / "source" / "contoso-mail-classic-portal-tutorial.checklist.yml"
    sidecar.rename(work / "kept.yml")
    build(work)
    (work / "kept.yml").rename(sidecar)
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + "\nvalues: [unclosed\n", encoding="utf-8")
    with pytest.raises(GeneratorError) as failure:
        build(work)
    assert failure.value.file == str(sidecar)


def test_a_catalogue_edit_is_seen_by_every_page(work: Path, reads: list[Path]):
    catalogue = work / "source" / "_data" / "contoso-mail.yml"
    catalogue.write_text(catalogue.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    build(work)
    assert len(reads) == 2


def test_a_file_changed_as_the_build_starts_is_not_stamped(tmp_path: Path):
    path = tmp_path / "tutorial.md"
    path.write_text("# A tutorial\n", encoding="utf-8")
    now = time.time_ns()
    assert Stamps(now).page(path, {}) == {}
    later = Stamps(now + RACY_NS + 10**9).page(path, {})
    assert str(path) in later and later[str(path)][1] == path.stat().st_size
    assert later[str(tmp_path / "tutorial.checklist.yml")] == [], "no sidecar: looked for again"


def test_other_files_in_the_folder_do_not_make_it_read(work: Path, reads: list[Path]):
    (work / "source" / f".{MODERN}.swp").write_text("an editor's", encoding="utf-8")
    (work / "source" / "notes.txt").write_text("a note", encoding="utf-8")
    assert build(work).pages == 0
    assert reads == []


def test_the_same_tutorials_from_another_source_folder_are_read(work: Path, reads: list[Path]):
    other = work / "other"
    shutil.copytree(work / "source", other)
    path = other / MODERN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("type **Contoso Mail**", "type **Contoso Mall**"), encoding="utf-8")
    report = build_site(BuildOptions(other, work / "site", cache_dir=work / "cache"))
    assert len(reads) == 2 and report.kept == 0, "every page is made again from the other folder"
    assert 'type <span class="tc-ui">Contoso Mall</span>' in page(work)
