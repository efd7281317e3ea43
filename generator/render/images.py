"""Screenshots for the site: web versions, originals for the lightbox, placeholders, social cards.

The seam with the site stage is :class:`ImageProcessor` (one per build, or per worker process)
and, for ``check``, :func:`inspect_image`. Every reference ends as a :class:`RenderedImage` whose
files exist under ``out_dir`` (any folder whose contents end up at the site's root, paths
relative to it):

- a present image becomes ``images/<hash>/<name>-<width>w.webp`` (no wider than ``max_width``) plus the
  untouched original ``images/<hash>/<name>`` for the lightbox; animated images keep only the
  original (re-encoding would lose the animation);
- a missing, remote, refused or unreadable image becomes ``images/placeholders/<hash>.png``
  (see :mod:`generator.render.placeholder`), shared by every reference with the same title and
  problem, and a diagnostic; what is particular to the reference (the missing file's path) is
  in :attr:`RenderedImage.detail` for the page;
- a tutorial's Open Graph card becomes ``images/social/<hash>.png``.

Work runs on one thread pool per processor (pillow releases the GIL while decoding,
resizing and encoding) and is cached in ``cache_dir`` by content hash, so a
rebuild re-encodes only images whose bytes (or the settings) changed. Files reach ``out_dir``
from the cache as hard links (a copy where the two folders cannot share files), once per build.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from generator.diagnostics import Diagnostic, GeneratorError
from generator.files import place_file
from generator.model.inline import images as inline_images
from generator.model.nodes import (
    Block,
    Callout,
    Image,
    Include,
    Inline,
    Procedure,
    Section,
    Step,
    Tab,
    Tutorial,
)
from generator.render import image_codec, placeholder, social
from generator.render.image_codec import ImageProblem
from generator.render.image_source import ImageSource, Resolver, resolve_image

MAX_WIDTH = 1200
WEB_QUALITY = 82
MAX_BYTES = 50 * 1024 * 1024
# Pillow's default Image.MAX_IMAGE_PIXELS, written out so a build that draws and decodes nothing
# need not import pillow; our own limit, kept even where pillow's is disabled globally.
MAX_PIXELS = 89_478_485
CACHE_VERSION = "v2"  # bump when encoding or drawing changes, so old cache entries are not reused
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class RenderedImage:
    """What the page template needs for one image reference.

    Paths are POSIX and relative to ``out_dir``. ``width``/``height`` are those of
    ``web_src`` (emit them with ``loading="lazy"`` so the page does not jump).
    ``original_src`` is the full-size file for the lightbox (``None`` for placeholders).
    ``status`` is ``ok``, ``missing``, ``remote``, ``refused`` or ``broken``; for ``remote``
    the placeholder should link to ``remote_href``. ``diagnostic`` is set unless ``ok``, and so
    is ``detail``: why this reference has no screenshot (e.g. ``File not found: ./media/a.png``),
    which the shared placeholder image cannot say.
    """

    web_src: str
    width: int
    height: int
    alt: str
    caption: str | None
    status: str
    original_src: str | None = None
    original_width: int | None = None
    original_height: int | None = None
    remote_href: str | None = None
    diagnostic: Diagnostic | None = None
    detail: str | None = None

    @property
    def placeholder(self) -> bool:
        return self.status != "ok"


@dataclass
class ImageStats:
    """Counts and time for the build summary (``seconds`` is work time summed over workers).

    ``placeholders`` counts references shown as placeholders; ``drawn`` the placeholder and
    social card images drawn by this build (not found in the cache).
    """

    images: int = 0
    encoded: int = 0
    cache_hits: int = 0
    placeholders: int = 0
    social_cards: int = 0
    drawn: int = 0
    seconds: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add(self, seconds: float, **counts: int) -> None:
        with self._lock:
            self.seconds += seconds
            for name, value in counts.items():
                setattr(self, name, getattr(self, name) + value)

    def summary(self) -> str:
        return (
            f"images: {self.images} ({self.encoded} encoded, {self.cache_hits} from cache, "
            f"{self.placeholders} placeholders), {self.social_cards} social cards, "
            f"{self.drawn} images drawn, {self.seconds:.2f} s of image work"
        )


@dataclass
class Used:
    """The image cache entries a build used: screenshots by the hash of their bytes, drawn
    pictures by their key (what ``build --gc`` keeps, :mod:`generator.site.prune`)."""

    screenshots: set[str] = field(default_factory=set)
    drawings: set[str] = field(default_factory=set)

    def update(self, other: Used) -> None:
        self.screenshots |= other.screenshots
        self.drawings |= other.drawings


@dataclass(frozen=True)
class Drawing:
    """A picture the build draws (a placeholder or a social card), named by what it shows.

    Its path and size are known before it is drawn, so a page can use it at once; plain data,
    so another process can draw it (:mod:`generator.site.drawings`).
    """

    kind: str  # "placeholder" (texts: title, status) or "social" (texts: title, app)
    texts: tuple[str, str]
    key: str  # the hash of what it shows and how: its name in the cache
    rel: str  # its path under ``out_dir``

    @property
    def counter(self) -> str:
        return "social_cards" if self.kind == "social" else "placeholders"

    def cached(self, cache_dir: Path) -> Path:
        return cache_dir / "generated" / CACHE_VERSION / f"{self.key}.png"

    def draw(self, cache_dir: Path) -> bool:
        """Draw it into the cache unless it is there; True: it was drawn."""
        cached = self.cached(cache_dir)
        if cached.is_file():
            return False
        draw = social.card_png if self.kind == "social" else placeholder.placeholder_png
        _write_atomic(cached, draw(*self.texts))
        return True


def draw_all(drawings: list[Drawing], cache_dir: Path, out_dir: Path) -> tuple[int, float]:
    """Draw what the cache lacks and put every picture under ``out_dir``: (how many drawn, seconds)."""
    started = time.perf_counter()
    drawn = 0
    for drawing in drawings:
        drawn += drawing.draw(cache_dir)
        place_file(drawing.cached(cache_dir), out_dir / drawing.rel)
    return drawn, time.perf_counter() - started


class ImageProcessor:
    """Turns image references into files under ``out_dir``; one instance per build, then ``close()``."""

    def __init__(
        self,
        source_root: Path,
        out_dir: Path,
        cache_dir: Path,
        max_width: int = MAX_WIDTH,
        workers: int | None = None,
        max_pixels: int = MAX_PIXELS,
        quality: int = WEB_QUALITY,
        defer_drawing: bool = False,
    ) -> None:
        self.source_root = source_root
        self.out_dir = out_dir
        self.cache_dir = cache_dir
        self.max_width = max_width
        self.max_pixels = max_pixels
        self.quality = quality
        self.stats = ImageStats()
        self._resolver = Resolver(source_root)
        # workers=0: every image is done at once in the calling thread (a worker process, whose
        # parallelism is the other processes: threads would only hand the interpreter lock around).
        self._pool = (
            None
            if workers == 0
            else ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 2, thread_name_prefix="images")
        )
        self._futures: dict[tuple[object, ...], Future] = {}
        self._futures_lock = threading.Lock()
        self._pending: list[Future] = []  # queued since the last wait()
        self._key_locks: dict[str, threading.Lock] = {}
        self._placed: set[str] = set()  # paths under out_dir this build has filled (under their key lock)
        # With defer_drawing, pictures the cache lacks are left here for the caller to draw (draw_all).
        self.defer_drawing = defer_drawing
        self.deferred: list[Drawing] = []
        self.used = Used()

    def __enter__(self) -> ImageProcessor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def submit(self, image: Image, tutorial_path: Path) -> Future[RenderedImage]:
        """Start processing ``image`` in the pool; the same reference is processed once per build."""
        key = ("image", str(tutorial_path), image.src, image.alt, image.title, image.line)
        return self._once(key, self._render, image, tutorial_path)

    def process(self, image: Image, tutorial_path: Path) -> RenderedImage:
        """The finished result for ``image`` (waits for it; cheap after :meth:`prefetch`)."""
        return self.submit(image, tutorial_path).result()

    def prefetch(self, tutorial: object, tutorial_path: Path) -> None:
        """Queue every image of ``tutorial`` so rendering the page later does not wait on them one by one."""
        for image in iter_images(tutorial):
            self.submit(image, tutorial_path)

    def social_card(self, title: str, app: str) -> str:
        """Queue the Open Graph card for a tutorial and return its path (relative to ``out_dir``) at once."""
        key = _digest(json.dumps(["social", CACHE_VERSION, social.STYLE, title, app]))
        drawing = Drawing("social", (title, app), key, f"images/social/{key[:16]}.png")
        self._once(("social", key), self._generated, drawing)
        return drawing.rel

    def wait(self) -> None:
        """Wait for all work queued since the last wait (re-raising unexpected failures).

        Only that: a worker process waits once per tutorial, and a build has hundreds of
        thousands of references.
        """
        with self._futures_lock:
            pending, self._pending = self._pending, []
        for future in pending:
            future.result()

    def close(self) -> None:
        """Wait for all queued work and stop the pool."""
        try:
            self.wait()
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True)

    def _once(self, key: tuple[object, ...], fn: Callable[..., object], *args: object) -> Future:
        with self._futures_lock:
            future = self._futures.get(key)
            if future is not None:
                return future
            future = self._futures[key] = Future()
            self._pending.append(future)
        if self._pool is None:
            self._fill(future, fn, *args)
        else:
            self._pool.submit(self._fill, future, fn, *args)
        return future

    def _fill(self, future: Future, fn: Callable[..., object], *args: object) -> None:
        try:
            future.set_result(self._timed(fn, *args))
        except BaseException as exc:  # handed to whoever waits for the result
            future.set_exception(exc)

    def _timed(self, fn: Callable[..., object], *args: object) -> object:
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.stats.add(time.perf_counter() - start)

    def _key_lock(self, key: str) -> threading.Lock:
        """Serialise work on one content hash (the same screenshot used by two tutorials)."""
        with self._futures_lock:
            return self._key_locks.setdefault(key, threading.Lock())

    def _render(self, image: Image, tutorial_path: Path) -> RenderedImage:
        self.stats.add(0.0, images=1)
        source = self._resolver.resolve(image.src, tutorial_path)
        try:
            if source.kind != "local" or source.path is None:
                return self._placeholder(image, tutorial_path, source, None)
            try:
                return self._present(image, source.path.name, _read_limited(source.path))
            except ImageProblem as problem:
                return self._placeholder(image, tutorial_path, source, problem)
        except OSError as exc:  # the output or cache folder cannot be written: stop, naming the reference
            raise GeneratorError(
                str(tutorial_path), image.line, f"cannot write image {image.src!r}: {exc}"
            ) from exc

    def _present(self, image: Image, name: str, data: bytes) -> RenderedImage:
        digest = _digest(data)
        self.used.screenshots.add(digest)
        folder = f"images/{digest[:16]}"
        stem = _safe_name(Path(name).stem) or "image"
        original = f"{folder}/{stem}.{_safe_name(Path(name).suffix.lower()) or 'img'}"
        key = f"{digest}-{self.max_width}-{self.quality}"
        meta_path = self.cache_dir / "images" / CACHE_VERSION / f"{key}.json"
        web_cache = meta_path.with_suffix(image_codec.WEB_SUFFIX)
        with self._key_lock(key):
            meta = _read_meta(meta_path)
            if meta is not None and (meta["animated"] or web_cache.is_file()):
                self.stats.add(0.0, cache_hits=1)
            else:
                decoded = image_codec.decode(data, self.max_pixels)
                meta = {"width": decoded.width, "height": decoded.height, "animated": decoded.animated}
                if not decoded.animated:
                    _write_atomic(web_cache, image_codec.encode_web(decoded, self.max_width, self.quality))
                _write_atomic(meta_path, json.dumps(meta).encode())
                self.stats.add(0.0, encoded=1)
            original_cache = meta_path.with_name(f"{digest}.original")
            _keep(original_cache, data)
            self._place_once(original_cache, original)
            web = original
            width, height = meta["width"], meta["height"]
            if not meta["animated"]:
                width, height = image_codec.web_size(width, height, self.max_width)
                web = f"{folder}/{stem}-{width}w{image_codec.WEB_SUFFIX}"
                self._place_once(web_cache, web)
        return RenderedImage(
            web_src=web,
            width=width,
            height=height,
            alt=image.alt,
            caption=image.title or None,
            status="ok",
            original_src=original,
            original_width=meta["width"],
            original_height=meta["height"],
        )

    def _placeholder(
        self, image: Image, tutorial_path: Path, source: ImageSource, problem: ImageProblem | None
    ) -> RenderedImage:
        status, diagnostic = _judge(image, tutorial_path, source, problem)
        title = image.title or image.alt or Path(urlsplit(image.src).path).name or "Screenshot"
        key = _digest(json.dumps(["placeholder", CACHE_VERSION, title, status, placeholder.SIZE]))
        drawing = Drawing("placeholder", (title, status), key, f"images/placeholders/{key[:16]}.png")
        self._generated(drawing)
        width, height = placeholder.SIZE
        alt = f"{image.alt or title} ({placeholder.MARK.lower()})"
        return RenderedImage(
            web_src=drawing.rel,
            width=width,
            height=height,
            alt=alt,
            caption=image.title or None,
            status=status,
            remote_href=source.href,
            diagnostic=diagnostic,
            detail=_detail(image.src, source, problem),
        )

    def _generated(self, drawing: Drawing) -> None:
        self.used.drawings.add(drawing.key)
        with self._key_lock(drawing.key):
            if drawing.rel not in self._placed:
                if self.defer_drawing and not drawing.cached(self.cache_dir).is_file():
                    self.deferred.append(drawing)
                    self._placed.add(drawing.rel)
                else:
                    if drawing.draw(self.cache_dir):
                        self.stats.add(0.0, drawn=1)
                    self._place_once(drawing.cached(self.cache_dir), drawing.rel)
        self.stats.add(0.0, **{drawing.counter: 1})

    def _place_once(self, cached: Path, rel: str) -> None:
        """Put a cache file at ``rel`` under ``out_dir``, once per build (call under the file's key lock)."""
        if rel not in self._placed:
            place_file(cached, self.out_dir / rel)
            self._placed.add(rel)


def inspect_image(
    image: Image, tutorial_path: Path, source_root: Path | None = None, max_pixels: int = MAX_PIXELS
) -> list[Diagnostic]:
    """``check``'s view of one image: what the build would complain about, without writing anything.

    ``source_root`` defaults to the tutorial's own folder (checking a single file).
    """
    root = source_root or tutorial_path.parent
    source = resolve_image(image.src, tutorial_path, root)
    problem = None
    if source.kind == "local" and source.path is not None:
        try:
            image_codec.decode(_read_limited(source.path), max_pixels)
        except ImageProblem as exc:
            problem = exc
    _, diagnostic = _judge(image, tutorial_path, source, problem)
    return [diagnostic] if diagnostic else []


def iter_images(node: object) -> Iterator[Image]:
    """Every image in a model tree (a Tutorial, any part of one, or a list of parts), in tree order.

    Block and inline images alike: inline image nodes become :class:`Image` via
    :func:`generator.model.inline.images`, which the site stage should also use when it meets
    one, so both ask the processor the same question. The walk follows only the fields that can
    hold images (:data:`_CHILDREN`), because the build walks every tutorial several times.
    """
    found: list[Image] = []
    _collect(node, found)
    return iter(found)


# Per model class, the fields that can hold images, in declaration order (the tree order).
_CHILDREN: dict[type, tuple[str, ...]] = {
    Tutorial: ("intro", "sections", "title_inline"),
    Section: ("inline", "content", "procedures", "subsections"),
    Procedure: ("steps",),
    Step: ("inline", "content", "steps"),
    Block: ("inline", "items", "header", "rows", "blocks", "image", "callout", "include", "tabs"),
    Callout: ("content",),
    Include: ("content",),
    Tab: ("blocks",),
}


def _collect(node: object, found: list[Image]) -> None:
    if isinstance(node, list):
        for item in node:
            _collect(item, found)
    elif isinstance(node, Inline):
        if node.type == "image" or node.children:
            found.extend(inline_images([node]))
    elif isinstance(node, Image):
        found.append(node)
    else:
        for name in _CHILDREN.get(type(node), ()):
            value = getattr(node, name)
            if value:
                _collect(value, found)


def _judge(
    image: Image, tutorial_path: Path, source: ImageSource, problem: ImageProblem | None
) -> tuple[str, Diagnostic | None]:
    """The status and the ``check`` diagnostic (file and line of the reference) for one outcome."""
    if problem is not None:
        status, severity, code, message = (
            "broken",
            "error",
            problem.code,
            f"image {image.src!r}: {problem.message}",
        )
    elif source.kind == "local":
        return "ok", None
    elif source.kind == "missing":
        status, severity, code = "missing", "warning", "image-missing"
        message = f"image {image.src!r} not found; a placeholder is shown"
    elif source.kind == "remote":
        status, severity, code = "remote", "warning", "image-remote"
        message = f"remote image {source.href} is not fetched at build time; a placeholder links to it"
    else:
        status, severity, code = "refused", "error", "image-refused"
        message = f"image refused: {source.reason}"
    return status, Diagnostic(str(tutorial_path), max(image.line, 1), 1, severity, code, message)


def _detail(src: str, source: ImageSource, problem: ImageProblem | None) -> str:
    """Why this reference has no screenshot, in the reader's words."""
    if problem is not None:
        return f"Unreadable image file: {problem.message}"
    if source.kind == "remote":
        return (
            f"Hosted on {urlsplit(source.href or '').hostname or 'another site'}; follow the link to view it"
        )
    if source.kind == "missing":
        return f"File not found: {src}"
    return f"Image refused: {source.reason}"


def _read_limited(path: Path) -> bytes:
    """The file's bytes; an unreadable or oversized file is the tutorial's problem, not a crash."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImageProblem("image-too-large", f"the file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        return path.read_bytes()
    except OSError as exc:
        raise ImageProblem("image-unreadable", f"the file cannot be read ({exc.strerror or exc})") from exc


def _digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def _safe_name(name: str) -> str:
    return _SAFE_NAME.sub("-", name).strip("-.")[:80]


def _read_meta(path: Path) -> dict | None:
    """A cache entry's metadata, or ``None`` if absent or damaged (then the image is re-encoded)."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    valid = (
        isinstance(meta, dict)
        and isinstance(meta.get("width"), int)
        and isinstance(meta.get("height"), int)
        and isinstance(meta.get("animated"), bool)
    )
    return meta if valid else None


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file so a crash or a parallel reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _keep(path: Path, data: bytes) -> None:
    """Keep ``data`` in the cache at ``path`` (named by its hash) unless it is already there whole."""
    try:
        if path.stat().st_size == len(data):
            return
    except FileNotFoundError:
        pass
    _write_atomic(path, data)
