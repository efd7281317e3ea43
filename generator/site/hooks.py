"""mkdocs hooks for generated pages (listed under ``hooks:`` in mkdocs.yml).

Generated pages (front matter ``tc_page``) already have an HTML body, so Python-Markdown
is skipped for them: the body is taken aside before conversion and put back after. What
Markdown would have produced on the way is rebuilt from the page data the body carries:
the table of contents (one entry per section) and, for search, one entry per step, so a
search hit on a step's text lands on that step (``page/#step-id``). Step labels are marked
``data-search-exclude`` so their text is indexed once, in the step's own entry.
"""

from __future__ import annotations

import json
import os
from html import escape
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc

PAGE_DATA_START = '<template id="tc-page-data" data-search-exclude="true">'
PAGE_DATA_END = "</template>"
SEARCH_INDEX = os.path.join("search", "search_index.json")

_step_entries: list[dict[str, str]] = []


def on_pre_build(config: Any, **kwargs: Any) -> None:
    _step_entries.clear()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    if not page.meta.get("tc_page"):
        return markdown
    page.tc_html = markdown
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    body = getattr(page, "tc_html", None)
    if body is None:
        return html
    data = page_data(body)
    if data is not None:
        page.toc = get_toc(toc_tokens(data))
        if not (page.meta.get("search") or {}).get("exclude"):
            _step_entries.extend(search_entries(data, page.url))
    return body


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: Any, **kwargs: Any) -> None:
    path = os.path.join(config["site_dir"], SEARCH_INDEX)
    if not _step_entries or not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        index = json.load(handle)
    index["docs"].extend(_step_entries)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, separators=(",", ":"))


def page_data(body: str) -> dict[str, Any] | None:
    """The JSON of the page's ``tc-page-data`` (its ``<`` are escaped, so it cannot end early)."""
    start = body.find(PAGE_DATA_START)
    if start < 0:
        return None
    start += len(PAGE_DATA_START)
    return json.loads(body[start : body.index(PAGE_DATA_END, start)])


def toc_tokens(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"level": 2, "id": s["id"], "name": escape(s["title"]), "children": []} for s in data["sections"]]


def search_entries(data: dict[str, Any], url: str) -> list[dict[str, str]]:
    return [
        {"location": f"{url}#{step['id']}", "title": escape(f"{step['number']}. {step['text']}"), "text": ""}
        for step in data["steps"]
    ]
