"""Shared catalogues and sidecars loaded once per process, and kept in the build cache for the next ones.

Loading a catalogue folder cost every build process about 65 ms (importing jsonschema ~45 ms,
parsing the YAML with its lines, checking it), twice per rendered tutorial before a memo caught
the second; a sidecar was parsed and checked twice per rendered tutorial. What loading gives
depends only on the files' names and bytes and the generator's code, so it is kept under a hash of
these: in memory for the process (so a ``serve`` process loads a file again once it changed,
whatever its date says), and with a cache folder also as JSON there, so a rebuild whose catalogue
and sidecars did not change neither parses their YAML nor imports jsonschema. A broken file is kept
too, as its error (file, line, message), and raised as loading it would raise. A damaged entry is
a miss: the files are loaded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TypeVar

from generator.diagnostics import GeneratorError
from generator.enrich.catalogue import (
    Catalogue,
    Family,
    Kind,
    Region,
    Validator,
    Value,
    catalogue_files,
    load_catalogue,
)
from generator.enrich.yamlfile import YamlDoc, load_yaml

FORMAT = "1"  # bump when an entry's shape changes

Key = tuple[str, str, str]  # (what: "catalogue" or a schema, folder or file, hash of the files' bytes)
Loaded = Catalogue | YamlDoc | GeneratorError
_loaded: dict[Key, Loaded] = {}  # what loading gave, for the process
T = TypeVar("T", Catalogue, YamlDoc)


class CatalogueStore:
    """Catalogues and checked data files by content; with ``folder``, also kept there as JSON for later
    processes.

    ``version`` names the code that loads them (the build passes the generator's package digest),
    so an entry written by other code is never read.
    """

    def __init__(self, folder: Path | None = None, version: str = "") -> None:
        self.folder = folder
        self.version = version

    def catalogue(self, data_dir: Path) -> Catalogue:
        """The catalogue in ``data_dir``, or its :class:`GeneratorError`, as :func:`load_catalogue` gives."""
        return self._kept("catalogue", data_dir, catalogue_files(data_dir), Catalogue, load_catalogue)

    def document(self, path: Path, schema_name: str) -> YamlDoc:
        """The data file at ``path``, checked against its schema, as :func:`load_yaml` gives."""
        return self._kept(schema_name, path, [path], YamlDoc, lambda file: load_yaml(file, schema_name))

    def _kept(self, what: str, where: Path, files: list[Path], kind: type[T], load: Callable[[Path], T]) -> T:
        content = _content(files)
        if content is None:  # a file that cannot be read: loading says which
            return load(where)
        key = (what, str(where), content)
        if key not in _loaded:
            found = self._read(key)
            if not isinstance(found, (kind, GeneratorError)):  # not kept, or damaged into something else
                found = self._load(key, where, load)
            _loaded[key] = found
        found = _loaded[key]
        if isinstance(found, GeneratorError):
            raise GeneratorError(found.file, found.line, found.message)
        assert isinstance(found, kind)
        return found

    def _entry(self, key: Key) -> Path | None:
        if self.folder is None:
            return None
        name = hashlib.sha256("\0".join((FORMAT, self.version, *key)).encode()).hexdigest()
        return self.folder / f"{name}.json"

    def _read(self, key: Key) -> Loaded | None:
        entry = self._entry(key)
        if entry is None:
            return None
        try:
            return _from_json(json.loads(entry.read_bytes()))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def _load(self, key: Key, where: Path, load: Callable[[Path], T]) -> Loaded:
        loaded: Loaded
        try:
            loaded = load(where)
        except GeneratorError as exc:
            loaded = GeneratorError(exc.file, exc.line, exc.message)  # without the traceback's frames
        entry = self._entry(key)
        if entry is not None:
            _write(entry, loaded)
        return loaded


def _content(files: list[Path]) -> str | None:
    """A hash of the names and bytes of ``files``; ``None``: one cannot be read."""
    hasher = hashlib.sha256()
    try:
        for path in files:
            data = path.read_bytes()
            hasher.update(f"{path.name}\0{len(data)}\0".encode())
            hasher.update(data)
    except OSError:
        return None
    return hasher.hexdigest()


def _write(entry: Path, loaded: Loaded) -> None:
    """Keep ``loaded`` in ``entry``, atomically; a failure only loses the saving (the build's page
    cache reports a cache folder it cannot write)."""
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        text = json.dumps(_to_json(loaded), ensure_ascii=False)
        entry.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, entry)
    except (OSError, TypeError, ValueError):
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def _to_json(loaded: Loaded) -> dict[str, Any]:
    if isinstance(loaded, GeneratorError):
        return {"error": [loaded.file, loaded.line, loaded.message]}
    if isinstance(loaded, YamlDoc):
        return {"file": loaded.file, "data": loaded.data, "lines": [[*p, n] for p, n in loaded.lines.items()]}
    return {
        "families": [asdict(family) for family in loaded.families.values()],
        "values": [asdict(value) for value in loaded.values.values()],
        "validators": [asdict(validator) for validator in loaded.validators.values()],
    }


def _from_json(data: dict[str, Any]) -> Loaded:
    """What :func:`_to_json` wrote: every item is keyed by its own id, lists are tuples again."""
    if "error" in data:
        file, line, message = data["error"]
        return GeneratorError(file, line, message)
    if "lines" in data:
        return YamlDoc(data["file"], data["data"], {tuple(p[:-1]): p[-1] for p in data["lines"]})
    families = {}
    for raw in data["families"]:
        regions = {r["id"]: Region(**{**r, "aliases": tuple(r["aliases"])}) for r in raw["regions"].values()}
        kinds = {k["id"]: Kind(**k) for k in raw["kinds"].values()}
        families[raw["id"]] = Family(**{**raw, "regions": regions, "kinds": kinds})
    values = {
        v["name"]: Value(**{**v, "labels": tuple(v["labels"]), "placeholders": tuple(v["placeholders"])})
        for v in data["values"]
    }
    validators = {v["name"]: Validator(**v) for v in data["validators"]}
    return Catalogue(families, values, validators)
