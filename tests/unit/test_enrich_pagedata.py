"""What a page gets for regions.js/values.js, and the enriched model as JSON."""

from __future__ import annotations

import json

import pytest

from generator.enrich import enrich, load_data, page_data
from generator.model.serialize import to_dict
from generator.pipeline import load
from tests.conftest import CORPUS, SOURCE_DOCS
from tests.support.enrich import LEGACY_HEAD, enriched
from tests.support.model import validate


@pytest.fixture(scope="module")
def seed_page(seed_path) -> dict:
    data = load_data(seed_path)
    return page_data(enrich(load(seed_path).tutorial, data)[0], data)


def test_seed_page_asks_for_the_tenant_id_and_shows_what_derives_from_it(seed_page) -> None:
    assert list(seed_page["values"]) == ["tenant_id", "issuer_url", "login_url"]
    tenant = seed_page["values"]["tenant_id"]
    assert (tenant["label"], tenant["validator"], tenant["sharing"]) == ("Tenant ID", "guid", "shareable")
    assert seed_page["values"]["issuer_url"]["template"] == "https://sts.windows.net/{tenant_id}/"
    assert list(seed_page["validators"]) == ["guid"]


def test_seed_page_has_only_the_mimecast_family(seed_page) -> None:
    assert list(seed_page["regions"]) == ["mimecast"]
    family = seed_page["regions"]["mimecast"]
    assert [r["id"] for r in family["regions"]] == ["uk", "us", "za", "au", "offshore"]
    assert family["kinds"]["webmail"]["urls"]["za"] == "https://webmail-za.mimecast.com"


def test_page_data_is_json(seed_page) -> None:
    assert json.loads(json.dumps(seed_page)) == seed_page


def test_tutorial_with_nothing_to_enrich_has_no_page_data() -> None:
    text = f"{LEGACY_HEAD}#T\n\n##S\n\n###To do it:\n\n1.  Click **Save**.\n"
    tutorial, _ = enriched(text)
    assert page_data(tutorial, load_data("example.md")) == {}


def test_unknown_placeholder_becomes_a_value_of_its_own() -> None:
    path = CORPUS / "modern" / "mimecast-personal-portal-tutorial.md"
    data = load_data(path)
    page = page_data(enrich(load(path).tutorial, data)[0], data)
    assert page["values"]["accountcode"] == {
        "label": "Accountcode",
        "help": "Replaces <accountcode> in this tutorial.",
        "sharing": "shareable",
        "validator": "text",
        "template": None,
    }
    assert page["placeholders"] == {"<accountcode>": "accountcode"}


def test_secret_values_stay_marked_secret_for_the_page() -> None:
    path = SOURCE_DOCS / "contoso-mail-tutorial.md"
    data = load_data(path)
    page = page_data(enrich(load(path).tutorial, data)[0], data)
    assert page["values"]["contoso_mail_token"]["sharing"] == "secret"
    assert page["values"]["company_name"]["sharing"] == "shareable"
    assert "contoso_sign_on_url" in page["values"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (SOURCE_DOCS / "contoso-mail-tutorial.md", {"region", "value", "placeholder"}),
        (SOURCE_DOCS / "contoso-mail-classic-portal-tutorial.md", {"region", "value", "placeholder"}),
        (CORPUS / "modern" / "mimecast-personal-portal-tutorial.md", {"region"}),
        (CORPUS / "legacy" / "active-directory-saas-mimecast-admin-console-tutorial.md", {"region", "value"}),
    ],
    ids=lambda p: getattr(p, "name", ""),
)
def test_enriched_model_serialises_and_validates(path, expected: set[str]) -> None:
    tutorial, _ = enrich(load(path).tutorial, load_data(path))
    data = to_dict(tutorial)
    validate(data)
    kinds = {n["type"] for n in _inline_nodes(data)}
    assert kinds & {"region", "value", "placeholder"} == expected


def _inline_nodes(value):
    if isinstance(value, dict):
        if "type" in value and ("attrs" in value or "children" in value or "text" in value):
            yield value
        for item in value.values():
            yield from _inline_nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from _inline_nodes(item)
