"""The anchor: the same raw Markdown published with plain mkdocs-material, default navigation.

This is what a docs team gets without this project, so it is the cost to beat. The
configuration is the smallest sensible one: material with ``font: false`` (no Google Fonts
request) and the search plugin; no ``nav``, so mkdocs lists every page in the navigation.
"""

from __future__ import annotations

import json
from pathlib import Path

# Above this, the anchor is skipped: its navigation is rendered into every page, so its
# cost grows with the square of the page count.
MAX_PAGES = 1000
SKIP_REASON = (
    "skipped above 1,000 pages: plain mkdocs-material renders the whole default navigation into "
    "every page, so its build time grows with the square of the page count"
)


def write_config(corpus: Path, site: Path, config: Path) -> Path:
    """An ``mkdocs.yml`` (JSON is valid YAML) building ``corpus`` into ``site``."""
    settings = {
        "site_name": "Anchor: plain mkdocs-material",
        "docs_dir": str(corpus.resolve()),
        "site_dir": str(site.resolve()),
        "theme": {"name": "material", "font": False},
        "plugins": ["search"],
    }
    config.write_text(json.dumps(settings, indent=2), encoding="utf-8")
    return config
