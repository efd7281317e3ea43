"""``serve``: the site on localhost, rebuilt when a tutorial changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT

TUTORIAL = """---
title: Served
ms.service: key-vault
---
# Served tutorial

## Steps

1. Click **{label}**.
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, deadline: float) -> str:
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} never appeared at {url}; last page: {page[:300]!r}")


def test_serve_prints_the_url_and_rebuilds_when_a_tutorial_changes(tmp_path: Path):
    source = tmp_path / "source"
    source.mkdir()
    tutorial = source / "served.md"
    tutorial.write_text(TUTORIAL.format(label="First label"), encoding="utf-8")
    port = free_port()
    command = [sys.executable, "-m", "generator", "serve", "--source", str(source), "--port", str(port)]
    command += ["--cache-dir", str(tmp_path / "cache")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        page = wait_for(url + "tutorials/served/", "First label", time.monotonic() + 60)
        assert 'type="checkbox"' in page
        tutorial.write_text(TUTORIAL.format(label="Second label"), encoding="utf-8")
        wait_for(url + "tutorials/served/", "Second label", time.monotonic() + 60)
    finally:
        process.send_signal(signal.SIGINT)
        output = process.communicate(timeout=30)[0]
    assert f"serving {url}" in output
