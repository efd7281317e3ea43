"""Start-up cost of the shared catalogue and the sidecars: a rebuild whose catalogue and sidecars did
not change takes them from the build cache, so it neither parses their YAML nor imports jsonschema
(~65 ms a process). Each probe runs a fresh interpreter, as every build is a new process."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.build import BuildOptions, build_site
from tests.conftest import ROOT, SOURCE_DOCS

TUTORIAL = "contoso-mail-tutorial"
PROBE = """
import json, sys
import generator.enrich.catalogue as catalogue, generator.enrich.store as store
parsed = []
load_yaml = catalogue.load_yaml
catalogue.load_yaml = store.load_yaml = lambda *args: parsed.append(args) or load_yaml(*args)
{code}
print(json.dumps({{"parsed": len(parsed), "jsonschema": "jsonschema" in sys.modules, "said": said}}))
"""


def probe(code: str) -> dict:
    """Run ``code`` (which sets ``said``) in a fresh interpreter: how many catalogue and sidecar files
    it parsed, whether it imported jsonschema, and ``said``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("full", [False, True], ids=["patched", "full"])
def test_a_rebuild_after_a_tutorial_edit_loads_the_catalogue_from_the_cache(tmp_path: Path, full: bool):
    source = tmp_path / "source"
    source.mkdir()
    shutil.copytree(SOURCE_DOCS / "_data", source / "_data")
    for name in (f"{TUTORIAL}.md", f"{TUTORIAL}.checklist.yml"):
        shutil.copy(SOURCE_DOCS / name, source / name)
    build_site(BuildOptions(source, tmp_path / "site", cache_dir=tmp_path / "cache"))
    with (source / f"{TUTORIAL}.md").open("a", encoding="utf-8") as tutorial:
        tutorial.write("\n1. Check that the mailbox receives a test message.\n")

    args = ["build", "--source", str(source), "--site-dir", str(tmp_path / "site")]
    args += ["--cache-dir", str(tmp_path / "cache"), "--quiet", *(["--full"] if full else [])]
    found = probe(f"from generator.cli import main\nsaid = main({args!r})")
    assert found == {"parsed": 0, "jsonschema": False, "said": 0}
    page = (tmp_path / "site" / "tutorials" / TUTORIAL / "index.html").read_text("utf-8")
    assert "Check that the mailbox receives a test message." in page
    assert '"label":"Asia Pacific"' in page  # the catalogue's regions are on the page
    assert '"contoso_sign_on_url":{"label":"Contoso Mail sign-on URL"' in page  # and the sidecar's value


def test_a_broken_catalogue_comes_from_the_cache_with_its_file_and_line(tmp_path: Path) -> None:
    data = tmp_path / "_data"
    shutil.copytree(SOURCE_DOCS / "_data", data)
    broken = data / "contoso-mail.yml"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("[ap, au]", "[ap, ap]"), encoding="utf-8")
    line = text.splitlines().index("    regions:") + 1
    code = (
        "from pathlib import Path\n"
        "from generator.diagnostics import GeneratorError\n"
        "from generator.enrich.store import CatalogueStore\n"
        f"store = CatalogueStore(Path({str(tmp_path / 'cache')!r}), 'code')\n"
        "try:\n"
        f"    store.catalogue(Path({str(data)!r}))\n"
        "except GeneratorError as error:\n"
        "    said = str(error)\n"
    )
    first, again = probe(code), probe(code)
    said = f"{broken}:{line}: region id or alias 'ap' used twice in 'contoso-mail'"
    assert first == {"parsed": 2, "jsonschema": True, "said": said}  # azure-ad.yml, then contoso-mail.yml
    assert again == {"parsed": 0, "jsonschema": False, "said": said}
