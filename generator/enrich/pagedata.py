"""The page's share of ``tc-page-data``: what regions.js and values.js need, and no more.

Only what the enriched tutorial refers to goes in (its region families, the values its
steps show, the values those are derived from, their validators), so each page's panel
asks for exactly the inputs that page uses. The same dict feeds the values panel template.
"""

from __future__ import annotations

from typing import Any

from generator.enrich.apply import EnrichData
from generator.enrich.catalogue import Catalogue, Value
from generator.enrich.placeholders import auto_value
from generator.enrich.spots import code_blocks, spots
from generator.model.inline import walk
from generator.model.nodes import Tutorial


def _references(tutorial: Tutorial) -> tuple[list[str], dict[str, str], list[str]]:
    """(families, {token: value name}, value names) the enriched tutorial uses, in page order."""
    families: list[str] = []
    tokens: dict[str, str] = {}
    names: list[str] = []
    for spot in spots(tutorial):
        for node in walk(spot.nodes):
            if node.type == "region":
                families.append(node.attrs["family"])
            if node.type in ("region", "placeholder"):
                tokens.update(node.attrs.get("values", {}))
            if node.type == "value":
                names.append(node.attrs["value"])
    for block, _ in code_blocks(tutorial):
        tokens.update(block.attrs.get("placeholders", {}))
    return list(dict.fromkeys(families)), tokens, list(dict.fromkeys([*tokens.values(), *names]))


def _closure(
    catalogue: Catalogue, names: list[str], tokens: dict[str, str]
) -> tuple[dict[str, Value], list[str]]:
    """Every value needed (with what templates use) and the region families templates use."""
    by_token = {name: token for token, name in tokens.items()}
    needed: dict[str, Value] = {}
    families: list[str] = []
    pending = list(names)
    while pending:
        name = pending.pop(0)
        if name in needed:
            continue
        value = catalogue.values.get(name) or auto_value(by_token[name], catalogue)
        needed[name] = value
        for ref in value.references():
            family, _, kind = ref.partition(".")
            if kind:
                families.append(family)
            else:
                pending.append(ref)
    order = list(catalogue.values)
    ranked = sorted(
        needed.values(), key=lambda v: (v.derived, order.index(v.name) if v.name in order else len(order))
    )
    return {v.name: v for v in ranked}, families


def page_data(tutorial: Tutorial, data: EnrichData) -> dict[str, Any]:
    """JSON-able dict for the page (empty when the tutorial has nothing to enrich).

    Keys: ``regions`` (families by id), ``values`` (by name; base values first),
    ``validators`` and ``placeholders`` (token -> value name). values.js keeps the admin's
    values under ``values:<page data "tutorial">`` in ``TC.store``.
    """
    catalogue = data.catalogue
    families, tokens, names = _references(tutorial)
    values, template_families = _closure(catalogue, names, tokens)
    families = list(dict.fromkeys([*families, *template_families]))
    if not families and not values:
        return {}
    validators = {v.validator for v in values.values() if v.validator}
    return {
        "regions": {fid: _family(catalogue, fid) for fid in families},
        "values": {name: _value(v) for name, v in values.items()},
        "validators": {
            name: {
                "pattern": catalogue.validators[name].pattern,
                "message": catalogue.validators[name].message,
            }
            for name in sorted(validators)
            if name in catalogue.validators
        },
        "placeholders": tokens,
    }


def _family(catalogue: Catalogue, fid: str) -> dict[str, Any]:
    family = catalogue.families[fid]
    return {
        "label": family.label,
        "help": family.help,
        "regions": [
            {"id": r.id, "label": r.label, "aliases": list(r.aliases)} for r in family.regions.values()
        ],
        "kinds": {k.id: {"label": k.label, "urls": dict(k.urls)} for k in family.kinds.values()},
    }


def _value(value: Value) -> dict[str, Any]:
    """Base values have a ``validator``, derived ones a ``template``; the other key is null."""
    return {
        "label": value.label,
        "help": value.help,
        "sharing": value.sharing,
        "validator": value.validator,
        "template": value.template,
    }
