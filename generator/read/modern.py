"""Modern DocFX dialect (2016 on): YAML front matter."""

from __future__ import annotations

import re

import yaml

from generator.diagnostics import Diagnostics

_FRONT = re.compile(r"\A(?:\s*\n)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, diags: Diagnostics) -> tuple[dict[str, str], str]:
    """Return (metadata, text with the front matter lines blanked out)."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    line = text.count("\n", 0, match.start(1)) + 1
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        diags.error(
            "front-matter-invalid",
            f"front matter is not valid YAML: {exc}",
            line + (mark.line if mark else 0),
        )
        data = None
    metadata: dict[str, str] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            metadata[str(key)] = "" if value is None else str(value)
    elif data is not None:
        diags.error("front-matter-invalid", "front matter is not a mapping of keys to values", line)
    blank = re.sub(r"[^\n]", "", text[: match.end()])
    return metadata, blank + text[match.end() :]
