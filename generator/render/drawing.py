"""Shared pillow drawing helpers for generated images (placeholders, social cards).

Text uses pillow's bundled FreeType font (``ImageFont.load_default(size)``) so the output
does not depend on which fonts the build machine happens to have, and needs no Cairo.

Pillow is imported by the functions that draw, not by this module: a build whose generated
images are all in the cache draws nothing and need not load it.
"""

from __future__ import annotations

import io
import struct
import threading
import zlib
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

# mkdocs-material's default "indigo" palette, so generated images match the site.
PRIMARY = (64, 81, 181)
PRIMARY_LIGHT = (238, 240, 250)
TEXT = (33, 33, 33)
MUTED = (97, 97, 97)
WHITE = (255, 255, 255)
# zlib's default: a third of the time of level 9 for 10% more bytes on a placeholder.
PNG_COMPRESS_LEVEL = 6

_fonts = threading.local()


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """Pillow's bundled scalable font, loaded once per size and thread (FreeType faces are not thread-safe).

    Loading decodes the embedded font file, which cost more than drawing a placeholder's text.
    """
    from PIL import ImageFont

    faces: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] | None = getattr(_fonts, "faces", None)
    if faces is None:
        faces = _fonts.faces = {}
    if size not in faces:
        faces[size] = ImageFont.load_default(size)
    return faces[size]


@lru_cache(maxsize=8192)
def text_width(text: str, size: int) -> float:
    """The advance of ``text`` at ``size`` in pixels, measured once per build and process.

    The bundled font has no kerning across a space, so a line is exactly as wide as its words
    and the spaces between them: wrapping measures each word once instead of every candidate line.
    """
    return font(size).getlength(text)


def wrap(text: str, size: int, width: int, max_lines: int) -> list[str]:
    """Greedy word wrap to ``width`` pixels; overlong words are cut and the last line gets an ellipsis.

    Stops once a line past ``max_lines`` is complete: those lines are dropped anyway.
    """
    space = text_width(" ", size)
    lines: list[str] = []
    current: list[str] = []
    used = 0.0  # width of the words in ``current`` and the spaces between them
    for word in text.split():
        if len(lines) > max_lines:
            break
        needed = text_width(word, size) + (space if current else 0.0)
        if used + needed <= width:
            current.append(word)
            used += needed
            continue
        if current:
            lines.append(" ".join(current))
        cut = _cut(word, size, width)
        current, used = [cut], text_width(cut, size)
    if current:
        lines.append(" ".join(current))
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(lines[-1] + "…", size, width)
    return lines


def _cut(text: str, size: int, width: int) -> str:
    """Shorten ``text`` and end it with an ellipsis until it fits ``width`` pixels."""
    face = font(size)  # measured directly: the shortened attempts are not worth keeping
    if face.getlength(text) <= width:
        return text
    while len(text) > 1 and face.getlength(text + "…") > width:
        text = text[:-1]
    return text + "…"


@cache
def _palette() -> Image.Image:
    """A palette image holding every site colour and 7 blends between each pair of them."""
    from PIL import Image

    inks = (PRIMARY, PRIMARY_LIGHT, TEXT, MUTED, WHITE)
    colours = list(inks)
    for i, a in enumerate(inks):
        for b in inks[i + 1 :]:
            colours += [blend(a, b, step / 8) for step in range(1, 8)]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def blend(a: tuple[int, int, int], b: tuple[int, int, int], share: float) -> tuple[int, int, int]:
    """The colour ``share`` of the way from ``a`` to ``b`` (what anti-aliasing draws at an edge)."""
    red, green, blue = (round(x + (y - x) * share) for x, y in zip(a, b, strict=True))
    return red, green, blue


def png_bytes(image: Image.Image, text: dict[str, str]) -> bytes:
    """Encode as PNG with ``text`` in iTXt chunks (Unicode-safe), readable back via ``Image.open(p).text``.

    Drawings use only the site colours, so they are mapped onto a fixed palette of those
    colours and the blends between them (anti-aliased edges): the same at a third of the
    size (a page of the seed carries 22 placeholders), and a pixel's colour never depends on
    the rest of the picture.
    """
    from PIL import Image
    from PIL.PngImagePlugin import PngInfo

    image = image.quantize(palette=_palette(), dither=Image.Dither.NONE)
    info = PngInfo()
    for key, value in text.items():
        info.add_itxt(key, value)
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=info, compress_level=PNG_COMPRESS_LEVEL)
    return out.getvalue()


def indexed_png(image: Image.Image, palette: bytes, text: dict[str, str], level: int) -> bytes:
    """A PNG of 4 bits a pixel, zlib ``level``, from an "L" image of indices into ``palette`` (16 colours).

    Written here rather than by pillow, which runs its adaptive row filters on palette images of
    fewer than 8 bits: they do not help indices, and cost a quarter of the time and 10% more bytes.
    """
    width, height = image.size
    packed = image.tobytes("raw", "L;4")  # the low 4 bits of each value, two pixels a byte
    stride = (width + 1) // 2
    rows = memoryview(packed)
    # Each row starts with its filter type, 0 (none).
    raw = b"\0".join([b"", *(rows[top : top + stride] for top in range(0, len(packed), stride))])
    chunks = [
        _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 4, 3, 0, 0, 0)),
        _chunk(b"PLTE", palette),
    ]
    # iTXt: keyword, NUL, not compressed (0, 0), empty language tag and translated keyword.
    chunks += [
        _chunk(b"iTXt", key.encode("latin-1") + b"\0\0\0\0\0" + value.encode()) for key, value in text.items()
    ]
    chunks += [_chunk(b"IDAT", zlib.compress(raw, level)), _chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
