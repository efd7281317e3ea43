"""The theme's templates, compiled once and kept in the build cache for the next builds.

mkdocs gives the theme a Jinja environment without a bytecode cache, so every build compiles
mkdocs-material's eighty-odd templates again (a few tenths of a second). This plugin, added to
every build (:func:`generator.site.build.build_site`), gives it Jinja's own file cache, whose
entries are keyed by the template's name and checked against its source, so an edited or
upgraded template is compiled afresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.plugins import BasePlugin, event_priority


class CompiledTemplates(BasePlugin):  # type: ignore[type-arg]
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @event_priority(100)  # before the site hooks derive their environments from this one
    def on_env(self, env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env  # compiling every time only costs time
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(self.folder))
        return env
