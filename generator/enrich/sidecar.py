"""Per-tutorial sidecars: ``<tutorial>.checklist.yml`` rules that enrich one tutorial.

Docs teams never edit an upstream tutorial, so a sidecar finds its steps by what they
say (a phrase, a bold label, a URL pattern) and never by number: renumbering upstream
does not break it. A rule that matches no step is reported as an error at the rule's
own line, so a team notices when an upstream edit made a rule stale.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic, GeneratorError
from generator.enrich.catalogue import Catalogue, Value, label_key, value_from_yaml
from generator.enrich.helpers import add_helper, own_text
from generator.enrich.store import CatalogueStore
from generator.enrich.values import value_node
from generator.model.inline import plain_text
from generator.model.nodes import Inline, Step

SIDECAR_SCHEMA = "sidecar.schema.json"
SUFFIX = ".checklist.yml"
_URL = re.compile(r"https?://[^\s\"“”‘’()\[\]]+")
_QUOTES = str.maketrans("“”‘’", "\"\"''")


@dataclass
class Rule:
    line: int
    text: str | None = None
    label: str | None = None
    url: str | None = None
    value: str | None = None
    helper: str | None = None
    skip: bool = False

    def describe(self) -> str:
        found = [
            f"{k} '{v}'" for k, v in (("text", self.text), ("label", self.label), ("url", self.url)) if v
        ]
        return ", ".join(found)


@dataclass
class Sidecar:
    file: str
    rules: list[Rule] = field(default_factory=list)
    values: dict[str, Value] = field(default_factory=dict)


def sidecar_path(tutorial_path: Path) -> Path:
    """``foo.md`` -> ``foo.checklist.yml`` beside it."""
    return tutorial_path.with_name(tutorial_path.stem + SUFFIX)


def _error(file: str, line: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(file, max(line, 1), 1, "error", code, message)


def load_sidecar(
    path: Path, catalogue: Catalogue, store: CatalogueStore
) -> tuple[Sidecar | None, Catalogue, list[Diagnostic]]:
    """The sidecar at ``path`` (``None`` when there is none), the catalogue with its values, problems."""
    if not path.is_file():
        return None, catalogue, []
    try:
        doc = store.document(path, SIDECAR_SCHEMA)
    except GeneratorError as exc:
        return None, catalogue, [_error(exc.file, exc.line, "sidecar-invalid", exc.message)]
    data = doc.data or {}
    sidecar = Sidecar(str(path))
    problems: list[Diagnostic] = []
    for name, raw in data.get("values", {}).items():
        value = value_from_yaml(name, raw, doc)
        if name in catalogue.values:
            problems.append(
                _error(
                    doc.file,
                    value.line,
                    "sidecar-invalid",
                    f"value '{name}' is already in the shared catalogue",
                )
            )
        else:
            sidecar.values[name] = value
    try:
        catalogue = catalogue.with_values(sidecar.values)
    except GeneratorError as exc:
        problems.append(_error(exc.file, exc.line, "sidecar-invalid", exc.message))
        sidecar.values = {}
    for index, raw in enumerate(data.get("rules", [])):
        rule = Rule(
            doc.line("rules", index),
            skip=bool(raw.get("skip")),
            value=raw.get("value"),
            helper=raw.get("helper"),
        )
        rule.text, rule.label, rule.url = (raw["match"].get(k) for k in ("text", "label", "url"))
        if rule.value and rule.value not in catalogue.values:
            problems.append(
                _error(doc.file, rule.line, "sidecar-invalid", f"rule names unknown value '{rule.value}'")
            )
            continue
        sidecar.rules.append(rule)
    return sidecar, catalogue, problems


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_QUOTES)).strip().casefold()


def matches(rule: Rule, step: Step) -> bool:
    """Whether every condition of ``rule`` holds for ``step``'s own text."""
    text = own_text(step)
    if rule.text and _normal(rule.text) not in _normal(text):
        return False
    if rule.label and label_key(rule.label) not in {label_key(x) for x in step.ui_labels}:
        return False
    urls = [u.rstrip(".,;:!?") for u in _URL.findall(text)]
    return not rule.url or any(fnmatch.fnmatchcase(u, rule.url) for u in urls)


def _insert_after_phrase(nodes: list[Inline], phrase: str, node: Inline) -> bool:
    pattern = re.compile(r"\s+".join(re.escape(word) for word in phrase.split()), re.I)
    for index, item in enumerate(nodes):
        found = pattern.search(item.text) if item.type == "text" else None
        if found:
            nodes[index : index + 1] = [
                Inline("text", item.text[: found.end()]),
                node,
                Inline("text", item.text[found.end() :]),
            ]
            return True
    return False


def _insert_after_label(nodes: list[Inline], label: str, node: Inline) -> bool:
    for index, item in enumerate(nodes):
        if item.type == "strong" and label_key(plain_text(item.children)) == label_key(label):
            nodes.insert(index + 1, node)
            return True
    return False


def add_value(step: Step, rule: Rule) -> None:
    """Show the rule's value in the step: after its label or phrase, else at the end."""
    assert rule.value is not None
    if any(n.type == "value" and n.attrs.get("value") == rule.value for n in step.inline):
        return
    node = value_node(rule.value, rule.label or rule.text or "")
    placed = (rule.label and _insert_after_label(step.inline, rule.label, node)) or (
        rule.text and _insert_after_phrase(step.inline, rule.text, node)
    )
    if not placed:
        step.inline.append(node)


def apply(rule: Rule, step: Step) -> None:
    """Carry out a value or helper rule on a matching step (skip rules act before detection)."""
    if rule.value:
        add_value(step, rule)
    if rule.helper:
        add_helper(step, rule.helper)


def stale(sidecar: Sidecar, matched: dict[int, int]) -> list[Diagnostic]:
    """An error for every rule that matched no step (``matched``: rule index -> count)."""
    return [
        _error(
            sidecar.file,
            rule.line,
            "sidecar-stale",
            f"rule matches no step ({rule.describe()}); has the tutorial changed?",
        )
        for index, rule in enumerate(sidecar.rules)
        if not matched.get(index)
    ]
