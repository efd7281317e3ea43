"""Read Azure AD Federation Metadata XML: signing certificates, entityID, login and logout URLs.

Parsed with defusedxml (no entity expansion, no external fetches): a metadata file comes
from the internet and is exactly where an XML bomb would be planted.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.cert.errors import CertInputError

MD = "{urn:oasis:names:tc:SAML:2.0:metadata}"
DS = "{http://www.w3.org/2000/09/xmldsig#}"
REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
_TENANT = re.compile(
    r"^https://sts\.windows\.net/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/?$"
)


@dataclass(frozen=True)
class Metadata:
    """What the tutorial asks the admin to copy from the Azure AD side."""

    entity_id: str
    login_url: str | None
    logout_url: str | None
    tenant_id: str | None


def read_metadata(data: bytes, source: str) -> tuple[Metadata, list[bytes]]:
    """The metadata values and the distinct signing certificates (DER) in document order."""
    try:
        root = fromstring(data)
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else 1
        raise CertInputError(source, f"this looks like XML but cannot be read: {exc}", line) from None
    except DefusedXmlException as exc:
        raise CertInputError(source, f"XML refused for safety ({type(exc).__name__})") from None
    entity = root if root.tag == f"{MD}EntityDescriptor" else root.find(f".//{MD}EntityDescriptor")
    if entity is None:
        raise CertInputError(source, "this is XML but not SAML federation metadata (no EntityDescriptor)")
    metadata = Metadata(
        entity_id=entity.get("entityID", ""),
        login_url=_location(entity, "SingleSignOnService"),
        logout_url=_location(entity, "SingleLogoutService"),
        tenant_id=tenant_of(entity.get("entityID", "")),
    )
    certificates = _signing_certificates(entity, source)
    if not certificates:
        raise CertInputError(source, 'the metadata has no signing certificate (KeyDescriptor use="signing")')
    return metadata, certificates


def tenant_of(entity_id: str) -> str | None:
    """The tenant ID when the entityID is Azure AD's ``https://sts.windows.net/<tenant>/``."""
    match = _TENANT.match(entity_id.strip())
    return match.group(1).lower() if match else None


def _location(entity: Element, service: str) -> str | None:
    """The IdP's endpoint for ``service``, preferring the HTTP-Redirect binding Azure lists first."""
    idp = entity.find(f"{MD}IDPSSODescriptor")
    endpoints = (idp if idp is not None else entity).findall(f".//{MD}{service}")
    preferred = [e for e in endpoints if e.get("Binding") == REDIRECT] + endpoints
    return next((e.get("Location") for e in preferred if e.get("Location")), None)


def _signing_certificates(entity: Element, source: str) -> list[bytes]:
    """Every ``KeyDescriptor`` for signing (or with no ``use``), deduplicated across role descriptors."""
    found: list[bytes] = []
    for key in entity.iter(f"{MD}KeyDescriptor"):
        if key.get("use", "signing") != "signing":
            continue
        for node in key.iter(f"{DS}X509Certificate"):
            text = re.sub(r"\s+", "", node.text or "")
            try:
                der = base64.b64decode(text, validate=True)
            except (binascii.Error, ValueError):
                message = "a signing certificate in the metadata is not valid base64"
                raise CertInputError(source, message) from None
            if der not in found:
                found.append(der)
    return found
