"""``build --offline``: a site that works opened as files (``file://``), for rooms without internet.

An mkdocs plugin added to the build (:func:`generator.site.mkdocs_run.run_mkdocs`) that does
what mkdocs-material's own ``offline`` plugin does, without its two parts that cannot work
here: it keeps directory URLs (the render stage writes every link relative to
``tutorials/<key>/``) and rewrites each link to a folder into a link to the folder's
``index.html``; and instead of loading the ``iframe-worker`` shim from a CDN it ships
``assets/javascripts/worker-shim.js``, which runs the search worker in a hidden frame where
browsers refuse workers from ``file://``. Instant navigation is switched off: from
``file://`` the theme would never announce the page, so neither its components nor ours
would start. The search index is also written as ``search/search_index.js``, a script the
theme loads from ``file://`` where it cannot fetch JSON.
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

WORKER_SHIM = "assets/javascripts/worker-shim.js"
SEARCH_DIR = "search"

_HREF = re.compile(r'(\shref=")([^"]*)(")')
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def file_url(url: str) -> str:
    """A relative link to a folder (``../x/``, ``..``, ``./?q``) as one to its ``index.html``.

    Links with a scheme, site-absolute links, same-page links and links to files are kept.
    """
    if not url or url.startswith(("#", "/", "?")) or _SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path.endswith("/"):
        return f"{path}index.html{rest}"
    if path.rsplit("/", 1)[-1] in (".", ".."):
        return f"{path}/index.html{rest}"
    return url


def file_links(html: str) -> str:
    """Every ``href`` of a page through :func:`file_url` (escaped text never holds ``href="``)."""
    return _HREF.sub(lambda m: m.group(1) + file_url(m.group(2)) + m.group(3), html)


def search_locations(index: dict[str, Any]) -> dict[str, Any]:
    """The search index with each result's location usable from ``file://``."""
    for doc in index.get("docs", []):
        doc["location"] = file_url(doc.get("location") or "./")
    return index


class OfflineSite(BasePlugin):  # type: ignore[type-arg]
    """The mkdocs plugin behind ``build --offline`` (added to the build, not to mkdocs.yml)."""

    def on_config(self, config: Any) -> Any:
        features = config.theme["features"]
        features[:] = [name for name in features if not name.startswith("navigation.instant")]
        config.extra["polyfills"] = [*config.extra.get("polyfills", []), WORKER_SHIM]
        return config

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return file_links(output)

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        return file_links(output_content) if template_name.endswith(".html") else output_content

    @event_priority(-200)  # after every other step has written the index (the site hook adds steps)
    def on_post_build(self, config: Any) -> None:
        folder = os.path.join(config["site_dir"], SEARCH_DIR)
        path = os.path.join(folder, "search_index.json")
        if not os.path.isfile(path):
            return
        with open(path, encoding="utf-8") as handle:
            index = search_locations(json.load(handle))
        text = json.dumps(index, separators=(",", ":"), sort_keys=True)  # the same bytes from a warm cache
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        with open(os.path.join(folder, "search_index.js"), "w", encoding="utf-8") as handle:
            handle.write(f"var __index = {text}")
