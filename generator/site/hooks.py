"""mkdocs hooks for generated pages (listed under ``hooks:`` in mkdocs.yml).

Generated pages (front matter ``tc_page``) already have an HTML body, so Python-Markdown
is skipped for them: the body is taken aside before conversion and put back after. What
Markdown would have produced on the way, the table of contents, comes with the page
(see :mod:`generator.render.pages`), and so do its search entries, one per section and
per step: they are added to the search index after the search plugin has written it.
A tutorial page's sitemap date is the tutorial's own (``updated``), not the build's day.
Tutorial pages are not rendered by the theme's page template one by one but filled into a
frame of it (:mod:`generator.site.frames`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

from generator.render.pages import page_body, split_site_meta
from generator.site.frames import FRAMED_TEMPLATE, Frames, start_build
from generator.site.search_index import add_entries

_entries: list[dict[str, str]] = []
_frames: list[Frames] = []  # this build's


def on_pre_build(config: Any, **kwargs: Any) -> None:
    _entries.clear()
    _frames.clear()


def on_env(env: Any, config: Any, files: Any, **kwargs: Any) -> Any:
    _frames.append(start_build(env))
    return env


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    if not page.meta.get("tc_page"):
        return markdown
    page.tc_html, page.tc_meta = split_site_meta(markdown)
    return ""


def on_page_content(html: str, page: Any, config: Any, files: Any, **kwargs: Any) -> str:
    body = getattr(page, "tc_html", None)
    if body is None:
        return html
    page.toc = get_toc(page.tc_meta.get("toc", []))
    page.update_date = page.tc_meta.get("updated", page.update_date)
    _entries.extend(page.tc_meta.pop("search", []))
    if page.meta["tc_page"] == "tutorial":
        # mkdocs reads every page before it writes any: the body is read again when the page
        # is written, so thousands of them never sit in memory together.
        page.meta["template"] = FRAMED_TEMPLATE
        page.tc_html = body = ""
    return body


def on_page_context(context: dict[str, Any], page: Any, config: Any, **kwargs: Any) -> dict[str, Any]:
    if page.meta.get("template") == FRAMED_TEMPLATE:
        with open(page.file.abs_src_path, encoding="utf-8-sig") as handle:
            page.content = page_body(get_data(handle.read())[0])  # as mkdocs read it
        page.content = _frames[-1].render(context, page, config)
    return context


def on_post_page(output: str, page: Any, config: Any, **kwargs: Any) -> str:
    if page.meta.get("template") == FRAMED_TEMPLATE:
        page.content = None  # written: let it go
    return output


@event_priority(-100)  # after the search plugin has written its index
def on_post_build(config: Any, **kwargs: Any) -> None:
    add_entries(Path(config["site_dir"]), _entries)
