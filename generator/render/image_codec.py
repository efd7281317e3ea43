"""Decode untrusted image bytes safely and encode the web version.

Everything a tutorial folder can contain is treated as hostile: only PNG, JPEG, GIF, BMP and
WebP decoders are tried, the pixel count is capped before decoding (decompression bombs), and
every pillow failure on malformed input becomes an :class:`ImageProblem` instead of a crash.

Pillow is imported on the first decode or encode, not with this module: a build whose
images are all in the cache neither decodes nor encodes any.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

FORMATS = ("PNG", "JPEG", "GIF", "BMP", "WEBP")
WEB_FORMAT = "WEBP"
WEB_SUFFIX = ".webp"


class ImageProblem(Exception):
    """Why an image file cannot be shown; ``code`` is the ``check`` diagnostic code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Decoded:
    """A fully decoded image: display size (EXIF orientation applied) and whether it moves."""

    image: Image.Image
    width: int
    height: int
    animated: bool


def decode(data: bytes, max_pixels: int) -> Decoded:
    """Decode every frame of ``data``; raise :class:`ImageProblem` for anything unusable."""
    from PIL import Image, ImageOps

    _quiet_bomb_warning()
    if not data:
        raise ImageProblem("image-empty", "the image file is empty (0 bytes)")
    try:
        image = Image.open(io.BytesIO(data), formats=FORMATS)
    except Image.DecompressionBombError as exc:
        raise ImageProblem("image-too-large", f"refused as a possible decompression bomb: {exc}") from exc
    except Exception as exc:  # pillow raises many types on hostile input; none may stop the build
        raise ImageProblem("image-unreadable", "not a readable PNG, JPEG, GIF, BMP or WebP image") from exc
    width, height = image.size
    if width * height > max_pixels:
        raise ImageProblem(
            "image-too-large",
            f"{width}x{height} pixels exceeds the limit of {max_pixels} (possible decompression bomb)",
        )
    try:
        frames = getattr(image, "n_frames", 1)
        for frame in range(frames):
            image.seek(frame)
            image.load()
        image.seek(0)
        upright = ImageOps.exif_transpose(image)
    except Exception as exc:  # truncated streams raise OSError, broken headers SyntaxError, ...
        raise ImageProblem("image-corrupt", f"the image file is corrupt or truncated ({exc})") from exc
    return Decoded(upright, upright.width, upright.height, frames > 1)


def web_size(width: int, height: int, max_width: int) -> tuple[int, int]:
    """The display size no wider than ``max_width``, keeping the aspect ratio (never upscaled)."""
    if width <= max_width:
        return width, height
    return max_width, max(1, round(height * max_width / width))


def encode_web(decoded: Decoded, max_width: int, quality: int) -> bytes:
    """The still web version as WebP, scaled down to ``max_width``."""
    from PIL import Image

    image = decoded.image
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
    image = image.convert("RGBA" if has_alpha else "RGB")
    size = web_size(image.width, image.height, max_width)
    if size != image.size:
        image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
    out = io.BytesIO()
    image.save(out, WEB_FORMAT, quality=quality, method=4)
    return out.getvalue()


@cache
def _quiet_bomb_warning() -> None:
    """Silence pillow's warning for images between 1x and 2x its pixel limit, once per process.

    We enforce the limit ourselves as an error (see decode), so the warning would only be noise.
    """
    from PIL import Image

    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
