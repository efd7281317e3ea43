"""Sync every upstream of a source folder: one outcome per entry, failures never fatal to the rest.

Nothing but :func:`write_atomic` of an accepted download ever writes a tutorial, so a
timeout, an HTTP error, an HTML error page, an empty or garbage body or an unwritable
folder all leave the local copy exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.diff import TutorialDiff, diff_tutorials
from generator.pipeline import load
from generator.read import detect_dialect
from generator.read.decode import decode
from generator.sync.accept import Rejected, accept
from generator.sync.atomic import write_atomic
from generator.sync.fetch import FetchError, fetch
from generator.sync.sources import Upstream
from generator.sync.state import SyncState

STATUSES = ("created", "updated", "unchanged", "not-modified", "failed")


@dataclass
class Outcome:
    upstream: Upstream
    status: str
    reason: str = ""
    downloaded: bool = False
    diff: TutorialDiff | None = None


def _local(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def expected_dialect(upstream: Upstream, local: bytes | None) -> str | None:
    """The dialect a download must have: as configured, else the local copy's, else any."""
    if upstream.dialect or local is None:
        return upstream.dialect
    return detect_dialect(decode(local, Diagnostics(str(upstream.path))))


def sync_one(upstream: Upstream, state: SyncState, root: Path, timeout: float) -> Outcome:
    local = _local(upstream.path)
    try:
        response = fetch(upstream.url, state.validators(upstream.url, local), timeout)
    except FetchError as exc:
        return Outcome(upstream, "failed", str(exc))
    if response.status == 304:
        return Outcome(upstream, "not-modified")
    try:
        loaded = accept(response.body, upstream.path, root, expected_dialect(upstream, local))
    except Rejected as exc:
        return Outcome(upstream, "failed", f"download refused: {exc}", downloaded=True)
    if local == response.body:
        state.remember(upstream.url, response.etag, response.last_modified, response.body)
        return Outcome(upstream, "unchanged", downloaded=True)
    previous = load(upstream.path, root=root).tutorial if local is not None else None
    try:
        write_atomic(upstream.path, response.body)
    except OSError as exc:
        return Outcome(upstream, "failed", f"cannot write {upstream.path}: {exc}", downloaded=True)
    state.remember(upstream.url, response.etag, response.last_modified, response.body)
    if previous is None:
        return Outcome(upstream, "created", downloaded=True)
    diff = replace(diff_tutorials(previous, loaded.tutorial), new_source=upstream.url)
    return Outcome(upstream, "updated", downloaded=True, diff=diff)
