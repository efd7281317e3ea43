"""Bytes to text: BOMs, UTF-16, cp1252 fallback, line endings.

Upstream tutorials were written on many machines; a file that is not UTF-8 is still read
(with a diagnostic) rather than refused, so nothing a docs team ships is lost.
"""

from __future__ import annotations

import codecs

from generator.diagnostics import Diagnostics


def decode(data: bytes, diags: Diagnostics) -> str:
    """Decode ``data`` and normalise line endings to LF."""
    if data.startswith(codecs.BOM_UTF8):
        text = _utf8_or_fallback(data[len(codecs.BOM_UTF8) :], diags)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            diags.error("undecodable", f"invalid UTF-16 ({exc.reason}); undecodable bytes replaced")
            text = data.decode("utf-16", errors="replace")
    else:
        text = _utf8_or_fallback(data, diags)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        diags.error("binary-content", "file contains NUL bytes (binary data?); they were dropped", line)
        text = text.replace("\x00", "")
    return text


def _utf8_or_fallback(data: bytes, diags: Diagnostics) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        diags.error("undecodable", "bytes that are neither UTF-8 nor cp1252; replaced with U+FFFD", line)
        return data.decode("utf-8", errors="replace")
    diags.warning("encoding-cp1252", "file is not UTF-8; read as cp1252 (Windows-1252)", line)
    return text
