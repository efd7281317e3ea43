"""Hostile or broken image references: refused or replaced, reported by ``check``, never a crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from generator.diagnostics import GeneratorError
from generator.render.images import ImageProcessor, inspect_image
from tests.imagefactory import SourceFolder, bomb_png, ref, screenshot, truncated_jpeg


@pytest.fixture
def folder(tmp_path: Path) -> SourceFolder:
    return SourceFolder(tmp_path / "source")


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A valid image outside the source folder that must never be read or published."""
    path = tmp_path / "outside" / "secret.png"
    path.parent.mkdir()
    path.write_bytes(screenshot(64, 64))
    return path


def render(folder: SourceFolder, tmp_path: Path, src: str):
    with ImageProcessor(folder.root, tmp_path / "out", tmp_path / "cache") as processor:
        return processor.process(ref(src, title="Step screenshot", line=12), folder.tutorial)


def published(tmp_path: Path) -> list[bytes]:
    return [p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()]


def placeholder_reason(tmp_path: Path, web_src: str) -> str:
    """The small print drawn on a placeholder (also in its PNG metadata)."""
    with Image.open(tmp_path / "out" / web_src) as image:
        return image.text["Comment"]


@pytest.mark.parametrize(
    "src",
    [
        "../../../../etc/passwd",
        "../outside/secret.png",
        "media/../../outside/secret.png",
        "%2e%2e/outside/secret.png",
        "..\\outside\\secret.png",
    ],
)
def test_relative_paths_leaving_the_source_folder_are_refused(folder, tmp_path, secret, src):
    result = render(folder, tmp_path, src)

    assert result.status == "refused"
    assert result.placeholder
    assert result.original_src is None
    assert secret.read_bytes() not in published(tmp_path)
    assert placeholder_reason(tmp_path, result.web_src) == "Image refused: the path is not allowed"
    assert "leaves the source folder" in result.detail
    diagnostic = result.diagnostic
    assert (diagnostic.file, diagnostic.line, diagnostic.severity, diagnostic.code) == (
        str(folder.tutorial),
        12,
        "error",
        "image-refused",
    )


def test_symlink_pointing_outside_the_source_folder_is_refused(folder, tmp_path, secret):
    (folder.root / "media").mkdir()
    (folder.root / "media" / "link.png").symlink_to(secret)
    result = render(folder, tmp_path, "media/link.png")

    assert result.status == "refused"
    assert secret.read_bytes() not in published(tmp_path)


def test_symlinked_folder_pointing_outside_the_source_folder_is_refused(folder, tmp_path, secret):
    (folder.root / "media").symlink_to(secret.parent, target_is_directory=True)
    for src in ("media/secret.png", "./media/secret.png", "media/./secret.png"):
        result = render(folder, tmp_path, src)
        assert result.status == "refused", src
    assert secret.read_bytes() not in published(tmp_path)


def test_symlink_that_stays_inside_the_source_folder_is_followed(folder, tmp_path):
    (folder.root / "shots").mkdir()
    (folder.root / "shots" / "real.png").write_bytes(screenshot(64, 64))
    (folder.root / "media").mkdir()
    (folder.root / "media" / "alias.png").symlink_to(folder.root / "shots" / "real.png")
    (folder.root / "linked").symlink_to(folder.root / "shots", target_is_directory=True)
    for src in ("media/alias.png", "linked/real.png", "media/../shots/real.png"):
        result = render(folder, tmp_path, src)
        assert result.status == "ok", src


@pytest.mark.parametrize(
    ("src", "why"),
    [
        ("/etc/passwd", "absolute path"),
        ("{secret}", "absolute path"),
        ("C:\\Windows\\win.ini", "absolute path"),
        ("\\\\server\\share\\x.png", "absolute path"),
        ("file:///etc/passwd", "file: URLs"),
        ("file:{secret}", "file: URLs"),
        ("data:image/png;base64,iVBORw0KGgo=", "data: URLs"),
        ("javascript:alert(1)", "javascript: URLs"),
        ("ftp://example.com/x.png", "ftp: URLs"),
        ("", "no path"),
    ],
)
def test_absolute_paths_and_other_schemes_are_refused(folder, tmp_path, secret, src, why):
    result = render(folder, tmp_path, src.format(secret=secret))

    assert result.status == "refused"
    assert result.diagnostic.severity == "error"
    assert why in result.diagnostic.message
    assert secret.read_bytes() not in published(tmp_path)


@pytest.mark.parametrize("src", ["https://example.com/shots/portal.png", "//cdn.example.com/x.png"])
def test_remote_images_are_not_fetched_and_link_to_the_original(folder, tmp_path, src):
    result = render(folder, tmp_path, src)

    assert result.status == "remote"
    assert result.remote_href.startswith("https://")
    assert result.remote_href.endswith(src.lstrip("/").removeprefix("https://"))
    assert (result.diagnostic.severity, result.diagnostic.code) == ("warning", "image-remote")
    assert placeholder_reason(tmp_path, result.web_src).startswith("Hosted on another site")
    assert "example.com" in result.detail


def test_missing_image_is_a_warning_with_file_and_line(folder, tmp_path):
    result = render(folder, tmp_path, "./media/t/IC795011.png")

    assert result.status == "missing"
    assert (result.width, result.height) == Image.open(tmp_path / "out" / result.web_src).size
    diagnostic = result.diagnostic
    assert (diagnostic.file, diagnostic.line, diagnostic.severity, diagnostic.code) == (
        str(folder.tutorial),
        12,
        "warning",
        "image-missing",
    )
    assert placeholder_reason(tmp_path, result.web_src).startswith("File not found")
    assert "IC795011.png" in result.detail


BROKEN = {
    "zero-byte.png": (b"", "image-empty"),
    "truncated.jpg": (truncated_jpeg(), "image-corrupt"),
    "bomb.png": (bomb_png(50_000, 50_000), "image-too-large"),
    "big-bomb.png": (bomb_png(10_000, 10_000), "image-too-large"),
    "not-an-image.png": (b"<html><script>alert(1)</script></html>", "image-unreadable"),
    "picture.tiff": (screenshot(50, 50, "TIFF"), "image-unreadable"),
}


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")  # we enforce the limit as an error
@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_files_become_placeholders_and_check_errors(folder, tmp_path, name):
    data, code = BROKEN[name]
    folder.add(f"media/{name}", data)
    result = render(folder, tmp_path, f"media/{name}")

    assert result.status == "broken"
    assert result.placeholder
    assert (result.diagnostic.severity, result.diagnostic.code) == ("error", code)
    assert placeholder_reason(tmp_path, result.web_src) == "Unreadable image file"
    assert result.detail.startswith("Unreadable image file: ")
    [reported] = inspect_image(ref(f"media/{name}", line=12), folder.tutorial, folder.root)
    assert (reported.file, reported.line, reported.severity, reported.code) == (
        str(folder.tutorial),
        12,
        "error",
        code,
    )


def test_check_reports_nothing_for_a_good_image_and_refuses_escapes(folder, tmp_path, secret):
    folder.add("media/ok.png", screenshot(100, 50))

    assert inspect_image(ref("media/ok.png"), folder.tutorial, folder.root) == []
    [escape] = inspect_image(ref("../outside/secret.png"), folder.tutorial, folder.root)
    assert (escape.severity, escape.code) == ("error", "image-refused")
    [missing] = inspect_image(ref("media/none.png"), folder.tutorial)
    assert (missing.severity, missing.code) == ("warning", "image-missing")


def test_an_unwritable_output_folder_stops_the_build_naming_the_reference(folder, tmp_path):
    folder.add("media/ok.png", screenshot(100, 50))
    blocked = tmp_path / "out"
    blocked.write_text("a file where the output folder should be", encoding="utf-8")
    processor = ImageProcessor(folder.root, blocked, tmp_path / "cache")

    with pytest.raises(GeneratorError) as raised:
        processor.process(ref("media/ok.png", line=31), folder.tutorial)
    with pytest.raises(GeneratorError):
        processor.close()  # queued work that failed is reported again, not lost
    assert (raised.value.file, raised.value.line) == (str(folder.tutorial), 31)
    assert "media/ok.png" in raised.value.message
