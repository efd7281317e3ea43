"""The certificate helper page of a built site in Chromium: input forms, refusal, metadata
values, safety. The site is conftest's ``built_site`` (source_docs, the seed and an XSS probe)."""

from __future__ import annotations

import base64
import json
import os
import re
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from playwright.sync_api import Page, expect

from generator.cli import main
from tests import certfactory as cf
from tests.browser.conftest import SEED_KEY, BuiltSite
from tests.browser.test_site import serious_violations
from tests.support.cert_page import load_file, output

pytestmark = pytest.mark.browser

TOOL = "[data-tc-cert-root]"
SEED_TITLE = "Tutorial: Azure Active Directory Integration with Mimecast Admin Console"


@pytest.fixture
def site(built_site: BuiltSite) -> str:
    return built_site.base_url


@pytest.fixture
def requests(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


@pytest.fixture
def helper(page: Page, site: str, requests: list[str]) -> Page:
    page.goto(site + "certificate-helper/")
    return page


def drop_file(page: Page, name: str, data: bytes) -> None:
    """What a drag from the desktop delivers: a drop event carrying a File."""
    page.evaluate(
        """([name, b64]) => {
            const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], name));
            const target = document.querySelector("h1");
            const init = {dataTransfer: transfer, bubbles: true, cancelable: true};
            target.dispatchEvent(new DragEvent("dragover", init));
            target.dispatchEvent(new DragEvent("drop", init));
        }""",
        [name, base64.b64encode(data).decode()],
    )


def field(page: Page, name: str) -> str:
    return page.locator(f"[data-tc-cert-field={name}]").text_content()


def shown_result(page: Page) -> None:
    expect(page.locator('[data-tc-cert="result"]')).to_be_visible()
    expect(page.locator("[data-tc-cert-field=sha1]")).not_to_have_text("")


def cli_json(tmp_path: Path, data: bytes, capsys) -> dict:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    capsys.readouterr()
    assert main(["cert", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def sample(name: str) -> x509.Certificate:
    if name.startswith("chain-"):
        leaf, ca = cf.chain()
        return leaf if name == "chain-leaf" else ca
    return cf.certificate(name)


SAMPLES = [*cf.SPECS, "chain-leaf", "chain-ca"]


def test_dropped_der_shows_the_64_column_body_and_copy_copies_it(helper: Page, site: str):
    helper.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site.rstrip("/"))
    cert = cf.certificate("rsa-valid")
    drop_file(helper, "sso.cer", cf.der(cert))
    shown_result(helper)
    assert output(helper, "body") == cf.expected_body(cert)
    helper.click("[data-tc-cert-copy=body]")
    expect(helper.locator("[data-tc-cert-copy=body]")).to_have_text("Copied")
    assert helper.evaluate("navigator.clipboard.readText()") == cf.expected_body(cert)


@pytest.mark.parametrize("form", ["der", "pem-crlf"])
@pytest.mark.parametrize("name", SAMPLES)
def test_page_and_cli_show_the_same_certificate(helper: Page, tmp_path, capsys, name, form):
    cert = sample(name)
    data = cf.der(cert) if form == "der" else cf.pem(cert, crlf=True)
    load_file(helper, f"{name}.cer", data)
    shown_result(helper)
    [cli] = cli_json(tmp_path, data, capsys)["certificates"]
    sha1 = cert.fingerprint(hashes.SHA1()).hex().upper()
    sha256 = cert.fingerprint(hashes.SHA256()).hex().upper()
    assert output(helper, "body") == cli["body"] == cf.expected_body(cert)
    assert output(helper, "body_line") == cli["body_line"]
    assert output(helper, "pem") == cli["pem"]
    assert field(helper, "sha1") == cli["sha1"] == sha1
    assert field(helper, "sha256") == cli["sha256"] == sha256
    assert field(helper, "sha256_colon") == cli["sha256_colon"]
    for name_ in ("subject", "issuer", "serial", "key"):
        assert field(helper, name_) == cli[name_]
    assert f"tc-cert__validity--{cli['status']}" in helper.locator('[data-tc-cert="validity"]').get_attribute(
        "class"
    )
    in_page = helper.evaluate(
        """async (b64) => {
            const der = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
            const view = await TC.certData.describe(der);
            delete view.common_name;
            return view;
        }""",
        base64.b64encode(cf.der(cert)).decode(),
    )
    assert in_page == cli


def test_validity_warnings_are_plain(helper: Page):
    expected = {
        "rsa-expired": "Expired on",
        "ec-not-yet-valid": "Not valid yet",
        "rsa-expiring": "Expires in 1",
        "ec-valid": "Valid until",
    }
    for name, text in expected.items():
        load_file(helper, "c.cer", cf.der(cf.certificate(name)))
        expect(helper.locator('[data-tc-cert="validity"]')).to_contain_text(text)


def test_chain_lists_both_and_the_admin_picks_one(helper: Page):
    leaf, ca = cf.chain()
    helper.fill('[data-tc-cert="paste"]', (cf.pem(leaf) + cf.pem(ca)).decode())
    options = helper.locator(".tc-cert__option")
    expect(options).to_have_count(2)
    expect(options.nth(0)).to_contain_text("sso.contoso.com")
    expect(options.nth(1)).to_contain_text("Contoso Issuing CA")
    shown_result(helper)
    assert output(helper, "body") == cf.expected_body(leaf)
    options.nth(1).locator("input").check()
    expect(helper.locator("[data-tc-cert-out=body]")).to_have_text(cf.expected_body(ca).replace("\n", " "))
    assert output(helper, "body") == cf.expected_body(ca)


def test_bare_base64_body_pasted_back(helper: Page):
    cert = cf.certificate("ec-valid")
    helper.fill('[data-tc-cert="paste"]', "  " + cf.expected_body(cert).replace("\n", "\r\n  ") + "\r\n")
    shown_result(helper)
    assert output(helper, "body_line") == cf.expected_body(cert).replace("\n", "")


def test_bare_base64_bodies_pasted_back_one_after_the_other(helper: Page):
    first, second = cf.padded(), cf.certificate("rsa-valid")  # run together, not base64
    helper.fill('[data-tc-cert="paste"]', f"{cf.expected_body(first)}\n\n{cf.expected_body(second)}\n")
    expect(helper.locator(".tc-cert__option")).to_have_count(2)
    shown_result(helper)
    assert output(helper, "body") == cf.expected_body(first)


def test_metadata_values_are_shown_and_filled_into_the_checklist(page: Page, site: str):
    page.goto(f"{site}certificate-helper/?from=tutorials/{SEED_KEY}/&step=configuring-single-sign-on-9&n=9")
    page.evaluate(
        """(key) => {
            localStorage.setItem("tc:v1:values:" + key, JSON.stringify({company_name: "contoso"}));
            window.__events = [];
            TC.on("values-changed", (detail) => window.__events.push(detail));
        }""",
        SEED_KEY,
    )
    first, second = cf.certificate("rsa-valid"), cf.certificate("rsa-expiring")
    xml = cf.metadata_xml(
        [first, second], signature=cf.certificate("rsa-2060"), encryption=cf.certificate("ec-valid")
    )
    load_file(page, "FederationMetadata.xml", xml)
    expect(page.locator("[data-tc-cert-meta=entity_id]")).to_have_text(cf.ENTITY_ID)
    expect(page.locator("[data-tc-cert-meta=login_url]")).to_have_text(cf.LOGIN_URL)
    expect(page.locator("[data-tc-cert-meta=logout_url]")).to_have_text(cf.LOGOUT_URL)
    expect(page.locator(".tc-cert__option")).to_have_count(2)
    expect(page.locator(".tc-cert__option").nth(1)).to_contain_text("expires soon")
    shown_result(page)
    assert output(page, "body") == cf.expected_body(first)
    page.click('[data-tc-cert="use-values"]')
    expect(page.locator('[data-tc-cert="values-status"]')).to_contain_text(
        "Filled Issuer URL, Login URL, Logout URL"
    )
    stored = json.loads(page.evaluate("(k) => localStorage.getItem('tc:v1:values:' + k)", SEED_KEY))
    assert stored == {
        "company_name": "contoso",
        "issuer_url": cf.ENTITY_ID,
        "login_url": cf.LOGIN_URL,
        "logout_url": cf.LOGOUT_URL,
        "tenant_id": cf.TENANT,
    }
    assert page.evaluate("window.__events") == [{"tutorial": SEED_KEY, "source": "certificate"}]
    link = page.locator('[data-tc-cert="back-link"]')
    expect(link).to_have_text("Back to step 9")
    assert link.get_attribute("href") == f"{site}tutorials/{SEED_KEY}/#configuring-single-sign-on-9"


def test_from_a_seed_step_to_the_helper_and_back_with_the_values(page: Page, site: str):
    page.goto(f"{site}tutorials/{SEED_KEY}/")
    page.locator("a.tc-helper").nth(1).click()  # sub-step 9.8: "Open your base-64 encoded certificate"
    link = page.locator('[data-tc-cert="back-link"]')
    expect(link).to_have_text("Back to step 9.8")
    expect(page.locator('[data-tc-cert="tutorial"]')).to_have_value(SEED_KEY)
    load_file(page, "FederationMetadata.xml", cf.metadata_xml([cf.certificate("rsa-valid")]))
    page.click('[data-tc-cert="use-values"]')
    expect(page.locator('[data-tc-cert="values-status"]')).to_contain_text("Filled")
    link.click()
    expect(page).to_have_url(re.compile(rf"tutorials/{SEED_KEY}/#configuring-single-sign-on-"))
    expect(page.locator('[data-tc-value-input="tenant_id"]')).to_have_value(cf.TENANT)
    expect(page.locator('[data-tc-value="issuer_url"]').first).to_contain_text(cf.ENTITY_ID)
    expect(page.locator('[data-tc-value="login_url"]').first).to_contain_text(cf.LOGIN_URL)


def test_metadata_opened_directly_asks_which_checklist(helper: Page):
    load_file(helper, "metadata.xml", cf.metadata_xml([cf.certificate("rsa-valid")]))
    button = helper.locator('[data-tc-cert="use-values"]')
    expect(button).to_be_disabled()
    expect(helper.locator('[data-tc-cert="values-status"]')).to_contain_text("Choose the tutorial")
    expect(helper.locator('[data-tc-cert="back"]')).to_be_hidden()
    picker = helper.locator('[data-tc-cert="tutorial"]')
    expect(picker.locator(f'option[value="{SEED_KEY}"]')).to_have_text(SEED_TITLE)
    picker.select_option("contoso-mail-tutorial")
    expect(button).to_be_enabled()
    button.click()
    stored = helper.evaluate("JSON.parse(localStorage.getItem('tc:v1:values:contoso-mail-tutorial'))")
    assert stored["login_url"] == cf.LOGIN_URL
    assert helper.evaluate(f"localStorage.getItem('tc:v1:values:{SEED_KEY}')") is None


@pytest.mark.parametrize("query", ["from=javascript:alert(1)&n=3", "from=//evil.example/x&n=3", "n=3"])
def test_back_link_only_for_a_page_of_this_site(page: Page, site: str, query: str):
    page.goto(f"{site}certificate-helper/?{query}")
    expect(page.locator('[data-tc-cert="back"]')).to_be_hidden()


def key_lines(data: bytes) -> list[str]:
    """The secret part of a key as it could appear in the DOM: the body lines of its key block."""
    text = data.decode("latin-1")
    block = text[text.index("PRIVATE KEY-----") :]
    return [line.strip() for line in block.splitlines()[1:] if line.strip() and not line.startswith("-----")]


@pytest.mark.parametrize("form", ["pkcs8-pem", "rsa-pem", "encrypted-pem", "openssh", "cert-then-key-pem"])
def test_pasted_private_key_is_refused_and_gone(helper: Page, form: str):
    secret = cf.private_keys()[form]
    helper.fill('[data-tc-cert="paste"]', secret.decode())
    message = helper.locator('[data-tc-cert="message"]')
    expect(message).to_be_visible()
    expect(message).to_contain_text("Never paste or upload a private key")
    assert helper.input_value('[data-tc-cert="paste"]') == ""
    expect(helper.locator('[data-tc-cert="result"]')).to_be_hidden()
    dom = helper.content() + helper.evaluate("document.body.innerText")
    assert not [line for line in key_lines(secret) if line in dom]
    storage = helper.evaluate("Object.entries(localStorage)")
    assert [k for k, _ in storage if k.startswith("tc:")] == []  # the theme's own preferences may be there
    assert not [line for line in key_lines(secret) for _, value in storage if line in value]


@pytest.mark.parametrize(
    ("name", "form"), [("sso.pfx", "pfx"), ("bundle.bin", "pfx-password"), ("k.der", "pkcs8-der")]
)
def test_key_files_are_refused(helper: Page, name: str, form: str):
    load_file(helper, name, cf.private_keys()[form])
    expect(helper.locator(".tc-cert__message--refused")).to_contain_text("private key")
    assert helper.input_value('[data-tc-cert="file"]') == ""
    expect(helper.locator('[data-tc-cert="result"]')).to_be_hidden()


def test_subject_with_markup_is_shown_as_text(helper: Page):
    load_file(helper, "xss.cer", cf.der(cf.certificate("xss")))
    shown_result(helper)
    assert 'img src=x onerror=\\"window.__pwned=1\\"' in field(helper, "subject")
    xml = cf.metadata_xml([cf.certificate("xss"), cf.certificate("rsa-valid")], entity_id=cf.XSS_CN)
    load_file(helper, "metadata.xml", xml)
    expect(helper.locator("[data-tc-cert-meta=entity_id]")).to_have_text(cf.XSS_CN)
    expect(helper.locator(".tc-cert__option").nth(0)).to_contain_text(cf.XSS_CN)
    assert helper.locator(f"{TOOL} img").count() == 0
    assert helper.evaluate("window.__pwned") is None


def test_downloads_pem_and_base64_cer(helper: Page):
    cert = cf.certificate("rsa-valid")
    load_file(helper, "sso.cer", cf.der(cert))
    shown_result(helper)
    with helper.expect_download() as pem_download:
        helper.click("[data-tc-cert-download=pem]")
    assert pem_download.value.suggested_filename == "Microsoft-Azure-Federated-SSO-Certificate.pem"
    assert Path(pem_download.value.path()).read_bytes() == cf.pem(cert)
    with helper.expect_download() as cer_download:
        helper.click("[data-tc-cert-download=cer]")
    assert cer_download.value.suggested_filename.endswith(".cer")
    assert Path(cer_download.value.path()).read_bytes() == cf.pem(cert, crlf=True)


def fifty_megabytes(tmp_path: Path) -> Path:
    path = tmp_path / "huge.cer"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    return path


GARBAGE = {
    "random": (lambda: os.urandom(4096), "neither a certificate"),
    "truncated-der": (lambda: cf.der(cf.certificate("rsa-valid"))[:-40], "not an X.509 certificate"),
    "base64-not-cert": (lambda: base64.b64encode(b"this is not a certificate, just text"), "not an X.509"),
    "html": (lambda: b"<html><body>Sign in</body></html>", "not SAML federation metadata"),
    "bomb": (
        lambda: b'<!DOCTYPE x [<!ENTITY a "aaaa">]><EntityDescriptor entityID="&a;"/>',
        "refused for safety",
    ),
}


@pytest.mark.parametrize("case", sorted(GARBAGE))
def test_garbage_gets_a_clear_message(helper: Page, case: str):
    make, text = GARBAGE[case]
    load_file(helper, "input.cer", make())
    expect(helper.locator(".tc-cert__message--error")).to_contain_text(text)
    expect(helper.locator('[data-tc-cert="result"]')).to_be_hidden()


def test_fifty_megabyte_file_is_refused_unread(helper: Page, tmp_path: Path):
    helper.set_input_files('[data-tc-cert="file"]', fifty_megabytes(tmp_path))
    expect(helper.locator(".tc-cert__message--error")).to_contain_text("50.0 MB")
    load_file(helper, "ok.cer", cf.der(cf.certificate("ec-valid")))  # the page still works
    shown_result(helper)


def test_no_request_leaves_the_page(helper: Page, site: str, requests: list[str]):
    drop_file(helper, "sso.cer", cf.der(cf.certificate("rsa-valid")))
    shown_result(helper)
    load_file(helper, "metadata.xml", cf.metadata_xml([cf.certificate("rsa-valid")]))
    expect(helper.locator("[data-tc-cert-meta=entity_id]")).to_have_text(cf.ENTITY_ID)
    blocked = helper.evaluate("""() => fetch("https://example.com/x").then(() => "sent", () => "blocked")""")
    assert blocked == "blocked"
    foreign = [url for url in requests if not url.startswith(site)]
    assert foreign == []


def test_the_page_itself_attempts_no_connection(page: Page, site: str):
    """Search and instant navigation would fetch the index and sitemap: the page has neither."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("requestfailed", lambda request: errors.append(request.url))
    page.goto(site + "certificate-helper/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-md-component=search]").count() == 0
    assert errors == []


def test_without_web_crypto_it_says_so_and_still_formats(page: Page, site: str):
    page.add_init_script("Object.defineProperty(window.crypto, 'subtle', {value: undefined})")
    page.goto(site + "certificate-helper/")
    cert = cf.certificate("ec-valid")
    load_file(page, "sso.cer", cf.der(cert))
    expect(page.locator('[data-tc-cert="result"]')).to_be_visible()
    expect(page.locator('[data-tc-cert="nocrypto"]')).to_be_visible()
    assert output(page, "body") == cf.expected_body(cert)
    assert "needs Web Crypto" in field(page, "sha1")


def test_loaded_helper_has_no_serious_accessibility_violations(helper: Page):
    leaf, ca = cf.chain()
    xml = cf.metadata_xml([leaf, ca, cf.certificate("rsa-expired")])
    load_file(helper, "metadata.xml", xml)
    shown_result(helper)
    assert serious_violations(helper) == []
