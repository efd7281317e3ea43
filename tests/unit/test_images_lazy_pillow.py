"""A rebuild whose images are all in the cache draws and decodes nothing, so it never loads pillow."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

from generator.render import images
from tests.conftest import ROOT

TUTORIAL = """---
title: Gamma tutorial
ms.service: key-vault
---
# Configure Gamma

## Sign in

1. Sign in to the portal.

   ![The portal](./media/portal.png)

1. Select **{word}**.
"""


def build_imports(source: Path, tmp_path: Path) -> tuple[str, set[str]]:
    """Build ``source`` in a new interpreter; its output and the top-level packages it imported."""
    command = [sys.executable, "-X", "importtime", "-m", "generator", "build", "--source", str(source)]
    command += ["--site-dir", str(tmp_path / "site"), "--cache-dir", str(tmp_path / "cache"), "--quiet"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in done.stderr.splitlines()
        if line.startswith("import time:")
    }
    return done.stdout, imported


def test_a_rebuild_with_every_image_cached_does_not_import_pillow(tmp_path: Path):
    source = tmp_path / "source"
    source.mkdir()
    tutorial = source / "gamma.md"
    (source / "media").mkdir()
    Image.new("RGB", (40, 30), "white").save(source / "media" / "portal.png")
    tutorial.write_text(TUTORIAL.format(word="Create"), encoding="utf-8")
    _, first = build_imports(source, tmp_path)  # draws the card, encodes the screenshot
    tutorial.write_text(TUTORIAL.format(word="Review + create"), encoding="utf-8")
    output, second = build_imports(source, tmp_path)

    assert "PIL" in first
    assert "1 read and rendered" in output
    assert "PIL" not in second


def test_our_pixel_limit_is_pillows_default():
    assert images.MAX_PIXELS == Image.MAX_IMAGE_PIXELS
