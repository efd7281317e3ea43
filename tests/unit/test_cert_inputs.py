"""What the certificate helper accepts, splits, refuses and explains (generator.cert.inputs)."""

from __future__ import annotations

import base64
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cert.errors import CertInputError, PrivateKeyRefused
from generator.cert.format import describe
from generator.cert.inputs import read_input
from tests import certfactory as cf


def test_binary_der_is_one_certificate():
    cert = cf.certificate("rsa-valid")
    parsed = read_input(cf.der(cert), "sso.cer")
    assert parsed.kind == "der"
    assert parsed.certificates == [cf.der(cert)]


@pytest.mark.parametrize("sample", ["rsa-valid", "ec-valid"])
def test_pem_with_crlf_indentation_and_blank_lines(sample):
    cert = cf.certificate(sample)
    lines = cf.pem(cert).decode().splitlines()
    messy = "\r\n\r\n" + "\r\n".join(f"    {line}" for line in [*lines[:3], "", *lines[3:]]) + "\r\n\r\n"
    parsed = read_input(messy.encode(), "sso.pem")
    assert parsed.kind == "pem"
    assert parsed.certificates == [cf.der(cert)]


def test_pem_saved_by_notepad_as_utf16_with_bom():
    cert = cf.certificate("ec-valid")
    data = cf.pem(cert, crlf=True).decode().encode("utf-16")
    assert read_input(data, "sso.cer").certificates == [cf.der(cert)]


def test_text_around_the_pem_block_is_ignored():
    cert = cf.certificate("rsa-valid")
    data = b"Bag Attributes\n    friendlyName: sso\nsubject=/CN=x\n" + cf.pem(cert)
    assert read_input(data, "sso.pem").certificates == [cf.der(cert)]


def test_several_pem_certificates_keep_their_order():
    leaf, ca = cf.chain()
    parsed = read_input(cf.pem(leaf) + b"\n" + cf.pem(ca, crlf=True), "chain.pem")
    assert parsed.certificates == [cf.der(leaf), cf.der(ca)]


def test_bare_base64_body_wrapped_or_on_one_line():
    cert = cf.certificate("rsa-expired")
    body = cf.expected_body(cert)
    assert read_input(body.encode(), "paste").certificates == [cf.der(cert)]
    one_line = body.replace("\n", "")
    parsed = read_input(f"  {one_line}  \n".encode(), "paste")
    assert parsed.kind == "base64"
    assert parsed.certificates == [cf.der(cert)]


def test_bare_base64_bodies_separated_by_a_blank_line():
    leaf, ca = cf.chain()
    text = f"{cf.expected_body(leaf)}\n\n{cf.expected_body(ca)}\n"
    assert read_input(text.encode(), "paste").certificates == [cf.der(leaf), cf.der(ca)]


def test_padded_base64_bodies_separated_by_a_blank_line():
    """Run together, a first body ending in '=' padding is not base64 (a random key size found it)."""
    first, second = cf.padded(), cf.certificate("rsa-valid")
    text = f"{cf.expected_body(first)}\n\n{cf.expected_body(second)}\n"
    assert read_input(text.encode(), "paste").certificates == [cf.der(first), cf.der(second)]


def test_metadata_xml_values_and_signing_certificates():
    first, second = cf.certificate("rsa-valid"), cf.certificate("rsa-expiring")
    xml = cf.metadata_xml(
        [first, second], signature=cf.certificate("rsa-2060"), encryption=cf.certificate("ec-valid")
    )
    parsed = read_input(xml, "federationmetadata.xml")
    assert parsed.kind == "metadata"
    # listed twice (WS-Fed role and SAML IdP role), shown once; the document signature's own
    # certificate and the encryption key are not signing certificates
    assert parsed.certificates == [cf.der(first), cf.der(second)]
    meta = parsed.metadata
    assert meta.entity_id == cf.ENTITY_ID
    assert meta.login_url == cf.LOGIN_URL  # the HTTP-Redirect endpoint, not the POST one
    assert meta.logout_url == cf.LOGOUT_URL
    assert meta.tenant_id == cf.TENANT


def test_metadata_of_another_idp_has_no_tenant():
    xml = cf.metadata_xml([cf.certificate("ec-valid")], entity_id="http://www.okta.com/exk1")
    meta = read_input(xml, "okta.xml").metadata
    assert meta.entity_id == "http://www.okta.com/exk1"
    assert meta.tenant_id is None


@pytest.mark.parametrize("form", sorted(cf.private_keys()))
def test_private_keys_are_refused_in_every_form(form):
    with pytest.raises(PrivateKeyRefused) as refused:
        read_input(cf.private_keys()[form], "upload")
    assert "private key" in refused.value.message
    assert "Never paste" in refused.value.message


def test_private_key_as_bare_base64_is_refused():
    body = base64.b64encode(cf.private_keys()["pkcs8-der"])
    with pytest.raises(PrivateKeyRefused):
        read_input(body, "paste")


def test_pfx_file_name_is_refused_without_reading():
    with pytest.raises(PrivateKeyRefused):
        read_input(cf.der(cf.certificate("rsa-valid")), "C:/Users/admin/Downloads/sso.PFX")


def test_private_key_line_is_reported():
    data = cf.pem(cf.certificate("rsa-valid")) + b"\n" + cf.private_keys()["ec-pem"]
    with pytest.raises(PrivateKeyRefused) as refused:
        read_input(data, "both.pem")
    assert refused.value.line == len(cf.pem(cf.certificate("rsa-valid")).splitlines()) + 2


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"   \r\n", "empty"),
        (os.urandom(4096), "neither"),
        (bytes([0x30, 0x82, 0x01, 0x00]) + os.urandom(40), "binary (DER) data is not an X.509 certificate"),
        (base64.b64encode(b"hello, this is not a certificate at all"), "the base64 text is not an X.509"),
        (b"<html><body>Sign in</body></html>", "not SAML federation metadata"),
        (b"<EntityDescriptor", "cannot be read"),
        (b"just some words", "not valid base64"),
    ],
    ids=["empty", "blank", "random", "der-garbage", "base64-not-cert", "html", "broken-xml", "words"],
)
def test_garbage_gets_a_plain_message(data, expected):
    with pytest.raises(CertInputError) as error:
        read_input(data, "input")
    assert not isinstance(error.value, PrivateKeyRefused)
    assert expected in error.value.message


def test_truncated_der_is_explained():
    data = cf.der(cf.certificate("rsa-valid"))[:-40]
    with pytest.raises(CertInputError, match=r"binary \(DER\) data is not an X\.509 certificate"):
        read_input(data, "sso.cer")


def test_truncated_pem_names_the_begin_line():
    data = b"\n\n" + cf.pem(cf.certificate("rsa-valid"))[:300]
    with pytest.raises(CertInputError) as error:
        read_input(data, "sso.pem")
    assert error.value.line == 3
    assert "no END line" in error.value.message
    assert str(error.value).startswith("sso.pem:3: ")


def test_a_certificate_request_is_not_a_certificate():
    data = b"-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n"
    with pytest.raises(CertInputError, match="this is a CERTIFICATE REQUEST, not a certificate"):
        read_input(data, "req.pem")


def test_fifty_megabytes_are_refused_with_the_size():
    with pytest.raises(CertInputError, match=r"50\.0 MB"):
        read_input(b"A" * (50 * 1024 * 1024), "big.cer")


def test_xml_bomb_is_refused_not_expanded():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="&lol2;"/>'
    )
    with pytest.raises(CertInputError, match="refused for safety"):
        read_input(bomb, "bomb.xml")


def test_metadata_without_signing_certificate():
    xml = cf.metadata_xml([], encryption=cf.certificate("ec-valid"))
    with pytest.raises(CertInputError, match="no signing certificate"):
        read_input(xml, "meta.xml")


_VALID_DER = cf.der(cf.certificate("ec-valid"))
_VALID_PEM = cf.pem(cf.certificate("rsa-valid"), crlf=True)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2048),
        st.builds(lambda n: _VALID_DER[:n], st.integers(0, len(_VALID_DER))),
        st.builds(
            lambda i, b: _VALID_DER[:i] + bytes([b]) + _VALID_DER[i + 1 :],
            st.integers(0, len(_VALID_DER) - 1),
            st.integers(0, 255),
        ),
        st.builds(
            lambda i, b: _VALID_PEM[:i] + bytes([b]) + _VALID_PEM[i + 1 :],
            st.integers(0, len(_VALID_PEM) - 1),
            st.integers(0, 255),
        ),
    )
)
def test_any_bytes_give_certificates_or_a_plain_error(data):
    try:
        parsed = read_input(data, "fuzz")
    except CertInputError as error:
        assert error.message
        return
    assert [describe(der).body for der in parsed.certificates]  # whatever is accepted can be formatted
