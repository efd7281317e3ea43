"""The Jinja2 environment for page templates in ``templates/``.

Autoescaping is on: templates print model text as is, and only the renderers' output
(already escaped and sanitised, marked ``Markup``) goes in unescaped. Optional render
extensions (modules that call :func:`register_inline` or :func:`register_page_data`) are
imported here so they take part as soon as they exist.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

import jinja2

from generator.render.blocks import render_blocks, render_callout
from generator.render.inline import render_inlines
from generator.render.page_data import json_text
from generator.render.steps import progress, render_section

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
TEMPLATES = PROJECT_ROOT / "templates"
EXTENSIONS = ("generator.render.enriched",)


def load_extensions() -> None:
    """Import the optional render extensions that are present."""
    for name in EXTENSIONS:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """The shared environment; templates are read once (``environment.cache_clear()`` re-reads them)."""
    load_extensions()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.globals.update(
        render_blocks=render_blocks,
        render_inlines=render_inlines,
        render_callout=render_callout,
        render_section=render_section,
        progress=progress,
    )
    env.filters["json_text"] = json_text
    return env


def keep_compiled(cache_dir: Path) -> None:
    """Keep the shared environment's compiled templates in the build cache for later processes
    (Jinja's file cache checks each against its template's source): a rebuild that renders one
    page would otherwise spend more compiling its templates than rendering it."""
    folder = cache_dir / "page-templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return  # compiling every time only costs time
    environment().bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
