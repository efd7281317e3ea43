"""Page sources for the docs folder: front matter, a ready HTML body and site metadata.

Generated pages carry ``tc_page`` in their front matter; the site hook
(``generator/site/hooks.py``) hands their body to mkdocs as HTML without a Markdown pass.
What Markdown would have produced on the way (the table of contents) and the page's
search entries travel at the end of the file in a ``<!--tc-meta:{json}-->`` comment.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from markupsafe import escape

from generator.render.page_data import json_text

META_START = "<!--tc-meta:"
META_END = "-->"
TUTORIALS_DIR = "tutorials"
GROUPS_DIR = "groups"
CERTIFICATE_HELPER = "certificate-helper"
_TEXT_META = ("title", "description")


@dataclass(frozen=True)
class PageSource:
    """One page: ``path`` relative to the docs folder (``tutorials/foo.md``).

    ``meta`` goes into the front matter (mkdocs and the theme read it); ``site_meta`` is
    for the site hook: ``toc`` (mkdocs toc tokens) and ``search`` (index documents).
    """

    path: str
    title: str
    body: str
    kind: str
    meta: dict[str, Any] = field(default_factory=dict)
    site_meta: dict[str, Any] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return url_of(self.path)

    def text(self) -> str:
        """The file mkdocs reads: YAML front matter (JSON scalars, which YAML accepts) and the body.

        The theme writes the title and description into the page as they are (mkdocs does not
        escape), so they go in escaped.
        """
        meta = {"title": self.title, "tc_page": self.kind, **self.meta}
        meta.update({key: escape(meta[key]) for key in _TEXT_META if isinstance(meta.get(key), str)})
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()]
        site_meta = f"\n{META_START}{json_text(self.site_meta)}{META_END}\n" if self.site_meta else ""
        return "---\n" + "\n".join(lines) + "\n---\n" + self.body + site_meta


# mkdocs' front matter pattern and loader (mkdocs.utils.meta), see read_page.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_page(text: str) -> tuple[str, dict[str, Any]]:
    """What mkdocs reads from a page file this module wrote: its body and its front matter.

    The YAML branch of ``mkdocs.utils.meta.get_data``, the only one these files take: a build
    that patches the site reads its pages without mkdocs, whose utilities alone take ~40 ms to
    import. A test holds the two to the same result over every page of the shipped site.
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        return text, {}
    try:
        meta = yaml.load(match.group(1), _LOADER)
    except yaml.YAMLError:
        return text, {}
    if not isinstance(meta, dict):
        return text, {}
    return text[match.end() :].lstrip("\n"), meta


def split_site_meta(text: str) -> tuple[str, dict[str, Any]]:
    """A page body and its site metadata (``{}`` if it has none); the JSON has no ``>``, so no ``-->``."""
    start = text.rfind(META_START)
    if start < 0:
        return text, {}
    end = text.index(META_END, start)
    return page_body(text), json.loads(text[start + len(META_START) : end])


def page_body(text: str) -> str:
    """A page body without its site metadata (which is not parsed)."""
    start = text.rfind(META_START)
    return text if start < 0 else text[:start].rstrip("\n")


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
