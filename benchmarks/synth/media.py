"""The few screenshots that do exist: tiny PNGs in one shared media folder."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from benchmarks.synth.plan import SHARED_IMAGES

SIZE = (320, 180)


def write_shared_images(folder: Path) -> None:
    """One small, distinct PNG per name in :data:`SHARED_IMAGES` (content is fixed, so builds cache it)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(SHARED_IMAGES):
        image = Image.new("RGB", SIZE, (240, 242, 248))
        draw = ImageDraw.Draw(image)
        draw.rectangle((0, 0, SIZE[0], 24), fill=(40 + 30 * number, 80, 160))
        draw.rectangle((16, 40 + 10 * number, 200, 60 + 10 * number), outline=(60, 60, 60), width=2)
        image.save(folder / name, format="PNG", optimize=True)
