"""Tutorial pages from small hand-made models: checkbox markup, callouts, page data, facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from generator.model.nodes import Block, Callout, Inline, Procedure, Section, Step, Tutorial
from generator.pipeline import load
from generator.render.context import RenderContext
from generator.render.page_data import PAGE_DATA_HOOKS, register_page_data
from generator.render.tutorial import HELPERS, render_tutorial

SCRIPT_IN_TEXT = "Type </template></script><script>window.__xss=1</script> here"


def para(value: str) -> Block:
    return Block("paragraph", inline=[Inline("text", value)])


def step(id: str, number: str, text: str, **fields) -> Step:
    return Step(id=id, number=number, text=text, inline=[Inline("text", text)], **fields)


def demo() -> Tutorial:
    substeps = [step("s1-a", "1", "First part"), step("s1-b", "2", "Second part")]
    note = Block("callout", callout=Callout("note", "Mind the region.", content=[para("Mind the region.")]))
    steps = [
        step("s1", "1", "Open the portal", content=[note], steps=substeps),
        step("s2", "2", SCRIPT_IN_TEXT, helpers=["certificate"]),
    ]
    important = Block("callout", callout=Callout("important", "Keep it.", content=[para("Keep it.")]))
    section = Section(
        id="sec-one",
        title="Section <one>",
        level=2,
        content=[para("Before the steps."), Block("procedure", ref="0"), para("After the steps."), important],
        procedures=[Procedure("sec-one-steps", "To do it:", steps=steps)],
    )
    metadata = {"ms.service": "active-directory", "ms.date": "08/01/2015", "author": "ann"}
    return Tutorial(
        source="demo.md", dialect="modern", title="Demo <app>", metadata=metadata, sections=[section]
    )


def render(tutorial: Tutorial, helpers: dict | None = None) -> tuple[BeautifulSoup, str]:
    page, _ = render_tutorial(tutorial, "demo", RenderContext(), helpers)
    return BeautifulSoup(page.body, "html.parser"), page.text()


def test_every_step_and_sub_step_is_a_labelled_checkbox_anchored_on_its_id():
    soup, _ = render(demo())
    steps = soup.select("li.tc-step")
    assert [li["id"] for li in steps] == ["s1", "s1-a", "s1-b", "s2"]
    for li in steps:
        box = li.select_one("input[type=checkbox]")
        label = soup.select_one(f'label[for="{box["id"]}"]')
        assert label is not None and li.select_one("label") is label
    labels = [" ".join(li.select_one("label").get_text().split()) for li in steps]
    assert labels[:3] == ["1. Open the portal", "1.1. First part", "1.2. Second part"]
    assert [li.get("data-tc-parent") for li in steps] == [None, "s1", "s1", None]


def test_content_keeps_its_order_around_the_procedure():
    soup, _ = render(demo())
    texts = soup.select_one("[data-tc-section=sec-one]").get_text()
    assert texts.index("Before the steps.") < texts.index("Open the portal") < texts.index("After the steps.")


def test_callouts_become_admonitions_of_their_kind():
    soup, _ = render(demo())
    note = soup.select_one("#s1 .admonition.note")
    assert note.select_one(".admonition-title").get_text() == "Note"
    assert "Mind the region." in note.get_text()
    assert soup.select_one("[data-tc-section=sec-one] > .admonition.important") is not None


def test_text_that_looks_like_markup_is_escaped_everywhere():
    soup, source = render(demo())
    assert soup.h1.get_text() == "Demo <app>"
    assert soup.select_one("#sec-one").get_text() == "Section <one>"
    assert soup.find_all("script") == []
    assert soup.select_one("#s2 label").get_text().endswith(SCRIPT_IN_TEXT)
    _, meta = get_data(source)
    # mkdocs-material writes the front matter title into the page unescaped, so it goes in escaped
    assert meta["title"] == "Demo &lt;app&gt;" and meta["tc_page"] == "tutorial"


def test_page_data_survives_script_like_step_text():
    soup, _ = render(demo())
    assert soup.find_all("script") == []
    data = json.loads(soup.select_one("template#tc-page-data").string)
    assert data["tutorial"] == "demo"
    assert [(s["id"], s["parent"], s["number"], s["section"]) for s in data["steps"]] == [
        ("s1", None, "1", "sec-one"),
        ("s1-a", "s1", "1.1", "sec-one"),
        ("s1-b", "s1", "1.2", "sec-one"),
        ("s2", None, "2", "sec-one"),
    ]
    assert data["steps"][3]["text"] == SCRIPT_IN_TEXT


def test_other_features_add_page_data_through_hooks():
    def probe(tutorial: Tutorial, data: dict) -> None:
        data["probe"] = {"answer": 42}

    register_page_data(probe)
    try:
        soup, _ = render(demo())
    finally:
        PAGE_DATA_HOOKS.remove(probe)
    assert json.loads(soup.select_one("template#tc-page-data").string)["probe"] == {"answer": 42}


def test_helper_steps_link_to_the_helper_page_with_the_way_back():
    soup, _ = render(demo(), {"certificate": HELPERS["certificate"]})
    link = soup.select_one("#s2 a.tc-helper")
    assert link["href"] == "../../certificate-helper/?from=tutorials%2Fdemo%2F&step=s2&n=2"
    without, _ = render(demo())
    assert without.select_one("a.tc-helper") is None


def test_facts_box_shows_service_app_date_and_author():
    tutorial = demo()
    tutorial.title = "Tutorial: Azure Active Directory integration with Contoso Mail"
    soup, _ = render(tutorial)
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup.select(".tc-facts dt")}
    assert facts == {
        "Service": "Active Directory",
        "App": "Contoso Mail",
        "Last updated": "1 August 2015",
        "Author": "ann",
        "Steps": "4",
    }


def test_raw_html_blocks_are_sanitised_but_tables_stay():
    tutorial = demo()
    raw = (
        '<table><tr><td onclick="x()">cell</td></tr></table><script>window.__xss=1</script><iframe></iframe>'
    )
    tutorial.intro = [Block("html", text=raw)]
    soup, _ = render(tutorial)
    cell = soup.select_one("table td")
    assert cell.get_text() == "cell" and not cell.attrs
    assert soup.find("iframe") is None
    assert soup.find_all("script") == []


@pytest.fixture(scope="module")
def seed_page(seed_path: Path) -> BeautifulSoup:
    page, _ = render_tutorial(load(seed_path).tutorial, "seed", RenderContext())
    return BeautifulSoup(page.body, "html.parser")


def test_seed_has_25_steps_and_12_sub_steps(seed_page: BeautifulSoup):
    boxes = seed_page.select("li.tc-step > .tc-step__head > input[type=checkbox]")
    top = [b for b in boxes if not b.find_parent("li").has_attr("data-tc-parent")]
    assert (len(boxes), len(top)) == (37, 25)
    assert seed_page.select_one("[data-tc-progress=tutorial] [data-tc-count]").get_text() == "0 of 37 steps"


def test_seed_region_note_is_a_note_inside_single_sign_on_step_3(seed_page: BeautifulSoup):
    section = seed_page.select_one("[data-tc-section=configuring-single-sign-on]")
    step3 = section.select("ol.tc-steps > li.tc-step")[2]
    assert step3.select_one("label").get_text().startswith("3.")
    assert "region specific" in step3.select_one(".admonition.note").get_text()


def test_search_entries_index_each_section_and_step_once():
    page, _ = render_tutorial(demo(), "demo", RenderContext())
    entries = {entry["location"]: entry for entry in page.site_meta["search"]}
    url = "tutorials/demo/"
    assert list(entries) == [url, f"{url}#sec-one", f"{url}#s1", f"{url}#s1-a", f"{url}#s1-b", f"{url}#s2"]
    assert entries[f"{url}#sec-one"]["text"] == "Before the steps. After the steps. Keep it."
    assert entries[f"{url}#s1"]["title"] == "1. Open the portal"
    assert entries[f"{url}#s1"]["text"] == "Mind the region."
    assert entries[f"{url}#s1-b"]["title"] == "1.2. Second part"
    assert "&lt;/template&gt;" in entries[f"{url}#s2"]["title"]
    assert page.site_meta["toc"] == [
        {"level": 2, "id": "sec-one", "name": "Section &lt;one&gt;", "children": []}
    ]


@pytest.mark.parametrize(
    ("written", "slug", "name"),
    [
        ("active-directory", "active-directory", "Active Directory"),
        ("../../etc/x", "etc-x", "Etc X"),
        ("", "other", "Other"),
    ],
)
def test_the_service_names_a_group_page_and_never_a_path(written: str, slug: str, name: str):
    tutorial = demo()
    tutorial.metadata["ms.service"] = written
    _, entry = render_tutorial(tutorial, "demo", RenderContext())
    assert (entry.service, entry.service_name) == (slug, name)
