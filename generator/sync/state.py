"""What each upstream answered last time (ETag, Last-Modified), for conditional requests.

Kept in ``.sync-state.json`` beside ``sources.yml``. The validators are only sent while
the local file is still the one they describe (same SHA-256): a copy edited or deleted by
hand is downloaded again in full rather than answered with "304 Not Modified".
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.sync.atomic import write_atomic

STATE_FILE = ".sync-state.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None
    sha256: str


class SyncState:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, Validators] = {}
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            for url, item in raw.get("sources", {}).items():
                self.entries[url] = Validators(item.get("etag"), item.get("last_modified"), item["sha256"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.entries = {}  # no state, or a damaged one: everything is simply downloaded again

    def validators(self, url: str, local: bytes | None) -> Validators | None:
        """The validators for ``url`` if ``local`` is still the copy they were remembered with."""
        known = self.entries.get(url)
        if known is None or local is None or sha256(local) != known.sha256:
            return None
        return known

    def remember(self, url: str, etag: str | None, last_modified: str | None, body: bytes) -> None:
        self.entries[url] = Validators(etag, last_modified, sha256(body))

    def save(self) -> None:
        data = {"sources": {url: asdict(v) for url, v in sorted(self.entries.items())}}
        write_atomic(self.path, (json.dumps(data, indent=2, sort_keys=True) + "\n").encode("utf-8"))
