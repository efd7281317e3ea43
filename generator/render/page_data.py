"""The JSON a tutorial page carries for its scripts (``<template id="tc-page-data">``).

The checklist reads the steps from it; other features add their own keys through
:func:`register_page_data` (regions and values from the enrich stage, for example), so
the page template never needs to know about them. The build adds ``updates``, the
tutorial's last update (:mod:`generator.site.manifest`), through ``RenderContext.page_data``.
Scripts read it with ``TC.pageData()``.

It is a ``<template>``, not a ``<script type="application/json">``: mkdocs-material's
instant navigation re-creates every script in the new page without its attributes, which
would run the JSON as JavaScript and lose its id.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from markupsafe import Markup

from generator.model.nodes import Tutorial
from generator.render.outline import StepPlace

PageDataHook = Callable[[Tutorial, dict[str, Any]], None]
PAGE_DATA_HOOKS: list[PageDataHook] = []
VERSION = 1


def register_page_data(hook: PageDataHook) -> None:
    """Call ``hook(tutorial, data)`` for every tutorial page; it may add keys to ``data``."""
    if hook not in PAGE_DATA_HOOKS:
        PAGE_DATA_HOOKS.append(hook)


def page_data(tutorial: Tutorial, key: str, places: list[StepPlace]) -> dict[str, Any]:
    """``tutorial`` (storage key), ``title``, ``sections``, ``steps`` in page order (``places``, see
    :func:`generator.render.outline.step_places`), and hooks' keys."""
    data: dict[str, Any] = {
        "version": VERSION,
        "tutorial": key,
        "title": tutorial.title,
        "sections": [{"id": s.id, "title": s.title} for s in tutorial.sections],
        "steps": [
            {
                "id": place.step.id,
                "parent": place.parent,
                "number": place.number,
                "section": place.section,
                "fingerprint": place.step.fingerprint,
                "text": place.step.text,
            }
            for place in places
        ],
    }
    for hook in PAGE_DATA_HOOKS:
        hook(tutorial, data)
    return data


def json_text(data: Any) -> Markup:
    """JSON safe as the text of an HTML element: no ``<``, ``>`` or ``&``, so no markup or entity."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
