"""`check` reports enrichment problems: a stale sidecar rule, with the sidecar file and line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SOURCE_DOCS

TUTORIAL = """\
# Tutorial: Contoso Mail

## Configure single sign-on

1. In the **Reply URL** box, type your region's address.
1. Select **Save**.
"""

SIDECAR = """\
rules:
  - match: {label: Save}
    helper: certificate
  - match:
      text: paste the Issuer URL
    value: issuer_url
"""


def check(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_check_reports_a_stale_sidecar_rule_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "contoso.md").write_text(TUTORIAL, encoding="utf-8")
    sidecar = tmp_path / "contoso.checklist.yml"
    sidecar.write_text(SIDECAR, encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    stale = [line for line in result.stdout.splitlines() if "sidecar-stale" in line]
    assert stale == [
        f"{sidecar}:4:1: error sidecar-stale rule matches no step (text 'paste the Issuer URL');"
        " has the tutorial changed?"
    ]


def test_check_passes_when_every_rule_matches(tmp_path: Path) -> None:
    (tmp_path / "contoso.md").write_text(TUTORIAL, encoding="utf-8")
    (tmp_path / "contoso.checklist.yml").write_text(
        SIDECAR.split("  - match:\n      text")[0], encoding="utf-8"
    )
    result = check(tmp_path)
    assert "sidecar" not in result.stdout
    assert result.returncode == 0, result.stdout


def test_shipped_sidecars_are_clean() -> None:
    result = check(*sorted(SOURCE_DOCS.glob("*.md")))
    assert "sidecar" not in result.stdout
