"""Bodies, thumbprints and validity of one certificate (generator.cert.format), checked against
cryptography's own PEM output and fingerprint()."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes

from generator.cert.format import describe, serial_hex, status
from tests import certfactory as cf

ALL = [*cf.SPECS, "chain-leaf", "chain-ca"]


def sample(name: str) -> x509.Certificate:
    if name.startswith("chain-"):
        leaf, ca = cf.chain()
        return leaf if name == "chain-leaf" else ca
    return cf.certificate(name)


@pytest.mark.parametrize("name", ALL)
def test_bodies_and_pem_match_cryptography(name):
    cert = sample(name)
    view = describe(cf.der(cert))
    assert view.body == cf.expected_body(cert)
    assert all(len(line) == 64 for line in view.body.splitlines()[:-1])
    assert view.body_line == cf.expected_body(cert).replace("\n", "")
    assert "\n" not in view.body_line
    assert view.pem == cf.pem(cert).decode("ascii")


@pytest.mark.parametrize("name", ALL)
def test_thumbprints_match_cryptography(name):
    cert = sample(name)
    view = describe(cf.der(cert))
    assert view.sha1 == cert.fingerprint(hashes.SHA1()).hex().upper()
    sha256 = cert.fingerprint(hashes.SHA256())
    assert view.sha256 == sha256.hex().upper()
    assert view.sha256_colon == sha256.hex(":").upper()  # openssl's "SHA256 Fingerprint=AB:CD:..."


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("rsa-valid", "valid"),
        ("ec-valid", "valid"),
        ("rsa-expired", "expired"),
        ("ec-not-yet-valid", "not-yet-valid"),
        ("rsa-expiring", "expiring"),
        ("rsa-2060", "valid"),
    ],
)
def test_validity_status(name, expected):
    assert describe(cf.der(cf.certificate(name))).status == expected


def test_expiry_warning_starts_thirty_days_before_the_end():
    start = datetime(2024, 1, 1, tzinfo=UTC)
    end = datetime(2025, 1, 1, tzinfo=UTC)
    assert status(start, end, end - timedelta(days=30, seconds=1)) == "valid"
    assert status(start, end, end - timedelta(days=30)) == "expiring"
    assert status(start, end, end) == "expiring"
    assert status(start, end, end + timedelta(seconds=1)) == "expired"
    assert status(start, end, start - timedelta(seconds=1)) == "not-yet-valid"


def test_fields_an_admin_reads():
    leaf, ca = cf.chain()
    view = describe(cf.der(leaf))
    assert view.subject == "CN=sso.contoso.com,O=Contoso\\, Ltd.,C=GB"
    assert view.issuer == "CN=Contoso Issuing CA,O=Contoso\\, Ltd.,C=GB"
    assert view.key == "EC P-256"
    assert describe(cf.der(ca)).key == "RSA 2048"
    assert describe(cf.der(ca)).serial == "0100FF"
    assert view.not_before == leaf.not_valid_before_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert view.not_after == leaf.not_valid_after_utc.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert 198 <= view.days_left <= 200


def test_times_after_2049_are_read():
    view = describe(cf.der(cf.certificate("rsa-2060")))
    assert int(view.not_after[:4]) >= 2050


@pytest.mark.parametrize(("serial", "text"), [(1, "01"), (0xABC, "0ABC"), (0x7F00, "7F00"), (-5, "-05")])
def test_serial_is_even_length_uppercase_hex(serial, text):
    assert serial_hex(serial) == text
