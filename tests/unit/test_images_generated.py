"""Generated images: placeholders for the seed's missing screenshots, and social cards."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops

from generator.model.nodes import Image as Img
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
    for image, result in zip(images, results, strict=True):
        with Image.open(tmp_path / "out" / result.web_src) as drawn:
            assert drawn.size == (result.width, result.height) == placeholder.SIZE
            assert drawn.text["Title"] == image.title
            assert drawn.text["Description"] == placeholder.MARK
            assert drawn.text["Comment"] == placeholder.REASONS["missing"]
        assert Path(image.src).name in result.detail
        assert result.diagnostic.line == image.line
        assert image.alt in result.alt
        assert "screenshot not available" in result.alt
    assert not list(seed_path.parent.glob("media")), "nothing may be written beside the seed"


def test_references_with_the_same_title_share_one_placeholder(seed_path, tmp_path):
    images = list(iter_images(load(seed_path).tutorial))
    with ImageProcessor(seed_path.parent, tmp_path / "out", tmp_path / "cache") as processor:
        results = [processor.process(image, seed_path) for image in images]

    titles = {image.title for image in images}
    assert len(titles) == 19  # three of the seed's 22 screenshots repeat a title
    assert len({r.web_src for r in results}) == len(titles)
    assert len(list((tmp_path / "out").rglob("*.png"))) == len(titles)
    assert processor.stats.drawn == len(titles)
    assert len({r.detail for r in results}) == 22, "each reference still names its own file"


def test_placeholder_draws_the_title_and_the_same_clear_mark():
    width, height = placeholder.SIZE
    scenario = png(placeholder.placeholder_png("Scenario", "missing"))
    gallery = png(placeholder.placeholder_png("Application Gallery", "missing"))
    mark_band = (0, int(height * 0.36), width, int(height * 0.46))
    title_band = (0, int(height * 0.48), width, int(height * 0.75))

    assert not band_differs(scenario, gallery, mark_band)
    assert band_differs(scenario, gallery, title_band)
    mark_colours = {colour for _, colour in scenario.convert("RGB").crop(mark_band).getcolors(1 << 16)}
    assert PRIMARY in mark_colours


def test_long_titles_are_wrapped_inside_the_placeholder():
    width, _ = placeholder.SIZE
    drawn = png(placeholder.placeholder_png("Configure the single sign-on settings " * 8, "missing"))
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


def test_social_cards_share_header_and_band_and_keep_no_trace_of_earlier_cards():
    short = social.card_png("Tutorial: Contoso Mail", "Contoso Mail")
    long_title = " ".join(["Configure single sign-on and automatic user provisioning"] * 4)
    other = png(social.card_png(long_title, "A rather long application name for the card"))

    assert social.card_png("Tutorial: Contoso Mail", "Contoso Mail") == short
    width, height = social.SIZE
    for box in ((0, 0, width, 180), (0, height - 24, width, height)):
        assert not band_differs(png(short), other, box)


def test_each_kind_of_problem_says_so_under_the_same_title(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    tutorial = source / "tutorial.md"
    tutorial.write_text("# T\n", encoding="utf-8")
    (source / "empty.png").write_bytes(b"")
    srcs = {
        "missing": "media/gone.png",
        "remote": "https://example.com/a.png",
        "refused": "../outside.png",
        "broken": "empty.png",
    }
    with ImageProcessor(source, tmp_path / "out", tmp_path / "cache") as processor:
        results = {kind: processor.process(Img(src, "Sign on"), tutorial) for kind, src in srcs.items()}

    assert {kind: r.status for kind, r in results.items()} == {kind: kind for kind in srcs}
    assert len({r.web_src for r in results.values()}) == 4
    drawn = {kind: png((tmp_path / "out" / r.web_src).read_bytes()) for kind, r in results.items()}
    width, height = placeholder.SIZE
    reason_band = (0, int(height * 0.78), width, height - 12)
    for kind, image in drawn.items():
        assert image.text["Title"] == "Sign on"
        assert image.text["Comment"] == placeholder.REASONS[kind]
        assert band_differs(image, drawn["missing" if kind != "missing" else "remote"], reason_band)


def test_tutorials_missing_the_same_screenshot_share_its_placeholder_and_a_rebuild_draws_none(tmp_path):
    source = tmp_path / "source"
    paths = [source / name / "tutorial.md" for name in ("a", "b")]
    for path in paths:
        path.parent.mkdir(parents=True)
        path.write_text("# T\n", encoding="utf-8")
    refs = [Img(f"./media/IC{i}.png", "Configure App URL", line=i) for i in range(1, 4)]
    for site in ("site1", "site2"):
        with ImageProcessor(source, tmp_path / site, tmp_path / "cache") as processor:
            results = [processor.process(r, path) for path in paths for r in refs]
        assert processor.stats.placeholders == 6
        assert processor.stats.drawn == (1 if site == "site1" else 0)
        assert len({r.web_src for r in results}) == 1
        assert len({(r.diagnostic.file, r.diagnostic.line) for r in results}) == 6
