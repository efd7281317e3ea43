"""YAML data files read with their line numbers, checked against a JSON Schema.

Docs teams edit these files by hand, so every problem must point at a line: PyYAML's
plain ``safe_load`` forgets where things were and silently keeps the last of two
duplicate keys, so the node tree is walked here instead and each value's line kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from generator.diagnostics import GeneratorError

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"

Path_ = tuple[str | int, ...]


@dataclass
class YamlDoc:
    """A parsed data file: ``data`` plus the 1-based line of every value by its path."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, *path: str | int) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


def _build(loader: yaml.SafeLoader, node: yaml.Node, path: Path_, doc: YamlDoc) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise GeneratorError(doc.file, key_node.start_mark.line + 1, f"duplicate key '{key}'")
            out[key] = _build(loader, value_node, (*path, key), doc)
            doc.lines[(*path, key)] = key_node.start_mark.line + 1  # point at the key, not below it
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*path, i), doc) for i, item in enumerate(node.value)]
    return loader.construct_object(node)


def parse_yaml(text: str, file: str) -> YamlDoc:
    """Parse one YAML document keeping lines; raise :class:`GeneratorError` on bad YAML."""
    doc = YamlDoc(file, None)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        doc.data = {} if node is None else _build(loader, node, (), doc)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise GeneratorError(file, line, f"invalid YAML: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise GeneratorError(file, 1, f"invalid YAML: {exc}") from exc
    finally:
        loader.dispose()
    return doc


def _schema(name: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


@cache
def _validator(schema_name: str) -> Draft202012Validator:
    """A validator that resolves references between the data schemas by file name.

    jsonschema is imported here, not at the top: it costs a process about 45 ms, which only
    a process that validates a data file need pay. The schemas ship with the package, so
    their own validity is a test's concern (checking it here cost every such process 15 ms).
    """
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schema = _schema(schema_name)
    base = schema["$id"].rsplit("/", 1)[0]
    registry: Registry = Registry()
    for path in SCHEMA_DIR.glob("*.schema.json"):
        registry = registry.with_resource(f"{base}/{path.name}", Resource.from_contents(_schema(path.name)))
    return Draft202012Validator(schema, registry=registry)


def schema_errors(doc: YamlDoc, schema_name: str) -> list[tuple[int, str]]:
    """(line, message) for every place ``doc`` breaks the schema, in file order."""
    found = []
    for error in _validator(schema_name).iter_errors(doc.data):
        where = "/".join(str(p) for p in error.absolute_path) or "top level"
        found.append((doc.line(*error.absolute_path), f"{where}: {error.message}"))
    return sorted(found)


def load_yaml(path: Path, schema_name: str) -> YamlDoc:
    """Read and schema-check a data file; the first problem raises with its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GeneratorError(str(path), 1, f"cannot read data file: {exc}") from exc
    doc = parse_yaml(text, str(path))
    errors = schema_errors(doc, schema_name)
    if errors:
        line, message = errors[0]
        raise GeneratorError(str(path), line, f"does not match {schema_name}: {message}")
    return doc
