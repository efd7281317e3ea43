"""The inline renderer: text is escaped, tutorial HTML sanitised, links checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.model.nodes import Inline
from generator.render.context import RenderContext
from generator.render.inline import HANDLERS, register_inline, render_inlines


def html(nodes: list[Inline], ctx: RenderContext | None = None) -> str:
    return str(render_inlines(nodes, ctx or RenderContext(page_url="tutorials/a/")))


def text(value: str) -> Inline:
    return Inline("text", value)


def test_text_is_escaped():
    assert html([text('<b>bold</b> & "quoted"')]) == '&lt;b&gt;bold&lt;/b&gt; &amp; "quoted"'


def test_strong_is_a_ui_label_and_a_ui_path_is_a_breadcrumb():
    label = Inline("strong", children=[text("Save")])
    path = Inline(
        "uipath", children=[Inline("strong", children=[text(p)]) for p in ("Services", "Application")]
    )
    soup = BeautifulSoup(html([label, text(" then "), path]), "html.parser")
    assert soup.select_one("span.tc-ui").get_text() == "Save"
    crumbs = soup.select_one("span.tc-uipath")
    assert [c.get_text() for c in crumbs.select("span.tc-ui")] == ["Services", "Application"]
    assert crumbs.get_text() == "Services > Application"  # read aloud and copied as written


def test_code_is_escaped_verbatim():
    assert html([Inline("code", "<companyname>")]) == "<code>&lt;companyname&gt;</code>"


def test_split_raw_html_is_balanced_and_kept_when_safe():
    nodes = [text("x"), Inline("html", "<sup>"), text("2"), Inline("html", "</sup>"), Inline("html", "<br>")]
    assert html(nodes) == "x<sup>2</sup><br>"


@pytest.mark.parametrize(
    "payload",
    [
        [Inline("html", "<script>"), text("window.__xss=1"), Inline("html", "</script>")],
        [Inline("html", '<img src=x onerror="window.__xss=1">')],
        [Inline("html", '<a href="javascript:window.__xss=1">'), text("go"), Inline("html", "</a>")],
        [Inline("html", '<iframe src="javascript:parent.__xss=1"></iframe>')],
        [Inline("html", '<span onmouseover="window.__xss=1">'), text("hover"), Inline("html", "</span>")],
    ],
)
def test_unsafe_raw_html_is_neutralised(payload: list[Inline]):
    out = html([text("before "), *payload, text(" after")])
    soup = BeautifulSoup(out, "html.parser")
    assert "__xss" not in out
    assert soup.find(["script", "iframe"]) is None
    assert all(not attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    assert out.startswith("before ") and out.endswith(" after")


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", " JaVa\tScRiPt:alert(1)", "data:text/html,x", "vbscript:x"]
)
def test_links_with_unsafe_schemes_keep_only_their_text(href: str):
    assert html([Inline("link", href=href, children=[text("click")])]) == "click"


def test_web_links_stay_and_titles_are_escaped():
    link = Inline("link", href="https://example.com/?a=1&b=2", title='say "hi"', children=[text("site")])
    soup = BeautifulSoup(html([link]), "html.parser")
    anchor = soup.a
    assert anchor["href"] == "https://example.com/?a=1&b=2"
    assert anchor["title"] == 'say "hi"'


def test_relative_links_to_tutorials_of_the_site_point_to_their_page(tmp_path: Path):
    here, there = tmp_path / "a.md", tmp_path / "sub" / "b.md"
    ctx = RenderContext(
        page_url="tutorials/a/", source_path=here, links={there.resolve(): "tutorials/sub/b/"}
    )
    known = Inline("link", href="sub/b.md#step", children=[text("B")])
    unknown = Inline("link", href="missing.md", children=[text("gone")])
    soup = BeautifulSoup(html([known, unknown], ctx), "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == ["../../tutorials/sub/b/#step"]
    assert soup.get_text() == "Bgone"


def test_other_modules_can_register_handlers():
    previous = HANDLERS.get("value")
    try:
        register_inline("value", lambda node, ctx: f'<span class="tc-value">{node.text.upper()}</span>')
        assert html([Inline("value", "tenant")]) == '<span class="tc-value">TENANT</span>'
    finally:
        if previous is None:
            HANDLERS.pop("value")
        else:
            HANDLERS["value"] = previous


def test_raw_images_keep_their_alt_text_or_get_an_empty_one():
    soup = BeautifulSoup(
        html([Inline("html", '<img src="a.png" alt="Portal">'), Inline("html", "<img src=b.png>")]),
        "html.parser",
    )
    assert [img.get("alt") for img in soup.find_all("img")] == ["Portal", ""]
