"""The parts a patched site is made with: the table of contents without the theme, index runs."""

from __future__ import annotations

import json

import jinja2
from mkdocs.structure.toc import get_toc

from generator.site.search_index import replace_runs
from generator.site.toc import TOC_ALONE, TOC_ALONE_SOURCE, TocFrame

LANGUAGE = "{% macro t(key) %}Contents{% endmacro %}"
TOC = """<nav aria-label="{{ lang.t('toc') }}">
  {% set toc = page.toc %}{% set first = toc | first %}
  {% if first and first.level == 1 %}{% set toc = first.children %}{% endif %}
  {% if toc %}<ul>
    {% for toc_item in toc %}
      {% include "partials/toc-item.html" %}
    {% endfor %}
  </ul>{% endif %}
</nav>"""
ITEM = """<li><a href="{{ toc_item.url }}">{{ toc_item.title }}</a>
  {% if toc_item.children %}<nav aria-label="{{ toc_item.title | striptags | e }}"><ul>
    {% for toc_item in toc_item.children %}{% include "partials/toc-item.html" %}{% endfor %}
  </ul></nav>{% endif %}
</li>"""


def theme(item: str = ITEM) -> jinja2.Environment:
    templates = {
        "partials/language.html": LANGUAGE,
        "partials/toc.html": TOC,
        "partials/toc-item.html": item,
        TOC_ALONE: TOC_ALONE_SOURCE,
    }
    return jinja2.Environment(loader=jinja2.DictLoader(templates))


def token(anchor: str, name: str, level: int, *children: dict) -> dict:
    return {"level": level, "id": anchor, "name": name, "children": list(children)}


TOCS = [
    [],
    [token("a", "Sign <code>in</code> &amp; out", 2)],
    [
        token("a", "A", 2, token("b", "B <em>now</em>", 3, token("c", "C", 4)), token("d", "D", 3)),
        token("e", "E", 2),
    ],
    [token("t", "Page title", 1, token("a", "A", 2), token("b", "B", 2, token("c", "C", 3)))],
    [token("t", "Page title", 1)],
]


def test_the_cut_templates_give_what_the_theme_renders_for_any_table_of_contents():
    env = theme()
    frame = TocFrame.derive(env, {})
    assert frame is not None
    for tokens in TOCS:
        toc = get_toc(tokens)
        assert frame.render(toc) == env.get_template(TOC_ALONE).render(page=_Page(toc))
        assert TocFrame.from_json(json.loads(json.dumps(frame.to_json()))).render(toc) == frame.render(toc)


def test_a_theme_whose_items_are_not_plain_text_around_values_is_never_cut():
    numbered = ITEM.replace(
        "{{ toc_item.title }}", "{{ loop.index if loop else 0 }} {{ toc_item.title | upper }}"
    )
    assert TocFrame.derive(theme(numbered), {}) is None


class _Page:
    def __init__(self, toc: object) -> None:
        self.toc = toc


def entry(location: str, title: str = "t") -> dict:
    return {"location": location, "title": title, "text": ""}


def index(*entries: dict) -> str:
    return json.dumps({"config": {"lang": ["en"]}, "docs": list(entries)}, separators=(",", ":"))


def test_a_page_run_is_replaced_where_it_was_and_nothing_else_moves():
    old = index(
        entry("helper/"), entry("t/a/"), entry("t/a/#x"), entry("t/a/b/"), entry("t/c/"), entry("t/c/#y")
    )
    new = replace_runs(old, {"t/a/": [entry("t/a/", "new")], "t/c/": [entry("t/c/#z", "é")]})
    assert new == index(entry("helper/"), entry("t/a/", "new"), entry("t/a/b/"), entry("t/c/#z", "é"))


def test_a_page_without_one_run_cannot_be_replaced():
    split = index(entry("t/a/"), entry("t/b/"), entry("t/a/#x"))
    assert replace_runs(split, {"t/a/": [entry("t/a/")]}) is None
    assert replace_runs(index(entry("t/a/b/")), {"t/a/": [entry("t/a/")]}) is None
    assert replace_runs(index(entry("t/a/")), {"t/a/": []}) is None


def test_pages_read_without_mkdocs_read_as_mkdocs_reads_them(tmp_path):
    from mkdocs.utils.meta import get_data

    from generator.render.pages import PageSource, read_page
    from generator.site.build import BuildOptions, write_pages
    from tests.conftest import SOURCE_DOCS

    docs = tmp_path / "docs"
    write_pages(
        BuildOptions(SOURCE_DOCS, tmp_path / "site", cache_dir=tmp_path / "cache"), docs, tmp_path / "media"
    )
    texts = [path.read_text(encoding="utf-8-sig") for path in sorted(docs.rglob("*.md"))]
    odd = [
        "Café & <b>bold</b>: yes",
        "line\u2028separator",
        "tab\there",
        "null",
        "1e5",
        "- a list?",
        '"quoted"',
    ]
    texts += [
        PageSource("x.md", title, "<p>body</p>\n", "tutorial", {"description": title}).text() for title in odd
    ]
    texts += ["no front matter\n", "---\n: [broken\n---\nbody\n", "---\n- a\n- b\n---\nbody\n"]
    assert len(texts) > 10
    for text in texts:
        assert read_page(text) == get_data(text)
