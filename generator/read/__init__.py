"""Read stage: bytes on disk -> :class:`Source` (normalised Markdown + metadata).

Each dialect strips its own header; both then share the line-level normalisations in
:mod:`generator.read.lines`. Callouts, includes and the other tokens of either dialect are
recognised later, on markdown-it tokens, so text inside code is never mistaken for them.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.read import legacy, modern
from generator.read.decode import decode
from generator.read.lines import fix_lines
from generator.read.source import Source

DIALECTS = ("legacy", "modern")
MAX_BYTES = 32 * 1024 * 1024

_LEGACY_HINT = re.compile(r"\A\s*<(properties|tags)\b|\[AZURE\.[A-Z]", re.I)


def detect_dialect(text: str) -> str:
    """Legacy when the file opens with the ACOM header or uses ``[AZURE.*]`` tokens."""
    return "legacy" if _LEGACY_HINT.search(text[:200_000]) else "modern"


def read_bytes(data: bytes, path: str, dialect: str | None = None) -> Source:
    diags = Diagnostics(path)
    if len(data) > MAX_BYTES:
        diags.error("file-too-large", f"file is {len(data)} bytes; only the first {MAX_BYTES} are read")
        data = data[:MAX_BYTES]
    original = decode(data, diags)
    chosen = dialect or detect_dialect(original)
    if chosen == "legacy":
        metadata, text = legacy.split_header(original, diags)
        front, text = modern.split_front_matter(text, diags)
    else:
        metadata, text = modern.split_front_matter(original, diags)
        front, text = legacy.split_header(text, diags)
    metadata.update(front)
    lines = text.split("\n")
    markers = fix_lines(lines, diags)
    return Source(path, chosen, original, "\n".join(lines), metadata, markers, diags)


def read_file(path: str | Path, dialect: str | None = None) -> Source:
    return read_bytes(Path(path).read_bytes(), str(path), dialect)
