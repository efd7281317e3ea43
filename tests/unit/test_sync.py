"""``sync`` against a local HTTP server started by the test (127.0.0.1 only, no network).

Every failure an upstream can produce must leave the good local copy byte for byte as it
was, be named in the report with the line of its ``sources.yml`` entry, and make the
command exit non-zero; a real change is written and its step diff printed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main

V1 = """---
title: Contoso Files
ms.date: 01/02/2020
---
# Tutorial: Contoso Files

## Configure single sign-on

**To configure single sign-on, perform the following steps:**

1. On the **Contoso Files** page, select **Single sign-on**.
2. Select **SAML** as the single sign-on method.
3. Download the **Certificate (Base64)** and save it on your computer.
"""
V2 = V1.replace("01/02/2020", "03/04/2021").replace(
    "Select **SAML** as the single sign-on method.", "Select **SAML-based sign-on** as the method."
)
LEGACY = """<properties pageTitle="Contoso Files" description="Example" />
<tags ms.date="01/02/2020" />

#Tutorial: Contoso Files

##Configure single sign-on

1.  On the **Contoso Files** page, select **Single sign-on**.
"""
HTML_PAGE = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><h1>Sign in</h1></body></html>\n"
GARBAGE = bytes(range(256)) * 8
TIMEOUT = "0.5"

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Upstream:
    """A tiny upstream: named routes, and every request's path and headers kept for asserts."""

    server: ThreadingHTTPServer
    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, name: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/{name}"

    def headers_of(self, name: str) -> list[dict[str, str]]:
        return [headers for path, headers in self.seen if path == f"/{name}"]


def send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    handler.send_response(status)
    for key, value in {"Content-Length": str(len(body)), **headers}.items():
        handler.send_header(key.replace("_", "-"), value)
    handler.end_headers()
    handler.wfile.write(body)


def tutorial(body: str, etag: str | None = None, modified: str | None = None) -> Handler:
    """Serve ``body``; answer 304 when the client already has this ETag / date."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        if (etag and handler.headers.get("If-None-Match") == etag) or (
            modified and handler.headers.get("If-Modified-Since") == modified
        ):
            send(handler, 304)
            return
        extra = {"ETag": etag} if etag else {}
        if modified:
            extra["Last-Modified"] = modified
        send(handler, 200, body.encode("utf-8"), Content_Type="text/markdown; charset=utf-8", **extra)

    return handle


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    state: dict[str, Upstream] = {}

    class Handle(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server = state["upstream"]
            server.seen.append((self.path, dict(self.headers)))
            route = server.routes.get(self.path.lstrip("/"))
            try:
                if route is None:
                    send(self, 404, b"Not Found")
                else:
                    route(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (the timeout cases)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handle)
    state["upstream"] = Upstream(server)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state["upstream"]
    state["upstream"].release.set()
    server.shutdown()
    server.server_close()


def stall(upstream: Upstream) -> Handler:
    """Answer only after the test is over: longer than any --timeout used here."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        upstream.release.wait(10)
        send(handler, 200, V2.encode())

    return handle


def drip(upstream: Upstream) -> Handler:
    """Send the headers at once, then one byte every 0.1 s: each read is quick, the whole is not."""

    def handle(handler: BaseHTTPRequestHandler) -> None:
        body = V2.encode()
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        for byte in body:
            if upstream.release.wait(0.1):
                return
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()

    return handle


def status(code: int, body: bytes = b"error") -> Handler:
    return lambda handler: send(handler, code, body)


def body(data: bytes, content_type: str = "text/plain") -> Handler:
    return lambda handler: send(handler, 200, data, Content_Type=content_type)


def configure(folder: Path, upstream: Upstream, entries: dict[str, str], **local: str) -> dict[str, int]:
    """Write sources.yml (route -> local file) and the local copies; return each file's entry line."""
    lines = ["# upstream tutorials", "sources:"]
    where = {}
    for route, name in entries.items():
        where[name] = len(lines) + 1
        lines += [f"  - url: {upstream.url(route)}", f"    file: {name}"]
    (folder / "sources.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name, text in local.items():
        (folder / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return where


def sync(capsys, folder: Path, *extra: str) -> tuple[int, str, str]:
    code = main(["sync", "--source", str(folder), "--timeout", TIMEOUT, "--quiet", *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def state_of(folder: Path) -> dict:
    return json.loads((folder / ".sync-state.json").read_text())["sources"]


def test_changed_tutorial_is_replaced_and_its_diff_printed(
    tmp_path: Path, upstream: Upstream, capsys
) -> None:
    upstream.routes["files.md"] = tutorial(V2, etag='"v2"')
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    code, out, err = sync(capsys, tmp_path)
    assert code == 0, err
    assert (tmp_path / "files.md").read_text(encoding="utf-8") == V2
    assert "updated       files.md" in out
    assert "~ metadata ms.date: [-01/02/2020-]{+03/04/2021+}" in out
    assert "~ Configure single sign-on › 2  [changed]" in out
    assert "Select [-SAML-]{+SAML-based sign-on+} as the [-single sign-on-] method." in out
    assert out.rstrip().endswith("1 sources, 1 downloaded: 1 updated")
    assert state_of(tmp_path)[upstream.url("files.md")]["etag"] == '"v2"'
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_not_modified_leaves_the_file_alone_and_downloads_nothing(
    tmp_path: Path, upstream: Upstream, capsys
) -> None:
    upstream.routes["files.md"] = tutorial(V2, etag='"v2"')
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    assert sync(capsys, tmp_path)[0] == 0
    before = (tmp_path / "files.md").stat()
    code, out, _ = sync(capsys, tmp_path)
    assert code == 0
    assert upstream.headers_of("files.md")[-1]["If-None-Match"] == '"v2"'
    assert "not-modified  files.md" in out
    assert out.rstrip().endswith("1 sources, 0 downloaded: 1 not-modified")
    after = (tmp_path / "files.md").stat()
    assert (after.st_mtime_ns, after.st_ino) == (before.st_mtime_ns, before.st_ino)


def test_last_modified_is_sent_back_as_if_modified_since(tmp_path: Path, upstream: Upstream, capsys) -> None:
    date = "Wed, 21 Oct 2020 07:28:00 GMT"
    upstream.routes["files.md"] = tutorial(V2, modified=date)
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    sync(capsys, tmp_path)
    code, out, _ = sync(capsys, tmp_path)
    assert code == 0 and "not-modified" in out
    assert upstream.headers_of("files.md")[-1]["If-Modified-Since"] == date


def test_a_hand_edited_copy_is_downloaded_in_full_again(tmp_path: Path, upstream: Upstream, capsys) -> None:
    upstream.routes["files.md"] = tutorial(V2, etag='"v2"')
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    sync(capsys, tmp_path)
    (tmp_path / "files.md").write_text(V1, encoding="utf-8")
    code, out, _ = sync(capsys, tmp_path)
    assert code == 0 and "updated" in out
    assert "If-None-Match" not in upstream.headers_of("files.md")[-1]
    assert (tmp_path / "files.md").read_text(encoding="utf-8") == V2


def test_new_local_copy_is_created(tmp_path: Path, upstream: Upstream, capsys) -> None:
    upstream.routes["files.md"] = tutorial(V2)
    configure(tmp_path, upstream, {"files.md": "sub/files.md"})
    code, out, _ = sync(capsys, tmp_path)
    assert code == 0 and "created       sub/files.md" in out
    assert (tmp_path / "sub" / "files.md").read_text(encoding="utf-8") == V2


def test_identical_download_is_unchanged(tmp_path: Path, upstream: Upstream, capsys) -> None:
    upstream.routes["files.md"] = tutorial(V1, etag='"v1"')
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    code, out, _ = sync(capsys, tmp_path)
    assert code == 0
    assert "unchanged     files.md" in out and "1 downloaded: 1 unchanged" in out


FAILURES = {
    "error500.md": (lambda up: status(500), "HTTP 500 Internal Server Error"),
    "missing.md": (lambda up: None, "HTTP 404 Not Found"),
    "stall.md": (stall, "timed out after 0.5 s"),
    "drip.md": (drip, "timed out after 0.5 s"),
    "login.md": (
        lambda up: body(HTML_PAGE.encode(), "text/html"),
        "download refused: an HTML or XML page, not Markdown",
    ),
    "empty.md": (lambda up: body(b""), "download refused: empty body"),
    "blank.md": (lambda up: body(b"\n  \r\n\t\n"), "download refused: empty body"),
    "garbage.md": (lambda up: body(GARBAGE), "download refused: does not read cleanly"),
    "legacy.md": (
        lambda up: body(LEGACY.encode()),
        "download refused: legacy dialect where modern is expected",
    ),
    "notes.md": (lambda up: body(b"Some notes, not a tutorial.\n"), "download refused: no title"),
    "nosection.md": (lambda up: body(b"# Title only\n\nText.\n"), "download refused: no sections"),
}


@pytest.mark.parametrize("route", sorted(FAILURES))
def test_failure_leaves_the_local_copy_untouched(
    route: str, tmp_path: Path, upstream: Upstream, capsys
) -> None:
    make, reason = FAILURES[route]
    handler = make(upstream)
    if handler is not None:
        upstream.routes[route] = handler
    where = configure(tmp_path, upstream, {route: "files.md"}, files__md=V1)
    original = (tmp_path / "files.md").read_bytes()
    code, out, err = sync(capsys, tmp_path)
    assert code == 1
    assert (tmp_path / "files.md").read_bytes() == original
    config = tmp_path / "sources.yml"
    assert (
        f"{config}:{where['files.md']}:1: error sync-failed files.md <- {upstream.url(route)}: {reason}"
        in err
    )
    assert "1 failed" in out
    assert upstream.url(route) not in state_of(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".sync-state.json", "files.md", "sources.yml"]


def test_every_failure_is_reported_and_the_good_source_still_syncs(
    tmp_path: Path, upstream: Upstream, capsys
) -> None:
    upstream.routes["good.md"] = tutorial(V2)
    entries = {"good.md": "good.md"}
    local = {"good__md": V1}
    for route, (make, _) in FAILURES.items():
        handler = make(upstream)
        if handler is not None:
            upstream.routes[route] = handler
        entries[route] = f"copy-{route}"
        local[f"copy-{route}".replace(".", "__")] = V1
    configure(tmp_path, upstream, entries, **local)
    code, out, err = sync(capsys, tmp_path)
    assert code == 1
    assert (tmp_path / "good.md").read_text(encoding="utf-8") == V2
    for route, (_, reason) in FAILURES.items():
        assert (tmp_path / f"copy-{route}").read_text(encoding="utf-8") == V1
        assert f"copy-{route} <- {upstream.url(route)}: {reason}" in err
    assert len(err.strip().splitlines()) == len(FAILURES)
    assert out.rstrip().endswith(
        f"{len(FAILURES) + 1} sources, 8 downloaded: 1 updated, {len(FAILURES)} failed"
    )


def test_unwritable_target_is_a_failure_and_leaves_the_copy(
    tmp_path: Path, upstream: Upstream, capsys, monkeypatch
) -> None:
    def refuse(*args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("generator.sync.atomic.os.replace", refuse)
    upstream.routes["files.md"] = tutorial(V2)
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    code, _, err = sync(capsys, tmp_path)
    assert code == 1 and "cannot write" in err and "Permission denied" in err
    assert (tmp_path / "files.md").read_text(encoding="utf-8") == V1
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_configured_dialect_allows_a_move_to_the_other_dialect(
    tmp_path: Path, upstream: Upstream, capsys
) -> None:
    upstream.routes["files.md"] = body(LEGACY.encode())
    configure(tmp_path, upstream, {"files.md": "files.md"}, files__md=V1)
    config = tmp_path / "sources.yml"
    config.write_text(config.read_text() + "    dialect: legacy\n", encoding="utf-8")
    code, out, err = sync(capsys, tmp_path)
    assert code == 0, err
    assert "(modern)" in out and "(legacy)" in out
    assert (tmp_path / "files.md").read_text(encoding="utf-8") == LEGACY
