"""Social cards put together from cached words look as pillow draws them; their cache follows their style."""

from __future__ import annotations

import io

from PIL import Image, ImageChops, ImageDraw

from generator.render import drawing, social
from generator.render.images import ImageProcessor

# Titles with descenders, punctuation, a word cut with an ellipsis, and three sizes of text.
TITLES = [
    ("Tutorial: Azure Active Directory integration with Mimecast Admin Console", "Mimecast Admin Console"),
    ("Configure the gateway (preview), step by step: quirky jigs & 'quotes'", "Contoso Gateway"),
    ("Supercalifragilisticexpialidocious" * 3 + " and more words after it", ""),
    (" ".join(["Configure single sign-on and automatic user provisioning"] * 4), "An app " * 20),
]


def drawn_whole(title: str, app: str) -> Image.Image:
    """The card as pillow draws it line by line in full colour (how cards were drawn before)."""
    width, height = social.SIZE
    image = Image.new("RGB", social.SIZE, drawing.PRIMARY)
    draw = ImageDraw.Draw(image)
    for size in (68, 60, 52, 46):  # the largest size at which the title takes at most three lines
        lines = drawing.wrap(title, size, width - 160, 3 if size == 46 else 4)
        if len(lines) <= 3:
            break
    y = 210
    for line in lines:
        draw.text((80, y), line, font=drawing.font(size), fill=drawing.WHITE, stroke_width=1, anchor="la")
        y += round(size * 1.25)
    if app:
        app_line = drawing.wrap(app, 36, width - 160, 1)[0]
        face = drawing.font(36)
        draw.text((80, max(y + 24, height - 130)), app_line, font=face, fill=drawing.PRIMARY_LIGHT)
    return image


def test_a_card_shows_title_and_app_where_pillow_draws_them_within_one_shade():
    for title, app in TITLES:
        data = social.card_png(title, app)
        card = Image.open(io.BytesIO(data))
        card.load()
        body = (0, 180, social.SIZE[0], social.SIZE[1] - 24)  # below the site name, above the band

        assert (card.format, card.mode, card.size) == ("PNG", "P", social.SIZE)
        assert len(card.getcolors()) <= 16
        assert card.text == {"Title": title, "App": app}
        difference = ImageChops.difference(card.convert("RGB").crop(body), drawn_whole(title, app).crop(body))
        # One step of the 8 anti-aliasing shades between the blue and white is 24; rounding halves it.
        assert max(high for _, high in difference.getextrema()) <= 13, title
        assert len(data) < 16_000


def test_title_pixels_are_the_site_colours():
    card = Image.open(io.BytesIO(social.card_png(*TITLES[0]))).convert("RGB")

    assert card.getpixel((5, 300)) == drawing.PRIMARY
    assert card.getpixel((5, social.SIZE[1] - 5)) == drawing.PRIMARY_LIGHT
    colours = {colour for _, colour in card.crop((80, 200, 1120, 480)).getcolors(1 << 16)}
    assert drawing.WHITE in colours


def test_cards_do_not_depend_on_what_was_drawn_before():
    later = [social.card_png(title, app) for title, app in TITLES]
    social._title_word.cache_clear()
    drawing.text_width.cache_clear()

    assert [social.card_png(title, app) for title, app in reversed(TITLES)] == later[::-1]


def test_a_new_card_style_is_not_served_from_a_warm_cache(tmp_path, monkeypatch):
    title, app = TITLES[0]
    with ImageProcessor(tmp_path, tmp_path / "site1", tmp_path / "cache") as processor:
        before = processor.social_card(title, app)
    monkeypatch.setattr(social, "STYLE", social.STYLE + "-next")
    with ImageProcessor(tmp_path, tmp_path / "site2", tmp_path / "cache") as processor:
        after = processor.social_card(title, app)

    assert before != after
    assert processor.stats.drawn == 1
