"""Is a download a tutorial we can use? Only then may it replace the local copy.

Upstreams fail in ways that still answer "200 OK": a login or error page in HTML, an
empty body, a truncated or binary file, the article moved to the other dialect. Each is
refused here with a reason, using the same reader and parser as the build.
"""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import Loaded, load_bytes

_MARKUP_STARTS = (b"<!doctype", b"<html", b"<head", b"<body", b"<?xml")


class Rejected(Exception):
    """The download is not a readable tutorial; the message says why."""


def looks_like_markup_page(body: bytes) -> bool:
    """An HTML or XML document (error page, sign-in page, storage error), not Markdown.

    Legacy tutorials open with ``<properties``, so only document-level tags count.
    """
    start = body.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith(_MARKUP_STARTS)


def accept(body: bytes, path: Path, root: Path, dialect: str | None) -> Loaded:
    """The parsed download, or :class:`Rejected` when it must not replace ``path``."""
    if not body.strip():
        raise Rejected("empty body")
    if looks_like_markup_page(body):
        raise Rejected("an HTML or XML page, not Markdown (an error or sign-in page?)")
    loaded = load_bytes(body, path, None, root)
    errors = [d for d in loaded.diagnostics.sorted() if d.severity == "error"]
    if errors:
        first = errors[0]
        raise Rejected(f"does not read cleanly: line {first.line}: {first.code} {first.message}")
    tutorial = loaded.tutorial
    if dialect is not None and tutorial.dialect != dialect:
        raise Rejected(f"{tutorial.dialect} dialect where {dialect} is expected")
    if not tutorial.title:
        raise Rejected("no title")
    if not tutorial.sections:
        raise Rejected("no sections")
    return loaded
