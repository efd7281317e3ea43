"""Open Graph cards: the 1200x630 preview a chat or social app shows for a tutorial link.

Drawn with pillow (no Cairo, no network) in the site's colours: a checklist mark and the
site name, the tutorial title as large as fits in three lines, and the app name. The texts
are also stored in the PNG's iTXt metadata (``Title``, ``App``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.render import drawing

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

SIZE = (1200, 630)
SITE_NAME = "Tutorial checklists"
_TITLE_SIZES = (68, 60, 52, 46)
_MARGIN = 80


def card_png(title: str, app: str, site_name: str = SITE_NAME) -> bytes:
    """PNG bytes of the social card for one tutorial: only its title and app are drawn per card."""
    from PIL import ImageDraw

    width, height = SIZE
    image = _background(site_name).copy()
    draw = ImageDraw.Draw(image)
    size, lines = _fit_title(title, width - 2 * _MARGIN)
    face = drawing.font(size)
    y = 210
    for line in lines:
        draw.text(
            (_MARGIN, y),
            line,
            font=face,
            fill=drawing.WHITE,
            anchor="la",
            stroke_width=1,
            stroke_fill=drawing.WHITE,
        )
        y += round(size * 1.25)
    if app:
        app_face = drawing.font(36)
        app_line = drawing.wrap(app, 36, width - 2 * _MARGIN, 1)
        draw.text(
            (_MARGIN, max(y + 24, height - 130)),
            app_line[0],
            font=app_face,
            fill=drawing.PRIMARY_LIGHT,
            anchor="la",
        )
    return drawing.png_bytes(image, {"Title": title, "App": app})


@cache
def _background(site_name: str) -> Image.Image:
    """Everything the same on every card (colour, mark, site name, bottom band), drawn once per process.

    Copy it before drawing on it. The band is drawn before the texts, not after as it once
    was: no title or app line reaches it (the app line ends above 560 px, the band starts at 606).
    """
    from PIL import Image, ImageDraw

    width, height = SIZE
    image = Image.new("RGB", SIZE, drawing.PRIMARY)
    draw = ImageDraw.Draw(image)
    _checklist_mark(draw, _MARGIN, 70)
    draw.text((_MARGIN + 70, 84), site_name, font=drawing.font(34), fill=drawing.WHITE, anchor="la")
    draw.rectangle([0, height - 24, width, height], fill=drawing.PRIMARY_LIGHT)
    return image


def social_card(title: str, app: str, out_path: Path) -> Path:
    """Write the card for ``title``/``app`` to ``out_path`` (parents created) and return it."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(card_png(title, app))
    return out_path


def _fit_title(title: str, width: int) -> tuple[int, list[str]]:
    """The largest title size that fits in three lines (the smallest size truncates)."""
    for size in _TITLE_SIZES[:-1]:
        lines = drawing.wrap(title, size, width, 4)
        if len(lines) <= 3:
            return size, lines
    return _TITLE_SIZES[-1], drawing.wrap(title, _TITLE_SIZES[-1], width, 3)


def _checklist_mark(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """Three ticked boxes, the site's emblem, in a 48 px square at (x, y)."""
    for row in range(3):
        top = y + row * 17
        draw.rectangle([x, top, x + 12, top + 12], outline=drawing.WHITE, width=2)
        draw.line([(x + 3, top + 6), (x + 6, top + 9), (x + 11, top + 2)], fill=drawing.WHITE, width=2)
        draw.line([(x + 20, top + 6), (x + 48, top + 6)], fill=drawing.WHITE, width=3)
