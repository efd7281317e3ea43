"""Search entries and the table of contents of a tutorial page, straight from the model.

mkdocs-material's search plugin would find them by parsing each page's HTML with Python's
HTMLParser, which costs more than rendering the page; the model already knows every
section and step, so tutorial pages are excluded from the plugin and carry these entries
instead (the site hook adds them to the index). Each step is its own entry, so a search
hit on a step's text lands on that step.
"""

from __future__ import annotations

from html import escape
from typing import Any

from generator.model.blocks import block_text
from generator.model.nodes import Block, Section, Tutorial
from generator.render.outline import StepPlace


def search_entries(tutorial: Tutorial, url: str, places: list[StepPlace]) -> list[dict[str, str]]:
    """The page, every section and subsection, and every step (``places``), as search index documents."""
    entries = [_entry(url, tutorial.title, tutorial.intro)]
    for section in _sections(tutorial.sections):
        entries.append(_entry(f"{url}#{section.id}", section.title, section.content))
    for place in places:
        title = f"{place.number}. {place.step.text}"
        entries.append(_entry(f"{url}#{place.step.id}", title, place.step.content))
    return entries


def toc_tokens(tutorial: Tutorial) -> list[dict[str, Any]]:
    """The right-hand table of contents: the top-level sections (mkdocs' token format)."""
    return [{"level": 2, "id": s.id, "name": escape(s.title), "children": []} for s in tutorial.sections]


def _entry(location: str, title: str, blocks: list[Block]) -> dict[str, str]:
    text = " ".join(filter(None, (block_text(block) for block in blocks)))
    return {"location": location, "title": escape(title), "text": escape(text)}


def _sections(sections: list[Section]) -> list[Section]:
    found: list[Section] = []
    for section in sections:
        found.append(section)
        found.extend(_sections(section.subsections))
    return found
