"""``python -m generator check``: what a docs team sees on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.cli import main

CLEAN = """---
title: Clean tutorial
---
# Clean tutorial

## Configure

**To configure, perform the following steps:**

1. Sign in to the **Contoso** portal.
2. Select **Settings > Single sign-on**.
"""


def run_check(capsys, *args: str) -> tuple[int, str]:
    code = main(["check", *args])
    return code, capsys.readouterr().out


def test_seed_reports_padded_bold_and_mangled_quotes(capsys, seed_path: Path) -> None:
    code, out = run_check(capsys, str(seed_path))
    lines = out.splitlines()
    padded = [line for line in lines if " padded-emphasis " in line]
    mangled = [line for line in lines if " mangled-text " in line]
    assert [line.split(": ")[0].rsplit(":", 2)[1] for line in padded] == ["61", "157"]
    assert "Configure Single Sign On" in padded[0] and "Mimecast Admin Console" in padded[1]
    assert [line.split(": ")[0].rsplit(":", 2)[1] for line in mangled] == ["110", "110"]
    assert "“*--*“" in mangled[0]
    assert all(line.startswith(f"{seed_path}:") for line in lines)
    assert code == 0  # only warnings and infos: the seed is readable


def test_heading_without_space_is_info(capsys, seed_path: Path) -> None:
    _, out = run_check(capsys, str(seed_path))
    assert f"{seed_path}:22:1: info heading-no-space" in out


def test_clean_file_exits_zero_and_prints_nothing(capsys, tmp_path: Path) -> None:
    path = tmp_path / "clean.md"
    path.write_text(CLEAN)
    assert run_check(capsys, str(path)) == (0, "")


def test_errors_exit_one_with_json_list(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text(CLEAN + "3. Look ![x](../../../../etc/passwd)\n")
    code, out = run_check(capsys, "--format", "json", str(path))
    found = json.loads(out)
    assert code == 1
    refused = [d for d in found if d["code"] == "image-refused"]
    assert refused and refused[0]["line"] == 12 and refused[0]["severity"] == "error"
    assert {"file", "line", "col", "severity", "code", "message"} <= set(refused[0])


def test_model_diagnostics(capsys, tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(
        "# T\n\n## S\n\n1. Click **Save**.\n2. Click **Save**.\n3. \n\n"
        "> [!DANGER]\n> Odd kind.\n\n[!INCLUDE [gone](./includes/gone.md)]\n\n![](./media/x.png)\n"
    )
    _, out = run_check(capsys, str(path))
    codes = {line.split(" ")[2] for line in out.splitlines()}
    assert {
        "duplicate-step-id",
        "empty-step",
        "unknown-callout",
        "unresolved-include",
        "image-missing",
        "image-no-alt",
    } <= codes


def test_directories_are_walked(capsys, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(CLEAN + "\n**Padded **\n")
    (tmp_path / "notes.txt").write_text("**Padded **\n")
    _, out = run_check(capsys, str(tmp_path))
    assert out.count("padded-emphasis") == 1 and "sub/a.md" in out


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "generator", "check", str(tmp_path / "nope.md")], capture_output=True
    )
    assert missing.returncode == 2
    no_args = subprocess.run([sys.executable, "-m", "generator", "check"], capture_output=True)
    assert no_args.returncode == 2


def test_undecodable_bytes_reported(capsys, tmp_path: Path) -> None:
    path = tmp_path / "latin.md"
    path.write_bytes(b"# Caf\xe9\n\n## S\n\n1. Na\xefve step \x81.\n")
    code, out = run_check(capsys, str(path))
    assert f"{path}:1:1: error undecodable" in out
    assert code == 1
