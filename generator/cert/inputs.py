"""Decide what an admin's input is and split it into DER certificates (plus metadata values).

Accepted: binary DER (Azure's "Certificate (Raw)"), PEM with any line endings, blank lines
or indentation, bare base64 without header lines, several certificates in one input, and
SAML Federation Metadata XML. Private keys and PKCS#12 bundles are refused outright.
The browser page applies the same rules in certificate.js.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

from generator.cert import refusal
from generator.cert.errors import CertInputError
from generator.cert.format import describe
from generator.cert.metadata import Metadata, read_metadata

MAX_INPUT_BYTES = 5 * 1024 * 1024
CERT_LABELS = ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE")
_BEGIN = re.compile(r"^-----BEGIN ([A-Z0-9 ]+)-----$")
_END = re.compile(r"^-----END ([A-Z0-9 ]+)-----$")
_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


@dataclass(frozen=True)
class ParsedInput:
    """``kind`` is der, pem, base64 or metadata; ``certificates`` are DER, in input order."""

    kind: str
    certificates: list[bytes]
    metadata: Metadata | None = None


def read_input(data: bytes, source: str) -> ParsedInput:
    """Classify ``data`` (named ``source`` in messages); raise CertInputError or PrivateKeyRefused."""
    refusal.check_name(source)
    if len(data) > MAX_INPUT_BYTES:
        raise CertInputError(
            source,
            f"the input is {len(data) / 1_048_576:.1f} MB; a certificate or metadata file is a few KB "
            f"(the helper reads at most {MAX_INPUT_BYTES // 1_048_576} MB)",
        )
    if not data.strip():
        raise CertInputError(source, "the input is empty")
    if _looks_binary_der(data):
        return ParsedInput("der", [_der_certificate(data, source, "binary (DER) data")])
    text = _decode(data)
    refusal.check_text(text, source)
    if "-----BEGIN" in text:
        return ParsedInput("pem", _pem_certificates(text, source))
    if text.lstrip().startswith("<"):
        metadata, certificates = read_metadata(data, source)
        for der in certificates:
            _der_certificate(der, source, "a certificate in the metadata")
        return ParsedInput("metadata", certificates, metadata)
    return ParsedInput("base64", _base64_certificates(text, source))


def _looks_binary_der(data: bytes) -> bool:
    """A DER SEQUENCE with a long-form length: what every certificate, key and .pfx starts with."""
    return len(data) > 1 and data[0] == 0x30 and data[1] >= 0x80


def _decode(data: bytes) -> str:
    """Text as Notepad may have saved it: UTF-8 (BOM or not), UTF-16 with BOM, else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _der_certificate(der: bytes, source: str, what: str, line: int = 1) -> bytes:
    """``der`` itself when it is one X.509 certificate the helper can format (cryptography parses
    some fields only when asked, so formatting is the test); a key is refused, anything else
    explained."""
    try:
        describe(der)
    except Exception as exc:  # malformed fields raise ValueError, KeyError, InvalidVersion, ...
        refusal.check_binary(der, source)
        detail = str(exc) if isinstance(exc, ValueError) else "a field cannot be read"
        raise CertInputError(source, f"{what} is not an X.509 certificate ({detail})", line) from None
    return der


def _pem_certificates(text: str, source: str) -> list[bytes]:
    """Every certificate block, tolerant of CRLF, indentation and blank lines inside a block."""
    certificates: list[bytes] = []
    label: str | None = None
    start = 0
    body: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        begin, end = _BEGIN.match(line), _END.match(line)
        if begin and label is None:
            label, start, body = begin.group(1), number, []
        elif end and label is not None:
            if end.group(1) != label:
                raise CertInputError(source, f"'-----BEGIN {label}-----' is closed by '{line}'", number)
            certificates.append(_pem_block(label, "".join(body), source, start))
            label = None
        elif label is not None:
            body.append(line)
    if label is not None:
        raise CertInputError(source, f"'-----BEGIN {label}-----' has no END line (truncated?)", start)
    if not certificates:
        raise CertInputError(source, "no complete '-----BEGIN CERTIFICATE-----' block found")
    return certificates


def _pem_block(label: str, body: str, source: str, line: int) -> bytes:
    if label not in CERT_LABELS:
        raise CertInputError(source, f"this is a {label}, not a certificate", line)
    der = _b64(re.sub(r"\s+", "", body), source, line, f"the {label} block")
    return _der_certificate(der, source, f"the {label} block", line)


def _base64_certificates(text: str, source: str) -> list[bytes]:
    """Bare base64 (the body the tutorial wants, pasted back): one certificate, or several
    separated by blank lines."""
    try:
        # Two padded bodies run together are not base64: the paragraphs are tried then too.
        whole = _b64(re.sub(r"\s+", "", text), source, 1, "the input")
        return [_der_certificate(whole, source, "the base64 text")]
    except CertInputError:
        paragraphs = _paragraphs(text)
        if len(paragraphs) < 2:
            raise
    return [
        _der_certificate(_b64(body, source, line, "a base64 paragraph"), source, "a base64 paragraph", line)
        for line, body in paragraphs
    ]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(first line, whitespace-free text) of each blank-line-separated paragraph."""
    paragraphs: list[tuple[int, str]] = []
    current: list[str] = []
    for number, raw in enumerate([*text.splitlines(), ""], start=1):
        if raw.strip():
            current.append(raw.strip())
        elif current:
            paragraphs.append((number - len(current), re.sub(r"\s+", "", "".join(current))))
            current = []
    return paragraphs


def _b64(body: str, source: str, line: int, what: str) -> bytes:
    if not _BASE64.match(body):
        raise CertInputError(
            source,
            f"{what} is neither a certificate file (DER or PEM), base64 text nor metadata XML",
            line,
        )
    try:
        return base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise CertInputError(source, f"{what} is not valid base64 ({exc})", line) from None
