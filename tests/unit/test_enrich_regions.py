"""Region-specific URLs are found in tutorial text and carry every region's variant."""

from __future__ import annotations

import copy

import pytest

from generator.enrich import enrich, load_data
from generator.model.inline import plain_text
from generator.model.serialize import to_dict
from generator.pipeline import load
from tests.conftest import CORPUS, SEED, SOURCE_DOCS
from tests.support.enrich import LEGACY_HEAD, all_steps, enriched, nodes_of, step_at, tutorial_from

MIMECAST_WEBMAIL = {
    "uk": "https://webmail-uk.mimecast.com",
    "us": "https://webmail-us.mimecast.com",
    "za": "https://webmail-za.mimecast.com",
    "offshore": "https://webmail.mimecast-offshore.com",
}


def one_step(text: str) -> str:
    return f"{LEGACY_HEAD}#T\n\n##S\n\n###To do it, perform the following steps:\n\n1.  {text}\n"


def regions_in(text: str) -> list:
    tutorial, _ = enriched(one_step(text))
    return nodes_of(all_steps(tutorial)[0], "region")


@pytest.fixture(scope="module")
def seed(seed_path):
    tutorial, problems = enrich(load(seed_path).tutorial, load_data(seed_path))
    assert problems == []
    return tutorial


def test_seed_variant_list_collapses_into_one_region_span(seed) -> None:
    step = step_at(seed, "Configuring single sign-on", "3")
    [region] = nodes_of(step, "region")
    assert region.attrs["family"] == "mimecast"
    assert region.attrs["kind"] == "webmail"
    assert region.attrs["mode"] == "list"
    assert region.attrs["shown"] == ["uk", "us"]
    assert region.attrs["variants"] == MIMECAST_WEBMAIL
    assert region.text == "e.g.: “https://webmail-uk.mimecast.com” or “https://webmail-us.mimecast.com”"


def test_seed_step_text_is_unchanged_by_enrichment(seed, seed_path) -> None:
    before = load(seed_path).tutorial
    for original, enriched_step in zip(all_steps(before), all_steps(seed), strict=True):
        assert plain_text(enriched_step.inline) == plain_text(original.inline)


def test_enrich_does_not_modify_its_input(seed_path) -> None:
    tutorial = load(seed_path).tutorial
    snapshot = copy.deepcopy(to_dict(tutorial))
    enrich(tutorial, load_data(seed_path))
    assert to_dict(tutorial) == snapshot


IN_PLACE_SAMPLE = [SEED, *sorted(SOURCE_DOCS.glob("*.md")), *sorted(CORPUS.glob("*/*.md"))[::20]]


@pytest.mark.parametrize("path", IN_PLACE_SAMPLE, ids=lambda p: p.name)
def test_enrich_in_place_gives_the_same_model_as_on_a_copy(path) -> None:
    data = load_data(path)
    copied, problems = enrich(load(path).tutorial, data)
    loaded = load(path).tutorial
    in_place, in_place_problems = enrich(loaded, data, copy=False)
    assert in_place is loaded
    assert to_dict(in_place) == to_dict(copied)
    assert in_place_problems == problems


def test_single_url_keeps_its_path_in_every_variant() -> None:
    [region] = regions_in("Open https://webmail-uk.mimecast.com/sso/contoso in a browser.")
    assert region.attrs["mode"] == "single"
    assert region.attrs["region"] == "uk"
    assert region.attrs["variants"]["za"] == "https://webmail-za.mimecast.com/sso/contoso"
    assert region.attrs["variants"]["offshore"] == "https://webmail.mimecast-offshore.com/sso/contoso"


def test_host_without_scheme_is_region_specific_and_stays_without_scheme() -> None:
    [region] = regions_in("Set the API host to `eu-api.mimecast.com`.")
    assert region.attrs["kind"] == "api"
    assert region.attrs["variants"]["au"] == "au-api.mimecast.com"
    assert region.attrs["variants"]["offshore"] == "jer-api.mimecast.com"


def test_code_around_a_region_url_is_kept_in_each_variant() -> None:
    [region] = regions_in("Run `curl https://us-api.mimecast.com/login/saml -v`.")
    assert region.attrs["variants"]["za"] == "curl https://za-api.mimecast.com/login/saml -v"


@pytest.mark.parametrize(
    "text",
    [
        "Visit https://webmail-uk.mimecast.com.evil.example today.",
        "Visit https://xwebmail-uk.mimecast.com today.",
        "Visit https://example.com/webmail-uk.mimecast.com today.",
        "Write to admin@webmail-uk.mimecast.com today.",
    ],
)
def test_lookalike_urls_are_not_region_specific(text: str) -> None:
    assert regions_in(text) == []


def test_urls_joined_by_and_are_two_addresses_not_a_variant_list() -> None:
    found = regions_in(
        "Allow https://webmail-uk.mimecast.com and https://webmail-us.mimecast.com in the firewall."
    )
    assert [r.attrs["mode"] for r in found] == ["single", "single"]


def test_variant_list_of_links_in_quotes_collapses() -> None:
    [region] = regions_in(
        "Type your URL (for example: [https://eu.contosomail.example](https://eu.contosomail.example), "
        "[https://us.contosomail.example](https://us.contosomail.example) or https://ca.contosomail.example)."
    )
    assert region.attrs["mode"] == "list"
    assert region.attrs["shown"] == ["eu", "us", "ca"]
    assert region.text.startswith("for example: ")


def test_a_table_with_one_variant_per_row_shows_rows() -> None:
    path = CORPUS / "modern" / "mimecast-personal-portal-tutorial.md"
    tutorial, _ = enriched(path)
    rows = [n for s in all_steps(tutorial) for n in nodes_of(s, "region") if n.attrs["mode"] == "row"]
    assert {n.attrs["region"] for n in rows} == {"uk", "us", "za", "au", "offshore"}
    sso = [n for n in rows if "/sso/" in n.text]
    assert {n.attrs["kind"] for n in sso} == {"api"}
    assert all(n.attrs["values"] == {"<accountcode>": "accountcode"} for n in sso)


def test_region_nodes_keep_the_original_nodes_as_children(seed) -> None:
    [region] = nodes_of(step_at(seed, "Configuring single sign-on", "3"), "region")
    assert plain_text(region.children) == region.text


def test_family_without_the_kind_in_a_region_has_no_variant_for_it() -> None:
    [region] = regions_in("Open https://webmail-us.mimecast.com.")
    assert "au" not in region.attrs["variants"]


def test_text_without_region_urls_gets_no_region_nodes() -> None:
    tutorial = tutorial_from(one_step("Open https://portal.azure.com and sign in."))
    enriched_tutorial, _ = enrich(tutorial, load_data("example.md"))
    assert nodes_of(all_steps(enriched_tutorial)[0], "region") == []
