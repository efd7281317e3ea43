"""Shared pillow drawing helpers for generated images (placeholders, social cards).

Text uses pillow's bundled FreeType font (``ImageFont.load_default(size)``) so the output
does not depend on which fonts the build machine happens to have, and needs no Cairo.
"""

from __future__ import annotations

import io
import threading
from functools import cache

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

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
    faces: dict[int, ImageFont.FreeTypeFont | ImageFont.ImageFont] | None = getattr(_fonts, "faces", None)
    if faces is None:
        faces = _fonts.faces = {}
    if size not in faces:
        faces[size] = ImageFont.load_default(size)
    return faces[size]


def wrap(
    draw: ImageDraw.ImageDraw, text: str, face: ImageFont.ImageFont, width: int, max_lines: int
) -> list[str]:
    """Greedy word wrap to ``width`` pixels; overlong words are cut and the last line gets an ellipsis.

    Stops measuring once a line past ``max_lines`` is complete: those lines are dropped anyway
    (measuring is most of the cost of fitting a long title).
    """
    lines: list[str] = []
    current = ""
    for word in text.split():
        if len(lines) > max_lines:
            break
        candidate = f"{current} {word}".strip()
        if draw.textlength(candidate, font=face) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = _cut(draw, word, face, width)
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _cut(draw, lines[-1] + "…", face, width)
    return lines


def _cut(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.ImageFont, width: int) -> str:
    """Shorten ``text`` and end it with an ellipsis until it fits ``width`` pixels."""
    if draw.textlength(text, font=face) <= width:
        return text
    while len(text) > 1 and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text + "…"


@cache
def _palette() -> Image.Image:
    """A palette image holding every site colour and 7 blends between each pair of them."""
    inks = (PRIMARY, PRIMARY_LIGHT, TEXT, MUTED, WHITE)
    colours = list(inks)
    for i, a in enumerate(inks):
        for b in inks[i + 1 :]:
            colours += [
                tuple(round(x + (y - x) * step / 8) for x, y in zip(a, b, strict=True))
                for step in range(1, 8)
            ]
    palette = Image.new("P", (1, 1))
    palette.putpalette([channel for colour in colours for channel in colour])
    return palette


def png_bytes(image: Image.Image, text: dict[str, str]) -> bytes:
    """Encode as PNG with ``text`` in iTXt chunks (Unicode-safe), readable back via ``Image.open(p).text``.

    Drawings use only the site colours, so they are mapped onto a fixed palette of those
    colours and the blends between them (anti-aliased edges): the same at a third of the
    size (a page of the seed carries 22 placeholders), and a pixel's colour never depends on
    the rest of the picture.
    """
    info = PngInfo()
    for key, value in text.items():
        info.add_itxt(key, value)
    out = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(
        out, "PNG", pnginfo=info, compress_level=PNG_COMPRESS_LEVEL
    )
    return out.getvalue()
