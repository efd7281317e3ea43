"""read -> parse -> model for one file: the entry point every command uses.

Includes are resolved here, relative to the including file, by running the same
pipeline on the included file (depth-limited, cycles refused, never outside ``root``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model.build import build
from generator.model.nodes import Include, Tutorial
from generator.parse import parse
from generator.read import read_bytes
from generator.read.source import Source

MAX_INCLUDE_DEPTH = 4


@dataclass
class Loaded:
    tutorial: Tutorial
    source: Source
    diagnostics: Diagnostics


def load(path: str | Path, dialect: str | None = None, root: str | Path | None = None) -> Loaded:
    path = Path(path)
    return load_bytes(path.read_bytes(), path, dialect, root)


def load_bytes(
    data: bytes, path: str | Path, dialect: str | None = None, root: str | Path | None = None
) -> Loaded:
    path = Path(path)
    source = read_bytes(data, str(path), dialect)
    resolver = _Includes(path, Path(root) if root else path.parent, source.diagnostics, (path.resolve(),))
    tutorial = build(source, parse(source), resolver)
    return Loaded(tutorial, source, source.diagnostics)


class _Includes:
    """Resolves ``[!INCLUDE [name](path)]`` for one file."""

    def __init__(self, path: Path, root: Path, diags: Diagnostics, chain: tuple[Path, ...]) -> None:
        self.path, self.root, self.diags, self.chain = path, root, diags, chain

    def __call__(self, name: str, target: str, line: int) -> Include:
        include = Include(name, target, False, line)
        if not target or "://" in target or target.startswith(("/", "\\")):
            self.diags.warning(
                "unresolved-include", f"include '{target}' is not a relative file path; kept unresolved", line
            )
            return include
        candidate = (self.path.parent / target).resolve()
        root = self.root.resolve()
        if not candidate.is_relative_to(root):
            self.diags.warning(
                "unresolved-include",
                f"include '{target}' points outside the source folder; kept unresolved",
                line,
            )
            return include
        if not candidate.is_file():
            self.diags.warning("unresolved-include", f"include '{target}' not found; kept unresolved", line)
            return include
        if candidate in self.chain or len(self.chain) > MAX_INCLUDE_DEPTH:
            self.diags.error(
                "include-cycle", f"include '{target}' would include itself or nest too deeply", line
            )
            return include
        source = read_bytes(
            candidate.read_bytes(), str(candidate), "modern" if target.endswith(".md") else None
        )
        for item in source.diagnostics.items:
            self.diags.items.append(item)
        nested = _Includes(candidate, self.root, self.diags, (*self.chain, candidate))
        included = build(source, parse(source), nested)
        include.resolved = True
        include.content = included.intro + [b for s in included.sections for b in s.content]
        return include
