"""The shared catalogue: region families, values and validators from ``source_docs/_data/*.yml``.

Data, not code: adding a SaaS app's regions or a new value is a YAML edit. Everything
that can be wrong with the data is caught here, with the file and line, because a
mistake would otherwise only show as a wrong URL on somebody's screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.diagnostics import GeneratorError
from generator.enrich.yamlfile import YamlDoc, load_yaml

CATALOGUE_SCHEMA = "catalogue.schema.json"
TEMPLATE_REF = re.compile(r"\{([a-z][a-z0-9_]*|[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*)\}")
DEFAULT_VALIDATOR = "text"


_NOT_KEY = re.compile(r"[^a-z0-9]")
_SPACES = re.compile(r"\s+")


def token_key(token: str) -> str:
    """``<Tenant-Name>``, ``{tenant_name}`` and ``<tenantname>`` are the same placeholder."""
    return _NOT_KEY.sub("", token.lower())


def label_key(label: str) -> str:
    """Labels match ignoring case, spacing and a trailing colon."""
    return _SPACES.sub(" ", label).strip().rstrip(":").strip().casefold()


@dataclass(frozen=True)
class Region:
    id: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    id: str
    label: str
    urls: dict[str, str]
    line: int = 0


@dataclass(frozen=True)
class Family:
    id: str
    label: str
    help: str
    regions: dict[str, Region]
    kinds: dict[str, Kind]
    file: str = ""


@dataclass(frozen=True)
class Validator:
    name: str
    pattern: str
    message: str
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class Value:
    name: str
    label: str
    sharing: str
    help: str = ""
    validator: str | None = None
    template: str | None = None
    example: str | None = None
    labels: tuple[str, ...] = ()
    placeholders: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @property
    def derived(self) -> bool:
        return self.template is not None

    def references(self) -> list[str]:
        """Names this value's template uses: values (``tenant_id``) and region URLs (``mimecast.api``)."""
        return TEMPLATE_REF.findall(self.template or "")


@dataclass
class Catalogue:
    families: dict[str, Family] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)
    validators: dict[str, Validator] = field(default_factory=dict)

    _index: tuple[int, dict[str, Value], dict[str, Value]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _lookup(self) -> tuple[dict[str, Value], dict[str, Value]]:
        """{label key: value} and {token key: value}, first value wins; rebuilt when values are added
        (a loaded catalogue is never edited, only grown while loading)."""
        if self._index is None or self._index[0] != len(self.values):
            labels: dict[str, Value] = {}
            tokens: dict[str, Value] = {}
            for value in self.values.values():
                for label in value.labels:
                    labels.setdefault(label_key(label), value)
                for token in value.placeholders:
                    tokens.setdefault(token_key(token), value)
            self._index = (len(self.values), labels, tokens)
        return self._index[1], self._index[2]

    def value_for_label(self, label: str) -> Value | None:
        return self._lookup()[0].get(label_key(label))

    def value_for_token(self, token: str) -> Value | None:
        return self._lookup()[1].get(token_key(token))

    def with_values(self, extra: dict[str, Value]) -> Catalogue:
        """This catalogue plus a tutorial's own values (checked like the shared ones)."""
        merged = replace(self, values={**self.values, **extra})
        check(merged, only=set(extra))
        return merged


def _family(fid: str, raw: dict, doc: YamlDoc) -> Family:
    regions = {rid: Region(rid, r["label"], tuple(r.get("aliases", ()))) for rid, r in raw["regions"].items()}
    kinds = {}
    for kid, k in raw["kinds"].items():
        for rid in k["urls"]:
            if rid not in regions:
                line = doc.line("families", fid, "kinds", kid, "urls", rid)
                raise GeneratorError(
                    doc.file, line, f"kind '{kid}' of family '{fid}' names unknown region '{rid}'"
                )
        urls = {rid: url.rstrip("/") for rid, url in k["urls"].items()}
        kinds[kid] = Kind(kid, k["label"], urls, doc.line("families", fid, "kinds", kid))
    names = [a for r in regions.values() for a in (r.id, *r.aliases)]
    for name in names:
        if names.count(name) > 1:
            raise GeneratorError(
                doc.file,
                doc.line("families", fid, "regions"),
                f"region id or alias '{name}' used twice in '{fid}'",
            )
    return Family(fid, raw["label"], raw.get("help", ""), regions, kinds, doc.file)


def value_from_yaml(name: str, raw: dict, doc: YamlDoc, where: tuple[str, ...] = ("values",)) -> Value:
    """A :class:`Value` from its YAML mapping (catalogue or sidecar)."""
    return Value(
        name=name,
        label=raw["label"],
        sharing=raw["sharing"],
        help=raw.get("help", ""),
        validator=None if "template" in raw else raw.get("validator", DEFAULT_VALIDATOR),
        template=raw.get("template"),
        example=raw.get("example"),
        labels=tuple(raw.get("labels", ())),
        placeholders=tuple(raw.get("placeholders", ())),
        file=doc.file,
        line=doc.line(*where, name),
    )


def _fail(value: Value, message: str) -> GeneratorError:
    return GeneratorError(value.file, value.line, f"value '{value.name}': {message}")


def _check_value(cat: Catalogue, value: Value) -> None:
    if value.validator is not None:
        validator = cat.validators.get(value.validator)
        if validator is None:
            raise _fail(value, f"unknown validator '{value.validator}'")
        if value.example is not None and not re.search(validator.pattern, value.example):
            raise _fail(value, f"example '{value.example}' fails validator '{value.validator}'")
    for ref in value.references():
        family, _, kind = ref.partition(".")
        if kind and kind not in getattr(cat.families.get(family), "kinds", {}):
            raise _fail(value, f"template uses unknown region URL '{{{ref}}}'")
        if not kind and ref not in cat.values:
            raise _fail(value, f"template uses unknown value '{{{ref}}}'")
    for other in cat.values.values():
        if other.name == value.name:
            continue
        if {token_key(t) for t in value.placeholders} & {token_key(t) for t in other.placeholders}:
            raise _fail(value, f"shares a placeholder with value '{other.name}'")
        if {label_key(t) for t in value.labels} & {label_key(t) for t in other.labels}:
            raise _fail(value, f"shares a label with value '{other.name}'")


def _check_cycles(cat: Catalogue, value: Value, chain: tuple[str, ...] = ()) -> None:
    if value.name in chain:
        raise _fail(value, "template refers back to itself: " + " -> ".join((*chain, value.name)))
    for ref in value.references():
        if ref in cat.values:
            _check_cycles(cat, cat.values[ref], (*chain, value.name))


def check(cat: Catalogue, only: set[str] | None = None) -> None:
    """Raise on the first inconsistent value (all values, or those named in ``only``)."""
    for validator in cat.validators.values():
        try:
            re.compile(validator.pattern)
        except re.error as exc:
            raise GeneratorError(
                validator.file, validator.line, f"validator '{validator.name}': bad pattern: {exc}"
            ) from exc
    for value in cat.values.values():
        if only is None or value.name in only:
            _check_value(cat, value)
            _check_cycles(cat, value)


def _add(target: dict, name: str, item: object, doc: YamlDoc, path: tuple[str, ...], what: str) -> None:
    if name in target:
        raise GeneratorError(
            doc.file, doc.line(*path, name), f"{what} '{name}' is defined in more than one catalogue file"
        )
    target[name] = item


def catalogue_files(data_dir: Path) -> list[Path]:
    """The files a catalogue is loaded from, in the order they are merged."""
    return sorted(data_dir.glob("*.yml"))


def load_catalogue(data_dir: Path) -> Catalogue:
    """Merge every ``*.yml`` in ``data_dir``; raise :class:`GeneratorError` (file, line) on any problem."""
    cat = Catalogue()
    for path in catalogue_files(data_dir):
        doc = load_yaml(path, CATALOGUE_SCHEMA)
        data = doc.data or {}
        for fid, raw in data.get("families", {}).items():
            _add(cat.families, fid, _family(fid, raw, doc), doc, ("families",), "family")
        for name, raw in data.get("values", {}).items():
            _add(cat.values, name, value_from_yaml(name, raw, doc), doc, ("values",), "value")
        for name, raw in data.get("validators", {}).items():
            validator = Validator(
                name, raw["pattern"], raw["message"], doc.file, doc.line("validators", name)
            )
            _add(cat.validators, name, validator, doc, ("validators",), "validator")
    _check_urls(cat)
    check(cat)
    return cat


def _check_urls(cat: Catalogue) -> None:
    seen: dict[str, str] = {}
    for family in cat.families.values():
        for kind in family.kinds.values():
            for rid, url in kind.urls.items():
                key = url.split("://", 1)[1].lower()
                where = f"{family.id}.{kind.id}.{rid}"
                if key in seen:
                    raise GeneratorError(family.file, kind.line, f"URL {url} is both {seen[key]} and {where}")
                seen[key] = where
