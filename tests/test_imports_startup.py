"""Start-up cost: a process imports only the libraries the work it does needs.

Every command is a new process, and a rebuild after a one-file edit is meant to take about
half a second, of which importing libraries no step of it uses took the largest share
(beautifulsoup4 ≈ 80 ms, jsonschema ≈ 45 ms, markdown-it-py ≈ 25 ms, the other commands'
modules: mkdocs alone ≈ 90 ms). Each test runs a fresh interpreter and looks at what it loaded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEED, SOURCE_DOCS

MODERN = SOURCE_DOCS / "contoso-mail-tutorial.md"
WATCHED = ("bs4", "jsonschema", "markdown_it", "nh3", "mkdocs", "generator.site")


def loaded_after(code: str) -> set[str]:
    """Which of ``WATCHED`` a fresh interpreter has imported after running ``code``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m in {WATCHED!r})))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_the_build_command_loads_no_parser_validator_or_sanitiser_before_it_needs_one() -> None:
    assert loaded_after("import generator.commands.build").isdisjoint(
        {"bs4", "jsonschema", "markdown_it", "nh3"}
    )


def test_reading_tutorials_of_both_dialects_needs_neither_beautifulsoup_nor_jsonschema() -> None:
    code = (
        "from generator.pipeline import load\n"
        f"assert load({str(SEED)!r}).tutorial.dialect == 'legacy'\n"
        f"assert load({str(MODERN)!r}).tutorial.dialect == 'modern'"
    )
    loaded = loaded_after(code)
    assert "markdown_it" in loaded  # the probe did parse
    assert loaded.isdisjoint({"bs4", "jsonschema"})


def test_a_data_file_is_still_checked_against_its_schema() -> None:
    code = f"from generator.enrich import load_data\nload_data({str(MODERN)!r})"
    assert "jsonschema" in loaded_after(code)


def test_a_page_without_raw_html_is_rendered_without_the_sanitiser() -> None:
    code = (
        "from generator.pipeline import load\n"
        "from generator.render.context import RenderContext\n"
        "from generator.render.tutorial import render_tutorial\n"
        f"render_tutorial(load({str(MODERN)!r}).tutorial, 'contoso', RenderContext())\n"
    )
    assert "nh3" not in loaded_after(code)
    sanitise = "from generator.render.sanitize import clean_html\nclean_html('<b>x</b>')"
    assert "nh3" in loaded_after(code + sanitise)


def test_a_command_imports_only_its_own_module() -> None:
    code = f"from generator.cli import main\nassert main(['parse', {str(SEED)!r}, '--format', 'text']) == 0"
    loaded = loaded_after(code)
    assert loaded.isdisjoint({"mkdocs", "generator.site"})


def test_the_shipped_data_schemas_are_valid_json_schemas() -> None:
    """The reader no longer checks them on every run (15 ms a process), so this does."""
    from jsonschema import Draft202012Validator

    schemas = sorted((ROOT / "generator" / "schema").glob("*.schema.json"))
    assert schemas
    for path in schemas:
        Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))


def test_every_command_still_has_its_help() -> None:
    from generator.cli import COMMANDS

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        command = [sys.executable, "-m", "generator", *args]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)

    overview = run("--help").stdout
    for name in COMMANDS:
        assert f"    {name} " in overview
        assert run(name, "--help").stdout.startswith(f"usage: python -m generator {name} ")
