"""``benchmarks/run`` at a tiny size: it completes and writes a report with real numbers in it.

The benchmark itself is not part of the test run (its numbers are in benchmarks/RESULTS.md);
this only proves the script still works end to end, and that its corpus is what it claims.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from benchmarks.synth import tutorial_paths, write_corpus
from generator.pipeline import load
from tests.conftest import ROOT

SECTIONS = (
    "## Machine",
    "## Timings",
    "## Ratios",
    "## Inside the builds",
    "## Output size",
    "## The project's own JS and CSS per tutorial page",
    "## Ticking a box on a 300-step page",
    "## Synthetic corpus",
)
# One worker runs the (module-scoped) benchmark once for all the tests that read its report.
pytestmark = pytest.mark.xdist_group("benchmarks-smoke")

STAGES = ("floor", "generator", "full", "cold", "noop", "incremental", "anchor")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("bench-out")
    env = dict(os.environ, XDG_CACHE_HOME=str(out / "xdg-cache"))
    done = subprocess.run(
        [str(ROOT / "benchmarks" / "run"), "--n", "20", "--runs", "1", "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return (out / "RESULTS.md").read_text(encoding="utf-8"), json.loads((out / "results.json").read_text())


def test_report_has_every_section_and_the_command(report: tuple[str, dict]) -> None:
    text, _ = report
    for heading in SECTIONS:
        assert heading in text
    assert "`benchmarks/run --n 20 --runs 1 --out " in text


def test_every_stage_was_timed_at_n_20(report: tuple[str, dict]) -> None:
    text, results = report
    (size,) = results["sizes"]
    assert size["n"] == 20 and size["corpus"]["tutorials"] == 20
    for stage in STAGES:
        assert size["stages"][stage]["median_seconds"] > 0
        assert size["stages"][stage]["median_peak_mib"] > 10
    assert re.search(r"\| full `build`, cold caches [^|]*\| [\d.]+ s · [\d.]+ s CPU · \d+ MiB \|", text)
    assert size["output"]["pages"] == 20


def test_ratio_table_has_numbers(report: tuple[str, dict]) -> None:
    text, _ = report
    for name in ("full / anchor", "generator / floor", "incremental / full"):
        match = re.search(rf"^\| {name} \| (\d+\.\d\d) \|", text, flags=re.MULTILINE)
        assert match, name
        assert float(match.group(1)) > 0


def test_own_assets_and_the_300_step_tick_are_reported(report: tuple[str, dict]) -> None:
    text, results = report
    names = {asset["path"] for asset in results["sizes"][0]["own_assets"]}
    assert {"assets/javascripts/core.js", "assets/javascripts/checklist.js"} <= names
    tick = results["tick"]
    assert tick["boxes"] == 300
    assert tick["first_counter"] == "1 of 300 steps"
    assert re.search(r"\| change handlers .* \| \d+\.\d\d ms \| \d+\.\d\d ms \|", text)


def _files(folder: Path) -> dict[Path, bytes]:
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_synthetic_corpus_is_deterministic(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 6, seed=7)
    write_corpus(tmp_path / "b", 6, seed=7)
    write_corpus(tmp_path / "c", 6, seed=8)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a").keys() != _files(tmp_path / "c").keys()


def test_synthetic_tutorials_read_like_real_ones(tmp_path: Path) -> None:
    write_corpus(tmp_path, 12)
    dialects = set()
    for path in tutorial_paths(tmp_path):
        tutorial = load(path, root=tmp_path).tutorial
        dialects.add(tutorial.dialect)
        procedures = [p for s in tutorial.sections for p in s.procedures]
        assert 3 <= len(tutorial.sections) <= 6, path
        assert procedures and all(5 <= len(p.steps) <= 12 for p in procedures), path
        assert tutorial.title and tutorial.metadata, path
    assert dialects == {"legacy", "modern"}
