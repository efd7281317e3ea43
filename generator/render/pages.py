"""Page sources for the docs folder: front matter plus a ready HTML body.

Generated pages carry ``tc_page`` in their front matter; the site hook
(``generator/site/hooks.py``) hands their body to mkdocs as HTML without a Markdown pass.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

TUTORIALS_DIR = "tutorials"
GROUPS_DIR = "groups"
CERTIFICATE_HELPER = "certificate-helper"


@dataclass(frozen=True)
class PageSource:
    """One page: ``path`` relative to the docs folder (``tutorials/foo.md``)."""

    path: str
    title: str
    body: str
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return url_of(self.path)

    def text(self) -> str:
        """The file mkdocs reads: YAML front matter (JSON scalars, which YAML accepts) and the body."""
        meta = {"title": self.title, "tc_page": self.kind, **self.meta}
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
        return "---\n" + "\n".join(lines) + "\n---\n" + self.body


def url_of(path: str) -> str:
    """The directory URL mkdocs gives a page (``tutorials/foo.md`` -> ``tutorials/foo/``)."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def tutorial_path(key: str) -> str:
    return f"{TUTORIALS_DIR}/{key}.md"


def group_path(group: str) -> str:
    return f"{GROUPS_DIR}/{group}.md"
