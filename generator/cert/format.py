"""One DER certificate as the tutorial and Azure want it: bodies, PEM, thumbprints, validity.

The page computes the same fields in the browser (certificate.js + der.js); tests check
the two agree, and agree with cryptography's own fingerprint().
"""

from __future__ import annotations

import base64
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa

EXPIRY_WARNING = timedelta(days=30)


@dataclass(frozen=True)
class CertView:
    """What the helper shows for one certificate (times are ISO 8601 UTC with a ``Z``)."""

    subject: str
    issuer: str
    serial: str
    not_before: str
    not_after: str
    status: str  # valid, expiring (within 30 days), expired, not-yet-valid
    days_left: int
    key: str
    sha1: str
    sha256: str
    sha256_colon: str
    body: str
    body_line: str
    pem: str


def describe(der: bytes, now: datetime | None = None) -> CertView:
    """Format one certificate; ``now`` (UTC) decides the validity status."""
    cert = x509.load_der_x509_certificate(der)
    now = now or datetime.now(UTC)
    body_line = base64.b64encode(der).decode("ascii")
    body = "\n".join(textwrap.wrap(body_line, 64))
    sha256 = cert.fingerprint(hashes.SHA256()).hex().upper()
    return CertView(
        subject=cert.subject.rfc4514_string(),
        issuer=cert.issuer.rfc4514_string(),
        serial=serial_hex(cert.serial_number),
        not_before=iso(cert.not_valid_before_utc),
        not_after=iso(cert.not_valid_after_utc),
        status=status(cert.not_valid_before_utc, cert.not_valid_after_utc, now),
        days_left=(cert.not_valid_after_utc - now) // timedelta(days=1),
        key=key_description(cert),
        sha1=cert.fingerprint(hashes.SHA1()).hex().upper(),  # Azure shows the SHA-1 thumbprint
        sha256=sha256,
        sha256_colon=":".join(sha256[i : i + 2] for i in range(0, len(sha256), 2)),
        body=body,
        body_line=body_line,
        pem=f"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n",
    )


def serial_hex(serial: int) -> str:
    """Uppercase hex with an even number of digits, as certificate viewers print it."""
    digits = format(abs(serial), "X")
    digits = digits.zfill(len(digits) + len(digits) % 2)
    return f"-{digits}" if serial < 0 else digits


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def status(not_before: datetime, not_after: datetime, now: datetime) -> str:
    """The warning an admin needs before pasting: not yet valid, expired, or expiring soon."""
    if now < not_before:
        return "not-yet-valid"
    if now > not_after:
        return "expired"
    if not_after - now <= EXPIRY_WARNING:
        return "expiring"
    return "valid"


def key_description(cert: x509.Certificate) -> str:
    """``RSA 2048``, ``EC P-256``: enough to tell two rollover certificates apart."""
    try:
        key = cert.public_key()
    except (UnsupportedAlgorithm, ValueError):
        return "unknown"
    if isinstance(key, rsa.RSAPublicKey):
        return f"RSA {key.key_size}"
    if isinstance(key, ec.EllipticCurvePublicKey):
        return f"EC {_CURVES.get(key.curve.name, key.curve.name)}"
    if isinstance(key, ed25519.Ed25519PublicKey):
        return "Ed25519"
    if isinstance(key, ed448.Ed448PublicKey):
        return "Ed448"
    if isinstance(key, dsa.DSAPublicKey):
        return f"DSA {key.key_size}"
    return "unknown"


_CURVES = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}
