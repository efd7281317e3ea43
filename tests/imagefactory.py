"""Test images made with pillow, and a throw-away source folder to put them in.

Shared by the unit tests of the image pipeline and the lightbox browser test.
"""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw

from generator.model.nodes import Image as ImageRef


def screenshot(width: int, height: int, fmt: str = "PNG", **save: object) -> bytes:
    """A deterministic screenshot-like picture: a gradient with a few coloured panels and text."""
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    draw = ImageDraw.Draw(image)
    for i in range(6):
        left = i * width // 6
        draw.rectangle(
            [left + width // 60, height // 4, left + width // 8, height // 2],
            fill=(40 * i, 120, 255 - 40 * i),
        )
    draw.text((10, 10), f"{width}x{height} {fmt}", fill=(0, 0, 0))
    out = io.BytesIO()
    image.save(out, fmt, **save)
    return out.getvalue()


def bomb_png(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` pixels (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1024)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    """A JPEG cut off a third of the way through its data."""
    data = screenshot(640, 360, "JPEG", quality=90)
    return data[: len(data) // 3]


class SourceFolder:
    """A source folder with one tutorial at ``root/tutorial.md`` and files added beside it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.tutorial = root / "tutorial.md"
        root.mkdir(parents=True, exist_ok=True)
        self.tutorial.write_text("# A tutorial\n", encoding="utf-8")

    def add(self, relative: str, data: bytes) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path


def ref(src: str, title: str | None = None, alt: str = "Screenshot", line: int = 7) -> ImageRef:
    """An image reference as the model stage produces it."""
    return ImageRef(src=src, alt=alt, title=title, line=line)
