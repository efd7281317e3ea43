"""What a build leaves behind: bytes per page, and the project's own JS and CSS a page loads."""

from __future__ import annotations

import gzip
import statistics
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit


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


@dataclass
class Asset:
    path: str
    bytes: int
    gzip_bytes: int


def site_size(site: Path, pages: list[Path]) -> SiteSize:
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    html = statistics.median(p.stat().st_size for p in pages) if pages else 0
    return SiteSize(len(pages), html / 1024, total / 1024 / max(len(pages), 1))


def tutorial_pages(site: Path, folders: tuple[str, ...]) -> list[Path]:
    """Tutorial pages of a built site: ``index.html`` files below ``folders`` of the site."""
    return sorted(p for folder in folders for p in (site / folder).rglob("index.html"))


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script" and found.get("src"):
            self.urls.append(found["src"] or "")
        if tag == "link" and found.get("rel") == "stylesheet" and found.get("href"):
            self.urls.append(found["href"] or "")


def own_assets(page: Path, site: Path, overrides: Path) -> list[Asset]:
    """Scripts and style sheets ``page`` loads that come from the project's ``overrides`` folder."""
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    base = page.parent.relative_to(site).as_posix() + "/"
    assets = []
    for url in parser.urls:
        path = urlsplit(urljoin(base, url)).path.lstrip("/")
        if "://" not in url and (overrides / path).is_file():
            data = (site / path).read_bytes()
            assets.append(Asset(path, len(data), len(gzip.compress(data, 9))))
    return assets
