"""The site's search index: the search plugin's file, with the entries of generated pages added.

Tutorial pages are left out of the search plugin and bring their own entries, one per section
and step (:mod:`generator.render.search`): the build adds them after the plugin has written
the index, in page order, so each page's entries are one run. A patched site
(:mod:`generator.site.patch`) replaces the runs of the pages it rewrote.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SEARCH_INDEX = Path("search") / "search_index.json"

Entry = dict[str, Any]


def write_index(path: Path, index: dict[str, Any]) -> None:
    """Compact, as the search plugin writes it (``dumps``: ``dump`` has no fast encoder)."""
    path.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")


def add_entries(site_dir: Path, entries: list[Entry]) -> None:
    """Add generated pages' entries to the index the search plugin wrote into ``site_dir``."""
    path = site_dir / SEARCH_INDEX
    if not entries or not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"].extend(entries)
    write_index(path, index)


def replace_runs(text: str, pages: dict[str, list[Entry]]) -> str | None:
    """The index ``text`` with each page's run of entries replaced (page URL -> its new entries),
    without parsing the rest; ``None`` when a page has no run, or more than one, or no entries.

    The index is compact JSON whose entries begin with their location, so ``{"location":"`` starts
    an entry and nothing else (quotes inside strings are escaped). A run's entries are written
    exactly as the whole index would be.
    """
    if not text.endswith("]}"):
        return None
    spans = []
    for url, entries in pages.items():
        span = _run(text, url)
        if span is None or not entries:
            return None
        spans.append((*span, ",".join(json.dumps(entry, separators=(",", ":")) for entry in entries)))
    out, done = [], 0
    for start, end, run in sorted(spans):
        out += (text[done:start], run)
        done = end
    out.append(text[done:])
    return "".join(out)


_ENTRY = '{"location":"'


def _run(text: str, url: str) -> tuple[int, int] | None:
    """Where the page's one run of entries is in ``text`` (start, end), if it has exactly one."""
    needle = _ENTRY + json.dumps(url)[1:-1]
    start = _find(text, needle, 0)
    if start < 0:
        return None
    end = start
    while True:
        following = text.find(_ENTRY, end + 1)
        if following < 0:
            end = len(text) - 2  # before the "]}" that closes the entries and the index
            break
        if _find(text, needle, following) != following:
            end = following - 1  # before the comma
            break
        end = following
    return (start, end) if _find(text, needle, end) < 0 else None


def _find(text: str, needle: str, start: int) -> int:
    """The next entry of the page (its location is the page or an anchor in it), or -1."""
    found = text.find(needle, start)
    while found >= 0 and text[found + len(needle)] not in '"#':
        found = text.find(needle, found + 1)
    return found
