"""mkdocs hook (listed under ``hooks:`` in mkdocs.yml): the site's own scripts and style sheets, minified.

The readable sources stay in the theme's ``custom_dir`` (``site_overrides/assets``), long
comments and all; the built site gets each of them without comments and spare whitespace
(``rjsmin``/``rcssmin``: no renaming, so what runs is what was read). Each file is minified
from its source, so a build gives the same bytes whatever was in the site folder before.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import rcssmin
import rjsmin

MINIFIERS: dict[str, Callable[[str], str]] = {
    ".js": rjsmin.jsmin,
    ".css": rcssmin.cssmin,
}


def minify_assets(custom_dir: Path, site_dir: Path) -> None:
    """Overwrite the built copy of each ``custom_dir/assets`` script and style sheet, minified."""
    for source in sorted((custom_dir / "assets").rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = site_dir / source.relative_to(custom_dir)
        if minify is None or not target.is_file():
            continue
        target.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")


def on_post_build(config: Any, **kwargs: Any) -> None:
    custom_dir = config.theme.custom_dir
    if custom_dir:
        minify_assets(Path(custom_dir), Path(config["site_dir"]))
