"""Placeholder screenshots: what a reader sees instead of a broken-image icon.

Drawn with pillow at the size of a typical screenshot so the page does not jump if the real
file turns up later. The image shows a crossed-out picture icon, a clear "screenshot not
available" mark, the image's title (or alt text) and, in small print, the kind of problem
(:data:`REASONS`). It shows nothing specific to one reference (the file's path goes into the
page's HTML and the ``check`` warning), so every reference with the same title and problem
shares one file: a site has a few dozen placeholders, not one per missing screenshot. The
same texts are stored in the PNG's iTXt metadata (``Title``, ``Description``, ``Comment``) so
tools and tests can read them back without OCR.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from generator.render import drawing

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

MARK = "Screenshot not available"
SIZE = (800, 450)
# The small print per problem (the ``status`` of a rendered image).
REASONS = {
    "missing": "File not found in the tutorial's media folder",
    "remote": "Hosted on another site; follow the link to view it",
    "refused": "Image refused: the path is not allowed",
    "broken": "Unreadable image file",
}
_TITLE_LINES = 3


def placeholder_png(title: str, status: str, size: tuple[int, int] = SIZE) -> bytes:
    """PNG bytes of a placeholder labelled with ``title`` and the reason for ``status``."""
    from PIL import ImageDraw

    width, height = size
    image = _background(status, size).copy()
    draw = ImageDraw.Draw(image)
    lines = drawing.wrap(title, _title_size(height), width - 120, _TITLE_LINES)
    _centred(draw, lines, _title_size(height), _title_top(height), width, drawing.TEXT)
    return drawing.png_bytes(image, {"Title": title, "Description": MARK, "Comment": REASONS[status]})


@cache
def _background(status: str, size: tuple[int, int]) -> Image.Image:
    """Everything but the title, drawn once per problem and size (copy it before drawing on it)."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size, drawing.PRIMARY_LIGHT)
    draw = ImageDraw.Draw(image)
    _dashed_border(draw, width, height)
    _crossed_picture(draw, width // 2, round(height * 0.22), scale=height / 450)
    _centred(draw, [MARK], _mark_size(height), round(height * 0.38), width, drawing.PRIMARY, True)
    reason_size = round(height / 25)
    lines = drawing.wrap(REASONS[status], reason_size, width - 100, 2)
    lowest_title = _title_top(height) + _TITLE_LINES * _line_height(_title_size(height))
    _centred(
        draw, lines, reason_size, max(lowest_title + 12, height - 40 - 26 * len(lines)), width, drawing.MUTED
    )
    return image


def _mark_size(height: int) -> int:
    return round(height / 15)


def _title_size(height: int) -> int:
    return round(height / 17)


def _title_top(height: int) -> int:
    """The title starts a little below the mark's one line."""
    return round(height * 0.38) + _line_height(_mark_size(height)) + round(height / 30)


def _line_height(size: int) -> int:
    return round(size * 1.3)


def _centred(
    draw: ImageDraw.ImageDraw,
    lines: list[str],
    size: int,
    y: int,
    width: int,
    fill: tuple[int, int, int],
    bold: bool = False,
) -> None:
    """Draw ``lines`` in the font at ``size``, centred horizontally, one below the other, from ``y``."""
    face = drawing.font(size)
    step = _line_height(size)
    for line in lines:
        draw.text(
            (width / 2, y),
            line,
            font=face,
            fill=fill,
            anchor="ma",
            stroke_width=1 if bold else 0,
            stroke_fill=fill,
        )
        y += step


def _dashed_border(draw: ImageDraw.ImageDraw, width: int, height: int, inset: int = 10) -> None:
    dash, gap = 14, 8
    left, top, right, bottom = inset, inset, width - inset - 1, height - inset - 1
    for x in range(left, right, dash + gap):
        end = min(x + dash, right)
        draw.line([(x, top), (end, top)], fill=drawing.PRIMARY, width=3)
        draw.line([(x, bottom), (end, bottom)], fill=drawing.PRIMARY, width=3)
    for y in range(top, bottom, dash + gap):
        end = min(y + dash, bottom)
        draw.line([(left, y), (left, end)], fill=drawing.PRIMARY, width=3)
        draw.line([(right, y), (right, end)], fill=drawing.PRIMARY, width=3)


def _crossed_picture(draw: ImageDraw.ImageDraw, cx: int, cy: int, scale: float) -> None:
    """A picture-frame icon (mountain and sun) struck through, centred on (cx, cy)."""
    w, h = 90 * scale, 66 * scale
    left, top, right, bottom = cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2
    line = max(2, round(4 * scale))
    draw.rounded_rectangle([left, top, right, bottom], radius=8 * scale, outline=drawing.PRIMARY, width=line)
    draw.polygon(
        [
            (left + 10 * scale, bottom - 10 * scale),
            (cx - 8 * scale, cy - 6 * scale),
            (cx + 8 * scale, cy + 8 * scale),
            (cx + 18 * scale, cy),
            (right - 10 * scale, bottom - 10 * scale),
        ],
        fill=drawing.PRIMARY,
    )
    r = 7 * scale
    draw.ellipse(
        [right - 28 * scale - r, top + 18 * scale - r, right - 28 * scale + r, top + 18 * scale + r],
        fill=drawing.PRIMARY,
    )
    draw.line(
        [(left - 8 * scale, bottom + 8 * scale), (right + 8 * scale, top - 8 * scale)],
        fill=drawing.PRIMARY_LIGHT,
        width=line * 3,
    )
    draw.line(
        [(left - 8 * scale, bottom + 8 * scale), (right + 8 * scale, top - 8 * scale)],
        fill=drawing.PRIMARY,
        width=line,
    )
