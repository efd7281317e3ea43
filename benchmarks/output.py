"""What a build leaves behind: bytes per page, and the project's own JS and CSS a page loads, and when."""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from benchmarks.browser import CHROMIUM, CHROMIUM_ARGS


@dataclass
class SiteSize:
    pages: int  # tutorial pages
    html_kib: float  # median HTML of one tutorial page
    site_kib_per_page: float  # everything in the site folder, divided by the tutorial pages

    def as_dict(self) -> dict[str, float]:
        return {
            "pages": self.pages,
            "html_kib_median": round(self.html_kib, 1),
            "site_kib_per_page": round(self.site_kib_per_page, 1),
        }


# When a page loads a file: on arrival, or once the reader does something.
FIRST = "first visit"
RETURNING = "returning reader (stored ticks)"
TRAINING = "training tools opened"


@dataclass
class Asset:
    path: str
    bytes: int
    gzip_bytes: int
    when: str  # FIRST, RETURNING or TRAINING


def site_size(site: Path, pages: list[Path]) -> SiteSize:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    html = statistics.median(p.stat().st_size for p in pages) if pages else 0
    return SiteSize(len(pages), html / 1024, total / 1024 / max(len(pages), 1))


def tutorial_pages(site: Path, folders: tuple[str, ...]) -> list[Path]:
    """Tutorial pages of a built site: ``index.html`` files below ``folders`` of the site."""
    return sorted(p for folder in folders for p in (site / folder).rglob("index.html"))


_LOADED = """() => [...document.querySelectorAll("script[src], link[rel=stylesheet]")]
    .map(element => element.src || element.href)"""
_SETTLED = "window.TC && TC.loader && !TC.loader.loading()"


def own_assets(page: Path, site: Path, overrides: Path) -> list[Asset]:
    """The project's own scripts and style sheets ``page`` loads, and when.

    The page is opened from its file in Chromium, so what counts is what it really loads:
    the files its HTML names plus those the loader (``assets/javascripts/loader.js``) adds
    for this page. First on a first visit, then after a tick and a reload (a returning
    reader), then with the training tools opened. Files of mkdocs-material are left out.
    """
    from playwright.sync_api import sync_playwright

    loaded: dict[str, str] = {}  # url -> when it was first there
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto(page.as_uri())
            for when, act, arrived in _VISITS:
                if act:
                    act(tab)
                tab.wait_for_function(f"({arrived}) && {_SETTLED}")
                for url in tab.evaluate(_LOADED):
                    loaded.setdefault(url, when)
        finally:
            browser.close()
    return [asset for url, when in loaded.items() if (asset := _asset(url, when, site, overrides))]


def _tick_and_reload(tab: Any) -> None:
    tab.locator("input[data-tc-box]").first.check()
    tab.reload()


def _open_training(tab: Any) -> None:
    tab.locator("[data-tc-training] summary").click()


_VISITS = (  # when, what the reader does first, what says the page has started (a goto waits for load)
    (FIRST, None, "true"),
    (RETURNING, _tick_and_reload, "true"),
    (TRAINING, _open_training, "typeof TC.setup === 'object'"),  # the tools' shared script ran
)


def _asset(url: str, when: str, site: Path, overrides: Path) -> Asset | None:
    parts = urlsplit(url)
    if parts.scheme != "file":
        return None
    path = Path(unquote(parts.path)).relative_to(site).as_posix()
    if not (overrides / path).is_file():
        return None
    data = (site / path).read_bytes()
    return Asset(path, len(data), len(gzip.compress(data, 9)), when)
