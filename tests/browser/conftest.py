"""Browser tests drive Debian's Chromium through Playwright (it cannot download browsers here).

``built_site`` builds source_docs/ plus the seed, an XSS probe, the values pages and the
training probe once per pytest worker and serves it over HTTP on a port of its own, the same
port as the site_url it was built with.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator.site.build import BuildOptions, build_site
from tests.conftest import SEED, SOURCE_DOCS
from tests.support.training_probe import add_training_pages
from tests.support.values_probe import add_values_pages

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test gets a second try (pytest-rerunfailures): now and then Chromium on a busy
    two-core machine misses a moment. One that fails twice fails; the summary counts reruns."""
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.flaky(reruns=1))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


SEED_KEY = "seed-mimecast-admin-console"
XSS_KEY = "xss-probe"
# Every payload would set window.__xss; none may run.
XSS_TUTORIAL = """---
title: XSS probe
ms.service: security-probe
---
# XSS probe

## Doing things

1. Click <script>window.__xss = "inline script"</script> **Start**.
2. Look at <img src=x onerror="window.__xss = 'img onerror'"> this picture.
3. Follow [this link](javascript:window.__xss='markdown link').
4. Or follow <a href="javascript:window.__xss='html link'">that one</a>.
5. Hover <span onmouseover="window.__xss = 'mouseover'">here</span>.
6. Open [the data](data:text/html,<script>window.__xss='data link'</script>).

<script>window.__xss = "block script"</script>

<iframe src="javascript:parent.__xss = 'iframe'"></iframe>

<div onmouseover="window.__xss = 'div'"><svg onload="window.__xss = 'svg'"></svg>text</div>
"""


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    source: Path
    base_url: str

    def url(self, path: str = "") -> str:
        return self.base_url + path

    def tutorial(self, key: str) -> str:
        return self.url(f"tutorials/{key}/")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """source_docs/ + the seed + an XSS probe, built once per worker and served on 127.0.0.1.

    The port is taken first (each xdist worker gets its own) and the site is built with
    it as site_url, so mkdocs-material's instant navigation works in place.
    """
    base = tmp_path_factory.mktemp("built-site")
    source, site = base / "source", base / "site"
    shutil.copytree(SOURCE_DOCS, source)
    shutil.copyfile(SEED, source / f"{SEED_KEY}.md")
    (source / f"{XSS_KEY}.md").write_text(XSS_TUTORIAL, encoding="utf-8")
    add_values_pages(source)
    add_training_pages(source)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    build_site(BuildOptions(source, site, site_url=base_url, cache_dir=base / "cache"))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BuiltSite(site, source, base_url)
    server.shutdown()
    server.server_close()


@pytest.fixture
def seed_page(page: Page, built_site: BuiltSite) -> Page:
    """The seed's tutorial page with clipboard access granted, once its values panel is up."""
    page.context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=built_site.base_url.rstrip("/")
    )
    page.goto(built_site.tutorial(SEED_KEY))
    expect(page.locator("#tc-values")).to_be_visible()
    return page
