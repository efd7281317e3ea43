"""Generated images: placeholders for the seed's missing screenshots, and social cards."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops

from generator.pipeline import load
from generator.render import placeholder, social
from generator.render.drawing import PRIMARY
from generator.render.images import ImageProcessor, iter_images


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def band_differs(a: Image.Image, b: Image.Image, box: tuple[int, int, int, int]) -> bool:
    return ImageChops.difference(a.convert("RGB").crop(box), b.convert("RGB").crop(box)).getbbox() is not None


def test_seed_missing_screenshots_become_22_placeholders_each_with_its_own_title(seed_path, tmp_path):
    tutorial = load(seed_path).tutorial
    images = list(iter_images(tutorial))
    with ImageProcessor(seed_path.parent, tmp_path / "out", tmp_path / "cache") as processor:
        results = [processor.process(image, seed_path) for image in images]

    assert len(images) == 22
    assert {r.status for r in results} == {"missing"}
    assert processor.stats.placeholders == 22
    assert len({r.web_src for r in results}) == 22
    for image, result in zip(images, results, strict=True):
        with Image.open(tmp_path / "out" / result.web_src) as drawn:
            assert drawn.size == (result.width, result.height) == placeholder.SIZE
            assert drawn.text["Title"] == image.title
            assert drawn.text["Description"] == placeholder.MARK
            assert Path(image.src).name in drawn.text["Comment"]
        assert result.diagnostic.line == image.line
        assert image.alt in result.alt
        assert "screenshot not available" in result.alt
    assert not list(seed_path.parent.glob("media")), "nothing may be written beside the seed"


def test_placeholder_draws_the_title_and_the_same_clear_mark():
    width, height = placeholder.SIZE
    scenario = png(placeholder.placeholder_png("Scenario", "File not found: a.png"))
    gallery = png(placeholder.placeholder_png("Application Gallery", "File not found: a.png"))
    mark_band = (0, int(height * 0.36), width, int(height * 0.46))
    title_band = (0, int(height * 0.48), width, int(height * 0.75))

    assert not band_differs(scenario, gallery, mark_band)
    assert band_differs(scenario, gallery, title_band)
    mark_colours = {colour for _, colour in scenario.convert("RGB").crop(mark_band).getcolors(1 << 16)}
    assert PRIMARY in mark_colours


def test_long_titles_are_wrapped_inside_the_placeholder():
    width, _ = placeholder.SIZE
    drawn = png(
        placeholder.placeholder_png("Configure the single sign-on settings " * 8, "File not found: a.png")
    )
    background = drawn.convert("RGB").getpixel((20, 200))
    margin = drawn.convert("RGB").crop((12, 120, 40, 400))

    assert {colour for _, colour in margin.getcolors(1 << 16)} == {background}
    assert drawn.text["Title"].startswith("Configure the single sign-on settings")
    assert drawn.size[0] == width


def test_social_card_carries_title_and_app_and_is_identical_on_rebuild(tmp_path):
    title = "Tutorial: Azure Active Directory integration with Mimecast Admin Console"
    for site in ("site1", "site2"):
        with ImageProcessor(tmp_path, tmp_path / site, tmp_path / "cache") as processor:
            path = processor.social_card(title, "Mimecast Admin Console")
            other = processor.social_card("Tutorial: Contoso Mail", "Contoso Mail")

    with Image.open(tmp_path / "site2" / path) as card, Image.open(tmp_path / "site2" / other) as second:
        assert (card.format, card.size) == ("PNG", social.SIZE)
        assert (card.text["Title"], card.text["App"]) == (title, "Mimecast Admin Console")
        assert band_differs(card, second, (0, 180, social.SIZE[0], 480))
        assert card.convert("RGB").getpixel((5, 300)) == PRIMARY
    assert path != other
    assert (tmp_path / "site1" / path).read_bytes() == (tmp_path / "site2" / path).read_bytes()
    assert processor.stats.social_cards == 2


def test_social_card_function_writes_a_file(tmp_path):
    out = social.social_card("A title", "An app", tmp_path / "cards" / "a.png")

    with Image.open(out) as card:
        assert card.text == {"Title": "A title", "App": "An app"}
