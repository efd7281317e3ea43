"""Build progress: a bar for a person at a terminal, plain lines in CI, in a pipe or with --quiet."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from generator.cli import main
from generator.site.build import BuildOptions, build_site

PLAIN = ["build: 2 tutorials, 0 unchanged, 2 to render", "build: mkdocs writes"]
TUTORIAL = """---
title: Tutorial {n}
---
# Tutorial {n}

## Steps

1. Sign in.
2. Select **Save {n}**.
"""


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    (tmp_path / "source").mkdir()
    for n in (1, 2):
        (tmp_path / "source" / f"t{n}.md").write_text(TUTORIAL.format(n=n), encoding="utf-8")
    return tmp_path / "source"


def test_a_piped_build_prints_plain_lines_before_its_summary(source: Path, tmp_path: Path, capsys):
    argv = ["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]
    assert main([*argv, "--cache-dir", str(tmp_path / "cache")]) == 0
    out = capsys.readouterr().out
    assert "\x1b[" not in out
    assert next(line for line in out.splitlines() if line.startswith("build:")) == PLAIN[0]
    assert out.index(PLAIN[1]) < out.index("built 2 tutorials")


def test_a_terminal_gets_a_progress_bar_unless_quiet(source: Path, tmp_path: Path):
    shown = Terminal()
    build_site(BuildOptions(source, tmp_path / "a", cache_dir=tmp_path / "cache", progress=shown))
    assert "\x1b[" in shown.getvalue() and "━" in shown.getvalue()
    quiet = Terminal()
    build_site(
        BuildOptions(source, tmp_path / "b", cache_dir=tmp_path / "cache2", progress=quiet, quiet=True)
    )
    assert "\x1b[" not in quiet.getvalue()
    assert quiet.getvalue().splitlines()[0] == PLAIN[0]
