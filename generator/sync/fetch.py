"""One conditional HTTP GET with an overall deadline, from the standard library only.

``urlopen``'s own timeout bounds each socket operation, so a server that drips a byte
at a time could hold it forever; the body is therefore read in chunks against one
deadline for the whole download.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from generator import __version__
from generator.read import MAX_BYTES
from generator.sync.state import Validators

CHUNK = 64 * 1024


class FetchError(Exception):
    """The download failed; the message says how, for the report."""


@dataclass
class Response:
    status: int  # 200, or 304 when the upstream is unchanged
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


def _request(url: str, known: Validators | None) -> urllib.request.Request:
    headers = {
        "User-Agent": f"tutorial-checklists/{__version__} (sync)",
        "Accept": "text/markdown, text/plain;q=0.9, */*;q=0.5",
    }
    if known is not None and known.etag:
        headers["If-None-Match"] = known.etag
    if known is not None and known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return urllib.request.Request(url, headers=headers)


def _read(response: http.client.HTTPResponse, deadline: float, timeout: float) -> bytes:
    parts: list[bytes] = []
    size = 0
    while chunk := response.read1(CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise FetchError(f"larger than {MAX_BYTES} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"timed out after {timeout:g} s")
        parts.append(chunk)
    return b"".join(parts)


def fetch(url: str, known: Validators | None, timeout: float) -> Response:
    """GET ``url``; raise :class:`FetchError` for anything but a 200 with a body or a 304."""
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(_request(url, known), timeout=timeout) as response:
            body = _read(response, deadline, timeout)
            headers = response.headers
            return Response(
                response.status,
                body,
                headers.get("ETag"),
                headers.get("Last-Modified"),
                headers.get("Content-Type", ""),
            )
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 304:
            return Response(304, etag=exc.headers.get("ETag"), last_modified=exc.headers.get("Last-Modified"))
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise FetchError(f"timed out after {timeout:g} s") from exc
        raise FetchError(f"cannot connect: {exc.reason}") from exc
    except TimeoutError as exc:
        raise FetchError(f"timed out after {timeout:g} s") from exc
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"download failed: {exc.__class__.__name__} {exc}".strip()) from exc
