"""The shared catalogue: the shipped data, and every mistake reported with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.diagnostics import GeneratorError
from generator.enrich import DEFAULT_DATA_DIR
from generator.enrich.catalogue import load_catalogue
from tests.conftest import SOURCE_DOCS

GUID = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"


@pytest.fixture(scope="module")
def shipped():
    return load_catalogue(SOURCE_DOCS / "_data")


def test_default_data_dir_is_the_shipped_one() -> None:
    assert DEFAULT_DATA_DIR == SOURCE_DOCS / "_data"


def test_mimecast_family_has_the_published_webmail_urls_and_api_hosts(shipped) -> None:
    family = shipped.families["mimecast"]
    assert {r.label for r in family.regions.values()} >= {
        "United Kingdom / Europe",
        "United States",
        "South Africa",
        "Offshore",
    }
    assert family.kinds["webmail"].urls == {
        "uk": "https://webmail-uk.mimecast.com",
        "us": "https://webmail-us.mimecast.com",
        "za": "https://webmail-za.mimecast.com",
        "offshore": "https://webmail.mimecast-offshore.com",
    }
    hosts = sorted(url.split("//")[1] for url in family.kinds["api"].urls.values())
    assert hosts == sorted(f"{p}-api.mimecast.com" for p in ("eu", "us", "za", "au", "jer"))


def test_contoso_mail_has_its_own_family(shipped) -> None:
    assert set(shipped.families["contoso-mail"].regions) == {"eu", "us", "apac", "ca"}


def test_azure_ad_derived_values(shipped) -> None:
    values = shipped.values
    assert values["issuer_url"].template == "https://sts.windows.net/{tenant_id}/"
    assert (
        values["login_url"].template
        == values["logout_url"].template
        == "https://login.microsoftonline.com/{tenant_id}/saml2"
    )
    assert "Remote Login URL" in values["login_url"].labels
    assert shipped.values["mimecast_sso_identifier"].references() == ["mimecast.webmail", "company_name"]


def test_every_value_is_marked_shareable_or_secret(shipped) -> None:
    assert {v.sharing for v in shipped.values.values()} == {"shareable", "secret"}
    assert shipped.values["contoso_mail_token"].sharing == "secret"
    assert shipped.values["tenant_id"].sharing == "shareable"


@pytest.mark.parametrize(
    ("validator", "good", "bad"),
    [
        ("guid", [GUID, GUID.upper()], ["7e1b0f5a1c2d4e3f8a9b0c1d2e3f4a5b", GUID + "0", "not-a-guid", ""]),
        (
            "slug",
            ["contoso", "contoso-eu", "C0ntoso"],
            ["-contoso", "contoso corp", "contoso.com", "<img src=x>", ""],
        ),
        ("url", ["https://contoso.example/x"], ["contoso.example", "https://a b"]),
    ],
)
def test_validators(shipped, validator: str, good: list[str], bad: list[str]) -> None:
    pattern = shipped.validators[validator].pattern
    assert all(re.search(pattern, text) for text in good)
    assert not any(re.search(pattern, text) for text in bad)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


VALID = """\
values:
  tenant_id:
    label: Tenant ID
    validator: guid
    sharing: shareable
validators:
  guid: {pattern: "^[0-9a-f-]{36}$", message: Enter a GUID.}
"""


def error_of(folder: Path) -> GeneratorError:
    with pytest.raises(GeneratorError) as caught:
        load_catalogue(folder)
    return caught.value


def test_duplicate_key_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yml", VALID + "values:\n  x: {label: X, sharing: shareable}\n")
    error = error_of(tmp_path)
    assert (error.file, error.line) == (str(path), 8)
    assert "duplicate key 'values'" in error.message


def test_schema_violation_is_reported_at_the_offending_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yml", VALID.replace("    sharing: shareable\n", "    sharing: public\n"))
    error = error_of(tmp_path)
    assert (error.file, error.line) == (str(path), 5)
    assert "public" in error.message


def test_unknown_validator_names_the_value_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yml", VALID.replace("validator: guid", "validator: uuid"))
    error = error_of(tmp_path)
    assert (error.file, error.line, "unknown validator 'uuid'" in error.message) == (str(path), 2, True)


def test_template_with_unknown_reference(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", VALID)
    path = write(
        tmp_path,
        "b.yml",
        'values:\n  url:\n    label: U\n    sharing: shareable\n    template: "https://{tenant}/"\n',
    )
    error = error_of(tmp_path)
    assert (error.file, error.line) == (str(path), 2)
    assert "unknown value '{tenant}'" in error.message


def test_template_cycle(tmp_path: Path) -> None:
    text = (
        'values:\n  a: {label: A, sharing: shareable, template: "{b}"}\n'
        '  b: {label: B, sharing: shareable, template: "x{a}"}\n'
    )
    path = write(tmp_path, "a.yml", text)
    error = error_of(tmp_path)
    assert (error.file, "refers back to itself" in error.message) == (str(path), True)


def test_example_failing_its_validator(tmp_path: Path) -> None:
    write(
        tmp_path,
        "a.yml",
        VALID.replace("    sharing: shareable\n", "    sharing: shareable\n    example: nope\n"),
    )
    assert "example 'nope' fails validator 'guid'" in error_of(tmp_path).message


def test_value_defined_in_two_files_is_reported_in_the_second(tmp_path: Path) -> None:
    write(tmp_path, "a.yml", VALID)
    path = write(tmp_path, "b.yml", "values:\n  tenant_id: {label: T, sharing: secret}\n")
    error = error_of(tmp_path)
    assert (error.file, error.line) == (str(path), 2)


def test_region_url_of_unknown_region(tmp_path: Path) -> None:
    text = (
        "families:\n  f:\n    label: F\n    regions: {a: {label: A}, b: {label: B}}\n"
        "    kinds:\n      web:\n        label: W\n        urls: {a: 'https://a.example', c: 'https://c.example'}\n"
    )
    path = write(tmp_path, "a.yml", text)
    error = error_of(tmp_path)
    assert (error.file, error.line, "unknown region 'c'" in error.message) == (str(path), 8, True)


def test_invalid_yaml_is_reported_at_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.yml", "values:\n  x: [unclosed\n")
    error = error_of(tmp_path)
    assert error.file == str(path)
    assert error.line >= 2


def test_two_values_claiming_one_placeholder(tmp_path: Path) -> None:
    mine = (
        "    sharing: shareable\n    placeholders: ['{tenant_id}']\n"
        "  other: {label: O, sharing: shareable, placeholders: ['<TENANT-ID>']}\n"
    )
    write(tmp_path, "a.yml", VALID.replace("    sharing: shareable\n", mine))
    error = error_of(tmp_path)
    assert "shares a placeholder" in error.message
