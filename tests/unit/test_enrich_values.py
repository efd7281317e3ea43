"""Value references by label, placeholders in URLs and code, and the certificate helper."""

from __future__ import annotations

import pytest

from generator.enrich import enrich, load_data
from generator.model.inline import plain_text
from generator.pipeline import load
from tests.conftest import CORPUS
from tests.support.enrich import LEGACY_HEAD, all_steps, enriched, nodes_of, step_at

SSO = "Configuring single sign-on"


def one_step(text: str, code: str = "") -> str:
    body = f"\n\n    ```\n    {code}\n    ```\n" if code else "\n"
    return f"{LEGACY_HEAD}#T\n\n##S\n\n###To do it, perform the following steps:\n\n1.  {text}{body}"


def first_step(text: str, code: str = ""):
    tutorial, _ = enriched(one_step(text, code))
    return all_steps(tutorial)[0]


@pytest.fixture(scope="module")
def seed(seed_path):
    return enrich(load(seed_path).tutorial, load_data(seed_path))[0]


def value_after(step, label: str) -> list[str]:
    """Names of the value nodes that directly follow a bold ``label`` in the step."""
    nodes = step.inline
    return [
        nodes[i + 1].attrs["value"]
        for i, n in enumerate(nodes[:-1])
        if n.type == "strong" and plain_text(n.children) == label and nodes[i + 1].type == "value"
    ]


def test_seed_9_4_shows_the_issuer_url_after_the_label_it_copies(seed) -> None:
    step = step_at(seed, SSO, "9", "4")
    assert [n.attrs["value"] for n in nodes_of(step, "value")] == ["issuer_url"]
    assert step.inline[step.inline.index(nodes_of(step, "value")[0]) - 2].text.endswith(
        "dialog page, copy the "
    )


@pytest.mark.parametrize("number", ["5", "6"])
def test_seed_9_5_and_9_6_show_the_login_url_they_copy_not_the_destination(seed, number: str) -> None:
    step = step_at(seed, SSO, "9", number)
    assert [n.attrs["value"] for n in nodes_of(step, "value")] == ["login_url"]
    assert value_after(step, "Remote Login URL") == ["login_url"]


def test_seed_steps_without_known_labels_get_no_values(seed) -> None:
    for number in ("1", "2", "3", "7", "8", "9", "10"):
        assert (
            nodes_of(step_at(seed, SSO, "9", number) if number != "10" else step_at(seed, SSO, "10"), "value")
            == []
        )


def test_a_destination_only_label_still_shows_the_value() -> None:
    step = first_step("In the **Logout URL** textbox, type the address of your directory.")
    assert value_after(step, "Logout URL") == ["logout_url"]


def test_labels_match_ignoring_case_and_a_trailing_colon() -> None:
    step = first_step("Copy the **azure ad identifier:** value.")
    assert value_after(step, "azure ad identifier:") == ["issuer_url"]


def test_modern_slack_companyname_in_code_becomes_a_placeholder() -> None:
    tutorial, _ = enriched(CORPUS / "modern" / "active-directory-saas-slack-tutorial.md")
    found = [n for s in all_steps(tutorial) for n in nodes_of(s, "placeholder")]
    assert [n.text for n in found] == ["https://<companyname>.slack.com"]
    assert found[0].attrs["values"] == {"<companyname>": "company_name"}
    assert found[0].children[0].type == "code"


def test_escaped_placeholder_inside_emphasis_is_found() -> None:
    tutorial, _ = enriched(CORPUS / "legacy" / "active-directory-saas-bime-tutorial.md")
    found = [n for s in all_steps(tutorial) for n in nodes_of(s, "placeholder")]
    assert [(n.text, n.attrs["values"]) for n in found] == [
        ("https://<tenant-name>.Bimeapp.com", {"<tenant-name>": "company_name"})
    ]


def test_placeholder_split_by_the_parser_into_html_is_one_url() -> None:
    step = first_step("Browse to https://<companyname>.contosomail.example/admin now.")
    [found] = nodes_of(step, "placeholder")
    assert found.text == "https://<companyname>.contosomail.example/admin"
    assert plain_text(step.inline).startswith("Browse to https://")


def test_tenant_id_in_braces_in_a_url_is_found() -> None:
    step = first_step("Open https://login.microsoftonline.com/{tenant-id}/saml2.")
    [found] = nodes_of(step, "placeholder")
    assert found.text == "https://login.microsoftonline.com/{tenant-id}/saml2"
    assert found.attrs["values"] == {"{tenant-id}": "tenant_id"}


def test_code_that_is_only_a_token_talks_about_it_and_stays() -> None:
    step = first_step("Replace `<companyname>` with your company's short name.")
    assert nodes_of(step, "placeholder") == []


def test_unknown_token_counts_only_inside_a_url() -> None:
    assert nodes_of(first_step("Ask for your <account> manager."), "placeholder") == []
    [found] = nodes_of(first_step("Open `https://<accountcode>.example.net/login`."), "placeholder")
    assert found.attrs["values"] == {"<accountcode>": "accountcode"}


def test_known_token_in_a_code_block_is_recorded_on_the_block() -> None:
    step = first_step(
        "Run this:", code='curl -H "Authorization: Bearer <api-token>" https://api.contosomail.example/'
    )
    [block] = [b for b in step.content if b.type == "code"]
    assert block.attrs["placeholders"] == {"<api-token>": "contoso_mail_token"}


def test_html_that_is_not_a_token_is_left_alone() -> None:
    step = first_step("Open https://example.com/<b>x</b> now.")
    assert nodes_of(step, "placeholder") == []


@pytest.mark.parametrize(
    ("number", "expected"), [("7", ["certificate"]), ("8", ["certificate"]), ("2", []), ("3", [])]
)
def test_certificate_helper_on_base64_certificate_sub_steps(seed, number: str, expected: list[str]) -> None:
    assert step_at(seed, SSO, "9", number).helpers == expected


def test_download_step_without_base64_gets_no_helper(seed) -> None:
    assert step_at(seed, SSO, "4").helpers == []


def test_certificate_base64_wording_of_modern_tutorials_gets_the_helper() -> None:
    step = first_step("Download the **Certificate (Base64)** and save it on your computer.")
    assert step.helpers == ["certificate"]
