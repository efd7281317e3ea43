"""Schema validation and tree walks over the JSON model, for tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from typing import Any

import jsonschema


@cache
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("generator.schema").joinpath("model.schema.json").read_text())
    return jsonschema.Draft202012Validator(schema)


def validate(data: dict[str, Any]) -> None:
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def containers(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The tutorial, every section and subsection, every step and sub-step."""
    yield data

    def steps(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for step in items:
            yield step
            yield from steps(step["steps"])

    def sections(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for section in items:
            yield section
            for procedure in section["procedures"]:
                yield from steps(procedure["steps"])
            yield from sections(section.get("subsections", []))

    yield from sections(data["sections"])


def all_steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in containers(data) if "number" in c]


def strings(value: Any, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """Every string value in a JSON tree, except under keys in ``skip``."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip:
                yield from strings(item, skip)
