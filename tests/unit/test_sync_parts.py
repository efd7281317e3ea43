"""``sync`` without a server: sources.yml checks, the shipped example, state, progress display."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.discover import tutorial_files
from generator.sync.accept import looks_like_markup_page
from generator.sync.progress import Bar, Lines, display
from generator.sync.sources import load_sources
from generator.sync.state import SyncState
from tests.conftest import SOURCE_DOCS


def run_sync(capsys, folder: Path) -> tuple[int, str]:
    code = main(["sync", "--source", str(folder), "--quiet"])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        ("sources:\n  - url: ftp://host/a.md\n    file: a.md\n", 2, "sources/0/url"),
        ("sources:\n  - url: https://host/a.md\n    file: ../outside.md\n", 3, "sources/0/file"),
        ("sources:\n  - url: https://host/a.md\n    file: /etc/a.md\n", 3, "sources/0/file"),
        ("sources:\n  - url: https://host/a.md\n    file: a.txt\n", 3, "sources/0/file"),
        ("sources:\n  - url: https://host/a.md\n", 2, "'file' is a required property"),
        (
            "sources:\n  - url: https://host/a.md\n    file: a.md\n"
            "  - url: https://other/a.md\n    file: ./a.md\n",
            4,
            "already synced on line 2",
        ),
        ("sources:\n  - url: [unclosed\n", 3, "invalid YAML"),
    ],
)
def test_bad_sources_file_is_a_usage_error_with_its_line(
    tmp_path: Path, capsys, config: str, line: int, message: str
) -> None:
    (tmp_path / "sources.yml").write_text(config, encoding="utf-8")
    code, err = run_sync(capsys, tmp_path)
    assert code == 2
    assert err.startswith(f"{tmp_path / 'sources.yml'}:{line}:1: error sources ")
    assert message in err


def test_missing_sources_file_is_a_usage_error(tmp_path: Path, capsys) -> None:
    code, err = run_sync(capsys, tmp_path)
    assert code == 2 and "sources.yml" in err and "cannot read" in err


def test_symlinked_file_outside_the_folder_is_refused(tmp_path: Path, capsys) -> None:
    folder, outside = tmp_path / "docs", tmp_path / "elsewhere"
    folder.mkdir()
    outside.mkdir()
    (folder / "link").symlink_to(outside)
    (folder / "sources.yml").write_text("sources:\n  - url: https://h/a.md\n    file: link/a.md\n")
    code, err = run_sync(capsys, folder)
    assert code == 2 and "outside" in err


def test_empty_list_has_nothing_to_do(tmp_path: Path, capsys) -> None:
    (tmp_path / "sources.yml").write_text("sources: []\n")
    assert main(["sync", "--source", str(tmp_path), "--quiet"]) == 0
    assert "0 sources, 0 downloaded: nothing to do" in capsys.readouterr().out


def test_shipped_example_names_real_tutorials_and_placeholder_urls() -> None:
    upstreams = load_sources(SOURCE_DOCS)
    assert upstreams
    tutorials = set(tutorial_files(SOURCE_DOCS))
    for upstream in upstreams:
        assert upstream.path in tutorials
        assert ".invalid/" in upstream.url  # never a real host: nothing is fetched by accident
    assert SOURCE_DOCS / "sources.yml" not in tutorials


def test_state_survives_a_round_trip_and_ignores_a_damaged_file(tmp_path: Path) -> None:
    state = SyncState(tmp_path / ".sync-state.json")
    state.remember("https://h/a.md", '"e1"', "Wed, 21 Oct 2020 07:28:00 GMT", b"body")
    state.save()
    again = SyncState(tmp_path / ".sync-state.json")
    known = again.validators("https://h/a.md", b"body")
    assert known is not None and known.etag == '"e1"'
    assert again.validators("https://h/a.md", b"edited by hand") is None
    assert again.validators("https://h/a.md", None) is None
    (tmp_path / ".sync-state.json").write_text("{not json")
    assert SyncState(tmp_path / ".sync-state.json").entries == {}
    (tmp_path / ".sync-state.json").write_text(json.dumps({"sources": {"u": {"etag": "x"}}}))
    assert SyncState(tmp_path / ".sync-state.json").entries == {}


@pytest.mark.parametrize(
    ("start", "markup"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf\n  <html lang='en'>", True),
        (b'<?xml version="1.0"?><Error><Code>BlobNotFound</Code></Error>', True),
        (b'<properties pageTitle="x" />\n<tags ms.date="1" />\n#Title', False),
        (b"---\ntitle: x\n---\n# Title\n\n<html> in prose", False),
    ],
)
def test_markup_pages_are_told_from_legacy_headers(start: bytes, markup: bool) -> None:
    assert looks_like_markup_page(start) is markup


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_gets_a_bar_ci_pipes_and_quiet_get_lines(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert isinstance(display(Terminal(), 1, "sync"), Bar)
    assert isinstance(display(io.StringIO(), 1, "sync"), Lines)
    assert isinstance(display(Terminal(), 1, "sync", quiet=True), Lines)
    monkeypatch.setenv("CI", "true")
    assert isinstance(display(Terminal(), 1, "sync"), Lines)


def test_bar_draws_progress_and_keeps_logged_lines(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    screen = Terminal()
    with display(screen, 2, "sync") as progress:
        progress.working("a.md")
        progress.log("updated       a.md")
        progress.advance()
    out = screen.getvalue()
    assert "updated       a.md\n" in out
    assert "1/2" in out and "━" in out


def test_lines_are_plain_text() -> None:
    stream = io.StringIO()
    with display(stream, 2, "sync") as progress:
        progress.working("a.md")
        progress.log("updated       a.md")
        progress.advance()
    assert stream.getvalue() == "updated       a.md\n"
