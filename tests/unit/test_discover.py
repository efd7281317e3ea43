"""Which files under a source folder are tutorials, in the order every command takes them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.discover import tutorial_files
from generator.site.sources import find_tutorials


def touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# A tutorial\n", encoding="utf-8")


def test_tutorials_are_markdown_outside_data_media_includes_and_hidden_folders(tmp_path: Path):
    for name in [
        "b.md",
        "a/b.md",
        "a-c.md",
        "a/deeper/c.md",
        "_draft.md",
        ".hidden.md",
        "README.md",
        "notes.txt",
        "_data/d.md",
        "media/m.md",
        "includes/i.md",
        ".cache/x.md",
        ".git/y.md",
        "a/media/z.md",
    ]:
        touch(tmp_path / name)
    (tmp_path / "folder.md").mkdir()
    found = [p.relative_to(tmp_path).as_posix() for p in tutorial_files(tmp_path)]
    assert found == ["a/b.md", "a/deeper/c.md", "a-c.md", "b.md"], "in path order: a folder's files first"


def test_linked_files_are_tutorials_and_linked_folders_are_not_entered(tmp_path: Path):
    source, elsewhere = tmp_path / "source", tmp_path / "elsewhere"
    touch(elsewhere / "linked.md")
    touch(elsewhere / "folder" / "inside.md")
    touch(source / "own.md")
    os.symlink(elsewhere / "linked.md", source / "link.md")
    os.symlink(elsewhere / "folder", source / "folder")
    os.symlink(source / "own.md", source / "same.md")
    assert [p.name for p in tutorial_files(source)] == ["link.md", "own.md", "same.md"]
    with pytest.raises(GeneratorError) as failure:
        find_tutorials(source)
    assert failure.value.file == str(source / "link.md")
    assert "outside the source folder" in failure.value.message
    (source / "link.md").unlink()
    with pytest.raises(GeneratorError, match="same page name 'own'"):  # one file, two pages
        find_tutorials(source)
