"""Incremental builds: a tutorial's rendered page, kept under a hash of everything it was made from.

An entry's key is a sha256 over the generator's own code (its version and every file of the
package), the page templates, the list of tutorials (links between them are rendered), the
shared catalogue, the tutorial's bytes and its sidecar. What a tutorial pulls in while it is
read and rendered (included files and screenshots, missing ones too) is recorded in its entry
with a hash and checked before the entry is used, so an entry is never used after one of them
changed. Unchanged tutorials are then neither read nor rendered.

Entries are JSON files under ``<cache>/pages/v1/``, written atomically; a damaged entry is a
miss, and deleting the folder only costs time. The bytes of every tutorial version built are
kept beside them (``sources/<sha256>``) so a later build can diff a changed tutorial against
the version readers last saw (:mod:`generator.site.manifest`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import generator
from generator.diagnostics import Diagnostic, GeneratorError
from generator.model.nodes import Block, Image, Section, Step, Tutorial
from generator.render.image_source import Resolver
from generator.render.pages import PageSource
from generator.render.tutorial import CatalogueEntry

_UNKNOWN = object()
CACHE_VERSION = "v3"  # bump when the entry format changes
PACKAGE = Path(generator.__file__).resolve().parent


@dataclass
class CacheStats:
    """What the build summary and its JSON report say about the cache."""

    tutorials: int = 0
    hits: int = 0  # neither read nor rendered
    misses: int = 0  # read, parsed and rendered again
    rendered: list[str] = field(default_factory=list)  # the page names of the misses
    previous_versions_read: int = 0  # earlier versions of changed tutorials, read to diff them

    def summary(self) -> str:
        text = f"cache: {self.hits} of {self.tutorials} tutorials unchanged, {self.misses} read and rendered"
        if self.previous_versions_read:
            count = self.previous_versions_read
            text += f", {count} earlier version{'s' if count > 1 else ''} read to diff"
        return text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def digest(*parts: bytes | str | None) -> str:
    """sha256 over ``parts``, each length-prefixed so no two lists of parts collide; ``None`` is "absent"."""
    hasher = hashlib.sha256()
    for part in parts:
        data = b"\x00absent" if part is None else part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def file_digest(path: Path) -> str | None:
    """The hash of a file's bytes, or ``None`` when there is no readable file."""
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def tree_digest(folder: Path, suffixes: tuple[str, ...] = ()) -> str:
    """One hash over every file under ``folder`` (names and bytes), optionally only some suffixes."""
    files = sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and (not suffixes or path.suffix in suffixes)
    )
    return digest(
        *(part for path in files for part in (path.relative_to(folder).as_posix(), path.read_bytes()))
    )


@functools.cache
def package_digest() -> str:
    """The generator's own code and version (read once per process: it does not change under it)."""
    return digest(generator.__version__, tree_digest(PACKAGE))


def build_digest(templates: Path, tutorials: list[str]) -> str:
    """What every page depends on: the generator's code, the page templates, the list of tutorials."""
    return digest(CACHE_VERSION, package_digest(), tree_digest(templates), *tutorials)


@dataclass
class RenderedTutorial:
    """A tutorial as the build uses it, fresh or from the cache.

    ``steps`` and ``update`` are its manifest record and the last-update record its page data
    was rendered with; ``images`` are re-queued on a cache hit so their files reach the docs
    folder; ``media`` are the files its page uses in the site (screenshots, placeholders, social
    card: paths in the site folder); ``source`` is the sha256 of the tutorial's bytes; ``deps``
    maps every file it pulled in to the hash of its bytes (``None``: it was looked for and not
    found). Once cached, the page's text (what mkdocs reads) is ``page_file`` and ``page`` keeps
    only its name and metadata.
    """

    page: PageSource
    entry: CatalogueEntry
    steps: list[dict[str, Any]]
    update: dict[str, Any]
    diagnostics: list[Diagnostic]
    images: list[Image]
    source: str
    deps: dict[str, str | None]
    media: list[str]
    page_file: Path | None = None

    def entry_json(self) -> dict[str, Any]:
        """The catalogue entry as JSON (the home and service pages are made from these)."""
        entry = _fields(self.entry)
        entry["updated"] = self.entry.updated.isoformat() if self.entry.updated else None
        return entry

    def to_json(self) -> dict[str, Any]:
        page = self.page
        return {
            "page": {"path": page.path, "title": page.title, "kind": page.kind, "meta": page.meta},
            "entry": self.entry_json(),
            "steps": self.steps,
            "update": self.update,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
            "images": [[i.src, i.alt, i.title, i.line] for i in self.images],
            "source": self.source,
            "deps": self.deps,
            "media": self.media,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RenderedTutorial:
        entry = dict(data["entry"])
        entry["updated"] = date.fromisoformat(entry["updated"]) if entry["updated"] else None
        return cls(
            page=PageSource(body="", **data["page"]),
            entry=CatalogueEntry(**entry),
            steps=data["steps"],
            update=data["update"],
            diagnostics=[Diagnostic(**d) for d in data["diagnostics"]],
            images=[Image(src, alt, title, line) for src, alt, title, line in data["images"]],
            source=data["source"],
            deps=data["deps"],
            media=data["media"],
        )


def _fields(record: Any) -> dict[str, Any]:
    """A flat dataclass's fields for ``json.dumps``, not deep-copied as ``asdict`` would (a page's
    search entries alone are hundreds of small dicts)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class PageCache:
    """Rendered tutorials and tutorial versions under ``<cache_dir>/pages/<version>/``.

    One instance serves one build, during which the source files are taken not to change: so
    the hash of a file many tutorials pull in (a shared screenshot, an include) and where an
    image reference points are worked out once per build, not once per tutorial.
    """

    def __init__(self, cache_dir: Path) -> None:
        self.root = cache_dir / "pages" / CACHE_VERSION
        self.stats = CacheStats()
        self._digests: dict[str, str | None] = {}
        self._folders: dict[str, frozenset[str] | None] = {}  # None: cannot be listed, open each file
        self._image_files: dict[tuple[str, Path, Path], str | None] = {}
        self._resolvers: dict[Path, Resolver] = {}

    def get(self, key: str) -> RenderedTutorial | None:
        """The entry under ``key`` if it is readable and every file it pulled in is unchanged."""
        try:
            rendered = RenderedTutorial.from_json(json.loads((self.root / f"{key}.json").read_text("utf-8")))
        except (OSError, ValueError, TypeError, KeyError):
            return None
        rendered.page_file = self.root / f"{key}.md"
        if not rendered.page_file.is_file():
            return None
        if not self.unchanged(rendered.deps):
            return None
        return rendered

    def unchanged(self, deps: dict[str, str | None]) -> bool:
        """Whether every file in ``deps`` (name -> hash, ``None``: absent) is still as recorded."""
        return all(self._digest(path) == known for path, known in deps.items())

    def dependencies(
        self, tutorial: Tutorial, images: list[Image], path: Path, source_root: Path
    ) -> dict[str, str | None]:
        """Every file besides the tutorial and its sidecar that its page is made from, with its hash.

        ``images`` are the tutorial's image references (``iter_images``); a missing screenshot
        counts too, so adding it later renders the page again.
        """
        files = {str(target) for target in _included(_blocks(tutorial), path)}
        folder = path.resolve().parent  # all that resolving a reference uses of the tutorial's path
        for image in images:
            found = self._image_file(image.src, path, folder, source_root)
            if found is not None:
                files.add(found)
        return {name: self._digest(name) for name in sorted(files)}

    def _image_file(self, src: str, path: Path, folder: Path, source_root: Path) -> str | None:
        key = (src, folder, source_root)
        if key not in self._image_files:
            resolver = self._resolvers.get(source_root)
            if resolver is None:
                resolver = self._resolvers[source_root] = Resolver(source_root)
            found = resolver.resolve(src, path).path
            self._image_files[key] = None if found is None else str(found)
        return self._image_files[key]

    def _digest(self, name: str) -> str | None:
        found = self._digests.get(name, _UNKNOWN)
        if found is _UNKNOWN:
            folder, base = os.path.split(name)
            listed = self._listing(folder or os.curdir)
            absent = listed is not None and base not in listed
            found = self._digests[name] = None if absent else file_digest(Path(name))
        return found  # type: ignore[return-value]

    def _listing(self, folder: str) -> frozenset[str] | None:
        """The names in ``folder`` (empty if it is missing), read once: most files a page pulls in
        and does not find are screenshots never added, and a listing answers for all of them."""
        if folder not in self._folders:
            try:
                self._folders[folder] = frozenset(os.listdir(folder or os.sep))
            except FileNotFoundError:
                self._folders[folder] = frozenset()
            except OSError:
                self._folders[folder] = None
        return self._folders[folder]

    def put(self, key: str, rendered: RenderedTutorial) -> RenderedTutorial:
        """Keep ``rendered``: its page text as ``<key>.md`` (linked into the docs folder as it is),
        the rest as ``<key>.json``; returns it with ``page_file`` set and the page text let go."""
        page_file = self.root / f"{key}.md"
        self._write(page_file, rendered.page.text().encode("utf-8"))
        text = json.dumps(rendered.to_json(), ensure_ascii=False)  # key order is page output order
        self._write(self.root / f"{key}.json", text.encode("utf-8"))
        return replace(rendered, page=replace(rendered.page, body="", site_meta={}), page_file=page_file)

    def keep_source(self, data: bytes) -> str:
        """Keep a tutorial version's bytes for later diffs; returns their sha256."""
        name = hashlib.sha256(data).hexdigest()
        path = self.root / "sources" / name
        if not path.is_file():
            self._write(path, data)
        return name

    def source(self, name: str) -> bytes | None:
        """A kept tutorial version, or ``None`` (never kept, or the cache was deleted)."""
        try:
            return (self.root / "sources" / name).read_bytes()
        except (OSError, ValueError):
            return None

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, path)
        except OSError as exc:
            raise GeneratorError(str(path), 1, f"cannot write the build cache: {exc}") from exc


def _blocks(tutorial: Tutorial) -> Iterator[Block]:
    """The tutorial's top-level blocks: its intro and the content of every section, procedure step
    and subsection (blocks nested in these are reached through them)."""
    yield from tutorial.intro
    for section in tutorial.sections:
        yield from _section_blocks(section)


def _section_blocks(section: Section) -> Iterator[Block]:
    yield from section.content
    for procedure in section.procedures:
        yield from _step_blocks(procedure.steps)
    for subsection in section.subsections:
        yield from _section_blocks(subsection)


def _step_blocks(steps: list[Step]) -> Iterator[Block]:
    for step in steps:
        yield from step.content
        yield from _step_blocks(step.steps)


def _included(blocks: Iterator[Block] | list[Block], base: Path) -> Iterator[Path]:
    """Included files, each resolved against the file that includes it (includes nest)."""
    for block in blocks:
        include = block.include
        if include and _relative(include.path):
            target = (base.parent / include.path).resolve()
            yield target
            yield from _included(include.content, target)
        for item in block.items:
            yield from _included(item, base)
        yield from _included(block.blocks, base)
        if block.callout:
            yield from _included(block.callout.content, base)
        for tab in block.tabs:
            yield from _included(tab.blocks, base)


def _relative(path: str) -> bool:
    return bool(path) and "://" not in path and not path.startswith(("/", "\\"))
