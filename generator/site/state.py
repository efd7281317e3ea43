"""What a build knows about the site it published, kept so the next build can patch that site.

Kept in the build cache, one file per site folder (``<cache>/sites/<hash of the folder>.json``):

- ``inputs``: a hash of everything every page of the site is made from besides the tutorials
  (:func:`site_inputs`);
- ``site``: the published ``manifest.json``'s inode, size and modification time, which tell
  whether the site folder is still the one this state describes;
- ``frames`` and ``toc``: the theme's page template and table of contents cut into frames
  (:mod:`generator.site.frames`, :mod:`generator.site.toc`);
- ``pages``: per tutorial, in build order, what its page was made from (its cache key, the
  files it pulled in, the hash of what every page is made from with its catalogue, and the
  stamps of its files, :mod:`generator.site.stamps`), its catalogue entry, how many problems it
  has, the files it uses in the site and where its record is in the published manifest.

A state that cannot be read, or describes another site, is no state: the build is a full one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import material
import mkdocs
import yaml

from generator.render.environment import TEMPLATES
from generator.site.cache import RenderedTutorial, digest, package_digest, tree_digest
from generator.site.cut import Frame
from generator.site.dates import EPOCH_VARIABLE
from generator.site.manifest import MANIFEST
from generator.site.options import PROBLEMS
from generator.site.stamps import Stamp
from generator.site.toc import TocFrame

STATE_VERSION = "3"  # bump when the state's format or meaning changes


@dataclass
class PageState:
    """One tutorial's page, as the next build needs to know it to keep it or to patch it."""

    cache_key: str
    deps: dict[str, str | None]
    entry: dict[str, Any]
    problems: int  # errors and warnings found in the tutorial (the build summary counts them)
    media: list[str]
    record: list[int] = field(default_factory=list)  # its record's span in the published manifest
    context: str = ""  # TutorialPages.context: what the page is made from besides its own files
    stamps: dict[str, Stamp] = field(default_factory=dict)  # its files' (generator.site.stamps)

    @classmethod
    def of(
        cls, cache_key: str, rendered: RenderedTutorial, context: str, stamps: dict[str, Stamp]
    ) -> PageState:
        entry = rendered.entry_json()
        problems = sum(d.severity in PROBLEMS for d in rendered.diagnostics)
        return cls(cache_key, rendered.deps, entry, problems, rendered.media, context=context, stamps=stamps)


@dataclass
class SiteState:
    inputs: str
    frames: dict[str, Frame]
    toc: TocFrame
    pages: dict[str, PageState] = field(default_factory=dict)

    @classmethod
    def read(cls, cache_dir: Path, site_dir: Path) -> SiteState | None:
        """The state of the site in ``site_dir`` if there is one and the site is still that one."""
        try:
            data = json.loads(_path(cache_dir, site_dir).read_text(encoding="utf-8"))
            site = _fingerprint(site_dir)
            if data.get("version") != STATE_VERSION or not site or data["site"] != site:
                return None
            return cls(
                inputs=data["inputs"],
                frames={key: Frame.from_json(frame) for key, frame in data["frames"].items()},
                toc=TocFrame.from_json(data["toc"]),
                pages={key: PageState(**page) for key, page in data["pages"].items()},
            )
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None

    def write(self, cache_dir: Path, site_dir: Path) -> None:
        """Keep this state for the site just published in ``site_dir`` (best effort: without it the
        next build is a full one)."""
        data = {
            "version": STATE_VERSION,
            "inputs": self.inputs,
            "site": _fingerprint(site_dir),
            "frames": {key: frame.to_json() for key, frame in self.frames.items()},
            "toc": self.toc.to_json(),
            "pages": {key: vars(page) for key, page in self.pages.items()},
        }
        path = _path(cache_dir, site_dir)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        except OSError:
            forget(cache_dir, site_dir)


def forget(cache_dir: Path, site_dir: Path) -> None:
    """Drop the state of ``site_dir``: the site there is about to be one it does not describe."""
    with contextlib.suppress(OSError):
        _path(cache_dir, site_dir).unlink(missing_ok=True)


def site_inputs(config_file: Path, site_url: str | None) -> str | None:
    """A hash of what every page depends on besides the tutorials: the generator's code and page
    templates, the mkdocs config and the theme folder it names, the mkdocs and theme versions, the
    site's URL and the date variable; ``None`` when the config cannot be read this way."""
    try:
        config_bytes = config_file.read_bytes()
        config = yaml.safe_load(config_bytes)
        theme = config.get("theme") or {}
        custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    except (OSError, yaml.YAMLError, AttributeError):
        return None
    custom_dir = config_file.parent / custom if custom else None
    return digest(
        STATE_VERSION,
        package_digest(),
        tree_digest(TEMPLATES),
        config_bytes,
        tree_digest(custom_dir) if custom_dir and custom_dir.is_dir() else None,
        mkdocs.__version__,
        material.__version__,
        site_url,
        os.environ.get(EPOCH_VARIABLE),
    )


def _path(cache_dir: Path, site_dir: Path) -> Path:
    name = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:32]
    return cache_dir / "sites" / f"{name}.json"


def _fingerprint(site_dir: Path) -> list[int]:
    """The published manifest's identity: a site replaced or rebuilt by anything else has another."""
    try:
        stat = (site_dir / MANIFEST).stat()
    except OSError:
        return []
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]
