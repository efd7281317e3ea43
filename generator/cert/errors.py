"""Errors of the certificate helper; each names the input and the line it is about."""

from __future__ import annotations


class CertInputError(ValueError):
    """The input is not something the helper can format; the message says what it is instead."""

    def __init__(self, source: str, message: str, line: int = 1) -> None:
        super().__init__(f"{source}:{line}: {message}")
        self.source = source
        self.line = line
        self.message = message


class PrivateKeyRefused(CertInputError):
    """The input holds a private key (PEM or PKCS#12): never display, keep or store it."""
