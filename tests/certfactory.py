"""Test certificates made with ``cryptography``: shared by the unit and browser tests of the helper.

Keys are cached (RSA generation is the slow part); certificates are rebuilt relative to the
current time so "expired" and "expiring" stay true whenever the tests run.
"""

from __future__ import annotations

import base64
import html
from datetime import UTC, datetime, timedelta
from functools import cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

DAY = timedelta(days=1)
TENANT = "7e1b0f5a-1c2d-4e3f-8a9b-0c1d2e3f4a5b"
ENTITY_ID = f"https://sts.windows.net/{TENANT}/"
LOGIN_URL = f"https://login.microsoftonline.com/{TENANT}/saml2"
LOGOUT_URL = f"https://login.microsoftonline.com/{TENANT}/saml2/logout"
XSS_CN = '<img src=x onerror="window.__pwned=1">'

# name -> (key kind, days from now of notBefore, days from now of notAfter, common name)
SPECS: dict[str, tuple[str, float, float, str]] = {
    "rsa-valid": ("rsa", -30, 700, "Microsoft Azure Federated SSO Certificate"),
    "ec-valid": ("ec", -1, 365, "ec.example.com"),
    "rsa-expired": ("rsa", -400, -5, "expired.example.com"),
    "ec-not-yet-valid": ("ec", 10, 400, "future.example.com"),
    "rsa-expiring": ("rsa", -300, 12, "expiring.example.com"),
    "rsa-2060": ("rsa", -1, 365 * 36, "long-lived.example.com"),  # GeneralizedTime after 2049
    "xss": ("ec", -1, 90, XSS_CN),
}


@cache
def key(kind: str, slot: int = 0) -> rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey:
    """RSA 2048 or EC P-256; ``slot`` gives an independent key of the same kind."""
    if kind == "rsa":
        return rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return ec.generate_private_key(ec.SECP256R1())


def name(common_name: str, organisation: str | None = "Contoso, Ltd.") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "GB")]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(parts)


def build(
    subject: x509.Name,
    subject_key,
    not_before: datetime,
    not_after: datetime,
    issuer: x509.Name | None = None,
    issuer_key=None,
    serial: int | None = None,
    ca: bool = False,
) -> x509.Certificate:
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer or subject)
        .public_key(subject_key.public_key())
        .serial_number(serial or x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    return builder.sign(issuer_key or subject_key, hashes.SHA256())


@cache
def certificate(sample: str) -> x509.Certificate:
    """One of SPECS, self-signed, with times relative to now (whole seconds, as X.509 stores them)."""
    kind, start, end, common_name = SPECS[sample]
    now = datetime.now(UTC).replace(microsecond=0)
    return build(name(common_name), key(kind), now + start * DAY, now + end * DAY)


@cache
def chain() -> tuple[x509.Certificate, x509.Certificate]:
    """(leaf, issuing CA): the leaf is EC P-256 signed by an RSA CA."""
    now = datetime.now(UTC).replace(microsecond=0)
    ca_name = name("Contoso Issuing CA")
    ca = build(ca_name, key("rsa", 1), now - 10 * DAY, now + 3650 * DAY, ca=True, serial=0x0100FF)
    leaf = build(name("sso.contoso.com"), key("ec", 1), now - DAY, now + 200 * DAY, ca_name, key("rsa", 1))
    return leaf, ca


def padded() -> x509.Certificate:
    """A certificate whose base64 body ends in "=" padding (bodies run together then are not base64).

    The padding follows the DER length: names of growing length make one that has it.
    """
    now = datetime.now(UTC).replace(microsecond=0)
    made = (build(name("x" * size), key("ec", 1), now, now + DAY) for size in range(1, 9))
    return next(cert for cert in made if expected_body(cert).endswith("="))


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


def pem(cert: x509.Certificate, crlf: bool = False) -> bytes:
    text = cert.public_bytes(serialization.Encoding.PEM)
    return text.replace(b"\n", b"\r\n") if crlf else text


def expected_body(cert: x509.Certificate) -> str:
    """The tutorial's "remove the first and last line" done on cryptography's own PEM."""
    return "\n".join(pem(cert).decode("ascii").strip().splitlines()[1:-1])


def metadata_xml(
    signing: list[x509.Certificate],
    *,
    entity_id: str = ENTITY_ID,
    login_url: str = LOGIN_URL,
    logout_url: str = LOGOUT_URL,
    signature: x509.Certificate | None = None,
    encryption: x509.Certificate | None = None,
) -> bytes:
    """Federation metadata shaped like Azure AD's: a WS-Fed RoleDescriptor and an IDPSSODescriptor
    that both list the signing certificates, plus the document's own Signature."""

    def key_info(cert: x509.Certificate) -> str:
        body = base64.b64encode(der(cert)).decode("ascii")
        return (
            '<KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data>'
            f"<X509Certificate>{body}</X509Certificate></X509Data></KeyInfo>"
        )

    keys = "".join(f'<KeyDescriptor use="signing">{key_info(c)}</KeyDescriptor>' for c in signing)
    if encryption is not None:
        keys += f'<KeyDescriptor use="encryption">{key_info(encryption)}</KeyDescriptor>'
    sig = ""
    if signature is not None:
        sig = (
            '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/>'
            f"<SignatureValue>AAAA</SignatureValue>{key_info(signature)}</Signature>"
        )
    redirect = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
    post = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
    xml = (
        '<?xml version="1.0" encoding="utf-8"?>\r\n'
        f'<EntityDescriptor ID="_a1b2" entityID="{html.escape(entity_id)}" '
        'xmlns="urn:oasis:names:tc:SAML:2.0:metadata">'
        f"{sig}"
        '<RoleDescriptor xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:fed="http://docs.oasis-open.org/wsfed/federation/200706" '
        'xsi:type="fed:SecurityTokenServiceType" '
        'protocolSupportEnumeration="http://docs.oasis-open.org/wsfed/federation/200706">'
        f"{keys}</RoleDescriptor>\r\n"
        '<IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">'
        f"{keys}"
        f'<SingleLogoutService Binding="{redirect}" Location="{html.escape(logout_url)}"/>'
        f'<SingleSignOnService Binding="{post}" Location="{html.escape(login_url)}/post"/>'
        f'<SingleSignOnService Binding="{redirect}" Location="{html.escape(login_url)}"/>'
        "</IDPSSODescriptor></EntityDescriptor>\r\n"
    )
    return xml.encode("utf-8")


def private_keys() -> dict[str, bytes]:
    """A private key in every form an admin might have lying around next to the certificate."""
    rsa_key, ec_key = key("rsa"), key("ec")
    pem_, der_ = serialization.Encoding.PEM, serialization.Encoding.DER
    pkcs8, traditional = serialization.PrivateFormat.PKCS8, serialization.PrivateFormat.TraditionalOpenSSL
    plain = serialization.NoEncryption()
    locked = serialization.BestAvailableEncryption(b"hunter2")
    return {
        "pkcs8-pem": rsa_key.private_bytes(pem_, pkcs8, plain),
        "rsa-pem": rsa_key.private_bytes(pem_, traditional, plain),
        "ec-pem": ec_key.private_bytes(pem_, traditional, plain),
        "encrypted-pem": rsa_key.private_bytes(pem_, pkcs8, locked),
        "openssh": ec_key.private_bytes(pem_, serialization.PrivateFormat.OpenSSH, plain),
        "pkcs8-der": ec_key.private_bytes(der_, pkcs8, plain),
        "encrypted-der": ec_key.private_bytes(der_, pkcs8, locked),
        "pfx": pkcs12_bundle(None),
        "pfx-password": pkcs12_bundle(b"hunter2"),
        "cert-then-key-pem": pem(certificate("rsa-valid")) + rsa_key.private_bytes(pem_, pkcs8, plain),
    }


def pkcs12_bundle(password: bytes | None) -> bytes:
    encryption = serialization.BestAvailableEncryption(password) if password else serialization.NoEncryption()
    return pkcs12.serialize_key_and_certificates(
        b"sso", key("rsa"), certificate("rsa-valid"), None, encryption
    )
