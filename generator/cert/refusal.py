"""Spot private keys so they are refused, never shown: PEM blocks of any kind, DER keys, PKCS#12.

Admins paste whatever their IdP gave them; a ``.pfx`` or a ``PRIVATE KEY`` block is a
secret that must not end up in a terminal scroll-back, a JSON file or a web page.
"""

from __future__ import annotations

import re

from cryptography.hazmat.primitives.serialization import load_der_private_key, pkcs12

from generator.cert.errors import PrivateKeyRefused

REFUSAL = (
    "this is a private key{what}: the helper refuses it and shows none of it. "
    "Never paste or upload a private key anywhere; the tutorial only needs the certificate "
    "(Azure's 'Certificate (Base64)' or 'Certificate (Raw)' download)."
)
KEY_FILE_EXTENSIONS = (".pfx", ".p12", ".key", ".ppk")
_TEXT_MARKS = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----|PuTTY-User-Key-File-")
# PFX = SEQUENCE { INTEGER 3, ContentInfo { OID pkcs7-data ... } }: the version and the
# content-type OID always sit in the first few dozen bytes, whatever the lengths are.
_PKCS12_VERSION = b"\x02\x01\x03"
_PKCS7_DATA_OID = b"\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01"


def refuse(source: str, what: str = "", line: int = 1) -> PrivateKeyRefused:
    """The one refusal message, so the CLI and its tests agree on the wording."""
    return PrivateKeyRefused(source, REFUSAL.format(what=what), line)


def check_name(source: str) -> None:
    """A ``.pfx``/``.p12``/``.key``/``.ppk`` file is refused before it is even read."""
    if source.lower().endswith(KEY_FILE_EXTENSIONS):
        raise refuse(source, f" file ({source.rsplit('.', 1)[-1]})")


def check_text(text: str, source: str) -> None:
    """Refuse text holding a private-key armour line, even a truncated or mangled one."""
    match = _TEXT_MARKS.search(text)
    if match:
        raise refuse(source, " block", text.count("\n", 0, match.start()) + 1)


def check_binary(data: bytes, source: str) -> None:
    """Refuse DER that is a private key (plain or encrypted) or a PKCS#12/.pfx bundle."""
    if looks_like_pkcs12(data):
        raise refuse(source, " bundle (PKCS#12/.pfx)")
    try:
        load_der_private_key(data, password=None)
    except TypeError:  # "password was not given but private key is encrypted": still a key
        raise refuse(source, " (encrypted)") from None
    except (ValueError, NotImplementedError, IndexError):
        return
    raise refuse(source)


def looks_like_pkcs12(data: bytes) -> bool:
    """True for a PKCS#12 bundle, with or without a password."""
    head = data[:40]
    if data[:1] == b"\x30" and _PKCS12_VERSION in head[:8] and _PKCS7_DATA_OID in head:
        return True
    try:
        pkcs12.load_key_and_certificates(data, None)
    except (ValueError, TypeError):
        return False
    return True
