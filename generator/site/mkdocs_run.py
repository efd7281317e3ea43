"""Run mkdocs (Python API) with strict semantics and report its warnings with file and line.

mkdocs only knows the generated docs folder, so a warning that names a generated page is
reported against the tutorial it came from (line 1: mkdocs does not know source lines).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import GeneratorError

if TYPE_CHECKING:  # mkdocs is imported when it runs: a patched rebuild never runs it
    from mkdocs.plugins import BasePlugin

_DOC_FILE = re.compile(r"'([^']+\.md)'")


class MkdocsFailed(GeneratorError):
    """mkdocs warned or failed; ``problems`` are (file, message) pairs, the first one raised."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][0], 1, problems[0][1])
        self.problems = problems

    def lines(self) -> list[str]:
        return [f"{file}:1: {message}" for file, message in self.problems]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def run_mkdocs(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    sources: dict[str, Path],
    plugins: Mapping[str, BasePlugin] | None = None,
    **overrides: Any,
) -> None:
    """Build ``docs_dir`` into ``site_dir``; any mkdocs warning fails the build.

    ``sources`` maps docs-relative page paths to the tutorial files they were made from.
    ``plugins`` run after those of the config file (``build --offline`` adds one).
    ``overrides`` are further mkdocs config options (``nav``, ``site_url``...).
    """
    from mkdocs.commands.build import build as mkdocs_build  # see TYPE_CHECKING above
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        options = {key: value for key, value in overrides.items() if value is not None}
        config = load_config(
            str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir), strict=True, **options
        )
        for name, plugin in (plugins or {}).items():
            config.plugins[name] = plugin
        mkdocs_build(config)
    except MkDocsException as exc:
        problems = _problems(collect.records, config_file, sources) or [(str(config_file), str(exc))]
        raise MkdocsFailed(problems) from exc
    finally:
        logger.removeHandler(collect)


def _problems(
    records: list[logging.LogRecord], config_file: Path, sources: dict[str, Path]
) -> list[tuple[str, str]]:
    problems = []
    for record in records:
        message = record.getMessage()
        match = _DOC_FILE.search(message)
        origin = sources.get(match.group(1)) if match else None
        problems.append((str(origin or config_file), f"mkdocs {record.levelname.lower()}: {message}"))
    return problems
