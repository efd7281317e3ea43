"""The CLI and enrichment: `check` reports a stale sidecar rule (file and line), `parse` shows
region spans and value references in the JSON model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, SOURCE_DOCS
from tests.support.model import validate

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


def test_parse_json_exposes_region_spans_and_value_references(seed_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "parse", str(seed_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    model = json.loads(result.stdout)
    validate(model)
    sso = model["sections"][1]["procedures"][0]["steps"]
    [region] = [n for n in sso[2]["inline"] if n["type"] == "region"]
    assert region["attrs"]["variants"]["za"] == "https://webmail-za.mimecast.com"
    assert region["text"] == "e.g.: “https://webmail-uk.mimecast.com” or “https://webmail-us.mimecast.com”"
    values = [
        [n["attrs"]["value"] for n in sub["inline"] if n["type"] == "value"] for sub in sso[8]["steps"][3:6]
    ]
    assert values == [["issuer_url"], ["login_url"], ["login_url"]]
    assert [sub.get("helpers", []) for sub in sso[8]["steps"][6:8]] == [["certificate"], ["certificate"]]


def test_check_reports_a_broken_shared_catalogue_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "contoso.md").write_text(TUTORIAL, encoding="utf-8")
    (tmp_path / "_data").mkdir()
    broken = tmp_path / "_data" / "regions.yml"
    broken.write_text("values:\n  tenant_id: {label: Tenant ID, sharing: public}\n", encoding="utf-8")
    result = check(tmp_path)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if " catalogue " in line] == [
        f"{broken}:2:1: error catalogue does not match catalogue.schema.json: values/tenant_id/sharing:"
        " 'public' is not one of ['shareable', 'secret']"
    ]
