"""``sources.yml``: which upstream URL keeps which local tutorial up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.enrich.yamlfile import load_yaml

SOURCES_FILE = "sources.yml"
SCHEMA = "sources.schema.json"


@dataclass(frozen=True)
class Upstream:
    url: str
    name: str  # as written in sources.yml, relative to its folder
    path: Path
    dialect: str | None
    config: Path
    line: int

    def where(self) -> str:
        """``sources.yml:LINE``, so a report points at the entry to fix."""
        return f"{self.config}:{self.line}"


def load_sources(folder: Path) -> list[Upstream]:
    """The entries of ``folder/sources.yml``; raises :class:`GeneratorError` with the line of a bad one."""
    config = folder / SOURCES_FILE
    doc = load_yaml(config, SCHEMA)
    root = folder.resolve()
    found: list[Upstream] = []
    seen: dict[Path, int] = {}
    for index, item in enumerate(doc.data["sources"]):
        line = doc.line("sources", index)
        path = (root / item["file"]).resolve()
        if not path.is_relative_to(root):
            raise GeneratorError(str(config), line, f"file '{item['file']}' is outside {folder}")
        if path in seen:
            raise GeneratorError(
                str(config), line, f"file '{item['file']}' is already synced on line {seen[path]}"
            )
        seen[path] = line
        found.append(Upstream(item["url"], item["file"], path, item.get("dialect"), config, line))
    return found
