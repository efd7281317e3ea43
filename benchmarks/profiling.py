"""Where the full build spends its time: cProfile of one ``build``, summarised by area.

cProfile sees the main thread only. Image work runs on the build's thread pool, so it
shows up here as the main thread waiting for it; the build's own summary line (image work
summed over workers) is reported beside the profile for that reason.
"""

from __future__ import annotations

import pstats
from dataclasses import dataclass
from pathlib import Path

# First match wins: (area, substring of the function's file name).
AREAS = (
    ("generator: read", "/generator/read/"),
    ("generator: parse", "/generator/parse/"),
    ("generator: model", "/generator/model/"),
    ("generator: enrich", "/generator/enrich/"),
    ("generator: images", "/generator/render/image"),
    ("generator: render", "/generator/render/"),
    ("generator: site", "/generator/site/"),
    ("generator: other", "/generator/"),
    ("our templates (compiled)", ".j2"),
    ("markdown-it-py", "/markdown_it/"),
    ("mdit-py-plugins", "/mdit_py_plugins/"),
    ("jinja2", "/jinja2/"),
    ("mkdocs-material", "/material/"),
    ("mkdocs", "/mkdocs/"),
    ("Python-Markdown", "/markdown/"),
    ("pillow", "/PIL/"),
    ("yaml", "/yaml/"),
    ("jsonschema", "/jsonschema/"),
    ("bs4", "/bs4/"),
    ("standard library", "/lib/python3"),
)


@dataclass
class Row:
    name: str
    calls: int
    own_seconds: float
    cumulative_seconds: float


def summarise(profile: Path, top: int = 15) -> dict[str, object]:
    stats = pstats.Stats(str(profile))
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(getattr(stats, "total_tt", 0.0), 1e-9)
    areas: dict[str, float] = {}
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in entries.items():
        area = _area(filename, function)
        areas[area] = areas.get(area, 0.0) + own
        rows.append(Row(_label(filename, line, function), calls, round(own, 3), round(cumulative, 3)))
    by_own = sorted(rows, key=lambda row: row.own_seconds, reverse=True)[:top]
    return {
        "total_seconds": round(total, 2),
        "areas": {name: round(seconds, 2) for name, seconds in sorted(areas.items(), key=lambda a: -a[1])},
        "top_own": [row.__dict__ for row in by_own],
    }


def _area(filename: str, function: str) -> str:
    if filename == "~":
        return "builtins (C)" if "method 'acquire'" not in function else "waiting on locks/threads"
    for area, marker in AREAS:
        if marker in filename:
            return area
    return "other"


def _label(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function
    parts = Path(filename).parts
    return f"{'/'.join(parts[-2:])}:{line}({function})"
