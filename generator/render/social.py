"""Open Graph cards: the 1200x630 preview a chat or social app shows for a tutorial link.

Drawn with pillow (no Cairo, no network) in the site's colours: a checklist mark and the
site name, the tutorial title as large as fits in three lines, and the app name. The texts
are also stored in the PNG's iTXt metadata (``Title``, ``App``).

A build draws hundreds of cards whose titles share most of their words ("Tutorial: Azure
Active Directory integration with ..."), so a card is put together rather than drawn: every
word is drawn once per process and size, then placed where drawing the whole line would put
it (pillow places glyphs on whole pixels and the font has no kerning across a space, so the
pixels are the same). The card is drawn in palette indices from the start, on a palette of 16
colours: the site colours and the anti-aliasing blends between them. It needs no colour
reduction and is saved with 4 bits a pixel, which halves what zlib compresses.
"""

from __future__ import annotations

from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from generator.render import drawing

if TYPE_CHECKING:
    from PIL import Image, ImageDraw

    # Text drawn as palette indices, and where its box starts relative to the pen.
    Ink = tuple[Image.Image, int, int]

SIZE = (1200, 630)
SITE_NAME = "Tutorial checklists"
# Part of the card cache key (see images.py): change it whenever a card's pixels or bytes change.
STYLE = "card-2"
_TITLE_SIZES = (68, 60, 52, 46)
_MARGIN = 80
# zlib level 4: compressing a card takes 1.5 ms instead of 2.8 ms at level 6, for 13.0 kB
# instead of 11.8 kB (cards of 256 colours encoded by pillow at level 6 were 14.5 kB).
_COMPRESS_LEVEL = 4
_WHITE_LEVELS = 8  # palette 0..8: PRIMARY, 7 blends, WHITE (the title, site name and mark)
_LIGHT_LEVELS = 7  # palette 9..15: 6 blends from PRIMARY, then PRIMARY_LIGHT (the app line and band)
_WHITE = 8
_LIGHT = 15


def card_png(title: str, app: str, site_name: str = SITE_NAME) -> bytes:
    """PNG bytes of the social card for one tutorial: only its title and app are drawn per card."""
    width, height = SIZE
    card = _background(site_name).copy()
    size, lines = _fit_title(title, width - 2 * _MARGIN)
    y = 210
    for line in lines:
        _place_words(card, line, size, (_MARGIN, y))
        y += round(size * 1.25)
    if app:  # its words are mostly the app's own name, seldom seen again: drawn whole, not kept
        app_line = drawing.wrap(app, 36, width - 2 * _MARGIN, 1)[0]
        _place(card, _ink(app_line, 36, 0, light=True), (_MARGIN, max(y + 24, height - 130)))
    return drawing.indexed_png(card, _palette(), {"Title": title, "App": app}, _COMPRESS_LEVEL)


def social_card(title: str, app: str, out_path: Path) -> Path:
    """Write the card for ``title``/``app`` to ``out_path`` (parents created) and return it."""
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(card_png(title, app))
    return out_path


@cache
def _background(site_name: str) -> Image.Image:
    """Everything the same on every card (colour, mark, site name, bottom band), drawn once per process.

    An "L" image of palette indices (0 is PRIMARY); copy it before drawing on it.
    """
    from PIL import Image, ImageDraw

    width, height = SIZE
    image = Image.new("L", SIZE, 0)
    draw = ImageDraw.Draw(image)
    _checklist_mark(draw, _MARGIN, 70)
    _place(image, _ink(site_name, 34, 0, light=False), (_MARGIN + 70, 84))
    draw.rectangle([0, height - 24, width, height], fill=_LIGHT)
    return image


def _fit_title(title: str, width: int) -> tuple[int, list[str]]:
    """The largest title size that fits in three lines (the smallest size truncates)."""
    for size in _TITLE_SIZES[:-1]:
        lines = drawing.wrap(title, size, width, 4)
        if len(lines) <= 3:
            return size, lines
    return _TITLE_SIZES[-1], drawing.wrap(title, _TITLE_SIZES[-1], width, 3)


def _place_words(card: Image.Image, line: str, size: int, xy: tuple[int, int]) -> None:
    """Put the title words of ``line`` where drawing it whole, left-aligned at ``xy``, would."""
    x, y = xy
    space = drawing.text_width(" ", size)
    pen = float(x)
    for word in line.split(" "):
        _place(card, _title_word(word, size), (round(pen), y))
        pen += drawing.text_width(word, size) + space


def _place(card: Image.Image, ink: Ink, xy: tuple[int, int]) -> None:
    """Put ``ink`` on ``card`` with its pen at ``xy`` (y is the top of the ascender).

    Combined by the brighter index, as ink over ink: the indices of each ink rise with coverage,
    so a stroke that reaches into the next line's box keeps its pixels.
    """
    from PIL import ImageChops

    mask, left, top = ink
    at = (xy[0] + left, xy[1] + top)
    box = (*at, at[0] + mask.width, at[1] + mask.height)
    card.paste(ImageChops.lighter(card.crop(box), mask), at)


def _ink(text: str, size: int, stroke: int, light: bool) -> Ink:
    """``text`` drawn as palette indices in WHITE (or PRIMARY_LIGHT), with its offset from the pen."""
    from PIL import Image, ImageDraw

    face = drawing.font(size)
    left, top, right, bottom = face.getbbox(text, stroke_width=stroke, anchor="la")
    coverage = Image.new("L", (max(right - left, 1), max(bottom - top, 1)), 0)
    ImageDraw.Draw(coverage).text(
        (-left, -top), text, font=face, fill=255, anchor="la", stroke_width=stroke, stroke_fill=255
    )
    return coverage.point(_LIGHT_LUT if light else _WHITE_LUT), left, top


@lru_cache(maxsize=512)
def _title_word(word: str, size: int) -> Ink:
    """A title word (outlined, so bolder), drawn once per process: titles share most of their words.

    At size 68 a word is about 15 kB, so the cache holds at most about 8 MB.
    """
    return _ink(word, size, 1, light=False)


def _levels(first: int, levels: int) -> list[int]:
    """Coverage (0..255) to the palette index of the nearest of ``levels`` blends from PRIMARY."""
    indices = [round(value * levels / 255) for value in range(256)]
    return [0 if level == 0 else first + level - 1 for level in indices]


_WHITE_LUT = _levels(1, _WHITE_LEVELS)
_LIGHT_LUT = _levels(_WHITE + 1, _LIGHT_LEVELS)


@cache
def _palette() -> bytes:
    """PRIMARY, its blends to WHITE and WHITE, then its blends to PRIMARY_LIGHT and PRIMARY_LIGHT."""
    primary, white, light = drawing.PRIMARY, drawing.WHITE, drawing.PRIMARY_LIGHT
    colours = [primary]
    colours += [drawing.blend(primary, white, k / _WHITE_LEVELS) for k in range(1, _WHITE_LEVELS + 1)]
    colours += [drawing.blend(primary, light, k / _LIGHT_LEVELS) for k in range(1, _LIGHT_LEVELS + 1)]
    return bytes(channel for colour in colours for channel in colour)


def _checklist_mark(draw: ImageDraw.ImageDraw, x: int, y: int) -> None:
    """Three ticked boxes, the site's emblem, in a 48 px square at (x, y), in WHITE's index."""
    for row in range(3):
        top = y + row * 17
        draw.rectangle([x, top, x + 12, top + 12], outline=_WHITE, width=2)
        draw.line([(x + 3, top + 6), (x + 6, top + 9), (x + 11, top + 2)], fill=_WHITE, width=2)
        draw.line([(x + 20, top + 6), (x + 48, top + 6)], fill=_WHITE, width=3)
