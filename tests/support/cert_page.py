"""Driving the certificate helper page in a browser test: load a file, read what it shows."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests import certfactory as cf


def load_file(page: Page, name: str, data: bytes) -> None:
    page.set_input_files('[data-tc-cert="file"]', files=[{"name": name, "mimeType": "", "buffer": data}])


def output(page: Page, name: str) -> str:
    return page.locator(f"[data-tc-cert-out={name}]").text_content()


def formats_a_certificate(page: Page) -> None:
    """Load a DER certificate into the helper on ``page``: the body shown is the expected one."""
    cert = cf.certificate("rsa-valid")
    load_file(page, "sso.cer", cf.der(cert))
    expect(page.locator('[data-tc-cert="result"]')).to_be_visible()
    assert output(page, "body") == cf.expected_body(cert)
