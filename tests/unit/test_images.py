"""Present screenshots: web versions, originals for the lightbox, the cache and the shared pool."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image

from generator.model.nodes import Block, Inline, Procedure, Section, Step, Tutorial
from generator.render.images import ImageProcessor, RenderedImage, iter_images
from tests.imagefactory import SourceFolder, ref, screenshot


@pytest.fixture
def folder(tmp_path: Path) -> SourceFolder:
    return SourceFolder(tmp_path / "source")


def run(folder: SourceFolder, tmp_path: Path, refs: list, out: str = "out", **options: object) -> tuple:
    processor = ImageProcessor(folder.root, tmp_path / out, tmp_path / "cache", **options)
    with processor:
        results = [processor.process(r, folder.tutorial) for r in refs]
    return results, processor.stats


def opened(out_dir: Path, rendered_path: str) -> Image.Image:
    return Image.open(out_dir / rendered_path)


def test_large_png_gets_a_web_version_no_wider_than_1200_and_keeps_the_original(folder, tmp_path):
    original = folder.add("media/t/big.png", screenshot(2400, 1350))
    [result], _ = run(folder, tmp_path, [ref("./media/t/big.png", title="Big screen", alt="Portal")])

    assert (result.status, result.placeholder, result.diagnostic) == ("ok", False, None)
    assert (result.width, result.height) == (1200, 675)
    web = opened(tmp_path / "out", result.web_src)
    assert web.size == (1200, 675)
    assert web.format == "WEBP"
    assert (tmp_path / "out" / result.original_src).read_bytes() == original.read_bytes()
    assert (result.original_width, result.original_height) == (2400, 1350)
    assert (result.alt, result.caption) == ("Portal", "Big screen")
    assert (tmp_path / "out" / result.web_src).stat().st_size < original.stat().st_size


def test_max_width_is_configurable_and_small_images_are_not_upscaled(folder, tmp_path):
    folder.add("media/wide.png", screenshot(1600, 900))
    folder.add("media/small.jpg", screenshot(300, 200, "JPEG"))
    wide, small = run(folder, tmp_path, [ref("media/wide.png"), ref("media/small.jpg")], max_width=800)[0]

    assert (wide.width, wide.height) == (800, 450)
    assert opened(tmp_path / "out", wide.web_src).size == (800, 450)
    assert (small.width, small.height) == (300, 200)
    assert opened(tmp_path / "out", small.web_src).size == (300, 200)


@pytest.mark.parametrize(
    ("name", "fmt", "options"),
    [
        ("shot.gif", "GIF", {}),
        ("shot.bmp", "BMP", {}),
        ("shot.webp", "WEBP", {}),
        ("shot.jpeg", "JPEG", {"quality": 80}),
    ],
)
def test_every_supported_format_is_read(folder, tmp_path, name, fmt, options):
    original = folder.add(f"media/{name}", screenshot(1300, 650, fmt, **options))
    [result], _ = run(folder, tmp_path, [ref(f"media/{name}")])

    assert result.status == "ok"
    assert (result.width, result.height) == (1200, 600)
    assert result.web_src != result.original_src
    assert (tmp_path / "out" / result.original_src).read_bytes() == original.read_bytes()


def test_transparency_survives_in_the_web_version(folder, tmp_path):
    image = Image.new("RGBA", (200, 100), (255, 0, 0, 0))
    image.paste((0, 0, 255, 255), (50, 25, 150, 75))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    folder.add("media/alpha.png", buffer.getvalue())
    [result], _ = run(folder, tmp_path, [ref("media/alpha.png")])

    web = opened(tmp_path / "out", result.web_src).convert("RGBA")
    assert web.getpixel((5, 5))[3] == 0
    assert web.getpixel((100, 50))[3] == 255


def test_exif_rotated_photo_reports_its_upright_size(folder, tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: rotate 90° clockwise to display
    data = screenshot(400, 300, "JPEG", exif=exif.tobytes())
    folder.add("media/rotated.jpg", data)
    [result], _ = run(folder, tmp_path, [ref("media/rotated.jpg")])

    assert (result.width, result.height) == (300, 400)
    assert opened(tmp_path / "out", result.web_src).size == (300, 400)


def test_animated_gif_is_kept_as_is_so_it_still_moves(folder, tmp_path):
    frames = [Image.new("P", (1500, 300), colour) for colour in (1, 2, 3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    folder.add("media/anim.gif", buffer.getvalue())
    [result], _ = run(folder, tmp_path, [ref("media/anim.gif")])

    assert result.web_src == result.original_src
    assert (result.width, result.height) == (1500, 300)
    assert getattr(opened(tmp_path / "out", result.web_src), "n_frames", 1) == 3


def test_second_build_with_the_same_cache_re_encodes_nothing(folder, tmp_path):
    for i in range(4):
        folder.add(f"media/{i}.png", screenshot(1400 + i * 100, 800))
    refs = [ref(f"media/{i}.png") for i in range(4)]
    first, first_stats = run(folder, tmp_path, refs, out="site1")
    second, second_stats = run(folder, tmp_path, refs, out="site2")

    assert (first_stats.encoded, first_stats.cache_hits) == (4, 0)
    assert (second_stats.encoded, second_stats.cache_hits) == (0, 4)
    assert first == second
    for result in second:
        assert (tmp_path / "site2" / result.web_src).read_bytes() == (
            tmp_path / "site1" / result.web_src
        ).read_bytes()
        assert (tmp_path / "site2" / result.original_src).is_file()


def test_changed_image_bytes_are_re_encoded(folder, tmp_path):
    folder.add("media/a.png", screenshot(1400, 800))
    run(folder, tmp_path, [ref("media/a.png")], out="site1")
    folder.add("media/a.png", screenshot(1000, 800))
    [result], stats = run(folder, tmp_path, [ref("media/a.png")], out="site2")

    assert (stats.encoded, stats.cache_hits) == (1, 0)
    assert (result.width, result.height) == (1000, 800)


def test_changing_max_width_does_not_reuse_web_versions_of_another_size(folder, tmp_path):
    folder.add("media/a.png", screenshot(1400, 800))
    run(folder, tmp_path, [ref("media/a.png")], out="site1")
    [result], stats = run(folder, tmp_path, [ref("media/a.png")], out="site2", max_width=700)

    assert stats.encoded == 1
    assert opened(tmp_path / "site2", result.web_src).size == (700, 400)


def test_a_damaged_cache_entry_is_rebuilt_not_trusted(folder, tmp_path):
    folder.add("media/a.png", screenshot(1400, 800))
    run(folder, tmp_path, [ref("media/a.png")], out="site1")
    for meta in (tmp_path / "cache").rglob("*.json"):
        meta.write_text("{not json", encoding="utf-8")
    [result], stats = run(folder, tmp_path, [ref("media/a.png")], out="site2")

    assert stats.encoded == 1
    assert (result.width, result.height) == (1200, 686)


def test_one_screenshot_used_by_two_tutorials_is_encoded_once(folder, tmp_path):
    folder.add("media/shared.png", screenshot(1400, 800))
    other = folder.root / "other" / "second.md"
    other.parent.mkdir()
    other.write_text("# Second\n", encoding="utf-8")
    with ImageProcessor(folder.root, tmp_path / "out", tmp_path / "cache", workers=2) as processor:
        a = processor.submit(ref("media/shared.png"), folder.tutorial)
        b = processor.submit(ref("../media/shared.png"), other)
        first, second = a.result(), b.result()

    assert first.web_src == second.web_src
    assert processor.stats.encoded == 1
    assert processor.stats.cache_hits == 1


def test_prefetch_queues_every_image_of_a_tutorial_and_stats_report_time(folder, tmp_path):
    for width, name in enumerate(("a", "b", "c"), start=1300):
        folder.add(f"media/{name}.png", screenshot(width, 700))
    step = Step(
        id="s1",
        number="1",
        text="Open it",
        inline=[
            Inline("text", "Click "),
            Inline("image", text="inline", href="media/c.png", attrs={"line": 5}),
        ],
        content=[Block("image", line=6, image=ref("media/b.png", line=6))],
    )
    tutorial = Tutorial(
        source="tutorial.md",
        dialect="legacy",
        title="T",
        intro=[Block("image", line=2, image=ref("media/a.png", line=2))],
        sections=[
            Section(id="s", title="S", level=2, procedures=[Procedure(id="p", title=None, steps=[step])])
        ],
    )
    with ImageProcessor(folder.root, tmp_path / "out", tmp_path / "cache") as processor:
        processor.prefetch(tutorial, folder.tutorial)
        found = [(image.src, image.line) for image in iter_images(tutorial)]
        results = [processor.process(image, folder.tutorial) for image in iter_images(tutorial)]

    assert sorted(found) == [("media/a.png", 2), ("media/b.png", 6), ("media/c.png", 5)]
    assert all(isinstance(r, RenderedImage) and r.status == "ok" for r in results)
    assert processor.stats.images == 3
    assert processor.stats.encoded == 3
    assert processor.stats.seconds > 0
    assert "3 encoded" in processor.stats.summary()


def cache_inodes(tmp_path: Path) -> set[int]:
    return {p.stat().st_ino for p in (tmp_path / "cache").rglob("*") if p.is_file()}


def test_files_reach_the_output_folder_as_hard_links_to_the_cache(folder, tmp_path):
    folder.add("media/a.png", screenshot(1400, 800))
    [shot, missing], _ = run(folder, tmp_path, [ref("media/a.png"), ref("media/gone.png", title="Gone")])

    for rel in (shot.web_src, shot.original_src, missing.web_src):
        assert (tmp_path / "out" / rel).stat().st_ino in cache_inodes(tmp_path), rel
    assert (tmp_path / "out" / shot.original_src).read_bytes() == (folder.root / "media/a.png").read_bytes()


def test_files_are_copied_where_the_cache_cannot_be_linked(folder, tmp_path, monkeypatch):
    def cross_device(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", cross_device)
    folder.add("media/a.png", screenshot(1400, 800))
    [shot, missing], _ = run(folder, tmp_path, [ref("media/a.png"), ref("media/gone.png", title="Gone")])

    for rel in (shot.web_src, shot.original_src, missing.web_src):
        placed = tmp_path / "out" / rel
        assert placed.stat().st_ino not in cache_inodes(tmp_path), rel
        assert placed.stat().st_size > 0
    assert (tmp_path / "out" / shot.original_src).read_bytes() == (folder.root / "media/a.png").read_bytes()
    assert not [p for p in (tmp_path / "out").rglob("*") if p.name.endswith(".tmp")]


def test_an_output_folder_reused_by_the_next_build_keeps_every_file(folder, tmp_path):
    folder.add("media/a.png", screenshot(1400, 800))
    refs = [ref("media/a.png"), ref("media/gone.png", title="Gone")]
    first, _ = run(folder, tmp_path, refs)
    before = {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()}
    second, _ = run(folder, tmp_path, refs)

    assert first == second
    assert {p: p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file()} == before
